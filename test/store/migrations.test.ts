import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Migration } from '../../src/store/database';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lede-migrate-'));
  dirs.push(dir);
  return join(dir, 'lede.db');
}

describe('migrate', () => {
  it('GIVEN new and already applied steps THEN only the new ones run, in version order', () => {
    const path = tempDb();
    const ran: number[] = [];
    const step = (version: number): Migration => ({
      version,
      description: `step ${version}`,
      up: (db) => {
        ran.push(version);
        db.exec(`CREATE TABLE t${version} (id INTEGER)`);
      },
    });
    const db = openDatabase(path);
    expect(migrate(db, 'ns', [step(2), step(1)])).toBe(2);
    expect(migrate(db, 'ns', [step(1), step(2), step(3)])).toBe(1);
    expect(migrate(db, 'other', [step(4)])).toBe(1);
    expect(ran).toEqual([1, 2, 3, 4]);
    db.close();
  });

  it('GIVEN a step that throws THEN nothing of it is kept and the earlier steps stay', () => {
    const db = openDatabase(tempDb());
    const bad: Migration = { version: 2, description: 'half done', up: (d) => { d.exec('CREATE TABLE half (id INTEGER)'); throw new Error('boom'); } };
    expect(() => migrate(db, 'ns', [{ version: 1, description: 'ok', up: (d) => d.exec('CREATE TABLE ok (id INTEGER)') }, bad])).toThrow('boom');
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
    expect(tables).toEqual(['ok', 'schema_migrations']);
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
    db.close();
  });

  it('GIVEN six processes opening one new database at once THEN each step runs exactly once and none fails', async () => {
    const path = tempDb();
    const worker = new URL('./support/migrate-worker.ts', import.meta.url).pathname;
    const codes = await Promise.all(
      Array.from({ length: 6 }, () =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', worker, path], { stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
          child.on('close', (code) => resolve({ code, stderr }));
        }),
      ),
    );
    expect(codes.map((c) => c.code)).toEqual([0, 0, 0, 0, 0, 0]);
    const db = openDatabase(path);
    expect(db.prepare("SELECT version FROM schema_migrations WHERE namespace = 'race' ORDER BY version").all()).toEqual([
      { version: 1 },
      { version: 2 },
    ]);
    db.close();
  }, 30_000);
});
