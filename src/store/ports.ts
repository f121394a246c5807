/**
 * What Lede stores, in one place: the async interfaces every runtime (library, feeds, digests,
 * threads, command registration) is given. Two adapters implement them with one set of queries
 * (src/store/sql): the embedded SQLite file, the default, and PostgreSQL (DATABASE_URL). Both pass
 * the one contract suite in test/store/contract.
 */
import type { Article } from '../article/model';

// ---- Articles -------------------------------------------------------------------------------

/** An article as the bot keeps it: the parsed article plus who added it, where, and when. */
export interface StoredArticle extends Article {
  /** The server it belongs to; null for bundled articles (visible in every server). */
  readonly guildId: string | null;
  /** A short handle typed by people: the file name of a bundled article, else a slug of the title. */
  readonly slug: string;
  /** Normalized URL used for duplicate detection (see `urlKey`). */
  readonly urlKey?: string;
  readonly addedBy?: string;
  /** ISO 8601 time it was added. */
  readonly addedAt: string;
  /** The feed that brought it: feed items are kept by the retention policy, member adds until removed. */
  readonly feedUrl?: string;
}

/** The light view used by lists and autocomplete (no body text). */
export interface ArticleListing {
  readonly id: string;
  readonly guildId: string | null;
  readonly slug: string;
  readonly title: string;
  readonly source: string;
  readonly url?: string;
  readonly siteName?: string;
  readonly publishedAt?: string;
  readonly addedBy?: string;
  readonly addedAt: string;
  /** Length of the body in characters. */
  readonly length: number;
}

/**
 * An article of a span of time as `listingsAddedBetween` lists it: no body, and nothing a row stores
 * after it (the digest reads the bodies of the few articles it shows, by id).
 */
export interface AddedListing {
  readonly id: string;
  /** The server's id when it holds a copy of its own (the one listed), null for a bundled article it holds no copy of. */
  readonly guildId: string | null;
  readonly slug: string;
  readonly title: string;
  readonly source: string;
  readonly url?: string;
  readonly siteName?: string;
  /** ISO 8601: the latest time a copy of it visible in the server was added within the span. */
  readonly addedAt: string;
}

/** The newest articles of a span of time, and how many the span holds in all. */
export interface AddedBetween {
  /** Newest first (ties: the later stored first), at most the limit asked for. */
  readonly listings: readonly AddedListing[];
  /** Every article of the span, listed or not (at least `listings.length`). */
  readonly total: number;
}

export interface NewArticle {
  readonly article: Article;
  readonly slug: string;
  readonly urlKey?: string;
  readonly addedBy?: string;
  readonly addedAt?: string;
  /** Set for a feed item (the feed's URL): the retention policy may prune it; unset for member adds. */
  readonly feedUrl?: string;
}

/** Who brought an article into a server: a member (kept until removed) or a feed (kept by the retention policy). */
export type ArticleOrigin = 'member' | 'feed';

/** What `insertFeedItem` did: stored it (and pruned the oldest feed items past the ceiling), or found it already there. */
export type FeedItemInsert =
  | { readonly kind: 'added'; readonly article: StoredArticle; readonly pruned: readonly PrunedCount[] }
  | { readonly kind: 'duplicate'; readonly by: 'url' | 'content'; readonly article: StoredArticle };

/**
 * What is written with a feed item in the same transaction, so a worker that dies between them
 * leaves neither half: the announcement for the gateway that owns the server (the outbox), or the
 * mark that it came with the feed's first poll (old news: never announced, never in a digest).
 */
export interface FeedItemOptions {
  readonly announce?: NewOutboxEntry;
  readonly firstPoll?: { readonly now: number };
}

/** Why feed items were pruned: the server's ceiling of feed items, or their age. */
export type PruneReason = 'ceiling' | 'age';

/** How many items of one feed the retention policy removed from one server, and why. */
export interface PrunedCount {
  readonly guildId: string;
  readonly feedUrl: string;
  readonly reason: PruneReason;
  readonly count: number;
}

/** What the periodic prune enforces: feed items added before `before` go, and each server keeps at most `maxPerServer`. */
export interface FeedRetention {
  /** ISO 8601: feed items added before this instant are pruned. */
  readonly before: string;
  /**
   * When given, servers holding more feed items than this are brought down to it (a ceiling lowered
   * since they were stored: a scan of every server's count, worth doing once per start, not hourly).
   */
  readonly maxPerServer?: number;
}

/** Feed items pruned from one server's library, by feed and reason, over a window. */
export interface PruneTally {
  readonly feedUrl: string;
  readonly reason: PruneReason;
  /** Items pruned in the window asked for. */
  readonly count: number;
  /** The last of those prunes (ISO 8601). */
  readonly lastAt: string;
}

/** What `insertChecked` did: stored the entry, found it already there, or found the server full. */
export type CheckedInsert =
  | { readonly kind: 'added'; readonly article: StoredArticle }
  | { readonly kind: 'duplicate'; readonly by: 'url' | 'content'; readonly article: StoredArticle }
  | { readonly kind: 'full' };

export interface ArticleStore {
  /** Insert into a server (or bundled when guildId is null). Rejects if (guild, id) already exists. */
  insert(guildId: string | null, entry: NewArticle): Promise<StoredArticle>;
  /**
   * Insert into a server unless an article with the entry's URL key or id is already visible there
   * (then that one is returned as the duplicate) or the server has `maxOwn` articles added by members
   * (feed items do not count: the retention policy bounds them). The checks and
   * the write are one transaction under the server's lock, so adds that raced (in this process or
   * another one on the same database) cannot exceed the limit or store the same article twice.
   */
  insertChecked(guildId: string, entry: NewArticle, maxOwn: number): Promise<CheckedInsert>;
  /**
   * Insert a feed item (`entry.feedUrl` set) unless the server already has it (by URL key or id,
   * as `insertChecked`). When the server then holds more than `maxFeedItems` feed items, the oldest
   * ones (by addedAt) are deleted with their orphaned analyses and counted in the prune log, in the
   * same transaction under the server's lock: racing inserts never leave more than the ceiling.
   * Member-added articles are never pruned and do not count.
   */
  insertFeedItem(guildId: string, entry: NewArticle & { readonly feedUrl: string }, maxFeedItems: number, options?: FeedItemOptions): Promise<FeedItemInsert>;
  /**
   * The periodic prune: delete every server's feed items added before `retention.before`, then (when
   * `retention.maxPerServer` is given) the oldest feed items of any server above it, with their
   * orphaned analyses, each counted in the prune log at `now` (ISO 8601);
   * prune-log days before `forgetLogBefore` are forgotten. Works in batches, each its own
   * transaction, so a large prune never holds the database (or a server's lock) for long.
   * Resolves to how many went, by server, feed and reason.
   */
  pruneFeedItems(retention: FeedRetention, now: string, forgetLogBefore: string): Promise<PrunedCount[]>;
  /**
   * The prune log of one server since `since` (ISO 8601): one tally per feed and reason that pruned
   * anything then or later. The log counts by UTC day, so the window starts at the beginning of
   * `since`'s day.
   */
  pruneTallies(guildId: string, since: string): Promise<PruneTally[]>;
  /** Insert or refresh a bundled article, keeping its original addedAt. */
  upsertBundled(entry: NewArticle): Promise<StoredArticle>;
  /** Delete bundled articles whose id is not in `keep`; resolves to how many went. */
  pruneBundled(keep: ReadonlySet<string>): Promise<number>;
  /** An article visible in the server (its own or bundled). */
  get(guildId: string, id: string): Promise<StoredArticle | undefined>;
  /** The server's own article with this normalized URL, else a bundled one. */
  findByUrlKey(guildId: string, urlKey: string): Promise<StoredArticle | undefined>;
  /**
   * Every article visible in the server, newest first, without text: the whole library, for tools
   * and as the tests' oracle; nothing on a request path calls it (it grows with the archive).
   */
  listings(guildId: string): Promise<ArticleListing[]>;
  /**
   * The news of a span of time in a server: the articles visible there (its own and the bundled ones)
   * added after `since` and at or before `until` (ISO 8601), newest first, at most `limit` of them,
   * and how many there are. Each article once, as `get` reads it (the server's copy over a bundled
   * one), at the latest time a visible copy was added in the span. A feed's first-poll items
   * (`FeedsStore.markFirstPollItems`) are left out: they were in the feed before the server followed
   * it, so they are old news. Reads the span's rows on the (guild_id, added_at) index, not the
   * server's library. Throws RangeError when `limit` is not a whole number of at least 1.
   */
  listingsAddedBetween(guildId: string, since: string, until: string, options: { readonly limit: number }): Promise<AddedBetween>;
  /** One page of listings, newest first. */
  page(guildId: string, offset: number, limit: number): Promise<ArticleListing[]>;
  /** Number of articles visible in the server (own + bundled). */
  countVisible(guildId: string): Promise<number>;
  /** Number of the server's own articles: all of them, or only those added by members or by feeds. */
  countOwn(guildId: string, origin?: ArticleOrigin): Promise<number>;
  /** Remove one of the server's own articles. Bundled articles cannot be removed. */
  remove(guildId: string, id: string): Promise<boolean>;
}

// ---- Analyses -------------------------------------------------------------------------------

export interface StoredAnalysis {
  readonly version: number;
  /** The analysis as JSON text, exactly as saved (read back through a schema by the library). */
  readonly json: string;
  readonly computedAt: string;
}

export interface AnalysisStore {
  get(articleId: string): Promise<StoredAnalysis | undefined>;
  /**
   * Store an analysis. With `quotes`, its search rows (SearchStore) are replaced with it: both are
   * written in bounded steps and seen together from the last one on (src/store/sql/analysis-writes.ts);
   * without, the article's old rows go and it waits for the search backfill.
   */
  put(articleId: string, version: number, json: string, quotes?: readonly IndexedQuote[]): Promise<void>;
  /** Drop analyses no article refers to any more (after removals), and what writes that died left; how many analyses went. */
  pruneOrphans(): Promise<number>;
  /** How many stored analyses are of a version older than `version` (an index read: the recompute backlog after an upgrade). */
  countOlder(version: number): Promise<number>;
  /**
   * Among the `span` article rows (any server) just below row `before` (undefined: the newest rows),
   * those whose stored analysis is older than `version`, newest row first; `next` is the lowest row
   * read (the next call's `before`), undefined when no row was left below `before`. Each call reads
   * at most `span` article rows, however many analyses are old.
   */
  olderAmong(version: number, before: number | undefined, span: number): Promise<OlderAnalyses>;
  /**
   * Claim the recompute of an article's analysis for `holder` while it is older than `version`:
   * false when its stored analysis is current (or gone), or another holder's claim is younger than
   * the lease. Two processes never recompute the same analysis at once.
   */
  claimRecompute(articleId: string, version: number, holder: string): Promise<boolean>;
  /** Give a recompute claim back (after the write, or after a failure: the next start tries again). */
  releaseRecompute(articleId: string, holder: string): Promise<void>;
}

/** What `olderAmong` found: article rows whose stored analysis is older, and where to read on. */
export interface OlderAnalyses {
  readonly articles: ReadonlyArray<{ readonly pk: number; readonly guildId: string | null; readonly id: string }>;
  readonly next: number | undefined;
}

// ---- Bot state and threads ------------------------------------------------------------------

/** Small key-value state kept between restarts (the hash of the commands last registered...). */
export interface StateStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface ArticleThread {
  readonly threadId: string;
  readonly guildId: string;
  readonly channelId: string;
  /** The message the thread was started on (one thread per message). */
  readonly messageId: string;
  readonly articleId: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** Discussion threads started from an article message: which article a thread is about. */
export interface ThreadStore {
  save(thread: Omit<ArticleThread, 'createdAt'>): Promise<ArticleThread>;
  get(threadId: string): Promise<ArticleThread | undefined>;
  byMessage(messageId: string): Promise<ArticleThread | undefined>;
  remove(threadId: string): Promise<boolean>;
}

// ---- Automatic summaries of posted links ----------------------------------------------------

/** A channel where an admin turned automatic summaries on (`/autosummary on`). Times are epoch ms. */
export interface AutoSummaryChannel {
  readonly guildId: string;
  readonly channelId: string;
  readonly enabledBy: string;
  readonly enabledAt: number;
}

/** The channels whose posted article links Lede answers with a summary and key quotes. */
export interface AutoSummaryStore {
  /** Turn it on; false when it already was (the first admin and time are kept). */
  enable(channel: AutoSummaryChannel): Promise<boolean>;
  /** Turn it off; false when it was not on. */
  disable(guildId: string, channelId: string): Promise<boolean>;
  /** The channel's row when it is on (read for each posted message that holds a link). */
  get(channelId: string): Promise<AutoSummaryChannel | undefined>;
  /** A server's channels, oldest first. */
  list(guildId: string): Promise<AutoSummaryChannel[]>;
}

// ---- Feeds ----------------------------------------------------------------------------------

/** One fetched URL and its polling state. Times are epoch milliseconds. */
export interface FeedSource {
  readonly url: string;
  readonly title?: string;
  readonly siteUrl?: string;
  readonly format?: string;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly intervalMs: number;
  readonly nextPollAt: number;
  readonly lastPolledAt?: number;
  readonly lastSuccessAt?: number;
  readonly lastErrorCode?: string;
  readonly lastErrorMessage?: string;
  readonly lastErrorAt?: number;
  /** Consecutive failures since the last success. */
  readonly failures: number;
  readonly disabledAt?: number;
  /** The error code that disabled the feed. */
  readonly disabledReason?: string;
  /** False until the first successful poll has recorded what the feed already holds. */
  readonly primed: boolean;
  readonly createdAt: number;
  /** Items delivered since the feed was added. */
  readonly deliveredCount: number;
  /** New items left out since the feed was added (too long for the library). */
  readonly skippedCount: number;
  /** When an item was last left out, and why (a sentence for `/feed status`). */
  readonly lastSkippedAt?: number;
  readonly lastSkippedReason?: string;
}

/**
 * How a followed feed's new items reach the channel: a message in a text channel (the default,
 * absent from a subscription), a thread started on that message per item, or a post per item in a
 * forum channel.
 */
export type FeedDeliveryMode = 'message' | 'thread' | 'forum';

export interface FeedSubscription {
  readonly guildId: string;
  readonly url: string;
  readonly channelId?: string;
  readonly addedBy?: string;
  readonly addedAt: number;
  /** Set when not 'message' (a message in the channel). */
  readonly delivery?: 'thread' | 'forum';
  /** Keywords (words or phrases, as given): an item is taken when it holds one of them; absent = every item. */
  readonly include?: readonly string[];
  /** Keywords: an item holding one of them is left out; absent = none left out. */
  readonly exclude?: readonly string[];
}

/** A change to a subscription: fields given are set (`channelId: null` and `[]` clear), the rest kept. */
export interface SubscriptionPatch {
  readonly channelId?: string | null;
  readonly delivery?: FeedDeliveryMode;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

export interface SuccessUpdate {
  readonly now: number;
  readonly nextPollAt: number;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly title?: string;
  readonly siteUrl?: string;
  readonly format?: string;
  readonly delivered: number;
  /** New items left out in this poll, and why the last of them was. */
  readonly skipped?: number;
  readonly lastSkippedReason?: string;
}

export interface FailureUpdate {
  readonly now: number;
  readonly nextPollAt: number;
  readonly code: string;
  readonly message: string;
  readonly disable: boolean;
}

export interface FeedsStore {
  /** Follow `url` in a server. Creates the source (due now) if new; re-enables it if it was disabled. */
  subscribe(guildId: string, url: string, opts: {
    channelId?: string; addedBy?: string; now: number; intervalMs: number;
    delivery?: FeedDeliveryMode; include?: readonly string[]; exclude?: readonly string[];
  }): Promise<{
    subscription: FeedSubscription;
    created: boolean;
  }>;
  /** Stop following; the source and its memory go when no server follows it any more. */
  unsubscribe(guildId: string, url: string): Promise<boolean>;
  subscriptions(guildId: string): Promise<FeedSubscription[]>;
  countSubscriptions(guildId: string): Promise<number>;
  subscribersOf(url: string): Promise<FeedSubscription[]>;
  source(url: string): Promise<FeedSource | undefined>;
  /** Enabled sources due at `now`, earliest first (leased or not: what is owed, for status and benches). */
  dueSources(now: number, limit: number): Promise<FeedSource[]>;
  /**
   * Take the polls of up to `limit` enabled sources due at `now` that no other holder leases (or
   * whose lease ran out before `now`), earliest due first: each is leased to `holder` until
   * `now + leaseMs`, in one statement. On PostgreSQL the due rows are claimed with
   * `FOR UPDATE SKIP LOCKED`, so workers claiming at the same moment share them without overlap.
   */
  claimDue(now: number, limit: number, holder: string, leaseMs: number): Promise<FeedSource[]>;
  /** Lease one enabled source to `holder` for a poll now, whatever its schedule (`/feed add`); undefined when another holder's lease runs. */
  claimSource(url: string, now: number, holder: string, leaseMs: number): Promise<FeedSource | undefined>;
  /** Extend `holder`'s leases on `urls` to `now + leaseMs` (a long poll); resolves to the URLs it still holds. */
  renewLeases(holder: string, urls: readonly string[], now: number, leaseMs: number): Promise<string[]>;
  /** Hand back `holder`'s leases (all of them, or those on `urls`) so another worker polls them at once; how many went. */
  releaseLeases(holder: string, urls?: readonly string[]): Promise<number>;
  /** Who holds leases that run at `now`, with how many feeds each (for /metrics). */
  leaseHolders(now: number): Promise<Array<{ readonly holder: string; readonly feeds: number }>>;
  /** The earliest instant a poll is owed and free to take: max(next poll, lease end) among enabled sources. */
  nextDueAt(): Promise<number | undefined>;
  /** Record a poll's result; the lease on the source is handed back with it. */
  recordSuccess(url: string, update: SuccessUpdate): Promise<void>;
  recordFailure(url: string, update: FailureUpdate): Promise<void>;
  /** Which of `keys` the source has seen since `since` (epoch ms). */
  seenKeys(url: string, keys: readonly string[], since: number): Promise<Set<string>>;
  /** Remember `keys` as seen at `now` (refreshing ones already known). */
  rememberKeys(url: string, keys: readonly string[], now: number): Promise<void>;
  /** Forget keys last seen before `before`; resolves to how many went. */
  pruneSeen(before: number): Promise<number>;
  /** Change one server's subscription (channel, delivery, filters); undefined when it does not follow `url`. */
  updateSubscription(guildId: string, url: string, patch: SubscriptionPatch): Promise<FeedSubscription | undefined>;
  /**
   * Remember articles a feed's first poll put in a server's library without announcing them (old
   * news: the digest leaves them out). Forgotten with the seen keys, by `pruneSeen`.
   */
  markFirstPollItems(guildId: string, url: string, articleIds: readonly string[], now: number): Promise<void>;
  /** The ids of the articles first polls brought into the server (about 10 per feed followed, kept a year); the digest's query reads the table itself. */
  firstPollItems(guildId: string): Promise<Set<string>>;
}

// ---- Digests --------------------------------------------------------------------------------

/** Every day, Monday to Friday, or chosen days (0 = Sunday ... 6 = Saturday). */
export type DigestDays = 'daily' | 'weekdays' | readonly number[];

/** A server's digest: where, at what local time in which IANA zone, on which days. */
export interface DigestSchedule {
  readonly guildId: string;
  readonly channelId: string;
  /** Local time, "HH:MM" (24 h). */
  readonly time: string;
  /** IANA time zone, e.g. "Europe/Berlin". */
  readonly timezone: string;
  readonly days: DigestDays;
}

export interface StoredSchedule extends DigestSchedule {
  readonly enabled: boolean;
  /** When the time, zone or days last changed (epoch ms): runs before this instant are not owed. */
  readonly updatedAt: number;
  readonly createdAt: number;
  /** Articles added after this instant go into the next digest (epoch ms); unset before the first digest. */
  readonly coveredUntil?: number;
  /**
   * Articles added after `coveredUntil` that a partly posted digest already delivered: the next digest
   * leaves them out (empty after a digest that went out whole).
   */
  readonly coveredIds: readonly string[];
  /** The last time a due digest could not be posted, and why (a stable code + detail). */
  readonly blockedAt?: number;
  readonly blockedReason?: string;
  readonly blockedDetail?: string;
}

export type RunStatus = 'sending' | 'sent' | 'empty' | 'failed';

export interface DigestRun {
  readonly guildId: string;
  readonly localDate: string;
  readonly status: RunStatus;
  readonly scheduledFor: number;
  readonly claimedAt: number;
  readonly finishedAt?: number;
  readonly instanceId: string;
  readonly attempts: number;
  readonly articleCount: number;
  readonly messageIds: readonly string[];
  readonly reason?: string;
  readonly channelId: string;
  /**
   * The digest the run posts, fixed before its first message (the scheduler's JSON): a holder taking
   * the run over posts the rest of this same digest, so a message repeated with its nonce is the
   * same message. Kept while the run is sending or failed, dropped once it is sent or empty.
   */
  readonly plan?: string;
}

export interface RunClaim {
  readonly guildId: string;
  readonly localDate: string;
  readonly scheduledFor: number;
  readonly now: number;
  readonly instanceId: string;
  readonly channelId: string;
}

export interface RunResult {
  readonly status: Exclude<RunStatus, 'sending'>;
  readonly now: number;
  readonly articleCount: number;
  readonly messageIds: readonly string[];
  readonly reason?: string;
  readonly coveredUntil?: number;
  readonly coveredIds?: readonly string[];
  /** When given, the run is finished only if this instance still holds its 'sending' claim (else nothing is written). */
  readonly instanceId?: string;
}

/** Messages a run has posted so far, and the coverage they give (see `partialCoverage`). */
export interface RunProgress {
  readonly now: number;
  /** Every message the run has posted, in order (those of earlier holders first). */
  readonly messageIds: readonly string[];
  readonly coveredUntil: number;
  readonly coveredIds: readonly string[];
}

export interface DigestsStore {
  /** Set (or replace) a server's schedule; re-enables it. */
  setSchedule(s: DigestSchedule, now: number): Promise<StoredSchedule>;
  /** Turn the digest off; resolves to false when there was none. */
  disable(guildId: string, now: number): Promise<boolean>;
  schedule(guildId: string): Promise<StoredSchedule | undefined>;
  /** Enabled schedules, by server id; with `shards`, only the servers of those shards (ShardFilter). */
  enabledSchedules(shards?: ShardFilter): Promise<StoredSchedule[]>;
  /** Record why a due digest could not be posted (permissions, missing channel). */
  recordBlocked(guildId: string, at: number, reason: string, detail: string): Promise<void>;
  /**
   * Claim the right to send the digest of `localDate`. True for exactly one caller per (guild, day):
   * the first insert wins; a failed run with nothing delivered may be claimed again up to
   * `maxAttempts`; a 'sending' run whose holder has not renewed it for `leaseMs` (a crashed
   * process) is taken over (attempts + 1), keeping the messages it recorded as posted.
   */
  claimRun(run: RunClaim, maxAttempts: number, leaseMs: number): Promise<boolean>;
  /** Keep `instanceId`'s claim alive at `now` (a send waiting for its turn); false when it is not its claim any more (taken over). */
  renewRun(guildId: string, localDate: string, instanceId: string, now: number): Promise<boolean>;
  /**
   * Record messages posted so far by the run `instanceId` holds, and move the schedule's coverage
   * past what they delivered, in one transaction (a crash after this never posts them again);
   * renews the claim. False (nothing written) when it is not its claim any more.
   */
  recordProgress(guildId: string, localDate: string, instanceId: string, progress: RunProgress): Promise<boolean>;
  /**
   * Hand `instanceId`'s claim back (a process stopping mid-digest): its renewal time becomes
   * `staleAt`, an instant already older than the lease, so the next claim takes the run over at once.
   */
  releaseRun(guildId: string, localDate: string, instanceId: string, staleAt: number): Promise<boolean>;
  /** Fix the digest `instanceId`'s run will post (DigestRun.plan), before its first message; renews the claim. False when it is not its claim any more. */
  recordPlan(guildId: string, localDate: string, instanceId: string, plan: string, now: number): Promise<boolean>;
  /**
   * Finish a claimed run. When `coveredUntil` is given (whatever the status: a partly posted digest
   * covers what it posted), the schedule's coverage moves to it, with `coveredIds` (default none).
   * False (nothing written) when `result.instanceId` is given and no longer holds the claim.
   */
  finishRun(guildId: string, localDate: string, result: RunResult): Promise<boolean>;
  run(guildId: string, localDate: string): Promise<DigestRun | undefined>;
  lastRun(guildId: string): Promise<DigestRun | undefined>;
  /**
   * 'sending' runs of the servers in `shards` (all when undefined) whose claim was last renewed before
   * `claimedBefore` and not before `claimedAfter` (older ones can no longer be owed), oldest first:
   * the runs a crashed process left, for the scheduler to take over without reading every schedule.
   */
  staleRuns(shards: ShardFilter | undefined, claimedBefore: number, claimedAfter: number, limit: number): Promise<DigestRun[]>;
  /** The oldest renewal (epoch ms) of a 'sending' run of `shards` renewed at or after `since`: when the first live claim could go stale. */
  earliestLiveClaim(shards: ShardFilter | undefined, since: number): Promise<number | undefined>;
}

// ---- Search ---------------------------------------------------------------------------------

/** What autocomplete and lookup read of a candidate article: its listing without the body's length. */
export type ArticleHeading = Omit<ArticleListing, 'length'>;

/** A typed article reference as the matcher reads it (src/library/match.ts `articleQuery`). */
export interface ArticleSearch {
  /** The trimmed lower-case text: a title substring when it has 3 characters or more; a slug. */
  readonly text: string;
  /** Folded words, each the start of a title word or a slug part. */
  readonly words: readonly string[];
  /** Hex text of at least 4 characters: the start of an id. */
  readonly idPrefix?: string;
  /** Also titles that merely contain `text` (3 characters or more): the matcher's lowest tier. */
  readonly substring: boolean;
}

/** One quote of an analysis as the search rows keep it (the library derives it from the analysis). */
export interface IndexedQuote {
  /** The speaker index's key of its speaker ("richard grenell"), or null when it names none. */
  readonly speakerKey: string | null;
  /** The name the quote is filed under ("Richard Grenell"), null with the key. */
  readonly name: string | null;
  /** The speaker as written when it is a name ("US envoy Richard Grenell"), kept as an alias, and its key. */
  readonly mention: string | null;
  readonly mentionKey: string | null;
  /** The phrase-search words of the quote (folded, in order). */
  readonly words: readonly string[];
  /** The quote itself as JSON, read back through the library's schema. */
  readonly json: string;
}

/** A speaker key's counts in one server (its own articles plus the bundled ones). */
export interface SpeakerKeyCount {
  readonly key: string;
  readonly quotes: number;
  readonly articles: number;
  /** Articles that also quote the key's last word alone ("Donald Trump" and "Trump"); 0 for one-word keys. */
  readonly withLast: number;
}

/** A name or mention written for a speaker key in one server, with the quotes that carry it. */
export interface SpeakerForm {
  readonly key: string;
  readonly form: string;
  /** True for the name quotes are filed under, false for a mention kept as an alias. */
  readonly isName: boolean;
  readonly quotes: number;
}

/** A quote found by a search, with the article (visible in the server) it comes from. */
export interface FoundQuote {
  readonly article: ArticleHeading;
  /** Its place among the analysis's quotes (text order). */
  readonly idx: number;
  /** The phrase-search words, space-separated. */
  readonly words: string;
  readonly json: string;
}

/**
 * Indexed look-ups over a server's articles and quotes, so what commands search costs the same in
 * a server of ten articles and one of 100,000. Every list is bounded by its `limit`; candidates
 * come newest first and the library ranks them with its own rules.
 */
export interface SearchStore {
  /**
   * Articles visible in the server that may match `query`: up to `limit` (newest first) for each
   * way of matching (id prefix, slug, word starts, title substring), one list, newest first.
   */
  articleCandidates(guildId: string, query: ArticleSearch, limit: number): Promise<ArticleHeading[]>;
  /** Index an analysis stored earlier (in bounded steps, seen at the last); false when the stored version is another. */
  indexQuotes(articleId: string, version: number, quotes: readonly IndexedQuote[]): Promise<boolean>;
  /** Articles (any server) whose quotes are not indexed, after row `after`, at most `limit`, in row order. */
  unindexed(after: number, limit: number): Promise<Array<{ readonly pk: number; readonly guildId: string | null; readonly id: string }>>;
  /** The server's most quoted speaker keys, most first, at most `limit`. */
  topSpeakerKeys(guildId: string, limit: number): Promise<string[]>;
  /** Speaker keys of the server with a name or mention whose key is `formKey`. */
  speakerKeysByForm(guildId: string, formKey: string): Promise<string[]>;
  /**
   * Speaker keys of the server with a name or mention containing `typed` (lower case; at a word
   * start when shorter than 3 characters), at most `limit`, most recently seen first.
   */
  speakerKeysByText(guildId: string, typed: string, limit: number): Promise<string[]>;
  /** Every speaker key of the server ending with one of `lastWords`, with its counts (sorted by key). */
  speakerKeys(guildId: string, lastWords: readonly string[]): Promise<SpeakerKeyCount[]>;
  /** The names and mentions written in the server for these keys (sorted by key, names first). */
  speakerForms(guildId: string, keys: readonly string[]): Promise<SpeakerForm[]>;
  /** The speaker keys quoted in an article, with how many quotes each. */
  speakerKeysOf(articleId: string): Promise<Map<string, number>>;
  /** Quotes filed under `keys` in the server (or in one article), newest article first, then text order. */
  quotesBy(guildId: string, keys: readonly string[], options: { readonly articleId?: string; readonly limit: number }): Promise<FoundQuote[]>;
  /**
   * Quotes in the server containing at least one of `anyOf` (whole words), optionally only under
   * `keys`: the `limit` most recently indexed, newest article first then text order. With
   * `articleId`, the quotes of that article (up to `limit`) whatever their words; with `keys` that
   * hold at most `limit` quotes, all of those (the caller scores them either way).
   */
  quotesWithWords(
    guildId: string,
    anyOf: readonly string[],
    options: { readonly articleId?: string; readonly keys?: readonly string[]; readonly limit: number },
  ): Promise<FoundQuote[]>;
}

// ---- Announcements between processes ---------------------------------------------------------

/** Discord's shards a gateway process runs: a server belongs to shard `(guild_id >> 22) % count` (src/store/shards.ts). */
export interface ShardFilter {
  readonly count: number;
  readonly ids: readonly number[];
}

/** A feed item's announcement, rendered by the worker that stored the item, for a gateway to post. */
export interface NewOutboxEntry {
  readonly guildId: string;
  readonly channelId: string;
  readonly delivery: FeedDeliveryMode;
  /** The message as JSON (the digest's DigestMessage shape: content and embeds). */
  readonly message: string;
  /** The thread's (or forum post's) name, for 'thread' and 'forum' delivery. */
  readonly threadName?: string;
  /** The feed the item came from (kept as the thread's creator). */
  readonly feedUrl: string;
}

export interface OutboxItem extends NewOutboxEntry {
  readonly id: number;
  /** The article the announcement is about (set by `insertFeedItem`). */
  readonly articleId: string;
  readonly createdAt: number;
  /** Not sent before this instant (a retry's backoff). */
  readonly dueAt: number;
  /** Sends tried so far (0 for a new entry). */
  readonly attempts: number;
  readonly lastError?: string;
}

/** What a gateway did with an announcement it claimed. */
export type OutboxOutcome =
  | { readonly kind: 'sent'; readonly messageId: string; readonly threadId?: string }
  /** Try again at `retryAt` (a 5xx, a timeout, a rate limit). */
  | { readonly kind: 'retry'; readonly retryAt: number; readonly error: string }
  /** Never deliverable (the channel is gone, the bot may not post there): kept as failed, not retried. */
  | { readonly kind: 'failed'; readonly error: string };

/**
 * Feed announcements on their way from the workers (which write them with the article, in one
 * transaction) to the gateway that owns the server, which sends each once: claimed with a lease,
 * so a gateway that dies mid-send has its entries taken over when the lease runs out.
 */
export interface OutboxStore {
  /**
   * Lease to `holder` until `now + leaseMs` up to `limit` pending entries due at `now` of the
   * servers in `shards` (all servers when undefined), oldest first, that no other holder leases (or
   * whose lease ran out). On PostgreSQL with `FOR UPDATE SKIP LOCKED`.
   */
  claim(shards: ShardFilter | undefined, now: number, holder: string, leaseMs: number, limit: number): Promise<OutboxItem[]>;
  /** Extend `holder`'s leases on `ids` (a send waiting for its turn); the ids it still holds. */
  renew(holder: string, ids: readonly number[], now: number, leaseMs: number): Promise<number[]>;
  /** Record what became of an entry `holder` claimed; false when the lease was lost (another holder took it). */
  finish(id: number, holder: string, outcome: OutboxOutcome, now: number): Promise<boolean>;
  /** Hand back `holder`'s leases (a stop): its entries are pending again for the next claim. */
  release(holder: string): Promise<number>;
  /** Pending entries and the oldest one's creation (epoch ms), for /metrics and logs. */
  depth(): Promise<{ readonly pending: number; readonly oldestAt?: number }>;
  /** The earliest instant a pending entry of `shards` is due and free, if any (the sender's timer). */
  nextDueAt(shards: ShardFilter | undefined): Promise<number | undefined>;
  /** Delete entries finished (sent or failed) before `before`; how many went. */
  prune(before: number): Promise<number>;
}

/**
 * Slots of a paced queue shared by every process on the database: each `reserve` takes the next
 * slot of `key` at least `intervalMs` after the previous one and not before `now`, so scheduled
 * posts (digests, announcements) of all processes together stay under Discord's global rate.
 */
export interface PacingStore {
  /** The slot's instant (epoch ms): post at that time, not before. */
  reserve(key: string, now: number, intervalMs: number): Promise<number>;
}

// ---- All of them ----------------------------------------------------------------------------

export interface Stores {
  /** Which adapter: 'sqlite' (a file) or 'postgres' (a server). */
  readonly kind: 'sqlite' | 'postgres';
  readonly articles: ArticleStore;
  readonly analyses: AnalysisStore;
  readonly state: StateStore;
  readonly threads: ThreadStore;
  readonly feeds: FeedsStore;
  readonly digests: DigestsStore;
  readonly search: SearchStore;
  readonly autoSummary: AutoSummaryStore;
  readonly outbox: OutboxStore;
  readonly pacing: PacingStore;
  close(): Promise<void>;
}
