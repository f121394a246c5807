/**
 * The console has one operator, who may pipe a whole script of commands: none of them is refused
 * by the per-user rate limits that protect a Discord server from one member's script.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startConsole } from '../support/console-process';

const dir = mkdtempSync(join(tmpdir(), 'lede-console-op-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('GIVEN fourteen piped /article list lines THEN all fourteen are answered, none refused as too fast', async () => {
  const { child, stdout, exited } = startConsole({ DATABASE_PATH: join(dir, 'lede.db'), LOG_LEVEL: 'info' });
  child.stdin.end('/article list\n'.repeat(14));
  const code = await exited;
  expect(code).toBe(0);
  expect(stdout()).not.toContain('faster than I can read');
  expect(stdout().split("1. Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S").length - 1).toBe(14);
}, 60_000);
