/**
 * Forgiving feeds end to end below Discord: a feed server on 127.0.0.1 serves a feed cut off
 * mid-item and a description-only RSS 0.92 feed; the real service, poller (safe fetcher, SQLite
 * store in a temp file) and article loader follow them. The complete items, and the cut item with
 * its title and link (its page fetched), become articles; an item without a readable date is
 * dated by when it was first seen and `/feed status` says so; the whole feed later brings only
 * what is new.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { statusLines } from '../../commands/feed';
import type { FeedDelivery } from '../../src/feeds/poller';
import { FeedPoller } from '../../src/feeds/poller';
import { createFeedService, type FeedService } from '../../src/feeds/service';
import { safeFetch } from '../../src/fetch/index';
import { openStores } from '../../src/store/open';
import type { Stores } from '../../src/store/ports';
import { longBody, startFeedServer, type FeedServer } from './support/feed-server';
import { makeArticle } from './support/make-article';

let server: FeedServer;
let dir: string;
let stores: Stores;
let poller: FeedPoller;
let service: FeedService;
let delivered: FeedDelivery[];
let now = Date.parse('2024-03-05T12:00:00Z');

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Wire</title><link>https://wire.example/</link>\n';
const item = (n: number, title: string, pubDate?: string) =>
  `<item><title>${title}</title><link>${server.base}/story/${n}</link><guid isPermaLink="false">w${n}</guid>${pubDate ? `<pubDate>${pubDate}</pubDate>` : ''}<content:encoded><![CDATA[${longBody(`w${n}`)}]]></content:encoded></item>\n`;
let wire = '';

const NOTES_HEAD = '<?xml version="1.0"?><rss version="0.92"><channel><title>Harbour Notes</title><link>https://notes.example/</link><description>Notes</description>';
const note = (text: string) => `<item><description>${text}</description></item>`;
let notes = '';

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/wire.xml', { body: () => wire, conditional: true });
  server.route('/notes.xml', { body: () => notes, conditional: true });
  server.route('/story/3', { body: () => `<!doctype html><html><head><title>Tide gauge</title></head><body><article><h1>Tide gauge installed at the pier</h1>${longBody('page-3')}</article></body></html>`, contentType: 'text/html; charset=utf-8' });
});
afterAll(() => server.close());
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-forgiving-'));
  stores = await openStores({ kind: 'sqlite', path: join(dir, 'feeds.db') });
  delivered = [];
  now = Date.parse('2024-03-05T12:00:00Z');
  const fetchOpts = { allowPrivate: true, maxBytes: 1 << 20, timeoutMs: 5000 };
  poller = new FeedPoller({
    store: stores.feeds,
    fetchFeed: (url, headers) => safeFetch(url, { ...fetchOpts, accept: 'feed', headers }),
    fetchPage: (url) => safeFetch(url, { ...fetchOpts, accept: 'article' }),
    makeArticle,
    deliver: (d) => {
      delivered.push(d);
      return { addedTo: d.subscribers.map((s) => s.guildId) };
    },
    now: () => now,
    random: () => 0.5,
  });
  service = createFeedService({ store: stores.feeds, poller, now: () => now });
});
afterEach(async () => {
  await stores.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('forgiving feeds through the service, the poller and the article loader', () => {
  it('GIVEN a feed cut off mid-item THEN it is followed, its whole items and the cut one with a title and link become articles, the undated one is dated when first seen, and status says so', async () => {
    wire = `${HEAD}${item(1, 'Ferry pier reopens after repairs', 'Tue, 05 Mar 2024 09:00:00 GMT')}${item(2, 'Market hall roof starts in June')}<item><title>Tide gauge installed at the pier</title><link>${server.base}/story/3</link><description>The new tide ga`;
    const status = await service.add('g1', `${server.base}/wire.xml`);
    expect(status).toMatchObject({ state: 'active', title: 'Harbour Wire', loaded: 3, undatedItems: { count: 2, of: 3 } });
    // Feed order (not all items are dated): oldest of the latest items first.
    expect(delivered.map((d) => [d.item.title, d.article.title, d.origin, d.item.publishedAt, d.firstPoll])).toEqual([
      ['Tide gauge installed at the pier', 'Tide gauge installed at the pier', 'page', '2024-03-05T12:00:00.000Z', true],
      ['Market hall roof starts in June', 'Market hall roof starts in June', 'feed', '2024-03-05T12:00:00.000Z', true],
      ['Ferry pier reopens after repairs', 'Ferry pier reopens after repairs', 'feed', '2024-03-05T09:00:00.000Z', true],
    ]);
    expect(delivered[0]!.article.text).toContain('Story page-3 begins with a plain sentence about the harbour.');
    expect(delivered[2]!.article.publishedAt).toBe('2024-03-05T09:00:00.000Z');
    expect(delivered[1]!.article.publishedAt).toBe('2024-03-05T12:00:00.000Z');
    expect(statusLines(await service.get('g1', `${server.base}/wire.xml`))).toContain(
      '**Dates:** 2 of the 3 items in the last check had no readable date; the time each was first seen is used',
    );

    // The whole feed, with the cut item complete (same link) and a new one: only the new one is new.
    delivered = [];
    now += 60 * 60_000;
    wire = `${HEAD}${item(4, 'Night buses return to the old town', 'Tue, 05 Mar 2024 12:30:00 GMT')}${item(1, 'Ferry pier reopens after repairs', 'Tue, 05 Mar 2024 09:00:00 GMT')}${item(2, 'Market hall roof starts in June', 'Mon, 04 Mar 2024 15:00:00 GMT')}${item(3, 'Tide gauge installed at the pier', 'Tue, 05 Mar 2024 11:00:00 GMT')}</channel></rss>`;
    const [report] = await poller.pollDue(now);
    expect(report).toMatchObject({ outcome: 'ok', newItems: 1, delivered: 1 });
    expect(delivered.map((d) => d.item.title)).toEqual(['Night buses return to the old town']);
    expect((await service.get('g1', `${server.base}/wire.xml`)).undatedItems).toBeUndefined();
  });

  it('GIVEN a feed cut before its first whole item THEN the add is refused as FEED_MALFORMED', async () => {
    wire = `${HEAD}<item><title>Ferry pier reop`;
    await expect(service.add('g1', `${server.base}/wire.xml`)).rejects.toMatchObject({ code: 'FEED_REJECTED', reason: 'FEED_MALFORMED' });
  });

  it('GIVEN description-only RSS 0.92 items THEN they become articles titled by their first words, once each', async () => {
    const first = 'The harbour master says the north basin will be dredged in April, so moorings there move to the south quay for three weeks while the work goes on.';
    notes = `${NOTES_HEAD}${note(first)}</channel></rss>`;
    const status = await service.add('g1', `${server.base}/notes.xml`);
    expect(status).toMatchObject({ loaded: 1, undatedItems: { count: 1, of: 1 } });
    expect(statusLines(status)).toContain('**Dates:** the item in the last check had no readable date; the time each was first seen is used');
    expect(delivered.map((d) => [d.item.title, d.article.title, d.article.text])).toEqual([
      ['The harbour master says the north basin will be dredged in April, so moorings…', 'The harbour master says the north basin will be dredged in April, so moorings…', first],
    ]);
    delivered = [];
    now += 60 * 60_000;
    notes = `${NOTES_HEAD}${note('Fish market opens an hour earlier on Saturdays from next week, the market board said.')}${note(first)}</channel></rss>`;
    const [report] = await poller.pollDue(now);
    expect(report).toMatchObject({ outcome: 'ok', newItems: 1, delivered: 1 });
    expect(delivered.map((d) => d.item.title)).toEqual(['Fish market opens an hour earlier on Saturdays from next week, the market board…']);
  });
});
