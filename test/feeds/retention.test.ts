/**
 * The feed runtime keeps each server's feed items by the retention policy: at the ceiling a new
 * item still gets in and the oldest feed item goes; the poller's housekeeping prunes items past the
 * retention time; members' articles are never touched; each prune is logged.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { articleIdOf } from '../../src/article/model';
import { loadConfig } from '../../src/config';
import { createFeedRuntime, type FeedRuntime } from '../../src/feeds/runtime';
import { POLL_TIMING } from '../../src/feeds/timing';
import { openStores } from '../../src/store/open';
import type { Stores } from '../../src/store/ports';
import { longBody, rssOf, startFeedServer, type FeedServer } from './support/feed-server';

const T0 = Date.parse('2026-03-05T12:00:00Z');
const DAY = 24 * 60 * 60_000;

let server: FeedServer;
let stores: Stores;
let now: number;
let logged: Array<{ level: string; data: Record<string, unknown>; message: string }>;
let runtime: FeedRuntime;
const items: Array<{ guid: string; link: string; title: string; html: string }> = [];

function start(env: Record<string, string>, articles = stores.articles): FeedRuntime {
  return createFeedRuntime({
    store: stores.feeds,
    articles,
    config: loadConfig({ ALLOW_PRIVATE_URLS: 'true', ...env }),
    now: () => now,
    log: (level, data, message) => void logged.push({ level, data, message }),
  });
}

/** A new item in the feed, then a poll once it is due. */
async function publish(n: number) {
  items.unshift({ guid: `n${n}`, link: `https://news.example/n${n}`, title: `Story number ${n}`, html: longBody(`n${n}`) });
  now += POLL_TIMING.intervalMs * 2;
  return runtime.poller.pollDue(now);
}

const titles = async (guild: string) => (await stores.articles.listings(guild)).map((l) => l.title);
const pruneLines = () => logged.filter((l) => l.message.startsWith('feed items pruned'));

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/news.xml', { body: () => rssOf('Harbour Wire', items) });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  stores = await openStores({ kind: 'sqlite', path: ':memory:' });
  now = T0;
  logged = [];
  items.length = 0;
});
afterEach(async () => {
  await runtime.stop();
  await stores.close();
});

describe('feed items under the retention policy', () => {
  it('GIVEN a server at its ceiling of feed items THEN each new item still arrives, the oldest feed item goes, a member article stays, and the log says so', async () => {
    runtime = start({ MAX_FEED_ITEMS_PER_SERVER: '2' });
    await stores.articles.insertChecked('g1', { article: { id: articleIdOf('Mine.'), title: 'A member article', source: 'text', text: 'Mine.', paragraphs: [], boilerplate: [] }, slug: 'm', addedBy: 'u1', addedAt: new Date(T0 - DAY).toISOString() }, 10);
    await stores.feeds.subscribe('g1', `${server.base}/news.xml`, { now, intervalMs: POLL_TIMING.intervalMs });
    await runtime.poller.pollDue(now); // primes
    for (const n of [1, 2]) expect((await publish(n)).map((r) => r.delivered)).toEqual([1]);
    expect(pruneLines()).toEqual([]);
    expect((await publish(3)).map((r) => r.delivered)).toEqual([1]);
    expect(await titles('g1')).toEqual(['Story number 3', 'Story number 2', 'A member article']);
    expect(pruneLines()).toEqual([
      {
        level: 'info',
        data: { guildId: 'g1', feed: `${server.base}/news.xml`, reason: 'ceiling', count: 1, ceiling: 2 },
        message: 'feed items pruned: the server keeps at most its ceiling of feed items, oldest first',
      },
    ]);
    expect(await stores.articles.pruneTallies('g1', new Date(T0).toISOString())).toEqual([
      { feedUrl: `${server.base}/news.xml`, reason: 'ceiling', count: 1, lastAt: new Date(now).toISOString() },
    ]);
  });

  it('GIVEN feed items older than FEED_RETENTION_DAYS THEN the poller housekeeping prunes them, logs it, and keeps member articles of any age', async () => {
    runtime = start({ FEED_RETENTION_DAYS: '30' });
    await stores.articles.insertChecked('g1', { article: { id: articleIdOf('Mine.'), title: 'A member article', source: 'text', text: 'Mine.', paragraphs: [], boilerplate: [] }, slug: 'm', addedBy: 'u1', addedAt: new Date(T0 - 400 * DAY).toISOString() }, 10);
    await stores.feeds.subscribe('g1', `${server.base}/news.xml`, { now, intervalMs: POLL_TIMING.intervalMs });
    await runtime.poller.pollDue(now);
    await publish(1);
    await publish(2);
    now += 31 * DAY;
    await runtime.poller.pollDue(now);
    expect(await titles('g1')).toEqual(['A member article']);
    expect(pruneLines()).toEqual([
      { level: 'info', data: { guildId: 'g1', feed: `${server.base}/news.xml`, reason: 'age', count: 2, days: 30 }, message: 'feed items pruned: older than the retention' },
    ]);
    // A new item after that still arrives.
    await publish(3);
    expect(await titles('g1')).toEqual(['Story number 3', 'A member article']);
  });

  it('GIVEN a ceiling lowered since the items were stored THEN the first housekeeping after the start brings the server down to it, oldest first', async () => {
    runtime = start({});
    await stores.feeds.subscribe('g1', `${server.base}/news.xml`, { now, intervalMs: POLL_TIMING.intervalMs });
    await runtime.poller.pollDue(now);
    for (const n of [1, 2, 3, 4]) await publish(n);
    await runtime.stop();
    runtime = start({ MAX_FEED_ITEMS_PER_SERVER: '1' });
    await runtime.poller.pollDue(now + 1);
    expect(await titles('g1')).toEqual(['Story number 4']);
    expect(pruneLines().map((l) => [l.data.reason, l.data.count])).toEqual([['ceiling', 3]]);
  });

  it('GIVEN housekeeping that fails THEN the failure is reported and polling goes on', async () => {
    const failing = { ...stores.articles, pruneFeedItems: () => Promise.reject(new Error('disk on fire')) };
    runtime = start({}, failing);
    await stores.feeds.subscribe('g1', `${server.base}/news.xml`, { now, intervalMs: POLL_TIMING.intervalMs });
    await runtime.poller.pollDue(now);
    expect(logged.filter((l) => l.message === 'feed poller error').map((l) => [l.level, l.data.stage, (l.data.err as Error).message])).toEqual([['error', 'housekeeping', 'disk on fire']]);
    expect((await publish(1)).map((r) => r.delivered)).toEqual([1]);
  });
});
