/**
 * A crash mid-write loses nothing committed, on either engine: a child process adds articles as
 * fast as it can and is killed with SIGKILL; every article it reported as committed is there
 * afterwards (and the SQLite file passes its integrity check).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openClient } from '../../src/store/open';
import { BACKENDS, freshTarget, storesOn } from './contract/backends';

const ROOT = join(import.meta.dirname, '..', '..');

describe.each(BACKENDS)('on %s', (backend) => {
  it('GIVEN a writer killed with SIGKILL THEN every committed article survives', async () => {
    const target = await freshTarget(backend);
    const script = join(ROOT, 'test', 'store', 'support', 'crash-writer.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(target)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d;
        if (out.split('\n').length > 300) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('close', () => resolve());
    });
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.on('close', resolve)));
    expect(child.signalCode).toBe('SIGKILL');
    const committed = out.split('\n').filter(Boolean).map(Number);
    const last = committed[committed.length - 1]!;
    expect(last).toBeGreaterThanOrEqual(299);
    if (target.kind === 'sqlite') {
      const sql = await openClient(target);
      expect(await sql.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
      await sql.close();
    }
    const stores = await storesOn(target);
    expect(await stores.articles.countOwn('g')).toBeGreaterThanOrEqual(last + 1);
  }, 60_000);
});
