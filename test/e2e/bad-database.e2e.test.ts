/**
 * A DATABASE_PATH that cannot serve as the database, as an operator meets it: `npm start` (console
 * and bot) and `lede console` each print ONE line naming the variable, the file and the problem,
 * exit 1, and leave the file byte for byte as it was (nothing created beside it either).
 *
 * Permission cases need a user the kernel holds to permissions: when the tests run as root (who
 * may write any file), those children run as `nobody` instead.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStores } from '../../src/store';
import { MIGRATIONS } from '../../src/store/open';

/** The newest version of the articles tables this code knows (a step added to them moves it). */
const ARTICLE_STEPS = Math.max(...(MIGRATIONS.find(([ns]) => ns === 'articles')?.[1] ?? []).map((s) => s.version));

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'lede-baddb-'));
// Readable and traversable by `nobody`, for the permission cases.
chmodSync(dir, 0o755);
afterAll(() => {
  chmodTree(dir);
  rmSync(dir, { recursive: true, force: true });
});

const AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: string[], env: Record<string, string>, options: { asNobody?: boolean; cmd?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(options.cmd ?? process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.asNobody && AS_ROOT && { uid: NOBODY, gid: NOBODY }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end('/article list\n');
  });
}

/** The console entry points: `npm start` without a token, and `lede console`. */
const consoleRuns = (path: string, asNobody = false) =>
  Promise.all([
    run(['bin/start.js'], { DISCORD_TOKEN: '', DATABASE_PATH: path }, { asNobody }),
    run(['bin/lede.js', 'console'], { DISCORD_TOKEN: '', DATABASE_PATH: path }, { asNobody }),
  ]);

/** A real Lede database with a few pages of data, closed (WAL checkpointed into the file). */
async function goodDatabase(name: string): Promise<string> {
  const path = join(dir, name);
  await (await openStores({ kind: 'sqlite', path })).close();
  const db = new Database(path);
  db.exec("CREATE TABLE padding (x BLOB); INSERT INTO padding SELECT randomblob(3000) FROM (SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6 UNION SELECT 7 UNION SELECT 8)");
  db.close();
  return path;
}

/** A folder holding one file with `bytes`. */
function fileIn(folder: string, name: string, bytes: Buffer | string): string {
  const d = join(dir, folder);
  mkdirSync(d, { mode: 0o777 });
  chmodSync(d, 0o777);
  const path = join(d, name);
  writeFileSync(path, bytes);
  return path;
}

function chmodTree(path: string): void {
  try {
    chmodSync(path, 0o700);
    for (const e of readdirSync(path, { withFileTypes: true })) if (e.isDirectory()) chmodTree(join(path, e.name));
  } catch {
    // Not a folder, or already gone.
  }
}

function expectRefused(runs: readonly Run[], line: string): void {
  for (const r of runs) {
    expect(r.stderr).toBe(`${line}\n`);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('Lede console:');
  }
}

const MOVE_ASIDE = 'Move it aside or point DATABASE_PATH elsewhere.';

describe('GIVEN a DATABASE_PATH that is not a usable database THEN one line, exit 1, the file untouched', () => {
  it('GIVEN random bytes THEN "not an SQLite database"', async () => {
    const path = fileIn('random', 'lede.db', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256)));
    const before = readFileSync(path);
    expectRefused(await consoleRuns(path), `DATABASE_PATH=${path}: the file is not an SQLite database (corrupt or another kind of file). ${MOVE_ASIDE}`);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(join(dir, 'random'))).toEqual(['lede.db']);
  }, 60_000);

  it('GIVEN a text file THEN "not an SQLite database", also for npm start with a token (the bot) and npm start itself', async () => {
    const path = fileIn('text', 'notes.txt', 'These are my notes, not a database.\n');
    const line = `DATABASE_PATH=${path}: the file is not an SQLite database (corrupt or another kind of file). ${MOVE_ASIDE}`;
    const bot = { DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAx.fake.token-for-tests-only-000000000', DISCORD_API_URL: 'http://127.0.0.1:9/api', DATABASE_PATH: path };
    const runs = await Promise.all([run(['bin/start.js'], bot), run(['start', '--silent'], { DISCORD_TOKEN: '', DATABASE_PATH: path }, { cmd: 'npm' })]);
    expectRefused(runs, line);
    expectRefused(await consoleRuns(path), line);
    expect(readFileSync(path, 'utf8')).toBe('These are my notes, not a database.\n');
    expect(readdirSync(join(dir, 'text'))).toEqual(['notes.txt']);
  }, 60_000);

  it('GIVEN a Lede database cut to a third of its length THEN "damaged (truncated or corrupt)"', async () => {
    const good = readFileSync(await goodDatabase('whole.db'));
    const path = fileIn('truncated', 'lede.db', good.subarray(0, Math.floor(good.length / 3)));
    const before = readFileSync(path);
    expectRefused(
      await consoleRuns(path),
      `DATABASE_PATH=${path}: the database is damaged (truncated or corrupt). Restore it from a backup, or move it aside and point DATABASE_PATH elsewhere.`,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(join(dir, 'truncated'))).toEqual(['lede.db']);
  }, 60_000);

  it('GIVEN a folder THEN "a folder, not a database file"', async () => {
    const path = join(dir, 'a-folder.db');
    mkdirSync(path);
    expectRefused(await consoleRuns(path), `DATABASE_PATH=${path}: this is a folder, not a database file. Point DATABASE_PATH at a file in it, such as ${path}/lede.db.`);
    expect(readdirSync(path)).toEqual([]);
  }, 60_000);

  it('GIVEN a path under a file THEN the file in the way is named', async () => {
    const file = fileIn('under-file', 'plain.txt', 'x');
    const path = join(file, 'sub', 'lede.db');
    expectRefused(await consoleRuns(path), `DATABASE_PATH=${path}: ${file} is a file, not a folder, so no database can be made under it. Point DATABASE_PATH elsewhere.`);
    expect(readFileSync(file, 'utf8')).toBe('x');
  }, 60_000);

  it.runIf(existsSync('/proc/self'))('GIVEN a folder that cannot be created (/proc refuses new folders) THEN that folder is named, without hanging', async () => {
    const folder = `/proc/lede-test-${process.pid}`;
    const path = `${folder}/lede.db`;
    expectRefused(
      await consoleRuns(path),
      `DATABASE_PATH=${path}: the folder ${folder} does not exist and cannot be created (its parent does not accept new folders). Create it or point DATABASE_PATH elsewhere.`,
    );
  }, 60_000);

  it('GIVEN a database written by a newer Lede (a namespace past the versions this code knows) THEN "newer version", untouched', async () => {
    const path = await goodDatabase('newer.db');
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations VALUES ('articles', 99, 'from the future', '2030-01-01T00:00:00.000Z')").run();
    db.close();
    const before = readFileSync(path);
    expectRefused(
      await consoleRuns(path),
      `DATABASE_PATH=${path}: the database was written by a newer version of Lede (its "articles" tables are at version 99; this version knows up to ${ARTICLE_STEPS}). Run the newer Lede, or point DATABASE_PATH elsewhere.`,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  }, 60_000);

  it('GIVEN another process holding the write lock past the busy timeout THEN "locked", untouched', async () => {
    const path = await goodDatabase('locked.db');
    const before = readFileSync(path);
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    try {
      expectRefused(
        await consoleRuns(path),
        `DATABASE_PATH=${path}: another process kept the database locked for over 5 seconds (a second Lede, or a tool with it open). Stop that process or point DATABASE_PATH elsewhere.`,
      );
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  }, 60_000);
});

describe(`GIVEN a DATABASE_PATH the user may not write or read${AS_ROOT ? ' (children run as nobody: root writes anything)' : ''}`, () => {
  it('GIVEN a read-only file THEN "read-only", also for the bot, untouched', async () => {
    const path = await goodDatabase('read-only.db');
    chmodSync(path, 0o444);
    const before = readFileSync(path);
    const line = `DATABASE_PATH=${path}: the file is read-only (permission denied); Lede needs to write to it. Make it writable or point DATABASE_PATH elsewhere.`;
    const bot = { DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAx.fake.token-for-tests-only-000000000', DISCORD_API_URL: 'http://127.0.0.1:9/api', DATABASE_PATH: path };
    expectRefused([...(await consoleRuns(path, true)), await run(['bin/start.js'], bot, { asNobody: true })], line);
    expect(readFileSync(path).equals(before)).toBe(true);
  }, 60_000);

  it('GIVEN a read-only folder and no file yet THEN "the folder is read-only", nothing created', async () => {
    const folder = join(dir, 'read-only-folder');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    const path = join(folder, 'lede.db');
    expectRefused(
      await consoleRuns(path, true),
      `DATABASE_PATH=${path}: the folder ${folder} is read-only (permission denied); Lede creates the database and its -wal and -shm files there. Make it writable or point DATABASE_PATH elsewhere.`,
    );
    expect(readdirSync(folder)).toEqual([]);
  }, 60_000);

  it('GIVEN a file that cannot be read THEN "cannot be read", untouched', async () => {
    const path = await goodDatabase('unreadable.db');
    const before = readFileSync(path);
    chmodSync(path, 0o200);
    expectRefused(await consoleRuns(path, true), `DATABASE_PATH=${path}: the file cannot be read (permission denied). Make it readable or point DATABASE_PATH elsewhere.`);
    chmodSync(path, 0o600);
    expect(readFileSync(path).equals(before)).toBe(true);
  }, 60_000);
});
