/**
 * The PostgreSQL server the suite starts for itself (test/global-setup.ts) is real and usable the
 * way the store and the e2e tests will use it: fresh databases that are isolated from each other,
 * reachable from a child process, dropped on request, with pg_trgm and full text search; and a
 * server whose owner is killed with SIGKILL leaves no process and no files behind.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPgDatabase, type FreshPgDatabase } from '../support/pg-db';

/** The checkout: where a child resolves `pg`, `tsx` and the support files from. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const dbs: FreshPgDatabase[] = [];
const pools: pg.Pool[] = [];

async function fresh(): Promise<{ db: FreshPgDatabase; pool: pg.Pool }> {
  const db = await freshPgDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  pool.on('error', () => {}); // an idle connection ended by drop()'s FORCE: nothing to do
  dbs.push(db);
  pools.push(pool);
  return { db, pool };
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await Promise.all(dbs.map((d) => d.drop()));
});

describe('a fresh database', () => {
  let pool: pg.Pool;
  beforeAll(async () => {
    ({ pool } = await fresh());
  });

  it('GIVEN a table WHEN rows are inserted THEN they are read back, with count(*) as a string', async () => {
    await pool.query('CREATE TABLE articles (id bigserial PRIMARY KEY, title text NOT NULL)');
    const inserted = await pool.query<{ id: string }>(
      'INSERT INTO articles (title) VALUES ($1), ($2) RETURNING id',
      ['Budget vote delayed', 'Mayor answers critics'],
    );
    expect(inserted.rows).toEqual([{ id: '1' }, { id: '2' }]);
    const rows = await pool.query('SELECT id, title FROM articles ORDER BY id');
    expect(rows.rows).toEqual([
      { id: '1', title: 'Budget vote delayed' },
      { id: '2', title: 'Mayor answers critics' },
    ]);
    const count = await pool.query('SELECT count(*) AS n FROM articles');
    expect(count.rows).toEqual([{ n: '2' }]);
  });

  it('GIVEN pg_trgm THEN a trigram index answers a substring search and similarity is computed', async () => {
    await pool.query('CREATE EXTENSION pg_trgm');
    await pool.query('CREATE TABLE speakers (name text NOT NULL)');
    await pool.query('CREATE INDEX speakers_trgm ON speakers USING gin (name gin_trgm_ops)');
    await pool.query(`INSERT INTO speakers VALUES ('Angela Merkel'), ('Olaf Scholz'), ('Emmanuel Macron')`);
    const found = await pool.query(`SELECT name FROM speakers WHERE name ILIKE '%merk%'`);
    expect(found.rows).toEqual([{ name: 'Angela Merkel' }]);
    const sim = await pool.query(`SELECT similarity('abc', 'abd')::text AS s`);
    expect(sim.rows).toEqual([{ s: '0.33333334' }]);
  });

  it('GIVEN English text THEN to_tsvector stems it and a web search query matches', async () => {
    const v = await pool.query(`SELECT to_tsvector('english', 'The senators were voting on budgets')::text AS v`);
    expect(v.rows).toEqual([{ v: "'budget':6 'senat':2 'vote':4" }]);
    const hit = await pool.query(
      `SELECT to_tsvector('english', 'The senators were voting on budgets') @@ websearch_to_tsquery('english', 'senator vote') AS hit`,
    );
    expect(hit.rows).toEqual([{ hit: true }]);
  });

  it('GIVEN accented words THEN they stay whole words (the cluster is UTF-8 with a UTF-8 ctype)', async () => {
    const v = await pool.query(`SELECT to_tsvector('simple', 'Café naïve Zürich') ::text AS v`);
    expect(v.rows).toEqual([{ v: "'café':1 'naïve':2 'zürich':3" }]);
  });
});

describe('several fresh databases', () => {
  it('GIVEN two fresh databases THEN a table made in one does not exist in the other', async () => {
    const a = await fresh();
    const b = await fresh();
    expect(a.db.url).not.toBe(b.db.url);
    await a.pool.query('CREATE TABLE only_in_a (x int)');
    const inA = await a.pool.query(`SELECT to_regclass('only_in_a')::text AS t`);
    const inB = await b.pool.query(`SELECT to_regclass('only_in_a')::text AS t`);
    expect(inA.rows).toEqual([{ t: 'only_in_a' }]);
    expect(inB.rows).toEqual([{ t: null }]);
  });

  it('GIVEN a database with an open connection WHEN it is dropped THEN it is gone and connecting fails with 3D000', async () => {
    const db = await freshPgDatabase();
    const held = new pg.Client(db.url);
    held.on('error', () => {}); // the FORCE in drop() ends this session
    await held.connect();
    await db.drop();
    const name = new URL(db.url).pathname.slice(1);
    const admin = new pg.Client(new URL('/postgres', db.url).toString());
    await admin.connect();
    const left = await admin.query('SELECT count(*) AS n FROM pg_database WHERE datname = $1', [name]);
    await admin.end();
    expect(left.rows).toEqual([{ n: '0' }]);
    const again = new pg.Client(db.url);
    await expect(again.connect()).rejects.toMatchObject({ code: '3D000', message: `database "${name}" does not exist` });
    await held.end().catch(() => {});
    await db.drop(); // twice is fine
  });

  it('GIVEN a fresh database URL in DATABASE_URL THEN a child process connects and writes to it', async () => {
    const { db, pool } = await fresh();
    await pool.query('CREATE TABLE visits (who text)');
    const script = `
      import pg from 'pg';
      const c = new pg.Client(process.env.DATABASE_URL);
      await c.connect();
      await c.query("INSERT INTO visits VALUES ('child ' || $1)", [process.pid]);
      await c.end();
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const rows = await pool.query('SELECT who FROM visits');
    expect(rows.rows).toEqual([{ who: `child ${child.pid}` }]);
  });
});

describe('startPgServer', () => {
  it('GIVEN a process that started a server WHEN it is killed with SIGKILL THEN the server stops and its files are removed', async () => {
    const script = `
      import { startPgServer } from './test/support/pg-server.ts';
      const s = await startPgServer();
      console.log(JSON.stringify({ adminUrl: s.adminUrl, dataDir: s.dataDir }));
      setInterval(() => {}, 60_000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const started = await new Promise<{ adminUrl: string; dataDir: string }>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (s: string) => {
        out += s;
        if (out.includes('\n')) resolve(JSON.parse(out) as { adminUrl: string; dataDir: string });
      });
      child.on('exit', (code) => reject(new Error(`server process exited with ${code}`)));
    });
    const probe = new pg.Client(started.adminUrl);
    await probe.connect();
    const up = await probe.query('SELECT 1 AS one');
    await probe.end();
    expect(up.rows).toEqual([{ one: 1 }]);
    expect(existsSync(started.dataDir)).toBe(true);

    child.kill('SIGKILL');
    await expect.poll(() => existsSync(started.dataDir), { timeout: 15_000, interval: 100 }).toBe(false);
    const after = new pg.Client(started.adminUrl);
    await expect(after.connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
