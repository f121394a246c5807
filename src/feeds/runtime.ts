/**
 * The feed feature as the bot runs it, on the feeds and article stores it is given (never a
 * database handle): the poller (one per process), the service the `/feed` command calls, and
 * delivery of new items into each following server's library (and, when the subscription names a
 * channel, a short silent post there: a message, a message with a thread per item, or a forum
 * post per item). An item a subscription's keyword filters leave out is neither stored nor posted
 * for that server. The items of a first poll go into the libraries silently and are remembered as
 * old news (the digest leaves them out). The Discord poster is bound when the client is ready;
 * before that (and in the console) items still reach the library.
 */
import type { Config } from '../config';
import { DEFAULT_DIGEST_CAPS } from '../digest/limits';
import { renderArticle, type DigestArticle } from '../digest/compose';
import { nlpDigestParts } from '../digest/parts';
import { clip, escapeMarkdown } from '../digest/markdown';
import { fetchOptionsFromConfig, safeFetch } from '../fetch';
import { parseArticle } from '../article';
import { LIBRARY_LIMITS, slugify, urlKey } from '../library';
import { pruneByPolicy, retentionPolicyOf } from '../library/retention';
import type { Analysis } from '../nlp/analyze';
import type { ArticleStore, FeedsStore, FeedSubscription, StoredArticle, ThreadStore } from '../store/ports';
import { hasFilter, matchText, passesFilter, type MatchText } from './filter';
import { FeedPoller, type DeliveryResult, type FeedDelivery } from './poller';
import { threadName, type FeedPoster } from './poster';
import { createFeedService, type FeedService } from './service';
import type { MakeArticle } from './full-text';

export interface FeedRuntime {
  readonly store: FeedsStore;
  readonly poller: FeedPoller;
  readonly service: FeedService;
  /** Check that the bot could post in a channel (undefined before the client is ready). */
  readonly poster: FeedPoster | undefined;
  start(poster: FeedPoster): void;
  /** Stop polling; resolves when the poll in progress has finished. */
  stop(): Promise<void>;
}

export interface FeedRuntimeDeps {
  readonly store: FeedsStore;
  readonly config: Config;
  readonly articles: ArticleStore;
  /** Where the threads started for items are registered, so @mentions in them are answered about the item. */
  readonly threads?: ThreadStore;
  /** Where feed items are parsed (the bot's worker pool, so a long item holds no event loop); default in this thread. */
  readonly parse?: MakeArticle;
  /** Analyse each article a feed adds (the library's cached analysis), so it is ready when asked for. */
  readonly analysisOf?: (article: StoredArticle) => Analysis | Promise<Analysis>;
  readonly now?: () => number;
  readonly log?: (level: 'info' | 'warn' | 'error', data: Record<string, unknown>, message: string) => void;
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

  /** Put the article in one server's library (pruning its oldest feed items past the ceiling); undefined when it already has it. */
  async function addToLibrary(sub: FeedSubscription, d: FeedDelivery): Promise<StoredArticle | undefined> {
    const { articles } = deps;
    const key = d.article.url ? urlKey(d.article.url) : undefined;
    if ((key && (await articles.findByUrlKey(sub.guildId, key))) || (await articles.get(sub.guildId, d.article.id))) return undefined;
    // The poller skips these before parsing; checked again here because this is what `/article add` refuses.
    if (d.article.text.length > LIBRARY_LIMITS.maxArticleChars) {
      log('warn', { guildId: sub.guildId, feed: d.feedUrl, size: d.article.text.length, limit: LIBRARY_LIMITS.maxArticleChars }, 'feed item not added: too long for the library');
      return undefined;
    }
    const title = d.article.title.slice(0, LIBRARY_LIMITS.maxTitleChars);
    // Duplicate checks, the write and the prune past the ceiling in one transaction: an item racing
    // this one (or a second process on the same database) cannot overfill the library or store it twice.
    const result = await articles.insertFeedItem(
      sub.guildId,
      { article: { ...d.article, title }, slug: slugify(title), addedAt: new Date(now()).toISOString(), feedUrl: d.feedUrl, ...(key !== undefined && { urlKey: key }) },
      retention.maxFeedItemsPerServer,
    );
    if (result.kind === 'duplicate') return undefined;
    for (const p of result.pruned) {
      log('info', { guildId: p.guildId, feed: p.feedUrl, reason: p.reason, count: p.count, ceiling: retention.maxFeedItemsPerServer }, 'feed items pruned: the server keeps at most its ceiling of feed items, oldest first');
    }
    await deps.analysisOf?.(result.article);
    return result.article;
  }

  /**
   * A short silent post of a new item in the subscription's channel, when it has one and the bot may
   * post there the way the subscription asks: a message, a message with a thread named after the
   * item, or a forum post. A thread or post is registered for the item, as Discuss registers its
   * thread, so @mentions in it are answered about the item.
   */
  async function announce(sub: FeedSubscription, d: FeedDelivery, article: StoredArticle): Promise<void> {
    if (!sub.channelId || !poster) return;
    const delivery = sub.delivery ?? 'message';
    const check = await poster.checkFeedTarget(sub.guildId, sub.channelId, delivery);
    if (!check.ok) {
      log('warn', { guildId: sub.guildId, channelId: sub.channelId, delivery, code: check.code, missing: check.missing }, 'feed item not announced');
      return;
    }
    const entry: DigestArticle = { id: article.id, title: article.title, text: article.text, addedAt: article.addedAt, ...(article.url !== undefined && { url: article.url }) };
    const message = {
      embeds: [{ title: escapeMarkdown(clip(d.feedTitle, 256)), description: renderArticle(entry, parts, DEFAULT_DIGEST_CAPS), footer: 'New in a followed feed · summary and quote extracted verbatim', color: 0x2b6cb0 }],
    };
    if (delivery === 'message') {
      await poster.send(sub.channelId, message);
      return;
    }
    const name = threadName(article.title, d.feedTitle);
    const thread = delivery === 'thread' ? await poster.sendWithThread(sub.channelId, message, name) : await poster.postInForum(sub.channelId, message, name);
    await deps.threads?.save({ threadId: thread.threadId, guildId: sub.guildId, channelId: sub.channelId, messageId: thread.messageId, articleId: article.id, createdBy: `feed:${d.feedUrl}` });
  }

  const poller = new FeedPoller({
    store,
    now,
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
      for (const sub of d.subscribers) {
        // Left out by the server's keywords: not stored, not posted (the digest never sees it either).
        if (hasFilter(sub) && !passesFilter(sub, (text ??= matchText(d.article.title, d.article.text)))) continue;
        const article = await addToLibrary(sub, d);
        if (!article) continue;
        addedTo.push(sub.guildId);
        if (d.firstPoll) {
          await store.markFirstPollItems(sub.guildId, d.feedUrl, [article.id], now());
          continue;
        }
        try {
          await announce(sub, d, article);
        } catch (err) {
          log('warn', { err, guildId: sub.guildId, feed: d.feedUrl }, 'feed item announcement failed');
        }
      }
      return { addedTo };
    },
    onError: (err, context) => log('error', { err, ...context }, 'feed poller error'),
  });
  const service = createFeedService({ store, poller, now, fetchPage: (url) => safeFetch(url, pageFetch) });

  return {
    store,
    poller,
    service,
    get poster() {
      return poster;
    },
    start(p) {
      poster = p;
      poller.start();
    },
    async stop() {
      poller.stop();
      await poller.idle();
      poster = undefined;
    },
  };
}
