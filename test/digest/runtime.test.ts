/**
 * The digest runtime over the async stores: settings go through the DigestsStore it is given, the
 * articles come from the ArticleStore, feed titles and stored analyses are read asynchronously, and
 * a stored analysis is read only for the articles a digest shows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleIdOf, type Article } from '../../src/article/model';
import { ManualClock } from '../../src/digest/clock';
import type { DigestMessage } from '../../src/digest/compose';
import { createDigestRuntime, type DigestRuntime } from '../../src/digest/runtime';
import type { DigestSender } from '../../src/digest/scheduler';
import { analyzeArticle, type Analysis } from '../../src/nlp/analyze';
import { openStores } from '../../src/store/open';
import type { Stores, StoredArticle } from '../../src/store/ports';

const FEED = 'https://harbour.example/rss';

function article(n: number, source: string): Article {
  const text = `Story ${n}. The city council voted on Tuesday to extend the harbour tram line by four stations. "This is the line people asked for when we held the first hearings," said Mayor Ana Ruiz, who had backed the plan since her campaign. Opponents argued that the cost would crowd out repairs to older lines.`;
  return { id: articleIdOf(text), title: `Tram story ${n}`, source, url: `https://harbour.example/${n}`, text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [] };
}

let stores: Stores;
let clock: ManualClock;
let analysed: string[];
let runtime: DigestRuntime;

beforeEach(async () => {
  stores = await openStores({ kind: 'sqlite', path: ':memory:' });
  clock = new ManualClock(new Date('2024-03-05T05:00:00Z'));
  analysed = [];
  runtime = createDigestRuntime({
    store: stores.digests,
    articles: stores.articles,
    clock,
    // The stored analysis, with a speaker the text does not name: proves the digest's quote comes from it.
    analysisOf: async (a: StoredArticle): Promise<Analysis> => {
      analysed.push(a.title);
      const analysis = analyzeArticle(a);
      return { ...analysis, quotes: analysis.quotes.map((q) => ({ ...q, speakerRef: 'Stored Speaker' })) };
    },
    feedTitleOf: async (url) => (url === FEED ? 'Harbour Gazette' : undefined),
  });
});
afterEach(async () => {
  await runtime.stop();
  await stores.close();
});

describe('createDigestRuntime', () => {
  it('set saves through the DigestsStore, status reports it, off turns it off once', async () => {
    const saved = await runtime.set({ guildId: 'g1', channelId: 'c1', time: '8:00', timezone: 'europe/berlin', days: 'mon,wed,fri' });
    expect(saved).toMatchObject({ guildId: 'g1', channelId: 'c1', time: '08:00', timezone: 'Europe/Berlin', days: [1, 3, 5], enabled: true });
    expect(await stores.digests.schedule('g1')).toEqual(saved);
    const status = await runtime.status('g1');
    expect(status.nextRunAt?.toISOString()).toBe('2024-03-06T07:00:00.000Z');
    expect(status.pendingArticles).toBe(0);
    expect(await runtime.off('g1')).toBe(true);
    expect((await runtime.status('g1')).schedule?.enabled).toBe(false);
    expect(await runtime.off('g2')).toBe(false);
  });

  it('GIVEN 8 new articles of one feed THEN preview names the feed, quotes the stored analysis, and reads it only for the 6 shown; status reads none', async () => {
    for (let n = 1; n <= 8; n++) {
      await stores.articles.insert('g1', { article: article(n, `feed:${FEED}`), slug: `tram-${n}`, addedAt: `2024-03-05T04:0${n}:00.000Z` });
    }
    await stores.articles.insert('g2', { article: article(9, 'text'), slug: 'other-server', addedAt: '2024-03-05T04:30:00.000Z' });

    expect((await runtime.status('g1')).pendingArticles).toBe(8);
    expect(analysed).toEqual([]);

    const digest = (await runtime.preview('g1'))!;
    expect(digest.articleCount).toBe(8);
    expect(digest.groups).toEqual([{ name: 'Harbour Gazette', total: 8, shown: 6 }]);
    const embed = digest.messages[0]!.embeds[0]!;
    expect(embed.title).toBe('Harbour Gazette');
    expect(embed.description).toContain('” — Stored Speaker');
    expect(analysed).toEqual(['Tram story 8', 'Tram story 7', 'Tram story 6', 'Tram story 5', 'Tram story 4', 'Tram story 3']);
    expect(await stores.digests.lastRun('g1')).toBeUndefined();
  });

  it('start(poster) sends the due digest through the poster and records the run; stop() waits for it', async () => {
    await stores.articles.insert('g1', { article: article(1, 'text'), slug: 'tram-1', addedAt: '2024-03-05T06:00:00.000Z' });
    await runtime.set({ guildId: 'g1', channelId: 'c1', time: '08:00', timezone: 'Europe/Berlin' });
    clock.set('2024-03-05T07:00:00Z');
    const posts: Array<{ channelId: string; message: DigestMessage }> = [];
    let sent!: () => void;
    const done = new Promise<void>((r) => (sent = r));
    const poster: DigestSender = {
      checkChannel: async () => ({ ok: true }),
      send: async (channelId, message) => {
        posts.push({ channelId, message });
        sent();
        return 'm1';
      },
    };
    runtime.start(poster);
    await done;
    await runtime.stop();
    expect(posts.map((p) => [p.channelId, p.message.embeds[0]!.title])).toEqual([['c1', 'Added by members']]);
    expect(await stores.digests.run('g1', '2024-03-05')).toMatchObject({ status: 'sent', articleCount: 1, messageIds: ['m1'] });
  });
});
