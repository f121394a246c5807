/**
 * The digest scheduler: one per process. `tick(now)` looks at every enabled schedule and sends the
 * digests that are due: today's run time has passed (in the server's zone), it is still that local
 * day, the schedule existed before the run time, and no run for that local day has been claimed.
 * So a digest missed while the bot was down goes out on start if it is still the same day, and a
 * restart after sending does not send again. The claim is a row with UNIQUE (guild, local date)
 * inserted in a transaction (see store/sql/digests.ts), so two processes cannot both send.
 *
 * Time comes from an injected Clock, and croner computes the run instants, so tests call
 * `tick()` with any time they like. `start()` runs the same tick on a timer in production.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { DigestRun, DigestsStore, StoredSchedule } from '../store/ports';
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
} as const;

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

export type TickOutcome = 'sent' | 'empty' | 'blocked' | 'failed' | 'already-claimed';

export interface TickReport {
  readonly guildId: string;
  readonly localDate: string;
  readonly outcome: TickOutcome;
  readonly reason?: string;
  readonly messageIds?: readonly string[];
  readonly articleCount?: number;
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
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private ticking: Promise<TickReport[]> | undefined;
  /** The timer's next wake being computed (a store read): idle() waits for it too. */
  private planning: Promise<Date | undefined> | undefined;

  constructor(private readonly deps: DigestSchedulerDeps) {
    this.clock = deps.clock ?? systemClock;
    this.instanceId = deps.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
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

  /** Today's run, if it is due now and not yet done. */
  private async dueRun(schedule: StoredSchedule, now: Date): Promise<{ at: Date; localDate: string } | undefined> {
    const at = latestRunAtOrBefore(schedule, now);
    if (!at) return undefined;
    const localDate = localDateOf(at, schedule.timezone);
    // Only the current local day is owed: a digest missed yesterday is not sent today.
    if (localDate !== localDateOf(now, schedule.timezone)) return undefined;
    // A schedule set after today's time does not owe today's digest.
    if (at.getTime() < schedule.updatedAt) return undefined;
    const run = await this.deps.store.run(schedule.guildId, localDate);
    if (run && !(run.status === 'failed' && run.messageIds.length === 0 && run.attempts < DIGEST_RULES.maxAttempts)) return undefined;
    return { at, localDate };
  }

  /** Send every digest due at `now`. Safe to call at any time and from several processes. */
  async tick(now: Date = this.clock.now()): Promise<TickReport[]> {
    // One tick at a time in this process; a second caller waits for the running one.
    while (this.ticking) await this.ticking.catch(() => undefined);
    this.ticking = this.runTick(now);
    try {
      return await this.ticking;
    } finally {
      this.ticking = undefined;
    }
  }

  private async runTick(now: Date): Promise<TickReport[]> {
    const reports: TickReport[] = [];
    for (const schedule of await this.deps.store.enabledSchedules()) {
      try {
        const due = await this.dueRun(schedule, now);
        if (due) reports.push(await this.send(schedule, due, now));
      } catch (err) {
        this.deps.onError?.(err, { guildId: schedule.guildId, stage: 'tick' });
      }
    }
    return reports;
  }

  private async send(schedule: StoredSchedule, due: { at: Date; localDate: string }, now: Date): Promise<TickReport> {
    const { store, sender } = this.deps;
    const { guildId, channelId } = schedule;
    const base = { guildId, localDate: due.localDate };

    // Check before claiming: nothing is posted, and the day's digest can still go out once fixed.
    const check = await sender.checkChannel(guildId, channelId);
    if (!check.ok) {
      const detail = check.missing && check.missing.length > 0 ? check.missing.join(', ') : '';
      await store.recordBlocked(guildId, now.getTime(), check.code, detail);
      return { ...base, outcome: 'blocked', reason: detail ? `${check.code}: ${detail}` : check.code };
    }

    const claimed = await store.claimRun(
      { guildId, localDate: due.localDate, scheduledFor: due.at.getTime(), now: now.getTime(), instanceId: this.instanceId, channelId },
      DIGEST_RULES.maxAttempts,
    );
    if (!claimed) return { ...base, outcome: 'already-claimed' };

    const until = now.getTime();
    const window = await this.windowArticles(guildId, schedule, until);
    const digest = await this.compose(guildId, now, schedule.timezone, window.fresh, window.omitted);
    if (!digest) {
      await store.finishRun(guildId, due.localDate, { status: 'empty', now: until, articleCount: 0, messageIds: [], coveredUntil: until });
      return { ...base, outcome: 'empty', articleCount: 0 };
    }
    const ids: string[] = [];
    try {
      for (const message of digest.messages) ids.push(await sender.send(channelId, message));
    } catch (err) {
      const reason = describeError(err);
      this.deps.onError?.(err, { guildId, stage: 'send' });
      // Partly posted: what went out is covered, so nothing is posted twice; what did not comes next time.
      await store.finishRun(guildId, due.localDate, {
        status: 'failed',
        now: this.clock.now().getTime(),
        articleCount: digest.articleCount,
        messageIds: ids,
        reason,
        ...(ids.length > 0 && partialCoverage(window.all, digest, ids.length, until)),
      });
      return { ...base, outcome: 'failed', reason, messageIds: ids, articleCount: digest.articleCount };
    }
    await store.finishRun(guildId, due.localDate, { status: 'sent', now: this.clock.now().getTime(), articleCount: digest.articleCount, messageIds: ids, coveredUntil: until });
    return { ...base, outcome: 'sent', messageIds: ids, articleCount: digest.articleCount };
  }

  /** The earliest future run instant of any enabled schedule (runs owed now were just ticked). */
  async nextWakeAt(now: Date = this.clock.now()): Promise<Date | undefined> {
    let earliest: Date | undefined;
    for (const s of await this.deps.store.enabledSchedules()) {
      const next = nextRunAfter(s, now);
      if (next && (!earliest || next < earliest)) earliest = next;
    }
    return earliest;
  }

  /** Tick on a timer: at the next run instant, and at least once a minute. Call once per process. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.loop();
  }

  /** Re-plan the timer now (after `/digest set` or `/digest off`). */
  reschedule(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    void this.loop();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Resolves when the tick (and timer planning) in progress, if any, has finished: call after stop(), before closing the stores. */
  async idle(): Promise<void> {
    for (let busy = this.ticking ?? this.planning; busy; busy = this.ticking ?? this.planning) await busy.catch(() => undefined);
  }

  private async loop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    try {
      await this.tick();
    } catch (err) {
      this.deps.onError?.(err, { stage: 'loop' });
    }
    if (!this.running || this.timer) return;
    const now = this.clock.now();
    let next: Date | undefined;
    const planning = this.nextWakeAt(now);
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
    const wait = next === undefined ? DIGEST_RULES.maxSleepMs : Math.min(DIGEST_RULES.maxSleepMs, Math.max(50, next.getTime() - now.getTime() + 5));
    this.timer = setTimeout(() => void this.loop(), wait);
    this.timer.unref?.();
  }
}
