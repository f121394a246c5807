/**
 * Digest schedules (one per server) and digest runs (one per server per local day) on SqlClient.
 * The run row is the idempotency key: UNIQUE (guild_id, local_date), inserted in the same
 * transaction that claims the send, so two processes (or a restart) never both post a day's digest.
 * A 'sending' run is a claim with a lease: its holder renews `claimed_at` while it sends, and a run
 * whose holder stopped renewing (a crashed process) is taken over by the next claim, which keeps the
 * messages recorded as posted and the plan they came from.
 */
import { z } from 'zod';
import type { DigestDays, DigestRun, DigestsStore, StoredSchedule } from '../ports';
import { toNumber, type SqlClient } from './client';
import type { SqlMigration } from './migrate';
import { compact, int, opt } from './rows';
import { shardCondition } from '../shards';

export const DIGEST_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    description: 'digest schedules per server and digest runs keyed by (server, local date)',
    up: `
      CREATE TABLE digest_schedules (
        guild_id TEXT PRIMARY KEY,
        channel_id TEXT NOT NULL,
        time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        days TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        covered_until BIGINT,
        blocked_at BIGINT,
        blocked_reason TEXT,
        blocked_detail TEXT
      );
      CREATE TABLE digest_runs (
        guild_id TEXT NOT NULL,
        local_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'empty', 'failed')),
        scheduled_for BIGINT NOT NULL,
        claimed_at BIGINT NOT NULL,
        finished_at BIGINT,
        instance_id TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 1,
        article_count INTEGER NOT NULL DEFAULT 0,
        message_ids TEXT NOT NULL DEFAULT '[]',
        reason TEXT,
        channel_id TEXT NOT NULL,
        UNIQUE (guild_id, local_date)
      );
      CREATE INDEX digest_runs_recent ON digest_runs (guild_id, claimed_at);`,
  },
  {
    version: 2,
    description: 'articles after covered_until already delivered by a partly posted digest',
    up: `ALTER TABLE digest_schedules ADD COLUMN covered_ids TEXT NOT NULL DEFAULT '[]'`,
  },
  {
    version: 3,
    description: 'the digest a run is posting (for a holder taking it over), and the claims still sending by age',
    up: `
      ALTER TABLE digest_runs ADD COLUMN plan TEXT;
      CREATE INDEX digest_runs_sending ON digest_runs (claimed_at) WHERE status = 'sending';`,
  },
];

/** The stored form of days: "daily", "weekdays" or "1,3,5". */
export function serializeDays(days: DigestDays): string {
  return typeof days === 'string' ? days : days.join(',');
}

export function deserializeDays(s: string): DigestDays {
  if (s === 'daily' || s === 'weekdays') return s;
  return s.split(',').filter((x) => x !== '').map(Number).filter((n) => Number.isInteger(n) && n >= 0 && n <= 6);
}

const scheduleRow = z.object({
  guild_id: z.string(),
  channel_id: z.string(),
  time: z.string(),
  timezone: z.string(),
  days: z.string(),
  enabled: int,
  created_at: int,
  updated_at: int,
  covered_until: opt(int),
  covered_ids: z.string(),
  blocked_at: opt(int),
  blocked_reason: opt(z.string()),
  blocked_detail: opt(z.string()),
});

const runRow = z.object({
  guild_id: z.string(),
  local_date: z.string(),
  status: z.enum(['sending', 'sent', 'empty', 'failed']),
  scheduled_for: int,
  claimed_at: int,
  finished_at: opt(int),
  instance_id: z.string(),
  attempts: int,
  article_count: int,
  message_ids: z.string(),
  reason: opt(z.string()),
  channel_id: z.string(),
  plan: opt(z.string()),
});

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
    plan: r.plan,
  });
}

const SQL = {
  upsert: `INSERT INTO digest_schedules AS s (guild_id, channel_id, time, timezone, days, enabled, created_at, updated_at)
    VALUES (@guild, @channel, @time, @tz, @days, 1, @now, @now)
    ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, time = excluded.time, timezone = excluded.timezone,
      days = excluded.days, enabled = 1,
      -- Moving the channel (or re-saving the same schedule) keeps today's run owed: only a new time,
      -- zone or day set (or turning it back on) starts counting from now.
      updated_at = CASE WHEN s.enabled = 0 OR s.time != excluded.time OR s.timezone != excluded.timezone OR s.days != excluded.days
        THEN excluded.updated_at ELSE s.updated_at END,
      blocked_at = NULL, blocked_reason = NULL, blocked_detail = NULL`,
  get: 'SELECT * FROM digest_schedules WHERE guild_id = ?',
  enabled: (where: string) => `SELECT * FROM digest_schedules WHERE enabled = 1${where} ORDER BY guild_id`,
  off: 'UPDATE digest_schedules SET enabled = 0, updated_at = ? WHERE guild_id = ? AND enabled = 1',
  blocked: 'UPDATE digest_schedules SET blocked_at = ?, blocked_reason = ?, blocked_detail = ? WHERE guild_id = ?',
  insertRun: `INSERT INTO digest_runs (guild_id, local_date, status, scheduled_for, claimed_at, instance_id, channel_id)
    VALUES (@guild, @date, 'sending', @scheduledFor, @now, @instance, @channel)
    ON CONFLICT (guild_id, local_date) DO NOTHING`,
  // A failed run with nothing delivered starts again; its plan (if any) is kept, so a message Discord
  // accepted while its answer was lost is posted again with the same content and nonce.
  reclaim: `UPDATE digest_runs SET status = 'sending', claimed_at = @now, instance_id = @instance,
      attempts = attempts + 1, channel_id = @channel, finished_at = NULL, reason = NULL
    WHERE guild_id = @guild AND local_date = @date AND status = 'failed' AND message_ids = '[]' AND attempts < @max`,
  // A holder that stopped renewing: the next one continues where it stopped (message_ids, plan kept).
  takeOver: `UPDATE digest_runs SET claimed_at = @now, instance_id = @instance, attempts = attempts + 1
    WHERE guild_id = @guild AND local_date = @date AND status = 'sending' AND claimed_at < @staleBefore AND attempts < @max`,
  // Abandoned as often as it may be tried (a digest that kills its process, say): closed, so it is not taken over forever.
  abandon: `UPDATE digest_runs SET status = 'failed', finished_at = @now, reason = 'DIGEST_ABANDONED: the sending process stopped renewing its claim'
    WHERE guild_id = @guild AND local_date = @date AND status = 'sending' AND claimed_at < @staleBefore AND attempts >= @max`,
  renew: `UPDATE digest_runs SET claimed_at = CASE WHEN claimed_at > @now THEN claimed_at ELSE @now END
    WHERE guild_id = @guild AND local_date = @date AND status = 'sending' AND instance_id = @instance`,
  release: `UPDATE digest_runs SET claimed_at = @at
    WHERE guild_id = @guild AND local_date = @date AND status = 'sending' AND instance_id = @instance`,
  plan: `UPDATE digest_runs SET plan = @plan, claimed_at = CASE WHEN claimed_at > @now THEN claimed_at ELSE @now END
    WHERE guild_id = @guild AND local_date = @date AND status = 'sending' AND instance_id = @instance`,
  progress: `UPDATE digest_runs SET message_ids = @ids, claimed_at = CASE WHEN claimed_at > @now THEN claimed_at ELSE @now END
    WHERE guild_id = @guild AND local_date = @date AND status = 'sending' AND instance_id = @instance`,
  // A finished run no longer needs its plan, except a failed one that may be claimed again.
  finish: (holder: boolean) => `UPDATE digest_runs SET status = @status, finished_at = @now, article_count = @count,
      message_ids = @ids, reason = @reason, plan = CASE WHEN @status = 'failed' THEN plan ELSE NULL END
    WHERE guild_id = @guild AND local_date = @date${holder ? " AND status = 'sending' AND instance_id = @instance" : ''}`,
  cover: 'UPDATE digest_schedules SET covered_until = ?, covered_ids = ?, blocked_at = NULL, blocked_reason = NULL, blocked_detail = NULL WHERE guild_id = ?',
  coverOnly: 'UPDATE digest_schedules SET covered_until = ?, covered_ids = ? WHERE guild_id = ?',
  getRun: 'SELECT * FROM digest_runs WHERE guild_id = ? AND local_date = ?',
  lastRun: 'SELECT * FROM digest_runs WHERE guild_id = ? ORDER BY claimed_at DESC LIMIT 1',
  stale: (where: string) => `SELECT * FROM digest_runs WHERE status = 'sending' AND claimed_at < @before AND claimed_at >= @after${where}
    ORDER BY claimed_at, guild_id LIMIT @limit`,
  earliestLive: (where: string) => `SELECT MIN(claimed_at) AS at FROM digest_runs WHERE status = 'sending' AND claimed_at >= @since${where}`,
} as const;

export function sqlDigestsStore(sql: SqlClient): DigestsStore {
  const one = <T>(row: unknown, to: (r: unknown) => T): T | undefined => (row === undefined ? undefined : to(row));
  return {
    async setSchedule(s, now) {
      await sql.run(SQL.upsert, { guild: s.guildId, channel: s.channelId, time: s.time, tz: s.timezone, days: serializeDays(s.days), now });
      return toSchedule(await sql.get(SQL.get, [s.guildId]));
    },
    disable: async (guildId, now) => (await sql.run(SQL.off, [now, guildId])).changes > 0,
    schedule: async (guildId) => one(await sql.get(SQL.get, [guildId]), toSchedule),
    enabledSchedules: async (shards) => (await sql.all(SQL.enabled(shardCondition('guild_id', shards)))).map(toSchedule),
    // The writes below are transactions even when one statement would do: on SQLite a transaction
    // queues behind another connection's open one, where a plain write could find the file locked.
    recordBlocked: (guildId, at, reason, detail) => sql.transaction(async (tx) => void (await tx.run(SQL.blocked, [at, reason, detail, guildId]))),
    claimRun(r, max, leaseMs) {
      return sql.transaction(async (tx) => {
        const base = { guild: r.guildId, date: r.localDate, now: r.now, instance: r.instanceId, channel: r.channelId };
        if ((await tx.run(SQL.insertRun, { ...base, scheduledFor: r.scheduledFor })).changes === 1) return true;
        if ((await tx.run(SQL.reclaim, { ...base, max })).changes === 1) return true;
        const stale = { guild: r.guildId, date: r.localDate, now: r.now, instance: r.instanceId, staleBefore: r.now - leaseMs, max };
        if ((await tx.run(SQL.takeOver, stale)).changes === 1) return true;
        const { instance: _instance, ...abandoned } = stale;
        await tx.run(SQL.abandon, abandoned);
        return false;
      }, { lock: `digest:${r.guildId}` });
    },
    renewRun: (guildId, localDate, instanceId, now) =>
      sql.transaction(async (tx) => (await tx.run(SQL.renew, { guild: guildId, date: localDate, instance: instanceId, now })).changes === 1),
    releaseRun: (guildId, localDate, instanceId, staleAt) =>
      sql.transaction(async (tx) => (await tx.run(SQL.release, { guild: guildId, date: localDate, instance: instanceId, at: staleAt })).changes === 1),
    recordPlan: (guildId, localDate, instanceId, plan, now) =>
      sql.transaction(async (tx) => (await tx.run(SQL.plan, { guild: guildId, date: localDate, instance: instanceId, plan, now })).changes === 1),
    recordProgress(guildId, localDate, instanceId, p) {
      return sql.transaction(async (tx) => {
        const held = await tx.run(SQL.progress, { guild: guildId, date: localDate, instance: instanceId, now: p.now, ids: JSON.stringify(p.messageIds) });
        if (held.changes !== 1) return false;
        // Blocked stays as it is: the run has not finished.
        await tx.run(SQL.coverOnly, [p.coveredUntil, JSON.stringify(p.coveredIds), guildId]);
        return true;
      }, { lock: `digest:${guildId}` });
    },
    finishRun(guildId, localDate, x) {
      return sql.transaction(async (tx) => {
        const holder = x.instanceId !== undefined;
        const params = { guild: guildId, date: localDate, status: x.status, now: x.now, count: x.articleCount, ids: JSON.stringify(x.messageIds), reason: x.reason ?? null };
        const done = await tx.run(SQL.finish(holder), holder ? { ...params, instance: x.instanceId } : params);
        if (done.changes !== 1) return false;
        // Any status: a digest that failed after posting some messages must not post them again.
        if (x.coveredUntil !== undefined) await tx.run(SQL.cover, [x.coveredUntil, JSON.stringify(x.coveredIds ?? []), guildId]);
        return true;
      }, { lock: `digest:${guildId}` });
    },
    staleRuns: async (shards, claimedBefore, claimedAfter, limit) =>
      (await sql.all(SQL.stale(shardCondition('guild_id', shards)), { before: claimedBefore, after: claimedAfter, limit })).map(toRun),
    async earliestLiveClaim(shards, since) {
      const row = await sql.get<{ at: unknown }>(SQL.earliestLive(shardCondition('guild_id', shards)), { since });
      return row?.at === null || row?.at === undefined ? undefined : toNumber(row.at);
    },
    run: async (guildId, localDate) => one(await sql.get(SQL.getRun, [guildId, localDate]), toRun),
    lastRun: async (guildId) => one(await sql.get(SQL.lastRun, [guildId]), toRun),
  };
}
