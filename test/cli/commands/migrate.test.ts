/**
 * `lede migrate`: applies every migration once on either engine, says so in one line, `--check`
 * only reports; and the bot's entry points refuse a PostgreSQL schema that is behind, naming
 * DATABASE_URL and the command to run.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import command from '../../../src/cli/commands/migrate';
import { MIGRATIONS, openClient } from '../../../src/store/open';
import { runWithIo } from '../../support/cli-io';
import { BACKENDS, freshTarget } from '../../store/contract/backends';

const STEPS = MIGRATIONS.reduce((n, [, steps]) => n + steps.length, 0);
const ROOT = join(import.meta.dirname, '..', '..', '..');

describe.each(BACKENDS)('lede migrate on %s', (backend) => {
  it('GIVEN a new database THEN --check lists every step (exit 1), migrate applies them, a second run and --check find it current', async () => {
    const target = await freshTarget(backend);
    const env = target.kind === 'sqlite' ? { DATABASE_PATH: target.path } : { DATABASE_URL: target.url };
    const where = target.kind === 'sqlite' ? `SQLite file ${target.path}` : `PostgreSQL ${target.url}`;
    const check = await runWithIo((io) => command.run(['--check'], io), { env });
    expect(check.code).toBe(1);
    const due = `${STEPS} step(s) due: ${MIGRATIONS.flatMap(([ns, steps]) => steps.map((s) => `${ns} v${s.version}`)).join(', ')}.\n`;
    if (target.kind === 'sqlite') {
      // Looking changes nothing: the file is not created by --check.
      expect(check.out).toBe(`${where} does not exist yet (npm start or lede migrate creates it): ${due}`);
      expect(existsSync(target.path)).toBe(false);
    } else expect(check.out).toBe(`${where}: ${due}`);
    expect(await runWithIo((io) => command.run([], io), { env })).toEqual({ code: 0, out: `${where}: applied ${STEPS} migration step(s); the schema is current.\n`, err: '' });
    expect(await runWithIo((io) => command.run([], io), { env })).toEqual({ code: 0, out: `${where}: the schema was already current.\n`, err: '' });
    expect(await runWithIo((io) => command.run(['--check'], io), { env })).toEqual({ code: 0, out: `${where}: the schema is current.\n`, err: '' });
  });
});

describe('refusals', () => {
  it('GIVEN an unknown argument THEN usage and exit 2', async () => {
    const r = await runWithIo((io) => command.run(['--force'], io), { env: {} });
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('lede migrate: unknown argument --force');
  });

  it('GIVEN npm start on a PostgreSQL database never migrated THEN one line naming DATABASE_URL and `lede migrate`, exit 1, nothing created', async () => {
    const target = await freshTarget('postgres');
    if (target.kind !== 'postgres') throw new Error('unreachable');
    const r = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn(process.execPath, ['bin/start.js'], { cwd: ROOT, env: { ...process.env, DISCORD_TOKEN: '', DATABASE_URL: target.url, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('close', (code) => resolve({ code, err }));
    });
    expect(r).toEqual({
      code: 1,
      err: `DATABASE_URL=${target.url}: the database schema is behind this version of Lede (${STEPS} migration steps to apply). Run \`npx lede migrate\` once, then start Lede again.\n`,
    });
    const sql = await openClient(target);
    expect(await sql.all("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).toEqual([]);
    await sql.close();
  }, 30_000);
});
