/**
 * The console has one operator, who may pipe a whole script of commands: none of them is refused
 * by the per-user rate limits that protect a Discord server from one member's script.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'lede-console-op-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('GIVEN fourteen piped /article list lines THEN all fourteen are answered, none refused as too fast', async () => {
  const child = spawn(process.execPath, ['bin/lede.js', 'console'], {
    cwd: ROOT,
    env: { ...process.env, DISCORD_TOKEN: '', DATABASE_PATH: join(dir, 'lede.db'), LOG_LEVEL: 'info' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  const closed = once(child, 'close');
  child.stdin.end('/article list\n'.repeat(14));
  const [code] = (await closed) as [number | null];
  expect(code).toBe(0);
  expect(stdout).not.toContain('faster than I can read');
  expect(stdout.split("1. Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S").length - 1).toBe(14);
}, 60_000);
