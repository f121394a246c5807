/**
 * The digest feature as the bot runs it: the store, the scheduler (one per process), the library
 * as the source of articles, and the Discord poster bound once the client is ready. Commands use
 * `set / off / status / preview`; the bot calls `start(poster)` when ready and `stop()` on exit.
 */
import type { Analysis } from '../nlp/analyze';
import type { ArticleStore, DigestsStore, ShardFilter, StoredArticle, StoredSchedule } from '../store/ports';
import { systemClock, type Clock } from './clock';
import type { Digest, DigestArticle } from './compose';
import { nlpDigestPartsLoader } from './parts';
import { parseDays, parseTime, formatTime, validateTimezone } from './schedule';
import {
  DigestScheduler, type DigestPacing, type DigestSender, type DigestStatus, type DigestWindow, type DigestWindowArticles, type TickReport, type TickSummary,
} from './scheduler';

export interface DigestSettingsInput {
  readonly guildId: string;
  readonly channelId: string;
  readonly time: string;
  readonly timezone: string;
  readonly days?: string;
}

export interface DigestRuntime {
  readonly store: DigestsStore;
  readonly scheduler: DigestScheduler;
  readonly clock: Clock;
  /** Validate and save a schedule (throws ScheduleError with a code); re-plans the timer. */
  set(input: DigestSettingsInput): Promise<StoredSchedule>;
  /** Turn a server's digest off; false when it had none. */
  off(guildId: string): Promise<boolean>;
  status(guildId: string): Promise<DigestStatus>;
  preview(guildId: string): Promise<Digest | undefined>;
  /** The span of time the next digest would cover now, and whether it would be the server's first. */
  window(guildId: string): Promise<DigestWindow>;
  /** The poster once the Discord client is ready (undefined in the console). */
  readonly poster: DigestSender | undefined;
  /** Start sending due digests through `poster`: of the servers of `shards` when given (the gateway's, known once it has logged in), else of `deps.shards`. */
  start(poster: DigestSender, shards?: ShardFilter): void;
  /** Stop the scheduler; resolves when the tick in progress has finished. */
  stop(): Promise<void>;
}

export interface DigestRuntimeDeps {
  readonly store: DigestsStore;
  readonly articles: ArticleStore;
  /** The stored analysis of an article (quotes are reused from it). */
  readonly analysisOf?: (article: StoredArticle) => Promise<Analysis>;
  /** A feed's title by its URL, to name the digest's groups. */
  readonly feedTitleOf?: (feedUrl: string) => Promise<string | undefined>;
  readonly clock?: Clock;
  readonly onError?: (err: unknown, context: { guildId?: string; stage: string }) => void;
  /** The servers whose digests this process sends (a gateway's shards); all when undefined. */
  readonly shards?: ShardFilter;
  /** This process's name in the claims it takes (the scheduler's default otherwise). */
  readonly instanceId?: string;
  /** The digest claim's lease (LEASE_SECONDS × 1000); default 30 s. */
  readonly leaseMs?: number;
  /** The paced queue shared with the announcements (DISCORD_POSTS_PER_SECOND); unpaced when undefined. */
  readonly pacing?: DigestPacing;
  /** Digests sent at once by this process; default 4. */
  readonly concurrency?: number;
  /** Each digest sent whole (for /metrics). */
  readonly onSent?: (report: TickReport) => void;
  /** The end of a tick that found digests due: how many were sent, the last one's lateness (for the log). */
  readonly onTick?: (summary: TickSummary, reports: readonly TickReport[]) => void;
}

/**
 * The most articles of one window a digest lists: the newest, without their bodies (a few hundred
 * bytes each); older ones are counted, not listed. A digest shows 30 at most, 6 per feed, so the
 * groups and their "…and N more" are exact up to this many articles in a window (a week of 25 feeds
 * of 28 items a day); past it, the heading's count and the status's still are.
 */
export const DIGEST_WINDOW_LISTED = 5_000;

/**
 * Articles visible in the server added in (since, until], as digest entries without their bodies:
 * its own (members', feeds') and the bundled ones, which are news to every server when a file of
 * ARTICLES_DIR is first loaded or its text changes (a bundled article keeps the time it was first
 * stored while its text stays the same, so a restart does not make it news again). A feed's
 * first-poll items are not news (the store leaves them out). One bounded query on the window, not
 * the server's library; the bodies of the shown articles are read by the parts loader.
 */
function articlesBetween(deps: DigestRuntimeDeps) {
  return async (guildId: string, since: number, until: number): Promise<DigestWindowArticles> => {
    const window = await deps.articles.listingsAddedBetween(guildId, new Date(since).toISOString(), new Date(until).toISOString(), { limit: DIGEST_WINDOW_LISTED });
    // One read per feed, not per article: a busy feed has many articles in a window.
    const titles = new Map<string, Promise<string | undefined> | undefined>();
    const feedTitleOf = (url: string) => {
      if (!titles.has(url)) titles.set(url, deps.feedTitleOf?.(url));
      return titles.get(url);
    };
    const articles: DigestArticle[] = [];
    for (const l of window.listings) {
      const feedUrl = l.source.startsWith('feed:') ? l.source.slice('feed:'.length) : undefined;
      const feedTitle = feedUrl !== undefined ? ((await feedTitleOf(feedUrl)) ?? l.siteName ?? new URL(feedUrl).host) : undefined;
      articles.push({
        id: l.id,
        title: l.title,
        addedAt: new Date(Date.parse(l.addedAt)).toISOString(),
        ...(l.url !== undefined && { url: l.url }),
        ...(l.siteName !== undefined && { siteName: l.siteName }),
        ...(feedUrl !== undefined && feedTitle !== undefined && { feed: { url: feedUrl, title: feedTitle } }),
        ...(l.guildId === null && { bundled: true }),
      });
    }
    return { articles, omitted: window.total - window.listings.length };
  };
}

export function createDigestRuntime(deps: DigestRuntimeDeps): DigestRuntime {
  const { store, analysisOf } = deps;
  const clock = deps.clock ?? systemClock;
  let poster: DigestSender | undefined;
  const sender: DigestSender = {
    checkChannel: (g, c) => (poster ? poster.checkChannel(g, c) : Promise.resolve({ ok: false, code: 'CHANNEL_NOT_FOUND' })),
    send: (c, m, options) => {
      if (!poster) throw new Error('digest poster not started');
      return poster.send(c, m, options);
    },
  };
  // Each shown article's body and stored quotes (from its analysis, when the runtime has one), read
  // just before the digest is composed: only the few a digest shows are read whole.
  const parts = nlpDigestPartsLoader({
    loadStored: async (guildId, a) => {
      const article = await deps.articles.get(guildId, a.id);
      if (!article) return undefined;
      return { text: article.text, ...(analysisOf !== undefined && { quotes: (await analysisOf(article)).quotes }) };
    },
  });
  const scheduler = new DigestScheduler({
    store,
    sender,
    parts,
    clock,
    articles: { articlesAddedBetween: articlesBetween(deps) },
    ...(deps.onError !== undefined && { onError: deps.onError }),
    ...(deps.shards !== undefined && { shards: deps.shards }),
    ...(deps.leaseMs !== undefined && { leaseMs: deps.leaseMs }),
    ...(deps.instanceId !== undefined && { instanceId: deps.instanceId }),
    ...(deps.pacing !== undefined && { pacing: deps.pacing }),
    ...(deps.concurrency !== undefined && { concurrency: deps.concurrency }),
    ...(deps.onSent !== undefined && { onSent: deps.onSent }),
    ...(deps.onTick !== undefined && { onTick: deps.onTick }),
  });
  return {
    store,
    scheduler,
    clock,
    get poster() {
      return poster;
    },
    async set(input) {
      const time = formatTime(parseTime(input.time));
      const timezone = validateTimezone(input.timezone);
      const days = parseDays(input.days);
      const saved = await store.setSchedule({ guildId: input.guildId, channelId: input.channelId, time, timezone, days }, clock.now().getTime());
      scheduler.reschedule();
      return saved;
    },
    async off(guildId) {
      const done = await store.disable(guildId, clock.now().getTime());
      scheduler.reschedule();
      return done;
    },
    status: (guildId) => scheduler.status(guildId, clock.now()),
    preview: (guildId) => scheduler.preview(guildId, clock.now()),
    window: (guildId) => scheduler.window(guildId, clock.now()),
    start(p, shards) {
      poster = p;
      scheduler.start(shards);
    },
    async stop() {
      scheduler.stop();
      await scheduler.idle();
      poster = undefined;
    },
  };
}
