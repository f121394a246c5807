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

/**
 * Vitest runs a global setup once for the root config and once more for each project that extends
 * it, all in its main process: they share one server, stopped when the last of them tears down.
 */
const shared = globalThis as { ledePgServer?: { server: Promise<{ adminUrl: string; stop(): Promise<void> }>; users: number } };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.ledePgServer ??= { server: serverForRun(), users: 0 };
  const entry = shared.ledePgServer;
  entry.users++;
  project.provide('pgAdminUrl', (await entry.server).adminUrl);
  return async () => {
    if (--entry.users > 0) return;
    shared.ledePgServer = undefined;
    await (await entry.server).stop();
  };
}

async function serverForRun(): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  const given = process.env.TEST_DATABASE_URL;
  if (!given) return startPgServer();
  await checkReachable(given);
  return { adminUrl: given, stop: async () => {} };
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
