/**
 * The feed poller: one per process. Each due feed URL is fetched once (however many servers follow
 * it) with a conditional GET, parsed, deduplicated against what the feed produced before, and each
 * new item is turned into an Article and handed to `deliver` with the list of subscribers. The
 * first successful poll of a feed records what is there and hands its latest items over marked
 * `firstPoll` (into the libraries, never announced). Failures back off (at least as long
 * as a 429/503's Retry-After asks) and, when they persist, disable the feed with the code kept for
 * `/feed status`.
 */
import type { Article } from '../article/model';
import type { FeedSource, FeedSubscription, FeedsStore } from '../store/ports';
import { FeedError } from './errors';
import { articleFromItem, type FetchPage, type FullTextOrigin, type MakeArticle } from './full-text';
import { itemKeys } from './normalize';
import { parseFeedDocument, type FeedItem } from './parse';
import { failureDelay, nextPollDelay, shouldDisable } from './timing';

/** The part of the safe fetcher's result the poller reads. */
export interface FeedFetchResult {
  readonly finalUrl: string;
  readonly text: string;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly notModified: boolean;
}

/** Fetch a feed URL with extra request headers (the conditional-GET validators). */
export type FetchFeed = (url: string, headers: Readonly<Record<string, string>>) => Promise<FeedFetchResult>;

/** One new item, ready for the library and the channels. */
export interface FeedDelivery {
  readonly feedUrl: string;
  readonly feedTitle: string;
  readonly item: FeedItem;
  readonly article: Article;
  readonly origin: FullTextOrigin;
  readonly subscribers: readonly FeedSubscription[];
  /**
   * Set for the items a feed already held when a server started following it: they go into the
   * library to be read at once, but are not announced (and the digest leaves them out: old news).
   */
  readonly firstPoll?: boolean;
}

/** What a delivery did: the servers whose library took the item (a filter or a duplicate leaves one out). */
export interface DeliveryResult {
  readonly addedTo: readonly string[];
}

export type PollerLimits = { readonly [K in keyof typeof POLLER_LIMITS]: number };

export const POLLER_LIMITS = {
  /** New items turned into articles per poll; a feed that dumps a hundred at once gets its newest ones. */
  itemsPerPoll: 10,
  /** The latest items a server gets in its library (silently) when it starts following a feed. */
  firstPollItems: 10,
  /** Feeds fetched at the same time. */
  concurrency: 16,
  /**
   * Feeds fetched at the same time from one host: many feeds often live on one site, and a burst of
   * parallel requests is what gets a bot's requests refused by bot protection (403/429/503).
   */
  perHost: 2,
  /** Feeds taken per tick; the rest wait for the next tick. */
  feedsPerTick: 2000,
  /** How long item keys are remembered (MonitoRSS keeps article ids 12 months). */
  retentionMs: 365 * 24 * 60 * 60_000,
  /** Prune old keys at most this often. */
  pruneEveryMs: 60 * 60_000,
} as const;

export interface FeedPollerDeps {
  readonly store: FeedsStore;
  readonly fetchFeed: FetchFeed;
  readonly makeArticle: MakeArticle;
  readonly fetchPage?: FetchPage;
  readonly deliver: (delivery: FeedDelivery) => void | DeliveryResult | Promise<void | DeliveryResult>;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly onError?: (err: unknown, context: { url: string; stage: string }) => void;
  /** Called for each new item left out (too long for the library), for the log. */
  readonly onSkip?: (skip: FeedSkip) => void;
  /**
   * Run with the periodic pruning of seen keys (first tick, then every `pruneEveryMs`): the feed
   * runtime prunes the libraries' feed items by age there. A failure is reported, never blocks polling.
   */
  readonly housekeeping?: (now: number) => Promise<void>;
  /** Longest item text taken (characters); longer items are skipped before analysis. Default: no limit. */
  readonly maxArticleChars?: number;
  readonly limits?: Partial<PollerLimits>;
}

/** A new item left out of the library. */
export interface FeedSkip {
  readonly feedUrl: string;
  readonly itemUrl?: string;
  readonly title: string;
  readonly code: 'ARTICLE_TOO_LONG';
  readonly size: number;
  readonly limit: number;
}

export type PollOutcome = 'primed' | 'ok' | 'not-modified' | 'failed' | 'skipped';

export interface PollReport {
  readonly url: string;
  readonly outcome: PollOutcome;
  readonly newItems: number;
  readonly delivered: number;
  /** New items left out (too long for the library). */
  readonly skipped?: number;
  readonly errorCode?: string;
  readonly disabled?: boolean;
  /** On failure: the wait the server asked for (429/503 with Retry-After), already in nextPollAt. */
  readonly retryAfterMs?: number;
  /** First poll: how many of the feed's latest items each server's library took, by server id. */
  readonly loaded?: ReadonlyMap<string, number>;
}

/**
 * The wait a failed fetch says the server asked for (FetchError.retryAfterMs, set from Retry-After
 * on 429/503). Read by shape, like `code`, so any FetchFeed can report it.
 */
function retryAfterOf(err: unknown): number | undefined {
  const ms = (err as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof ms === 'number' ? ms : undefined;
}

function errorOf(err: unknown): { code: string; message: string } {
  if (err instanceof FeedError) return { code: err.code, message: err.message };
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : 'FEED_POLL_FAILED';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  return { code, message: message.slice(0, 500) };
}

/** Newest first by date when the feed gives dates, else in the feed's own order (usually newest first). */
function newestFirst(items: readonly FeedItem[]): FeedItem[] {
  const dated = items.every((i) => i.publishedAt !== undefined);
  return dated ? [...items].sort((a, b) => (b.publishedAt! < a.publishedAt! ? -1 : b.publishedAt! > a.publishedAt! ? 1 : 0)) : [...items];
}

export class FeedPoller {
  private readonly limits: PollerLimits;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly inFlight = new Set<string>();
  /** Per feed URL, the items of its last fetched document that had no readable date (for `/feed status`; this process only). */
  private readonly undated = new Map<string, { readonly count: number; readonly of: number }>();
  private lastPruneAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private generation = 0;
  /** Ticks in progress (a wake() can start one while another is still polling). */
  private readonly ticks = new Set<Promise<unknown>>();

  constructor(private readonly deps: FeedPollerDeps) {
    this.limits = { ...POLLER_LIMITS, ...deps.limits };
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  /** Poll every feed due at `now` (bounded concurrency). Feeds already being polled are skipped. */
  async pollDue(now: number = this.now()): Promise<PollReport[]> {
    if (now - this.lastPruneAt >= this.limits.pruneEveryMs) {
      await this.deps.store.pruneSeen(now - this.limits.retentionMs);
      this.lastPruneAt = now;
      try {
        await this.deps.housekeeping?.(now);
      } catch (err) {
        this.deps.onError?.(err, { url: '*', stage: 'housekeeping' });
      }
    }
    const queue = (await this.deps.store.dueSources(now, this.limits.feedsPerTick)).filter((s) => !this.inFlight.has(s.url));
    const reports: PollReport[] = [];
    const perHost = new Map<string, number>();
    const hostOf = (url: string) => URL.parse(url)?.host ?? url;
    let wake: (() => void) | undefined;
    // Each worker takes the first due feed whose host has a free slot, or waits for one to free up.
    const worker = async () => {
      for (;;) {
        if (queue.length === 0) return;
        const i = queue.findIndex((s) => (perHost.get(hostOf(s.url)) ?? 0) < this.limits.perHost);
        if (i === -1) {
          await new Promise<void>((resolve) => {
            const prev = wake;
            wake = () => {
              prev?.();
              resolve();
            };
          });
          continue;
        }
        const [source] = queue.splice(i, 1);
        const host = hostOf(source!.url);
        perHost.set(host, (perHost.get(host) ?? 0) + 1);
        try {
          reports.push(await this.pollSource(source!));
        } finally {
          perHost.set(host, perHost.get(host)! - 1);
          const w = wake;
          wake = undefined;
          w?.();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.limits.concurrency, queue.length) }, worker));
    return reports;
  }

  /**
   * How many items of the feed's last fetched document (in this process) had no readable date and
   * were given the time they were first seen; undefined when all had one or none was fetched yet.
   */
  undatedItems(url: string): { readonly count: number; readonly of: number } | undefined {
    return this.undated.get(url);
  }

  /** Poll one feed now, whatever its schedule (used by `/feed add` to prime at once). */
  async pollUrl(url: string): Promise<PollReport> {
    const source = await this.deps.store.source(url);
    if (!source) return { url, outcome: 'skipped', newItems: 0, delivered: 0 };
    return this.pollSource(source);
  }

  private async pollSource(source: FeedSource): Promise<PollReport> {
    const { url } = source;
    if (this.inFlight.has(url)) return { url, outcome: 'skipped', newItems: 0, delivered: 0 };
    this.inFlight.add(url);
    try {
      return await this.fetchAndProcess(source);
    } catch (err) {
      // Awaited here so the failure is recorded before the URL leaves inFlight.
      return await this.fail(source, err);
    } finally {
      this.inFlight.delete(url);
    }
  }

  private async fail(source: FeedSource, err: unknown): Promise<PollReport> {
    const now = this.now();
    const { code, message } = errorOf(err);
    const failures = source.failures + 1;
    const disable = shouldDisable(failures, code);
    await this.deps.store.recordFailure(source.url, {
      now,
      code,
      message,
      disable,
      // Stored as the next poll, so `/feed status` shows when the feed is really checked again.
      nextPollAt: now + failureDelay(source.intervalMs, failures, this.random, retryAfterOf(err)),
    });
    const asked = retryAfterOf(err);
    return { url: source.url, outcome: 'failed', newItems: 0, delivered: 0, errorCode: code, disabled: disable, ...(asked !== undefined && { retryAfterMs: asked }) };
  }

  private async fetchAndProcess(source: FeedSource): Promise<PollReport> {
    const { store } = this.deps;
    const headers: Record<string, string> = {};
    if (source.etag) headers['If-None-Match'] = source.etag;
    if (source.lastModified) headers['If-Modified-Since'] = source.lastModified;
    const res = await this.deps.fetchFeed(source.url, headers);
    const nextPollAt = () => this.now() + nextPollDelay(source.intervalMs, this.random);
    if (res.notModified) {
      await store.recordSuccess(source.url, {
        now: this.now(),
        nextPollAt: nextPollAt(),
        delivered: 0,
        ...(source.etag !== undefined && { etag: source.etag }),
        ...(source.lastModified !== undefined && { lastModified: source.lastModified }),
      });
      return { url: source.url, outcome: 'not-modified', newItems: 0, delivered: 0 };
    }
    const feed = parseFeedDocument(res.text, res.finalUrl);
    const undated = feed.items.filter((i) => i.publishedAt === undefined).length;
    if (undated > 0) this.undated.set(source.url, { count: undated, of: feed.items.length });
    else this.undated.delete(source.url);
    const validators = {
      ...(res.etag !== undefined && { etag: res.etag }),
      ...(res.lastModified !== undefined && { lastModified: res.lastModified }),
      ...(feed.title !== '' && { title: feed.title }),
      ...(feed.siteUrl !== undefined && { siteUrl: feed.siteUrl }),
      format: feed.format,
    };
    const now = this.now();
    const keyed = feed.items.map((item) => ({ item, keys: itemKeys(item) })).filter((k) => k.keys.length > 0);
    const seen = await store.seenKeys(source.url, keyed.flatMap((k) => k.keys), now - this.limits.retentionMs);

    const feedTitle = feed.title || source.title || source.url;
    if (!source.primed) {
      // What the feed holds is remembered (never announced); its latest items go into the libraries.
      await store.rememberKeys(source.url, keyed.flatMap((k) => k.keys), now);
      const latest = newestFirst(keyed.map((k) => k.item)).slice(0, this.limits.firstPollItems).reverse();
      const { loaded } = await this.deliverItems(source.url, feedTitle, latest, await store.subscribersOf(source.url), true);
      await store.recordSuccess(source.url, { now: this.now(), nextPollAt: nextPollAt(), delivered: 0, ...validators });
      return { url: source.url, outcome: 'primed', newItems: 0, delivered: 0, loaded };
    }

    // An item is new when none of its keys is known, counting items earlier in this same document.
    const fresh: FeedItem[] = [];
    const refreshed: string[] = [];
    const batch = new Set<string>();
    for (const { item, keys } of keyed) {
      const known = keys.filter((k) => seen.has(k) || batch.has(k));
      for (const k of keys) batch.add(k);
      if (known.length === 0) fresh.push(item);
      else refreshed.push(...known.filter((k) => seen.has(k)));
    }
    // Remember before delivering: a crash mid-delivery loses an item rather than posting it twice.
    await store.rememberKeys(source.url, [...refreshed, ...fresh.flatMap(itemKeys)], now);

    const chosen = newestFirst(fresh).slice(0, this.limits.itemsPerPoll).reverse();
    const { delivered, skipped, lastSkippedReason } = await this.deliverItems(source.url, feedTitle, chosen, await store.subscribersOf(source.url), false);
    await store.recordSuccess(source.url, {
      now: this.now(), nextPollAt: nextPollAt(), delivered, ...validators,
      ...(skipped > 0 && { skipped, ...(lastSkippedReason !== undefined && { lastSkippedReason }) }),
    });
    return { url: source.url, outcome: 'ok', newItems: fresh.length, delivered, ...(skipped > 0 && { skipped }) };
  }

  /**
   * A server that starts following a feed other servers already follow gets the feed's latest items
   * in its library, silently, as the first poll gives them: only items the feed already produced
   * (a new one is delivered, and announced, by the next poll). Resolves to how many its library took;
   * a feed that cannot be read now gives none (the server still follows it).
   */
  async loadLatestFor(url: string, subscriber: FeedSubscription): Promise<number> {
    const source = await this.deps.store.source(url);
    if (!source?.primed || source.disabledAt !== undefined) return 0;
    try {
      const res = await this.deps.fetchFeed(url, {});
      if (res.notModified) return 0;
      const feed = parseFeedDocument(res.text, res.finalUrl);
      const keyed = feed.items.map((item) => ({ item, keys: itemKeys(item) })).filter((k) => k.keys.length > 0);
      const seen = await this.deps.store.seenKeys(url, keyed.flatMap((k) => k.keys), this.now() - this.limits.retentionMs);
      const known = keyed.filter((k) => k.keys.some((key) => seen.has(key))).map((k) => k.item);
      const latest = newestFirst(known).slice(0, this.limits.firstPollItems).reverse();
      const { loaded } = await this.deliverItems(url, feed.title || source.title || url, latest, [subscriber], true);
      return loaded.get(subscriber.guildId) ?? 0;
    } catch (err) {
      this.deps.onError?.(err, { url, stage: 'first items' });
      return 0;
    }
  }

  /** Turn items into articles and hand each to `deliver`; counts what was delivered, left out, and taken per server. */
  private async deliverItems(
    feedUrl: string, feedTitle: string, items: readonly FeedItem[], subscribers: readonly FeedSubscription[], firstPoll: boolean,
  ): Promise<{ delivered: number; skipped: number; lastSkippedReason?: string; loaded: Map<string, number> }> {
    let delivered = 0;
    let skipped = 0;
    let lastSkippedReason: string | undefined;
    const loaded = new Map<string, number>();
    for (const given of items) {
      // An item without a readable date is dated by when it was first seen (now: it is new, or the first poll's).
      const item = given.publishedAt === undefined ? { ...given, publishedAt: new Date(this.now()).toISOString() } : given;
      const built = await articleFromItem(item, feedUrl, {
        makeArticle: this.deps.makeArticle,
        ...(this.deps.fetchPage !== undefined && { fetchPage: this.deps.fetchPage }),
        ...(this.deps.maxArticleChars !== undefined && { maxChars: this.deps.maxArticleChars }),
      });
      if (built.tooLong) {
        skipped++;
        const { size, limit } = built.tooLong;
        lastSkippedReason = `"${item.title.slice(0, 120) || item.url || 'an item'}" is ${size.toLocaleString('en-US')} characters long (limit ${limit.toLocaleString('en-US')})`;
        this.deps.onSkip?.({ feedUrl, ...(item.url !== undefined && { itemUrl: item.url }), title: item.title, code: 'ARTICLE_TOO_LONG', size, limit });
        continue;
      }
      if (!built.article || !built.origin) continue;
      try {
        const result = await this.deps.deliver({ feedUrl, feedTitle, item, article: built.article, origin: built.origin, subscribers, ...(firstPoll && { firstPoll }) });
        delivered++;
        for (const guildId of result?.addedTo ?? []) loaded.set(guildId, (loaded.get(guildId) ?? 0) + 1);
      } catch (err) {
        this.deps.onError?.(err, { url: feedUrl, stage: 'deliver' });
      }
    }
    return { delivered, skipped, loaded, ...(lastSkippedReason !== undefined && { lastSkippedReason }) };
  }

  /** Poll on a timer until `stop()`: wakes at the earliest due feed, at least once a minute. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.loop(++this.generation);
  }

  /** Poll soon (a feed was just added) instead of waiting for the current timer. */
  wake(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    void this.loop(++this.generation);
  }

  stop(): void {
    this.stopped = true;
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Resolves when the ticks in progress (if any) have finished: call after stop(), before closing the stores. */
  async idle(): Promise<void> {
    while (this.ticks.size > 0) await Promise.allSettled([...this.ticks]);
  }

  private async loop(generation: number): Promise<void> {
    if (this.stopped || generation !== this.generation) return;
    // The poll and the look-up of the next due feed both use the store: idle() waits for the whole tick,
    // including one a wake() left running, so the stores are not closed under it.
    const tick = this.tick(generation);
    this.ticks.add(tick);
    const wait = await tick.finally(() => this.ticks.delete(tick));
    if (wait === undefined || this.stopped || generation !== this.generation) return;
    this.timer = setTimeout(() => void this.loop(generation), wait);
    this.timer.unref?.();
  }

  /** Poll what is due; resolves to the wait before the next tick, or undefined when a newer loop or stop() took over. */
  private async tick(generation: number): Promise<number | undefined> {
    try {
      await this.pollDue();
    } catch (err) {
      this.deps.onError?.(err, { url: '*', stage: 'tick' });
    }
    // A newer loop (wake) or stop() took over while this one was polling.
    if (this.stopped || generation !== this.generation) return undefined;
    let nextDue: number | undefined;
    try {
      nextDue = await this.deps.store.nextDueAt();
    } catch (err) {
      // A store that cannot answer now (a dropped database connection) is asked again within the minute.
      this.deps.onError?.(err, { url: '*', stage: 'tick' });
    }
    return nextDue === undefined ? 60_000 : Math.min(60_000, Math.max(1_000, nextDue - this.now()));
  }
}
