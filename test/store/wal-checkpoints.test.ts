/**
 * SQLite's WAL is copied back into the database file by a thread of its own, never inside a
 * commit on the event loop's thread: the connection's automatic checkpoint is off, and once the WAL
 * has grown past SQLite's own threshold (1,000 pages), checkpoints are asked of that thread.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteClient } from '../../src/store/sql/sqlite';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lede-wal-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite checkpoints', () => {
  it('GIVEN 6 MB written in transactions THEN no commit checkpoints, and the checkpoint thread copies the WAL into the file', async () => {
    const path = join(dir, 'wal.db');
    const sql = openSqliteClient(path);
    try {
      expect(sql.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      await sql.exec('CREATE TABLE pieces (n INTEGER PRIMARY KEY, body TEXT NOT NULL)');
      const before = statSync(path).size;
      for (let n = 0; n < 24; n++) await sql.transaction((tx) => tx.run('INSERT INTO pieces (n, body) VALUES (?, ?)', [n, `${n}`.padEnd(256 * 1024, 'x')]));
      await sql.checkpoint();
      expect(statSync(path).size - before).toBeGreaterThan(6 * 1024 * 1024);
      // Everything is in the file: a checkpoint now has nothing left to copy.
      const other = new Database(path);
      try {
        const [row] = other.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
        expect(row!.log).toBe(row!.checkpointed);
        expect(other.prepare('SELECT count(*) AS n, sum(length(body)) AS chars FROM pieces').get()).toEqual({ n: 24, chars: 24 * 256 * 1024 });
      } finally {
        other.close();
      }
    } finally {
      await sql.close();
    }
  });

  it('GIVEN a database in memory THEN there is no WAL and no checkpoint thread', async () => {
    const sql = openSqliteClient(':memory:');
    try {
      await sql.exec('CREATE TABLE t (n INTEGER)');
      await sql.run('INSERT INTO t (n) VALUES (1)');
      await sql.checkpoint();
      expect(await sql.get('SELECT n FROM t')).toEqual({ n: 1 });
    } finally {
      await sql.close();
    }
  });
});
