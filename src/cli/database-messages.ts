/**
 * The one table that turns a DatabaseOpenError into words for the operator: one line naming the
 * variable, the file and the problem, and what to do. Used by `npm start` (bot and console) and by
 * every `lede` subcommand, so the same bad file reads the same everywhere.
 */
import type { DatabaseOpenError, DatabaseOpenErrorCode } from '../store';

/** The operating system's error codes in plain words; any other code is shown as it is. */
const OS_REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  // mkdir is only tried once the parent is known to exist: it refuses children (/proc) or vanished.
  ENOENT: 'its parent does not accept new folders',
  ENOTDIR: 'part of the path is a file',
  EEXIST: 'something that is not a folder, such as a broken link, is in the way',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
};

const osReason = (e: DatabaseOpenError) => OS_REASONS[e.details.osCode ?? ''] ?? e.details.osCode ?? 'unknown reason';

type Describe = (e: DatabaseOpenError, variable: string) => string;

const DESCRIBE: { [C in DatabaseOpenErrorCode]: Describe } = {
  DATABASE_IS_FOLDER: (e, v) => `this is a folder, not a database file. Point ${v} at a file in it, such as ${e.path.replace(/\/+$/, '')}/lede.db.`,
  DATABASE_PARENT_NOT_FOLDER: (e, v) => `${e.details.folder} is a file, not a folder, so no database can be made under it. Point ${v} elsewhere.`,
  DATABASE_FOLDER_UNREACHABLE: (e, v) => `the folder ${e.details.folder} cannot be looked into (${osReason(e)}). Fix its permissions or point ${v} elsewhere.`,
  DATABASE_FOLDER_UNCREATABLE: (e, v) => `the folder ${e.details.folder} does not exist and cannot be created (${osReason(e)}). Create it or point ${v} elsewhere.`,
  DATABASE_FOLDER_READ_ONLY: (e, v) =>
    `the folder ${e.details.folder} is read-only (${e.details.osCode ? osReason(e) : 'SQLite cannot write there'}); Lede creates the database and its -wal and -shm files there. Make it writable or point ${v} elsewhere.`,
  DATABASE_READ_ONLY: (e, v) => `the file is read-only (${e.details.osCode ? osReason(e) : 'SQLite cannot write to it'}); Lede needs to write to it. Make it writable or point ${v} elsewhere.`,
  DATABASE_UNREADABLE: (e, v) => `the file cannot be read (${osReason(e)}). Make it readable or point ${v} elsewhere.`,
  DATABASE_NOT_SQLITE: (_e, v) => `the file is not an SQLite database (corrupt or another kind of file). Move it aside or point ${v} elsewhere.`,
  DATABASE_CORRUPT: (_e, v) => `the database is damaged (truncated or corrupt). Restore it from a backup, or move it aside and point ${v} elsewhere.`,
  DATABASE_LOCKED: (e, v) =>
    `another process kept the database locked for over ${Math.round((e.details.waitedMs ?? 0) / 1000)} seconds (a second Lede, or a tool with it open). Stop that process or point ${v} elsewhere.`,
  DATABASE_NEWER_SCHEMA: (e, v) =>
    `the database was written by a newer version of Lede (its "${e.details.namespace}" tables are at version ${e.details.foundVersion}; this version knows up to ${e.details.knownVersion}). Run the newer Lede, or point ${v} elsewhere.`,
  DATABASE_DISK_FULL: (_e, v) => `the disk is full. Free some space or point ${v} elsewhere.`,
  DATABASE_IO: (e, v) => `the disk reported an error while reading or writing the file (${e.details.sqliteCode}). Check the disk, or point ${v} elsewhere.`,
  DATABASE_CANNOT_OPEN: (e, v) => `SQLite cannot open the file (${e.details.sqliteMessage ?? e.details.sqliteCode}). Check the path, or point ${v} elsewhere.`,
  DATABASE_NEEDS_MIGRATION: (e) =>
    `the database schema is behind this version of Lede (${(e.details.pending ?? []).length} migration step${(e.details.pending ?? []).length === 1 ? '' : 's'} to apply). Run \`npx lede migrate\` once, then start Lede again.`,
  DATABASE_UNREACHABLE: (e, v) => `the PostgreSQL server cannot be reached (${e.details.reason ?? 'no answer'}). Check that it runs and that the host, port, database, user and password in ${v} are right.`,
};

/**
 * `DATABASE_PATH=<path>: <problem>. <what to do>.` for a database that could not be opened; the
 * path is shown as it was set, since that is what the operator will look for (a server's URL
 * without its password, under DATABASE_URL).
 */
export function databaseOpenMessage(err: DatabaseOpenError, variable = err.code === 'DATABASE_UNREACHABLE' || err.code === 'DATABASE_NEEDS_MIGRATION' || /^postgres(ql)?:/.test(err.path) ? 'DATABASE_URL' : 'DATABASE_PATH'): string {
  return `${variable}=${err.path}: ${DESCRIBE[err.code](err, variable)}`;
}
