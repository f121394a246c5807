/**
 * Ingest (issue 11 item 5). Three figures, each beside the same work done in the event loop's own
 * thread (the in-run baseline):
 * - throughput: articles parsed, analysed and stored per second by the library's add, several
 *   servers adding at once, on SQLite and (when a server can be started or BENCH_DATABASE_URL is
 *   given) a real PostgreSQL;
 * - the event loop while a 2,000,000-character article is added through the real bot and the fake
 *   Discord: its longest stall (target: the median run's under 50 ms on each engine; the store
 *   writes the analysis and its quote rows in bounded steps, src/store/sql/analysis-writes.ts),
 *   and the first-response time of other servers' `/article list` sent meanwhile (target: none
 *   delayed over 50 ms);
 * - hostile input at the size limit: every hostile pattern at 2,000,000 characters parsed and
 *   analysed by the pool, each job's time against the pool's limit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config';
import { startBot } from '../src/discord/bot';
import { ArticleError } from '../src/article';
import { createArticleLoader, createLibrary, LIBRARY_LIMITS, loaderOptionsFromConfig } from '../src/library';
import { openStores, type StoreTarget } from '../src/store/open';
import { ArticleWorkError, createArticlePool, POOL_LIMITS } from '../src/workers';
import { inProcessWork, type ArticleWork } from '../src/library';
import { FakeDiscord, opt } from '../test/support/fake-discord';
import { testEnv } from '../test/support/bot-harness';
import { HOSTILE_HTML, HOSTILE_MARKDOWN, HOSTILE_TEXT } from '../test/support/hostile';
import { longArticle } from '../test/support/long-article';
import { watchLoop } from '../test/support/loop-stall';
import { startPgServer, type PgServer } from '../test/support/pg-server';
import { median, percentile, report } from './harness';

/** Articles per throughput run: feature-length news stories (~8,000 characters, ~1,300 words). */
const ARTICLES = 120;
const ARTICLE_CHARS = 8_000;
/** Adds in flight at once: several servers adding at the same time. */
const IN_FLIGHT = 4;
const RUNS = 3;
/** A member's `/article list` every this often while the long article is added. */
const PROBE_EVERY_MS = 20;
const TARGET_MS = 50;
/** How long the idle loop is watched for the noise floor (about as long as the add). */
const IDLE_MS = 3000;

const stories = Array.from({ length: ARTICLES }, (_, k) => longArticle(ARTICLE_CHARS, `Dispatch ${k + 1}: the council and the river`).replace('\n\n', `\n\nDispatch number ${k + 1} from the newsroom.\n\n`));

/** Add every story to a fresh library on `target`, IN_FLIGHT at a time; articles per second. */
async function throughput(target: StoreTarget, work: ArticleWork): Promise<number> {
  const stores = await openStores(target);
  try {
    const load = createArticleLoader({ ...loaderOptionsFromConfig(loadConfig({})), parse: work.parse });
    const library = createLibrary({ ...stores, load, analyze: work.analyze });
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async (_, lane) => {
        for (let k = next++; k < ARTICLES; k = next++) await library.add(`bench-${lane}`, { kind: 'text', text: stories[k]! }, 'bench');
      }),
    );
    return ARTICLES / ((performance.now() - started) / 1000);
  } finally {
    await stores.close();
  }
}

/** A fresh PostgreSQL database: BENCH_DATABASE_URL's server, or one started for the bench. */
async function postgresTarget(): Promise<{ target: StoreTarget; drop: () => Promise<void> } | undefined> {
  let server: PgServer | undefined;
  let adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    try {
      server = await startPgServer();
      adminUrl = server.adminUrl;
    } catch (err) {
      console.log(`  PostgreSQL skipped: no server could be started (${(err as Error).message.split('\n')[0]})`);
      return undefined;
    }
  }
  const name = `lede_bench_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client(adminUrl);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target: StoreTarget = { kind: 'postgres', url: url.toString() };
  return {
    target,
    drop: async () => {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server?.stop();
    },
  };
}

async function throughputSection(postgres: StoreTarget | undefined): Promise<void> {
  const cores = availableParallelism();
  console.log(`  throughput: ${ARTICLES} articles of ${ARTICLE_CHARS.toLocaleString('en-US')} characters, ${IN_FLIGHT} adds in flight, ${cores} cores, median of ${RUNS} runs`);
  const dir = mkdtempSync(join(tmpdir(), 'lede-ingest-'));
  try {
    const backends: Array<[string, () => StoreTarget]> = [['SQLite', () => ({ kind: 'sqlite', path: join(dir, `ingest-${Math.random().toString(36).slice(2)}.db`) })]];
    if (postgres) backends.push(['PostgreSQL', () => postgres]);
    for (const [backend, target] of backends) {
      const pool = createArticlePool();
      try {
        await pool.parse({ content: 'Warm-up\n\nThe worker is up.', source: 'text' });
        const rates = { pool: [] as number[], inThread: [] as number[] };
        for (let r = 0; r < RUNS; r++) {
          if (backend === 'PostgreSQL') await resetPostgres(target());
          rates.pool.push(await throughput(target(), pool));
          if (backend === 'PostgreSQL') await resetPostgres(target());
          rates.inThread.push(await throughput(target(), inProcessWork));
        }
        report(`${backend}: worker pool (${pool.threads} thread${pool.threads === 1 ? '' : 's'})`, `${median(rates.pool).toFixed(1)} /s`, `in this thread ${median(rates.inThread).toFixed(1)} /s`);
      } finally {
        await pool.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Empty the bench's PostgreSQL tables between runs (every run adds the same stories). */
async function resetPostgres(target: StoreTarget): Promise<void> {
  if (target.kind !== 'postgres') return;
  const client = new pg.Client(target.url);
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '%migrations%'`);
    if (rows.length > 0) await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} CASCADE`);
  } finally {
    await client.end();
  }
}

let userSeq = 0;
const nextUser = () => ({ id: String(810000000000000000n + BigInt(++userSeq)), username: 'bench' });

/**
 * The bot adds the long article by URL while other members list their articles on a fixed schedule;
 * each reply's time runs from when it was due, so a blocked loop (which delays the sending too, the
 * fake being in this process) is counted.
 */
async function whileAdding(work: 'pool' | 'in-thread', postgres: StoreTarget | undefined): Promise<{ stallMs: number; idleStallMs: number; addMs: number; replies: number[]; idle: number[] }> {
  const fake = await new FakeDiscord().start();
  const dir = mkdtempSync(join(tmpdir(), 'lede-ingest-bot-'));
  if (postgres) await resetPostgres(postgres);
  const env: Record<string, string> = postgres?.kind === 'postgres' ? { DATABASE_URL: postgres.url } : {};
  const bot = await startBot(loadConfig(testEnv(fake, dir, env)), work === 'in-thread' ? { work: inProcessWork } : {});
  try {
    const url = fake.serve('/long-read.txt', longArticle(LIBRARY_LIMITS.maxArticleChars));
    const small = fake.serve('/short.txt', 'Warm-up\n\nThe mayor said the bridge opens in May.');
    await fake.answer(fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('url', small)], user: nextUser() }), 30_000);
    const list = async () => {
      const i = fake.slash({ name: 'article', subcommand: 'list', user: nextUser() });
      const cb = await fake.callback(i, 30_000);
      return cb.hr - i.sentHr;
    };
    const idle: number[] = [];
    for (let k = 0; k < 50; k++) idle.push(await list());
    // The noise floor: the loop's longest stall with nothing to do, on this (shared) machine.
    const stopIdle = watchLoop();
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idleStallMs = stopIdle();
    const stop = watchLoop();
    const started = performance.now();
    const add = fake.answer(fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('url', url)], user: nextUser() }), 120_000);
    const pending: Array<Promise<number>> = [];
    let due = performance.now() + PROBE_EVERY_MS;
    const probe = setInterval(() => {
      const dueAt = due;
      due = performance.now() + PROBE_EVERY_MS;
      const i = fake.slash({ name: 'article', subcommand: 'list', user: nextUser() });
      pending.push(fake.callback(i, 60_000).then((cb) => cb.hr - dueAt));
    }, PROBE_EVERY_MS);
    const answer = await add;
    clearInterval(probe);
    const addMs = performance.now() - started;
    const stallMs = stop();
    const replies = await Promise.all(pending);
    const title = answer.body.embeds?.[0]?.title;
    if (title !== 'A very long read') throw new Error(`the long article was not added: ${JSON.stringify(answer.body).slice(0, 300)}`);
    return { stallMs, idleStallMs, addMs, replies, idle };
  } finally {
    await bot.stop();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function stallSection(backend: string, postgres: StoreTarget | undefined): Promise<void> {
  console.log(`  ${backend}: event loop while a ${LIBRARY_LIMITS.maxArticleChars.toLocaleString('en-US')}-character article is added (real bot, fake Discord; /article list from other members every ${PROBE_EVERY_MS} ms)`);
  const results = { pool: [] as Awaited<ReturnType<typeof whileAdding>>[], inThread: [] as Awaited<ReturnType<typeof whileAdding>>[] };
  for (let r = 0; r < RUNS; r++) {
    results.pool.push(await whileAdding('pool', postgres));
    results.inThread.push(await whileAdding('in-thread', postgres));
  }
  for (const [name, runs] of [
    ['worker pool', results.pool],
    ['in this thread (baseline)', results.inThread],
  ] as const) {
    const worst = runs.map((x) => Math.max(...x.replies));
    report(`${name}: add`, `${median(runs.map((x) => x.addMs)).toFixed(0)} ms`);
    report(`${name}: longest event-loop stall`, `${median(runs.map((x) => x.stallMs)).toFixed(1)} ms`, `runs: ${runs.map((x) => x.stallMs.toFixed(0)).join(', ')}; idle loop ${runs.map((x) => x.idleStallMs.toFixed(0)).join(', ')} ms`);
    report(
      `${name}: /article list during the add`,
      `p50 ${median(runs.map((x) => percentile(x.replies, 50))).toFixed(1)} / max ${median(worst).toFixed(1)} ms`,
      `${median(runs.map((x) => x.replies.length))} replies; idle p50 ${median(runs.map((x) => percentile(x.idle, 50))).toFixed(1)} / max ${median(runs.map((x) => Math.max(...x.idle))).toFixed(1)} ms`,
    );
  }
  const stall = median(results.pool.map((x) => x.stallMs));
  report(`target: longest event-loop stall under ${TARGET_MS} ms`, stall < TARGET_MS ? 'met' : 'MISSED', `median run ${stall.toFixed(1)} ms; the idle loop's own ${median(results.pool.map((x) => x.idleStallMs)).toFixed(1)} ms`);
  const worstPool = Math.max(...results.pool.map((x) => Math.max(...x.replies)));
  report(`target: no reply delayed over ${TARGET_MS} ms`, worstPool <= TARGET_MS ? 'met' : 'MISSED', `slowest reply in any run ${worstPool.toFixed(1)} ms`);
}

async function hostileSection(): Promise<void> {
  const size = LIBRARY_LIMITS.maxArticleChars;
  console.log(`  hostile patterns at ${size.toLocaleString('en-US')} characters, parsed and analysed by the pool (job limit ${POOL_LIMITS.jobTimeoutMs / 1000} s, heap ${POOL_LIMITS.maxWorkerHeapMb} MB)`);
  const pool = createArticlePool();
  const rows: Array<{ name: string; ms: number; outcome: string; stall: number }> = [];
  const patterns: Array<[string, string, 'text' | 'html' | 'markdown']> = [
    ...Object.entries(HOSTILE_TEXT).map(([n, make]) => [n, make(size), 'text'] as [string, string, 'text']),
    ...Object.entries(HOSTILE_HTML).map(([n, make]) => [`html:${n}`, make(size), 'html'] as [string, string, 'html']),
    ...Object.entries(HOSTILE_MARKDOWN).map(([n, make]) => [`md:${n}`, make(size), 'markdown'] as [string, string, 'markdown']),
  ];
  try {
    await pool.parse({ content: 'Warm-up\n\nThe worker is up.', source: 'text' });
    for (const [name, content, format] of patterns) {
      const stop = watchLoop();
      const started = performance.now();
      let outcome = 'analysed';
      try {
        const article = await pool.parse({ content, format, source: 'hostile' });
        if (article.text.length > size) outcome = `refused: ${article.text.length} characters`;
        else await pool.analyze(article);
      } catch (err) {
        if (err instanceof ArticleError || err instanceof ArticleWorkError) outcome = err.code;
        else throw err;
      }
      rows.push({ name, ms: performance.now() - started, outcome, stall: stop() });
    }
  } finally {
    await pool.close();
  }
  for (const r of rows.sort((a, b) => b.ms - a.ms).slice(0, 8)) report(`  ${r.name}`, `${r.ms.toFixed(0)} ms`, `${r.outcome}; loop stall ${r.stall.toFixed(1)} ms`);
  const slowest = rows[0]!;
  const cancelled = rows.filter((r) => r.outcome === 'ARTICLE_TOO_SLOW' || r.outcome === 'ANALYSIS_CRASHED');
  report(`${rows.length} patterns: slowest job`, `${slowest.ms.toFixed(0)} ms`, `${slowest.name}; cancelled or crashed: ${cancelled.length === 0 ? 'none' : cancelled.map((r) => r.name).join(', ')}; longest loop stall ${Math.max(...rows.map((r) => r.stall)).toFixed(1)} ms`);
}

export async function run(): Promise<void> {
  const postgres = await postgresTarget();
  try {
    await throughputSection(postgres?.target);
    await stallSection('SQLite', undefined);
    if (postgres) await stallSection('PostgreSQL', postgres.target);
  } finally {
    await postgres?.drop();
  }
  await hostileSection();
}
