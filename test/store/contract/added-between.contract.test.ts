/**
 * `ArticleStore.listingsAddedBetween`, what a digest reads: the articles a server sees that were
 * added in (since, until], newest first, capped, with the count of them all; bundled articles are
 * news too; a feed's first-poll items are not. One contract, run on SQLite and on PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { articleIdOf, type Article } from '../../../src/article/model';
import type { Stores } from '../../../src/store/ports';
import { BACKENDS, freshStores } from './backends';

const FEED = 'https://harbour.test/feed.xml';
const SINCE = '2024-06-01T00:00:00.000Z';
const UNTIL = '2024-06-02T00:00:00.000Z';

function article(text: string, title: string, extra: Partial<Article> = {}): Article {
  return { id: articleIdOf(text), title, source: 'text', text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [], ...extra };
}

/** Titles and add times of the span's listing, and its total. */
async function span(stores: Stores, guildId: string, limit = 100, since = SINCE, until = UNTIL) {
  const { listings, total } = await stores.articles.listingsAddedBetween(guildId, since, until, { limit });
  return { rows: listings.map((l) => [l.title, l.addedAt]), total };
}

describe.each(BACKENDS)('listingsAddedBetween on %s', (backend) => {
  it('GIVEN articles on both edges of the span, a bundled one and another server\'s THEN (since, until] of the server and the bundled, newest first, each with its columns', async () => {
    const { stores } = await freshStores(backend);
    await stores.articles.insert('g1', { article: article('At since.', 'At since'), slug: 'at-since', addedBy: 'u1', addedAt: SINCE });
    await stores.articles.insert('g1', { article: article('Just after since.', 'Just after since'), slug: 'after-since', addedBy: 'u1', addedAt: '2024-06-01T00:00:00.001Z' });
    await stores.articles.insertFeedItem('g1', {
      article: article('A harbour item.', 'Harbour item', { source: `feed:${FEED}`, url: 'https://harbour.test/1', siteName: 'Harbour Gazette' }),
      slug: 'harbour-item', addedAt: '2024-06-01T12:00:00.000Z', feedUrl: FEED,
    }, 100);
    await stores.articles.upsertBundled({ article: article('The ferry runs hourly.', 'Ferry timetable'), slug: 'ferry', addedAt: '2024-06-01T13:00:00.000Z' });
    await stores.articles.insert('g2', { article: article('Another server.', 'Other server'), slug: 'other', addedBy: 'u2', addedAt: '2024-06-01T14:00:00.000Z' });
    await stores.articles.insert('g1', { article: article('At until.', 'At until'), slug: 'at-until', addedBy: 'u1', addedAt: UNTIL });
    await stores.articles.insert('g1', { article: article('Just after until.', 'Just after until'), slug: 'after-until', addedBy: 'u1', addedAt: '2024-06-02T00:00:00.001Z' });

    expect(await span(stores, 'g1')).toEqual({
      rows: [
        ['At until', UNTIL],
        ['Ferry timetable', '2024-06-01T13:00:00.000Z'],
        ['Harbour item', '2024-06-01T12:00:00.000Z'],
        ['Just after since', '2024-06-01T00:00:00.001Z'],
      ],
      total: 4,
    });
    const { listings } = await stores.articles.listingsAddedBetween('g1', SINCE, UNTIL, { limit: 10 });
    expect(listings[1]).toEqual({ id: articleIdOf('The ferry runs hourly.'), guildId: null, slug: 'ferry', title: 'Ferry timetable', source: 'text', addedAt: '2024-06-01T13:00:00.000Z' });
    expect(listings[2]).toEqual({
      id: articleIdOf('A harbour item.'), guildId: 'g1', slug: 'harbour-item', title: 'Harbour item', source: `feed:${FEED}`,
      url: 'https://harbour.test/1', siteName: 'Harbour Gazette', addedAt: '2024-06-01T12:00:00.000Z',
    });
    // Another server sees its own and the bundled one; a server with none, the bundled one only.
    expect(await span(stores, 'g2')).toEqual({ rows: [['Other server', '2024-06-01T14:00:00.000Z'], ['Ferry timetable', '2024-06-01T13:00:00.000Z']], total: 2 });
    expect(await span(stores, 'nobody')).toEqual({ rows: [['Ferry timetable', '2024-06-01T13:00:00.000Z']], total: 1 });
    // An empty span, and a span that ends where it starts.
    expect(await span(stores, 'g1', 10, '2024-07-01T00:00:00.000Z', '2024-07-02T00:00:00.000Z')).toEqual({ rows: [], total: 0 });
    expect(await span(stores, 'g1', 10, UNTIL, UNTIL)).toEqual({ rows: [], total: 0 });
  });

  it('GIVEN more articles than the limit, some added at the same instant THEN the newest `limit` (the later stored first on ties) and the total of them all', async () => {
    const { stores } = await freshStores(backend);
    const times = ['2024-06-01T01:00:00.000Z', '2024-06-01T02:00:00.000Z', '2024-06-01T02:00:00.000Z', '2024-06-01T03:00:00.000Z', '2024-06-01T04:00:00.000Z'];
    for (const [k, addedAt] of times.entries()) {
      await stores.articles.insertFeedItem('g', { article: article(`Item ${k}.`, `Item ${k}`, { source: `feed:${FEED}` }), slug: `item-${k}`, addedAt, feedUrl: FEED }, 100);
    }
    await stores.articles.upsertBundled({ article: article('Bundled at two.', 'Bundled'), slug: 'bundled', addedAt: '2024-06-01T02:00:00.000Z' });
    const all = ['Item 4', 'Item 3', 'Bundled', 'Item 2', 'Item 1', 'Item 0'];
    for (const limit of [1, 2, 3, 4, 6, 50]) {
      const { listings, total } = await stores.articles.listingsAddedBetween('g', SINCE, UNTIL, { limit });
      expect([listings.map((l) => l.title), total], `limit ${limit}`).toEqual([all.slice(0, limit), 6]);
    }
    for (const limit of [0, -1, 1.5, Number.NaN]) {
      await expect(stores.articles.listingsAddedBetween('g', SINCE, UNTIL, { limit })).rejects.toThrow(
        new RangeError(`listingsAddedBetween: limit must be a whole number of at least 1, got ${limit}`),
      );
    }
  });

  it('GIVEN first-poll items of a feed THEN the server that got them at its first poll does not list or count them; a server that got them as new items does', async () => {
    const { stores } = await freshStores(backend);
    const item = (k: number) => article(`Item ${k} of the feed.`, `Item ${k}`, { source: `feed:${FEED}` });
    for (const guild of ['g1', 'g2']) {
      for (const k of [1, 2, 3]) {
        await stores.articles.insertFeedItem(guild, { article: item(k), slug: `item-${k}`, addedAt: `2024-06-01T0${k}:00:00.000Z`, feedUrl: FEED }, 100);
      }
    }
    await stores.feeds.markFirstPollItems('g1', FEED, [item(1).id, item(2).id], Date.parse('2024-06-01T02:00:00.000Z'));
    expect(await span(stores, 'g1')).toEqual({ rows: [['Item 3', '2024-06-01T03:00:00.000Z']], total: 1 });
    expect(await span(stores, 'g1', 1)).toEqual({ rows: [['Item 3', '2024-06-01T03:00:00.000Z']], total: 1 });
    expect((await span(stores, 'g2')).total).toBe(3);
    // A bundled copy of a first-poll item is the same old news for that server.
    await stores.articles.upsertBundled({ article: { ...item(2), title: 'Item 2, bundled' }, slug: 'bundled-2', addedAt: '2024-06-01T05:00:00.000Z' });
    expect(await span(stores, 'g1')).toEqual({ rows: [['Item 3', '2024-06-01T03:00:00.000Z']], total: 1 });
    expect((await span(stores, 'g2')).rows).toEqual([['Item 2', '2024-06-01T05:00:00.000Z'], ['Item 3', '2024-06-01T03:00:00.000Z'], ['Item 1', '2024-06-01T01:00:00.000Z']]);
  });

  it('GIVEN the same text stored by the server and bundled THEN it is listed once, as the server\'s copy, at the latest time a copy came in the span', async () => {
    const { stores } = await freshStores(backend);
    const own = article('The dam holds after the storm.', 'Dam holds (member)');
    await stores.articles.insert('g1', { article: own, slug: 'dam', addedBy: 'u1', addedAt: '2024-05-20T00:00:00.000Z' });
    await stores.articles.upsertBundled({ article: { ...own, title: 'Dam holds (bundled)' }, slug: 'dam-file', addedAt: '2024-06-01T06:00:00.000Z' });
    // The server's copy came before the span: the bundled one brought it in, the server's is what it reads.
    const { listings, total } = await stores.articles.listingsAddedBetween('g1', SINCE, UNTIL, { limit: 10 });
    expect([listings, total]).toEqual([[{ id: own.id, guildId: 'g1', slug: 'dam', title: 'Dam holds (member)', source: 'text', addedAt: '2024-06-01T06:00:00.000Z' }], 1]);
    expect(await span(stores, 'g2')).toEqual({ rows: [['Dam holds (bundled)', '2024-06-01T06:00:00.000Z']], total: 1 });
    // Both copies in the span (the server's later, then at the same instant): once, at the later time.
    const twice = article('The tram line is extended.', 'Tram (member)');
    await stores.articles.upsertBundled({ article: { ...twice, title: 'Tram (bundled)' }, slug: 'tram-file', addedAt: '2024-06-01T07:00:00.000Z' });
    await stores.articles.insert('g1', { article: twice, slug: 'tram', addedBy: 'u1', addedAt: '2024-06-01T08:00:00.000Z' });
    const same = article('The ferry strike ends.', 'Ferry (member)');
    await stores.articles.insert('g1', { article: same, slug: 'ferry', addedBy: 'u1', addedAt: '2024-06-01T09:00:00.000Z' });
    await stores.articles.upsertBundled({ article: { ...same, title: 'Ferry (bundled)' }, slug: 'ferry-file', addedAt: '2024-06-01T09:00:00.000Z' });
    expect(await span(stores, 'g1')).toEqual({
      rows: [['Ferry (member)', '2024-06-01T09:00:00.000Z'], ['Tram (member)', '2024-06-01T08:00:00.000Z'], ['Dam holds (member)', '2024-06-01T06:00:00.000Z']],
      total: 3,
    });
    expect((await stores.articles.listingsAddedBetween('g1', SINCE, UNTIL, { limit: 10 })).listings.map((l) => l.guildId)).toEqual(['g1', 'g1', 'g1']);
  });
});
