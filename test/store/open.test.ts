/**
 * Opening the database: a file that cannot serve is refused with a DatabaseOpenError whose code
 * says why (never a raw SqliteError), before anything is written to it; a bug in a migration is
 * not mistaken for a bad file.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DatabaseOpenError, openDatabase } from '../../src/store/database';

const dir = mkdtempSync(join(tmpdir(), 'lede-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real database of several pages, closed, as bytes. */
function databaseBytes(): Buffer {
  const path = join(dir, 'whole.db');
  const db = openDatabase(path);
  db.exec('CREATE TABLE padding (x BLOB)');
  for (let i = 0; i < 8; i++) db.prepare('INSERT INTO padding VALUES (randomblob(3000))').run();
  db.close();
  return readFileSync(path);
}
const whole = databaseBytes();

function refusal(path: string): DatabaseOpenError {
  try {
    openDatabase(path).close();
  } catch (err) {
    if (err instanceof DatabaseOpenError) return err;
    throw err;
  }
  throw new Error(`${path} was opened`);
}

describe('openDatabase', () => {
  it.each([
    ['random bytes', 'DATABASE_NOT_SQLITE', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256)), 'SQLITE_NOTADB'],
    ['a text file', 'DATABASE_NOT_SQLITE', Buffer.from('hello, not a database\n'), 'SQLITE_NOTADB'],
    ['the first half of a database', 'DATABASE_CORRUPT', whole.subarray(0, whole.length / 2), 'SQLITE_CORRUPT'],
    ['the first 50 bytes of a database', 'DATABASE_CORRUPT', whole.subarray(0, 50), 'SQLITE_CORRUPT'],
  ])('GIVEN %s THEN %s, the bytes unchanged and nothing created beside them', (name, code, bytes, sqliteCode) => {
    const folder = join(dir, name.replace(/\W+/g, '-'));
    mkdirSync(folder);
    const path = join(folder, 'lede.db');
    writeFileSync(path, bytes);
    const err = refusal(path);
    expect([err.code, err.path, err.details.sqliteCode]).toEqual([code, path, sqliteCode]);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(folder)).toEqual(['lede.db']);
  });

  it('GIVEN a folder THEN DATABASE_IS_FOLDER', () => {
    const path = join(dir, 'is-folder');
    mkdirSync(path);
    expect(refusal(path).code).toBe('DATABASE_IS_FOLDER');
  });

  it('GIVEN a path two levels under a file THEN DATABASE_PARENT_NOT_FOLDER naming the file', () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    const err = refusal(join(file, 'a', 'lede.db'));
    expect([err.code, err.details.folder]).toEqual(['DATABASE_PARENT_NOT_FOLDER', file]);
  });

  it.runIf(process.platform === 'linux')('GIVEN a folder /proc will not create THEN DATABASE_FOLDER_UNCREATABLE naming it (Node 20 recursive mkdir loops forever here)', () => {
    const err = refusal(`/proc/lede-open-test-${process.pid}/deeper/lede.db`);
    expect([err.code, err.details.folder, err.details.osCode]).toEqual(['DATABASE_FOLDER_UNCREATABLE', `/proc/lede-open-test-${process.pid}`, 'ENOENT']);
  });

  it('GIVEN missing folders THEN they are created and the database opens', () => {
    const path = join(dir, 'new', 'deeper', 'lede.db');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('GIVEN another connection holding the write lock past the busy timeout THEN DATABASE_LOCKED', () => {
    const path = join(dir, 'locked.db');
    openDatabase(path).close();
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const err = refusal(path);
      expect([err.code, err.details.sqliteCode, err.details.waitedMs]).toEqual(['DATABASE_LOCKED', 'SQLITE_BUSY', 5000]);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 20_000);
});

// A schema a newer Lede wrote, and an SQL mistake in a step: test/store/migrations.test.ts, on both engines.
