/**
 * Migrations on both engines: only new steps run, in order; a failing step leaves nothing of
 * itself; processes racing on a new database run each step exactly once; a schema a newer Lede
 * wrote is refused; an SQL mistake in a step is a bug that passes through, not a bad database.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../src/store/open-errors';
import { openClient } from '../../src/store/open';
import { migrateSql, type SqlMigration } from '../../src/store/sql/migrate';
import { BACKENDS, freshTarget } from './contract/backends';

const step = (version: number, ns = 'ns'): SqlMigration => ({ version, description: `step ${version}`, up: `CREATE TABLE ${ns}${version} (id INTEGER)` });

describe.each(BACKENDS)('migrations on %s', (backend) => {
  it('GIVEN new and already applied steps THEN only the new ones run, in version order', async () => {
    const sql = await openClient(await freshTarget(backend));
    try {
      expect(await migrateSql(sql, 'ns', [step(2), step(1)], 'db')).toBe(2);
      expect(await migrateSql(sql, 'ns', [step(1), step(2), step(3)], 'db')).toBe(1);
      expect(await migrateSql(sql, 'other', [step(4, 'other')], 'db')).toBe(1);
      expect(await sql.all('SELECT namespace, version FROM schema_migrations ORDER BY namespace, version')).toEqual([
        { namespace: 'ns', version: 1 },
        { namespace: 'ns', version: 2 },
        { namespace: 'ns', version: 3 },
        { namespace: 'other', version: 4 },
      ]);
    } finally {
      await sql.close();
    }
  });

  it('GIVEN a step that fails THEN nothing of it is kept and the earlier steps stay', async () => {
    const sql = await openClient(await freshTarget(backend));
    try {
      const bad: SqlMigration = { version: 2, description: 'half done', up: 'CREATE TABLE half (id INTEGER); CREATE TABLE half (id INTEGER)' };
      await expect(migrateSql(sql, 'ns', [{ version: 1, description: 'ok', up: 'CREATE TABLE ok (id INTEGER)' }, bad], 'db')).rejects.toThrow(/half/);
      expect(await sql.all('SELECT version FROM schema_migrations')).toEqual([{ version: 1 }]);
      await expect(sql.get('SELECT count(*) AS n FROM half')).rejects.toThrow(/half/);
      expect(await sql.get('SELECT count(*) AS n FROM ok')).toBeDefined();
    } finally {
      await sql.close();
    }
  });

  it('GIVEN a namespace a newer Lede migrated further THEN DATABASE_NEWER_SCHEMA with both versions, and nothing applied', async () => {
    const sql = await openClient(await freshTarget(backend));
    try {
      await migrateSql(sql, 'ns', [step(1), step(2), step(3)], 'db');
      expect(await migrateSql(sql, 'other', [step(1, 'other')], 'db')).toBe(1);
      const err = await migrateSql(sql, 'ns', [step(1), step(2)], 'the-db').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DatabaseOpenError);
      const e = err as DatabaseOpenError;
      expect([e.code, e.path, e.details.namespace, e.details.foundVersion, e.details.knownVersion]).toEqual(['DATABASE_NEWER_SCHEMA', 'the-db', 'ns', 3, 2]);
    } finally {
      await sql.close();
    }
  });

  it('GIVEN a migration with an SQL mistake THEN the driver error passes through (a bug, not a bad database)', async () => {
    const sql = await openClient(await freshTarget(backend));
    try {
      const err = await migrateSql(sql, 'ns', [{ version: 1, description: 'typo', up: 'CREAT TABLE x (id INTEGER)' }], 'db').catch((e: unknown) => e);
      expect(err).not.toBeInstanceOf(DatabaseOpenError);
      expect(String(err)).toMatch(/syntax error/);
    } finally {
      await sql.close();
    }
  });

  it('GIVEN six processes migrating one new database at once THEN each step runs exactly once and none fails', async () => {
    const target = await freshTarget(backend);
    const where = target.kind === 'sqlite' ? target.path : target.url;
    const worker = new URL('./support/migrate-worker.ts', import.meta.url).pathname;
    const runs = await Promise.all(
      Array.from({ length: 6 }, () =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', worker, backend, where], { stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
          child.on('close', (code) => resolve({ code, stderr }));
        }),
      ),
    );
    expect(runs.map((r) => r.code), runs.map((r) => r.stderr).join('\n')).toEqual([0, 0, 0, 0, 0, 0]);
    const sql = await openClient(target);
    try {
      expect(await sql.all("SELECT version FROM schema_migrations WHERE namespace = 'race' ORDER BY version")).toEqual([{ version: 1 }, { version: 2 }]);
    } finally {
      await sql.close();
    }
  }, 60_000);
});
