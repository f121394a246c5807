/**
 * The feed feature as the bot runs it, on the stores it is given (never a database handle): the
 * poller, the service the `/feed` command calls, delivery of new items into each following
 * server's library, and the sender of their announcements. An item a subscription's keyword filters
 * leave out is neither stored nor announced for that server. The items of a first poll go into the
 * libraries silently and are remembered as old news (the digest leaves them out).
 *
 * An announcement (when the subscription names a channel: a short silent message, a message with a
 * thread per item, or a forum post per item) is rendered by the process that stores the item and
 * written to the outbox in the item's own transaction; the process that runs the server's shard
 * posts it (src/feeds/outbox-sender.ts). So the two halves can run in different processes:
 *
 *   runtime.start(poster)                              LEDE_ROLE=all: poll, and post every server's
 *                                                      announcements (one process, as always)
 *   runtime.start({ poll: true })                      worker: poll and store, post nothing
 *   runtime.start({ poll: false, deliver: { poster, shards } })
 *                                                      gateway: post the announcements of the
 *                                                      servers of `shards` (all when undefined)
 *   runtime.start({ poll: true, deliver: { poster } }) the same as start(poster)
 *   runtime.stop()                                     stop both; the sender's claims are handed back
 *
 * When one process both polls and posts, a poll's announcements are posted before the poll ends
 * (the sender is flushed after each item), as they were when posting was part of the poll. The
 * sender's lease, pace and name come from `FeedRuntimeDeps.sender` (LEASE_SECONDS,
 * DISCORD_POSTS_PER_SECOND), wired by the composition root.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config';
import { DEFAULT_DIGEST_CAPS } from '../digest/limits';
import { renderArticle, type DigestArticle, type DigestMessage } from '../digest/compose';
import { nlpDigestParts } from '../digest/parts';
import { clip, escapeMarkdown } from '../digest/markdown';
import { fetchOptionsFromConfig, safeFetch } from '../fetch';
import { parseArticle } from '../article';
import { LIBRARY_LIMITS, slugify, urlKey } from '../library';
import { pruneByPolicy, retentionPolicyOf } from '../library/retention';
import type { Analysis } from '../nlp/analyze';
import type { ArticleStore, FeedItemOptions, FeedsStore, FeedSubscription, NewOutboxEntry, OutboxStore, PacingStore, ShardFilter, StoredArticle, ThreadStore } from '../store/ports';
import { hasFilter, matchText, passesFilter, type MatchText } from './filter';
import { OutboxSender, type OutboxSenderDeps } from './outbox-sender';
import { FeedPoller, type DeliveryResult, type FeedDelivery, type FeedPollerDeps } from './poller';
import { threadName, type FeedPoster } from './poster';
import { createFeedService, type FeedService } from './service';
import type { MakeArticle } from './full-text';

/** What this process does with feeds (see the header). */
export interface FeedRoles {
  /** Poll due feeds and store their new items (with their announcements, in the outbox). */
  readonly poll: boolean;
  /** Post the outbox's announcements of the servers of `shards` (all when undefined) through `poster`. */
  readonly deliver?: { readonly poster: FeedPoster; readonly shards?: ShardFilter };
}

export interface FeedRuntime {
  readonly store: FeedsStore;
  readonly poller: FeedPoller;
  readonly service: FeedService;
  /** Check that the bot could post in a channel (undefined before the client is ready, and in a process that does not post). */
  readonly poster: FeedPoster | undefined;
  /** The announcements' sender while this process posts them (started with `deliver`), else undefined. */
  readonly sender: OutboxSender | undefined;
  /** `start(poster)`: poll and post (one process). `start(roles)`: only what `roles` says. */
  start(rolesOrPoster: FeedRoles | FeedPoster): void;
  /** Stop polling and posting; resolves when the poll and the post in progress have finished and the sender's claims are handed back. */
  stop(): Promise<void>;
}

/** The sender's settings the composition root passes (LEASE_SECONDS, DISCORD_POSTS_PER_SECOND, metrics hooks). */
export type FeedSenderOptions = Partial<Pick<OutboxSenderDeps, 'holder' | 'leaseMs' | 'postsPerSecond' | 'onSent' | 'onFailed'>>;

export interface FeedRuntimeDeps {
  readonly store: FeedsStore;
  readonly config: Config;
  readonly articles: ArticleStore;
  /**
   * What posting announcements needs (`start` with a poster): the outbox they wait in, the paced
   * queue every scheduled post takes a slot from (shared with the digests), and where the threads
   * started for items are registered, so @mentions in them are answered about the item. A process
   * that only polls needs none of them: it writes announcements through `articles.insertFeedItem`.
   */
  readonly outbox?: OutboxStore;
  readonly pacing?: PacingStore;
  readonly threads?: ThreadStore;
  readonly sender?: FeedSenderOptions;
  /** The poller's lease settings (LEASE_SECONDS) and name, and a hook on each poll's report (/metrics). */
  readonly polling?: Partial<Pick<FeedPollerDeps, 'holder' | 'leaseMs' | 'onPolled'>>;
  /** Where feed items are parsed (the bot's worker pool, so a long item holds no event loop); default in this thread. */
  readonly parse?: MakeArticle;
  /** Analyse each article a feed adds (the library's cached analysis), so it is ready when asked for. */
  readonly analysisOf?: (article: StoredArticle) => Analysis | Promise<Analysis>;
  readonly now?: () => number;
  readonly log?: (level: 'info' | 'warn' | 'error', data: Record<string, unknown>, message: string) => void;
}

/** A name for this process's leases: the host, the process, and a random part (two starts never share one). */
function defaultHolder(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** A poster, as opposed to roles (a poster has methods, roles a `poll` flag). */
function isPoster(x: FeedRoles | FeedPoster): x is FeedPoster {
  return typeof (x as FeedPoster).checkFeedTarget === 'function';
}

export function createFeedRuntime(deps: FeedRuntimeDeps): FeedRuntime {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const log = deps.log ?? (() => undefined);
  const feedFetch = fetchOptionsFromConfig(deps.config, 'feed');
  const pageFetch = fetchOptionsFromConfig(deps.config, 'article');
  const parts = nlpDigestParts();
  const retention = retentionPolicyOf(deps.config);
  let poster: FeedPoster | undefined;
  /** Whether this process has swept servers above the ceiling once (see housekeeping). */
  let swept = false;

  /**
   * Put the article in one server's library (pruning its oldest feed items past the ceiling), with
   * what goes with it in the same transaction: its announcement or its first-poll mark. Undefined
   * when the server already has it.
   */
  async function addToLibrary(sub: FeedSubscription, d: FeedDelivery, announcement: () => DigestMessage): Promise<StoredArticle | undefined> {
    const { articles } = deps;
    const key = d.article.url ? urlKey(d.article.url) : undefined;
    if ((key && (await articles.findByUrlKey(sub.guildId, key))) || (await articles.get(sub.guildId, d.article.id))) return undefined;
    // The poller skips these before parsing; checked again here because this is what `/article add` refuses.
    if (d.article.text.length > LIBRARY_LIMITS.maxArticleChars) {
      log('warn', { guildId: sub.guildId, feed: d.feedUrl, size: d.article.text.length, limit: LIBRARY_LIMITS.maxArticleChars }, 'feed item not added: too long for the library');
      return undefined;
    }
    const title = d.article.title.slice(0, LIBRARY_LIMITS.maxTitleChars);
    const at = now();
    const options: FeedItemOptions = d.firstPoll ? { firstPoll: { now: at } } : sub.channelId ? { announce: outboxEntry(sub, d, title, announcement()) } : {};
    // Duplicate checks, the write and the prune past the ceiling in one transaction: an item racing
    // this one (or a second process on the same database) cannot overfill the library or store it twice.
    const result = await articles.insertFeedItem(
      sub.guildId,
      { article: { ...d.article, title }, slug: slugify(title), addedAt: new Date(at).toISOString(), feedUrl: d.feedUrl, ...(key !== undefined && { urlKey: key }) },
      retention.maxFeedItemsPerServer,
      options,
    );
    if (result.kind === 'duplicate') return undefined;
    for (const p of result.pruned) {
      log('info', { guildId: p.guildId, feed: p.feedUrl, reason: p.reason, count: p.count, ceiling: retention.maxFeedItemsPerServer }, 'feed items pruned: the server keeps at most its ceiling of feed items, oldest first');
    }
    await deps.analysisOf?.(result.article);
    return result.article;
  }

  /**
   * An item's announcement: the feed's title over the item's linked title, its summary and its top
   * quote, extracted verbatim (the digest's rendering of one article). The same for every server,
   * so rendered once per item.
   */
  function renderAnnouncement(d: FeedDelivery, title: string): DigestMessage {
    const entry: DigestArticle = { id: d.article.id, title, text: d.article.text, addedAt: new Date(now()).toISOString(), ...(d.article.url !== undefined && { url: d.article.url }) };
    return {
      embeds: [{ title: escapeMarkdown(clip(d.feedTitle, 256)), description: renderArticle(entry, parts, DEFAULT_DIGEST_CAPS), footer: 'New in a followed feed · summary and quote extracted verbatim', color: 0x2b6cb0 }],
    };
  }

  /**
   * The outbox entry of a new item for a subscription with a channel: posted there the way the
   * subscription asks (a message, a message with a thread named after the item, or a forum post).
   */
  function outboxEntry(sub: FeedSubscription, d: FeedDelivery, title: string, message: DigestMessage): NewOutboxEntry {
    const delivery = sub.delivery ?? 'message';
    return {
      guildId: sub.guildId,
      channelId: sub.channelId!,
      delivery,
      message: JSON.stringify(message),
      feedUrl: d.feedUrl,
      ...(delivery !== 'message' && { threadName: threadName(title, d.feedTitle) }),
    };
  }

  const poller = new FeedPoller({
    store,
    now,
    ...deps.polling,
    fetchFeed: (url, headers) => safeFetch(url, { ...feedFetch, headers }),
    fetchPage: (url) => safeFetch(url, pageFetch),
    makeArticle: deps.parse ?? ((input) => parseArticle(input)),
    maxArticleChars: LIBRARY_LIMITS.maxArticleChars,
    onSkip: (skip) => log('warn', { ...skip }, 'feed item skipped: too long for the library'),
    housekeeping: async (at) => {
      // The first run after a start also brings down servers above a ceiling lowered since.
      const went = await pruneByPolicy(deps.articles, retention, at, { sweepCeiling: !swept });
      swept = true;
      for (const p of went) {
        const limit = p.reason === 'age' ? { days: retention.feedRetentionDays } : { ceiling: retention.maxFeedItemsPerServer };
        log('info', { guildId: p.guildId, feed: p.feedUrl, reason: p.reason, count: p.count, ...limit }, p.reason === 'age' ? 'feed items pruned: older than the retention' : 'feed items pruned: the server keeps at most its ceiling of feed items, oldest first');
      }
    },
    async deliver(d): Promise<DeliveryResult> {
      const addedTo: string[] = [];
      let text: MatchText | undefined;
      let message: DigestMessage | undefined;
      const announcement = () => (message ??= renderAnnouncement(d, d.article.title.slice(0, LIBRARY_LIMITS.maxTitleChars)));
      let announced = false;
      for (const sub of d.subscribers) {
        // Left out by the server's keywords: not stored, not posted (the digest never sees it either).
        if (hasFilter(sub) && !passesFilter(sub, (text ??= matchText(d.article.title, d.article.text)))) continue;
        const article = await addToLibrary(sub, d, announcement);
        if (!article) continue;
        addedTo.push(sub.guildId);
        if (!d.firstPoll && sub.channelId) announced = true;
      }
      // Posting here too: out before the poll goes on, in the order the items were stored.
      if (announced && sender) await sender.flush();
      return { addedTo };
    },
    onError: (err, context) => log('error', { err, ...context }, 'feed poller error'),
  });
  const service = createFeedService({ store, poller, now, fetchPage: (url) => safeFetch(url, pageFetch) });

  let sender: OutboxSender | undefined;

  return {
    store,
    poller,
    service,
    get poster() {
      return poster;
    },
    get sender() {
      return sender;
    },
    start(rolesOrPoster) {
      const roles: FeedRoles = isPoster(rolesOrPoster) ? { poll: true, deliver: { poster: rolesOrPoster } } : rolesOrPoster;
      if (roles.deliver && !sender) {
        const { outbox, pacing, threads } = deps;
        if (!outbox || !pacing || !threads) throw new TypeError('createFeedRuntime: posting announcements needs the outbox, pacing and threads stores');
        poster = roles.deliver.poster;
        sender = new OutboxSender({
          outbox,
          pacing,
          threads,
          poster,
          holder: deps.sender?.holder ?? defaultHolder(),
          ...(roles.deliver.shards !== undefined && { shards: roles.deliver.shards }),
          ...(deps.sender?.leaseMs !== undefined && { leaseMs: deps.sender.leaseMs }),
          ...(deps.sender?.postsPerSecond !== undefined && { postsPerSecond: deps.sender.postsPerSecond }),
          ...(deps.sender?.onSent !== undefined && { onSent: deps.sender.onSent }),
          ...(deps.sender?.onFailed !== undefined && { onFailed: deps.sender.onFailed }),
          now,
          log,
        });
        sender.start();
      }
      if (roles.poll) poller.start();
    },
    async stop() {
      poller.stop();
      // The sender stops after its post in flight; a poll waiting for it to flush then ends too.
      await Promise.all([poller.idle(), sender?.stop()]);
      sender = undefined;
      poster = undefined;
    },
  };
}
