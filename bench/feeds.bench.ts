/**
 * Feeds: polling 1,000 feeds served on 127.0.0.1 (20 items each, ~28 KB) through the production
 * poller: the first poll (fetch + parse + dedupe keys recorded + each feed's latest 10 items parsed
 * into articles and handed over as first-poll items), a poll where every feed has one new
 * item (that item parsed into an article and delivered), and a poll answered with 304s. The in-run
 * baseline is a raw safe fetch of the same 1,000 URLs, same concurrency, no parsing and no store.
 * Memory: heap and RSS growth over the first poll, and the peak RSS while polling.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArticle } from '../src/article';
import { FeedPoller, POLLER_LIMITS } from '../src/feeds/poller';
import { POLL_TIMING } from '../src/feeds/timing';
import { safeFetch } from '../src/fetch';
import { openStores } from '../src/store/open';
import { longBody, rssOf, startFeedServer } from '../test/feeds/support/feed-server';
import { median, report } from './harness';

const FEEDS = 1000;
const ITEMS = 20;
const RUNS = 3;
const MB = 1024 * 1024;
const fetchOpts = { allowPrivate: true, maxBytes: 5 * MB, timeoutMs: 30_000 };

export async function run(): Promise<void> {
  const server = await startFeedServer();
  const extra = new Map<number, number>();
  const itemsOf = (f: number) => {
    const n = extra.get(f) ?? 0;
    return Array.from({ length: ITEMS + n }, (_, k) => {
      const i = ITEMS + n - k;
      return { guid: `f${f}-i${i}`, link: `https://site${f}.example/story/${i}`, title: `Feed ${f} story number ${i} of the day`, html: longBody(`${f}-${i}`), pubDate: new Date(Date.UTC(2024, 2, 5, 0, i)).toUTCString() };
    }).slice(0, ITEMS);
  };
  for (let f = 0; f < FEEDS; f++) server.route(`/f/${f}.xml`, { body: () => rssOf(`Feed ${f}`, itemsOf(f)), conditional: true });
  const urls = Array.from({ length: FEEDS }, (_, f) => `${server.base}/f/${f}.xml`);
  const bytes = Buffer.byteLength(rssOf('Feed 0', itemsOf(0)));

  // Baseline: the same URLs fetched raw with the poller's concurrency.
  const rawTimes: number[] = [];
  let rawPeakRss = 0;
  const rawSampler = setInterval(() => (rawPeakRss = Math.max(rawPeakRss, process.memoryUsage().rss)), 20);
  for (let r = 0; r < RUNS + 1; r++) {
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: POLLER_LIMITS.concurrency }, async () => {
        while (next < urls.length) await safeFetch(urls[next++]!, { ...fetchOpts, accept: 'feed' });
      }),
    );
    if (r > 0) rawTimes.push(performance.now() - t0);
  }
  clearInterval(rawSampler);

  const prime: number[] = [];
  const fresh: number[] = [];
  const cond: number[] = [];
  let rssGrowth = 0;
  let peakRss = 0;
  let peakHeap = 0;
  let delivered = 0;
  let firstItems = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  for (let r = 0; r < RUNS; r++) {
    extra.clear();
    const dir = mkdtempSync(join(tmpdir(), 'lede-feeds-bench-'));
    const stores = await openStores({ kind: 'sqlite', path: join(dir, 'bench.db') });
    const store = stores.feeds;
    let now = Date.parse('2024-03-05T12:00:00Z');
    for (let f = 0; f < FEEDS; f++) await store.subscribe(`g${f % 50}`, urls[f]!, { now, intervalMs: POLL_TIMING.intervalMs });
    delivered = 0;
    firstItems = 0;
    const poller = new FeedPoller({
      store,
      now: () => now,
      fetchFeed: (url, headers) => safeFetch(url, { ...fetchOpts, accept: 'feed', headers }),
      makeArticle: (input) => parseArticle(input),
      deliver: (d) => void (d.firstPoll ? firstItems++ : delivered++),
      // One loopback host stands in for 1,000 different hosts, so the per-host cap is lifted to the overall one.
      limits: { perHost: POLLER_LIMITS.concurrency },
    });
    const before = process.memoryUsage();
    let t0 = performance.now();
    const r1 = await poller.pollDue(now);
    prime.push(performance.now() - t0);
    const after = process.memoryUsage();
    rssGrowth = Math.max(rssGrowth, after.rss - before.rss);
    if (r1.length !== FEEDS || r1.some((x) => x.outcome !== 'primed')) throw new Error('prime round failed');

    for (let f = 0; f < FEEDS; f++) extra.set(f, 1);
    now += 2 * POLL_TIMING.intervalMs;
    t0 = performance.now();
    const r2 = await poller.pollDue(now);
    fresh.push(performance.now() - t0);
    if (r2.some((x) => x.outcome !== 'ok' || x.delivered !== 1)) throw new Error('new-item round failed');

    now += 2 * POLL_TIMING.intervalMs;
    t0 = performance.now();
    const r3 = await poller.pollDue(now);
    cond.push(performance.now() - t0);
    if (r3.some((x) => x.outcome !== 'not-modified')) throw new Error('304 round failed');
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
  clearInterval(sampler);
  await server.close();

  const raw = median(rawTimes);
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  report(`${FEEDS} feeds x ${ITEMS} items (${(bytes / 1024).toFixed(0)} KB each), concurrency ${POLLER_LIMITS.concurrency}`, '');
  report('  baseline: raw safe fetch of the 1,000 URLs', ms(raw), `${((FEEDS * bytes) / MB / (raw / 1000)).toFixed(0)} MB/s`);
  report(`  first poll (fetch, parse, record 60k keys, ${firstItems.toLocaleString('en-US')} latest items parsed)`, ms(median(prime)), `x${(median(prime) / raw).toFixed(1)} the raw fetch`);
  report('  poll with 1 new item per feed (1,000 articles)', ms(median(fresh)), `x${(median(fresh) / raw).toFixed(1)}; ${delivered} delivered per run`);
  report('  poll answered with 304 Not Modified', ms(median(cond)), `x${(median(cond) / raw).toFixed(2)}`);
  report('  RSS growth over the first poll', `${(rssGrowth / MB).toFixed(1)} MB`);
  report('  peak RSS / peak heap while polling', `${(peakRss / MB).toFixed(0)} / ${(peakHeap / MB).toFixed(0)} MB`, `baseline raw fetch peak RSS ${(rawPeakRss / MB).toFixed(0)} MB`);
}
