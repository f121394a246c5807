/**
 * The search store: title rows written with each article, quote rows with each analysis, speaker
 * counts per server kept by the store whatever removes an article, and the bounded look-ups the
 * library ranks. One contract, run on SQLite and on PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { articleIdOf, type Article } from '../../../src/article/model';
import { MIGRATIONS, openClient } from '../../../src/store/open';
import type { ArticleSearch, IndexedQuote, Stores } from '../../../src/store/ports';
import { migrateSql } from '../../../src/store/sql/migrate';
import { insertRows, QUOTE_COLUMNS, quoteRowSet } from '../../../src/store/sql/search-rows';
import { BACKENDS, freshStores, freshTarget, storesOn } from './backends';

function article(text: string, title = 'A title'): Article {
  return { id: articleIdOf(text), title, source: 'text', text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [] };
}

const search = (text: string, words = text.split(' ').filter(Boolean)): ArticleSearch => ({ text, words, substring: true });

/** A quote row as the library derives it (only the fields a test looks at vary). */
function quote(words: string, speaker?: { key: string; name: string; mention?: string; mentionKey?: string }): IndexedQuote {
  return {
    speakerKey: speaker?.key ?? null,
    name: speaker?.name ?? null,
    mention: speaker?.mention ?? null,
    mentionKey: speaker?.mentionKey ?? null,
    words: words.split(' '),
    json: JSON.stringify({ quote: words }),
  };
}

const GRENELL = { key: 'richard grenell', name: 'Richard Grenell', mention: 'US envoy Richard Grenell', mentionKey: 'us envoy richard grenell' };
const GRENELL_SHORT = { key: 'grenell', name: 'Grenell' };
const RUIZ = { key: 'ana ruiz', name: 'Ana Ruiz', mention: 'Mayor Ana Ruiz', mentionKey: 'ana ruiz' };

/** Add an article with its analysis and quote rows to a server, `addedAt` on day `day` of 2024. */
async function addQuoted(stores: Stores, guild: string, text: string, title: string, day: number, quotes: IndexedQuote[]): Promise<string> {
  const a = article(text, title);
  await stores.analyses.put(a.id, 7, '{}', quotes);
  await stores.articles.insert(guild, { article: a, slug: title.toLowerCase().replaceAll(' ', '-'), addedAt: `2024-01-${String(day).padStart(2, '0')}T00:00:00.000Z` });
  return a.id;
}

const titles = async (stores: Stores, guild: string, q: ArticleSearch, limit = 50) => (await stores.search.articleCandidates(guild, q, limit)).map((h) => h.title);

describe.each(BACKENDS)('search store on %s', (backend) => {
  it('GIVEN titles in two servers and a bundled one THEN word starts, substrings, slugs and id prefixes find the server’s own and the bundled, newest first', async () => {
    const { stores } = await freshStores(backend);
    const bundled = await stores.articles.upsertBundled({ article: article('B.', 'Venezuela agrees to take back migrants'), slug: 'venezuela-agrees', addedAt: '2023-01-01T00:00:00.000Z' });
    await stores.articles.insert('g', { article: article('1.', 'Zürich votes on the new bridge'), slug: 'zurich-votes', addedAt: '2024-01-01T00:00:00.000Z' });
    await stores.articles.insert('g', { article: article('2.', 'Seven bridges to reopen'), slug: 'seven-bridges', addedAt: '2024-01-02T00:00:00.000Z' });
    await stores.articles.insert('h', { article: article('3.', 'Venus probe launched'), slug: 'venus-probe', addedAt: '2024-01-03T00:00:00.000Z' });
    // Word starts (accents folded like the matcher), every word required; "ven" is also inside "Seven".
    expect(await titles(stores, 'g', search('ven'))).toEqual(['Seven bridges to reopen', 'Venezuela agrees to take back migrants']);
    expect(await titles(stores, 'g', search('ve'))).toEqual(['Venezuela agrees to take back migrants']);
    expect(await titles(stores, 'g', search('zur vo'))).toEqual(['Zürich votes on the new bridge']);
    expect(await titles(stores, 'g', search('b'))).toEqual(['Seven bridges to reopen', 'Zürich votes on the new bridge', 'Venezuela agrees to take back migrants']);
    // Substring of the lower-case title (3+ characters): "even" is inside "Seven".
    expect(await titles(stores, 'g', search('even', []))).toEqual(['Seven bridges to reopen']);
    expect(await titles(stores, 'g', { ...search('even', []), substring: false })).toEqual([]);
    // Slug, whole; id prefix.
    expect(await titles(stores, 'h', search('venezuela-agrees', []))).toEqual(['Venezuela agrees to take back migrants']);
    expect(await titles(stores, 'h', { text: bundled.id.slice(0, 6), words: [], idPrefix: bundled.id.slice(0, 6), substring: false })).toEqual(['Venezuela agrees to take back migrants']);
    expect(await titles(stores, 'h', search('ven'))).toEqual(['Venus probe launched', 'Venezuela agrees to take back migrants']);
    expect((await stores.search.articleCandidates('g', search('zur'), 5))[0]).toMatchObject({ guildId: 'g', slug: 'zurich-votes', addedAt: '2024-01-01T00:00:00.000Z' });
  });

  it('GIVEN more matches than the limit THEN each way of matching returns at most the limit, newest first', async () => {
    const { stores } = await freshStores(backend);
    for (let k = 0; k < 12; k++) {
      await stores.articles.insert('g', { article: article(`Body ${k}.`, `Budget story ${k}`), slug: `budget-story-${k}`, addedAt: `2024-02-${String(k + 1).padStart(2, '0')}T00:00:00.000Z` });
    }
    expect(await titles(stores, 'g', search('budget'), 3)).toEqual(['Budget story 11', 'Budget story 10', 'Budget story 9']);
  });

  it('GIVEN an article removed, pruned or a bundled title changed THEN its title row follows', async () => {
    const { stores } = await freshStores(backend);
    const a = article('Gone soon.', 'Harbour master week');
    await stores.articles.insert('g', { article: a, slug: 'harbour' });
    await stores.articles.upsertBundled({ article: article('Kept.', 'Old bundled title'), slug: 'kept' });
    await stores.articles.upsertBundled({ article: article('Kept.', 'Fresh bundled title'), slug: 'kept' });
    expect(await titles(stores, 'g', search('harb'))).toEqual(['Harbour master week']);
    expect(await titles(stores, 'g', search('old'))).toEqual([]);
    expect(await titles(stores, 'g', search('fresh'))).toEqual(['Fresh bundled title']);
    await stores.articles.remove('g', a.id);
    expect(await titles(stores, 'g', search('harb'))).toEqual([]);
    expect(await stores.articles.pruneBundled(new Set())).toBe(1);
    expect(await titles(stores, 'g', search('fresh'))).toEqual([]);
  });

  it('GIVEN quotes stored with analyses THEN speaker counts per server, merged-name overlaps and forms are kept, and follow removals', async () => {
    const { stores } = await freshStores(backend);
    const one = await addQuoted(stores, 'g', 'One.', 'Flights resume', 1, [quote('we expect more flights', GRENELL), quote('no concessions', GRENELL_SHORT), quote('it was a gift', GRENELL)]);
    const two = await addQuoted(stores, 'g', 'Two.', 'Bridge opens', 2, [quote('we will reopen the bridge', RUIZ), quote('the flights are late', GRENELL_SHORT)]);
    await addQuoted(stores, 'h', 'Three.', 'Elsewhere', 3, [quote('not in g', RUIZ)]);
    expect(await stores.search.speakerKeys('g', ['grenell', 'ruiz'])).toEqual([
      { key: 'ana ruiz', quotes: 1, articles: 1, withLast: 0 },
      { key: 'grenell', quotes: 2, articles: 2, withLast: 0 },
      { key: 'richard grenell', quotes: 2, articles: 1, withLast: 1 },
    ]);
    expect(await stores.search.speakerForms('g', ['ana ruiz', 'grenell', 'richard grenell'])).toEqual([
      { key: 'ana ruiz', form: 'Ana Ruiz', isName: true, quotes: 1 },
      { key: 'ana ruiz', form: 'Mayor Ana Ruiz', isName: false, quotes: 1 },
      { key: 'grenell', form: 'Grenell', isName: true, quotes: 2 },
      { key: 'richard grenell', form: 'Richard Grenell', isName: true, quotes: 2 },
      { key: 'richard grenell', form: 'US envoy Richard Grenell', isName: false, quotes: 2 },
    ]);
    expect((await stores.search.topSpeakerKeys('g', 2)).sort()).toEqual(['grenell', 'richard grenell']);
    expect(await stores.search.topSpeakerKeys('g', 3)).toHaveLength(3);
    expect(await stores.search.speakerKeysByForm('g', 'us envoy richard grenell')).toEqual(['richard grenell']);
    expect((await stores.search.speakerKeysByForm('h', 'ana ruiz'))).toEqual(['ana ruiz']);
    expect(await stores.search.speakerKeysOf(one)).toEqual(new Map([['richard grenell', 2], ['grenell', 1]]));
    // Removing an article takes its quotes out of that server's counts only.
    await stores.articles.remove('g', two);
    expect(await stores.search.speakerKeys('g', ['grenell', 'ruiz'])).toEqual([
      { key: 'grenell', quotes: 1, articles: 1, withLast: 0 },
      { key: 'richard grenell', quotes: 2, articles: 1, withLast: 1 },
    ]);
    expect(await stores.search.speakerKeys('h', ['ruiz'])).toEqual([{ key: 'ana ruiz', quotes: 1, articles: 1, withLast: 0 }]);
  });

  it('GIVEN typed text THEN speaker keys whose names contain it (word starts under 3 characters) are found', async () => {
    const { stores } = await freshStores(backend);
    await addQuoted(stores, 'g', 'One.', 'T', 1, [quote('a', GRENELL), quote('b', RUIZ)]);
    expect((await stores.search.speakerKeysByText('g', 'ene', 10)).sort()).toEqual(['richard grenell']);
    expect((await stores.search.speakerKeysByText('g', 'us envoy r', 10)).sort()).toEqual(['richard grenell']);
    expect((await stores.search.speakerKeysByText('g', 'r', 10)).sort()).toEqual(['ana ruiz', 'richard grenell']);
    expect(await stores.search.speakerKeysByText('g', 'ui', 10)).toEqual([]);
    expect(await stores.search.speakerKeysByText('h', 'ruiz', 10)).toEqual([]);
  });

  it('GIVEN a speaker’s keys THEN their quotes in the server, newest article first then text order, bounded', async () => {
    const { stores } = await freshStores(backend);
    const one = await addQuoted(stores, 'g', 'One.', 'Flights resume', 1, [quote('first', GRENELL), quote('second', GRENELL_SHORT)]);
    await addQuoted(stores, 'g', 'Two.', 'Later', 2, [quote('third', GRENELL), quote('fourth', GRENELL)]);
    const found = await stores.search.quotesBy('g', ['richard grenell', 'grenell'], { limit: 10 });
    expect(found.map((f) => [f.article.title, f.idx, f.json])).toEqual([
      ['Later', 0, '{"quote":"third"}'],
      ['Later', 1, '{"quote":"fourth"}'],
      ['Flights resume', 0, '{"quote":"first"}'],
      ['Flights resume', 1, '{"quote":"second"}'],
    ]);
    expect((await stores.search.quotesBy('g', ['richard grenell'], { limit: 1 })).map((f) => f.json)).toEqual(['{"quote":"third"}']);
    expect((await stores.search.quotesBy('g', ['grenell'], { articleId: one, limit: 10 })).map((f) => f.json)).toEqual(['{"quote":"second"}']);
    expect(await stores.search.quotesBy('h', ['grenell'], { limit: 10 })).toEqual([]);
  });

  it('GIVEN a speaker quoted far more often than the list is long THEN the list walks the newest articles, in the same order', async () => {
    const { stores } = await freshStores(backend);
    const many = Array.from({ length: 2001 }, (_, k) => quote(`word${k}`, GRENELL));
    await addQuoted(stores, 'g', 'Many.', 'Older', 1, many);
    await addQuoted(stores, 'g', 'Newer.', 'Newer', 2, [quote('newest', GRENELL_SHORT), quote('again', GRENELL)]);
    const found = await stores.search.quotesBy('g', ['richard grenell', 'grenell'], { limit: 4 });
    expect(found.map((f) => [f.article.title, f.words])).toEqual([
      ['Newer', 'newest'],
      ['Newer', 'again'],
      ['Older', 'word0'],
      ['Older', 'word1'],
    ]);
    expect((await stores.search.quotesWithWords('g', ['word7'], { keys: ['richard grenell'], limit: 10 })).map((f) => f.words)).toEqual(['word7']);
  });

  it('GIVEN phrase words THEN quotes with any of them (whole words), by speaker or in one article', async () => {
    const { stores } = await freshStores(backend);
    const one = await addQuoted(stores, 'g', 'One.', 'A', 1, [quote('it was a big gift', GRENELL), quote('gifted people', RUIZ)]);
    await addQuoted(stores, 'g', 'Two.', 'B', 2, [quote('a gift for the city', RUIZ), quote('nothing here')]);
    await addQuoted(stores, 'h', 'Three.', 'C', 3, [quote('gift elsewhere', RUIZ)]);
    const words = async (anyOf: string[], options: { articleId?: string; keys?: string[] } = {}) =>
      (await stores.search.quotesWithWords('g', anyOf, { limit: 10, ...options })).map((f) => f.words).sort();
    expect(await words(['gift'])).toEqual(['a gift for the city', 'it was a big gift']);
    expect(await words(['gift', 'nothing'])).toEqual(['a gift for the city', 'it was a big gift', 'nothing here']);
    // A speaker with no more quotes than the limit: all of them, whatever their words.
    expect(await words(['gift'], { keys: ['ana ruiz'] })).toEqual(['a gift for the city', 'gifted people']);
    expect(await words([], { articleId: one })).toEqual(['gifted people', 'it was a big gift']);
    expect(await words(['gift'], { keys: [] })).toEqual([]);
  });

  it('GIVEN an analysis stored again, or without quotes, or pruned THEN its quote rows and counts are replaced or go', async () => {
    const { stores } = await freshStores(backend);
    const id = await addQuoted(stores, 'g', 'One.', 'A', 1, [quote('old words', GRENELL)]);
    await stores.analyses.put(id, 8, '{}', [quote('new words', RUIZ), quote('more new words', RUIZ)]);
    expect(await stores.search.speakerKeys('g', ['grenell', 'ruiz'])).toEqual([{ key: 'ana ruiz', quotes: 2, articles: 1, withLast: 0 }]);
    expect((await stores.search.quotesWithWords('g', ['old'], { limit: 10 })).length).toBe(0);
    expect(await stores.search.unindexed(-1, 10)).toEqual([]);
    // Stored without quote rows (an older writer): it waits for the backfill, which checks the version.
    await stores.analyses.put(id, 9, '{}');
    expect(await stores.search.speakerKeys('g', ['ruiz'])).toEqual([]);
    expect((await stores.search.unindexed(-1, 10)).map((u) => [u.guildId, u.id])).toEqual([['g', id]]);
    expect(await stores.search.indexQuotes(id, 8, [quote('stale', RUIZ)])).toBe(false);
    expect(await stores.search.indexQuotes(id, 9, [quote('fresh words', RUIZ)])).toBe(true);
    expect(await stores.search.speakerKeys('g', ['ruiz'])).toEqual([{ key: 'ana ruiz', quotes: 1, articles: 1, withLast: 0 }]);
    await stores.articles.remove('g', id);
    expect(await stores.analyses.pruneOrphans()).toBe(1);
    expect(await stores.search.speakerKeysOf(id)).toEqual(new Map());
  });

  it('GIVEN a database of articles and analyses stored before the search rows existed THEN the migration indexes the titles and the backfill lists the analyses', async () => {
    const target = await freshTarget(backend);
    const sql = await openClient(target);
    try {
      for (const [namespace, steps] of MIGRATIONS) if (namespace !== 'search') await migrateSql(sql, namespace, steps, 'db');
      for (const [k, title] of ['Old budget vote', 'Older harbour news'].entries()) {
        await sql.run(
          `INSERT INTO articles (guild_id, id, slug, title, source, text, paragraphs, boilerplate, added_at) VALUES (?, ?, ?, ?, 'text', 'x', '[]', '[]', ?)`,
          ['g', `old${k}`, `old-${k}`, title, `2020-01-0${k + 1}T00:00:00.000Z`],
        );
      }
      await sql.run(`INSERT INTO analyses (article_id, version, json, computed_at) VALUES ('old0', 7, '{}', '2020-01-01T00:00:00.000Z')`);
    } finally {
      await sql.close();
    }
    const stores = await storesOn(target);
    expect(await titles(stores, 'g', search('old'))).toEqual(['Older harbour news', 'Old budget vote']);
    expect(await titles(stores, 'g', search('harb'))).toEqual(['Older harbour news']);
    expect((await stores.search.unindexed(-1, 10)).map((u) => u.id)).toEqual(['old0', 'old1']);
    expect(await stores.search.indexQuotes('old0', 7, [quote('we kept it', RUIZ)])).toBe(true);
    expect(await stores.search.speakerKeys('g', ['ruiz'])).toEqual([{ key: 'ana ruiz', quotes: 1, articles: 1, withLast: 0 }]);
    expect((await stores.search.unindexed(-1, 10)).map((u) => u.id)).toEqual(['old1']);
  });

  it('GIVEN a database whose speaker counts version 1 kept from every quote row THEN version 2 totals each article once, the counts stay, and removals take exactly those away', async () => {
    const target = await freshTarget(backend);
    const sql = await openClient(target);
    const counts = () => sql.all('SELECT scope, speaker_key, quotes, articles, with_last FROM speaker_keys ORDER BY scope, speaker_key');
    let before: unknown[];
    try {
      for (const [namespace, steps] of MIGRATIONS) await migrateSql(sql, namespace, namespace === 'search' ? steps.filter((m) => m.version === 1) : steps, 'db');
      // Version 1's writer: the rows and the complete mark; its triggers counted the rows as articles came.
      const sets: Array<[string, IndexedQuote[]]> = [
        ['one', [quote('we expect more flights', GRENELL), quote('no concessions', GRENELL_SHORT), quote('it was a gift', GRENELL)]],
        ['two', [quote('we will reopen the bridge', RUIZ), quote('twice', RUIZ)]],
      ];
      for (const [id, qs] of sets) {
        const set = quoteRowSet(id, qs);
        await insertRows(sql, 'article_quotes', QUOTE_COLUMNS, set.rows(0, set.size));
        await sql.run('INSERT INTO quote_sets (article_id, version, quotes) VALUES (?, 7, ?)', [id, qs.length]);
        await sql.run(`INSERT INTO analyses (article_id, version, json, computed_at) VALUES (?, 7, '{}', '2020-01-01T00:00:00.000Z')`, [id]);
      }
      for (const [guild, id] of [['g', 'one'], ['g', 'two'], ['h', 'one']] as const) {
        await sql.run(`INSERT INTO articles (guild_id, id, slug, title, source, text, paragraphs, boilerplate, added_at) VALUES (?, ?, ?, 'T', 'text', 'x', '[]', '[]', '2020-01-01T00:00:00.000Z')`, [guild, id, id]);
      }
      before = await counts();
      expect(before).toHaveLength(5);
    } finally {
      await sql.close();
    }
    const stores = await storesOn(target);
    const after = await openClient(target);
    try {
      expect(await after.all('SELECT scope, speaker_key, quotes, articles, with_last FROM speaker_keys ORDER BY scope, speaker_key')).toEqual(before);
      expect(await after.all("SELECT article_id, form, is_name, quotes FROM quote_forms ORDER BY article_id, form")).toEqual([
        { article_id: 'one', form: 'Grenell', is_name: 1, quotes: 1 },
        { article_id: 'one', form: 'Richard Grenell', is_name: 1, quotes: 2 },
        { article_id: 'one', form: 'US envoy Richard Grenell', is_name: 0, quotes: 2 },
        { article_id: 'two', form: 'Ana Ruiz', is_name: 1, quotes: 2 },
        { article_id: 'two', form: 'Mayor Ana Ruiz', is_name: 0, quotes: 2 },
      ]);
      if (backend === 'sqlite') {
        // Its quote index merges only when a write asks (search-rows.ts mergeQuoteIndex).
        expect(await after.get("SELECT v FROM article_quotes_fts_config WHERE k = 'automerge'")).toEqual({ v: 0 });
      }
      await stores.articles.remove('g', 'one');
      expect(await stores.search.speakerKeys('g', ['grenell', 'ruiz'])).toEqual([{ key: 'ana ruiz', quotes: 2, articles: 1, withLast: 0 }]);
      expect(await stores.search.speakerForms('g', ['richard grenell', 'grenell'])).toEqual([]);
      expect(await stores.search.speakerKeys('h', ['grenell'])).toEqual([
        { key: 'grenell', quotes: 1, articles: 1, withLast: 0 },
        { key: 'richard grenell', quotes: 2, articles: 1, withLast: 1 },
      ]);
    } finally {
      await after.close();
    }
  });
});
