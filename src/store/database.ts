/**
 * Opening the SQLite file (better-sqlite3 12.x) for the SQLite adapter (sql/sqlite.ts): once per
 * process, in WAL mode. Migrations are the adapters' common ones (sql/migrate.ts).
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
