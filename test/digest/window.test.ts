/**
 * How a digest reads its window (issue 11): one bounded query for the window's articles without
 * their bodies, and the bodies and stored analyses of the shown articles only; a window past the
 * listed cap is counted whole. On the real stores (SQLite).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleIdOf, type Article } from '../../src/article/model';
import { ManualClock } from '../../src/digest/clock';
import { BUNDLED_GROUP, composeDigest, MANUAL_GROUP, type DigestArticle } from '../../src/digest/compose';
import { createDigestRuntime, DIGEST_WINDOW_LISTED, type DigestRuntime, type DigestRuntimeDeps } from '../../src/digest/runtime';
import { analyzeArticle } from '../../src/nlp/analyze';
import { openStores } from '../../src/store/open';
import type { ArticleStore, Stores } from '../../src/store/ports';

const FEED = 'https://harbour.example/rss';

function article(n: number, source: string): Article {
  const text = `Tram line ${n} opens in spring. The city council voted on Tuesday to extend the harbour tram line by four stations. "This is the line people asked for when we held the first hearings," said Mayor Ana Ruiz, who had backed the plan since her campaign. Opponents argued that the cost would crowd out repairs to older lines.`;
  return { id: articleIdOf(text), title: `Tram story ${n}`, source, url: `https://harbour.example/${n}`, text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [] };
}

let stores: Stores;
let clock: ManualClock;
let runtime: DigestRuntime | undefined;
/** Ids of the articles read whole (get) and analysed, in order. */
let read: string[];
let analysed: string[];

/** The real article store, recording which articles are read whole. */
function recording(articles: ArticleStore): ArticleStore {
  return Object.assign(Object.create(articles) as ArticleStore, {
    get: (guildId: string, id: string) => {
      read.push(id);
      return articles.get(guildId, id);
    },
  });
}

function start(over: Partial<DigestRuntimeDeps> = {}): DigestRuntime {
  runtime = createDigestRuntime({
    store: stores.digests,
    articles: recording(stores.articles),
    clock,
    analysisOf: async (a) => {
      analysed.push(a.id);
      return analyzeArticle(a);
    },
    feedTitleOf: async (url) => (url === FEED ? 'Harbour Gazette' : undefined),
    ...over,
  });
  return runtime;
}

beforeEach(async () => {
  stores = await openStores({ kind: 'sqlite', path: ':memory:' });
  clock = new ManualClock(new Date('2024-03-05T12:00:00Z'));
  read = [];
  analysed = [];
});
afterEach(async () => {
  await runtime?.stop();
  runtime = undefined;
  await stores.close();
});

const at = (minute: number) => new Date(Date.parse('2024-03-05T10:00:00Z') + minute * 60_000).toISOString();

describe('the digest window', () => {
  it('GIVEN 8 feed items, 2 member adds and a bundled article in the day THEN the groups count them all and only the 9 shown are read whole, once each; status reads none', async () => {
    for (let n = 1; n <= 8; n++) await stores.articles.insertFeedItem('g1', { article: article(n, `feed:${FEED}`), slug: `tram-${n}`, addedAt: at(n), feedUrl: FEED }, 100);
    for (const n of [9, 10]) await stores.articles.insertChecked('g1', { article: article(n, 'text'), slug: `tram-${n}`, addedBy: 'u1', addedAt: at(n) }, 100);
    await stores.articles.upsertBundled({ article: article(11, 'text'), slug: 'tram-11', addedAt: at(11) });
    await stores.articles.insert('g1', { article: article(12, 'text'), slug: 'tram-12', addedBy: 'u1', addedAt: '2024-03-04T11:59:59.999Z' });
    const digests = start();

    expect((await digests.status('g1')).pendingArticles).toBe(11);
    expect(read).toEqual([]);
    const digest = (await digests.preview('g1'))!;
    expect(digest.articleCount).toBe(11);
    expect(digest.groups).toEqual([
      { name: 'Harbour Gazette', total: 8, shown: 6 },
      { name: MANUAL_GROUP, total: 2, shown: 2 },
      { name: BUNDLED_GROUP, total: 1, shown: 1 },
    ]);
    const shown = [8, 7, 6, 5, 4, 3, 10, 9, 11].map((n) => article(n, 'text').id);
    expect(read).toEqual(shown);
    expect(analysed).toEqual(shown);
    // The summaries come from the bodies read for the shown articles.
    const text = digest.messages.flatMap((m) => m.embeds.map((e) => e.description)).join('\n');
    for (const n of [8, 3, 10, 11]) expect(text).toContain(`Tram line ${n} opens in spring.`);
    expect(text).toContain('*…and 2 more from this feed.*');
  });

  it('GIVEN an article removed after the window was read THEN it is shown by its title alone (no body to summarize), the others as usual', async () => {
    for (const n of [1, 2]) await stores.articles.insertFeedItem('g1', { article: article(n, `feed:${FEED}`), slug: `tram-${n}`, addedAt: at(n), feedUrl: FEED }, 100);
    const digests = start({
      // Called while the window is turned into entries: the member removes the article right then.
      feedTitleOf: async () => {
        await stores.articles.remove('g1', article(2, 'text').id);
        return 'Harbour Gazette';
      },
    });
    const digest = (await digests.preview('g1'))!;
    expect(digest.articleCount).toBe(2);
    const description = digest.messages[0]!.embeds[0]!.description;
    expect(description.startsWith('**[Tram story 2](https://harbour.example/2)**\n\n**[Tram story 1](https://harbour.example/1)**\nTram line 1 opens in spring.')).toBe(true);
    expect(analysed).toEqual([article(1, 'text').id]);
  });

  it(`GIVEN more than ${DIGEST_WINDOW_LISTED.toLocaleString('en-US')} articles in the window THEN the newest are listed and the heading, the status and the sent run count them all`, async () => {
    const total = DIGEST_WINDOW_LISTED + 3;
    const base = Date.parse('2024-03-05T06:00:00Z');
    for (let n = 0; n < total; n++) {
      const text = `Harbour report ${n}. The ferry ran on time.`;
      const item: Article = { id: articleIdOf(text), title: `Report ${n}`, source: `feed:${FEED}`, text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [] };
      await stores.articles.insertFeedItem('g1', { article: item, slug: `report-${n}`, addedAt: new Date(base + n * 1000).toISOString(), feedUrl: FEED }, total);
    }
    const digests = start();
    expect((await digests.status('g1')).pendingArticles).toBe(total);
    const digest = (await digests.preview('g1'))!;
    expect([digest.articleCount, digest.shownCount, digest.groups]).toEqual([total, 6, [{ name: 'Harbour Gazette', total: DIGEST_WINDOW_LISTED, shown: 6 }]]);
    expect(digest.messages[0]!.content).toBe(`**Daily digest · Tuesday, 5 March 2024** · ${total} new articles (6 shown; see \`/article list\` for the other ${total - 6})`);
    expect(digest.messages[0]!.embeds[0]!.description.startsWith(`**Report ${total - 1}**`)).toBe(true);

    await digests.set({ guildId: 'g1', channelId: 'c1', time: '13:00', timezone: 'UTC' });
    digests.start({ checkChannel: async () => ({ ok: true }), send: async () => 'm1' });
    digests.scheduler.stop();
    const [report] = await digests.scheduler.tick(new Date('2024-03-05T13:00:00Z'));
    expect([report?.outcome, report?.articleCount]).toEqual(['sent', total]);
    expect((await stores.digests.run('g1', '2024-03-05'))?.articleCount).toBe(total);
  }, 60_000);
});

describe('composeDigest with omitted articles', () => {
  const entry = (i: number): DigestArticle => ({ id: `id${i}`, title: `Story ${i}`, text: `Body ${i}.`, addedAt: new Date(Date.UTC(2024, 2, 5, 8, i)).toISOString() });

  it('GIVEN 2 listed articles and 5 omitted THEN 7 are counted and the 5 are among the others', () => {
    const parts = { summaryOf: () => [], topQuoteOf: () => undefined };
    const d = composeDigest({ articles: [entry(1), entry(2)], parts, heading: 'Digest', omitted: 5 })!;
    expect([d.articleCount, d.shownCount, d.groups]).toEqual([7, 2, [{ name: MANUAL_GROUP, total: 2, shown: 2 }]]);
    expect(d.messages[0]!.content).toBe('**Digest** · 7 new articles (2 shown; see `/article list` for the other 5)');
    expect(composeDigest({ articles: [entry(1)], parts, heading: 'Digest', omitted: 0 })!.messages[0]!.content).toBe('**Digest** · 1 new article');
  });
});
