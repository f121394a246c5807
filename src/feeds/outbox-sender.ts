/**
 * The sender of feed announcements: the gateway side of the outbox. Workers write an entry with
 * each new item they store (src/store/sql/outbox.ts); the gateway that runs a server's shard
 * claims its due entries with a lease, posts each through Discord's paced queue, and records what
 * became of it. Each entry is posted once:
 *
 * - Claims are leased (`leaseMs`, renewed while an entry waits its turn): a gateway killed mid-send
 *   has its entries taken over by another one (or by itself, restarted) once the lease runs out.
 * - A message carries a nonce derived from the entry (Discord's enforce_nonce): a post retried after
 *   a crash between Discord's answer and the record returns the first message instead of a second.
 * - For a thread per item, a retry finds the thread started on that message (Discord 160004) and
 *   counts it as sent: a thread started on a message has the message's id.
 * - A target that cannot take the post (channel gone, permission missing, a 4xx answer) is failed
 *   at once and never retried: Discord bans an IP that keeps sending requests it refuses.
 * - 5xx, timeouts, rate limits and network errors are retried with exponential backoff, at most
 *   `OUTBOX_RULES.maxAttempts` sends in all.
 *
 * Every post first takes a slot of the paced queue shared with the digests (PacingStore, key
 * `discord:scheduled-posts`), so all processes' scheduled posts together stay under Discord's
 * global rate.
 */
import { z } from 'zod';
import type { DigestMessage } from '../digest/compose';
import { SCHEDULED_POSTS_KEY } from '../digest/scheduler';
import type { Markdown } from '../digest/markdown';
import type { OutboxItem, OutboxOutcome, OutboxStore, PacingStore, ShardFilter, ThreadStore } from '../store/ports';
import type { FeedPoster, ItemThread } from './poster';

export const OUTBOX_RULES = {
  /** The paced queue's key: the same one the digest scheduler takes its slots from. */
  paceKey: SCHEDULED_POSTS_KEY,
  /** Entries claimed at a time: a batch at 40 posts a second is half a second of posting. */
  batch: 20,
  /** Other processes write entries: look again at least this often even when none is due. */
  maxSleepMs: 2_000,
  /** The first retry's wait after a transient failure; it doubles with each attempt. */
  firstRetryMs: 5_000,
  /** The longest wait between two attempts (within Discord's nonce memory of a few minutes). */
  maxRetryMs: 5 * 60_000,
  /** Sends tried in all before an entry is given up as failed (about 10 minutes of retries). */
  maxAttempts: 8,
  /** Sent and failed entries are kept this long (for a look at what happened), then pruned. */
  keepFinishedMs: 24 * 60 * 60_000,
  /** How often the prune runs. */
  pruneEveryMs: 60 * 60_000,
} as const;

export type OutboxLog = (level: 'info' | 'warn' | 'error', data: Record<string, unknown>, message: string) => void;

export interface OutboxSenderDeps {
  readonly outbox: OutboxStore;
  readonly pacing: PacingStore;
  readonly poster: FeedPoster;
  /** Where threads and forum posts are registered, so @mentions in them are answered about the item. */
  readonly threads: ThreadStore;
  /** The shards whose servers this process posts for; all servers when undefined. */
  readonly shards?: ShardFilter;
  /** This process's name on its leases (unique among the processes on the database). */
  readonly holder: string;
  /** LEASE_SECONDS in ms (default 30 s): how long a claimed entry stays this process's without renewal. */
  readonly leaseMs?: number;
  /** DISCORD_POSTS_PER_SECOND (default 40): the paced queue's rate. */
  readonly postsPerSecond?: number;
  readonly now?: () => number;
  readonly log?: OutboxLog;
  /** An entry was posted: `lateMs` from when it was due to when it went out (metrics). */
  readonly onSent?: (item: OutboxItem, info: { readonly messageId: string; readonly threadId?: string; readonly lateMs: number }) => void;
  /** An entry was given up: a target that cannot take it, a 4xx, or too many attempts. */
  readonly onFailed?: (item: OutboxItem, error: string) => void;
}

/** What a failed send means for the entry. */
export interface SendFailure {
  /** Worth trying again (5xx, timeout, rate limit, network); false for an answer that will not change. */
  readonly transient: boolean;
  /** The Discord error code, `HTTP_<status>`, the system error code, or the error's name. */
  readonly code: string;
  readonly message: string;
  /** The wait a rate limit asked for, when it said. */
  readonly retryAfterMs?: number;
}

/** Discord's "a thread has already been created for this message". */
const THREAD_ALREADY_CREATED = 160004;

/** Errors thrown with these codes say the target is gone (src/discord/digest-poster.ts). */
const PERMANENT_CODES: ReadonlySet<string> = new Set(['CHANNEL_NOT_FOUND', 'FORUM_NEEDS_TAG']);

/** What a thrown send error means: discord.js's DiscordAPIError/HTTPError/RateLimitError, aborts, system errors. */
export function classifySendError(err: unknown): SendFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { status?: unknown; code?: unknown; name?: unknown; message?: unknown; retryAfter?: unknown; cause?: unknown };
  const message = (typeof e.message === 'string' ? e.message : String(err)).slice(0, 300);
  const status = typeof e.status === 'number' ? e.status : undefined;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const retryAfterMs = typeof e.retryAfter === 'number' && e.retryAfter > 0 ? e.retryAfter : undefined;
  const after = retryAfterMs !== undefined ? { retryAfterMs } : {};
  if (name === 'RateLimitError' || status === 429) return { transient: true, code: 'HTTP_429', message, ...after };
  if (status !== undefined) {
    const code = typeof e.code === 'number' || (typeof e.code === 'string' && e.code !== '') ? String(e.code) : `HTTP_${status}`;
    // 408 is the server giving up on a slow request: as a timeout. Every other 4xx is an answer.
    return { transient: status >= 500 || status === 408, code, message };
  }
  const cause = (typeof e.cause === 'object' && e.cause !== null ? e.cause : {}) as { code?: unknown };
  const code = typeof e.code === 'string' ? e.code : typeof cause.code === 'string' ? cause.code : name;
  // Timeouts (AbortError, TimeoutError), refused or reset connections, DNS: nothing was answered.
  return { transient: !PERMANENT_CODES.has(code), code, message };
}

/**
 * The nonce of an entry's post: at most 25 characters (Discord's limit), the same on every retry of
 * the entry, and not shared with another database's entry of the same number (its creation time).
 */
export function outboxNonce(item: Pick<OutboxItem, 'id' | 'createdAt'>): string {
  return `o${item.id.toString(36)}.${item.createdAt.toString(36)}`.slice(0, 25);
}

/** The wait before try `attempts + 1` after a transient failure: 5 s, 10 s, 20 s... at most 5 minutes. */
export function retryDelay(attempts: number): number {
  return Math.min(OUTBOX_RULES.maxRetryMs, OUTBOX_RULES.firstRetryMs * 2 ** Math.max(0, attempts));
}

const embedJson = z.object({
  title: z.string().optional(),
  url: z.string().optional(),
  description: z.string(),
  footer: z.string().optional(),
  color: z.number().int().optional(),
});
const messageJson = z.object({ content: z.string().optional(), embeds: z.array(embedJson) });

/**
 * The message an entry holds, read back. Its Markdown was rendered and escaped by the worker that
 * stored the item (src/feeds/runtime.ts, `renderAnnouncement`): the outbox holds only Lede's own output.
 */
export function parseAnnouncement(json: string): DigestMessage {
  const m = messageJson.parse(JSON.parse(json));
  return {
    ...(m.content !== undefined && { content: m.content as Markdown }),
    embeds: m.embeds.map((e) => ({
      description: e.description as Markdown,
      ...(e.title !== undefined && { title: e.title as Markdown }),
      ...(e.url !== undefined && { url: e.url }),
      ...(e.footer !== undefined && { footer: e.footer }),
      ...(e.color !== undefined && { color: e.color }),
    })),
  };
}

/** The message id in a discord.js error's URL (`/channels/<c>/messages/<m>/threads`): the message the thread was asked for. */
function messageIdOf(err: unknown): string | undefined {
  const url = (err as { url?: unknown } | null)?.url;
  return typeof url === 'string' ? /\/messages\/(\d{1,20})\/threads(?:[/?]|$)/.exec(url)?.[1] : undefined;
}

export class OutboxSender {
  private readonly leaseMs: number;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly log: OutboxLog;
  private stopped = true;
  /** The loop in progress (start to stop). */
  private running: Promise<void> | undefined;
  /** Set by wake() during a pass: run another one straight after it. */
  private again = false;
  /** Passes started and finished, for flush(). */
  private started = 0;
  private finished = 0;
  private flushes: Array<{ readonly after: number; readonly resolve: () => void }> = [];
  /** Ends the loop's sleep between passes (wake, stop). */
  private interruptIdle: (() => void) | undefined;
  /** End every wait (stop). */
  private readonly interrupts = new Set<() => void>();
  private lastPrune = 0;

  constructor(private readonly deps: OutboxSenderDeps) {
    this.leaseMs = deps.leaseMs ?? 30_000;
    const rate = deps.postsPerSecond ?? 40;
    if (!(this.leaseMs >= 1_000) || !(rate > 0)) throw new RangeError(`OutboxSender: bad lease (${this.leaseMs} ms) or rate (${rate}/s)`);
    this.intervalMs = 1000 / rate;
    this.now = deps.now ?? Date.now;
    this.log = deps.log ?? (() => undefined);
  }

  /** Send on a timer until stop(): at once, then whenever an entry is due, looking at least every 2 s. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** An entry was just written in this process: send now instead of at the next look. */
  wake(): void {
    if (this.stopped) return;
    this.again = true;
    this.interruptIdle?.();
  }

  /**
   * Resolves when a pass that started after this call has finished: every entry that was due then
   * (and not leased by another process) has been sent, failed or put back for a retry. At once when
   * stopped. One process that both polls and posts uses it to post a poll's items before the poll ends.
   */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const after = this.started;
    const done = new Promise<void>((resolve) => this.flushes.push({ after, resolve }));
    this.wake();
    return done;
  }

  /** Stop: the post in flight finishes, the entries still claimed are handed back for the next claim. */
  async stop(): Promise<void> {
    if (this.stopped) return this.idle();
    this.stopped = true;
    for (const interrupt of [...this.interrupts]) interrupt();
    await this.idle();
  }

  /** Resolves when the loop has ended and its leases are handed back (after stop()). */
  async idle(): Promise<void> {
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.again = false;
      this.started++;
      await this.pass();
      this.finished++;
      this.settleFlushes();
      if (this.stopped) break;
      if (this.again) continue;
      await this.sleep(await this.nextWait(), true);
    }
    try {
      const handed = await this.deps.outbox.release(this.deps.holder);
      if (handed > 0) this.log('info', { holder: this.deps.holder, count: handed }, 'feed announcements handed back');
    } catch (err) {
      // Not handed back: their leases run out instead, and another gateway takes them then.
      this.log('warn', { err, holder: this.deps.holder }, 'feed announcement leases not handed back');
    }
    for (const f of this.flushes.splice(0)) f.resolve();
  }

  private settleFlushes(): void {
    const waiting = this.flushes;
    this.flushes = waiting.filter((f) => f.after >= this.finished);
    for (const f of waiting) if (f.after < this.finished) f.resolve();
  }

  /** Until the next entry of our shards is due (or leased by nobody), at most 2 s. */
  private async nextWait(): Promise<number> {
    try {
      const next = await this.deps.outbox.nextDueAt(this.deps.shards);
      return next === undefined ? OUTBOX_RULES.maxSleepMs : Math.min(OUTBOX_RULES.maxSleepMs, Math.max(0, next - this.now()));
    } catch (err) {
      this.log('error', { err }, 'feed announcement outbox not readable');
      return OUTBOX_RULES.maxSleepMs;
    }
  }

  /** Claim and send batches until nothing is due. */
  private async pass(): Promise<void> {
    await this.pruneNowAndThen();
    while (!this.stopped) {
      let batch: OutboxItem[];
      try {
        batch = await this.deps.outbox.claim(this.deps.shards, this.now(), this.deps.holder, this.leaseMs, OUTBOX_RULES.batch);
      } catch (err) {
        this.log('error', { err }, 'feed announcements not claimed');
        return;
      }
      if (batch.length === 0) return;
      await this.sendBatch(batch);
    }
  }

  /** Send a claimed batch in order, keeping its leases alive while entries wait their turn. */
  private async sendBatch(batch: readonly OutboxItem[]): Promise<void> {
    const held = new Set(batch.map((item) => item.id));
    let renewing: Promise<void> | undefined;
    const renew = () => {
      renewing ??= (async () => {
        try {
          const still = new Set(await this.deps.outbox.renew(this.deps.holder, [...held], this.now(), this.leaseMs));
          for (const id of held) if (!still.has(id)) held.delete(id);
        } catch (err) {
          this.log('warn', { err }, 'feed announcement leases not renewed');
        } finally {
          renewing = undefined;
        }
      })();
    };
    const keeper = setInterval(renew, this.leaseMs / 3);
    keeper.unref?.();
    try {
      for (const item of batch) {
        if (this.stopped) return;
        // Taken over by another gateway while this one was waiting (its lease could not be renewed in time).
        if (!held.has(item.id)) continue;
        await this.sendOne(item, held);
        held.delete(item.id);
      }
    } finally {
      clearInterval(keeper);
      await renewing;
    }
  }

  private async sendOne(item: OutboxItem, held: ReadonlySet<number>): Promise<void> {
    const { poster } = this.deps;
    const context = { id: item.id, guildId: item.guildId, channelId: item.channelId, delivery: item.delivery, feed: item.feedUrl, attempt: item.attempts + 1 };
    let message: DigestMessage;
    try {
      message = parseAnnouncement(item.message);
    } catch (err) {
      // Not a message Lede wrote (a damaged row): it will not read better on a retry.
      this.log('error', { ...context, err }, 'feed item announcement unreadable');
      return this.record(item, { kind: 'failed', error: 'OUTBOX_MESSAGE_INVALID' });
    }
    let outcome: OutboxOutcome;
    try {
      const slot = await this.deps.pacing.reserve(OUTBOX_RULES.paceKey, this.now(), this.intervalMs);
      await this.sleep(slot - this.now());
      // Stopped while waiting (handed back untried), or lost to another gateway: not ours to send.
      if (this.stopped || !held.has(item.id)) return;
      const check = await poster.checkFeedTarget(item.guildId, item.channelId, item.delivery);
      if (!check.ok) {
        const missing = check.missing && check.missing.length > 0 ? ` (missing ${check.missing.join(', ')})` : '';
        this.log('warn', { ...context, code: check.code, missing: check.missing }, 'feed item not announced');
        outcome = { kind: 'failed', error: `${check.code}${missing}` };
      } else {
        outcome = await this.post(item, message);
      }
    } catch (err) {
      const failure = classifySendError(err);
      const error = `${failure.code}: ${failure.message}`;
      if (!failure.transient || item.attempts + 1 >= OUTBOX_RULES.maxAttempts) {
        this.log('warn', { ...context, err, code: failure.code }, failure.transient ? 'feed item announcement given up after its last attempt' : 'feed item announcement refused: not retried');
        outcome = { kind: 'failed', error };
      } else {
        const retryAt = this.now() + Math.max(retryDelay(item.attempts), failure.retryAfterMs ?? 0);
        this.log('warn', { ...context, code: failure.code, retryAt }, 'feed item announcement failed; trying again');
        outcome = { kind: 'retry', retryAt, error };
      }
    }
    await this.record(item, outcome);
  }

  /** Post the entry as its delivery asks, register its thread, and say what was posted. */
  private async post(item: OutboxItem, message: DigestMessage): Promise<OutboxOutcome> {
    const { poster } = this.deps;
    const nonce = outboxNonce(item);
    if (item.delivery === 'message') return { kind: 'sent', messageId: await poster.send(item.channelId, message, { nonce }) };
    const name = item.threadName ?? 'New item';
    let thread: ItemThread;
    if (item.delivery === 'thread') {
      try {
        thread = await poster.sendWithThread(item.channelId, message, name, { nonce });
      } catch (err) {
        // A retry: the nonce gave back the message posted before the crash, and the thread started
        // on it then is still there. A thread started on a message has the message's id.
        const messageId = (err as { code?: unknown } | null)?.code === THREAD_ALREADY_CREATED ? messageIdOf(err) : undefined;
        if (messageId === undefined) throw err;
        thread = { threadId: messageId, messageId };
      }
    } else {
      // Discord's forum post endpoint takes no nonce: a forum post retried after a crash between
      // Discord's answer and the record below can appear twice. The lease keeps that window to one request.
      thread = await poster.postInForum(item.channelId, message, name);
    }
    try {
      await this.deps.threads.save({ threadId: thread.threadId, guildId: item.guildId, channelId: item.channelId, messageId: thread.messageId, articleId: item.articleId, createdBy: `feed:${item.feedUrl}` });
    } catch (err) {
      // The post is out: recorded as sent all the same (a retry would post it again). Only @mention answers in it are lost.
      this.log('error', { err, id: item.id, threadId: thread.threadId }, 'feed item thread not registered');
    }
    return { kind: 'sent', messageId: thread.messageId, threadId: thread.threadId };
  }

  private async record(item: OutboxItem, outcome: OutboxOutcome): Promise<void> {
    const at = this.now();
    let kept: boolean;
    try {
      kept = await this.deps.outbox.finish(item.id, this.deps.holder, outcome, at);
    } catch (err) {
      // Left leased: when the lease runs out another claim tries it again (a message with the same nonce).
      this.log('error', { err, id: item.id, outcome: outcome.kind }, 'feed announcement outcome not recorded');
      return;
    }
    if (!kept) {
      this.log('warn', { id: item.id, holder: this.deps.holder, outcome: outcome.kind }, 'feed announcement lease lost to another gateway before its outcome was recorded');
      return;
    }
    if (outcome.kind === 'sent') {
      this.deps.onSent?.(item, { messageId: outcome.messageId, ...(outcome.threadId !== undefined && { threadId: outcome.threadId }), lateMs: Math.max(0, at - item.dueAt) });
    } else if (outcome.kind === 'failed') {
      this.deps.onFailed?.(item, outcome.error);
    }
  }

  /** Finished entries older than a day go, once an hour. */
  private async pruneNowAndThen(): Promise<void> {
    const at = this.now();
    if (at - this.lastPrune < OUTBOX_RULES.pruneEveryMs) return;
    this.lastPrune = at;
    try {
      const gone = await this.deps.outbox.prune(at - OUTBOX_RULES.keepFinishedMs);
      if (gone > 0) this.log('info', { count: gone }, 'finished feed announcements pruned');
    } catch (err) {
      this.log('warn', { err }, 'finished feed announcements not pruned');
    }
  }

  /** Wait `ms`, or less when stop() comes (and, for the loop's wait between passes, when wake() comes). */
  private sleep(ms: number, wakeable = false): Promise<void> {
    if (ms <= 0 || this.stopped || (wakeable && this.again)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interrupts.delete(done);
        if (this.interruptIdle === done) this.interruptIdle = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref?.();
      this.interrupts.add(done);
      if (wakeable) this.interruptIdle = done;
    });
  }
}
