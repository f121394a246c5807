/**
 * The per-server speaker index over stored analyses: aliases merged across articles, one index per
 * server, cached until the server's articles change, and only new articles read on a rebuild.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/article';
import { createLibrary, type AddSource, type ArticleLoader, type Library } from '../../src/library';
import { createSpeakerDirectory, searchServerPhrase, speakerChoices, speakersOf } from '../../src/library/speakers';
import { openStores } from '../../src/store/open';

const BRIDGE = `Bridge repairs to finish by May

"We will reopen the bridge by the first of May," said Mayor Ana Ruiz on Monday. The council approved the money last week.

Engineers said the steel had rusted faster than expected. "Nobody saw this coming," Ruiz added.`;

const BUDGET = `City budget balanced for the first time in a decade

Ruiz said the budget was balanced without cutting a single library. President Donald Trump said the federal grants would continue.

"The grants will keep coming to cities that build," Trump told reporters at the White House.`;

const FERRY = `Ferry timetable changes

"The first ferry will leave at six from now on," harbour master Tom Berg said on Tuesday.`;

const load: ArticleLoader = async (source: AddSource) => {
  if (source.kind !== 'text') throw new Error('text only in this test');
  return parseArticle({ content: source.text, format: 'text', source: 'text' });
};
const text = (body: string): AddSource => ({ kind: 'text', text: body });

/** A library whose analysis() calls are counted (per article id). */
async function setup() {
  const stores = await openStores({ kind: 'sqlite', path: ':memory:' });
  const inner = createLibrary({ articles: stores.articles, analyses: stores.analyses, load });
  const reads: string[] = [];
  const library: Library = {
    ...inner,
    analysis(article) {
      reads.push(article.id);
      return inner.analysis(article);
    },
  };
  return { library, reads, directory: createSpeakerDirectory(library) };
}

describe('speaker index per server', () => {
  it('GIVEN "Mayor Ana Ruiz" in one article and "Ruiz" in another THEN one entry with both articles and every alias', async () => {
    const { library, directory } = await setup();
    const bridge = await library.add('g', text(BRIDGE), 'u');
    const budget = await library.add('g', text(BUDGET), 'u');
    const { entries } = await directory.of('g');
    const ruiz = entries.find((e) => e.name === 'Ana Ruiz')!;
    expect(ruiz.aliases).toEqual(['Ana Ruiz', 'Mayor Ana Ruiz', 'Ruiz']);
    expect(ruiz.quotes.map((q) => [q.article.id, q.quote.quote])).toEqual([
      [bridge.article.id, 'We will reopen the bridge by the first of May'],
      [bridge.article.id, 'Nobody saw this coming'],
      [budget.article.id, 'the budget was balanced without cutting a single library'],
    ]);
    expect(ruiz.quotes[0]!.article).toMatchObject({ title: 'Bridge repairs to finish by May', guildId: 'g' });
    const trump = entries.find((e) => e.name === 'Donald Trump')!;
    expect(trump.aliases).toEqual(['Donald Trump', 'President Donald Trump', 'Trump']);
    expect(trump.quotes).toHaveLength(2);
    expect(entries.map((e) => e.name)).toEqual(['Ana Ruiz', 'Donald Trump', 'Engineers']);
  });

  it('GIVEN two servers THEN each sees only its own articles', async () => {
    const { library, directory } = await setup();
    await library.add('g', text(BRIDGE), 'u');
    await library.add('h', text(FERRY), 'u');
    expect((await directory.of('g')).entries.map((e) => e.name)).toEqual(['Ana Ruiz', 'Engineers']);
    expect((await directory.of('h')).entries.map((e) => e.name)).toEqual(['Tom Berg']);
  });

  it('GIVEN no change THEN the cached index is returned; an add or a remove rebuilds it, reading only the new analysis', async () => {
    const { library, directory, reads } = await setup();
    const bridge = await library.add('g', text(BRIDGE), 'u');
    reads.length = 0;
    const first = await directory.of('g');
    expect(reads).toEqual([bridge.article.id]);
    expect(await directory.of('g')).toBe(first);
    expect(reads).toHaveLength(1);

    const ferry = await library.add('g', text(FERRY), 'u');
    reads.length = 0;
    const second = await directory.of('g');
    expect(second).not.toBe(first);
    expect(reads).toEqual([ferry.article.id]);
    expect(second.entries.map((e) => e.name)).toEqual(['Ana Ruiz', 'Engineers', 'Tom Berg']);

    await library.remove('g', ferry.article.id);
    expect((await directory.of('g')).entries.map((e) => e.name)).toEqual(['Ana Ruiz', 'Engineers']);
  });

  it('GIVEN invalidate() THEN the next call rebuilds the index', async () => {
    const { library, directory } = await setup();
    await library.add('g', text(BRIDGE), 'u');
    const first = await directory.of('g');
    directory.invalidate('g');
    expect(await directory.of('g')).not.toBe(first);
    expect((await directory.of('g')).entries).toEqual(first.entries);
  });

  it('GIVEN a server with no articles THEN an empty index', async () => {
    const { directory } = await setup();
    expect(await directory.of('empty')).toEqual({ entries: [], articles: [] });
  });

  it('GIVEN the same library THEN speakersOf hands out one shared directory', async () => {
    const { library } = await setup();
    expect(speakersOf(library)).toBe(speakersOf(library));
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
    const { library, directory } = await setup();
    await library.add('g', text(BRIDGE), 'u');
    await library.add('g', text(BUDGET), 'u');
    expect(await speakerChoices(directory, 'g', typed)).toEqual(expected);
  });

  it('GIVEN an article THEN only its speakers, counted in it', async () => {
    const { library, directory } = await setup();
    await library.add('g', text(BRIDGE), 'u');
    const budget = await library.add('g', text(BUDGET), 'u');
    expect(await speakerChoices(directory, 'g', '', { articleId: budget.article.id })).toEqual([
      { name: 'Ana Ruiz · 1 quote', value: 'Ana Ruiz' },
      { name: 'Donald Trump · 2 quotes', value: 'Donald Trump' },
    ]);
  });

  it('GIVEN 40 speakers THEN at most 25 choices, each name and value within 100 characters', async () => {
    const { library, directory } = await setup();
    const body = Array.from({ length: 40 }, (_, k) => `"Item ${k} is ready for the vote this week," said Councillor Person${String.fromCharCode(65 + (k % 26))}${'x'.repeat(k)} Smith${k}.`).join('\n\n');
    await library.add('g', text(`Many voices\n\n${body}`), 'u');
    const choices = await speakerChoices(directory, 'g', '');
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
    ["NOBODY SAW THAT COMING", 'Nobody saw this coming', 0.75],
    ['grants will keep coming to cities', 'The grants will keep coming to cities that build', 1],
  ])('GIVEN %s THEN the quote %s (score %d)', async (phrase, quote, score) => {
    const { library, directory } = await setup();
    await library.add('g', text(BRIDGE), 'u');
    await library.add('g', text(BUDGET), 'u');
    const hits = searchServerPhrase(await directory.of('g'), phrase);
    expect(hits.map((h) => [h.quote.quote, h.score])).toEqual([[quote, score]]);
  });

  it('GIVEN an article id THEN only that article is searched', async () => {
    const { library, directory } = await setup();
    const bridge = await library.add('g', text(BRIDGE), 'u');
    await library.add('g', text(BUDGET), 'u');
    expect(searchServerPhrase(await directory.of('g'), 'grants will keep coming', bridge.article.id)).toEqual([]);
  });
});
