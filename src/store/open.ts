/**
 * Open the stores: the SQLite file at `DATABASE_PATH` (the default: nothing to run) or the
 * PostgreSQL server at `DATABASE_URL`. Both run the same migrations and the same queries; a database
 * that cannot be used is refused here with a DatabaseOpenError, before anything is written.
 */
import { DatabaseOpenError } from './open-errors';
import type { Stores } from './ports';
import { toNumber, type SqlClient } from './sql/client';
import { ARTICLE_MIGRATIONS, sqlAnalysisStore, sqlArticleStore } from './sql/articles';
import { AUTOSUMMARY_MIGRATIONS, sqlAutoSummaryStore } from './sql/autosummary';
import { DIGEST_MIGRATIONS, sqlDigestsStore } from './sql/digests';
import { FEED_MIGRATIONS, sqlFeedsStore } from './sql/feeds';
import { migrateSql, type SqlMigration } from './sql/migrate';
import { OUTBOX_MIGRATIONS, sqlOutboxStore } from './sql/outbox';
import { PACING_MIGRATIONS, sqlPacingStore } from './sql/pacing';
import { openPostgresClient } from './sql/postgres';
import { STATE_MIGRATIONS, THREAD_MIGRATIONS, sqlStateStore, sqlThreadStore } from './sql/small';
import { RETENTION_MIGRATIONS } from './sql/retention';
import { sqlSearchStore } from './sql/search';
import { backfillTitles } from './sql/search-rows';
import { searchMigrations } from './sql/search-schema';
import { openSqliteClient } from './sql/sqlite';

/** Every feature's migrations, by the namespace its rows in schema_migrations carry. */
export const MIGRATIONS: ReadonlyArray<readonly [string, readonly SqlMigration[]]> = [
  ['articles', ARTICLE_MIGRATIONS],
  // After 'articles': it adds the feed_url column to that table.
  ['retention', RETENTION_MIGRATIONS],
  ['bot_state', STATE_MIGRATIONS],
  ['threads', THREAD_MIGRATIONS],
  ['feeds', FEED_MIGRATIONS],
  ['digests', DIGEST_MIGRATIONS],
  // After 'articles' and 'retention': its triggers and indexes are on their tables.
  ['search', searchMigrations(backfillTitles)],
  ['autosummary', AUTOSUMMARY_MIGRATIONS],
  ['outbox', OUTBOX_MIGRATIONS],
  ['pacing', PACING_MIGRATIONS],
];

/** Where the data lives: a file (SQLite) or a server (PostgreSQL). */
export type StoreTarget = { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string };

/** A database URL as it may be shown: the password replaced by "***". */
export function redactUrl(url: string): string {
  if (!URL.canParse(url)) return url;
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.href;
}

/** Apply every migration not yet applied; resolves to how many ran. */
export async function migrateAll(sql: SqlClient, where: string): Promise<number> {
  let n = 0;
  for (const [namespace, steps] of MIGRATIONS) n += await migrateSql(sql, namespace, steps, where);
  return n;
}

/** Open the client for `target`, checking that it answers (PostgreSQL) or is a usable file (SQLite). */
export async function openClient(target: StoreTarget): Promise<SqlClient> {
  if (target.kind === 'sqlite') return openSqliteClient(target.path);
  const client = openPostgresClient(target.url);
  try {
    await client.get('SELECT 1 AS one');
  } catch (err) {
    await client.close().catch(() => undefined);
    throw new DatabaseOpenError('DATABASE_UNREACHABLE', redactUrl(target.url), { reason: (err as Error).message }, { cause: err });
  }
  return client;
}

/** The stores over an open client (migrations already applied). */
export function storesOver(sql: SqlClient): Stores {
  return {
    kind: sql.dialect,
    articles: sqlArticleStore(sql),
    analyses: sqlAnalysisStore(sql),
    state: sqlStateStore(sql),
    threads: sqlThreadStore(sql),
    feeds: sqlFeedsStore(sql),
    digests: sqlDigestsStore(sql),
    search: sqlSearchStore(sql),
    autoSummary: sqlAutoSummaryStore(sql),
    outbox: sqlOutboxStore(sql),
    pacing: sqlPacingStore(sql),
    close: () => sql.close(),
  };
}

/** Migration steps not applied yet, as "namespace vN" (empty when the schema is current). */
export async function pendingMigrations(sql: SqlClient): Promise<string[]> {
  // Reads only: a database never migrated has no migrations table, and this must not create one.
  const exists = await sql.get(
    sql.dialect === 'sqlite' ? "SELECT 1 AS one FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'" : "SELECT 1 AS one WHERE to_regclass('schema_migrations') IS NOT NULL",
  );
  const pending: string[] = [];
  for (const [namespace, steps] of MIGRATIONS) {
    const row = exists ? await sql.get<{ v: unknown }>('SELECT MAX(version) AS v FROM schema_migrations WHERE namespace = ?', [namespace]) : undefined;
    const found = row?.v === null || row?.v === undefined ? 0 : toNumber(row.v);
    for (const m of steps) if (m.version > found) pending.push(`${namespace} v${m.version}`);
  }
  return pending;
}

/**
 * Open the database and every store on it. By default the migrations run first (an embedded
 * SQLite file is migrated by `npm start` itself); with `migrate: false` a schema that is not
 * current is refused (DATABASE_NEEDS_MIGRATION) instead: on a shared PostgreSQL server the
 * operator runs `lede migrate` once, and the bot's processes never change the schema.
 */
export async function openStores(target: StoreTarget, options: { readonly migrate?: boolean } = {}): Promise<Stores> {
  const sql = await openClient(target);
  const where = target.kind === 'sqlite' ? target.path : redactUrl(target.url);
  try {
    if (options.migrate ?? true) await migrateAll(sql, where);
    else {
      const pending = await pendingMigrations(sql);
      if (pending.length > 0) throw new DatabaseOpenError('DATABASE_NEEDS_MIGRATION', where, { pending });
    }
    return storesOver(sql);
  } catch (err) {
    await sql.close().catch(() => undefined);
    throw err;
  }
}
