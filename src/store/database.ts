/**
 * The SQLite database (better-sqlite3 12.x): opened once per process in WAL mode, with versioned
 * migrations kept per feature. Each feature (articles, feeds, digests...) owns a namespace and an
 * ordered list of migrations; `migrate` applies the ones not yet recorded, each in a transaction,
 * so a crash mid-migration leaves the previous version intact.
 *
 * A file that cannot serve as the database (a folder, not SQLite, damaged, read-only, locked...)
 * is refused with a DatabaseOpenError while opening, before anything is written to it; a feature
 * whose tables a newer Lede migrated further is refused when that feature's store migrates.
 */
import Database from 'better-sqlite3';
import { asOpenError, fileSystemProblem } from './open-diagnosis';
import { DatabaseOpenError } from './open-errors';
import { createParentFolders } from './parent-folders';

export { DatabaseOpenError, type DatabaseOpenErrorCode, type DatabaseOpenErrorDetails } from './open-errors';

export type Db = Database.Database;

export interface Migration {
  /** 1, 2, 3... in order; never renumber or edit one that has shipped. */
  readonly version: number;
  readonly description: string;
  readonly up: (db: Db) => void;
}

/** How long a statement waits for another process's lock before the database counts as locked. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Open (creating the folders and file if needed) a database at `path`, or ':memory:'. Throws
 * DatabaseOpenError when the file cannot be used; other errors are bugs and pass through.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') {
    createParentFolders(path);
    const problem = fileSystemProblem(path);
    if (problem) throw new DatabaseOpenError(problem.code, path, problem.details);
  }
  let db: Db;
  try {
    db = new Database(path);
  } catch (err) {
    throw asOpenError(err, path, BUSY_TIMEOUT_MS);
  }
  try {
    // Wait for another process's lock (first, so that switching to WAL waits too).
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // The first statement that reads the file: a non-database or a damaged one is refused here, unwritten.
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
    // Take the write lock once, writing nothing: a writer that holds it past the busy timeout is
    // reported now rather than at the first article added.
    db.exec('BEGIN IMMEDIATE; ROLLBACK');
  } catch (err) {
    db.close();
    throw asOpenError(err, path, BUSY_TIMEOUT_MS);
  }
  return db;
}

/**
 * Apply `migrations` of `namespace` that are not applied yet, in order, each atomically. Each step
 * takes the write lock first (BEGIN IMMEDIATE) and re-checks inside it, so two processes opening a
 * new database at once (the bot and the console, or a second instance) cannot both run one step.
 */
export function migrate(db: Db, namespace: string, migrations: readonly Migration[]): number {
  try {
    return migrateNamespace(db, namespace, migrations);
  } catch (err) {
    throw asOpenError(err, db.name, BUSY_TIMEOUT_MS);
  }
}

function migrateNamespace(db: Db, namespace: string, migrations: readonly Migration[]): number {
  // A database a newer Lede has migrated further is left alone: this code cannot know its tables.
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const found = (db.prepare('SELECT MAX(version) AS v FROM schema_migrations WHERE namespace = ?').get(namespace) as { v: number | null }).v ?? 0;
  if (found > known) {
    throw new DatabaseOpenError('DATABASE_NEWER_SCHEMA', db.name, { namespace, foundVersion: found, knownVersion: known });
  }
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
