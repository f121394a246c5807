/**
 * What `/feed add|edit|remove|list|status` call: validation, per-server limits, and the status view.
 * Adding a feed no other server follows fetches it once at once: a URL that is not a feed is
 * refused with the reason, and a good one is primed (its current items recorded, none posted, its
 * latest items put in the library). A server that follows a feed others already follow gets those
 * latest items too.
 */
import type { FeedDeliveryMode, FeedSource, FeedSubscription, FeedsStore, SubscriptionPatch } from '../store/ports';
import { discoverFeedLinks } from './discover';
import { FeedError } from './errors';
import { fetchableUrl } from '../fetch/url';
import { feedUrlKey } from './normalize';
import type { FeedPoller } from './poller';
import { POLL_TIMING } from './timing';

export interface FeedLimits {
  readonly feedsPerServer: number;
}

export const FEED_LIMITS: FeedLimits = {
  /** Feeds one server may follow (MonitoRSS's free tier allows a few dozen). */
  feedsPerServer: 25,
};

export type FeedState = 'active' | 'pending' | 'disabled';

/** Everything `/feed status` shows for one followed feed. Times are epoch ms. */
export interface FeedStatus {
  readonly url: string;
  readonly title?: string;
  readonly channelId?: string;
  /** pending = added, not yet fetched successfully; disabled = stopped after failures (see disabledReason). */
  readonly state: FeedState;
  readonly lastSuccessAt?: number;
  readonly lastError?: { readonly code: string; readonly message: string; readonly at: number };
  readonly nextPollAt?: number;
  readonly failures: number;
  readonly disabledReason?: string;
  readonly deliveredCount: number;
  /** New items left out since the feed was added (too long for the library), and the last reason. */
  readonly skippedCount: number;
  readonly lastSkipped?: { readonly reason: string; readonly at: number };
  readonly addedAt: number;
  /** How new items reach `channelId`: a message (default), a thread per item, a forum post per item. */
  readonly delivery: FeedDeliveryMode;
  /** Keyword filters; absent when none. */
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Items of the feed's last fetch that had no readable date (dated by when they were first seen), of how many. */
  readonly undatedItems?: { readonly count: number; readonly of: number };
}

/** How a server follows a feed: where and how items are posted, and which. */
export interface SubscribeOptions {
  readonly channelId?: string;
  readonly addedBy?: string;
  readonly delivery?: FeedDeliveryMode;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

/** What `add` tells besides the status. */
export interface AddDetails {
  /** The page the followed feed was announced by, when a page was given. */
  readonly discoveredFrom?: string;
  /** How many of the feed's latest items this server's library took at once (a first poll made here). */
  readonly loaded?: number;
  /**
   * Set when another worker was reading the feed for the first time as it was added, and had not
   * finished within `primeWaitMs`: it records the feed's items (and puts the latest in the library)
   * within moments, so the state is still 'pending' without an error.
   */
  readonly readElsewhere?: true;
}

export interface FeedService {
  /**
   * Follow a feed. A web page that announces its feed (`<link rel="alternate">`) is followed
   * through that feed; `discoveredFrom` then names the page.
   */
  add(guildId: string, url: string, opts?: SubscribeOptions): Promise<FeedStatus & AddDetails>;
  /** Change how a server follows a feed (FEED_NOT_FOUND when it does not). */
  edit(guildId: string, url: string, patch: SubscriptionPatch): Promise<FeedStatus>;
  /** One followed feed's status (FEED_NOT_FOUND when the server does not follow it). */
  get(guildId: string, url: string): Promise<FeedStatus>;
  remove(guildId: string, url: string): Promise<FeedStatus>;
  list(guildId: string): Promise<FeedStatus[]>;
}

function statusFor(sub: FeedSubscription, source: FeedSource, undatedItems?: FeedStatus['undatedItems']): FeedStatus {
  const state: FeedState = source.disabledAt !== undefined ? 'disabled' : source.primed ? 'active' : 'pending';
  const lastError =
    source.lastErrorCode !== undefined && source.lastErrorAt !== undefined
      ? { code: source.lastErrorCode, message: source.lastErrorMessage ?? '', at: source.lastErrorAt }
      : undefined;
  return {
    url: source.url,
    state,
    failures: source.failures,
    deliveredCount: source.deliveredCount,
    skippedCount: source.skippedCount,
    addedAt: sub.addedAt,
    delivery: sub.delivery ?? 'message',
    ...(sub.include !== undefined && { include: sub.include }),
    ...(sub.exclude !== undefined && { exclude: sub.exclude }),
    ...(source.lastSkippedAt !== undefined && source.lastSkippedReason !== undefined && { lastSkipped: { reason: source.lastSkippedReason, at: source.lastSkippedAt } }),
    ...(source.title !== undefined && { title: source.title }),
    ...(sub.channelId !== undefined && { channelId: sub.channelId }),
    ...(source.lastSuccessAt !== undefined && { lastSuccessAt: source.lastSuccessAt }),
    ...(lastError !== undefined && { lastError }),
    ...(state !== 'disabled' && { nextPollAt: source.nextPollAt }),
    ...(source.disabledReason !== undefined && { disabledReason: source.disabledReason }),
    ...(undatedItems !== undefined && { undatedItems }),
  };
}

export function createFeedService(deps: {
  store: FeedsStore;
  poller?: Pick<FeedPoller, 'pollUrl'> & Partial<Pick<FeedPoller, 'loadLatestFor' | 'undatedItems'>>;
  /** Fetch a page (HTML) for feed discovery, when a pasted address turns out not to be a feed. */
  fetchPage?: (url: string) => Promise<{ readonly finalUrl: string; readonly text: string }>;
  now?: () => number;
  intervalMs?: number;
  limits?: Partial<FeedLimits>;
  /**
   * How long `add` waits for another worker that holds the new feed's first poll (it claimed the
   * feed as due just as it was added) to record it, before answering that it will be read shortly.
   */
  primeWaitMs?: number;
}): FeedService {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const limits = { ...FEED_LIMITS, ...deps.limits };
  const statusOf = (sub: FeedSubscription, source: FeedSource) => statusFor(sub, source, deps.poller?.undatedItems?.(source.url));

  /**
   * The shared key of a feed address. An address that is no URL at all is FEED_INVALID_URL; one the
   * fetcher would refuse by its scheme or its credentials is refused now, by the fetcher's own rule
   * (FETCH_PROTOCOL naming the scheme, FETCH_CREDENTIALS), before anything is stored: a stored
   * subscription would keep the credentials until its first poll failed.
   */
  const keyOf = (raw: string): string => {
    const key = feedUrlKey(raw);
    if (!key) {
      if (URL.canParse(raw.trim())) fetchableUrl(raw.trim());
      throw new FeedError('FEED_INVALID_URL', 'A feed address must be an absolute http:// or https:// URL.', raw);
    }
    return fetchableUrl(key).href;
  };
  const own = async (guildId: string, url: string) => (await store.subscriptions(guildId)).find((s) => s.url === url);

  /** Wait (briefly) for another worker's poll of `url` to be recorded; whether it was. */
  async function polledElsewhere(url: string, before: number | undefined): Promise<boolean> {
    const until = Date.now() + (deps.primeWaitMs ?? 5_000);
    for (;;) {
      const source = await store.source(url);
      if (!source || source.lastPolledAt !== before) return true;
      if (Date.now() >= until) return false;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function addOne(guildId: string, url: string, opts: SubscribeOptions): Promise<FeedStatus & Omit<AddDetails, 'discoveredFrom'>> {
    const existing = await own(guildId, url);
    const before = await store.source(url);
    if (existing && before && before.disabledAt === undefined) {
      throw new FeedError('FEED_DUPLICATE', 'This server already follows that feed.', url);
    }
    if (!existing && (await store.countSubscriptions(guildId)) >= limits.feedsPerServer) {
      throw new FeedError('FEED_LIMIT', `A server can follow at most ${limits.feedsPerServer} feeds.`, url);
    }
    const { subscription, created } = await store.subscribe(guildId, url, {
      now: now(),
      intervalMs: deps.intervalMs ?? POLL_TIMING.intervalMs,
      ...(opts.channelId !== undefined && { channelId: opts.channelId }),
      ...(opts.addedBy !== undefined && { addedBy: opts.addedBy }),
      ...(opts.delivery !== undefined && { delivery: opts.delivery }),
      ...(opts.include !== undefined && { include: opts.include }),
      ...(opts.exclude !== undefined && { exclude: opts.exclude }),
    });
    let loaded: number | undefined;
    let readElsewhere = false;
    // A feed new to this bot (or re-enabled) is fetched at once: refuse what is not a feed, prime what is.
    if (deps.poller && (created || before?.disabledAt !== undefined)) {
      const report = await deps.poller.pollUrl(url);
      // Another worker claimed the feed as due the moment it was added and is reading it: its record
      // (primed, or the error) is what this poll would have said, so wait a little for it.
      if (report.outcome === 'skipped') readElsewhere = !(await polledElsewhere(url, before?.lastPolledAt));
      // A site that asks us to come back later (429/503 with Retry-After, typical of bot protection)
      // is followed and tried again then, not refused: the status says it is pending and why.
      if (report.outcome === 'failed' && created && report.retryAfterMs === undefined) {
        const source = await store.source(url);
        await store.unsubscribe(guildId, url);
        throw new FeedError('FEED_REJECTED', source?.lastErrorMessage ?? 'The feed could not be read.', url, report.errorCode ?? 'FEED_POLL_FAILED');
      }
      if (report.outcome === 'primed') loaded = report.loaded?.get(guildId) ?? 0;
    } else if (deps.poller?.loadLatestFor && !existing && before?.primed) {
      // Another server's first poll happened long ago: this one gets the feed's latest items now.
      loaded = await deps.poller.loadLatestFor(url, subscription);
    }
    return { ...statusOf(subscription, (await store.source(url))!), ...(loaded !== undefined && { loaded }), ...(readElsewhere && { readElsewhere: true as const }) };
  }

  return {
    async add(guildId, rawUrl, opts = {}) {
      try {
        return await addOne(guildId, keyOf(rawUrl), opts);
      } catch (err) {
        // A page instead of a feed: follow the feed it announces, if any.
        if (!(err instanceof FeedError && err.code === 'FEED_REJECTED' && err.reason === 'FEED_UNRECOGNIZED' && deps.fetchPage)) throw err;
        const page = await deps.fetchPage(keyOf(rawUrl)).catch(() => undefined);
        const found = page ? discoverFeedLinks(page.text, page.finalUrl).map(feedUrlKey).find((u) => u !== undefined && u !== keyOf(rawUrl)) : undefined;
        if (!found) throw err;
        return { ...(await addOne(guildId, found, opts)), discoveredFrom: keyOf(rawUrl) };
      }
    },

    async edit(guildId, rawUrl, patch) {
      const url = keyOf(rawUrl);
      const sub = await store.updateSubscription(guildId, url, patch);
      const source = await store.source(url);
      if (!sub || !source) throw new FeedError('FEED_NOT_FOUND', 'This server does not follow that feed.', url);
      return statusOf(sub, source);
    },

    async get(guildId, rawUrl) {
      const url = keyOf(rawUrl);
      const sub = await own(guildId, url);
      const source = await store.source(url);
      if (!sub || !source) throw new FeedError('FEED_NOT_FOUND', 'This server does not follow that feed.', url);
      return statusOf(sub, source);
    },

    async remove(guildId, rawUrl) {
      const url = keyOf(rawUrl);
      const sub = await own(guildId, url);
      const source = await store.source(url);
      if (!sub || !source) throw new FeedError('FEED_NOT_FOUND', 'This server does not follow that feed.', url);
      const status = statusOf(sub, source);
      await store.unsubscribe(guildId, url);
      return status;
    },

    async list(guildId) {
      const subs = await store.subscriptions(guildId);
      const sources = await Promise.all(subs.map((sub) => store.source(sub.url)));
      return subs.flatMap((sub, i) => (sources[i] ? [statusOf(sub, sources[i])] : []));
    },
  };
}
