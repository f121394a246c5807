/**
 * Telling what is wrong with a database file that SQLite refused, in DatabaseOpenError codes: the
 * SQLite result code first, and the file system where SQLite's answer is vague (CANTOPEN, READONLY).
 */
import Database from 'better-sqlite3';
import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseOpenError, type DatabaseOpenErrorCode, type DatabaseOpenErrorDetails } from './open-errors';

/** SQLite's primary result codes that mean "this file cannot be used", by primary code. */
const SQLITE_PRIMARY: Readonly<Record<string, DatabaseOpenErrorCode>> = {
  SQLITE_NOTADB: 'DATABASE_NOT_SQLITE',
  SQLITE_CORRUPT: 'DATABASE_CORRUPT',
  SQLITE_BUSY: 'DATABASE_LOCKED',
  SQLITE_LOCKED: 'DATABASE_LOCKED',
  SQLITE_READONLY: 'DATABASE_READ_ONLY',
  SQLITE_FULL: 'DATABASE_DISK_FULL',
  SQLITE_IOERR: 'DATABASE_IO',
  SQLITE_CANTOPEN: 'DATABASE_CANNOT_OPEN',
  SQLITE_PERM: 'DATABASE_CANNOT_OPEN',
};

/**
 * The DatabaseOpenError for an error met while opening `path` (or migrating it), or `err` itself
 * when it is not about the file (a bug in a migration stays a bug). SQLite's vaguer answers
 * (CANTOPEN, READONLY) are made precise by asking the file system what is wrong.
 */
export function asOpenError(err: unknown, path: string, waitedMs: number): unknown {
  if (err instanceof DatabaseOpenError || !(err instanceof Database.SqliteError)) return err;
  const primary = /^SQLITE_[A-Z]+/.exec(err.code)?.[0] ?? err.code;
  const code = SQLITE_PRIMARY[primary];
  if (!code) return err;
  const sqlite = { sqliteCode: err.code, sqliteMessage: err.message };
  if (code === 'DATABASE_CANNOT_OPEN' || code === 'DATABASE_READ_ONLY') {
    const found = fileSystemProblem(path);
    if (found) return new DatabaseOpenError(found.code, path, { ...found.details, ...sqlite }, { cause: err });
    if (err.code === 'SQLITE_READONLY_DIRECTORY') {
      return new DatabaseOpenError('DATABASE_FOLDER_READ_ONLY', path, { folder: dirname(path), ...sqlite }, { cause: err });
    }
  }
  return new DatabaseOpenError(code, path, { ...sqlite, ...(code === 'DATABASE_LOCKED' && { waitedMs }) }, { cause: err });
}

/**
 * What the file system says is wrong with using `path` as a writable database, or undefined when
 * nothing is: the path is a folder, the file cannot be read or written, or its folder cannot be
 * written. Checked before opening because SQLite silently opens a read-only file read-only and
 * fails only at the first write, long after start-up.
 */
export function fileSystemProblem(path: string): { code: DatabaseOpenErrorCode; details: DatabaseOpenErrorDetails } | undefined {
  let stat;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch (err) {
    return { code: 'DATABASE_FOLDER_UNREACHABLE', details: { folder: dirname(path), osCode: (err as NodeJS.ErrnoException).code ?? 'EIO' } };
  }
  if (stat?.isDirectory()) return { code: 'DATABASE_IS_FOLDER', details: {} };
  if (stat) {
    const readable = accessProblem(path, constants.R_OK);
    if (readable) return { code: 'DATABASE_UNREADABLE', details: { osCode: readable } };
    const writable = accessProblem(path, constants.W_OK);
    if (writable) return { code: 'DATABASE_READ_ONLY', details: { osCode: writable } };
  }
  const folder = dirname(path);
  const folderWritable = accessProblem(folder, constants.W_OK | constants.X_OK);
  if (folderWritable) return { code: 'DATABASE_FOLDER_READ_ONLY', details: { folder, osCode: folderWritable } };
  return undefined;
}

/** The error code access(2) gives for `mode` on `path`, or undefined when it is allowed. */
function accessProblem(path: string, mode: number): string | undefined {
  try {
    accessSync(path, mode);
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? 'EACCES';
  }
}
