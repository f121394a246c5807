/**
 * The shipped entry points as an operator runs them: `npm start` without a token is the console
 * (reading stdin when it is not a terminal); with a token it is the bot, which stops cleanly on
 * SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../support/fake-discord';
import { testEnv } from '../support/bot-harness';
import { commandDefinitions, loadCommands } from '../../src/core/loader';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'lede-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(cmd: string, args: string[], input: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

const consoleEnv = (name: string) => ({ DISCORD_TOKEN: '', DATABASE_PATH: join(dir, `${name}.db`), LOG_LEVEL: 'info' });

describe('npm start without a token: the console', () => {
  it('GIVEN `echo "/article list" | npm start` THEN the bundled article is listed and it exits 0 at end of input', async () => {
    const r = await run('npm', ['start', '--silent'], '/article list\n', consoleEnv('list'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Lede console:');
    expect(r.stdout).toContain("1. Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S");
  }, 40_000);

  it('GIVEN empty input THEN it prints the banner (saying how to connect to Discord) and exits 0', async () => {
    const r = await run('node', ['bin/start.js'], '', consoleEnv('empty'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Lede console: 1 article available.');
    expect(r.stdout).toContain('To run Lede on Discord instead: set DISCORD_TOKEN and DISCORD_CLIENT_ID in .env');
  }, 40_000);

  it('GIVEN commands typed as in Discord THEN show, add, press a button and errors all answer in text', async () => {
    const input = [
      '/article show article:venezuela',
      '/article add text:"Mayor Ana Ruiz said the bridge opens in May. The council agreed." title:Bridge news',
      '/article show Bridge news',
      '1',
      '/article show article:no-such-thing',
      '/article frobnicate',
    ].join('\n');
    const r = await run('node', ['bin/start.js'], input, consoleEnv('session'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("== Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S ==");
    expect(r.stdout).toContain('Buttons: [1] Discuss');
    expect(r.stdout).toContain('== Bridge news ==');
    expect(r.stdout).toContain('Discussion threads exist only on Discord.');
    expect(r.stdout).toContain('(only you) No article in this server matches “no-such-thing”.');
    expect(r.stdout).toContain('Usage:\n  /article add');
  }, 40_000);
});

describe('npm start with a token: the bot', () => {
  it('GIVEN a token and a fake Discord THEN it registers, answers, and exits 0 on SIGTERM', async () => {
    const fake = await new FakeDiscord().start();
    const env: Record<string, string> = { ...testEnv(fake, dir), DATABASE_PATH: join(dir, 'bot.db'), LOG_LEVEL: 'info' };
    const child = spawn('node', ['bin/start.js'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let logs = '';
    child.stdout.on('data', (d: Buffer) => (logs += d));
    child.stderr.on('data', (d: Buffer) => (logs += d));
    try {
      await fake.waitFor(() => fake.calls.find((c) => c.method === 'PUT'), 20_000, 'command registration');
      for (let k = 0; k < 100 && !logs.includes('"msg":"ready"'); k++) await new Promise((r) => setTimeout(r, 50));
      expect(logs).toContain('"msg":"ready"');
      const a = await fake.answer(fake.slash({ name: 'article', subcommand: 'list' }));
      expect(a.body.embeds[0].title).toBe('Articles in this server (1)');
      const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(logs).toContain('"msg":"stopped"');
      expect(logs).not.toContain(env.DISCORD_TOKEN!);
    } finally {
      child.kill('SIGKILL');
      await fake.stop();
    }
  }, 40_000);
});

describe('npm run deploy-commands', () => {
  it('GIVEN DISCORD_GUILD_ID THEN the same definitions the bot runs are PUT to the guild route', async () => {
    const fake = await new FakeDiscord().start();
    try {
      const r = await run('npm', ['run', '--silent', 'deploy-commands'], '', testEnv(fake, dir));
      expect(r.code).toBe(0);
      const definitions = commandDefinitions(await loadCommands());
      const slash = definitions.filter((c) => c.type !== 3).map((c) => `/${c.name}`);
      expect(slash).toContain('/article');
      expect(r.stdout).toBe(`Registered ${definitions.length} command(s) (${slash.join(', ')}; message menus: Key quotes, Save article, Summarize) in server ${fake.guild.id}.\n`);
      const put = fake.calls.filter((c) => c.method === 'PUT');
      expect(put.map((c) => c.path)).toEqual([`/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`]);
      const article = put[0]!.body.find((c: { name: string }) => c.name === 'article');
      expect(article.options.map((o: { name: string }) => o.name)).toEqual(['add', 'list', 'show', 'remove']);
    } finally {
      await fake.stop();
    }
  }, 40_000);

  it('GIVEN no token THEN it explains what it needs and exits 2', async () => {
    const r = await run(process.execPath, ['--import', 'tsx', 'src/discord/deploy.ts'], '', { DISCORD_TOKEN: '', DISCORD_CLIENT_ID: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('deploy-commands needs DISCORD_TOKEN and DISCORD_CLIENT_ID');
  }, 40_000);
});
