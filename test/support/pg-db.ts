/**
 * Fresh PostgreSQL databases for tests, on the server the global setup started (or the one
 * TEST_DATABASE_URL names). Each is empty: the store's own migrations run in it. Its URL is a plain
 * postgres://... string, so a child process (the bot started by an e2e test) reaches the same
 * database through DATABASE_URL.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface FreshPgDatabase {
  /** postgres://... of the new database, usable from this process or any child. */
  readonly url: string;
  /** Drop the database, ending any session still connected to it. Safe to call twice. */
  drop(): Promise<void>;
}

/** Create an empty database with a name no other test (or test run on a shared server) uses. */
export async function freshPgDatabase(): Promise<FreshPgDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `lede_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await asAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => asAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function asAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client(adminUrl);
  client.on('error', () => {}); // a connection lost while idle: the query below reports it
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
