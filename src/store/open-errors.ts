/**
 * Why the database could not be opened, as a typed error with a stable code. The store knows the
 * file, not where its path came from: the CLI and the composition root name the variable and turn
 * the code into words (src/cli/database-messages.ts).
 */
export type DatabaseOpenErrorCode =
  /** The path is a folder. */
  | 'DATABASE_IS_FOLDER'
  /** Something on the way to the file (`folder`) is a file, not a folder. */
  | 'DATABASE_PARENT_NOT_FOLDER'
  /** `folder` cannot be looked into (`osCode`, usually EACCES), so the file cannot be reached. */
  | 'DATABASE_FOLDER_UNREACHABLE'
  /** The missing `folder` could not be created (`osCode` says why). */
  | 'DATABASE_FOLDER_UNCREATABLE'
  /** The file's `folder` cannot be written: SQLite creates the file and its -wal and -shm beside it there. */
  | 'DATABASE_FOLDER_READ_ONLY'
  /** The file exists but cannot be written (`osCode`). */
  | 'DATABASE_READ_ONLY'
  /** The file exists but cannot be read (`osCode`). */
  | 'DATABASE_UNREADABLE'
  /** The file is not an SQLite database at all (SQLITE_NOTADB). */
  | 'DATABASE_NOT_SQLITE'
  /** An SQLite database, but damaged: truncated or corrupt pages (SQLITE_CORRUPT). */
  | 'DATABASE_CORRUPT'
  /** Another connection held the lock longer than the busy timeout (`waitedMs`). */
  | 'DATABASE_LOCKED'
  /** A feature's tables (`namespace`) are at `foundVersion`, newer than the `knownVersion` this code has. */
  | 'DATABASE_NEWER_SCHEMA'
  /** No space left on the disk (SQLITE_FULL). */
  | 'DATABASE_DISK_FULL'
  /** A disk I/O error (`sqliteCode`). */
  | 'DATABASE_IO'
  /** SQLite could not open the file for another reason (`sqliteCode`, `sqliteMessage`). */
  | 'DATABASE_CANNOT_OPEN'
  /** The PostgreSQL server at DATABASE_URL did not answer or refused the connection (`reason`). */
  | 'DATABASE_UNREACHABLE'
  /** The schema is behind this code (`pending` steps): `lede migrate` must run first. */
  | 'DATABASE_NEEDS_MIGRATION';

export interface DatabaseOpenErrorDetails {
  /** The folder concerned, for the folder codes. */
  readonly folder?: string;
  /** The operating system's error code (EACCES, EROFS, ENOENT...). */
  readonly osCode?: string;
  /** SQLite's extended result code (SQLITE_IOERR_SHORT_READ...). */
  readonly sqliteCode?: string;
  readonly sqliteMessage?: string;
  readonly namespace?: string;
  readonly foundVersion?: number;
  readonly knownVersion?: number;
  readonly waitedMs?: number;
  /** Why a server could not be reached (the driver's message: refused, unknown host, bad password...). */
  readonly reason?: string;
  /** Migration steps not applied yet ("articles v1", ...). */
  readonly pending?: readonly string[];
}

export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
  constructor(
    readonly code: DatabaseOpenErrorCode,
    /** The database path as it was given (not resolved), so that it reads like the setting. */
    readonly path: string,
    readonly details: DatabaseOpenErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(`cannot open the database ${path}: ${code}${details.sqliteCode ? ` (${details.sqliteCode})` : details.osCode ? ` (${details.osCode})` : ''}`, options);
  }
}
