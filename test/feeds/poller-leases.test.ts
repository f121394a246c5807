/**
 * Two pollers (two workers) on one database, against a feed server on 127.0.0.1: the due feeds are
 * shared between them, each fetched once per cycle; a worker that dies in the middle of a poll, or
 * whose poll hangs for good, has its feed taken over by the other once the lease runs out, and
 * every item ends up in the library exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FeedPoller, type FeedDelivery, type FeedPollerDeps, type PollReport } from '../../src/feeds/poller';
import { createFeedService } from '../../src/feeds/service';
import { POLL_TIMING } from '../../src/feeds/timing';
import { safeFetch } from '../../src/fetch/index';
import { slugify, urlKey } from '../../src/library';
import { openStores } from '../../src/store/open';
import type { FeedsStore, Stores } from '../../src/store/ports';
import { longBody, rssOf, startFeedServer, type FeedServer } from './support/feed-server';
import { makeArticle } from './support/make-article';

const fetchOpts = { allowPrivate: true, maxBytes: 1 << 20, timeoutMs: 5000 };
const T0 = Date.parse('2024-03-05T12:00:00Z');

type Item = { guid: string; link: string; title: string; html: string; pubDate: string };
const item = (id: string, minute: number): Item => ({
  guid: id, link: `https://site.example/${id}`, title: `Story ${id} of the day`, html: longBody(id), pubDate: new Date(T0 + minute * 60_000).toUTCString(),
});

let server: FeedServer;
let dir: string;
/** Two workers: each its own connection to one SQLite file. */
let one: Stores;
let two: Stores;
/** Each library write: which worker, which item, and whether the library took it or already had it. */
let writes: Array<{ worker: string; title: string; kind: 'added' | 'duplicate' }>;

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-leases-'));
  one = await openStores({ kind: 'sqlite', path: join(dir, 'lede.db') });
  two = await openStores({ kind: 'sqlite', path: join(dir, 'lede.db') });
  writes = [];
  server.hits.clear();
});
afterEach(async () => {
  await one.close();
  await two.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the runtime's delivery does with the library: the feed item into each server, duplicates dropped. */
async function intoLibrary(stores: Stores, worker: string, d: FeedDelivery): Promise<{ addedTo: string[] }> {
  const addedTo: string[] = [];
  for (const sub of d.subscribers) {
    const result = await stores.articles.insertFeedItem(
      sub.guildId,
      { article: d.article, slug: slugify(d.article.title), feedUrl: d.feedUrl, ...(d.article.url !== undefined && { urlKey: urlKey(d.article.url) }) },
      1000,
    );
    writes.push({ worker, title: d.article.title, kind: result.kind });
    if (result.kind === 'added') addedTo.push(sub.guildId);
  }
  return { addedTo };
}

function worker(stores: Stores, holder: string, extra: Partial<FeedPollerDeps> = {}): FeedPoller {
  return new FeedPoller({
    store: stores.feeds,
    fetchFeed: (url, headers) => safeFetch(url, { ...fetchOpts, accept: 'feed', headers }),
    makeArticle,
    deliver: (d) => intoLibrary(stores, holder, d),
    random: () => 0.5,
    holder,
    ...extra,
  });
}

const libraryTitles = async (guildId: string) => (await one.articles.listings(guildId)).map((l) => l.title).sort();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two pollers sharing the due feeds', () => {
  it('GIVEN twelve due feeds and two workers polling at once THEN every feed is fetched exactly once per cycle and every new item stored once', async () => {
    let now = T0;
    const feeds = Array.from({ length: 12 }, (_, k) => ({ path: `/shared-${k}.xml`, items: [item(`f${k}-old`, 0)] }));
    for (const f of feeds) {
      server.route(f.path, { body: () => rssOf(`Feed ${f.path}`, f.items), delayMs: 15 });
      await one.feeds.subscribe('g1', `${server.base}${f.path}`, { now, intervalMs: POLL_TIMING.intervalMs });
    }
    const limits = { concurrency: 2 };
    const a = worker(one, 'A', { now: () => now, limits });
    const b = worker(two, 'B', { now: () => now, limits });

    const cycle = async (): Promise<[PollReport[], PollReport[]]> => Promise.all([a.pollDue(now), b.pollDue(now)]);
    const [firstA, firstB] = await cycle();
    const urls = feeds.map((f) => `${server.base}${f.path}`).sort();
    expect([...firstA, ...firstB].map((r) => r.url).sort()).toEqual(urls);
    expect([...firstA, ...firstB].every((r) => r.outcome === 'primed')).toBe(true);
    // Claimed in batches as polls finish: both workers took a share.
    expect(firstA.length).toBeGreaterThan(0);
    expect(firstB.length).toBeGreaterThan(0);
    expect(feeds.map((f) => server.hits.get(f.path))).toEqual(Array(12).fill(1));

    for (const [k, f] of feeds.entries()) f.items.push(item(`f${k}-new`, 10));
    now += 2 * POLL_TIMING.intervalMs;
    const [secondA, secondB] = await cycle();
    expect([...secondA, ...secondB].map((r) => r.url).sort()).toEqual(urls);
    expect([...secondA, ...secondB].map((r) => [r.outcome, r.newItems, r.delivered])).toEqual(Array(12).fill(['ok', 1, 1]));
    expect(feeds.map((f) => server.hits.get(f.path))).toEqual(Array(12).fill(2));
    // Nothing is due now, for either.
    expect(await cycle()).toEqual([[], []]);
    expect(writes.filter((w) => w.kind === 'duplicate')).toEqual([]);
    expect(await libraryTitles('g1')).toEqual(feeds.flatMap((_, k) => [`Story f${k}-new of the day`, `Story f${k}-old of the day`]).sort());
    expect(await one.feeds.leaseHolders(now)).toEqual([]);
  });
});

/** A feed primed with one old item, then holding three new ones, due now on the test's clock. */
async function feedWithThreeNew(path: string, clock: { offset: number }): Promise<string> {
  const items = [item('old', 0)];
  server.route(path, { body: () => rssOf('Takeover news', items) });
  const url = `${server.base}${path}`;
  await one.feeds.subscribe('g1', url, { now: Date.now() + clock.offset, intervalMs: POLL_TIMING.intervalMs });
  const primer = worker(one, 'primer', { now: () => Date.now() + clock.offset });
  expect((await primer.pollDue()).map((r) => r.outcome)).toEqual(['primed']);
  items.push(item('n1', 1), item('n2', 2), item('n3', 3));
  clock.offset += 2 * POLL_TIMING.intervalMs;
  return url;
}

/** `store` as a worker that was killed sees it: once `kill()` is called, nothing it asks reaches the database. */
function killable(store: FeedsStore): { store: FeedsStore; kill: () => void } {
  let dead = false;
  const proxy = new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (dead ? Promise.reject(new Error('worker killed')) : (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
  return { store: proxy, kill: () => void (dead = true) };
}

/** Poll with `poller` every 20 ms until it reports `url`; the report and how long it took. */
async function pollUntilTaken(poller: FeedPoller, url: string, limitMs: number): Promise<{ report: PollReport; waitedMs: number }> {
  const start = Date.now();
  for (;;) {
    const report = (await poller.pollDue()).find((r) => r.url === url);
    if (report) return { report, waitedMs: Date.now() - start };
    if (Date.now() - start > limitMs) throw new Error(`not taken over within ${limitMs} ms`);
    await sleep(20);
  }
}

describe('a worker that stops in the middle of a poll', () => {
  // Short for a test, long enough that a loaded machine still renews in time (every third of it).
  const LEASE = 1000;

  it('GIVEN a worker killed while storing the second of three new items THEN the other takes the feed over after the lease and each item is stored once', async () => {
    const clock = { offset: 0 };
    const url = await feedWithThreeNew('/killed.xml', clock);
    const dying = killable(one.feeds);
    let hang!: () => void;
    let killedAt = 0;
    const a = worker(one, 'A', {
      store: dying.store,
      now: () => Date.now() + clock.offset,
      leaseMs: LEASE,
      async deliver(d) {
        const result = await intoLibrary(one, 'A', d);
        if (d.article.title !== 'Story n2 of the day') return result;
        // Stored, not yet remembered: the process dies here, and its delivery never returns.
        dying.kill();
        killedAt = Date.now();
        await new Promise<void>((resolve) => (hang = resolve));
        return result;
      },
    });
    const b = worker(two, 'B', { now: () => Date.now() + clock.offset, leaseMs: LEASE });
    const abandoned = a.pollDue();
    while (killedAt === 0) await sleep(5);
    // Its lease still runs: B leaves the feed alone for now.
    expect(await b.pollDue()).toEqual([]);
    const { report, waitedMs } = await pollUntilTaken(b, url, 10 * LEASE);
    // Renewed every third of the lease until the kill: taken over about a lease after it (the bound
    // leaves room for B's own poll on a slow machine).
    expect(waitedMs).toBeGreaterThan(0);
    expect(Date.now() - killedAt).toBeLessThan(LEASE + 1500);
    // n1 was remembered by A right after its delivery; n2 was stored but not remembered: B delivers it again.
    expect(report).toEqual({ url, outcome: 'ok', newItems: 2, delivered: 2 });
    expect(writes).toEqual([
      { worker: 'primer', title: 'Story old of the day', kind: 'added' },
      { worker: 'A', title: 'Story n1 of the day', kind: 'added' },
      { worker: 'A', title: 'Story n2 of the day', kind: 'added' },
      { worker: 'B', title: 'Story n2 of the day', kind: 'duplicate' },
      { worker: 'B', title: 'Story n3 of the day', kind: 'added' },
    ]);
    expect(await libraryTitles('g1')).toEqual(['Story n1 of the day', 'Story n2 of the day', 'Story n3 of the day', 'Story old of the day']);
    expect(await one.feeds.leaseHolders(Date.now() + clock.offset)).toEqual([]);
    // The dead worker's poll, woken up, reaches no database.
    hang();
    await expect(abandoned).rejects.toThrow('worker killed');
    // Nothing new for the next poll.
    clock.offset += 2 * POLL_TIMING.intervalMs;
    expect(await b.pollDue()).toEqual([{ url, outcome: 'ok', newItems: 0, delivered: 0 }]);
    expect(writes).toHaveLength(5);
  });

  it('GIVEN a worker whose delivery hangs for good THEN it stops renewing after maxPollMs, the other takes over, and the hung poll delivers nothing more when it wakes', async () => {
    const clock = { offset: 0 };
    const url = await feedWithThreeNew('/hung.xml', clock);
    const MAX_POLL = 2500;
    let hang!: () => void;
    let hungAt = 0;
    const a = worker(one, 'A', {
      now: () => Date.now() + clock.offset,
      leaseMs: LEASE,
      limits: { maxPollMs: MAX_POLL },
      async deliver(d) {
        const result = await intoLibrary(one, 'A', d);
        if (d.article.title === 'Story n2 of the day') {
          hungAt = Date.now();
          await new Promise<void>((resolve) => (hang = resolve));
        }
        return result;
      },
    });
    const b = worker(two, 'B', { now: () => Date.now() + clock.offset, leaseMs: LEASE });
    const hung = a.pollDue();
    while (hungAt === 0) await sleep(5);
    // Renewed while the poll is young: still A's after more than a lease.
    await sleep(LEASE + 200);
    expect(await b.pollDue()).toEqual([]);
    expect((await one.feeds.leaseHolders(Date.now() + clock.offset)).map((h) => h.holder)).toEqual(['A']);
    const { report } = await pollUntilTaken(b, url, MAX_POLL + 10 * LEASE);
    expect(report).toEqual({ url, outcome: 'ok', newItems: 2, delivered: 2 });
    hang();
    // A's lease is gone: it stops before n3 and records nothing.
    expect(await hung).toEqual([{ url, outcome: 'skipped', newItems: 0, delivered: 0 }]);
    expect(writes.map((w) => [w.worker, w.title, w.kind])).toEqual([
      ['primer', 'Story old of the day', 'added'],
      ['A', 'Story n1 of the day', 'added'],
      ['A', 'Story n2 of the day', 'added'],
      ['B', 'Story n2 of the day', 'duplicate'],
      ['B', 'Story n3 of the day', 'added'],
    ]);
    expect(await libraryTitles('g1')).toEqual(['Story n1 of the day', 'Story n2 of the day', 'Story n3 of the day', 'Story old of the day']);
    expect((await one.feeds.source(url))!.deliveredCount).toBe(2);
  });

  it('GIVEN stop() in the middle of a poll round THEN the feeds not started are handed back at once and idle() hands back the rest', async () => {
    let now = T0;
    for (let k = 0; k < 4; k++) {
      server.route(`/stop-${k}.xml`, { body: () => rssOf(`Stop ${k}`, []), delayMs: 2_000 });
      await one.feeds.subscribe('g1', `${server.base}/stop-${k}.xml`, { now, intervalMs: POLL_TIMING.intervalMs });
    }
    const a = worker(one, 'A', { now: () => now, limits: { concurrency: 4, perHost: 1 } });
    a.start();
    while ((await one.feeds.leaseHolders(now)).length === 0) await sleep(5);
    expect(await one.feeds.leaseHolders(now)).toEqual([{ holder: 'A', feeds: 4 }]);
    // One feed is being fetched (one per host); the three waiting are handed back by stop().
    a.stop();
    const stoppedAt = Date.now();
    while ((await one.feeds.leaseHolders(now))[0]?.feeds !== 1) await sleep(5);
    // Well before the fetch in flight (2 s) has ended (the margin is for a loaded CI machine).
    expect(Date.now() - stoppedAt).toBeLessThan(1_000);
    expect(await one.feeds.leaseHolders(now)).toEqual([{ holder: 'A', feeds: 1 }]);
    const b = worker(two, 'B', { now: () => now, limits: { perHost: 1 } });
    expect((await b.pollDue(now)).map((r) => r.outcome)).toEqual(['primed', 'primed', 'primed']);
    await a.idle();
    expect(await one.feeds.leaseHolders(now)).toEqual([]);
    expect(Array.from({ length: 4 }, (_, k) => server.hits.get(`/stop-${k}.xml`))).toEqual([1, 1, 1, 1]);
    expect((await one.feeds.dueSources(now, 10)).length).toBe(0);
  });
});

describe('/feed add while another worker holds the new feed', () => {
  it('GIVEN a worker that claims the feed as it is added THEN add waits for its record, or says the feed is being read elsewhere', async () => {
    server.route('/elsewhere.xml', { body: () => rssOf('Elsewhere', [item('e1', 0)]), delayMs: 100 });
    server.route('/slow-elsewhere.xml', { body: () => rssOf('Slow elsewhere', [item('s1', 0)]), delayMs: 1200 });
    const a = worker(one, 'A', { now: () => T0 });
    // Worker B's tick runs the moment the feed is stored (it is due at once) and claims it first.
    let claimed!: () => void;
    const b = worker(two, 'B', {
      now: () => T0,
      store: Object.assign(Object.create(two.feeds) as FeedsStore, {
        async claimDue(...args: Parameters<FeedsStore['claimDue']>) {
          const out = await two.feeds.claimDue(...args);
          claimed();
          return out;
        },
      }),
    });
    let polling: Promise<PollReport[]> | undefined;
    const racing: FeedsStore = Object.assign(Object.create(one.feeds) as FeedsStore, {
      async subscribe(...args: Parameters<FeedsStore['subscribe']>) {
        const out = await one.feeds.subscribe(...args);
        const claim = new Promise<void>((resolve) => (claimed = resolve));
        polling = b.pollDue(T0);
        await claim;
        return out;
      },
    });
    const service = createFeedService({ store: racing, poller: a, now: () => T0, primeWaitMs: 400 });

    // B's poll is recorded while add waits: add answers with it, and the feed was fetched once.
    const url = `${server.base}/elsewhere.xml`;
    const status = await service.add('g1', url);
    expect(status).toMatchObject({ url, state: 'active', title: 'Elsewhere', failures: 0 });
    expect(status).not.toHaveProperty('readElsewhere');
    expect((await polling!).map((r) => [r.url, r.outcome])).toEqual([[url, 'primed']]);
    expect(server.hits.get('/elsewhere.xml')).toBe(1);
    expect(await libraryTitles('g1')).toEqual(['Story e1 of the day']);

    // B is still reading when the wait ends: add says so, and the feed is pending without an error.
    const slow = `${server.base}/slow-elsewhere.xml`;
    expect(await service.add('g1', slow)).toMatchObject({ url: slow, state: 'pending', readElsewhere: true, failures: 0 });
    expect((await polling!).map((r) => [r.url, r.outcome])).toEqual([[slow, 'primed']]);
    expect(server.hits.get('/slow-elsewhere.xml')).toBe(1);
    expect(await libraryTitles('g1')).toEqual(['Story e1 of the day', 'Story s1 of the day']);
  });
});
