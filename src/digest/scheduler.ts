/**
 * The digest scheduler: one per process. `tick(now)` looks at every enabled schedule and sends the
 * digests that are due: today's run time has passed (in the server's zone), it is still that local
 * day, the schedule existed before the run time, and no run for that local day has been claimed.
 * So a digest missed while the bot was down goes out on start if it is still the same day, and a
 * restart after sending does not send again. The claim is a row with UNIQUE (guild, local date)
 * inserted in a transaction (see store/sql/digests.ts), so two processes cannot both send.
 *
 * Across processes: a gateway sends the digests of the servers of its shards (`shards`). A claim is
 * a lease, renewed every third of `leaseMs` while the run is sent (waiting for its turn in the paced
 * queue included); a process that dies mid-digest stops renewing, and a scheduler owning the server
 * takes the run over once the lease has run out: a tick in progress reads the stale claims every
 * third of the lease and puts them in its queue in due order, and an idle timer wakes for them (both
 * from one indexed read of the claims still sending, not by reading every schedule). The digest a run
 * posts is fixed before its first message (the run's plan), each posted message is recorded with
 * the coverage it gives, and each post carries a nonce of (server, local day, message number): the
 * next holder posts the rest of that same digest, and a message Discord accepted just before the
 * crash, unrecorded, is posted again with the same nonce, which Discord answers with the first one.
 * Posts go through a paced queue shared by the processes (PacingStore), earliest run first, so a
 * minute when thousands of digests are due stays under Discord's global rate; each report says how
 * late its first post was.
 *
 * Time comes from an injected Clock, and croner computes the run instants, so tests call
 * `tick()` with any time they like. `start()` runs the same tick on a timer in production.
 */
import { hostname } from 'node:os';
import { createHash, randomBytes } from 'node:crypto';
import type { DigestRun, DigestsStore, PacingStore, ShardFilter, StoredSchedule } from '../store/ports';
import { systemClock, type Clock } from './clock';
import { composeDigest, shownArticles, type Digest, type DigestArticle, type DigestMessage, type DigestParts } from './compose';
import type { DigestCaps } from './limits';
import { latestRunAtOrBefore, localDateOf, longLocalDate, nextRunAfter } from './schedule';

/** Why a channel cannot take the digest. */
export type ChannelProblem = 'CHANNEL_NOT_FOUND' | 'NOT_TEXT_CHANNEL' | 'MISSING_PERMISSIONS';

export type ChannelCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: ChannelProblem; readonly missing?: readonly string[] };

/** The Discord side, injected: checks the bot's permissions and posts one message. */
export interface DigestSender {
  /** Whether the bot can post the digest there (ViewChannel, SendMessages, EmbedLinks). */
  checkChannel(guildId: string, channelId: string): Promise<ChannelCheck>;
  /**
   * Post one message silently (SUPPRESS_NOTIFICATIONS) with no pings (allowed_mentions parse: []).
   * Returns the message id.
   */
  send(channelId: string, message: DigestMessage, options?: SendOptions): Promise<string>;
}

/** How one scheduled post is sent. */
export interface SendOptions {
  /**
   * A key (at most 25 characters) that Discord enforces as the message's nonce: a second post with
   * the same nonce by the bot within a few minutes returns the first message instead of posting again,
   * so a post retried after a crash (between Discord's answer and the database's record) is not doubled.
   */
  readonly nonce?: string;
}

/** A window's articles as a source lists them when it lists only the newest: `omitted` (the oldest) are counted, not listed. */
export interface DigestWindowArticles {
  readonly articles: DigestArticle[];
  readonly omitted: number;
}

/** Where the digest's articles come from (the library). */
export interface DigestArticleSource {
  /** The server's articles added after `since` and at or before `until` (epoch ms): all of them, or the newest and how many it left out. */
  articlesAddedBetween(guildId: string, since: number, until: number): Promise<DigestArticle[] | DigestWindowArticles>;
}

/**
 * The summaries and quotes for one digest, made ready for `articles` (the ones it may show) of a
 * server before the digest is composed: composition is synchronous, and what it reads (stored
 * analyses) is not.
 */
export type DigestPartsLoader = (guildId: string, articles: readonly DigestArticle[]) => Promise<DigestParts>;

export const DIGEST_RULES = {
  /**
   * A server's first digest covers the day before it, counted from the first `/digest set` (or from
   * the digest itself, if that is earlier): an article added the morning of the set is in the first
   * digest, even when that goes out the next evening.
   */
  firstWindowMs: 24 * 60 * 60_000,
  /** After a long pause (digest off for weeks), cover at most a week. */
  maxWindowMs: 7 * 24 * 60 * 60_000,
  /** A run that failed before anything was posted is tried again, up to this many attempts in the day. */
  maxAttempts: 3,
  /** The timer re-checks at least this often (schedules changed by another process, blocked channels fixed). */
  maxSleepMs: 60_000,
  /** A 'sending' claim not renewed for this long belongs to a process that stopped: another takes the run over (LEASE_SECONDS). */
  leaseMs: 30_000,
  /** Scheduled posts per second of the bot, all processes together (DISCORD_POSTS_PER_SECOND): under Discord's 50. */
  postsPerSecond: 40,
  /** Digests sent at once by one process: the paced queue is the real bound, this keeps a few slots reserved ahead. */
  concurrency: 4,
  /** Runs claimed longer ago than this can no longer be owed (their local day is over): not looked at for takeover. */
  staleHorizonMs: 2 * 24 * 60 * 60_000,
  /** Stale runs taken over per tick at most (the next tick takes the rest). */
  staleBatch: 500,
} as const;

/** The paced queue's key for scheduled posts: digests and feed announcements share it (one bot, one global rate). */
export const SCHEDULED_POSTS_KEY = 'discord:scheduled-posts';

/** Discord's longest nonce. */
const NONCE_LENGTH = 25;

/**
 * The nonce of a digest's message: the same for the same (server, local day, message number), so a
 * message posted again by the next holder of the run is recognised by Discord; 25 characters (a
 * letter and 144 bits of a hash, base64url), Discord's limit.
 */
export function digestNonce(guildId: string, localDate: string, ordinal: number): string {
  return `d${createHash('sha256').update(`digest:${guildId}:${localDate}:${ordinal}`).digest('base64url').slice(0, NONCE_LENGTH - 1)}`;
}

/** The span of time a digest covers: articles added after `since` and at or before `until` (epoch ms). */
export interface DigestWindow {
  readonly since: number;
  readonly until: number;
  /** True until a digest has covered anything (sent, or found nothing to send): this is the first one. */
  readonly first: boolean;
}

/**
 * Where the window of the digest ending at `until` starts. After a digest: where it stopped. The
 * first one (no coverage yet): a day before the first `/digest set` (the schedule's creation), or a
 * day before `until` if that is earlier (a preview with no schedule, or a schedule created in the
 * future of a test's clock). Never more than a week back (a digest off for weeks, or days set to
 * one weekday). Exported for its unit tests.
 */
export function digestWindowStart(schedule: Pick<StoredSchedule, 'coveredUntil' | 'createdAt'> | undefined, until: number): number {
  const dayBefore = until - DIGEST_RULES.firstWindowMs;
  const since = schedule?.coveredUntil ?? (schedule ? Math.min(dayBefore, schedule.createdAt - DIGEST_RULES.firstWindowMs) : dayBefore);
  return Math.max(since, until - DIGEST_RULES.maxWindowMs);
}

/**
 * 'taken-over': another process took the claim while this one was sending (it had stalled); that one
 * finishes the run. 'handed-back': this process was stopping and gave the claim back mid-digest.
 */
export type TickOutcome = 'sent' | 'empty' | 'blocked' | 'failed' | 'already-claimed' | 'taken-over' | 'handed-back';

export interface TickReport {
  readonly guildId: string;
  readonly localDate: string;
  readonly outcome: TickOutcome;
  readonly reason?: string;
  /** Every message of the run, those of earlier holders first. */
  readonly messageIds?: readonly string[];
  readonly articleCount?: number;
  /** The run's scheduled instant (epoch ms). */
  readonly scheduledFor?: number;
  /** When this send's first message went out (epoch ms), if one did. */
  readonly firstPostAt?: number;
  /** How late that first post was: `firstPostAt - scheduledFor` (ms). */
  readonly latenessMs?: number;
}

/** What a tick did, for the log line at its end and /metrics. */
export interface TickSummary {
  /** Digests found due (claims tried). */
  readonly due: number;
  readonly sent: number;
  readonly failed: number;
  /** Digests with a first post in this tick, and the lateness of the last of them (in due order). */
  readonly posted: number;
  readonly lastLatenessMs?: number;
  readonly maxLatenessMs?: number;
}

export function summarizeTick(reports: readonly TickReport[]): TickSummary {
  let lastLatenessMs: number | undefined;
  let maxLatenessMs: number | undefined;
  let posted = 0;
  let lastAt = -Infinity;
  for (const r of reports) {
    if (r.latenessMs === undefined || r.firstPostAt === undefined) continue;
    posted++;
    maxLatenessMs = Math.max(maxLatenessMs ?? r.latenessMs, r.latenessMs);
    if (r.firstPostAt >= lastAt) {
      lastAt = r.firstPostAt;
      lastLatenessMs = r.latenessMs;
    }
  }
  return {
    due: reports.filter((r) => r.outcome !== 'blocked').length,
    sent: reports.filter((r) => r.outcome === 'sent').length,
    failed: reports.filter((r) => r.outcome === 'failed').length,
    posted,
    ...(lastLatenessMs !== undefined && { lastLatenessMs }),
    ...(maxLatenessMs !== undefined && { maxLatenessMs }),
  };
}

/** The paced queue scheduled posts wait in (shared by every process on the database). */
export interface DigestPacing {
  readonly store: PacingStore;
  /** Default SCHEDULED_POSTS_KEY, the key the feed announcements' sender uses too. */
  readonly key?: string;
  /** Default DIGEST_RULES.postsPerSecond. */
  readonly postsPerSecond?: number;
}

export interface DigestStatus {
  readonly schedule?: StoredSchedule;
  readonly nextRunAt?: Date;
  readonly lastRun?: DigestRun;
  /** Articles the next digest would cover if it ran now. */
  readonly pendingArticles: number;
}

export interface DigestSchedulerDeps {
  readonly store: DigestsStore;
  readonly sender: DigestSender;
  readonly articles: DigestArticleSource;
  /** Fixed parts, or a loader that readies them for the articles a digest may show. */
  readonly parts: DigestParts | DigestPartsLoader;
  readonly clock?: Clock;
  readonly instanceId?: string;
  readonly caps?: Partial<DigestCaps>;
  readonly onError?: (err: unknown, context: { guildId?: string; stage: string }) => void;
  /** The servers this process sends digests for (the gateway's shards); all when undefined. */
  readonly shards?: ShardFilter;
  /** A claim not renewed for this long is taken over; default DIGEST_RULES.leaseMs. */
  readonly leaseMs?: number;
  /** Posts wait for a slot of this paced queue; unpaced when undefined (tests, one small bot). */
  readonly pacing?: DigestPacing;
  /** Digests sent at once; default DIGEST_RULES.concurrency. */
  readonly concurrency?: number;
  /** Waits `ms` for a paced slot; default a timer that stop() cuts short (tests pass one that moves their clock). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Each digest sent whole (for /metrics: count, lateness). */
  readonly onSent?: (report: TickReport) => void;
  /** The end of every tick that found something due (for the log line). */
  readonly onTick?: (summary: TickSummary, reports: readonly TickReport[]) => void;
}

/** The digest a run posts, fixed before its first message (stored as DigestRun.plan). */
interface RunPlan {
  readonly v: 1;
  /** The instant the digest covers up to (epoch ms): the coverage once every message is posted. */
  readonly until: number;
  readonly articleCount: number;
  /** The run's message number of `messages[0]` (messages recorded before this plan was made). */
  readonly offset: number;
  readonly messages: readonly DigestMessage[];
  /** `partial[k]`: the coverage once `messages[0..k]` are posted, for every k but the last. */
  readonly partial: ReadonlyArray<{ readonly coveredUntil: number; readonly coveredIds: readonly string[] }>;
}

function makePlan(all: readonly DigestArticle[], digest: Digest, until: number, offset: number): RunPlan {
  const partial = digest.messages.slice(0, -1).map((_, k) => partialCoverage(all, digest, k + 1, until));
  return { v: 1, until, articleCount: digest.articleCount, offset, messages: digest.messages, partial };
}

function readPlan(raw: string | undefined): RunPlan | undefined {
  if (raw === undefined) return undefined;
  const p = JSON.parse(raw) as Partial<RunPlan>;
  if (p.v !== 1 || !Array.isArray(p.messages) || !Array.isArray(p.partial) || typeof p.until !== 'number' || typeof p.offset !== 'number') {
    throw new Error('digest run plan: unknown format');
  }
  return p as RunPlan;
}

/** A run's coverage once `posted` of its plan's messages are out (undefined for none). */
function planCoverage(plan: RunPlan, posted: number): { coveredUntil: number; coveredIds: string[] } | undefined {
  if (posted <= 0) return undefined;
  if (posted >= plan.messages.length) return { coveredUntil: plan.until, coveredIds: [] };
  const c = plan.partial[posted - 1]!;
  return { coveredUntil: c.coveredUntil, coveredIds: [...c.coveredIds] };
}

/**
 * Keeps a claim alive while its run is sent: renews it every `everyMs`; `lost` turns true when the
 * store says another process holds it now.
 */
class ClaimKeeper {
  lost = false;
  private readonly timer: NodeJS.Timeout;
  private inFlight: Promise<void> | undefined;

  constructor(renew: () => Promise<boolean>, everyMs: number, onError: (err: unknown) => void) {
    this.timer = setInterval(() => {
      if (this.inFlight || this.lost) return;
      this.inFlight = renew()
        .then((held) => {
          if (!held) this.lost = true;
        }, onError)
        .finally(() => (this.inFlight = undefined));
    }, everyMs);
    this.timer.unref?.();
  }

  /** Stop renewing; resolves once a renewal in flight has landed (before the stores may close). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.inFlight;
  }
}

interface DueRun {
  readonly schedule: StoredSchedule;
  readonly at: Date;
  readonly localDate: string;
  /** A run another process claimed and left (its claim went stale): it goes before the digests not begun that are due at the same instant. */
  readonly resumed: boolean;
}

/** Due order: earliest run instant first, a digest left half posted before one not begun, then by server. */
function dueOrder(a: DueRun, b: DueRun): number {
  return a.at.getTime() - b.at.getTime() || Number(b.resumed) - Number(a.resumed) || (a.schedule.guildId < b.schedule.guildId ? -1 : a.schedule.guildId > b.schedule.guildId ? 1 : 0);
}

/**
 * The digests of one tick, sent at most `limit` at once in due order, into which runs found while it
 * sends can be put (a claim that went stale mid-tick). `reports()` gives their reports in the order the
 * digests began, so a tick's initial runs come out in due order as before.
 */
class DueQueue<R> {
  private readonly waiting: DueRun[] = [];
  private readonly lanes = new Set<Promise<void>>();
  private readonly out: Array<R | undefined> = [];
  /** Servers queued or being sent by this tick: never queued twice (the claim is this tick's to take). */
  private readonly queued = new Set<string>();

  constructor(
    private readonly limit: number,
    private readonly fn: (item: DueRun) => Promise<R | undefined>,
    private readonly halted: () => boolean,
  ) {}

  /** Whether the server's run is queued or being sent by this tick. */
  has(guildId: string): boolean {
    return this.queued.has(guildId);
  }

  /** Put a run in its due place among those not begun, and start it at once if a lane is free. */
  add(item: DueRun): void {
    if (this.queued.has(item.schedule.guildId)) return;
    this.queued.add(item.schedule.guildId);
    let i = this.waiting.length;
    while (i > 0 && dueOrder(this.waiting[i - 1]!, item) > 0) i--;
    this.waiting.splice(i, 0, item);
    this.fill();
  }

  /** Lanes running now: at least one while anything is queued or being sent. */
  get busy(): boolean {
    return this.lanes.size > 0;
  }

  /** Resolves when a lane finishes (or at once when none runs). */
  async settled(): Promise<void> {
    if (this.lanes.size > 0) await Promise.race(this.lanes);
  }

  /** The reports so far, in the order their digests began. */
  reports(): R[] {
    return this.out.filter((r): r is R => r !== undefined);
  }

  private fill(): void {
    while (this.lanes.size < this.limit && this.waiting.length > 0 && !this.halted()) {
      const lane: Promise<void> = this.lane().finally(() => this.lanes.delete(lane));
      this.lanes.add(lane);
    }
  }

  private async lane(): Promise<void> {
    // Stopping: the rest stay unclaimed for the next process (or this one's next start).
    while (this.waiting.length > 0 && !this.halted()) {
      const item = this.waiting.shift()!;
      const slot = this.out.push(undefined) - 1;
      try {
        this.out[slot] = await this.fn(item);
      } finally {
        this.queued.delete(item.schedule.guildId);
      }
    }
  }
}

function describeError(err: unknown): string {
  const e = err as { code?: unknown; status?: unknown; message?: unknown } | null;
  const code = e?.code !== undefined ? String(e.code) : e?.status !== undefined ? `HTTP_${String(e.status)}` : 'SEND_FAILED';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  return `${code}: ${message}`.slice(0, 300);
}

/**
 * Coverage after the first `posted` messages of `digest` went out and the rest did not. Messages are
 * grouped by feed, so what was posted is not a span of time: coverage moves to just before the
 * earliest unposted article, and every article after that instant other than the unposted ones is
 * listed as delivered (posted now, delivered by an earlier partial run, or counted in the heading's
 * "N new articles" as a sent digest's are), so the next digest has exactly the unposted ones.
 * `all` is every article added in the window, including those an earlier partial run delivered.
 */
export function partialCoverage(
  all: readonly DigestArticle[], digest: Digest, posted: number, until: number,
): { coveredUntil: number; coveredIds: string[] } {
  const unposted = new Set(digest.messageArticleIds.slice(posted).flat());
  let earliest = until + 1;
  for (const a of all) if (unposted.has(a.id)) earliest = Math.min(earliest, Date.parse(a.addedAt));
  if (earliest > until) return { coveredUntil: until, coveredIds: [] };
  const coveredUntil = earliest - 1; // the next window takes articles added after coveredUntil
  const coveredIds = all.filter((a) => !unposted.has(a.id) && Date.parse(a.addedAt) > coveredUntil).map((a) => a.id);
  return { coveredUntil, coveredIds };
}

export class DigestScheduler {
  private readonly clock: Clock;
  private readonly instanceId: string;
  private readonly leaseMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /**
   * Counts stop() calls: a tick that began before the latest stop() starts no new digest, and one
   * being sent hands its claim back before its next message. A tick called after stop() (by hand) runs.
   */
  private stops = 0;
  /** Pacing waits in progress (default sleep): stop() ends them early. */
  private readonly waits = new Set<() => void>();
  private ticking: Promise<TickReport[]> | undefined;
  /** The timer's next wake being computed (a store read): idle() waits for it too. */
  private planning: Promise<unknown> | undefined;
  /** When the timer next reads every schedule (a run instant, or maxSleepMs): kept across wakes for stale claims only. */
  private fullTickAt = 0;
  /** The servers sent for: `deps.shards`, or those `start` was given (a gateway learns its shards from Discord at login). */
  private shards: ShardFilter | undefined;

  constructor(private readonly deps: DigestSchedulerDeps) {
    this.shards = deps.shards;
    this.clock = deps.clock ?? systemClock;
    this.instanceId = deps.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.leaseMs = deps.leaseMs ?? DIGEST_RULES.leaseMs;
    if (!(this.leaseMs > 0)) throw new RangeError(`leaseMs must be positive, got ${this.leaseMs}`);
    const rate = deps.pacing?.postsPerSecond ?? DIGEST_RULES.postsPerSecond;
    if (!(rate > 0)) throw new RangeError(`postsPerSecond must be positive, got ${rate}`);
    this.sleep = deps.sleep ?? ((ms) => this.interruptibleSleep(ms));
  }

  /** The span of time the server's next digest would cover if it were sent at `now` (for `/digest preview`'s words). */
  async window(guildId: string, now: Date = this.clock.now()): Promise<DigestWindow> {
    const schedule = await this.deps.store.schedule(guildId);
    const until = now.getTime();
    return { since: digestWindowStart(schedule, until), until, first: schedule?.coveredUntil === undefined };
  }

  private async listed(guildId: string, since: number, until: number): Promise<DigestWindowArticles> {
    const listed = await this.deps.articles.articlesAddedBetween(guildId, since, until);
    return Array.isArray(listed) ? { articles: listed, omitted: 0 } : listed;
  }

  /**
   * The articles a digest ending at `until` covers: added after the coverage, minus those a partly
   * posted digest delivered; `omitted` counts the oldest ones the source did not list.
   */
  private async windowArticles(guildId: string, schedule: StoredSchedule | undefined, until: number): Promise<{ all: DigestArticle[]; fresh: DigestArticle[]; omitted: number }> {
    const since = digestWindowStart(schedule, until);
    const { articles: all, omitted } = await this.listed(guildId, since, until);
    if (!schedule || schedule.coveredIds.length === 0) return { all, fresh: all, omitted };
    const delivered = new Set(schedule.coveredIds);
    return { all, fresh: all.filter((a) => !delivered.has(a.id)), omitted };
  }

  /** Compose the digest the server would get at `at` (nothing is recorded); `omitted`: articles of the period not in `since`'s list, counted only. */
  async compose(guildId: string, at: Date, timezone: string, since: number | readonly DigestArticle[], omitted = 0): Promise<Digest | undefined> {
    const until = at.getTime();
    const window = typeof since === 'number' ? await this.listed(guildId, since, until) : { articles: since, omitted };
    const { articles } = window;
    if (articles.length === 0) return undefined;
    const { parts } = this.deps;
    return composeDigest({
      articles,
      parts: typeof parts === 'function' ? await parts(guildId, shownArticles(articles, this.deps.caps)) : parts,
      heading: `Daily digest · ${longLocalDate(at, timezone)}`,
      ...(this.deps.caps !== undefined && { caps: this.deps.caps }),
      ...(window.omitted > 0 && { omitted: window.omitted }),
    });
  }

  /** What the next digest would be if it were sent now (for `/digest preview`); undefined when nothing is new. */
  async preview(guildId: string, now: Date = this.clock.now()): Promise<Digest | undefined> {
    const schedule = await this.deps.store.schedule(guildId);
    const tz = schedule?.timezone ?? 'UTC';
    const window = await this.windowArticles(guildId, schedule, now.getTime());
    return this.compose(guildId, now, tz, window.fresh, window.omitted);
  }

  async status(guildId: string, now: Date = this.clock.now()): Promise<DigestStatus> {
    const schedule = await this.deps.store.schedule(guildId);
    const lastRun = await this.deps.store.lastRun(guildId);
    const window = await this.windowArticles(guildId, schedule, now.getTime());
    const pendingArticles = window.fresh.length + window.omitted;
    const nextRunAt = schedule?.enabled ? await this.nextRunFor(schedule, now) : undefined;
    return {
      pendingArticles,
      ...(schedule !== undefined && { schedule }),
      ...(lastRun !== undefined && { lastRun }),
      ...(nextRunAt !== undefined && { nextRunAt }),
    };
  }

  /** The next instant this schedule will send: today's run if it is still owed, else the next one. */
  private async nextRunFor(schedule: StoredSchedule, now: Date): Promise<Date | undefined> {
    const due = await this.dueRun(schedule, now);
    if (due) return due.at;
    return nextRunAfter(schedule, now);
  }

  /** Today's run, if it is due now and not yet done (or left mid-send by a process that stopped renewing its claim). */
  private async dueRun(schedule: StoredSchedule, now: Date): Promise<{ at: Date; localDate: string } | undefined> {
    const at = latestRunAtOrBefore(schedule, now);
    if (!at) return undefined;
    const localDate = localDateOf(at, schedule.timezone);
    // Only the current local day is owed: a digest missed yesterday is not sent today.
    if (localDate !== localDateOf(now, schedule.timezone)) return undefined;
    // A schedule set after today's time does not owe today's digest.
    if (at.getTime() < schedule.updatedAt) return undefined;
    const run = await this.deps.store.run(schedule.guildId, localDate);
    if (run) {
      const retry = run.status === 'failed' && run.messageIds.length === 0 && run.attempts < DIGEST_RULES.maxAttempts;
      // The claim decides (store.claimRun): taken over below the attempt limit, closed as abandoned at it.
      const stale = run.status === 'sending' && run.claimedAt < now.getTime() - this.leaseMs;
      if (!retry && !stale) return undefined;
    }
    return { at, localDate };
  }

  /** Send every digest due at `now`. Safe to call at any time and from several processes. */
  async tick(now: Date = this.clock.now()): Promise<TickReport[]> {
    return this.serialTick(now, true);
  }

  /**
   * One tick at a time in this process; a second caller waits for the running one. `full` reads every
   * schedule of the shards; otherwise only the runs whose claim went stale are looked at.
   */
  private async serialTick(now: Date, full: boolean): Promise<TickReport[]> {
    while (this.ticking) await this.ticking.catch(() => undefined);
    this.ticking = this.runTick(now, full);
    try {
      return await this.ticking;
    } finally {
      this.ticking = undefined;
    }
  }

  private async runTick(now: Date, full: boolean): Promise<TickReport[]> {
    const { store } = this.deps;
    const { shards } = this;
    const stops = this.stops;
    const halted = () => this.stops !== stops;
    // The tick's time: `now`, moved on by the clock while the tick runs (a paced tick of a busy minute
    // lasts minutes). A digest begun late in the tick claims and composes at its own start, so its
    // claim is not born older than the lease, and runs looked at mid-tick are judged at that moment.
    const clockAtStart = this.clock.now().getTime();
    const current = () => new Date(now.getTime() + Math.max(0, this.clock.now().getTime() - clockAtStart));
    const queue = new DueQueue<TickReport>(this.deps.concurrency ?? DIGEST_RULES.concurrency, async (d) => {
      try {
        const report = await this.send(d.schedule, d, current(), halted);
        if (report.outcome === 'sent') this.deps.onSent?.(report);
        return report;
      } catch (err) {
        this.deps.onError?.(err, { guildId: d.schedule.guildId, stage: 'tick' });
        return undefined;
      }
    }, halted);

    const due: DueRun[] = [];
    const seen = new Set<string>();
    const consider = async (schedule: StoredSchedule, resumed: boolean) => {
      if (seen.has(schedule.guildId)) return;
      seen.add(schedule.guildId);
      try {
        const run = await this.dueRun(schedule, now);
        if (run) due.push({ schedule, ...run, resumed });
      } catch (err) {
        this.deps.onError?.(err, { guildId: schedule.guildId, stage: 'tick' });
      }
    };
    // Stale claims looked at in this tick (server, day, renewal): one that stays stale and is not owed
    // (its schedule turned off) is not read again at every check; one whose read failed is.
    const lookedAt = new Set<string>();
    const keyOf = (run: DigestRun) => `${run.guildId} ${run.localDate} ${run.claimedAt}`;
    const fresh = (run: DigestRun) => {
      if (lookedAt.has(keyOf(run))) return false;
      lookedAt.add(keyOf(run));
      return true;
    };
    const failed = (run: DigestRun, err: unknown) => {
      lookedAt.delete(keyOf(run));
      this.deps.onError?.(err, { guildId: run.guildId, stage: 'tick' });
    };
    const staleAt = (at: number) => store.staleRuns(shards, at - this.leaseMs, at - DIGEST_RULES.staleHorizonMs, DIGEST_RULES.staleBatch);
    // Runs a stopped process left mid-send: a handful, by an indexed read, even when no schedule is read.
    for (const run of await staleAt(now.getTime())) {
      if (!fresh(run)) continue;
      try {
        const schedule = await store.schedule(run.guildId);
        if (schedule?.enabled) await consider(schedule, true);
      } catch (err) {
        failed(run, err);
      }
    }
    if (full) for (const schedule of await store.enabledSchedules(shards)) await consider(schedule, false);
    // Earliest run instant first: when thousands are due in the same minute, the paced queue serves them in due order.
    for (const d of due.sort(dueOrder)) queue.add(d);

    // While the tick sends, claims of other processes go stale (one died mid-digest): every third of
    // the lease, one indexed read finds them, and they join the queue in their due place, so the
    // takeover starts within about a lease of the claim going stale, not after the tick.
    let checking: Promise<void> | undefined;
    const check = async () => {
      const at = current();
      for (const run of await staleAt(at.getTime())) {
        if (halted()) return;
        if (queue.has(run.guildId) || !fresh(run)) continue;
        try {
          const schedule = await store.schedule(run.guildId);
          const owed = schedule?.enabled ? await this.dueRun(schedule, at) : undefined;
          if (schedule && owed && !halted()) queue.add({ schedule, ...owed, resumed: true });
        } catch (err) {
          failed(run, err);
        }
      }
    };
    const checker = setInterval(() => {
      if (checking || halted()) return;
      checking = check()
        .catch((err: unknown) => this.deps.onError?.(err, { stage: 'tick' }))
        .finally(() => (checking = undefined));
    }, Math.max(1, Math.floor(this.leaseMs / 3)));
    checker.unref?.();
    try {
      // A check in flight may still add a run: the tick ends when no lane runs and no check is reading.
      while (queue.busy || checking) await Promise.race([...(queue.busy ? [queue.settled()] : []), ...(checking ? [checking] : [])]);
    } finally {
      clearInterval(checker);
    }
    const reports = queue.reports();
    if (reports.length > 0 || due.length > 0) this.deps.onTick?.(summarizeTick(reports), reports);
    return reports;
  }

  /** A timer (kept referenced: a one-shot process must not exit while a digest waits for its turn) that stop() ends. */
  private interruptibleSleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waits.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waits.add(done);
    });
  }

  /**
   * Wait for the next slot of the paced queue, if there is one. A stop() that comes while the slot
   * is being reserved (a store round trip) is seen before the wait begins, not a slot later.
   */
  private async paced(halted: () => boolean): Promise<void> {
    const pacing = this.deps.pacing;
    if (!pacing) return;
    const interval = 1000 / (pacing.postsPerSecond ?? DIGEST_RULES.postsPerSecond);
    const slot = await pacing.store.reserve(pacing.key ?? SCHEDULED_POSTS_KEY, this.clock.now().getTime(), interval);
    const wait = slot - this.clock.now().getTime();
    if (wait > 0 && !halted()) await this.sleep(wait);
  }

  private async send(schedule: StoredSchedule, due: { at: Date; localDate: string }, now: Date, halted: () => boolean): Promise<TickReport> {
    const { store, sender } = this.deps;
    const { guildId } = schedule;
    const base = { guildId, localDate: due.localDate };

    // Check before claiming: nothing is posted, and the day's digest can still go out once fixed.
    const check = await sender.checkChannel(guildId, schedule.channelId);
    if (!check.ok) {
      const detail = check.missing && check.missing.length > 0 ? check.missing.join(', ') : '';
      await store.recordBlocked(guildId, now.getTime(), check.code, detail);
      return { ...base, outcome: 'blocked', reason: detail ? `${check.code}: ${detail}` : check.code };
    }

    const claimed = await store.claimRun(
      { guildId, localDate: due.localDate, scheduledFor: due.at.getTime(), now: now.getTime(), instanceId: this.instanceId, channelId: schedule.channelId },
      DIGEST_RULES.maxAttempts,
      this.leaseMs,
    );
    if (!claimed) return { ...base, outcome: 'already-claimed' };

    const keeper = new ClaimKeeper(
      () => store.renewRun(guildId, due.localDate, this.instanceId, this.clock.now().getTime()),
      Math.max(1, Math.floor(this.leaseMs / 3)),
      (err) => this.deps.onError?.(err, { guildId, stage: 'renew' }),
    );
    try {
      return await this.post(schedule, due.localDate, now, keeper, halted);
    } finally {
      await keeper.stop();
    }
  }

  /** Post the claimed run: the rest of its plan when an earlier holder fixed one, else a digest composed now. */
  private async post(schedule: StoredSchedule, localDate: string, now: Date, keeper: ClaimKeeper, halted: () => boolean): Promise<TickReport> {
    const { store, sender } = this.deps;
    const { guildId } = schedule;
    const base = { guildId, localDate };
    const takenOver = (messageIds: readonly string[], extra: Partial<TickReport> = {}): TickReport => ({ ...base, ...extra, outcome: 'taken-over', messageIds });

    const run = await store.run(guildId, localDate);
    if (!run || run.status !== 'sending' || run.instanceId !== this.instanceId) return takenOver(run?.messageIds ?? []);
    // A run taken over keeps posting where its first messages went.
    const channelId = run.channelId;
    const timing = { scheduledFor: run.scheduledFor };
    let plan = readPlan(run.plan);
    if (!plan) {
      // Re-read: a holder before this one may have moved the coverage past what it posted.
      const current = (await store.schedule(guildId)) ?? schedule;
      const until = now.getTime();
      const window = await this.windowArticles(guildId, current, until);
      const digest = await this.compose(guildId, now, current.timezone, window.fresh, window.omitted);
      if (!digest) {
        const finished = await store.finishRun(guildId, localDate, {
          status: 'empty', now: until, articleCount: 0, messageIds: run.messageIds, coveredUntil: until, instanceId: this.instanceId,
        });
        return finished ? { ...base, ...timing, outcome: 'empty', articleCount: 0 } : takenOver(run.messageIds);
      }
      plan = makePlan(window.all, digest, until, run.messageIds.length);
      if (!(await store.recordPlan(guildId, localDate, this.instanceId, JSON.stringify(plan), this.clock.now().getTime()))) return takenOver(run.messageIds);
    }

    const ids = [...run.messageIds];
    const postedBefore = ids.length - plan.offset;
    let firstPostAt: number | undefined;
    const timed = () => ({ ...timing, ...(firstPostAt !== undefined && { firstPostAt, latenessMs: firstPostAt - run.scheduledFor }) });
    const handBack = async (): Promise<TickReport> => {
      // Stale at once: the next claim (another process, or this one restarted) continues from the record.
      const handed = await store.releaseRun(guildId, localDate, this.instanceId, this.clock.now().getTime() - this.leaseMs - 1);
      return handed ? { ...base, outcome: 'handed-back', messageIds: ids, articleCount: plan.articleCount, ...timed() } : takenOver(ids, { articleCount: plan.articleCount, ...timed() });
    };
    try {
      for (let k = postedBefore; k < plan.messages.length; k++) {
        if (halted()) return await handBack();
        await this.paced(halted);
        if (halted()) return await handBack();
        // Stalled long enough for another process to take the run over: it posts the rest.
        if (keeper.lost) return takenOver(ids, { articleCount: plan.articleCount, ...timed() });
        const id = await sender.send(channelId, plan.messages[k]!, { nonce: digestNonce(guildId, localDate, plan.offset + k) });
        firstPostAt ??= this.clock.now().getTime();
        ids.push(id);
        if (k === plan.messages.length - 1) break; // the last one is recorded with the finish
        const progress = { now: this.clock.now().getTime(), messageIds: ids, ...planCoverage(plan, k + 1)! };
        if (!(await store.recordProgress(guildId, localDate, this.instanceId, progress))) return takenOver(ids, { articleCount: plan.articleCount, ...timed() });
      }
    } catch (err) {
      const reason = describeError(err);
      this.deps.onError?.(err, { guildId, stage: 'send' });
      // Partly posted: what went out is covered, so nothing is posted twice; what did not comes next time.
      const finished = await store.finishRun(guildId, localDate, {
        status: 'failed',
        now: this.clock.now().getTime(),
        articleCount: plan.articleCount,
        messageIds: ids,
        reason,
        instanceId: this.instanceId,
        ...planCoverage(plan, ids.length - plan.offset),
      });
      if (!finished) return takenOver(ids, { articleCount: plan.articleCount, reason, ...timed() });
      return { ...base, outcome: 'failed', reason, messageIds: ids, articleCount: plan.articleCount, ...timed() };
    }
    const finished = await store.finishRun(guildId, localDate, {
      status: 'sent', now: this.clock.now().getTime(), articleCount: plan.articleCount, messageIds: ids, coveredUntil: plan.until, instanceId: this.instanceId,
    });
    if (!finished) return takenOver(ids, { articleCount: plan.articleCount, ...timed() });
    return { ...base, outcome: 'sent', messageIds: ids, articleCount: plan.articleCount, ...timed() };
  }

  /** The earliest future run instant of any enabled schedule of the shards (runs owed now were just ticked). */
  async nextWakeAt(now: Date = this.clock.now()): Promise<Date | undefined> {
    let earliest: Date | undefined;
    for (const s of await this.deps.store.enabledSchedules(this.shards)) {
      const next = nextRunAfter(s, now);
      if (next && (!earliest || next < earliest)) earliest = next;
    }
    return earliest;
  }

  /**
   * When the timer wakes next, and whether that wake reads every schedule. A full tick is due at the
   * next run instant (or after maxSleepMs); in between, the timer wakes just after the oldest live
   * claim would go stale, and that wake reads only the stale runs: while other processes send, a
   * wake every two thirds of the lease costs one indexed read, not a read of every schedule.
   * `tickedAt`: when the tick just done began. A claim live then that went stale after the tick's
   * last check (in the last third of a lease) was not looked at: the timer wakes for it at once, not
   * at the next full tick a minute on. Claims the tick saw stale stay to the full tick if it could
   * not take them.
   */
  private async planWake(now: Date, full: boolean, tickedAt: number = now.getTime()): Promise<{ at: number; full: boolean }> {
    const t = now.getTime();
    if (full || this.fullTickAt <= t) {
      // Should the read fail, the next full tick is a maxSleepMs away (the caller's fallback).
      this.fullTickAt = t + DIGEST_RULES.maxSleepMs;
      const next = await this.nextWakeAt(now);
      if (next !== undefined) this.fullTickAt = Math.min(this.fullTickAt, Math.max(t + 50, next.getTime() + 5));
    }
    const live = await this.deps.store.earliestLiveClaim(this.shards, Math.min(t, tickedAt) - this.leaseMs);
    // A claim renewed at `live` is stale once `claimed_at < now - leaseMs`: just after live + leaseMs.
    const staleAt = live === undefined ? undefined : Math.max(t + 50, live + this.leaseMs + 5);
    return staleAt !== undefined && staleAt < this.fullTickAt ? { at: staleAt, full: false } : { at: this.fullTickAt, full: true };
  }

  /** Tick on a timer: at the next run instant, when a claim goes stale, and at least once a minute. Call once per process. */
  start(shards?: ShardFilter): void {
    if (this.running) return;
    if (shards !== undefined) this.shards = shards;
    this.running = true;
    void this.loop(true);
  }

  /** Re-plan the timer now (after `/digest set` or `/digest off`). */
  reschedule(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    void this.loop(true);
  }

  /** Stop the timer; a tick in progress starts no new digest, and one mid-send hands its claim back before its next message (see idle()). */
  stop(): void {
    this.running = false;
    this.stops++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const wake of [...this.waits]) wake();
  }

  /** Resolves when the tick (and timer planning) in progress, if any, has finished: call after stop(), before closing the stores. */
  async idle(): Promise<void> {
    for (let busy = this.ticking ?? this.planning; busy; busy = this.ticking ?? this.planning) await busy.catch(() => undefined);
  }

  private async loop(full: boolean): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const tickedAt = this.clock.now();
    try {
      await this.serialTick(tickedAt, full);
    } catch (err) {
      this.deps.onError?.(err, { stage: 'loop' });
    }
    if (!this.running || this.timer) return;
    const now = this.clock.now();
    let next = { at: now.getTime() + DIGEST_RULES.maxSleepMs, full: true };
    const planning = this.planWake(now, full, tickedAt.getTime());
    this.planning = planning;
    try {
      next = await planning;
    } catch (err) {
      // The store did not answer: try again within maxSleepMs rather than stop the timer for good.
      this.deps.onError?.(err, { stage: 'loop' });
    } finally {
      if (this.planning === planning) this.planning = undefined;
    }
    // Stopped, or another loop (a reschedule) planned the timer while the store was read.
    if (!this.running || this.timer) return;
    const wait = Math.min(DIGEST_RULES.maxSleepMs, Math.max(50, next.at - now.getTime()));
    this.timer = setTimeout(() => void this.loop(next.full), wait);
    this.timer.unref?.();
  }
}
