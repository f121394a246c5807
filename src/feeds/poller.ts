/**
 * The feed poller: one per process. Each due feed URL is fetched once (however many servers follow
 * it) with a conditional GET, parsed, deduplicated against what the feed produced before, and each
 * new item is turned into an Article and handed to `deliver` with the list of subscribers. The
 * first successful poll of a feed records what is there and hands its latest items over marked
 * `firstPoll` (into the libraries, never announced). Failures back off (at least as long
 * as a 429/503's Retry-After asks) and, when they persist, disable the feed with the code kept for
 * `/feed status`.
 *
 * Several processes may poll one database: each poll is taken with a lease (FeedsStore.claimDue,
 * claimSource) that this poller renews while it polls and that recording the result hands back, so
 * a feed is polled by one worker at a time and a dead worker's feeds are taken over when its leases
 * run out. Items are delivered before they are remembered, each remembered right after its
 * delivery: a worker that dies mid-poll leaves the rest unremembered, the next holder re-reads the
 * feed and delivers them, and the library's duplicate check (insertFeedItem) drops what the dead
 * worker had already stored. Nothing is lost and nothing is stored twice.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
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
  /**
   * A feed's poll still running this long after its claim stops renewing its lease: a poll stuck for good (a
   * delivery that never returns) is then taken over by another worker instead of holding the feed
   * for ever. A stuck poll that wakes up later delivers nothing more (its lease is gone).
   */
  maxPollMs: 10 * 60_000,
} as const;

/** How long a feed poll's lease runs unless renewed (LEASE_SECONDS); renewed every third of it. */
export const DEFAULT_LEASE_MS = 30_000;

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
  /** Each poll's report, as it ends (for /metrics: polls by outcome, failures by code, items delivered). */
  readonly onPolled?: (report: PollReport) => void;
  /**
   * Run with the periodic pruning of seen keys (first tick, then every `pruneEveryMs`): the feed
   * runtime prunes the libraries' feed items by age there. A failure is reported, never blocks polling.
   */
  readonly housekeeping?: (now: number) => Promise<void>;
  /** Longest item text taken (characters); longer items are skipped before analysis. Default: no limit. */
  readonly maxArticleChars?: number;
  readonly limits?: Partial<PollerLimits>;
  /**
   * Who this poller is in the feed leases (shown by /metrics): unique per process. Default
   * `${hostname}:${pid}:${random}`, so two pollers never share leases by accident.
   */
  readonly holder?: string;
  /** How long a claimed poll stays this poller's without renewal (DEFAULT_LEASE_MS: LEASE_SECONDS). */
  readonly leaseMs?: number;
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

/** Thrown inside a poll whose lease another worker took over: the poll stops and records nothing. */
class LeaseLost extends Error {
  constructor(readonly url: string) {
    super(`the lease on ${url} was taken over`);
  }
}

/**
 * The leases one poll round holds (a pollDue, or a pollUrl): renewed every third of the lease while
 * their polls run, by one timer, and forgotten as each poll ends (its record hands the lease back).
 */
class HeldLeases {
  /** Feed URL -> when its lease was taken (this poller's clock). */
  private readonly held = new Map<string, number>();
  private readonly lost = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private renewing = false;

  constructor(
    private readonly store: FeedsStore,
    private readonly holder: string,
    private readonly leaseMs: number,
    private readonly maxPollMs: number,
    private readonly now: () => number,
    private readonly onError: (err: unknown) => void,
  ) {}

  add(url: string): void {
    this.held.set(url, this.now());
    this.lost.delete(url);
    if (!this.timer) {
      this.timer = setInterval(() => void this.renew(), Math.max(1, Math.floor(this.leaseMs / 3)));
      this.timer.unref?.();
    }
  }

  /** The poll of `url` ended (recorded, or given up). */
  finish(url: string): void {
    this.held.delete(url);
    this.lost.delete(url);
  }

  /** Throws LeaseLost when another worker took the feed over (or its poll ran past maxPollMs). */
  check(url: string): void {
    const since = this.held.get(url);
    if (since === undefined || this.lost.has(url) || this.now() - since >= this.maxPollMs) throw new LeaseLost(url);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async renew(): Promise<void> {
    if (this.renewing) return; // a slow database: the previous renewal is still on its way
    this.renewing = true;
    try {
      const now = this.now();
      const urls = [...this.held].filter(([url, since]) => !this.lost.has(url) && now - since < this.maxPollMs).map(([url]) => url);
      if (urls.length === 0) return;
      const kept = new Set(await this.store.renewLeases(this.holder, urls, now, this.leaseMs));
      // A poll recorded meanwhile handed its lease back itself: only the ones still running are lost.
      for (const url of urls) if (!kept.has(url) && this.held.has(url)) this.lost.add(url);
    } catch (err) {
      // A database that cannot answer now: the next renewal tries again before the leases run out.
      this.onError(err);
    } finally {
      this.renewing = false;
    }
  }
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
  /** pollUrl calls in progress (`/feed add`): idle() waits for them too. */
  private readonly priming = new Set<Promise<unknown>>();
  /** Called by stop(): each pollDue in progress stops taking feeds and hands back the ones it claimed and has not started. */
  private readonly onStop = new Set<() => void>();
  /** Who this poller is in the feed leases. */
  readonly holder: string;
  private readonly leaseMs: number;

  constructor(private readonly deps: FeedPollerDeps) {
    this.limits = { ...POLLER_LIMITS, ...deps.limits };
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.holder = deps.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  }

  private heldLeases(): HeldLeases {
    return new HeldLeases(this.deps.store, this.holder, this.leaseMs, this.limits.maxPollMs, this.now, (err) => this.deps.onError?.(err, { url: '*', stage: 'lease' }));
  }

  /**
   * Poll the feeds due at `now` that no other worker holds (bounded concurrency). They are claimed
   * in batches of `concurrency` as polls finish, so workers sharing a database share the due feeds
   * instead of the first one leasing them all; each claimed feed's lease is renewed until its poll
   * is recorded. After stop() no new poll starts, and the claimed feeds not started are handed back.
   */
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
    const { store } = this.deps;
    const leases = this.heldLeases();
    const queue: FeedSource[] = [];
    let taken = 0;
    let drained = false;
    let halted = false;
    /** Claim the next batch (a claim made later in a long round leases from the time it is made). */
    const claim = async (): Promise<void> => {
      const room = Math.min(this.limits.concurrency, this.limits.feedsPerTick - taken);
      if (room <= 0 || halted) {
        drained = true;
        return;
      }
      const claimed = await store.claimDue(Math.max(now, this.now()), room, this.holder, this.leaseMs);
      taken += claimed.length;
      if (claimed.length < room) drained = true;
      for (const source of claimed) {
        if (this.inFlight.has(source.url)) continue; // this poller's /feed add is priming it
        leases.add(source.url);
        queue.push(source);
      }
    };
    let claiming: Promise<void> | undefined;
    const refill = (): Promise<void> =>
      (claiming ??= claim()
        .catch((err: unknown) => {
          // The feeds claimed so far are polled; the rest wait for the next tick.
          drained = true;
          this.deps.onError?.(err, { url: '*', stage: 'claim' });
        })
        .finally(() => (claiming = undefined)));
    /** Stop taking feeds, and hand back the ones claimed and not started (another worker polls them at once). */
    const handBack = async (): Promise<void> => {
      halted = true;
      const w = wake;
      wake = undefined;
      w?.();
      const urls = queue.splice(0).map((s) => s.url);
      for (const url of urls) leases.finish(url);
      if (urls.length === 0) return;
      try {
        await store.releaseLeases(this.holder, urls);
      } catch (err) {
        this.deps.onError?.(err, { url: '*', stage: 'release' });
      }
    };
    const onStop = (): void => void handBack();
    const reports: PollReport[] = [];
    const perHost = new Map<string, number>();
    const hostOf = (url: string) => URL.parse(url)?.host ?? url;
    let wake: (() => void) | undefined;
    // Each worker takes the first due feed whose host has a free slot, or waits for one to free up;
    // when none is left it claims the next batch.
    const worker = async () => {
      for (;;) {
        if (halted) return;
        if (queue.length === 0) {
          if (drained) return;
          await refill();
          continue;
        }
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
          const report = await this.pollSource(source!, leases);
          reports.push(report);
          this.deps.onPolled?.(report);
        } finally {
          perHost.set(host, perHost.get(host)! - 1);
          const w = wake;
          wake = undefined;
          w?.();
        }
      }
    };
    this.onStop.add(onStop);
    try {
      await claim(); // the first batch's failure is the tick's
      await Promise.all(Array.from({ length: Math.min(this.limits.concurrency, queue.length) }, worker));
    } finally {
      this.onStop.delete(onStop);
      leases.stop();
      // A batch claimed while stop() handed the queue back is handed back here.
      await handBack();
    }
    return reports;
  }

  /**
   * How many items of the feed's last fetched document (in this process) had no readable date and
   * were given the time they were first seen; undefined when all had one or none was fetched yet.
   */
  undatedItems(url: string): { readonly count: number; readonly of: number } | undefined {
    return this.undated.get(url);
  }

  /**
   * Poll one feed now, whatever its schedule (used by `/feed add` to prime at once), under a lease
   * of its own. 'skipped' when the feed is gone or another worker holds it: that worker is polling
   * it right now, and records the result as this poll would have.
   */
  pollUrl(url: string): Promise<PollReport> {
    const run = (async (): Promise<PollReport> => {
      const source = await this.deps.store.claimSource(url, this.now(), this.holder, this.leaseMs);
      if (!source) return { url, outcome: 'skipped', newItems: 0, delivered: 0 };
      const leases = this.heldLeases();
      leases.add(url);
      try {
        return await this.pollSource(source, leases);
      } finally {
        leases.stop();
      }
    })();
    this.priming.add(run);
    return run.finally(() => this.priming.delete(run));
  }

  private async pollSource(source: FeedSource, leases: HeldLeases): Promise<PollReport> {
    const { url } = source;
    const skipped: PollReport = { url, outcome: 'skipped', newItems: 0, delivered: 0 };
    if (this.inFlight.has(url)) return skipped;
    this.inFlight.add(url);
    try {
      return await this.fetchAndProcess(source, leases);
    } catch (err) {
      // Taken over by another worker: it polls and records the feed now; this poll records nothing.
      if (err instanceof LeaseLost) return skipped;
      try {
        leases.check(url);
      } catch {
        return skipped;
      }
      // Awaited here so the failure is recorded before the URL leaves inFlight.
      return await this.fail(source, err);
    } finally {
      this.inFlight.delete(url);
      leases.finish(url);
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

  private async fetchAndProcess(source: FeedSource, leases: HeldLeases): Promise<PollReport> {
    const { store } = this.deps;
    const headers: Record<string, string> = {};
    if (source.etag) headers['If-None-Match'] = source.etag;
    if (source.lastModified) headers['If-Modified-Since'] = source.lastModified;
    const res = await this.deps.fetchFeed(source.url, headers);
    const nextPollAt = () => this.now() + nextPollDelay(source.intervalMs, this.random);
    const check = () => leases.check(source.url);
    if (res.notModified) {
      check();
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
    const keysOf = new Map(keyed.map((k) => [k.item, k.keys]));
    if (!source.primed) {
      // Its latest items go into the libraries, then what the feed holds is remembered (never
      // announced). A worker that dies in between leaves the feed unprimed: the next holder does
      // the first poll again, and the libraries' duplicate check drops what was already stored.
      const latest = newestFirst(keyed.map((k) => k.item)).slice(0, this.limits.firstPollItems).reverse();
      const { loaded } = await this.deliverItems(source.url, feedTitle, latest, await store.subscribersOf(source.url), true, { check });
      check();
      await store.rememberKeys(source.url, keyed.flatMap((k) => k.keys), now);
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
    const chosen = newestFirst(fresh).slice(0, this.limits.itemsPerPoll).reverse();
    // Known items (their keys refreshed) and new ones past the per-poll limit are never delivered:
    // remembered at once. Each chosen item is remembered right after its delivery, so a worker that
    // dies mid-poll leaves only what it had not delivered for the next holder (the library drops a
    // delivery that was stored but not yet remembered as a duplicate).
    const passed = fresh.filter((item) => !chosen.includes(item));
    check();
    await store.rememberKeys(source.url, [...refreshed, ...passed.flatMap((item) => keysOf.get(item)!)], now);
    const { delivered, skipped, lastSkippedReason } = await this.deliverItems(source.url, feedTitle, chosen, await store.subscribersOf(source.url), false, {
      check,
      done: (item) => store.rememberKeys(source.url, keysOf.get(item)!, now),
    });
    check();
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

  /**
   * Turn items into articles and hand each to `deliver`; counts what was delivered, left out, and
   * taken per server. `check` runs before each item (it throws when the poll's lease was lost);
   * `done` after each item's attempt, delivered, left out or failed (the item is not tried again).
   */
  private async deliverItems(
    feedUrl: string, feedTitle: string, items: readonly FeedItem[], subscribers: readonly FeedSubscription[], firstPoll: boolean,
    hooks: { readonly check?: () => void; readonly done?: (item: FeedItem) => Promise<void> } = {},
  ): Promise<{ delivered: number; skipped: number; lastSkippedReason?: string; loaded: Map<string, number> }> {
    let delivered = 0;
    let skipped = 0;
    let lastSkippedReason: string | undefined;
    const loaded = new Map<string, number>();
    for (const given of items) {
      hooks.check?.();
      const outcome = await this.deliverOne(feedUrl, feedTitle, given, subscribers, firstPoll);
      if (outcome.kind === 'delivered') {
        delivered++;
        for (const guildId of outcome.addedTo) loaded.set(guildId, (loaded.get(guildId) ?? 0) + 1);
      } else if (outcome.kind === 'too-long') {
        skipped++;
        lastSkippedReason = outcome.reason;
      }
      await hooks.done?.(given);
    }
    return { delivered, skipped, loaded, ...(lastSkippedReason !== undefined && { lastSkippedReason }) };
  }

  /** One item into an article and to `deliver`. */
  private async deliverOne(
    feedUrl: string, feedTitle: string, given: FeedItem, subscribers: readonly FeedSubscription[], firstPoll: boolean,
  ): Promise<{ kind: 'delivered'; addedTo: readonly string[] } | { kind: 'too-long'; reason: string } | { kind: 'none' }> {
    // An item without a readable date is dated by when it was first seen (now: it is new, or the first poll's).
    const item = given.publishedAt === undefined ? { ...given, publishedAt: new Date(this.now()).toISOString() } : given;
    const built = await articleFromItem(item, feedUrl, {
      makeArticle: this.deps.makeArticle,
      ...(this.deps.fetchPage !== undefined && { fetchPage: this.deps.fetchPage }),
      ...(this.deps.maxArticleChars !== undefined && { maxChars: this.deps.maxArticleChars }),
    });
    if (built.tooLong) {
      const { size, limit } = built.tooLong;
      this.deps.onSkip?.({ feedUrl, ...(item.url !== undefined && { itemUrl: item.url }), title: item.title, code: 'ARTICLE_TOO_LONG', size, limit });
      return { kind: 'too-long', reason: `"${item.title.slice(0, 120) || item.url || 'an item'}" is ${size.toLocaleString('en-US')} characters long (limit ${limit.toLocaleString('en-US')})` };
    }
    if (!built.article || !built.origin) return { kind: 'none' };
    try {
      const result = await this.deps.deliver({ feedUrl, feedTitle, item, article: built.article, origin: built.origin, subscribers, ...(firstPoll && { firstPoll }) });
      return { kind: 'delivered', addedTo: result?.addedTo ?? [] };
    } catch (err) {
      this.deps.onError?.(err, { url: feedUrl, stage: 'deliver' });
      return { kind: 'none' };
    }
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

  /**
   * Stop polling: no new poll starts, and the feeds a poll round claimed but had not started are
   * handed back at once (another worker takes them); the polls in progress run to their end.
   */
  stop(): void {
    this.stopped = true;
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const handBack of [...this.onStop]) handBack();
  }

  /**
   * Resolves when the ticks and `/feed add` polls in progress (if any) have finished: call after
   * stop(), before closing the stores. After stop() it then hands back every lease this poller
   * still holds (a poll whose record failed), so another worker polls those feeds at once instead
   * of after the lease: the graceful shutdown's hand-over.
   */
  async idle(): Promise<void> {
    while (this.ticks.size > 0 || this.priming.size > 0) await Promise.allSettled([...this.ticks, ...this.priming]);
    if (!this.stopped) return;
    try {
      await this.deps.store.releaseLeases(this.holder);
    } catch (err) {
      this.deps.onError?.(err, { url: '*', stage: 'release' });
    }
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
