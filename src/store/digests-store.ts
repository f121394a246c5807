/**
 * Digest schedules (one per server) and digest runs (one per server per local day). The run row is
 * the idempotency key: UNIQUE (guild_id, local_date), inserted in the same transaction that claims
 * the send, so two processes (or a restart) can never both post the same day's digest.
 */
import { z } from 'zod';
import { deserializeDays, serializeDays, type DigestSchedule } from '../digest/schedule';
import { migrate, type Db, type Migration } from './database';

export interface StoredSchedule extends DigestSchedule {
  readonly enabled: boolean;
  /** When the time, zone or days last changed (epoch ms): runs before this instant are not owed. */
  readonly updatedAt: number;
  readonly createdAt: number;
  /** Articles added after this instant go into the next digest (epoch ms); unset before the first digest. */
  readonly coveredUntil?: number;
  /**
   * Articles added after `coveredUntil` that a partly posted digest already delivered: the next digest
   * leaves them out (empty after a digest that went out whole).
   */
  readonly coveredIds: readonly string[];
  /** The last time a due digest could not be posted, and why (a stable code + detail). */
  readonly blockedAt?: number;
  readonly blockedReason?: string;
  readonly blockedDetail?: string;
}

export type RunStatus = 'sending' | 'sent' | 'empty' | 'failed';

export interface DigestRun {
  readonly guildId: string;
  readonly localDate: string;
  readonly status: RunStatus;
  readonly scheduledFor: number;
  readonly claimedAt: number;
  readonly finishedAt?: number;
  readonly instanceId: string;
  readonly attempts: number;
  readonly articleCount: number;
  readonly messageIds: readonly string[];
  readonly reason?: string;
  readonly channelId: string;
}

export interface DigestsStore {
  /** Set (or replace) a server's schedule; re-enables it. */
  setSchedule(s: DigestSchedule, now: number): StoredSchedule;
  /** Turn the digest off; returns false when there was none. */
  disable(guildId: string, now: number): boolean;
  schedule(guildId: string): StoredSchedule | undefined;
  enabledSchedules(): StoredSchedule[];
  /** Record why a due digest could not be posted (permissions, missing channel). */
  recordBlocked(guildId: string, at: number, reason: string, detail: string): void;
  /**
   * Claim the right to send the digest of `localDate`. True for exactly one caller per (guild, day):
   * the first insert wins; a failed run with nothing delivered may be claimed again up to `maxAttempts`.
   */
  claimRun(run: { guildId: string; localDate: string; scheduledFor: number; now: number; instanceId: string; channelId: string }, maxAttempts: number): boolean;
  /**
   * Finish a claimed run. When `coveredUntil` is given (whatever the status: a partly posted digest
   * covers what it posted), the schedule's coverage moves to it, with `coveredIds` (default none).
   */
  finishRun(
    guildId: string,
    localDate: string,
    result: {
      status: Exclude<RunStatus, 'sending'>; now: number; articleCount: number; messageIds: readonly string[]; reason?: string;
      coveredUntil?: number; coveredIds?: readonly string[];
    },
  ): void;
  run(guildId: string, localDate: string): DigestRun | undefined;
  lastRun(guildId: string): DigestRun | undefined;
}

export const DIGEST_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'digest schedules per server and digest runs keyed by (server, local date)',
    up: (db) => {
      db.exec(`
        CREATE TABLE digest_schedules (
          guild_id TEXT PRIMARY KEY,
          channel_id TEXT NOT NULL,
          time TEXT NOT NULL,
          timezone TEXT NOT NULL,
          days TEXT NOT NULL,
          enabled INTEGER NOT NULL DEFAULT 1,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          covered_until INTEGER,
          blocked_at INTEGER,
          blocked_reason TEXT,
          blocked_detail TEXT
        );
        CREATE TABLE digest_runs (
          guild_id TEXT NOT NULL,
          local_date TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'empty', 'failed')),
          scheduled_for INTEGER NOT NULL,
          claimed_at INTEGER NOT NULL,
          finished_at INTEGER,
          instance_id TEXT NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 1,
          article_count INTEGER NOT NULL DEFAULT 0,
          message_ids TEXT NOT NULL DEFAULT '[]',
          reason TEXT,
          channel_id TEXT NOT NULL,
          UNIQUE (guild_id, local_date)
        );
        CREATE INDEX digest_runs_recent ON digest_runs (guild_id, claimed_at);
      `);
    },
  },
  {
    version: 2,
    description: 'articles after covered_until already delivered by a partly posted digest',
    up: (db) => {
      db.exec(`ALTER TABLE digest_schedules ADD COLUMN covered_ids TEXT NOT NULL DEFAULT '[]'`);
    },
  },
];

const opt = <T extends z.ZodType>(t: T) => t.nullable().transform((v) => v ?? undefined);

const scheduleRow = z.object({
  guild_id: z.string(),
  channel_id: z.string(),
  time: z.string(),
  timezone: z.string(),
  days: z.string(),
  enabled: z.number().int(),
  created_at: z.number(),
  updated_at: z.number(),
  covered_until: opt(z.number()),
  covered_ids: z.string(),
  blocked_at: opt(z.number()),
  blocked_reason: opt(z.string()),
  blocked_detail: opt(z.string()),
});

const runRow = z.object({
  guild_id: z.string(),
  local_date: z.string(),
  status: z.enum(['sending', 'sent', 'empty', 'failed']),
  scheduled_for: z.number(),
  claimed_at: z.number(),
  finished_at: opt(z.number()),
  instance_id: z.string(),
  attempts: z.number().int(),
  article_count: z.number().int(),
  message_ids: z.string(),
  reason: opt(z.string()),
  channel_id: z.string(),
});

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function toSchedule(raw: unknown): StoredSchedule {
  const r = scheduleRow.parse(raw);
  return compact({
    guildId: r.guild_id,
    channelId: r.channel_id,
    time: r.time,
    timezone: r.timezone,
    days: deserializeDays(r.days),
    enabled: r.enabled === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    coveredUntil: r.covered_until,
    coveredIds: z.array(z.string()).parse(JSON.parse(r.covered_ids)),
    blockedAt: r.blocked_at,
    blockedReason: r.blocked_reason,
    blockedDetail: r.blocked_detail,
  });
}

function toRun(raw: unknown): DigestRun {
  const r = runRow.parse(raw);
  return compact({
    guildId: r.guild_id,
    localDate: r.local_date,
    status: r.status,
    scheduledFor: r.scheduled_for,
    claimedAt: r.claimed_at,
    finishedAt: r.finished_at,
    instanceId: r.instance_id,
    attempts: r.attempts,
    articleCount: r.article_count,
    messageIds: z.array(z.string()).parse(JSON.parse(r.message_ids)),
    reason: r.reason,
    channelId: r.channel_id,
  });
}

/** The SQLite digests store. Runs its migrations ('digests' namespace) on creation. */
export function createDigestsStore(db: Db): DigestsStore {
  migrate(db, 'digests', DIGEST_MIGRATIONS);
  const upsert = db.prepare(`INSERT INTO digest_schedules (guild_id, channel_id, time, timezone, days, enabled, created_at, updated_at)
    VALUES (@guild, @channel, @time, @tz, @days, 1, @now, @now)
    ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, time = excluded.time, timezone = excluded.timezone,
      days = excluded.days, enabled = 1,
      -- Moving the channel (or re-saving the same schedule) keeps today's run owed: only a new time,
      -- zone or day set (or turning it back on) starts counting from now.
      updated_at = CASE WHEN enabled = 0 OR time != excluded.time OR timezone != excluded.timezone OR days != excluded.days
        THEN excluded.updated_at ELSE updated_at END,
      blocked_at = NULL, blocked_reason = NULL, blocked_detail = NULL`);
  const get = db.prepare('SELECT * FROM digest_schedules WHERE guild_id = ?');
  const enabled = db.prepare('SELECT * FROM digest_schedules WHERE enabled = 1 ORDER BY guild_id');
  const off = db.prepare('UPDATE digest_schedules SET enabled = 0, updated_at = ? WHERE guild_id = ? AND enabled = 1');
  const blocked = db.prepare('UPDATE digest_schedules SET blocked_at = ?, blocked_reason = ?, blocked_detail = ? WHERE guild_id = ?');
  const insertRun = db.prepare(`INSERT INTO digest_runs (guild_id, local_date, status, scheduled_for, claimed_at, instance_id, channel_id)
    VALUES (@guild, @date, 'sending', @scheduledFor, @now, @instance, @channel)
    ON CONFLICT (guild_id, local_date) DO NOTHING`);
  const reclaim = db.prepare(`UPDATE digest_runs SET status = 'sending', claimed_at = @now, instance_id = @instance,
      attempts = attempts + 1, channel_id = @channel
    WHERE guild_id = @guild AND local_date = @date AND status = 'failed' AND message_ids = '[]' AND attempts < @max`);
  const finish = db.prepare(`UPDATE digest_runs SET status = @status, finished_at = @now, article_count = @count,
      message_ids = @ids, reason = @reason WHERE guild_id = @guild AND local_date = @date`);
  const cover = db.prepare('UPDATE digest_schedules SET covered_until = ?, covered_ids = ?, blocked_at = NULL, blocked_reason = NULL, blocked_detail = NULL WHERE guild_id = ?');
  const getRun = db.prepare('SELECT * FROM digest_runs WHERE guild_id = ? AND local_date = ?');
  const lastRun = db.prepare('SELECT * FROM digest_runs WHERE guild_id = ? ORDER BY claimed_at DESC LIMIT 1');

  const claimTx = db.transaction(
    (r: { guildId: string; localDate: string; scheduledFor: number; now: number; instanceId: string; channelId: string }, max: number) => {
      const params = { guild: r.guildId, date: r.localDate, scheduledFor: r.scheduledFor, now: r.now, instance: r.instanceId, channel: r.channelId, max };
      if (insertRun.run({ guild: params.guild, date: params.date, scheduledFor: params.scheduledFor, now: params.now, instance: params.instance, channel: params.channel }).changes === 1) return true;
      return reclaim.run({ guild: params.guild, date: params.date, now: params.now, instance: params.instance, channel: params.channel, max }).changes === 1;
    },
  );
  const finishTx = db.transaction(
    (guildId: string, localDate: string, x: Parameters<DigestsStore['finishRun']>[2]) => {
      finish.run({ guild: guildId, date: localDate, status: x.status, now: x.now, count: x.articleCount, ids: JSON.stringify(x.messageIds), reason: x.reason ?? null });
      // Any status: a digest that failed after posting some messages must not post them again.
      if (x.coveredUntil !== undefined) cover.run(x.coveredUntil, JSON.stringify(x.coveredIds ?? []), guildId);
    },
  );

  return {
    setSchedule: (s, now) => {
      upsert.run({ guild: s.guildId, channel: s.channelId, time: s.time, tz: s.timezone, days: serializeDays(s.days), now });
      return toSchedule(get.get(s.guildId));
    },
    disable: (guildId, now) => off.run(now, guildId).changes > 0,
    schedule: (guildId) => {
      const row = get.get(guildId);
      return row === undefined ? undefined : toSchedule(row);
    },
    enabledSchedules: () => enabled.all().map(toSchedule),
    recordBlocked: (guildId, at, reason, detail) => void blocked.run(at, reason, detail, guildId),
    claimRun: (r, max) => claimTx(r, max),
    finishRun: (guildId, localDate, result) => finishTx(guildId, localDate, result),
    run: (guildId, localDate) => {
      const row = getRun.get(guildId, localDate);
      return row === undefined ? undefined : toRun(row);
    },
    lastRun: (guildId) => {
      const row = lastRun.get(guildId);
      return row === undefined ? undefined : toRun(row);
    },
  };
}
