/**
 * The two adapters the contract suite runs on: a fresh SQLite file in a temp folder, and a fresh
 * database on the real PostgreSQL server the test run started (test/global-setup.ts). Each test
 * opens its own, so tests never see each other's rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStores, type StoreTarget } from '../../../src/store/open';
import type { Stores } from '../../../src/store/ports';
import { freshPgDatabase } from '../../support/pg-db';

export const BACKENDS = ['sqlite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A new, empty database of `backend`; removed after the test. */
export async function freshTarget(backend: Backend): Promise<StoreTarget> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'lede-contract-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return { kind: 'sqlite', path: join(dir, 'lede.db') };
  }
  const db = await freshPgDatabase();
  cleanups.push(() => db.drop());
  return { kind: 'postgres', url: db.url };
}

/** Stores on `target`, closed after the test (before the database is removed). */
export async function storesOn(target: StoreTarget): Promise<Stores> {
  const stores = await openStores(target);
  cleanups.push(() => stores.close());
  return stores;
}

export async function freshStores(backend: Backend): Promise<{ stores: Stores; target: StoreTarget }> {
  const target = await freshTarget(backend);
  return { stores: await storesOn(target), target };
}
