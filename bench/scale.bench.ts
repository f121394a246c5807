/**
 * Scale (issue 12), on a throwaway PostgreSQL server started as the tests start theirs:
 *
 * 1. Poll throughput: 2,000 feeds served on 127.0.0.1 (small RSS documents, one new item per feed
 *    each round), all due at once, polled by 1, 2 and 4 FeedPollers sharing one database, each with
 *    its own lease holder and its own store connection (openStores on the same URL): first in this one
 *    process, sharing its event loop (and the feed server's), then each in a child process of its
 *    own (this file run with SCALE_POLLER_CHILD), the real thing. The feed server and PostgreSQL stay
 *    on the same machine, so the ratio is bounded by its CPU count (printed).
 * 2. Lease hand-over: a poller claims a batch of due feeds and stops renewing (a kill -9: its leases
 *    stay in the database, nobody renews them), with LEASE 5 s; another poller, running its own
 *    timer loop (start()), polls them once the leases run out. Measured: from the death until the
 *    last of the dead poller's feeds is polled.
 * 3. Digests due in the same minute (SCALE_DIGESTS, default 10,000, one bundled article so each is
 *    one message) through the digest runtime and the real discord.js client logged into the fake
 *    Discord with that many servers, against the fake's global limit of 50 requests/s, paced at
 *    40/s through the database's paced queue: all sent, the 429s the fake answered, none failed,
 *    the total time and the last digest's lateness.
 * 4. A gateway's first response while a worker ingests: real `node bin/start.js` processes (the
 *    gateway with the real discord.js client on the fake Discord, a worker beside it) on one
 *    PostgreSQL database. `/digest status` in quiet servers (no feeds, no articles: the same work
 *    every time), sent one after another, from the interaction's gateway frame to its first
 *    callback as the fake receives it, p50 / p99, three times: no worker running; a worker running
 *    with nothing new to read (its polls answered 304); the worker ingesting as fast as it can (a
 *    new item in every one of SCALE_INGEST_FEEDS feeds each second, more than it reads, so it never
 *    waits), the gateway announcing the new articles from the outbox at the paced 40 a second
 *    meanwhile, as it would. Beside each: articles stored a second and the CPU each process used.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArticle } from '../src/article';
import { articleIdOf, type Article } from '../src/article/model';
import type { Clock } from '../src/digest/clock';
import { createDigestRuntime } from '../src/digest/runtime';
import type { TickReport, TickSummary } from '../src/digest/scheduler';
import { discordPoster } from '../src/discord/digest-poster';
import { FeedPoller, POLLER_LIMITS, type PollReport } from '../src/feeds/poller';
import { POLL_TIMING } from '../src/feeds/timing';
import { safeFetch } from '../src/fetch';
import { openClient, openStores } from '../src/store/open';
import type { Stores } from '../src/store/ports';
import { rssOf, startFeedServer, type FeedServer } from '../test/feeds/support/feed-server';
import { FakeDiscord, type SentInteraction } from '../test/support/fake-discord';
import { migrate, scaleGuilds, seedSubscriptions, startFeedFarm, startRole, type FeedFarm, type RoleProcess } from '../test/support/scale-harness';
import { startPgServer } from '../test/support/pg-server';
import { median, percentile, report } from './harness';

const FEEDS = 2000;
const POLLERS = [1, 2, 4] as const;
const RUNS = 3;
/** Items each feed document carries (the newest ones). */
const ITEMS = 3;
const LEASE_MS = 5000;
/** Feeds the dead poller holds: one claim batch, what a poller holds between two claims. */
const DEAD_HOLDS = POLLER_LIMITS.concurrency;
const DIGESTS = Number(process.env.SCALE_DIGESTS ?? 10_000);
const GLOBAL_LIMIT = 50;
const POSTS_PER_SECOND = 40;
const MB = 1024 * 1024;
const fetchOpts = { allowPrivate: true, maxBytes: 5 * MB, timeoutMs: 30_000 };
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.fake.token-for-tests-only-000000000';

async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = await openClient({ kind: 'postgres', url: adminUrl });
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Feeds at `/f/<n>.xml` whose documents gain one item each time `round` moves on. */
function serveFeeds(server: FeedServer, prefix: string, count: number, round: () => number): string[] {
  const itemsOf = (f: number) =>
    Array.from({ length: ITEMS }, (_, k) => {
      const i = round() + ITEMS - k;
      return { guid: `${prefix}${f}-i${i}`, link: `https://site${f}.example/${prefix}/${i}`, title: `Feed ${f} story ${i}`, html: `<p>Story ${i} of feed ${f}. The council met on Tuesday and voted to extend the tram line by ${i % 9 + 1} stations.</p>`, pubDate: new Date(Date.UTC(2024, 2, 5, 0, 0, i)).toUTCString() };
    });
  for (let f = 0; f < count; f++) server.route(`/${prefix}/${f}.xml`, { body: () => rssOf(`Feed ${f}`, itemsOf(f)), conditional: true });
  return Array.from({ length: count }, (_, f) => `${server.base}/${prefix}/${f}.xml`);
}

function poller(stores: Stores, holder: string, now: () => number, onPolled?: (r: PollReport) => void): FeedPoller {
  return new FeedPoller({
    store: stores.feeds,
    holder,
    leaseMs: LEASE_MS,
    now,
    fetchFeed: (url, headers) => safeFetch(url, { ...fetchOpts, accept: 'feed', headers }),
    makeArticle: (input) => parseArticle(input),
    deliver: () => undefined,
    // One loopback host stands in for 2,000 different hosts, so the per-host cap is lifted to the overall one.
    limits: { perHost: POLLER_LIMITS.concurrency },
    ...(onPolled !== undefined && { onPolled }),
  });
}

/** What a poller child answers to `{ offset }`: how its round went. */
interface ChildRound {
  readonly polls: number;
  readonly good: number;
  readonly urls: readonly string[];
}

/**
 * A poller in a process of its own (this file run with SCALE_POLLER_CHILD=<holder>): its own event
 * loop and connection. It polls one round per `{ offset }` message and answers with what it polled.
 */
async function pollerChild(holder: string): Promise<void> {
  const stores = await openStores({ kind: 'postgres', url: process.env.SCALE_DATABASE_URL! }, { migrate: false });
  let offset = 0;
  const p = poller(stores, holder, () => Date.now() + offset);
  process.on('message', (msg: { offset?: number; exit?: true }) => {
    if (msg.exit) {
      void stores.close().then(() => process.exit(0));
      return;
    }
    offset = msg.offset!;
    void p.pollDue(Date.now() + offset).then((reports) => {
      const answer: ChildRound = { polls: reports.length, good: reports.filter((r) => r.outcome === 'ok' && r.delivered === 1).length, urls: reports.map((r) => r.url) };
      process.send!(answer);
    });
  });
  process.send!('ready');
}

if (process.env.SCALE_POLLER_CHILD) void pollerChild(process.env.SCALE_POLLER_CHILD);

async function startChildren(n: number, url: string): Promise<ChildProcess[]> {
  const file = fileURLToPath(import.meta.url);
  const children = Array.from({ length: n }, (_, i) =>
    fork(file, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, SCALE_POLLER_CHILD: `child-${i}`, SCALE_DATABASE_URL: url }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  await Promise.all(children.map((c) => once(c, 'message')));
  return children;
}

async function feedsOnPostgres(url: string): Promise<void> {
  const server = await startFeedServer();
  let round = 0;
  const urls = serveFeeds(server, 'f', FEEDS, () => round);
  // Real time plus an offset moved on by two poll intervals each round: every feed is due at once,
  // and leases still run out in real time.
  let offset = 0;
  const now = () => Date.now() + offset;
  const pool = await Promise.all(Array.from({ length: Math.max(...POLLERS) }, () => openStores({ kind: 'postgres', url })));
  try {
    const main = pool[0]!;
    for (let f = 0; f < FEEDS; f++) await main.feeds.subscribe(`g${f % 50}`, urls[f]!, { now: now(), intervalMs: POLL_TIMING.intervalMs });
    const primer = poller(main, 'primer', now);
    const primed = await primer.pollDue(now());
    if (primed.length !== FEEDS || primed.some((r) => r.outcome !== 'primed')) throw new Error('prime round failed');

    const rates = new Map<number, number>();
    const spread = new Map<number, string>();
    for (const k of POLLERS) {
      const times: number[] = [];
      const shares: number[][] = [];
      for (let r = 0; r < RUNS; r++) {
        round++;
        offset += 2 * POLL_TIMING.intervalMs;
        const pollers = pool.slice(0, k).map((stores, i) => poller(stores, `p${k}-${r}-${i}`, now));
        const t0 = performance.now();
        const results = await Promise.all(pollers.map((p) => p.pollDue(now())));
        times.push(performance.now() - t0);
        const all = results.flat();
        if (all.length !== FEEDS || new Set(all.map((x) => x.url)).size !== FEEDS || all.some((x) => x.outcome !== 'ok' || x.delivered !== 1)) {
          throw new Error(`round with ${k} pollers: ${all.length} polls, outcomes ${[...new Set(all.map((x) => x.outcome))].join('/')}`);
        }
        shares.push(results.map((x) => x.length));
      }
      rates.set(k, FEEDS / (median(times) / 1000));
      spread.set(k, `${(median(times) / 1000).toFixed(2)} s median of ${RUNS} (${times.map((t) => (t / 1000).toFixed(2)).join(', ')}); feeds each: ${shares[shares.length - 1]!.join('/')}`);
    }
    // The same rounds with each poller in a child process of its own (the feed server stays here).
    const childRates = new Map<number, number>();
    const childSpread = new Map<number, string>();
    const children = await startChildren(Math.max(...POLLERS), url);
    try {
      for (const k of POLLERS) {
        const times: number[] = [];
        let shares: number[] = [];
        for (let r = 0; r < RUNS; r++) {
          round++;
          offset += 2 * POLL_TIMING.intervalMs;
          const active = children.slice(0, k);
          const answers = active.map((c) => once(c, 'message') as Promise<[ChildRound]>);
          const t0 = performance.now();
          for (const c of active) c.send({ offset });
          const results = (await Promise.all(answers)).map(([a]) => a);
          times.push(performance.now() - t0);
          const polls = results.reduce((n, x) => n + x.polls, 0);
          const good = results.reduce((n, x) => n + x.good, 0);
          if (polls !== FEEDS || good !== FEEDS || new Set(results.flatMap((x) => x.urls)).size !== FEEDS) throw new Error(`child round with ${k}: ${polls} polls, ${good} good`);
          shares = results.map((x) => x.polls);
        }
        childRates.set(k, FEEDS / (median(times) / 1000));
        childSpread.set(k, `${(median(times) / 1000).toFixed(2)} s median of ${RUNS} (${times.map((t) => (t / 1000).toFixed(2)).join(', ')}); feeds each: ${shares.join('/')}`);
      }
    } finally {
      for (const c of children) c.send({ exit: true });
      await Promise.all(children.map((c) => (c.exitCode === null ? once(c, 'exit') : undefined)));
    }

    report(`${FEEDS} feeds, 1 new item each, concurrency ${POLLER_LIMITS.concurrency}/poller`, '');
    report('  (pollers in ONE process sharing its event loop)', '');
    for (const k of POLLERS) {
      report(`  ${k} poller${k > 1 ? 's' : ''}, own holder + own connection`, `${rates.get(k)!.toFixed(0)} feeds/s`, `x${(rates.get(k)! / rates.get(1)!).toFixed(2)} vs 1; ${spread.get(k)}`);
    }

    report('  (each poller a CHILD PROCESS: own event loop; feed server in the parent)', '');
    for (const k of POLLERS) {
      report(`  ${k} poller process${k > 1 ? 'es' : ''}, own holder + own connection`, `${childRates.get(k)!.toFixed(0)} feeds/s`, `x${(childRates.get(k)! / childRates.get(1)!).toFixed(2)} vs 1; ${childSpread.get(k)}`);
    }
    report(`  machine: ${availableParallelism()} CPUs`, '');

    // Lease hand-over: a new batch of feeds due now, one batch claimed by a poller that then dies.
    const handover = serveFeeds(server, 'h', DEAD_HOLDS * 4, () => round);
    for (const u of handover) await main.feeds.subscribe('g-handover', u, { now: now(), intervalMs: POLL_TIMING.intervalMs });
    const dead = await pool[1]!.feeds.claimDue(now(), DEAD_HOLDS, 'dead-poller', LEASE_MS);
    const diedAt = performance.now();
    const owed = new Set(dead.map((s) => s.url));
    let others = 0;
    const done = new Promise<number>((resolve) => {
      const survivor = poller(main, 'survivor', now, (r) => {
        if (!owed.has(r.url)) return void others++;
        if (r.outcome === 'primed') owed.delete(r.url);
        if (owed.size === 0) {
          survivor.stop();
          resolve(performance.now() - diedAt);
        }
      });
      survivor.start();
    });
    const took = await done;
    report(`lease hand-over, LEASE ${LEASE_MS / 1000} s: ${dead.length} feeds held by a dead poller`, `${(took / 1000).toFixed(2)} s`, `death -> all polled by another poller (its own timer loop; it polled the ${others} free ones first)`);
  } finally {
    await Promise.all(pool.map((s) => s.close()));
    await server.close();
  }
}

function bundledArticle(): Article {
  const text = 'Story of the day. The city council voted on Tuesday to extend the harbour tram line by four stations. "This is the line people asked for," said Mayor Ana Ruiz. Opponents argued that the cost would crowd out repairs to older lines.';
  return { id: articleIdOf(text), title: 'Tram line extended', source: 'text', url: 'https://harbour.example/tram', text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [] };
}

async function digestsOnPostgres(url: string): Promise<void> {
  const stores = await openStores({ kind: 'postgres', url });
  const fake = new FakeDiscord(FakeDiscord.manyGuilds(DIGESTS, 1), { globalRequestsPerSecond: GLOBAL_LIMIT });
  await fake.start();
  const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], rest: { api: fake.apiUrl } });
  try {
    const t0 = performance.now();
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(TOKEN);
    await ready;
    const loginMs = performance.now() - t0;
    if (client.guilds.cache.size !== DIGESTS) throw new Error(`client sees ${client.guilds.cache.size} guilds`);

    // Every schedule at the current UTC minute, set a minute before it; the one bundled article was
    // added in between, so each server's digest is that one article: one message.
    const runAt = Math.floor(Date.now() / 60_000) * 60_000;
    const hhmm = new Date(runAt).toISOString().slice(11, 16);
    const s1 = performance.now();
    for (let i = 0; i < fake.guilds.length; i += 50) {
      await Promise.all(fake.guilds.slice(i, i + 50).map((g) => stores.digests.setSchedule({ guildId: g.id, channelId: g.channels[0]!.id, time: hhmm, timezone: 'UTC', days: 'daily' }, runAt - 60_000)));
    }
    await stores.articles.insert(null, { article: bundledArticle(), slug: 'tram-line-extended', addedAt: new Date(runAt - 30_000).toISOString() });
    const setupMs = performance.now() - s1;

    // The runtime's clock starts at the run instant and runs in real time from there.
    const offset = runAt - Date.now();
    const clock: Clock = { now: () => new Date(Date.now() + offset) };
    let summary: TickSummary | undefined;
    let reports: readonly TickReport[] = [];
    let ticked: () => void = () => undefined;
    const tickEnded = new Promise<void>((resolve) => (ticked = resolve));
    const errors: string[] = [];
    const runtime = createDigestRuntime({
      store: stores.digests,
      articles: stores.articles,
      clock,
      leaseMs: 30_000,
      pacing: { store: stores.pacing, postsPerSecond: POSTS_PER_SECOND },
      // Called at the end of a tick that found digests due: the one this bench waits for.
      onTick: (s, r) => {
        summary = s;
        reports = r;
        ticked();
      },
      onError: (err, ctx) => void errors.push(`${ctx.stage}: ${String(err)}`),
    });
    const poster = discordPoster(client);
    const t1 = performance.now();
    // As the bot does once its client is ready: the scheduler's own timer finds the due minute.
    runtime.start(poster);
    await tickEnded;
    const totalMs = performance.now() - t1;
    await runtime.stop();
    const posted = fake.guilds.reduce((n, g) => n + fake.channelMessages(g.channels[0]!.id).length, 0);
    const sent = reports.filter((r) => r.outcome === 'sent').length;
    const failed = reports.filter((r) => r.outcome === 'failed' || r.outcome === 'blocked').length;
    report(`${DIGESTS.toLocaleString('en-US')} digests due in one minute, fake global limit ${GLOBAL_LIMIT}/s, paced ${POSTS_PER_SECOND}/s`, '');
    report('  client login (guilds cached) / schedules set', `${(loginMs / 1000).toFixed(1)} s / ${(setupMs / 1000).toFixed(1)} s`);
    report('  sent / failed / other outcomes', `${sent} / ${failed} / ${reports.length - sent - failed}`, `messages in the fake: ${posted}; tick summary sent ${summary?.sent ?? '?'} failed ${summary?.failed ?? '?'}; errors ${errors.length}${errors[0] ? ` (${errors[0]})` : ''}`);
    report('  429s the fake answered', `${fake.rateLimited.length}`, `REST requests processed ${fake.calls.length}`);
    report('  total time (tick)', `${(totalMs / 1000).toFixed(1)} s`, `${(sent / (totalMs / 1000)).toFixed(1)} digests/s; ideal at ${POSTS_PER_SECOND}/s ${(DIGESTS / POSTS_PER_SECOND).toFixed(0)} s`);
    report('  last digest lateness / max', `${((summary?.lastLatenessMs ?? NaN) / 1000).toFixed(1)} s`, `max ${((summary?.maxLatenessMs ?? NaN) / 1000).toFixed(1)} s`);
    if (DIGESTS < 10_000) {
      const k = 10_000 / DIGESTS;
      report(`  extrapolated to 10,000 (x${k.toFixed(1)}, linear: the pace is fixed)`, `${((totalMs * k) / 1000).toFixed(0)} s`, `last lateness ~${(((summary?.lastLatenessMs ?? NaN) * k) / 1000).toFixed(0)} s`);
    }
  } finally {
    await client.destroy();
    await fake.stop();
    await stores.close();
  }
}

/** Feeds the ingesting worker reads (one new item in each, every second). */
const INGEST_FEEDS = Number(process.env.SCALE_INGEST_FEEDS ?? 400);
/** Interactions measured in each phase (after a warm-up), one after another. */
const LATENCY_N = Number(process.env.SCALE_LATENCY_N ?? 400);
const LATENCY_WARMUP = 30;
/** Servers following the feeds (two feeds each), and the quiet ones the commands are sent in. */
const FOLLOWING = INGEST_FEEDS / 2;
const QUIET = 50;
/** How often a followed feed is polled: short, so the worker always has polls due. */
const INGEST_POLL_MS = 4000;

/** CPU time (user + system, ms) process `pid` has used so far (Linux /proc; clock ticks at 100 Hz). */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (in parentheses, which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Phase {
  readonly times: number[];
  readonly seconds: number;
  readonly articles: number;
  readonly announced: number;
  readonly cpu: ReadonlyArray<{ name: string; percent: number }>;
  /** The machine's one-minute load average at the end (other work on a shared machine shows here). */
  readonly load: number;
}

/**
 * `/digest status` in the quiet servers, one after another: first responses (ms, as the fake
 * receives them) and what the processes did meanwhile.
 */
async function measurePhase(fake: FakeDiscord, quiet: ReturnType<typeof scaleGuilds>, procs: readonly RoleProcess[], articles: () => Promise<number>): Promise<Phase> {
  let user = 0;
  const send = (k: number): SentInteraction => {
    const g = quiet[k % quiet.length]!;
    return fake.slash({ name: 'digest', subcommand: 'status', guildId: g.id, channelId: g.newsChannelId, user: { id: String(710000000000000000n + BigInt(++user)), username: 'latency' } });
  };
  const once = async (k: number): Promise<number> => {
    const sent = send(k);
    const cb = await fake.callback(sent, 30_000);
    if (cb.body?.type !== 4 && cb.body?.type !== 5) throw new Error(`unexpected first response: ${JSON.stringify(cb.body).slice(0, 200)}`);
    return cb.hr - sent.sentHr;
  };
  for (let k = 0; k < LATENCY_WARMUP; k++) await once(k);
  const a0 = await articles();
  const posted = () => [...fake.messages.values()].filter((m) => m.webhook_id === undefined).length;
  const m0 = posted();
  const c0 = procs.map((p) => cpuMsOf(p.pid));
  const t0 = performance.now();
  const times: number[] = [];
  for (let k = 0; k < LATENCY_N; k++) {
    times.push(await once(k));
    // A member's pace, not a flood: the measure spans the ingest for a while.
    await new Promise((r) => setTimeout(r, 10));
  }
  const seconds = (performance.now() - t0) / 1000;
  const c1 = procs.map((p) => cpuMsOf(p.pid));
  return {
    times,
    seconds,
    articles: (await articles()) - a0,
    announced: posted() - m0,
    cpu: procs.map((p, i) => ({ name: p.name, percent: (c1[i]! - c0[i]!) / 10 / seconds })),
    load: loadavg()[0]!,
  };
}

async function latencyOnPostgres(url: string): Promise<void> {
  const guilds = scaleGuilds(FOLLOWING + QUIET, 7);
  const following = guilds.slice(0, FOLLOWING);
  const quiet = guilds.slice(FOLLOWING);
  const fake = await new FakeDiscord(guilds).start();
  const dir = mkdtempSync(join(tmpdir(), 'lede-scale-latency-'));
  const procs: RoleProcess[] = [];
  let farm: FeedFarm | undefined;
  let pump: NodeJS.Timeout | undefined;
  await migrate(url);
  const stores = await openStores({ kind: 'postgres', url }, { migrate: false });
  const sql = await openClient({ kind: 'postgres', url });
  try {
    farm = await startFeedFarm(INGEST_FEEDS, 1);
    await seedSubscriptions(stores, farm, Array.from({ length: INGEST_FEEDS }, (_, f) => ({ feed: f, guild: following[f % FOLLOWING]! })), INGEST_POLL_MS);
    const articles = async () => Number((await sql.all<{ n: unknown }>('SELECT COUNT(*) AS n FROM articles'))[0]!.n);
    const primed = async () => Number((await sql.all<{ n: unknown }>('SELECT COUNT(*) AS n FROM feed_sources WHERE primed = 1'))[0]!.n);
    const env = { DATABASE_URL: url };
    const gateway = await startRole({ name: 'gateway', role: 'gateway', fake, dir, env });
    procs.push(gateway);
    // Let the gateway's start-up work settle (the Q&A model's warm-up, first reads).
    await new Promise((r) => setTimeout(r, 3000));

    const phases: Array<[string, Phase]> = [];
    phases.push(['no worker running', await measurePhase(fake, quiet, [gateway], articles)]);

    const worker = await startRole({ name: 'worker', role: 'worker', fake, dir, env });
    procs.push(worker);
    // The first poll of each feed records what it holds, silently; after it, polls find nothing new (304).
    const t0 = performance.now();
    while ((await primed()) < INGEST_FEEDS) {
      if (performance.now() - t0 > 120_000) throw new Error(`only ${await primed()} of ${INGEST_FEEDS} feeds primed after 120 s`);
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 2 * INGEST_POLL_MS));
    phases.push(['worker running, nothing new (polls 304)', await measurePhase(fake, quiet, [gateway, worker], articles)]);

    // A new item in every feed each second: more than one worker stores, so it reads without pause.
    const f = farm;
    const publish = () => {
      for (let i = 0; i < INGEST_FEEDS; i++) f.addItem(i);
    };
    publish();
    pump = setInterval(publish, 1000);
    // Until the articles flow (polls of the first new items are due within a poll interval).
    const a0 = await articles();
    while ((await articles()) - a0 < INGEST_FEEDS / 2) await new Promise((r) => setTimeout(r, 250));
    phases.push([`worker ingesting (${INGEST_FEEDS} new items/s offered)`, await measurePhase(fake, quiet, [gateway, worker], articles)]);
    clearInterval(pump);
    pump = undefined;

    report(`gateway first response, /digest status in quiet servers, ${LATENCY_N} sequential after ${LATENCY_WARMUP} warm-up (p50 / p99)`, '');
    for (const [label, ph] of phases) {
      const cpu = ph.cpu.map((c) => `${c.name} ${c.percent.toFixed(0)}%`).join(', ');
      report(`  ${label}`, `${percentile(ph.times, 50).toFixed(1)} / ${percentile(ph.times, 99).toFixed(1)} ms`,
        `max ${Math.max(...ph.times).toFixed(1)} ms; over ${ph.seconds.toFixed(1)} s: ${(ph.articles / ph.seconds).toFixed(0)} articles/s stored, ${(ph.announced / ph.seconds).toFixed(0)} announcements/s posted; CPU ${cpu}; load average ${ph.load.toFixed(1)}`);
    }
    report(`  machine: ${availableParallelism()} CPUs (gateway, worker, PostgreSQL, and this process's fake Discord and feeds share them)`, '');
    for (const p of procs) {
      const stopped = await p.stop();
      if (stopped.code !== 0) throw new Error(`${p.name} exited with code ${stopped.code} on SIGTERM:\n${p.tail(10)}`);
    }
  } finally {
    if (pump) clearInterval(pump);
    await Promise.all(procs.map((p) => p.kill()));
    await sql.close();
    await stores.close();
    await farm?.close();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const pg = await startPgServer();
  try {
    if (!process.env.SCALE_ONLY || process.env.SCALE_ONLY === 'feeds') await feedsOnPostgres(await freshDatabase(pg.adminUrl, 'lede_scale_feeds'));
    if (!process.env.SCALE_ONLY || process.env.SCALE_ONLY === 'digests') await digestsOnPostgres(await freshDatabase(pg.adminUrl, 'lede_scale_digests'));
    if (!process.env.SCALE_ONLY || process.env.SCALE_ONLY === 'latency') await latencyOnPostgres(await freshDatabase(pg.adminUrl, 'lede_scale_latency'));
  } finally {
    await pg.stop();
  }
}
