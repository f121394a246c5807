/**
 * The outbox of feed announcements on SqlClient. A worker writes an entry in the transaction that
 * stores the feed item (`insertOutboxRow`, called by articles.ts), so an item is never stored
 * without its announcement nor announced without being stored; the gateway that owns the server
 * claims due entries with a lease, posts them and records the outcome. A lease that runs out (a
 * gateway killed mid-send) makes the entry claimable again. Times are epoch ms (BIGINT).
 *
 * A claim is one UPDATE ... RETURNING over a subquery that picks the rows: atomic on SQLite (one
 * writer at a time), and on PostgreSQL the subquery locks its rows `FOR UPDATE SKIP LOCKED`, so
 * gateways claiming at the same instant take disjoint entries instead of waiting on each other.
 */
import { z } from 'zod';
import type { FeedDeliveryMode, NewOutboxEntry, OutboxItem, OutboxStore, ShardFilter } from '../ports';
import { shardCondition } from '../shards';
import { toNumber, type SqlClient } from './client';
import { autoKey, type SqlMigration } from './migrate';
import { compact, int, opt } from './rows';

export const OUTBOX_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    description: 'feed announcements written with the item by a worker, sent once by the gateway that owns the server',
    // outbox_due: what a claim and the sender's timer read (pending rows only: sent ones pile up
    // until the prune). outbox_finished: what the prune deletes.
    up: (d) => `
      CREATE TABLE outbox (
        id ${autoKey(d)},
        guild_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        delivery TEXT NOT NULL,
        message TEXT NOT NULL,
        thread_name TEXT,
        feed_url TEXT NOT NULL,
        article_id TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        due_at BIGINT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'pending',
        lease_holder TEXT,
        lease_until BIGINT,
        last_error TEXT,
        finished_at BIGINT,
        message_id TEXT,
        thread_id TEXT
      );
      CREATE INDEX outbox_due ON outbox (due_at, id) WHERE status = 'pending';
      CREATE INDEX outbox_finished ON outbox (finished_at) WHERE status <> 'pending';`,
  },
];

const itemRow = z.object({
  id: int,
  guild_id: z.string(),
  channel_id: z.string(),
  delivery: z.enum(['message', 'thread', 'forum']),
  message: z.string(),
  thread_name: opt(z.string()),
  feed_url: z.string(),
  article_id: z.string(),
  created_at: int,
  due_at: int,
  attempts: int,
  last_error: opt(z.string()),
});

const ITEM_COLUMNS = 'id, guild_id, channel_id, delivery, message, thread_name, feed_url, article_id, created_at, due_at, attempts, last_error';

/** An error kept for the record: long enough for a Discord error code and its message. */
const MAX_ERROR_CHARS = 500;

/**
 * A claimed row as the sender sees it. `attempts` counts the sends tried before this claim: the
 * claim itself counts one (so an entry whose send crashes its gateway every time is still bounded).
 */
function toItem(raw: unknown): OutboxItem {
  const r = itemRow.parse(raw);
  return compact({
    id: r.id,
    guildId: r.guild_id,
    channelId: r.channel_id,
    delivery: r.delivery as FeedDeliveryMode,
    message: r.message,
    threadName: r.thread_name,
    feedUrl: r.feed_url,
    articleId: r.article_id,
    createdAt: r.created_at,
    dueAt: r.due_at,
    attempts: r.attempts - 1,
    lastError: r.last_error,
  });
}

/** Pending, due, and leased by nobody (or by a holder whose lease ran out). */
const FREE = 'status = \'pending\' AND due_at <= @now AND (lease_until IS NULL OR lease_until <= @now)';

const SQL = {
  insert: `INSERT INTO outbox (guild_id, channel_id, delivery, message, thread_name, feed_url, article_id, created_at, due_at)
    VALUES (@guild, @channel, @delivery, @message, @threadName, @feedUrl, @articleId, @now, @now)`,
  claim: (shards: ShardFilter | undefined, skipLocked: boolean) => `UPDATE outbox SET lease_holder = @holder, lease_until = @until, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox WHERE ${FREE}${shardCondition('guild_id', shards)}
      ORDER BY id LIMIT @limit${skipLocked ? ' FOR UPDATE SKIP LOCKED' : ''}
    )
    RETURNING ${ITEM_COLUMNS}`,
  mine: `lease_holder = @holder AND status = 'pending'`,
  sent: `UPDATE outbox SET status = 'sent', lease_until = NULL, finished_at = @now, message_id = @messageId, thread_id = @threadId
    WHERE id = @id AND lease_holder = @holder AND status = 'pending'`,
  retry: `UPDATE outbox SET lease_holder = NULL, lease_until = NULL, due_at = @retryAt, last_error = @error
    WHERE id = @id AND lease_holder = @holder AND status = 'pending'`,
  failed: `UPDATE outbox SET status = 'failed', lease_until = NULL, finished_at = @now, last_error = @error
    WHERE id = @id AND lease_holder = @holder AND status = 'pending'`,
  // Handed back untried: the claim's count of an attempt is taken back.
  release: `UPDATE outbox SET lease_holder = NULL, lease_until = NULL, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END
    WHERE lease_holder = @holder AND status = 'pending'`,
  depth: `SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE status = 'pending'`,
  // A leased entry is free when its lease runs out, a backed-off one when its retry is due.
  nextDue: (shards: ShardFilter | undefined) => `SELECT min(CASE WHEN lease_until IS NOT NULL AND lease_until > due_at THEN lease_until ELSE due_at END) AS t
    FROM outbox WHERE status = 'pending'${shardCondition('guild_id', shards)}`,
  prune: `DELETE FROM outbox WHERE status <> 'pending' AND finished_at < @before`,
} as const;

/** Lease lengths and batch sizes are the process's settings, never user input; still checked, they are bound values. */
function wholeNumber(n: number, what: string, min: number): number {
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`outbox: ${what} must be a whole number of at least ${min}, got ${n}`);
  return n;
}

/**
 * Write a feed item's announcement in the caller's transaction (the one storing the item, under
 * the server's lock), due at once. `now` is the item's time of adding (epoch ms).
 */
export async function insertOutboxRow(tx: SqlClient, entry: NewOutboxEntry, articleId: string, now: number): Promise<void> {
  await tx.run(SQL.insert, {
    guild: entry.guildId,
    channel: entry.channelId,
    delivery: entry.delivery,
    message: entry.message,
    threadName: entry.threadName ?? null,
    feedUrl: entry.feedUrl,
    articleId,
    now: Math.round(now),
  });
}

/** The outbox on `sql` (its table comes from OUTBOX_MIGRATIONS, run by openStores). */
export function sqlOutboxStore(sql: SqlClient): OutboxStore {
  return {
    async claim(shards, now, holder, leaseMs, limit) {
      const params = { now: Math.round(now), holder, until: Math.round(now) + wholeNumber(leaseMs, 'lease', 1), limit: wholeNumber(limit, 'limit', 1) };
      const rows = await sql.all(SQL.claim(shards, sql.dialect === 'postgres'), params);
      // RETURNING keeps no order: oldest first, as they were written.
      return rows.map(toItem).sort((a, b) => a.id - b.id);
    },
    async renew(holder, ids, now, leaseMs) {
      if (ids.length === 0) return [];
      const list = ids.map((id) => wholeNumber(id, 'id', 0)).join(', ');
      const rows = await sql.all<{ id: unknown }>(`UPDATE outbox SET lease_until = @until WHERE ${SQL.mine} AND id IN (${list}) RETURNING id`, {
        holder,
        until: Math.round(now) + wholeNumber(leaseMs, 'lease', 1),
      });
      return rows.map((r) => toNumber(r.id)).sort((a, b) => a - b);
    },
    async finish(id, holder, outcome, now) {
      const key = { id, holder };
      const clip = (error: string) => error.slice(0, MAX_ERROR_CHARS);
      const changed =
        outcome.kind === 'sent'
          ? await sql.run(SQL.sent, { ...key, now: Math.round(now), messageId: outcome.messageId, threadId: outcome.threadId ?? null })
          : outcome.kind === 'retry'
            ? await sql.run(SQL.retry, { ...key, retryAt: Math.round(outcome.retryAt), error: clip(outcome.error) })
            : await sql.run(SQL.failed, { ...key, now: Math.round(now), error: clip(outcome.error) });
      return changed.changes > 0;
    },
    async release(holder) {
      return (await sql.run(SQL.release, { holder })).changes;
    },
    async depth() {
      const row = await sql.get<{ n: unknown; oldest: unknown }>(SQL.depth);
      const oldest = row?.oldest;
      return { pending: toNumber(row?.n ?? 0), ...(oldest !== null && oldest !== undefined && { oldestAt: toNumber(oldest) }) };
    },
    async nextDueAt(shards) {
      const t = (await sql.get<{ t: unknown }>(SQL.nextDue(shards)))?.t;
      return t === null || t === undefined ? undefined : toNumber(t);
    },
    async prune(before) {
      return (await sql.run(SQL.prune, { before: Math.round(before) })).changes;
    },
  };
}
