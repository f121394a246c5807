/**
 * Who said what across a server, from the search store's rows: the same speakers, aliases, counts,
 * order, suggestions and phrase hits as the in-memory speaker index built from every analysis
 * (buildSpeakerIndex / searchPhrase over all of them), per server, following adds and removals,
 * and analyses stored before the rows existed indexed by the catch-up.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/article';
import { createLibrary, phraseAnchors, type AddSource, type ArticleLoader, type Library } from '../../src/library';
import { speakerChoices } from '../../src/library/speakers';
import { buildSpeakerIndex, searchPhrase } from '../../src/nlp/quotes';
import { openStores } from '../../src/store/open';
import type { Stores } from '../../src/store/ports';

const BRIDGE = `Bridge repairs to finish by May

"We will reopen the bridge by the first of May," said Mayor Ana Ruiz on Monday. The council approved the money last week.

Engineers said the steel had rusted faster than expected. "Nobody saw this coming," Ruiz added.`;

const BUDGET = `City budget balanced for the first time in a decade

Ruiz said the budget was balanced without cutting a single library. President Donald Trump said the federal grants would continue.

"The grants will keep coming to cities that build," Trump told reporters at the White House.`;

const FERRY = `Ferry timetable changes

"The first ferry will leave at six from now on," harbour master Tom Berg said on Tuesday.`;

const CLINTONS = `Two Clintons on the stage

"We will win this state," Bill Clinton said. "Turnout decides it," Hillary Clinton said. "It is close," Clinton added.

"We are ready," said Senator Jane Okafor. Okafor later said the count would take two days. "Patience," Okafor said.`;

const load: ArticleLoader = async (source: AddSource) => {
  if (source.kind !== 'text') throw new Error('text only in this test');
  return parseArticle({ content: source.text, format: 'text', source: 'text' });
};
const text = (body: string): AddSource => ({ kind: 'text', text: body });

async function setup(): Promise<{ stores: Stores; library: Library }> {
  const stores = await openStores({ kind: 'sqlite', path: ':memory:' });
  return { stores, library: createLibrary({ articles: stores.articles, analyses: stores.analyses, search: stores.search, load }) };
}

/** The in-memory index over every article of the server, as the directory used to build it. */
async function memoryIndex(library: Library, guildId: string) {
  const { items } = await library.list(guildId, 0, 1000);
  const articles = [];
  for (const l of items) articles.push({ article: l.id, quotes: (await library.analysis((await library.find(guildId, l.id))!)).quotes });
  return { articles, entries: buildSpeakerIndex(articles) };
}

describe('speakers from the search rows', () => {
  it('GIVEN four articles THEN every speaker, alias, count and the order are those of the in-memory index', async () => {
    const { library } = await setup();
    for (const body of [BRIDGE, BUDGET, FERRY, CLINTONS]) await library.add('g', text(body), 'u');
    const expected = (await memoryIndex(library, 'g')).entries.map((e) => ({
      name: e.name,
      aliases: e.aliases,
      quotes: e.quotes.length,
      articles: new Set(e.quotes.map((q) => q.article)).size,
    }));
    const got = (await library.speakers.mostQuoted('g', 100)).map(({ name, aliases, quotes, articles }) => ({ name, aliases, quotes, articles }));
    expect(got).toEqual(expected);
    // Surnames stay apart when two full names end with them; join the one that does.
    expect(got.map((e) => e.name)).toEqual(expect.arrayContaining(['Ana Ruiz', 'Bill Clinton', 'Hillary Clinton', 'Clinton', 'Jane Okafor']));
  });

  it('GIVEN "Mayor Ana Ruiz" in one article and "Ruiz" in another THEN one speaker; her quotes newest article first, then text order', async () => {
    const { library } = await setup();
    const bridge = await library.add('g', text(BRIDGE), 'u');
    const budget = await library.add('g', text(BUDGET), 'u');
    const ruiz = (await library.speakers.find('g', 'ruiz'))!;
    expect(ruiz).toMatchObject({ name: 'Ana Ruiz', aliases: ['Ana Ruiz', 'Mayor Ana Ruiz', 'Ruiz'], keys: ['ana ruiz', 'ruiz'], quotes: 3, articles: 2 });
    const listed = await library.speakers.quotesOf('g', ruiz);
    expect(listed.items.map((q) => [q.article.id, q.quote.quote])).toEqual([
      [budget.article.id, 'the budget was balanced without cutting a single library'],
      [bridge.article.id, 'We will reopen the bridge by the first of May'],
      [bridge.article.id, 'Nobody saw this coming'],
    ]);
    expect(listed.items[1]!.article).toMatchObject({ title: 'Bridge repairs to finish by May', guildId: 'g' });
    expect(await library.speakers.quotesOf('g', ruiz, bridge.article.id)).toMatchObject({ total: 2, articles: 1 });
    // An alias as written, a name by another of its forms, and the same person by surname.
    expect((await library.speakers.find('g', 'President Donald Trump'))?.name).toBe('Donald Trump');
    expect((await library.speakers.find('g', 'Mayor Ruiz'))?.name).toBe('Ana Ruiz');
    expect(await library.speakers.find('g', 'Angela Merkel')).toBeUndefined();
  });

  it('GIVEN two servers THEN each sees only its own articles; a removal takes its speakers out', async () => {
    const { library } = await setup();
    await library.add('g', text(BRIDGE), 'u');
    const ferry = await library.add('g', text(FERRY), 'u');
    await library.add('h', text(FERRY), 'u');
    expect((await library.speakers.mostQuoted('g', 10)).map((e) => e.name)).toEqual(['Ana Ruiz', 'Engineers', 'Tom Berg']);
    expect((await library.speakers.mostQuoted('h', 10)).map((e) => e.name)).toEqual(['Tom Berg']);
    await library.remove('g', ferry.article.id);
    expect((await library.speakers.mostQuoted('g', 10)).map((e) => e.name)).toEqual(['Ana Ruiz', 'Engineers']);
    expect((await library.speakers.mostQuoted('h', 10)).map((e) => e.name)).toEqual(['Tom Berg']);
    expect(await library.speakers.mostQuoted('empty', 10)).toEqual([]);
  });

  it('GIVEN analyses stored without quote rows and an article never analysed THEN the first question indexes them, once', async () => {
    const { stores, library } = await setup();
    const bridge = await library.add('g', text(BRIDGE), 'u');
    // As an earlier Lede stored it: the analysis without its rows; and an article with no analysis at all.
    const stored = (await stores.analyses.get(bridge.article.id))!;
    await stores.analyses.put(bridge.article.id, stored.version, stored.json);
    const ferry = parseArticle({ content: FERRY, format: 'text', source: 'text' });
    await stores.articles.insert('g', { article: ferry, slug: 'ferry' });
    const fresh = createLibrary({ articles: stores.articles, analyses: stores.analyses, search: stores.search, load });
    expect((await fresh.speakers.mostQuoted('g', 10)).map((e) => e.name)).toEqual(['Ana Ruiz', 'Engineers', 'Tom Berg']);
    expect(await fresh.speakers.catchUp()).toBe(2);
    expect(await stores.search.unindexed(-1, 10)).toEqual([]);
  });
});

describe('speaker choices (autocomplete)', () => {
  it.each([
    // A word starting with the typed text comes before a name merely containing it.
    ['ru', [
      { name: 'Ana Ruiz · 3 quotes in 2 articles', value: 'Ana Ruiz' },
      { name: 'Donald Trump · 2 quotes', value: 'Donald Trump' },
    ]],
    ['', [
      { name: 'Ana Ruiz · 3 quotes in 2 articles', value: 'Ana Ruiz' },
      { name: 'Donald Trump · 2 quotes', value: 'Donald Trump' },
      { name: 'Engineers · 1 quote', value: 'Engineers' },
    ]],
    ['president', [{ name: 'Donald Trump · 2 quotes', value: 'Donald Trump' }]],
    ['zz', []],
  ])('GIVEN "%s" typed THEN the speakers that match, most quoted first', async (typed, expected) => {
    const { library } = await setup();
    await library.add('g', text(BRIDGE), 'u');
    await library.add('g', text(BUDGET), 'u');
    expect(await speakerChoices(library.speakers, 'g', typed)).toEqual(expected);
  });

  it('GIVEN an article THEN only its speakers, counted in it', async () => {
    const { library } = await setup();
    await library.add('g', text(BRIDGE), 'u');
    const budget = await library.add('g', text(BUDGET), 'u');
    expect(await speakerChoices(library.speakers, 'g', '', { articleId: budget.article.id })).toEqual([
      { name: 'Ana Ruiz · 1 quote', value: 'Ana Ruiz' },
      { name: 'Donald Trump · 2 quotes', value: 'Donald Trump' },
    ]);
  });

  it('GIVEN 40 speakers THEN at most 25 choices, each name and value within 100 characters', async () => {
    const { library } = await setup();
    const body = Array.from({ length: 40 }, (_, k) => `"Item ${k} is ready for the vote this week," said Councillor Person${String.fromCharCode(65 + (k % 26))}${'x'.repeat(k)} Smith${k}.`).join('\n\n');
    await library.add('g', text(`Many voices\n\n${body}`), 'u');
    const choices = await speakerChoices(library.speakers, 'g', '');
    expect(choices).toHaveLength(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });
});

describe('phrase search across the server', () => {
  it.each([
    ['“nobody saw this coming”', 'Nobody saw this coming', 1],
    ['NOBODY SAW THAT COMING', 'Nobody saw this coming', 0.75],
    ['grants will keep coming to cities', 'The grants will keep coming to cities that build', 1],
  ])('GIVEN %s THEN the quote %s (score %d)', async (phrase, quote, score) => {
    const { library } = await setup();
    await library.add('g', text(BRIDGE), 'u');
    await library.add('g', text(BUDGET), 'u');
    const hits = await library.speakers.searchPhrase('g', phrase);
    expect(hits.map((h) => [h.quote.quote, h.score])).toEqual([[quote, score]]);
  });

  it.each(['we will', 'said the count would take', 'first ferry leave', 'it is close', 'the'])(
    'GIVEN "%s" THEN the hits, scores and order of a search over every quote of the server',
    async (phrase) => {
      const { library } = await setup();
      for (const body of [BRIDGE, BUDGET, FERRY, CLINTONS]) await library.add('g', text(body), 'u');
      const everything = searchPhrase((await memoryIndex(library, 'g')).articles, phrase);
      const hits = await library.speakers.searchPhrase('g', phrase);
      expect(hits.map((h) => [h.article.id, h.quote.quote, h.score])).toEqual(everything.map((h) => [h.article, h.quote.quote, h.score]));
    },
  );

  it('GIVEN an article id or a speaker THEN only that article, or only that speaker, is searched', async () => {
    const { library } = await setup();
    const bridge = await library.add('g', text(BRIDGE), 'u');
    await library.add('g', text(BUDGET), 'u');
    expect(await library.speakers.searchPhrase('g', 'grants will keep coming', { articleId: bridge.article.id })).toEqual([]);
    const ruiz = (await library.speakers.find('g', 'Ruiz'))!;
    expect(await library.speakers.searchPhrase('g', 'grants will keep coming', { speaker: ruiz })).toEqual([]);
    expect((await library.speakers.searchPhrase('g', 'the bridge', { speaker: ruiz })).map((h) => h.quote.quote)).toEqual(['We will reopen the bridge by the first of May']);
  });

  it.each([
    // One word may differ in three: a match holds at least one of any two of them; the longest are taken.
    ['it was a big gift', ['gift', 'was']],
    ['big gift', ['gift']],
    ['“ … ”', []],
  ])('GIVEN "%s" THEN the candidate quotes must hold one of %j', (phrase, anchors) => {
    expect(phraseAnchors(phrase)).toEqual(anchors);
  });
});
