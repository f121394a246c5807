/**
 * Vitest global setup: one PostgreSQL server for the whole run, or the one TEST_DATABASE_URL names
 * (a superuser URL of a server the tests may create and drop databases on). Test files reach it
 * through `freshPgDatabase()` (test/support/pg-db.ts), which gets the URL from `inject`.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startPgServer } from './support/pg-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test server's `postgres` database. */
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    await checkReachable(given);
    project.provide('pgAdminUrl', given);
    return undefined;
  }
  const server = await startPgServer();
  project.provide('pgAdminUrl', server.adminUrl);
  return () => server.stop();
}

/** Fail the run at once, naming the variable, rather than in every test that needs the server. */
async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    throw new Error(`TEST_DATABASE_URL: cannot use ${redacted(url)}: ${(err as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a URL)';
  }
}
