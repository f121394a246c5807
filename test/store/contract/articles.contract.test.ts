/**
 * The article, analysis, state and thread stores: one contract, run on SQLite and on PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { articleIdOf, type Article } from '../../../src/article/model';
import { BACKENDS, freshStores, storesOn } from './backends';

function article(text: string, title = 'A title', extra: Partial<Article> = {}): Article {
  return { id: articleIdOf(text), title, source: 'text', text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [], ...extra };
}

describe.each(BACKENDS)('article store on %s', (backend) => {
  it('GIVEN articles in two servers and a bundled one THEN each server sees its own plus the bundled, newest first', async () => {
    const { stores } = await freshStores(backend);
    await stores.articles.upsertBundled({ article: article('Bundled body.', 'Bundled'), slug: 'bundled', addedAt: '2024-01-01T00:00:00.000Z' });
    await stores.articles.insert('g1', { article: article('One.'), slug: 'one', addedBy: 'u1', addedAt: '2024-02-01T00:00:00.000Z' });
    await stores.articles.insert('g1', { article: article('Two.'), slug: 'two', addedAt: '2024-03-01T00:00:00.000Z' });
    await stores.articles.insert('g2', { article: article('Three.'), slug: 'three', addedAt: '2024-04-01T00:00:00.000Z' });
    expect((await stores.articles.listings('g1')).map((l) => l.slug)).toEqual(['two', 'one', 'bundled']);
    expect((await stores.articles.listings('g1')).map((l) => l.length)).toEqual([4, 4, 13]);
    expect((await stores.articles.page('g1', 1, 1)).map((l) => l.slug)).toEqual(['one']);
    expect(await stores.articles.countVisible('g1')).toBe(3);
    expect(await stores.articles.countOwn('g1')).toBe(2);
    expect(await stores.articles.get('g2', articleIdOf('One.'))).toBeUndefined();
    expect((await stores.articles.get('g2', articleIdOf('Bundled body.')))?.guildId).toBeNull();
  });

  it('GIVEN feed items, member adds and bundled articles, some added at the same time THEN every page is that slice of the listing and countVisible counts them all', async () => {
    const { stores } = await freshStores(backend);
    const at = (day: number) => `2024-05-${String(day).padStart(2, '0')}T00:00:00.000Z`;
    await stores.articles.upsertBundled({ article: article('Bundled early.', 'B1'), slug: 'b1', addedAt: at(1) });
    await stores.articles.upsertBundled({ article: article('Bundled tie.', 'B2'), slug: 'b2', addedAt: at(4) });
    await stores.articles.insertChecked('g', { article: article('Member one.'), slug: 'm1', addedBy: 'u1', addedAt: at(2) }, 10);
    await stores.articles.insertChecked('g', { article: article('Member tie.'), slug: 'm2', addedBy: 'u1', addedAt: at(4) }, 10);
    for (const [k, day] of [3, 4, 5, 6].entries()) {
      await stores.articles.insertFeedItem('g', { article: article(`Feed ${k}.`), slug: `f${k}`, addedAt: at(day), feedUrl: 'https://news.test/feed.xml' }, 10);
    }
    await stores.articles.insertFeedItem('h', { article: article('Other server.'), slug: 'h1', addedAt: at(5), feedUrl: 'https://news.test/feed.xml' }, 10);
    expect(await stores.articles.remove('g', articleIdOf('Feed 3.'))).toBe(true);
    const listing = (await stores.articles.listings('g')).map((l) => l.slug);
    // Ties (day 4: bundled, member, feed) go by insertion, newest first, as the listing orders them.
    expect(listing).toEqual(['f2', 'f1', 'm2', 'b2', 'f0', 'm1', 'b1']);
    for (let offset = 0; offset <= listing.length; offset++) {
      for (const limit of [1, 2, 5, 10]) {
        expect((await stores.articles.page('g', offset, limit)).map((l) => l.slug), `offset ${offset}, limit ${limit}`).toEqual(listing.slice(offset, offset + limit));
      }
    }
    expect((await stores.articles.page('g', 0, 1))[0]).toEqual((await stores.articles.listings('g'))[0]);
    expect([await stores.articles.countVisible('g'), await stores.articles.countVisible('h'), await stores.articles.countVisible('nobody')]).toEqual([7, 3, 2]);
    expect([await stores.articles.countOwn('g', 'member'), await stores.articles.countOwn('g', 'feed')]).toEqual([2, 3]);
  });

  it('GIVEN the same content in one server twice THEN the second insert is refused by the unique index', async () => {
    const { stores } = await freshStores(backend);
    await stores.articles.insert('g1', { article: article('Same.'), slug: 's' });
    await expect(stores.articles.insert('g1', { article: article('Same.'), slug: 's' })).rejects.toThrow(/UNIQUE|unique/);
    await stores.articles.insert('g2', { article: article('Same.'), slug: 's' });
    expect(await stores.articles.countOwn('g2')).toBe(1);
  });

  it('GIVEN insertChecked THEN it adds, or names the URL or content duplicate, or reports the server full, also across two connections', async () => {
    const { stores, target } = await freshStores(backend);
    const other = await storesOn(target);
    await stores.articles.upsertBundled({ article: article('Bundled body.', 'Bundled'), slug: 'bundled', urlKey: 'https://news.test/bundled' });
    const one = await stores.articles.insertChecked('g', { article: article('One.'), slug: 'one', urlKey: 'https://news.test/one' }, 2);
    expect(one).toMatchObject({ kind: 'added', article: { guildId: 'g', slug: 'one', urlKey: 'https://news.test/one' } });
    expect(await other.articles.insertChecked('g', { article: article('One, updated.'), slug: 'x', urlKey: 'https://news.test/one' }, 2)).toMatchObject({ kind: 'duplicate', by: 'url', article: { id: articleIdOf('One.') } });
    expect(await other.articles.insertChecked('g', { article: article('One.'), slug: 'x', urlKey: 'https://news.test/moved' }, 2)).toMatchObject({ kind: 'duplicate', by: 'content', article: { guildId: 'g' } });
    expect(await other.articles.insertChecked('g', { article: article('Elsewhere.'), slug: 'x', urlKey: 'https://news.test/bundled' }, 2)).toMatchObject({ kind: 'duplicate', by: 'url', article: { guildId: null } });
    expect((await other.articles.insertChecked('g', { article: article('Two.'), slug: 'two' }, 2)).kind).toBe('added');
    // Bundled articles do not count toward the limit; the server's own two do.
    expect(await stores.articles.insertChecked('g', { article: article('Three.'), slug: 'three' }, 2)).toEqual({ kind: 'full' });
    expect((await stores.articles.insertChecked('h', { article: article('Three.'), slug: 'three' }, 2)).kind).toBe('added');
    expect([await stores.articles.countOwn('g'), await stores.articles.countOwn('h')]).toEqual([2, 1]);
  });

  it('GIVEN 20 racing adds to one server from two connections with room for 5 THEN exactly 5 are stored', async () => {
    const { stores, target } = await freshStores(backend);
    const other = await storesOn(target);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, k) => (k % 2 ? other : stores).articles.insertChecked('g', { article: article(`Race ${k}.`), slug: `r${k}` }, 5)),
    );
    expect(outcomes.filter((o) => o.kind === 'added')).toHaveLength(5);
    expect(outcomes.filter((o) => o.kind === 'full')).toHaveLength(15);
    expect(await stores.articles.countOwn('g')).toBe(5);
  });

  it('GIVEN a restart THEN articles, their fields, analyses, state and thread links are all still there', async () => {
    const { stores, target } = await freshStores(backend);
    const a = article('Body with "quotes".\n\nSecond.', 'T', { url: 'https://x.test/a', byline: 'By Me', publishedAt: '2024-01-02' });
    await stores.articles.insert('g1', { article: a, slug: 't', urlKey: 'https://x.test/a', addedBy: 'u9' });
    await stores.analyses.put(a.id, 3, '{"x":1}');
    await stores.state.set('k', 'v');
    await stores.threads.save({ threadId: 't1', guildId: 'g1', channelId: 'c', messageId: 'm', articleId: a.id, createdBy: 'u9' });
    await stores.close();
    const again = await storesOn(target);
    const got = await again.articles.get('g1', a.id);
    expect(got).toMatchObject({ title: 'T', url: 'https://x.test/a', byline: 'By Me', publishedAt: '2024-01-02', addedBy: 'u9', text: a.text, slug: 't' });
    expect(got?.paragraphs).toEqual(a.paragraphs);
    expect((await again.articles.findByUrlKey('g1', 'https://x.test/a'))?.id).toBe(a.id);
    expect(await again.analyses.get(a.id)).toMatchObject({ version: 3, json: '{"x":1}' });
    expect(await again.state.get('k')).toBe('v');
    await again.state.set('k', 'w');
    expect(await again.state.get('k')).toBe('w');
    await again.state.delete('k');
    expect(await again.state.get('k')).toBeUndefined();
    expect((await again.threads.get('t1'))?.articleId).toBe(a.id);
    expect((await again.threads.byMessage('m'))?.threadId).toBe('t1');
    expect(await again.threads.remove('t1')).toBe(true);
    expect(await again.threads.get('t1')).toBeUndefined();
  });

  it('GIVEN a bundled article re-loaded THEN its addedAt is kept, and pruning drops the ones no longer shipped', async () => {
    const { stores } = await freshStores(backend);
    const a = article('Kept.', 'Old title');
    await stores.articles.upsertBundled({ article: a, slug: 'kept', addedAt: '2020-01-01T00:00:00.000Z' });
    await stores.articles.upsertBundled({ article: article('Gone.'), slug: 'gone' });
    const again = await stores.articles.upsertBundled({ article: { ...a, title: 'New title' }, slug: 'kept' });
    expect(again).toMatchObject({ title: 'New title', addedAt: '2020-01-01T00:00:00.000Z' });
    expect(await stores.articles.pruneBundled(new Set([a.id]))).toBe(1);
    expect((await stores.articles.listings('any')).map((l) => l.slug)).toEqual(['kept']);
    expect(await stores.articles.remove('any', a.id)).toBe(false);
  });

  it('GIVEN a removed article THEN its orphan analysis can be pruned', async () => {
    const { stores } = await freshStores(backend);
    const a = article('Short-lived.');
    await stores.articles.insert('g1', { article: a, slug: 's' });
    await stores.analyses.put(a.id, 1, '{}');
    await stores.analyses.put(a.id, 2, '{"v":2}');
    expect(await stores.analyses.get(a.id)).toMatchObject({ version: 2, json: '{"v":2}' });
    expect(await stores.articles.remove('g1', a.id)).toBe(true);
    expect(await stores.analyses.pruneOrphans()).toBe(1);
    expect(await stores.analyses.get(a.id)).toBeUndefined();
  });

  it('GIVEN a text with every kind of character THEN it comes back byte for byte', async () => {
    const { stores } = await freshStores(backend);
    const text = 'Quotes “curly” and "straight", emoji 👨‍👩‍👧, RTL \u202Eevil, NUL-free controls \u0007, CJK 市长说。';
    const a = article(text);
    await stores.articles.insert('g', { article: a, slug: 'x' });
    expect((await stores.articles.get('g', a.id))?.text).toBe(text);
  });
});
