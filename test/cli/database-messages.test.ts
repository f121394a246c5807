/**
 * Every way the database can be refused reads as one line naming the variable, the file and the
 * problem in plain words, with what to do; the e2e tests check the codes a test can produce, this
 * table checks the words of every code (disk full and I/O errors cannot be produced on demand).
 */
import { describe, expect, it } from 'vitest';
import { databaseOpenMessage } from '../../src/cli/database-messages';
import { DatabaseOpenError, type DatabaseOpenErrorCode, type DatabaseOpenErrorDetails } from '../../src/store';

const P = '/srv/lede/lede.db';

describe('databaseOpenMessage', () => {
  it.each<[DatabaseOpenErrorCode, DatabaseOpenErrorDetails, string]>([
    ['DATABASE_IS_FOLDER', {}, 'this is a folder, not a database file. Point DATABASE_PATH at a file in it, such as /srv/lede/lede.db/lede.db.'],
    ['DATABASE_PARENT_NOT_FOLDER', { folder: '/srv/lede', osCode: 'ENOTDIR' }, '/srv/lede is a file, not a folder, so no database can be made under it. Point DATABASE_PATH elsewhere.'],
    ['DATABASE_FOLDER_UNREACHABLE', { folder: '/srv', osCode: 'EACCES' }, 'the folder /srv cannot be looked into (permission denied). Fix its permissions or point DATABASE_PATH elsewhere.'],
    ['DATABASE_FOLDER_UNCREATABLE', { folder: '/srv/lede', osCode: 'EROFS' }, 'the folder /srv/lede does not exist and cannot be created (the file system is read-only). Create it or point DATABASE_PATH elsewhere.'],
    ['DATABASE_FOLDER_UNCREATABLE', { folder: '/srv/lede', osCode: 'EWEIRD' }, 'the folder /srv/lede does not exist and cannot be created (EWEIRD). Create it or point DATABASE_PATH elsewhere.'],
    [
      'DATABASE_FOLDER_READ_ONLY',
      { folder: '/srv/lede', sqliteCode: 'SQLITE_READONLY_DIRECTORY' },
      'the folder /srv/lede is read-only (SQLite cannot write there); Lede creates the database and its -wal and -shm files there. Make it writable or point DATABASE_PATH elsewhere.',
    ],
    ['DATABASE_READ_ONLY', { osCode: 'EROFS' }, 'the file is read-only (the file system is read-only); Lede needs to write to it. Make it writable or point DATABASE_PATH elsewhere.'],
    ['DATABASE_READ_ONLY', { sqliteCode: 'SQLITE_READONLY' }, 'the file is read-only (SQLite cannot write to it); Lede needs to write to it. Make it writable or point DATABASE_PATH elsewhere.'],
    ['DATABASE_UNREADABLE', { osCode: 'EACCES' }, 'the file cannot be read (permission denied). Make it readable or point DATABASE_PATH elsewhere.'],
    ['DATABASE_NOT_SQLITE', { sqliteCode: 'SQLITE_NOTADB' }, 'the file is not an SQLite database (corrupt or another kind of file). Move it aside or point DATABASE_PATH elsewhere.'],
    ['DATABASE_CORRUPT', { sqliteCode: 'SQLITE_CORRUPT' }, 'the database is damaged (truncated or corrupt). Restore it from a backup, or move it aside and point DATABASE_PATH elsewhere.'],
    ['DATABASE_LOCKED', { waitedMs: 5000 }, 'another process kept the database locked for over 5 seconds (a second Lede, or a tool with it open). Stop that process or point DATABASE_PATH elsewhere.'],
    [
      'DATABASE_NEWER_SCHEMA',
      { namespace: 'feeds', foundVersion: 4, knownVersion: 2 },
      'the database was written by a newer version of Lede (its "feeds" tables are at version 4; this version knows up to 2). Run the newer Lede, or point DATABASE_PATH elsewhere.',
    ],
    ['DATABASE_DISK_FULL', { sqliteCode: 'SQLITE_FULL' }, 'the disk is full. Free some space or point DATABASE_PATH elsewhere.'],
    ['DATABASE_IO', { sqliteCode: 'SQLITE_IOERR_SHORT_READ' }, 'the disk reported an error while reading or writing the file (SQLITE_IOERR_SHORT_READ). Check the disk, or point DATABASE_PATH elsewhere.'],
    ['DATABASE_CANNOT_OPEN', { sqliteCode: 'SQLITE_CANTOPEN', sqliteMessage: 'unable to open database file' }, 'SQLite cannot open the file (unable to open database file). Check the path, or point DATABASE_PATH elsewhere.'],
  ])('%s %j', (code, details, words) => {
    const line = databaseOpenMessage(new DatabaseOpenError(code, P, details));
    expect(line).toBe(`DATABASE_PATH=${P}: ${words}`);
    expect(line).not.toContain('\n');
  });
});
