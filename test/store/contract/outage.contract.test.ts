/**
 * A database that cannot serve for a while is a StoreUnavailableError (the bot answers "try again
 * shortly"), and the same client works again once it is back, with no restart: on SQLite a lock held
 * past the busy timeout, on PostgreSQL a database that stops accepting connections (its sessions cut).
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { articleIdOf } from '../../../src/article/model';
import { StoreUnavailableError } from '../../../src/store/unavailable';
import { openClient } from '../../../src/store/open';
import { sqliteClient } from '../../../src/store/sql/sqlite';
import { freshStores, freshTarget } from './backends';

const entry = (text: string) => ({ article: { id: articleIdOf(text), title: 'T', source: 'text', text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [] }, slug: 't' });

describe('store outages', () => {
  it('GIVEN SQLite held locked by another process past the busy timeout THEN StoreUnavailableError, then it works again', async () => {
    const target = await freshTarget('sqlite');
    if (target.kind !== 'sqlite') throw new Error('unreachable');
    await (await openClient(target)).close();
    const conn = new Database(target.path);
    conn.pragma('busy_timeout = 50');
    const sql = sqliteClient(conn);
    await sql.exec('CREATE TABLE t (x INTEGER)');
    const holder = new Database(target.path);
    holder.exec('BEGIN EXCLUSIVE');
    const err = await sql.run('INSERT INTO t VALUES (1)').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as StoreUnavailableError).reason).toBe('SQLITE_BUSY');
    holder.exec('ROLLBACK');
    holder.close();
    expect((await sql.run('INSERT INTO t VALUES (1)')).changes).toBe(1);
    await sql.close();
  });

  it('GIVEN PostgreSQL refusing connections to the database, its sessions cut THEN StoreUnavailableError, then it works again', async () => {
    const { stores, target } = await freshStores('postgres');
    if (target.kind !== 'postgres') throw new Error('unreachable');
    const name = new URL(target.url).pathname.slice(1);
    const admin = new pg.Client(inject('pgAdminUrl'));
    admin.on('error', () => undefined);
    await admin.connect();
    try {
      await stores.articles.insert('g', entry('Before the outage.'));
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      const err = await stores.articles.insert('g', entry('During the outage.')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreUnavailableError);
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await stores.articles.insert('g', entry('After the outage.'));
      expect(await stores.articles.countOwn('g')).toBe(2);
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin.end();
    }
  });
});
