/**
 * Feeds as the bot keeps them. A feed *source* is one URL, fetched once however many servers
 * follow it; a *subscription* ties a server (and optionally a channel) to a source; *seen keys*
 * remember which items a source has already produced (12 months, MonitoRSS's retention). Rows are
 * read back through zod so a damaged row fails with a name.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { migrate, type Db, type Migration } from './database';

/** One fetched URL and its polling state. Times are epoch milliseconds. */
export interface FeedSource {
  readonly url: string;
  readonly title?: string;
  readonly siteUrl?: string;
  readonly format?: string;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly intervalMs: number;
  readonly nextPollAt: number;
  readonly lastPolledAt?: number;
  readonly lastSuccessAt?: number;
  readonly lastErrorCode?: string;
  readonly lastErrorMessage?: string;
  readonly lastErrorAt?: number;
  /** Consecutive failures since the last success. */
  readonly failures: number;
  readonly disabledAt?: number;
  /** The error code that disabled the feed. */
  readonly disabledReason?: string;
  /** False until the first successful poll has recorded what the feed already holds. */
  readonly primed: boolean;
  readonly createdAt: number;
  /** Items delivered since the feed was added. */
  readonly deliveredCount: number;
  /** New items left out since the feed was added (too long for the library). */
  readonly skippedCount: number;
  /** When an item was last left out, and why (a sentence for `/feed status`). */
  readonly lastSkippedAt?: number;
  readonly lastSkippedReason?: string;
}

export interface FeedSubscription {
  readonly guildId: string;
  readonly url: string;
  readonly channelId?: string;
  readonly addedBy?: string;
  readonly addedAt: number;
}

export interface SuccessUpdate {
  readonly now: number;
  readonly nextPollAt: number;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly title?: string;
  readonly siteUrl?: string;
  readonly format?: string;
  readonly delivered: number;
  /** New items left out in this poll, and why the last of them was. */
  readonly skipped?: number;
  readonly lastSkippedReason?: string;
}

export interface FailureUpdate {
  readonly now: number;
  readonly nextPollAt: number;
  readonly code: string;
  readonly message: string;
  readonly disable: boolean;
}

export interface FeedsStore {
  /** Follow `url` in a server. Creates the source (due now) if new; re-enables it if it was disabled. */
  subscribe(guildId: string, url: string, opts: { channelId?: string; addedBy?: string; now: number; intervalMs: number }): {
    subscription: FeedSubscription;
    created: boolean;
  };
  /** Stop following; the source and its memory go when no server follows it any more. */
  unsubscribe(guildId: string, url: string): boolean;
  subscriptions(guildId: string): FeedSubscription[];
  countSubscriptions(guildId: string): number;
  subscribersOf(url: string): FeedSubscription[];
  source(url: string): FeedSource | undefined;
  /** Enabled sources due at `now`, earliest first. */
  dueSources(now: number, limit: number): FeedSource[];
  /** The earliest next poll among enabled sources. */
  nextDueAt(): number | undefined;
  recordSuccess(url: string, update: SuccessUpdate): void;
  recordFailure(url: string, update: FailureUpdate): void;
  /** Which of `keys` the source has seen since `since` (epoch ms). */
  seenKeys(url: string, keys: readonly string[], since: number): Set<string>;
  /** Remember `keys` as seen at `now` (refreshing ones already known). */
  rememberKeys(url: string, keys: readonly string[], now: number): void;
  /** Forget keys last seen before `before`; returns how many went. */
  pruneSeen(before: number): number;
}

export const FEED_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'feed sources (one per URL), server subscriptions, seen item keys',
    up: (db) => {
      db.exec(`
        CREATE TABLE feed_sources (
          url TEXT PRIMARY KEY,
          title TEXT,
          site_url TEXT,
          format TEXT,
          etag TEXT,
          last_modified TEXT,
          interval_ms INTEGER NOT NULL,
          next_poll_at INTEGER NOT NULL,
          last_polled_at INTEGER,
          last_success_at INTEGER,
          last_error_code TEXT,
          last_error_message TEXT,
          last_error_at INTEGER,
          failures INTEGER NOT NULL DEFAULT 0,
          disabled_at INTEGER,
          disabled_reason TEXT,
          primed INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL,
          delivered_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX feed_sources_due ON feed_sources (next_poll_at) WHERE disabled_at IS NULL;
        CREATE TABLE feed_subscriptions (
          guild_id TEXT NOT NULL,
          url TEXT NOT NULL REFERENCES feed_sources (url) ON DELETE CASCADE,
          channel_id TEXT,
          added_by TEXT,
          added_at INTEGER NOT NULL,
          PRIMARY KEY (guild_id, url)
        );
        CREATE INDEX feed_subscriptions_url ON feed_subscriptions (url);
        CREATE TABLE feed_seen (
          url TEXT NOT NULL REFERENCES feed_sources (url) ON DELETE CASCADE,
          key TEXT NOT NULL,
          seen_at INTEGER NOT NULL,
          PRIMARY KEY (url, key)
        ) WITHOUT ROWID;
        CREATE INDEX feed_seen_age ON feed_seen (seen_at);
      `);
    },
  },
  {
    version: 2,
    description: 'items left out of the library (too long), so /feed status can say so',
    up: (db) => {
      db.exec(`
        ALTER TABLE feed_sources ADD COLUMN skipped_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE feed_sources ADD COLUMN last_skipped_at INTEGER;
        ALTER TABLE feed_sources ADD COLUMN last_skipped_reason TEXT;
      `);
    },
  },
];

const opt = <T extends z.ZodType>(t: T) => t.nullable().transform((v) => v ?? undefined);

const sourceRow = z.object({
  url: z.string(),
  title: opt(z.string()),
  site_url: opt(z.string()),
  format: opt(z.string()),
  etag: opt(z.string()),
  last_modified: opt(z.string()),
  interval_ms: z.number().int(),
  next_poll_at: z.number(),
  last_polled_at: opt(z.number()),
  last_success_at: opt(z.number()),
  last_error_code: opt(z.string()),
  last_error_message: opt(z.string()),
  last_error_at: opt(z.number()),
  failures: z.number().int(),
  disabled_at: opt(z.number()),
  disabled_reason: opt(z.string()),
  primed: z.number().int(),
  created_at: z.number(),
  delivered_count: z.number().int(),
  skipped_count: z.number().int(),
  last_skipped_at: opt(z.number()),
  last_skipped_reason: opt(z.string()),
});

const subscriptionRow = z.object({
  guild_id: z.string(),
  url: z.string(),
  channel_id: opt(z.string()),
  added_by: opt(z.string()),
  added_at: z.number(),
});

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

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
  return compact({ guildId: r.guild_id, url: r.url, channelId: r.channel_id, addedBy: r.added_by, addedAt: r.added_at });
}

/** SQLite keeps at most this many bound parameters per statement in old builds; stay well under. */
const KEY_BATCH = 200;

/** The SQLite feeds store. Runs its migrations ('feeds' namespace) on creation. */
export function createFeedsStore(db: Db): FeedsStore {
  migrate(db, 'feeds', FEED_MIGRATIONS);
  const getSource = db.prepare('SELECT * FROM feed_sources WHERE url = ?');
  const insertSource = db.prepare(`INSERT INTO feed_sources (url, interval_ms, next_poll_at, created_at)
    VALUES (?, ?, ?, ?)`);
  const reenable = db.prepare(`UPDATE feed_sources SET disabled_at = NULL, disabled_reason = NULL, failures = 0,
    next_poll_at = ? WHERE url = ? AND disabled_at IS NOT NULL`);
  const upsertSub = db.prepare(`INSERT INTO feed_subscriptions (guild_id, url, channel_id, added_by, added_at)
    VALUES (@guild, @url, @channel, @addedBy, @now)
    ON CONFLICT (guild_id, url) DO UPDATE SET channel_id = excluded.channel_id`);
  const getSub = db.prepare('SELECT * FROM feed_subscriptions WHERE guild_id = ? AND url = ?');
  const deleteSub = db.prepare('DELETE FROM feed_subscriptions WHERE guild_id = ? AND url = ?');
  const countSubsOfUrl = db.prepare('SELECT count(*) AS n FROM feed_subscriptions WHERE url = ?');
  const deleteSource = db.prepare('DELETE FROM feed_sources WHERE url = ?');
  const subsOfGuild = db.prepare('SELECT * FROM feed_subscriptions WHERE guild_id = ? ORDER BY added_at, url');
  const countOfGuild = db.prepare('SELECT count(*) AS n FROM feed_subscriptions WHERE guild_id = ?');
  const subsOfUrl = db.prepare('SELECT * FROM feed_subscriptions WHERE url = ? ORDER BY guild_id');
  const due = db.prepare(`SELECT * FROM feed_sources WHERE disabled_at IS NULL AND next_poll_at <= ?
    ORDER BY next_poll_at LIMIT ?`);
  const nextDue = db.prepare('SELECT min(next_poll_at) AS t FROM feed_sources WHERE disabled_at IS NULL');
  const success = db.prepare(`UPDATE feed_sources SET
      etag = @etag, last_modified = @lastModified,
      title = coalesce(@title, title), site_url = coalesce(@siteUrl, site_url), format = coalesce(@format, format),
      next_poll_at = @nextPollAt, last_polled_at = @now, last_success_at = @now, failures = 0, primed = 1,
      delivered_count = delivered_count + @delivered,
      skipped_count = skipped_count + @skipped,
      last_skipped_at = CASE WHEN @skipped > 0 THEN @now ELSE last_skipped_at END,
      last_skipped_reason = CASE WHEN @skipped > 0 THEN @skippedReason ELSE last_skipped_reason END
    WHERE url = @url`);
  const failure = db.prepare(`UPDATE feed_sources SET
      next_poll_at = @nextPollAt, last_polled_at = @now, last_error_code = @code, last_error_message = @message,
      last_error_at = @now, failures = failures + 1,
      disabled_at = CASE WHEN @disable = 1 THEN @now ELSE disabled_at END,
      disabled_reason = CASE WHEN @disable = 1 THEN @code ELSE disabled_reason END
    WHERE url = @url`);
  const remember = db.prepare(`INSERT INTO feed_seen (url, key, seen_at) VALUES (?, ?, ?)
    ON CONFLICT (url, key) DO UPDATE SET seen_at = excluded.seen_at`);
  const prune = db.prepare('DELETE FROM feed_seen WHERE seen_at < ?');
  // One prepared statement per IN-list size (feeds carry 10-100 items, so few sizes recur).
  const seenStmts = new Map<number, Database.Statement<unknown[]>>();

  const subscribeTx = db.transaction(
    (guildId: string, url: string, o: { channelId?: string; addedBy?: string; now: number; intervalMs: number }) => {
      let created = false;
      if (!getSource.get(url)) {
        insertSource.run(url, o.intervalMs, o.now, o.now);
        created = true;
      } else {
        reenable.run(o.now, url);
      }
      upsertSub.run({ guild: guildId, url, channel: o.channelId ?? null, addedBy: o.addedBy ?? null, now: o.now });
      return { subscription: toSubscription(getSub.get(guildId, url)), created };
    },
  );
  const unsubscribeTx = db.transaction((guildId: string, url: string) => {
    const gone = deleteSub.run(guildId, url).changes > 0;
    if (gone && (countSubsOfUrl.get(url) as { n: number }).n === 0) deleteSource.run(url);
    return gone;
  });
  const rememberTx = db.transaction((url: string, keys: readonly string[], now: number) => {
    for (const k of keys) remember.run(url, k, now);
  });

  return {
    subscribe: (guildId, url, opts) => subscribeTx(guildId, url, opts),
    unsubscribe: (guildId, url) => unsubscribeTx(guildId, url),
    subscriptions: (guildId) => subsOfGuild.all(guildId).map(toSubscription),
    countSubscriptions: (guildId) => (countOfGuild.get(guildId) as { n: number }).n,
    subscribersOf: (url) => subsOfUrl.all(url).map(toSubscription),
    source: (url) => {
      const row = getSource.get(url);
      return row === undefined ? undefined : toSource(row);
    },
    dueSources: (now, limit) => due.all(now, limit).map(toSource),
    nextDueAt: () => (nextDue.get() as { t: number | null }).t ?? undefined,
    recordSuccess: (url, u) =>
      void success.run({
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
      }),
    recordFailure: (url, u) =>
      void failure.run({ url, now: u.now, nextPollAt: u.nextPollAt, code: u.code, message: u.message, disable: u.disable ? 1 : 0 }),
    seenKeys: (url, keys, since) => {
      const found = new Set<string>();
      for (let i = 0; i < keys.length; i += KEY_BATCH) {
        const batch = keys.slice(i, i + KEY_BATCH);
        let stmt = seenStmts.get(batch.length);
        if (!stmt) {
          stmt = db.prepare(`SELECT key FROM feed_seen WHERE url = ? AND seen_at >= ? AND key IN (${batch.map(() => '?').join(',')})`);
          seenStmts.set(batch.length, stmt);
        }
        const rows = stmt.all(url, since, ...batch) as Array<{ key: string }>;
        for (const r of rows) found.add(r.key);
      }
      return found;
    },
    rememberKeys: (url, keys, now) => rememberTx(url, keys, now),
    pruneSeen: (before) => prune.run(before).changes,
  };
}
