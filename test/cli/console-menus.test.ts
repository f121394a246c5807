/**
 * The console and the message menus: it has no message to right-click, so the menus are neither
 * parsed nor listed as commands; the banner and `/help` name them as Discord-only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/console';
import { loadConfig } from '../../src/config';

const dir = mkdtempSync(join(tmpdir(), 'lede-console-menus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('GIVEN /help and a menu typed as a command THEN the menus are listed once as Discord-only and "/Summarize" is an unknown command', async () => {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d));
  const io = { stdin: Readable.from(['/help\n', '/Summarize\n']), stdout, stderr: new PassThrough(), env: {} };
  const code = await runConsole(io, loadConfig({ DATABASE_PATH: join(dir, 'lede.db'), LOG_LEVEL: 'silent' }));
  expect(code).toBe(0);
  const line = 'On Discord only (right-click a message > Apps): Key quotes, Save article, Summarize.';
  const [banner = '', help = ''] = out.split('/help  lists the commands');
  expect(banner).toContain(`  ${line}\n`);
  expect(help).toContain('\n/autosummary list    The channels where posted links are answered\n');
  // The last slash command's usage, then the menus' line, then the answer to the next line typed.
  expect(help).toMatch(/\n\/whosaid [^\n]*\nOn Discord only \(right-click a message > Apps\): Key quotes, Save article, Summarize\.\nUnknown command \/Summarize\. Available: \/article, \/ask, \/autosummary, /);
  expect(out).not.toMatch(/\/Key quotes|\/Save article|\/Summarize [^.]/);
});
