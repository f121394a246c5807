import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FeedPoller, type FeedDelivery, type FeedPollerDeps, type FeedSkip } from '../../src/feeds/poller';
import type { ArticleInput } from '../../src/feeds/full-text';
import { LIBRARY_LIMITS } from '../../src/library/limits';
import { createFeedService } from '../../src/feeds/service';
import { POLL_TIMING } from '../../src/feeds/timing';
import { safeFetch } from '../../src/fetch/index';
import { openStores } from '../../src/store/open';
import type { FeedsStore, Stores } from '../../src/store/ports';
import { longBody, rssOf, startFeedServer, type FeedServer } from './support/feed-server';
import { makeArticle } from './support/make-article';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const MB = 1024 * 1024;
const T0 = Date.parse('2024-03-05T12:00:00Z');

let server: FeedServer;
let stores: Stores;
let store: FeedsStore;
let now: number;
let delivered: FeedDelivery[];
/** What first polls handed over (into the libraries, never announced). */
let firstItems: FeedDelivery[];
let poller: FeedPoller;

const fetchOpts = { allowPrivate: true, maxBytes: 5 * MB, timeoutMs: 5000 };

function newPoller(limits = {}, extra: Partial<FeedPollerDeps> = {}): FeedPoller {
  return new FeedPoller({
    ...extra,
    store,
    fetchFeed: (url, headers) => safeFetch(url, { ...fetchOpts, accept: 'feed', headers }),
    fetchPage: (url) => safeFetch(url, { ...fetchOpts, accept: 'article' }),
    makeArticle: extra.makeArticle ?? makeArticle,
    deliver: extra.deliver ?? ((d) => void (d.firstPoll ? firstItems : delivered).push(d)),
    now: () => now,
    random: () => 0.5,
    limits,
  });
}

async function follow(path: string, guild = 'g1', channelId?: string): Promise<string> {
  const url = `${server.base}${path}`;
  await store.subscribe(guild, url, { now, intervalMs: POLL_TIMING.intervalMs, ...(channelId && { channelId }) });
  return url;
}

/** Move the clock past every feed's next poll and poll what is due. */
async function pollLater() {
  now += POLL_TIMING.intervalMs * 2;
  return poller.pollDue(now);
}

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  stores = await openStores({ kind: 'sqlite', path: ':memory:' });
  store = stores.feeds;
  now = T0;
  delivered = [];
  firstItems = [];
  poller = newPoller();
  server.hits.clear();
  server.notModified.clear();
});
afterEach(async () => {
  await stores.close();
});

describe('FeedPoller against a feed server on 127.0.0.1', () => {
  it.each([
    ['/rss.xml', 'rss.xml', 'application/rss+xml', 2],
    ['/atom.xml', 'atom.xml', 'application/atom+xml', 2],
    ['/rdf.xml', 'rdf.xml', 'application/rdf+xml', 1],
    ['/feed.json', 'feed.json', 'application/feed+json', 2],
  ])('GIVEN %s THEN the first poll records its items, hands them over as first-poll items, posts nothing, and later polls post nothing old', async (path, file, type, items) => {
    server.route(path, { body: () => fixture(file), contentType: type, conditional: true });
    const url = await follow(path);
    const [first] = await poller.pollDue(now);
    expect(first).toEqual({ url, outcome: 'primed', newItems: 0, delivered: 0, loaded: new Map() });
    expect(delivered).toEqual([]);
    expect(firstItems).toHaveLength(items);
    expect(firstItems.every((d) => d.firstPoll === true && d.subscribers.length === 1)).toBe(true);
    const [second] = await pollLater();
    expect(second!.outcome).toBe('not-modified');
    expect(server.notModified.get(path)).toBe(1);
    expect(delivered).toEqual([]);
    expect(await store.source(url)).toMatchObject({ primed: true, failures: 0, lastSuccessAt: now, format: file.split('.')[0] === 'feed' ? 'json' : file.split('.')[0] });
  });

  it('GIVEN a feed of 12 items THEN the first poll hands over its newest 10, oldest first, and counts what each server took', async () => {
    const items = Array.from({ length: 12 }, (_, k) => ({ guid: `i${k}`, link: `https://site.example/i${k}`, title: `Story number ${k} of twelve`, html: longBody(`i${k}`) }));
    server.route('/twelve.xml', { body: () => rssOf('Twelve', items) });
    const url = await follow('/twelve.xml');
    await follow('/twelve.xml', 'g2');
    const took = newPoller({}, { deliver: (d) => ({ addedTo: d.subscribers.map((s) => s.guildId).filter((g) => g === 'g1' || / [02468] /.test(d.article.title)) }) });
    const [first] = await took.pollDue(now);
    expect(first).toEqual({ url, outcome: 'primed', newItems: 0, delivered: 0, loaded: new Map([['g1', 10], ['g2', 5]]) });
    const seen = newPoller({}, { deliver: (d) => void firstItems.push(d) });
    await store.unsubscribe('g1', url);
    await store.unsubscribe('g2', url);
    await follow('/twelve.xml');
    await seen.pollDue(now);
    expect(firstItems.map((d) => d.article.title)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0].map((k) => `Story number ${k} of twelve`));
    // Nothing is new afterwards: the first poll remembered all twelve.
    await pollLater();
    expect(delivered).toEqual([]);
  });

  it('GIVEN a server that follows a feed already primed THEN loadLatestFor gives it the items the feed already produced, not a new one', async () => {
    const items = [
      { guid: 'o1', link: 'https://site.example/o1', title: 'Older story one', html: longBody('o1') },
      { guid: 'o2', link: 'https://site.example/o2', title: 'Older story two', html: longBody('o2') },
    ];
    server.route('/later.xml', { body: () => rssOf('Later', items) });
    const url = await follow('/later.xml');
    await poller.pollDue(now);
    expect(firstItems).toHaveLength(2);
    items.unshift({ guid: 'n1', link: 'https://site.example/n1', title: 'Brand new story', html: longBody('n1') });
    await follow('/later.xml', 'g2');
    const sub = (await store.subscriptions('g2'))[0]!;
    const loader = newPoller({}, { deliver: (d) => { firstItems.push(d); return { addedTo: d.subscribers.map((s) => s.guildId) }; } });
    expect(await loader.loadLatestFor(url, sub)).toBe(2);
    expect(firstItems.slice(2).map((d) => [d.article.title, d.firstPoll, d.subscribers.map((s) => s.guildId)])).toEqual([
      ['Older story two', true, ['g2']],
      ['Older story one', true, ['g2']],
    ]);
    // The new item is the next poll's, for both servers.
    const [r] = await pollLater();
    expect(r).toMatchObject({ outcome: 'ok', newItems: 1, delivered: 1 });
    expect(delivered.map((d) => [d.article.title, d.subscribers.map((s) => s.guildId)])).toEqual([['Brand new story', ['g1', 'g2']]]);
    // A feed that cannot be read now gives nothing, and says so to onError.
    server.route('/later.xml', { status: 500, body: () => 'down', contentType: 'text/plain' });
    const errors: string[] = [];
    const failing = newPoller({}, { onError: (_e, c) => void errors.push(c.stage) });
    expect(await failing.loadLatestFor(url, sub)).toBe(0);
    expect(errors).toEqual(['first items']);
  });

  it('GIVEN a new item after priming THEN it is delivered exactly once, as an article with the full text', async () => {
    const items = [{ guid: 'a1', link: 'https://site.example/a1', title: 'First story of the day', html: longBody('a1') }];
    server.route('/news.xml', { body: () => rssOf('News', items), conditional: true });
    const url = await follow('/news.xml');
    await poller.pollDue(now);
    items.unshift({ guid: 'a2', link: 'https://site.example/a2', title: 'Second story of the day', html: longBody('a2') });
    const [r] = await pollLater();
    expect(r).toEqual({ url, outcome: 'ok', newItems: 1, delivered: 1 });
    expect(delivered).toHaveLength(1);
    const d = delivered[0]!;
    expect(d.feedTitle).toBe('News');
    expect(d.origin).toBe('feed');
    expect(d.article.title).toBe('Second story of the day');
    expect(d.article.source).toBe(`feed:${url}`);
    expect(d.article.url).toBe('https://site.example/a2');
    expect(d.article.text.startsWith('Story a2 begins')).toBe(true);
    expect(d.subscribers.map((s) => s.guildId)).toEqual(['g1']);
    await pollLater();
    await pollLater();
    expect(delivered).toHaveLength(1);
    expect((await store.source(url))!.deliveredCount).toBe(1);
  });

  it('GIVEN guids that change on every fetch THEN nothing is re-posted (URL and title dedupe)', async () => {
    let fetchNo = 0;
    server.route('/unstable.xml', {
      body: () => {
        fetchNo++;
        return rssOf('Unstable', [
          { guid: `run${fetchNo}-1`, link: `https://site.example/one?utm_source=feed&n=${fetchNo % 1}`, title: 'Stable story one here', html: longBody('1') },
          { guid: `run${fetchNo}-2`, link: 'https://site.example/two/', title: 'Stable story two here', html: longBody('2') },
        ]);
      },
    });
    await follow('/unstable.xml');
    await poller.pollDue(now);
    for (let i = 0; i < 3; i++) await pollLater();
    expect(fetchNo).toBe(4);
    expect(delivered).toEqual([]);
  });

  it('GIVEN two servers following the same URL THEN it is fetched once per poll and delivered to both', async () => {
    const items = [{ guid: 's1', link: 'https://site.example/s1', title: 'Shared story number one', html: longBody('s1') }];
    server.route('/shared.xml', { body: () => rssOf('Shared', items) });
    await follow('/shared.xml', 'g1', 'c1');
    await follow('/shared.xml', 'g2');
    await poller.pollDue(now);
    items.push({ guid: 's2', link: 'https://site.example/s2', title: 'Shared story number two', html: longBody('s2') });
    await pollLater();
    expect(server.hits.get('/shared.xml')).toBe(2);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.subscribers.map((s) => [s.guildId, s.channelId ?? null])).toEqual([
      ['g1', 'c1'],
      ['g2', null],
    ]);
  });

  it('GIVEN an item with only a teaser THEN its page is fetched and parsed for the full text', async () => {
    const page = fixture('library-page.html');
    server.route('/library', { body: () => page, contentType: 'text/html; charset=utf-8' });
    const items: Array<{ guid: string; link: string; title: string; description?: string }> = [];
    server.route('/teasers.xml', { body: () => rssOf('Teasers', items) });
    await follow('/teasers.xml');
    await poller.pollDue(now);
    items.push({ guid: 't1', link: `${server.base}/library`, title: 'Library opens on Sundays', description: 'The central library will open on Sundays… Read more' });
    await pollLater();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.origin).toBe('page');
    expect(delivered[0]!.article.text).toContain('"Sunday was the day families could actually come," said head librarian Tomas Berg');
    expect(delivered[0]!.article.url).toBe(`${server.base}/library`);
  });

  it('GIVEN a teaser whose page cannot be fetched THEN the teaser itself becomes the article', async () => {
    const items: Array<{ guid: string; link: string; title: string; description: string }> = [];
    server.route('/broken-pages.xml', { body: () => rssOf('Broken pages', items) });
    await follow('/broken-pages.xml');
    await poller.pollDue(now);
    items.push({ guid: 'x', link: `${server.base}/missing-page`, title: 'A story whose page is gone', description: 'Only a short teaser is left.' });
    await pollLater();
    expect(delivered.map((d) => [d.origin, d.article.text])).toEqual([['teaser', 'Only a short teaser is left.']]);
  });

  it('GIVEN a new item longer than the library takes THEN it is skipped before parsing, logged and counted; the next item still arrives', async () => {
    const parsed: ArticleInput[] = [];
    const skips: FeedSkip[] = [];
    poller = newPoller({}, {
      makeArticle: (input) => (parsed.push(input), makeArticle(input)),
      maxArticleChars: LIBRARY_LIMITS.maxArticleChars,
      onSkip: (s) => void skips.push(s),
    });
    const items: Array<{ guid: string; link: string; title: string; html: string; pubDate: string }> = [];
    server.route('/long.xml', { body: () => rssOf('Long reads', items) });
    const url = await follow('/long.xml');
    await poller.pollDue(now);
    const huge = `<p>${'word '.repeat(400_000)}end.</p>`; // 2,000,004 characters of text
    items.push({ guid: 'huge', link: 'https://site.example/huge', title: 'A book pasted into a feed', html: huge, pubDate: new Date(T0 + 60_000).toUTCString() });
    items.push({ guid: 'ok', link: 'https://site.example/ok', title: 'An ordinary story today', html: longBody('ok'), pubDate: new Date(T0 + 120_000).toUTCString() });
    const [r] = await pollLater();
    expect(r).toEqual({ url, outcome: 'ok', newItems: 2, delivered: 1, skipped: 1 });
    expect(delivered.map((d) => d.article.title)).toEqual(['An ordinary story today']);
    // The path taken: the long body never reached the article parser.
    expect(parsed.map((p) => p.title)).toEqual(['An ordinary story today']);
    expect(skips).toEqual([{ feedUrl: url, itemUrl: 'https://site.example/huge', title: 'A book pasted into a feed', code: 'ARTICLE_TOO_LONG', size: 2_000_004, limit: 2_000_000 }]);
    expect(await store.source(url)).toMatchObject({
      deliveredCount: 1,
      skippedCount: 1,
      lastSkippedAt: now,
      lastSkippedReason: '"A book pasted into a feed" is 2,000,004 characters long (limit 2,000,000)',
    });
    // Remembered as seen: not tried again.
    await pollLater();
    expect(parsed).toHaveLength(1);
    expect((await store.source(url))!.skippedCount).toBe(1);
  });

  it('GIVEN a teaser whose page text is longer than the limit THEN the item is skipped, not stored as the teaser', async () => {
    const skips: FeedSkip[] = [];
    poller = newPoller({}, { maxArticleChars: 300, onSkip: (s) => void skips.push(s) });
    const page = fixture('library-page.html');
    server.route('/library', { body: () => page, contentType: 'text/html; charset=utf-8' });
    const items: Array<{ guid: string; link: string; title: string; description?: string }> = [];
    server.route('/teasers-long.xml', { body: () => rssOf('Teasers', items) });
    const url = await follow('/teasers-long.xml');
    await poller.pollDue(now);
    items.push({ guid: 't1', link: `${server.base}/library`, title: 'Library opens on Sundays', description: 'The central library will open on Sundays… Read more' });
    const [r] = await pollLater();
    const pageText = makeArticle({ content: page, format: 'html', source: `feed:${url}`, url: `${server.base}/library`, title: 'Library opens on Sundays' }).text;
    expect(pageText.length).toBeGreaterThan(300);
    expect(r).toMatchObject({ outcome: 'ok', delivered: 0, skipped: 1 });
    expect(delivered).toEqual([]);
    expect(skips.map((s) => [s.code, s.size, s.limit])).toEqual([['ARTICLE_TOO_LONG', pageText.length, 300]]);
  });

  it('GIVEN a feed that suddenly lists 30 new items THEN only the newest 10 are delivered, oldest first, and the rest are not posted later', async () => {
    const items: Array<{ guid: string; link: string; title: string; html: string; pubDate: string }> = [];
    server.route('/burst.xml', { body: () => rssOf('Burst', items) });
    await follow('/burst.xml');
    await poller.pollDue(now);
    for (let i = 1; i <= 30; i++) {
      items.push({ guid: `b${i}`, link: `https://site.example/b${i}`, title: `Burst story number ${i}`, html: longBody(`b${i}`), pubDate: new Date(T0 + i * 60_000).toUTCString() });
    }
    const [r] = await pollLater();
    expect(r).toMatchObject({ outcome: 'ok', newItems: 30, delivered: 10 });
    expect(delivered.map((d) => d.article.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Burst story number ${21 + i}`));
    await pollLater();
    expect(delivered).toHaveLength(10);
  });

  it.each([
    ['malformed XML', '/malformed.xml', () => fixture('malformed.xml'), 'FEED_MALFORMED', false],
    ['an entity-expansion bomb', '/bomb.xml', () => fixture('bomb.xml'), 'FEED_XML_ENTITIES', true],
    ['an HTML page', '/page.xml', () => '<!doctype html><p>not a feed</p>', 'FEED_UNRECOGNIZED', false],
  ])('GIVEN %s THEN the poll fails with %s, kept for /feed status', async (_label, path, body, code, disabled) => {
    server.route(path, { body, contentType: path === '/page.xml' ? 'text/html' : 'application/xml' });
    const url = await follow(path);
    const [r] = await poller.pollDue(now);
    expect(r).toEqual({ url, outcome: 'failed', newItems: 0, delivered: 0, errorCode: code, disabled });
    const source = (await store.source(url))!;
    expect(source.lastErrorCode).toBe(code);
    expect(source.lastErrorAt).toBe(now);
    expect(source.failures).toBe(1);
    expect(source.disabledReason).toBe(disabled ? code : undefined);
    expect(source.nextPollAt).toBe(now + POLL_TIMING.intervalMs);
  });

  it('GIVEN a 20 MB feed THEN it is refused by size (FETCH_TOO_LARGE) without being parsed', async () => {
    server.huge('/huge.xml', 20 * MB);
    const url = await follow('/huge.xml');
    const [r] = await poller.pollDue(now);
    expect(r!.errorCode).toBe('FETCH_TOO_LARGE');
    expect((await store.source(url))!.lastErrorMessage).toMatch(/.+/);
  });

  it('GIVEN a feed that keeps failing THEN polls back off and it is disabled after the threshold with the reason kept', async () => {
    server.route('/flaky.xml', { body: () => 'oops', status: 503, contentType: 'text/plain' });
    const url = await follow('/flaky.xml');
    const waits: number[] = [];
    for (let i = 0; i < POLL_TIMING.failuresBeforeDisable; i++) {
      const before = (await store.source(url))!;
      now = before.nextPollAt;
      const [r] = await poller.pollDue(now);
      expect(r!.errorCode).toBe('FETCH_HTTP_STATUS');
      waits.push(((await store.source(url))!.nextPollAt - now) / 60_000);
    }
    expect(waits.slice(0, 4)).toEqual([15, 30, 60, 120]);
    const source = (await store.source(url))!;
    expect(source.disabledReason).toBe('FETCH_HTTP_STATUS');
    expect(source.failures).toBe(POLL_TIMING.failuresBeforeDisable);
    // Disabled feeds are not polled any more.
    now += 7 * 24 * 60 * 60_000;
    expect(await poller.pollDue(now)).toEqual([]);
    // Following it again re-enables it.
    await follow('/flaky.xml', 'g1');
    expect((await store.source(url))!.disabledAt).toBeUndefined();
  });

  it('GIVEN a 429 with Retry-After longer than the back-off THEN the next poll is exactly when the server asked, and /feed status shows it', async () => {
    const items = [{ guid: 'r1', link: 'https://site.example/r1', title: 'A story behind a rate limit', html: longBody('r1') }];
    server.route('/limited.xml', { body: () => 'Too many requests', status: 429, contentType: 'text/plain', headers: { 'retry-after': '7200' } });
    const url = await follow('/limited.xml');
    const [r] = await poller.pollDue(now);
    expect(r).toEqual({ url, outcome: 'failed', newItems: 0, delivered: 0, errorCode: 'FETCH_HTTP_STATUS', disabled: false, retryAfterMs: 7_200_000 });
    const source = (await store.source(url))!;
    expect(source.nextPollAt).toBe(T0 + 2 * 60 * 60_000);
    expect(source.failures).toBe(1);
    expect(source.lastErrorMessage).toBe(`Could not fetch ${url}: the server answered 429 Too Many Requests and asked to wait 2 h before trying again.`);
    const [status] = await createFeedService({ store, now: () => now }).list('g1');
    expect(status).toMatchObject({ url, state: 'pending', failures: 1, nextPollAt: T0 + 2 * 60 * 60_000 });
    // One millisecond early it is not due; at the asked instant it is.
    expect(await poller.pollDue(T0 + 2 * 60 * 60_000 - 1)).toEqual([]);
    expect(server.hits.get('/limited.xml')).toBe(1);
    server.route('/limited.xml', { body: () => rssOf('Limited', items) });
    now = T0 + 2 * 60 * 60_000;
    const [after] = await poller.pollDue(now);
    expect(after!.outcome).toBe('primed');
    expect(await store.source(url)).toMatchObject({ failures: 0, nextPollAt: now + POLL_TIMING.intervalMs });
  });

  it.each([
    ['429', 429, '60'],
    ['503', 503, '0'],
    ['429 with an invalid Retry-After', 429, '-5'],
  ])('GIVEN a %s with a Retry-After shorter than the back-off THEN the back-off applies', async (_label, status, retryAfter) => {
    server.route('/short-wait.xml', { body: () => 'busy', status, contentType: 'text/plain', headers: { 'retry-after': retryAfter } });
    const url = await follow('/short-wait.xml');
    await poller.pollDue(now);
    expect((await store.source(url))!.nextPollAt).toBe(T0 + 15 * 60_000);
    now = (await store.source(url))!.nextPollAt;
    await poller.pollDue(now);
    expect((await store.source(url))!.nextPollAt).toBe(now + 30 * 60_000);
  });

  it('GIVEN a feed that keeps answering 503 with Retry-After THEN each wait is the longer of the two and it is disabled at the usual threshold', async () => {
    server.route('/maintenance.xml', { body: () => 'down', status: 503, contentType: 'text/plain', headers: { 'retry-after': '10800' } });
    const url = await follow('/maintenance.xml');
    const waits: number[] = [];
    const disabled: boolean[] = [];
    for (let i = 0; i < POLL_TIMING.failuresBeforeDisable; i++) {
      now = (await store.source(url))!.nextPollAt;
      const [r] = await poller.pollDue(now);
      disabled.push(r!.disabled!);
      waits.push(((await store.source(url))!.nextPollAt - now) / 60_000);
    }
    // Back-off 15, 30, 60, 120, 240, ... min against the 180 min asked; the back-off's one-day ceiling.
    expect(waits).toEqual([180, 180, 180, 180, 240, 480, 960, 1440, 1440, 1440]);
    expect(disabled).toEqual([...Array(POLL_TIMING.failuresBeforeDisable - 1).fill(false), true]);
    expect(await store.source(url)).toMatchObject({ disabledReason: 'FETCH_HTTP_STATUS', failures: POLL_TIMING.failuresBeforeDisable });
    expect(server.hits.get('/maintenance.xml')).toBe(POLL_TIMING.failuresBeforeDisable);
  });

  it('GIVEN many feeds on one host THEN at most `perHost` are fetched at once, and all are polled', async () => {
    const own = await startFeedServer();
    try {
      for (let i = 0; i < 6; i++) {
        own.route(`/slow${i}.xml`, { body: () => rssOf(`Slow ${i}`, []), delayMs: 60 });
        await store.subscribe('g1', `${own.base}/slow${i}.xml`, { now, intervalMs: POLL_TIMING.intervalMs });
      }
      const reports = await poller.pollDue(now);
      expect(reports.map((r) => r.outcome)).toEqual(Array(6).fill('primed'));
      expect(own.maxConcurrent()).toBe(2);
    } finally {
      await own.close();
    }
  });

  it('GIVEN keys older than twelve months THEN they are pruned and the store stays bounded', async () => {
    const items = [{ guid: 'old', link: 'https://site.example/old', title: 'An old story from last year', html: longBody('old') }];
    server.route('/old.xml', { body: () => rssOf('Old', items) });
    const url = await follow('/old.xml');
    await poller.pollDue(now);
    expect((await store.seenKeys(url, ['never'], 0)).size).toBe(0);
    const before = (await import('../../src/feeds/normalize')).itemKeys({ guid: 'old', url: 'https://site.example/old', title: 'An old story from last year' });
    expect((await store.seenKeys(url, before, 0)).size).toBe(3);
    expect(await store.pruneSeen(now + 1)).toBe(3);
    expect((await store.seenKeys(url, before, 0)).size).toBe(0);
  });
});
