/**
 * What `/metrics` shows, in Prometheus text through prom-client. Each `createMetrics()` has its own
 * registry (never prom-client's global one), so tests and several bots in one process do not share
 * counts. Counters and histograms are recorded as things happen; the gauges that describe shared
 * state (the outbox, feed leases, the shards this process runs) are read when Prometheus scrapes,
 * through callbacks the composition root registers, so a scrape always shows the database as it is.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { InteractionEvent } from '../core/router';
import type { ArticleOrigin } from '../store/ports';

/**
 * First-response buckets, in seconds: from a 1 ms console-fast answer to Discord's 3 s deadline,
 * finer where answers usually are (under 100 ms) and around the 1 s auto-defer.
 */
export const FIRST_RESPONSE_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3] as const;

/**
 * Digest lateness buckets, in seconds: a digest posted within the second, up to half an hour (the
 * paced queue at 40 posts a second clears about 70,000 digests in 30 minutes).
 */
export const DIGEST_LATENESS_BUCKETS = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 900, 1200, 1800] as const;

/** Pending announcements and the oldest one's creation (epoch ms): OutboxStore.depth(). */
export type OutboxDepthReader = () => Promise<{ readonly pending: number; readonly oldestAt?: number }>;
/** Who holds feed-poll leases now, with how many feeds each: FeedsStore.leaseHolders(now). */
export type LeaseHoldersReader = () => Promise<ReadonlyArray<{ readonly holder: string; readonly feeds: number }>>;
/** The shard ids this process runs (known once the gateway is up; none for a worker). */
export type ShardsReader = () => readonly number[];

/**
 * A feed poll, in the shape of the poller's PollReport (its own type, not imported, so the metrics
 * do not change with the poller's other fields). Outcomes are the poller's small fixed set.
 */
export interface FeedPollRecord {
  /** primed, ok, not-modified, failed or skipped. */
  readonly outcome: string;
  /** The failure's code (FETCH_TIMEOUT, FEED_NOT_A_FEED...); FEED_POLL_FAILED when a failure has none. */
  readonly errorCode?: string;
}

/** A digest run, in the shape of the scheduler's TickReport. */
export interface DigestRunRecord {
  /** sent, empty, blocked, failed, already-claimed or taken-over. */
  readonly outcome: string;
  /** Milliseconds from the scheduled instant to the first post, when one went out. */
  readonly latenessMs?: number;
}

export interface MetricsOptions {
  /** The process's LEDE_ROLE, shown as `lede_role{role="..."} 1`. */
  readonly role?: string;
  /** The clock for the outbox's oldest age (epoch ms). */
  readonly now?: () => number;
}

export interface Metrics {
  readonly registry: Registry;
  /** The content type of `text()` (Prometheus text format 0.0.4). */
  readonly contentType: string;
  /** The Prometheus text of every metric (gauges read now). */
  text(): Promise<string>;
  /** One interaction as the router observed it: counted, and its first response timed. Usable as the router's `observe`. */
  readonly interaction: (event: InteractionEvent) => void;
  /** One feed poll as the poller reported it (a PollReport fits); a failure is also counted by its code. */
  readonly feedPoll: (report: FeedPollRecord) => void;
  /** Articles written to the library, by where they came from. */
  readonly articlesIngested: (origin: ArticleOrigin | 'bundled', count?: number) => void;
  /** One digest the scheduler tried, by outcome (a TickReport fits); its lateness when a first post went out. */
  readonly digestRun: (report: DigestRunRecord) => void;
  /** Feed announcements from the outbox: posted, or given up on. */
  readonly announcement: (outcome: 'sent' | 'failed', count?: number) => void;
  /** Read the outbox depth at each scrape (`lede_outbox_pending`, `lede_outbox_oldest_age_seconds`). */
  readOutboxDepth(read: OutboxDepthReader): void;
  /** Read the feed lease holders at each scrape (`lede_feed_leases{holder}`). */
  readLeaseHolders(read: LeaseHoldersReader): void;
  /** Read the shards this process runs at each scrape (`lede_shards_run{shard}`). */
  readShards(read: ShardsReader): void;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const now = options.now ?? Date.now;
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const interactions = new Counter({
    name: 'lede_interactions_total',
    help: 'Interactions handled, by kind, command (or button prefix), outcome and failure code',
    labelNames: ['kind', 'command', 'outcome', 'code'] as const,
    registers,
  });
  const firstResponse = new Histogram({
    name: 'lede_interaction_first_response_seconds',
    help: 'Time from the router taking an interaction to its first response (defer, reply, update, choices) completing; Discord allows 3 s',
    labelNames: ['kind', 'command'] as const,
    buckets: [...FIRST_RESPONSE_BUCKETS],
    registers,
  });
  const feedPolls = new Counter({
    name: 'lede_feed_polls_total',
    help: 'Feed polls, by outcome (primed, ok, not-modified, failed, skipped)',
    labelNames: ['outcome'] as const,
    registers,
  });
  const feedPollFailures = new Counter({
    name: 'lede_feed_poll_failures_total',
    help: 'Failed feed polls, by error code',
    labelNames: ['code'] as const,
    registers,
  });
  const articles = new Counter({
    name: 'lede_articles_ingested_total',
    help: 'Articles written to the library, by origin (feed, member, bundled)',
    labelNames: ['origin'] as const,
    registers,
  });
  const digests = new Counter({
    name: 'lede_digests_total',
    help: 'Digests the scheduler tried, by outcome (sent, empty, blocked, failed, already-claimed, taken-over)',
    labelNames: ['outcome'] as const,
    registers,
  });
  const digestLateness = new Histogram({
    name: 'lede_digest_lateness_seconds',
    help: "Time from a digest's scheduled instant to its first post",
    buckets: [...DIGEST_LATENESS_BUCKETS],
    registers,
  });
  const announcements = new Counter({
    name: 'lede_announcements_total',
    help: 'Feed announcements from the outbox, by outcome (sent, failed)',
    labelNames: ['outcome'] as const,
    registers,
  });
  // A reader that throws (the database is down) must not fail the whole scrape: its gauges show no
  // sample (labelled ones) or NaN (the outbox's, which prom-client would otherwise show as 0: "empty",
  // a lie) for this scrape, and the failure is counted (from the next scrape on: the gauges of a
  // registry are collected together), so the process metrics still arrive.
  const scrapeErrors = new Counter({
    name: 'lede_scrape_errors_total',
    help: 'Gauges that could not be read at a scrape, by gauge',
    labelNames: ['gauge'] as const,
    registers,
  });
  if (options.role !== undefined) {
    new Gauge({ name: 'lede_role', help: 'The role this process runs (LEDE_ROLE)', labelNames: ['role'] as const, registers }).set({ role: options.role }, 1);
  }

  // The gauges read at scrape time exist only once their reader is registered: a process without an
  // outbox shows no outbox line rather than a made-up 0.
  let outboxReader: OutboxDepthReader | undefined;
  let leaseReader: LeaseHoldersReader | undefined;
  let shardsReader: ShardsReader | undefined;

  return {
    registry,
    contentType: registry.contentType,
    text: () => registry.metrics(),
    interaction(event) {
      interactions.inc({ kind: event.kind, command: event.command, outcome: event.outcome, code: event.code ?? '' });
      if (event.firstResponseMs !== undefined) firstResponse.observe({ kind: event.kind, command: event.command }, event.firstResponseMs / 1000);
    },
    feedPoll(report) {
      feedPolls.inc({ outcome: report.outcome });
      if (report.outcome === 'failed') feedPollFailures.inc({ code: report.errorCode ?? 'FEED_POLL_FAILED' });
    },
    articlesIngested(origin, count = 1) {
      articles.inc({ origin }, count);
    },
    digestRun(report) {
      digests.inc({ outcome: report.outcome });
      if (report.latenessMs !== undefined) digestLateness.observe(Math.max(0, report.latenessMs) / 1000);
    },
    announcement(outcome, count = 1) {
      announcements.inc({ outcome }, count);
    },
    readOutboxDepth(read) {
      if (outboxReader === undefined) {
        // Each gauge reads on its own (a count and a minimum on an index, twice a scrape): prom-client
        // may collect the gauges of a registry in parallel, so one cannot set the other's value.
        const depth = (gauge: string) =>
          Promise.resolve()
            .then(() => outboxReader!())
            .catch(() => {
              scrapeErrors.inc({ gauge });
              return undefined;
            });
        new Gauge({
          name: 'lede_outbox_pending',
          help: 'Feed announcements waiting in the outbox',
          registers,
          async collect() {
            const d = await depth('outbox_pending');
            this.set(d === undefined ? Number.NaN : d.pending);
          },
        });
        new Gauge({
          name: 'lede_outbox_oldest_age_seconds',
          help: 'Age of the oldest pending announcement (0 when none is pending)',
          registers,
          async collect() {
            const d = await depth('outbox_oldest_age');
            this.set(d === undefined ? Number.NaN : d.oldestAt === undefined ? 0 : Math.max(0, now() - d.oldestAt) / 1000);
          },
        });
      }
      outboxReader = read;
    },
    readLeaseHolders(read) {
      if (leaseReader === undefined) {
        new Gauge({
          name: 'lede_feed_leases',
          help: 'Feeds whose poll lease each holder (process) holds now',
          labelNames: ['holder'] as const,
          registers,
          async collect() {
            // Reset first: a holder that stopped (or crashed and expired) must disappear, not keep its last count.
            this.reset();
            try {
              for (const { holder, feeds } of await leaseReader!()) this.set({ holder }, feeds);
            } catch {
              scrapeErrors.inc({ gauge: 'feed_leases' });
            }
          },
        });
      }
      leaseReader = read;
    },
    readShards(read) {
      if (shardsReader === undefined) {
        new Gauge({
          name: 'lede_shards_run',
          help: 'The gateway shards this process runs (1 per shard id)',
          labelNames: ['shard'] as const,
          registers,
          collect() {
            this.reset();
            try {
              for (const id of shardsReader!()) this.set({ shard: String(id) }, 1);
            } catch {
              scrapeErrors.inc({ gauge: 'shards' });
            }
          },
        });
      }
      shardsReader = read;
    },
  };
}
