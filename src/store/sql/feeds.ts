/**
 * Feeds on SqlClient. A feed *source* is one URL, fetched once however many servers follow it; a
 * *subscription* ties a server (and optionally a channel) to a source; *seen keys* remember which
 * items a source has already produced (12 months, MonitoRSS's retention). Times are epoch ms
 * (BIGINT on PostgreSQL: they pass 2^31).
 */
import { z } from 'zod';
import type { FeedSource, FeedSubscription, FeedsStore } from '../ports';
import { toNumber, type SqlClient } from './client';
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
  nextDue: 'SELECT min(next_poll_at) AS t FROM feed_sources WHERE disabled_at IS NULL',
  success: `UPDATE feed_sources SET
      etag = @etag, last_modified = @lastModified,
      title = coalesce(@title, title), site_url = coalesce(@siteUrl, site_url), format = coalesce(@format, format),
      next_poll_at = @nextPollAt, last_polled_at = @now, last_success_at = @now, failures = 0, primed = 1,
      delivered_count = delivered_count + @delivered,
      skipped_count = skipped_count + @skipped,
      last_skipped_at = CASE WHEN @skipped > 0 THEN @now ELSE last_skipped_at END,
      last_skipped_reason = CASE WHEN @skipped > 0 THEN @skippedReason ELSE last_skipped_reason END
    WHERE url = @url`,
  failure: `UPDATE feed_sources SET
      next_poll_at = @nextPollAt, last_polled_at = @now, last_error_code = @code, last_error_message = @message,
      last_error_at = @now, failures = failures + 1,
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
    nextDueAt: async () => {
      const t = (await sql.get<{ t: unknown }>(SQL.nextDue))?.t;
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
