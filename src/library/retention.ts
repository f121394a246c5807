/**
 * The retention policy of a server's library, as a news server would choose it: articles members
 * add stay until removed (up to a generous bound, refused out loud past it); feed items are kept for
 * a time and within a per-server ceiling, the oldest feed items pruned first so new items always
 * get in. What was pruned is reported (the `/article list` footer, `/feed status`, the log).
 */
import type { Config } from '../config';
import type { ArticleStore, PrunedCount, PruneTally } from '../store/ports';

export interface RetentionPolicy {
  /** Days a feed item is kept (FEED_RETENTION_DAYS). */
  readonly feedRetentionDays: number;
  /** Feed items one server keeps; the oldest go first past it (MAX_FEED_ITEMS_PER_SERVER). */
  readonly maxFeedItemsPerServer: number;
  /** Articles members of one server may add; refused past it (MAX_MEMBER_ARTICLES_PER_SERVER). */
  readonly maxMemberArticlesPerServer: number;
}

/** The policy the configuration sets (its defaults and their reasons are in src/config.ts). */
export function retentionPolicyOf(config: Pick<Config, 'FEED_RETENTION_DAYS' | 'MAX_FEED_ITEMS_PER_SERVER' | 'MAX_MEMBER_ARTICLES_PER_SERVER'>): RetentionPolicy {
  return {
    feedRetentionDays: config.FEED_RETENTION_DAYS,
    maxFeedItemsPerServer: config.MAX_FEED_ITEMS_PER_SERVER,
    maxMemberArticlesPerServer: config.MAX_MEMBER_ARTICLES_PER_SERVER,
  };
}

/** The configuration's defaults, for a library built without a configuration (tests, tools). */
export const DEFAULT_RETENTION: RetentionPolicy = { feedRetentionDays: 365, maxFeedItemsPerServer: 100_000, maxMemberArticlesPerServer: 20_000 };

export const PRUNE_REPORTING = {
  /** What "pruned this week" counts: the last 7 days (UTC days, the prune log's unit). */
  windowDays: 7,
  /** Days of prune log kept: the week reported, with room for a clock or a time zone that disagrees. */
  keepLogDays: 30,
} as const;

const DAY_MS = 24 * 60 * 60_000;

/** Where one server's library stands against the policy. */
export interface RetentionReport {
  readonly policy: RetentionPolicy;
  readonly memberArticles: number;
  readonly feedItems: number;
  /** Feed items pruned in the last `PRUNE_REPORTING.windowDays` days, by feed and reason. */
  readonly pruned: readonly PruneTally[];
}

export async function retentionReport(articles: ArticleStore, guildId: string, policy: RetentionPolicy, now: number): Promise<RetentionReport> {
  const since = new Date(now - (PRUNE_REPORTING.windowDays - 1) * DAY_MS).toISOString();
  const [memberArticles, feedItems, pruned] = await Promise.all([
    articles.countOwn(guildId, 'member'),
    articles.countOwn(guildId, 'feed'),
    articles.pruneTallies(guildId, since),
  ]);
  return { policy, memberArticles, feedItems, pruned };
}

/** Items pruned in a report, all reasons and feeds together (or only `feedUrl`'s). */
export function prunedTotal(report: Pick<RetentionReport, 'pruned'>, feedUrl?: string): number {
  return report.pruned.filter((t) => feedUrl === undefined || t.feedUrl === feedUrl).reduce((n, t) => n + t.count, 0);
}

/**
 * The periodic prune at `now`: feed items older than the retention and, with `sweepCeiling`, any
 * server above its ceiling (a ceiling lowered since: once per start is enough, inserts keep it
 * after that); prune-log days past `keepLogDays` are forgotten.
 */
export function pruneByPolicy(articles: ArticleStore, policy: RetentionPolicy, now: number, options: { readonly sweepCeiling?: boolean } = {}): Promise<PrunedCount[]> {
  return articles.pruneFeedItems(
    {
      before: new Date(now - policy.feedRetentionDays * DAY_MS).toISOString(),
      ...(options.sweepCeiling && { maxPerServer: policy.maxFeedItemsPerServer }),
    },
    new Date(now).toISOString(),
    new Date(now - PRUNE_REPORTING.keepLogDays * DAY_MS).toISOString(),
  );
}
