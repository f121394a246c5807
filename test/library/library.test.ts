import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/article';
import { ANALYSIS_VERSION } from '../../src/nlp/analyze';
import { createLibrary, LibraryError, matchArticles, pickArticle, slugify, type AddSource, type ArticleLoader } from '../../src/library';
import { DEFAULT_RETENTION } from '../../src/library/retention';
import { openStores } from '../../src/store/open';
import { cpuClock } from '../support/cpu-clock';

/** A loader that parses text and pretends URLs resolve to a fixed page per URL (no network). */
function fakeLoader(pages: Record<string, string> = {}): ArticleLoader & { calls: AddSource[] } {
  const calls: AddSource[] = [];
  const load = (async (source: AddSource) => {
    calls.push(source);
    if (source.kind === 'text') return parseArticle({ content: source.text, format: 'text', source: 'text', ...(source.title && { title: source.title }) });
    if (source.kind === 'url') {
      const page = pages[source.url];
      if (!page) throw new Error(`no page ${source.url}`);
      return parseArticle({ content: page, format: 'text', source: source.url, url: source.url });
    }
    throw new Error('unsupported in this test');
  }) as ArticleLoader & { calls: AddSource[] };
  load.calls = calls;
  return load;
}

/** A fresh in-memory database per test. */
const memoryStores = () => openStores({ kind: 'sqlite', path: ':memory:' });

async function setup(pages?: Record<string, string>, maxMemberArticles?: number) {
  const stores = await memoryStores();
  const load = fakeLoader(pages);
  const logged: Array<{ level: string; data: Record<string, unknown>; message: string }> = [];
  const library = createLibrary({
    articles: stores.articles,
    analyses: stores.analyses,
    search: stores.search,
    load,
    log: (level, data, message) => logged.push({ level, data, message }),
    ...(maxMemberArticles && { retention: { ...DEFAULT_RETENTION, maxMemberArticlesPerServer: maxMemberArticles } }),
  });
  return { stores, load, library, logged };
}

const text = (t: string, body: string): AddSource => ({ kind: 'text', text: body, title: t });

/** A body with quotes and speakers, so a stored analysis has every part the schema reads. */
const QUOTED = '"The first ferry will leave at six from now on," harbour master Tom Berg said on Tuesday. The council agreed. "It is a good change," Berg added.';

describe('library.add', () => {
  it('GIVEN a new text THEN it is stored with its analysis; the same text again is a content duplicate', async () => {
    const { library, stores } = await setup();
    const first = await library.add('g', text('Bridge news', 'The bridge opens in May. The mayor said so.'), 'u1');
    expect(first.duplicate).toBeUndefined();
    expect(first.article).toMatchObject({ title: 'Bridge news', slug: 'bridge-news', addedBy: 'u1', guildId: 'g' });
    expect((await stores.analyses.get(first.article.id))?.version).toBe(ANALYSIS_VERSION);
    const again = await library.add('g', text('Other title', 'The bridge opens in May. The mayor said so.'), 'u2');
    expect(again.duplicate).toBe('content');
    expect(again.article.id).toBe(first.article.id);
    expect(await stores.articles.countOwn('g')).toBe(1);
  });

  it('GIVEN a URL already added (written differently) THEN it is a URL duplicate and nothing is fetched', async () => {
    const { library, load } = await setup({ 'https://news.test/a': 'A title\n\nSome body text here.' });
    await library.add('g', { kind: 'url', url: 'https://news.test/a' }, 'u');
    const dup = await library.add('g', { kind: 'url', url: 'HTTPS://NEWS.test/a/?utm_source=feed#x' }, 'u');
    expect(dup.duplicate).toBe('url');
    expect(load.calls).toHaveLength(1);
  });

  it('GIVEN a body longer than the analysed maximum THEN ARTICLE_TOO_LONG and nothing stored', async () => {
    const stores = await memoryStores();
    const library = createLibrary({ articles: stores.articles, analyses: stores.analyses, search: stores.search, load: fakeLoader(), maxArticleChars: 50 });
    await expect(library.add('g', text('Long', 'word '.repeat(20)), 'u')).rejects.toMatchObject({ code: 'ARTICLE_TOO_LONG', details: { limit: 50 } });
    expect(await stores.articles.countOwn('g')).toBe(0);
  });

  it('GIVEN the per-server limit of member adds reached THEN LIBRARY_FULL, logged, while other servers still add', async () => {
    const { library, logged } = await setup({}, 2);
    await library.add('g', text('One', 'First body.'), 'u');
    await library.add('g', text('Two', 'Second body.'), 'u');
    await expect(library.add('g', text('Three', 'Third body.'), 'u')).rejects.toMatchObject({ code: 'LIBRARY_FULL', details: { limit: 2 } });
    expect(logged).toEqual([
      { level: 'warn', data: { guildId: 'g', userId: 'u', limit: 2 }, message: 'article not added: the server reached its limit of articles added by members' },
    ]);
    await expect(library.add('h', text('Three', 'Third body.'), 'u')).resolves.toMatchObject({ article: { guildId: 'h' } });
  });

  it('GIVEN a server full of feed items THEN members still add (feed items do not count), and the list reports both counts and the policy', async () => {
    const { library, stores } = await setup({}, 2);
    for (let k = 1; k <= 3; k++) {
      const article = parseArticle({ content: `Feed item ${k} body.`, format: 'text', source: 'feed:https://a.test/f', title: `F${k}` });
      await stores.articles.insertFeedItem('g', { article, slug: `f${k}`, feedUrl: 'https://a.test/f' }, 3);
    }
    await expect(library.add('g', text('Mine', 'A member body.'), 'u')).resolves.toMatchObject({ article: { guildId: 'g', addedBy: 'u' } });
    const page = await library.list('g', 0, 10);
    expect(page.total).toBe(4);
    expect(page.retention).toEqual({ policy: { ...DEFAULT_RETENTION, maxMemberArticlesPerServer: 2 }, memberArticles: 1, feedItems: 3, pruned: [] });
  });
});

describe('library.add under concurrency', () => {
  it('GIVEN 12 simultaneous adds of different texts against a limit of 3 THEN exactly 3 are stored and 9 are LIBRARY_FULL', async () => {
    const { library, stores } = await setup({}, 3);
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, (_, k) => library.add('g', text(`Story ${k}`, `Body number ${k} of the story.`), 'u')));
    const added = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(added).toHaveLength(3);
    expect(refused.map((o) => (o.reason as LibraryError).code)).toEqual(Array(9).fill('LIBRARY_FULL'));
    expect(await stores.articles.countOwn('g')).toBe(3);
  });

  it('GIVEN 6 simultaneous adds of one URL whose page changes between fetches THEN one article is stored and the others are URL duplicates of it', async () => {
    const stores = await memoryStores();
    let fetches = 0;
    const load: ArticleLoader = async (source) => {
      if (source.kind !== 'url') throw new Error('url only in this test');
      fetches++;
      return parseArticle({ content: `Live page\n\nUpdated ${fetches} times so far.`, format: 'text', source: source.url, url: source.url });
    };
    const library = createLibrary({ articles: stores.articles, analyses: stores.analyses, search: stores.search, load });
    const urls = ['https://news.test/live', 'https://news.test/live?utm_source=a', 'https://NEWS.test/live#x', 'https://news.test/live', 'https://news.test/live/', 'https://news.test/live'];
    const outcomes = await Promise.all(urls.map((url) => library.add('g', { kind: 'url', url }, 'u')));
    expect(await stores.articles.countOwn('g')).toBe(1);
    const stored = outcomes.filter((o) => o.duplicate === undefined);
    expect(stored).toHaveLength(1);
    expect(outcomes.filter((o) => o.duplicate === 'url')).toHaveLength(5);
    for (const o of outcomes) expect(o.article.id).toBe(stored[0]!.article.id);
    expect(outcomes.map((o) => o.analysis.version)).toEqual(Array(6).fill(ANALYSIS_VERSION));
  });

  it('GIVEN 5 simultaneous adds of the same text THEN one is stored and 4 are content duplicates of it', async () => {
    const { library, stores } = await setup();
    const outcomes = await Promise.all(Array.from({ length: 5 }, (_, k) => library.add('g', text(`Title ${k}`, 'The ferry leaves at noon. It returns at six.'), `u${k}`)));
    expect(await stores.articles.countOwn('g')).toBe(1);
    expect(outcomes.map((o) => o.duplicate)).toEqual([undefined, 'content', 'content', 'content', 'content']);
    for (const o of outcomes) expect(o.article.id).toBe(outcomes[0]!.article.id);
  });
});

describe('library.resolve and suggest', () => {
  async function seeded() {
    const s = await setup({ 'https://news.test/late': 'Late news\n\nIt came late.' });
    const venezuela = parseArticle({ content: 'Venezuela agrees\n\nVenezuela agreed to take back migrants.', format: 'text', source: 'seed.txt' });
    await s.library.addBundled(venezuela, 'venezuela-agrees-to-take-back-migrants');
    const bridge = await s.library.add('g', text('Bridge opens in May', 'The bridge opens in May.'), 'u');
    const budget = await s.library.add('g', text('City budget passes', 'The council approved the budget.'), 'u');
    return { ...s, venezuela, bridge: bridge.article, budget: budget.article };
  }

  it.each([
    ['venezuela', 'slug prefix'],
    ['Venezuela agrees', 'title words'],
    ['venezuela-agrees-to-take-back-migrants', 'exact slug'],
  ])('GIVEN "%s" (%s) THEN the bundled article', async (ref) => {
    const { library, venezuela } = await seeded();
    expect((await library.resolve('g', ref, 'u')).article.id).toBe(venezuela.id);
  });

  it('GIVEN an id prefix of 4+ hex chars THEN that article; an unknown ref THEN ARTICLE_NOT_FOUND with the ref', async () => {
    const { library, bridge } = await seeded();
    expect((await library.resolve('g', bridge.id.slice(0, 6), 'u')).article.id).toBe(bridge.id);
    const err = await library.resolve('g', 'zebra crossing', 'u').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibraryError);
    expect(err).toMatchObject({ code: 'ARTICLE_NOT_FOUND', details: { ref: 'zebra crossing' } });
  });

  it('GIVEN two equally good matches THEN ARTICLE_AMBIGUOUS lists both', async () => {
    const { library } = await seeded();
    await library.add('g', text('Bridge closes in June', 'The bridge closes in June.'), 'u');
    const err = await library.resolve('g', 'bridge', 'u').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ARTICLE_AMBIGUOUS' });
    expect((err as LibraryError).details.candidates?.map((c) => c.title).sort()).toEqual(['Bridge closes in June', 'Bridge opens in May']);
  });

  it('GIVEN a pasted URL THEN it is loaded and added on the fly; the second time it is found, not fetched', async () => {
    const { library, load } = await seeded();
    const first = await library.resolve('g', 'https://news.test/late', 'u');
    expect(first).toMatchObject({ loaded: true, article: { title: 'Late news' } });
    const second = await library.resolve('g', 'https://news.test/late', 'u');
    expect(second.loaded).toBe(false);
    expect(load.calls.filter((c) => c.kind === 'url')).toHaveLength(1);
  });

  it('GIVEN an empty query THEN suggestions are the newest first; every name and value at most 100 chars', async () => {
    const { library, bridge, budget, venezuela } = await seeded();
    await library.add('g', text('T'.repeat(300), 'A very long titled article body.'), 'u');
    const all = await library.suggest('g', '');
    expect(all.slice(1).map((s) => s.value)).toEqual([budget.id, bridge.id, venezuela.id]);
    for (const s of all) {
      expect(s.name.length).toBeLessThanOrEqual(100);
      expect(s.value.length).toBeLessThanOrEqual(100);
    }
    expect((await library.suggest('g', 'budg'))[0]).toEqual({ name: `City budget passes · ${budget.id.slice(0, 6)}`, value: budget.id });
  });

  it('GIVEN 40 articles THEN at most 25 suggestions, and a 6,000-character query is answered (empty) quickly', async () => {
    const { library } = await setup();
    for (let k = 0; k < 40; k++) await library.add('g', text(`Story ${k}`, `Body of story number ${k}.`), 'u');
    expect(await library.suggest('g', 'story')).toHaveLength(25);
    const t0 = cpuClock();
    expect(await library.suggest('g', 'x'.repeat(6000))).toEqual([]);
    expect(cpuClock() - t0).toBeLessThan(200);
  });
});

describe('library.analysis', () => {
  it('GIVEN a stored analysis of another version THEN it is recomputed and stored again', async () => {
    const { library, stores } = await setup();
    const { article } = await library.add('g', text('T', 'One sentence here. Another one there.'), 'u');
    await stores.analyses.put(article.id, ANALYSIS_VERSION + 100, '{"stale":true}');
    const fresh = await library.analysis(article);
    expect(fresh.version).toBe(ANALYSIS_VERSION);
    expect(fresh.sentenceCount).toBe(2);
    expect((await stores.analyses.get(article.id))?.version).toBe(ANALYSIS_VERSION);
  });

  it('GIVEN a stored analysis of this version THEN it is read back as stored: equal to a fresh one, nothing rewritten, nothing logged', async () => {
    const stores = await memoryStores();
    const logged: unknown[] = [];
    const library = createLibrary({ articles: stores.articles, analyses: stores.analyses, search: stores.search, load: fakeLoader(), log: (...args) => logged.push(args) });
    const { article, analysis: computed } = await library.add('g', text('Ferry', QUOTED), 'u');
    expect(computed.quotes.length).toBeGreaterThan(0);
    const before = await stores.analyses.get(article.id);
    const read = await library.analysis(article);
    expect(read).toEqual(computed);
    expect(await stores.analyses.get(article.id)).toEqual(before);
    expect(logged).toEqual([]);
  });

  it.each([
    // JSON.parse's own words differ between Node versions: only the prefix is ours.
    ['not JSON', '{"version": 7, "articleId"', /^not JSON: \S/],
    ['JSON of another shape', '{"stale":true}', /^version: Invalid input: expected number, received undefined$/],
    ['a quote without its speaker', 'QUOTE_WITHOUT_SPEAKER', /^quotes\.0\.speaker: Invalid input: expected string, received undefined$/],
    ['the analysis of another article', 'OTHER_ARTICLE', /^stored for another version or article$/],
  ])('GIVEN a stored analysis of this version that is %s THEN it is recomputed, stored again and logged, never thrown', async (_what, damage, reason) => {
    const stores = await memoryStores();
    const logged: Array<[string, Record<string, unknown>, string]> = [];
    const library = createLibrary({ articles: stores.articles, analyses: stores.analyses, search: stores.search, load: fakeLoader(), log: (...args) => logged.push(args) });
    const { article, analysis: computed } = await library.add('g', text('Ferry', QUOTED), 'u');
    const good = JSON.parse((await stores.analyses.get(article.id))!.json) as Record<string, unknown> & { quotes: Array<Record<string, unknown>> };
    const json =
      damage === 'QUOTE_WITHOUT_SPEAKER'
        ? JSON.stringify({ ...good, quotes: [{ ...good.quotes[0], speaker: undefined }] })
        : damage === 'OTHER_ARTICLE'
          ? JSON.stringify({ ...good, articleId: 'f'.repeat(64) })
          : damage;
    await stores.analyses.put(article.id, ANALYSIS_VERSION, json);
    const fresh = await library.analysis(article);
    expect(fresh).toEqual(computed);
    expect(JSON.parse((await stores.analyses.get(article.id))!.json)).toEqual(good);
    expect(logged).toHaveLength(1);
    expect(logged[0]![0]).toBe('warn');
    expect(logged[0]![1]).toMatchObject({ articleId: article.id });
    expect(logged[0]![1].reason).toMatch(reason);
    expect(logged[0]![2]).toBe('stored analysis unreadable: recomputed');
    // Repaired: the next read uses the stored row again.
    await library.analysis(article);
    expect(logged).toHaveLength(1);
  });

  it('GIVEN remove of a bundled article THEN ARTICLE_BUNDLED; of an own article THEN gone with its analysis', async () => {
    const { library, stores } = await setup();
    const seed = parseArticle({ content: 'Seed\n\nSeed body.', format: 'text', source: 'seed.txt' });
    await library.addBundled(seed, 'seed');
    await expect(library.remove('g', 'seed')).rejects.toMatchObject({ code: 'ARTICLE_BUNDLED' });
    const { article } = await library.add('g', text('Mine', 'My own body.'), 'u');
    expect((await library.remove('g', 'mine')).id).toBe(article.id);
    expect(await library.find('g', article.id)).toBeUndefined();
    expect(await stores.analyses.get(article.id)).toBeUndefined();
  });
});

describe('suggest and lookup from the search store', () => {
  const WORDS = ['Zürich', 'bridge', 'budget', 'Venezuela', 'seven', 'council', 'élection', 'harbour', 'vote', 'Berg', 'naïve', 'U.S.'];
  /** 60 titles from a small vocabulary (accents, abbreviations, repeats), added one minute apart. */
  async function sixty() {
    const s = await setup();
    const venezuela = parseArticle({ content: 'Venezuela agrees\n\nVenezuela agreed to take back migrants.', format: 'text', source: 'seed.txt' });
    await s.library.addBundled(venezuela, 'venezuela-agrees-to-take-back-migrants');
    for (let k = 0; k < 60; k++) {
      const title = [WORDS[k % 12], WORDS[(k * 5 + 3) % 12], WORDS[(k * 7 + 1) % 12], `${k}`].join(' ');
      const article = parseArticle({ content: `${title}\n\nBody ${k}.`, format: 'text', source: 'text' });
      await s.stores.articles.insert('g', { article, slug: slugify(title), addedAt: new Date(Date.UTC(2024, 0, 1, 0, k)).toISOString() });
    }
    return s;
  }

  it.each(['', 'b', 'bu', 'zur', 'zür', 'Zürich bridge', 'ven', 'seven', 'even', 'eve', 'naive', 'u s', 'harbour-', 'council vote 1', '12', 'venezuela-agrees', 'ouncil', 'nothing here'])(
    'GIVEN "%s" THEN the suggestions are those the matcher gives over every article of the server',
    async (q) => {
      const { library, stores } = await sixty();
      const everything = matchArticles(await stores.articles.listings('g'), q).slice(0, 25).map((m) => m.listing.id);
      expect((await library.suggest('g', q)).map((s) => s.value)).toEqual(everything);
      const picked = pickArticle(matchArticles(await stores.articles.listings('g'), q));
      const looked = await library.lookup('g', q).then(
        (a) => ({ best: a.id }),
        (e: LibraryError) => ({ code: e.code, tied: e.details.candidates?.map((c) => c.id) }),
      );
      if (picked.best) expect(looked).toEqual({ best: picked.best.id });
      else if (q.trim() && picked.tied.length > 1) expect(looked).toEqual({ code: 'ARTICLE_AMBIGUOUS', tied: picked.tied.slice(0, 5).map((l) => l.id) });
    },
  );

  it('GIVEN more matching articles than the candidates read THEN the 25 newest matches, as over the whole server', async () => {
    const { library, stores } = await setup();
    for (let k = 0; k < 260; k++) {
      const article = parseArticle({ content: `Budget story ${k}\n\nBody ${k}.`, format: 'text', source: 'text' });
      await stores.articles.insert('g', { article, slug: `budget-story-${k}`, addedAt: new Date(Date.UTC(2024, 0, 1, 0, k)).toISOString() });
    }
    const everything = matchArticles(await stores.articles.listings('g'), 'budget st').slice(0, 25).map((m) => m.listing.id);
    expect((await library.suggest('g', 'budget st')).map((s) => s.value)).toEqual(everything);
    expect((await library.lookup('g', 'budget story 3')).title).toBe('Budget story 3');
  });
});
