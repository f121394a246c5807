import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FeedPoller } from '../../src/feeds/poller';
import { createFeedService, type FeedService } from '../../src/feeds/service';
import { safeFetch } from '../../src/fetch/index';
import { openStores } from '../../src/store/open';
import type { FeedsStore, Stores } from '../../src/store/ports';
import { longBody, rssOf, startFeedServer, type FeedServer } from './support/feed-server';
import { makeArticle } from './support/make-article';
import { statusLines } from '../../commands/feed';

let server: FeedServer;
let stores: Stores;
let store: FeedsStore;
let service: FeedService;
const now = Date.parse('2024-03-05T12:00:00Z');

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/ok.xml', { body: () => rssOf('Good feed', [{ guid: '1', link: 'https://s.example/1', title: 'An item that exists', html: longBody('1') }]) });
  server.route('/html', { body: () => '<!doctype html><p>home</p>', contentType: 'text/html' });
  server.route('/busy.xml', { status: 429, body: () => 'slow down', contentType: 'text/plain', headers: { 'retry-after': '3600' } });
  server.route('/rude.xml', { status: 429, body: () => 'slow down', contentType: 'text/plain' });
});
afterAll(() => server.close());
beforeEach(async () => {
  stores = await openStores({ kind: 'sqlite', path: ':memory:' });
  store = stores.feeds;
  const poller = new FeedPoller({
    store,
    fetchFeed: (url, headers) => safeFetch(url, { allowPrivate: true, maxBytes: 1 << 20, timeoutMs: 5000, accept: 'feed', headers }),
    makeArticle,
    // Every server's library takes every item (the runtime's filters and duplicates are tested there).
    deliver: (d) => ({ addedTo: d.subscribers.map((sub) => sub.guildId) }),
    now: () => now,
    random: () => 0.5,
  });
  service = createFeedService({
    store,
    poller,
    now: () => now,
    limits: { feedsPerServer: 2 },
    fetchPage: (url) => safeFetch(url, { allowPrivate: true, maxBytes: 1 << 20, timeoutMs: 5000, accept: 'article' }),
  });
});
afterEach(async () => {
  await stores.close();
});

describe('feed service', () => {
  it('GIVEN a good feed THEN add primes it at once and list shows it active with its title and next poll', async () => {
    const status = await service.add('g1', `${server.base}/ok.xml#x`, { channelId: 'c1', addedBy: 'u1' });
    expect(status).toEqual({
      url: `${server.base}/ok.xml`,
      title: 'Good feed',
      channelId: 'c1',
      state: 'active',
      failures: 0,
      deliveredCount: 0,
      skippedCount: 0,
      addedAt: now,
      lastSuccessAt: now,
      nextPollAt: now + 15 * 60_000,
      delivery: 'message',
      // The feed's one item has no pubDate: dated by when it was first seen, and the status says so.
      undatedItems: { count: 1, of: 1 },
      loaded: 1,
    });
    const { loaded: _loaded, ...listed } = status;
    expect(await service.list('g1')).toEqual([listed]);
    expect(await service.get('g1', `${server.base}/ok.xml`)).toEqual(listed);
  });

  it('GIVEN delivery and keywords THEN add keeps them, edit changes only what it is given, and edit of a feed not followed is FEED_NOT_FOUND', async () => {
    const url = `${server.base}/ok.xml`;
    const added = await service.add('g1', url, { channelId: 'f1', delivery: 'forum', include: ['harbour'], exclude: ['football', 'transfer news'] });
    expect(added).toMatchObject({ channelId: 'f1', delivery: 'forum', include: ['harbour'], exclude: ['football', 'transfer news'] });
    const edited = await service.edit('g1', `${url}#top`, { channelId: 'c2', delivery: 'thread', include: [] });
    expect(edited).toMatchObject({ channelId: 'c2', delivery: 'thread', exclude: ['football', 'transfer news'] });
    expect(edited.include).toBeUndefined();
    expect(await service.edit('g1', url, { channelId: null, delivery: 'message', exclude: [] })).toEqual({ ...(await service.get('g1', url)), delivery: 'message' });
    expect((await service.get('g1', url)).channelId).toBeUndefined();
    await expect(service.edit('g2', url, { include: ['x'] })).rejects.toMatchObject({ code: 'FEED_NOT_FOUND' });
    await expect(service.get('g2', url)).rejects.toMatchObject({ code: 'FEED_NOT_FOUND' });
  });

  it('GIVEN a URL that is not a feed THEN add is refused with the underlying code and nothing is kept', async () => {
    await expect(service.add('g1', `${server.base}/html`)).rejects.toMatchObject({ code: 'FEED_REJECTED', reason: 'FEED_UNRECOGNIZED' });
    await expect(service.add('g1', `${server.base}/missing.xml`)).rejects.toMatchObject({ code: 'FEED_REJECTED', reason: 'FETCH_HTTP_STATUS' });
    expect(await service.list('g1')).toEqual([]);
    expect(await store.source(`${server.base}/html`)).toBeUndefined();
  });

  it('GIVEN a feed that answers 429 with Retry-After when added THEN it is followed, pending, and tried again when the site asked', async () => {
    const status = await service.add('g1', `${server.base}/busy.xml`);
    expect(status).toMatchObject({ url: `${server.base}/busy.xml`, state: 'pending', failures: 1, nextPollAt: now + 3600_000 });
    expect(status.lastError).toMatchObject({ code: 'FETCH_HTTP_STATUS', at: now });
    expect((await service.list('g1')).map((s) => s.url)).toEqual([`${server.base}/busy.xml`]);
  });

  it('GIVEN a feed that answers 429 without Retry-After when added THEN the add is refused and nothing is kept', async () => {
    await expect(service.add('g1', `${server.base}/rude.xml`)).rejects.toMatchObject({ code: 'FEED_REJECTED', reason: 'FETCH_HTTP_STATUS' });
    expect(await service.list('g1')).toEqual([]);
  });

  it('GIVEN a site page that announces its feed THEN the feed is followed and the page named', async () => {
    server.route('/site', { body: () => '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/ok.xml"></head><body><p>Home</p></body></html>', contentType: 'text/html' });
    const status = await service.add('g1', `${server.base}/site`);
    expect(status).toMatchObject({ url: `${server.base}/ok.xml`, title: 'Good feed', state: 'active', discoveredFrom: `${server.base}/site` });
    expect((await service.list('g1')).map((s) => s.url)).toEqual([`${server.base}/ok.xml`]);
  });

  it.each([
    ['ftp://x.example/feed', 'FETCH_PROTOCOL'],
    ['not a url', 'FEED_INVALID_URL'],
    ['https://alice:hunter2@x.example/feed.xml', 'FETCH_CREDENTIALS'],
    ['https://alice@x.example/feed.xml', 'FETCH_CREDENTIALS'],
  ])('GIVEN %s THEN %s and nothing is stored', async (url, code) => {
    await expect(service.add('g1', url)).rejects.toMatchObject({ code });
    expect(await service.list('g1')).toEqual([]);
  });

  it('GIVEN the same feed twice or more feeds than the limit THEN FEED_DUPLICATE / FEED_LIMIT', async () => {
    await service.add('g1', `${server.base}/ok.xml`);
    await expect(service.add('g1', `${server.base}/ok.xml`)).rejects.toMatchObject({ code: 'FEED_DUPLICATE' });
    server.route('/ok2.xml', { body: () => rssOf('Second', []) });
    server.route('/ok3.xml', { body: () => rssOf('Third', []) });
    await service.add('g1', `${server.base}/ok2.xml`);
    await expect(service.add('g1', `${server.base}/ok3.xml`)).rejects.toMatchObject({ code: 'FEED_LIMIT' });
    // Another server has its own limit.
    await expect(service.add('g2', `${server.base}/ok3.xml`)).resolves.toMatchObject({ state: 'active' });
  });

  it('GIVEN a feed followed by two servers THEN removing it in one keeps it for the other; removing the last forgets it', async () => {
    await service.add('g1', `${server.base}/ok.xml`);
    const hitsAfterFirst = server.hits.get('/ok.xml');
    const second = await service.add('g2', `${server.base}/ok.xml`);
    // The second server shares the source and its schedule; one fetch gives it the feed's latest items.
    expect(second.loaded).toBe(1);
    expect(server.hits.get('/ok.xml')).toBe(hitsAfterFirst! + 1);
    expect((await service.remove('g1', `${server.base}/ok.xml`)).url).toBe(`${server.base}/ok.xml`);
    expect(await store.source(`${server.base}/ok.xml`)).toBeDefined();
    await service.remove('g2', `${server.base}/ok.xml`);
    expect(await store.source(`${server.base}/ok.xml`)).toBeUndefined();
    await expect(service.remove('g2', `${server.base}/ok.xml`)).rejects.toMatchObject({ code: 'FEED_NOT_FOUND' });
  });
});

describe('/feed status lines for skipped items', () => {
  const base = { url: 'https://s.example/rss', state: 'active' as const, failures: 0, deliveredCount: 3, addedAt: now, lastSuccessAt: now, nextPollAt: now + 60_000, delivery: 'message' as const };
  it('GIVEN no skipped items THEN no line about them', () => {
    expect(statusLines({ ...base, skippedCount: 0 }).some((l) => l.includes('Left out'))).toBe(false);
  });
  it('GIVEN a skipped item THEN the count, when, and why', () => {
    const lines = statusLines({ ...base, skippedCount: 2, lastSkipped: { reason: '"Huge" is 500,004 characters long (limit 400,000)', at: now } });
    expect(lines[lines.length - 1]).toBe(`**Left out (too long for the library):** 2, last <t:${now / 1000}:R>: "Huge" is 500,004 characters long (limit 400,000)`);
  });
});
