/**
 * The SQLite database (better-sqlite3 12.x): opened once per process in WAL mode, with versioned
 * migrations kept per feature. Each feature (articles, feeds, digests...) owns a namespace and an
 * ordered list of migrations; `migrate` applies the ones not yet recorded, each in a transaction,
 * so a crash mid-migration leaves the previous version intact.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

export interface Migration {
  /** 1, 2, 3... in order; never renumber or edit one that has shipped. */
  readonly version: number;
  readonly description: string;
  readonly up: (db: Db) => void;
}

/** Open (creating the folder and file if needed) a database at `path`, or ':memory:'. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // Wait for another process's lock (first, so that switching to WAL waits too).
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    namespace TEXT NOT NULL,
    version INTEGER NOT NULL,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    PRIMARY KEY (namespace, version)
  )`);
  return db;
}

/**
 * Apply `migrations` of `namespace` that are not applied yet, in order, each atomically. Each step
 * takes the write lock first (BEGIN IMMEDIATE) and re-checks inside it, so two processes opening a
 * new database at once (the bot and the console, or a second instance) cannot both run one step.
 */
export function migrate(db: Db, namespace: string, migrations: readonly Migration[]): number {
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE namespace = ? AND version = ?');
  const record = db.prepare(
    'INSERT INTO schema_migrations (namespace, version, description, applied_at) VALUES (?, ?, ?, ?)',
  );
  const step = db.transaction((m: Migration): boolean => {
    if (isApplied.get(namespace, m.version)) return false;
    m.up(db);
    record.run(namespace, m.version, m.description, new Date().toISOString());
    return true;
  });
  let count = 0;
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (isApplied.get(namespace, m.version)) continue;
    if (step.immediate(m)) count++;
  }
  return count;
}
