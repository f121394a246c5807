/**
 * Feeds on SqlClient. A feed *source* is one URL, fetched once however many servers follow it; a
 * *subscription* ties a server (and optionally a channel) to a source; *seen keys* remember which
 * items a source has already produced (12 months, MonitoRSS's retention). Times are epoch ms
 * (BIGINT on PostgreSQL: they pass 2^31).
 *
 * A poll is taken with a *lease* (lease_holder, lease_until on the source): a worker claims due
 * sources for itself until `lease_until`, renews while it polls, and recording the poll's result
 * hands the lease back. A lease that runs out (its worker died) leaves the source free to claim, so
 * another worker takes the poll over. A lease is held while `now < lease_until`.
 */
import { z } from 'zod';
import type { FeedSource, FeedSubscription, FeedsStore } from '../ports';
import { toNumber, type Dialect, type SqlClient } from './client';
import type { SqlMigration } from './migrate';
import { compact, int, opt } from './rows';

export const FEED_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    description: 'feed sources (one per URL), server subscriptions, seen item keys',
    up: (d) => `
      CREATE TABLE feed_sources (
        url TEXT PRIMARY KEY,
        title TEXT,
        site_url TEXT,
        format TEXT,
        etag TEXT,
        last_modified TEXT,
        interval_ms BIGINT NOT NULL,
        next_poll_at BIGINT NOT NULL,
        last_polled_at BIGINT,
        last_success_at BIGINT,
        last_error_code TEXT,
        last_error_message TEXT,
        last_error_at BIGINT,
        failures INTEGER NOT NULL DEFAULT 0,
        disabled_at BIGINT,
        disabled_reason TEXT,
        primed INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        delivered_count INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX feed_sources_due ON feed_sources (next_poll_at) WHERE disabled_at IS NULL;
      CREATE TABLE feed_subscriptions (
        guild_id TEXT NOT NULL,
        url TEXT NOT NULL REFERENCES feed_sources (url) ON DELETE CASCADE,
        channel_id TEXT,
        added_by TEXT,
        added_at BIGINT NOT NULL,
        PRIMARY KEY (guild_id, url)
      );
      CREATE INDEX feed_subscriptions_url ON feed_subscriptions (url);
      CREATE TABLE feed_seen (
        url TEXT NOT NULL REFERENCES feed_sources (url) ON DELETE CASCADE,
        key TEXT NOT NULL,
        seen_at BIGINT NOT NULL,
        PRIMARY KEY (url, key)
      )${d === 'sqlite' ? ' WITHOUT ROWID' : ''};
      CREATE INDEX feed_seen_age ON feed_seen (seen_at);`,
  },
  {
    version: 2,
    description: 'items left out of the library (too long), so /feed status can say so',
    up: `
      ALTER TABLE feed_sources ADD COLUMN skipped_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE feed_sources ADD COLUMN last_skipped_at BIGINT;
      ALTER TABLE feed_sources ADD COLUMN last_skipped_reason TEXT;`,
  },
  {
    version: 3,
    description: 'delivery per subscription (a message, a thread per item, a forum post per item), keyword filters, first-poll items kept out of the digest',
    up: `
      ALTER TABLE feed_subscriptions ADD COLUMN delivery TEXT NOT NULL DEFAULT 'message';
      ALTER TABLE feed_subscriptions ADD COLUMN include_words TEXT;
      ALTER TABLE feed_subscriptions ADD COLUMN exclude_words TEXT;
      CREATE TABLE feed_first_items (
        guild_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        url TEXT NOT NULL,
        added_at BIGINT NOT NULL,
        PRIMARY KEY (guild_id, article_id)
      );
      CREATE INDEX feed_first_items_age ON feed_first_items (added_at);`,
  },
  {
    version: 4,
    description: 'feed poll leases: which worker polls a source, until when',
    // Leases are cleared when a poll is recorded, so few rows hold one at any time: the partial index
    // serves a holder's renewals and release, /metrics' count per holder, and the leased half of nextDueAt.
    up: `
      ALTER TABLE feed_sources ADD COLUMN lease_holder TEXT;
      ALTER TABLE feed_sources ADD COLUMN lease_until BIGINT;
      CREATE INDEX feed_sources_leases ON feed_sources (lease_holder) WHERE lease_until IS NOT NULL;`,
  },
];

const sourceRow = z.object({
  url: z.string(),
  title: opt(z.string()),
  site_url: opt(z.string()),
  format: opt(z.string()),
  etag: opt(z.string()),
  last_modified: opt(z.string()),
  interval_ms: int,
  next_poll_at: int,
  last_polled_at: opt(int),
  last_success_at: opt(int),
  last_error_code: opt(z.string()),
  last_error_message: opt(z.string()),
  last_error_at: opt(int),
  failures: int,
  disabled_at: opt(int),
  disabled_reason: opt(z.string()),
  primed: int,
  created_at: int,
  delivered_count: int,
  skipped_count: int,
  last_skipped_at: opt(int),
  last_skipped_reason: opt(z.string()),
});

const subscriptionRow = z.object({
  guild_id: z.string(),
  url: z.string(),
  channel_id: opt(z.string()),
  added_by: opt(z.string()),
  added_at: int,
  delivery: z.enum(['message', 'thread', 'forum']),
  include_words: opt(z.string()),
  exclude_words: opt(z.string()),
});

/** Keywords are stored as a JSON array of strings; NULL (or an empty array) is none. */
const wordList = z.array(z.string());
function wordsOf(raw: string | undefined): readonly string[] | undefined {
  if (raw === undefined) return undefined;
  const words = wordList.parse(JSON.parse(raw));
  return words.length > 0 ? words : undefined;
}
const wordsColumn = (words: readonly string[] | undefined): string | null => (words && words.length > 0 ? JSON.stringify(words) : null);

function toSource(raw: unknown): FeedSource {
  const r = sourceRow.parse(raw);
  return compact({
    url: r.url,
    title: r.title,
    siteUrl: r.site_url,
    format: r.format,
    etag: r.etag,
    lastModified: r.last_modified,
    intervalMs: r.interval_ms,
    nextPollAt: r.next_poll_at,
    lastPolledAt: r.last_polled_at,
    lastSuccessAt: r.last_success_at,
    lastErrorCode: r.last_error_code,
    lastErrorMessage: r.last_error_message,
    lastErrorAt: r.last_error_at,
    failures: r.failures,
    disabledAt: r.disabled_at,
    disabledReason: r.disabled_reason,
    primed: r.primed === 1,
    createdAt: r.created_at,
    deliveredCount: r.delivered_count,
    skippedCount: r.skipped_count,
    lastSkippedAt: r.last_skipped_at,
    lastSkippedReason: r.last_skipped_reason,
  });
}

function toSubscription(raw: unknown): FeedSubscription {
  const r = subscriptionRow.parse(raw);
  return compact({
    guildId: r.guild_id,
    url: r.url,
    channelId: r.channel_id,
    addedBy: r.added_by,
    addedAt: r.added_at,
    delivery: r.delivery === 'message' ? undefined : r.delivery,
    include: wordsOf(r.include_words),
    exclude: wordsOf(r.exclude_words),
  });
}

/** Keys per IN-list: well under SQLite's bound-parameter limit of old builds and PostgreSQL's 65,535. */
const KEY_BATCH = 200;

const SQL = {
  getSource: 'SELECT * FROM feed_sources WHERE url = ?',
  insertSource: 'INSERT INTO feed_sources (url, interval_ms, next_poll_at, created_at) VALUES (?, ?, ?, ?)',
  reenable: `UPDATE feed_sources SET disabled_at = NULL, disabled_reason = NULL, failures = 0,
    next_poll_at = ? WHERE url = ? AND disabled_at IS NOT NULL`,
  upsertSub: `INSERT INTO feed_subscriptions (guild_id, url, channel_id, added_by, added_at, delivery, include_words, exclude_words)
    VALUES (@guild, @url, @channel, @addedBy, @now, @delivery, @include, @exclude)
    ON CONFLICT (guild_id, url) DO UPDATE SET channel_id = excluded.channel_id, delivery = excluded.delivery,
      include_words = excluded.include_words, exclude_words = excluded.exclude_words`,
  updateSub: `UPDATE feed_subscriptions SET
      channel_id = CASE WHEN @setChannel = 1 THEN @channel ELSE channel_id END,
      delivery = coalesce(@delivery, delivery),
      include_words = CASE WHEN @setInclude = 1 THEN @include ELSE include_words END,
      exclude_words = CASE WHEN @setExclude = 1 THEN @exclude ELSE exclude_words END
    WHERE guild_id = @guild AND url = @url`,
  markFirst: `INSERT INTO feed_first_items (guild_id, article_id, url, added_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (guild_id, article_id) DO NOTHING`,
  pruneFirst: 'DELETE FROM feed_first_items WHERE added_at < ?',
  firstOfGuild: 'SELECT article_id FROM feed_first_items WHERE guild_id = ?',
  getSub: 'SELECT * FROM feed_subscriptions WHERE guild_id = ? AND url = ?',
  deleteSub: 'DELETE FROM feed_subscriptions WHERE guild_id = ? AND url = ?',
  countSubsOfUrl: 'SELECT count(*) AS n FROM feed_subscriptions WHERE url = ?',
  deleteSource: 'DELETE FROM feed_sources WHERE url = ?',
  subsOfGuild: 'SELECT * FROM feed_subscriptions WHERE guild_id = ? ORDER BY added_at, url',
  countOfGuild: 'SELECT count(*) AS n FROM feed_subscriptions WHERE guild_id = ?',
  subsOfUrl: 'SELECT * FROM feed_subscriptions WHERE url = ? ORDER BY guild_id',
  due: 'SELECT * FROM feed_sources WHERE disabled_at IS NULL AND next_poll_at <= ? ORDER BY next_poll_at LIMIT ?',
  /**
   * The due sources free to claim, earliest first: the same rows for both engines; PostgreSQL adds
   * FOR UPDATE SKIP LOCKED so a claim running at the same moment on another connection passes over
   * the rows this one is taking instead of taking them too (SQLite has one writer: the transaction).
   */
  claimDue: (d: Dialect) => `UPDATE feed_sources SET lease_holder = @holder, lease_until = @until
    WHERE url IN (
      SELECT url FROM feed_sources
      WHERE disabled_at IS NULL AND next_poll_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
      ORDER BY next_poll_at, url LIMIT @limit${d === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : ''}
    )
    RETURNING *`,
  claimSource: `UPDATE feed_sources SET lease_holder = @holder, lease_until = @until
    WHERE url = @url AND disabled_at IS NULL AND (lease_until IS NULL OR lease_until <= @now OR lease_holder = @holder)
    RETURNING *`,
  leaseHolders: `SELECT lease_holder AS holder, count(*) AS feeds FROM feed_sources
    WHERE lease_until IS NOT NULL AND lease_until > ? GROUP BY lease_holder ORDER BY lease_holder`,
  releaseAll: 'UPDATE feed_sources SET lease_holder = NULL, lease_until = NULL WHERE lease_holder = ? AND lease_until IS NOT NULL',
  /**
   * The earliest instant a poll is owed and free: unleased sources by their next poll (the due
   * index, in order), leased ones by the later of next poll and lease end (the few leased rows).
   */
  nextDue: (d: Dialect) => `SELECT min(t) AS t FROM (
      SELECT min(next_poll_at) AS t FROM feed_sources WHERE disabled_at IS NULL AND lease_until IS NULL
      UNION ALL
      SELECT min(${d === 'postgres' ? 'GREATEST' : 'max'}(next_poll_at, lease_until)) AS t FROM feed_sources
      WHERE disabled_at IS NULL AND lease_until IS NOT NULL
    ) owed`,
  success: `UPDATE feed_sources SET
      etag = @etag, last_modified = @lastModified,
      title = coalesce(@title, title), site_url = coalesce(@siteUrl, site_url), format = coalesce(@format, format),
      next_poll_at = @nextPollAt, last_polled_at = @now, last_success_at = @now, failures = 0, primed = 1,
      lease_holder = NULL, lease_until = NULL,
      delivered_count = delivered_count + @delivered,
      skipped_count = skipped_count + @skipped,
      last_skipped_at = CASE WHEN @skipped > 0 THEN @now ELSE last_skipped_at END,
      last_skipped_reason = CASE WHEN @skipped > 0 THEN @skippedReason ELSE last_skipped_reason END
    WHERE url = @url`,
  failure: `UPDATE feed_sources SET
      next_poll_at = @nextPollAt, last_polled_at = @now, last_error_code = @code, last_error_message = @message,
      last_error_at = @now, failures = failures + 1, lease_holder = NULL, lease_until = NULL,
      disabled_at = CASE WHEN @disable = 1 THEN @now ELSE disabled_at END,
      disabled_reason = CASE WHEN @disable = 1 THEN @code ELSE disabled_reason END
    WHERE url = @url`,
  remember: `INSERT INTO feed_seen (url, key, seen_at) VALUES (?, ?, ?)
    ON CONFLICT (url, key) DO UPDATE SET seen_at = excluded.seen_at`,
  prune: 'DELETE FROM feed_seen WHERE seen_at < ?',
} as const;

export function sqlFeedsStore(sql: SqlClient): FeedsStore {
  return {
    subscribe(guildId, url, o) {
      return sql.transaction(async (tx) => {
        let created = false;
        if (!(await tx.get(SQL.getSource, [url]))) {
          await tx.run(SQL.insertSource, [url, o.intervalMs, o.now, o.now]);
          created = true;
        } else {
          await tx.run(SQL.reenable, [o.now, url]);
        }
        await tx.run(SQL.upsertSub, {
          guild: guildId, url, channel: o.channelId ?? null, addedBy: o.addedBy ?? null, now: o.now,
          delivery: o.delivery ?? 'message', include: wordsColumn(o.include), exclude: wordsColumn(o.exclude),
        });
        return { subscription: toSubscription(await tx.get(SQL.getSub, [guildId, url])), created };
      }, { lock: `feed:${url}` });
    },
    unsubscribe(guildId, url) {
      return sql.transaction(async (tx) => {
        const gone = (await tx.run(SQL.deleteSub, [guildId, url])).changes > 0;
        if (gone && toNumber((await tx.get<{ n: unknown }>(SQL.countSubsOfUrl, [url]))!.n) === 0) await tx.run(SQL.deleteSource, [url]);
        return gone;
      }, { lock: `feed:${url}` });
    },
    subscriptions: async (guildId) => (await sql.all(SQL.subsOfGuild, [guildId])).map(toSubscription),
    countSubscriptions: async (guildId) => toNumber((await sql.get<{ n: unknown }>(SQL.countOfGuild, [guildId]))!.n),
    subscribersOf: async (url) => (await sql.all(SQL.subsOfUrl, [url])).map(toSubscription),
    source: async (url) => {
      const row = await sql.get(SQL.getSource, [url]);
      return row === undefined ? undefined : toSource(row);
    },
    dueSources: async (now, limit) => (await sql.all(SQL.due, [now, limit])).map(toSource),
    claimDue(now, limit, holder, leaseMs) {
      // One statement; on SQLite inside a transaction (BEGIN IMMEDIATE) so another process's claim
      // waits for this one to commit and then sees these leases.
      return sql.transaction(async (tx) => {
        const rows = (await tx.all(SQL.claimDue(sql.dialect), { holder, until: now + leaseMs, now, limit })).map(toSource);
        // RETURNING gives rows in no promised order.
        return rows.sort((a, b) => a.nextPollAt - b.nextPollAt || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
      });
    },
    claimSource: async (url, now, holder, leaseMs) => {
      const row = await sql.get(SQL.claimSource, { url, holder, until: now + leaseMs, now });
      return row === undefined ? undefined : toSource(row);
    },
    async renewLeases(holder, urls, now, leaseMs) {
      const held: string[] = [];
      for (let i = 0; i < urls.length; i += KEY_BATCH) {
        const batch = urls.slice(i, i + KEY_BATCH);
        // Only while the holder still has it: a lease another worker took over (or a recorded poll
        // handed back) is not taken back by a late renewal.
        const rows = await sql.all<{ url: string }>(
          `UPDATE feed_sources SET lease_until = ? WHERE lease_holder = ? AND url IN (${batch.map(() => '?').join(',')}) RETURNING url`,
          [now + leaseMs, holder, ...batch],
        );
        held.push(...rows.map((r) => r.url));
      }
      return held;
    },
    async releaseLeases(holder, urls) {
      if (urls === undefined) return (await sql.run(SQL.releaseAll, [holder])).changes;
      let count = 0;
      for (let i = 0; i < urls.length; i += KEY_BATCH) {
        const batch = urls.slice(i, i + KEY_BATCH);
        count += (await sql.run(
          `UPDATE feed_sources SET lease_holder = NULL, lease_until = NULL WHERE lease_holder = ? AND url IN (${batch.map(() => '?').join(',')})`,
          [holder, ...batch],
        )).changes;
      }
      return count;
    },
    leaseHolders: async (now) =>
      (await sql.all<{ holder: string; feeds: unknown }>(SQL.leaseHolders, [now])).map((r) => ({ holder: r.holder, feeds: toNumber(r.feeds) })),
    nextDueAt: async () => {
      const t = (await sql.get<{ t: unknown }>(SQL.nextDue(sql.dialect)))?.t;
      return t === null || t === undefined ? undefined : toNumber(t);
    },
    recordSuccess: async (url, u) =>
      void (await sql.run(SQL.success, {
        url,
        now: u.now,
        nextPollAt: u.nextPollAt,
        etag: u.etag ?? null,
        lastModified: u.lastModified ?? null,
        title: u.title ?? null,
        siteUrl: u.siteUrl ?? null,
        format: u.format ?? null,
        delivered: u.delivered,
        skipped: u.skipped ?? 0,
        skippedReason: u.lastSkippedReason ?? null,
      })),
    recordFailure: async (url, u) =>
      void (await sql.run(SQL.failure, { url, now: u.now, nextPollAt: u.nextPollAt, code: u.code, message: u.message, disable: u.disable ? 1 : 0 })),
    async seenKeys(url, keys, since) {
      const found = new Set<string>();
      for (let i = 0; i < keys.length; i += KEY_BATCH) {
        const batch = keys.slice(i, i + KEY_BATCH);
        const rows = await sql.all<{ key: string }>(
          `SELECT key FROM feed_seen WHERE url = ? AND seen_at >= ? AND key IN (${batch.map(() => '?').join(',')})`,
          [url, since, ...batch],
        );
        for (const r of rows) found.add(r.key);
      }
      return found;
    },
    rememberKeys(url, keys, now) {
      return sql.transaction(async (tx) => {
        for (const k of keys) await tx.run(SQL.remember, [url, k, now]);
      });
    },
    pruneSeen: async (before) => {
      await sql.run(SQL.pruneFirst, [before]);
      return (await sql.run(SQL.prune, [before])).changes;
    },
    async updateSubscription(guildId, url, p) {
      const changed = await sql.run(SQL.updateSub, {
        guild: guildId,
        url,
        setChannel: p.channelId !== undefined ? 1 : 0,
        channel: p.channelId ?? null,
        delivery: p.delivery ?? null,
        setInclude: p.include !== undefined ? 1 : 0,
        include: wordsColumn(p.include),
        setExclude: p.exclude !== undefined ? 1 : 0,
        exclude: wordsColumn(p.exclude),
      });
      if (changed.changes === 0) return undefined;
      const row = await sql.get(SQL.getSub, [guildId, url]);
      return row === undefined ? undefined : toSubscription(row);
    },
    markFirstPollItems(guildId, url, articleIds, now) {
      return sql.transaction(async (tx) => {
        for (const id of articleIds) await tx.run(SQL.markFirst, [guildId, id, url, now]);
      });
    },
    firstPollItems: async (guildId) => new Set((await sql.all<{ article_id: string }>(SQL.firstOfGuild, [guildId])).map((r) => r.article_id)),
  };
}
