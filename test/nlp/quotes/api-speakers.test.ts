import { describe, expect, it } from 'vitest';
import { buildSpeakerIndex, extractQuotes, findSpeaker, suggestSpeakers, type Quote, type SpeakerEntry } from '../../../src/nlp/quotes';
import { FLOOD, quote, SEED, TARIFFS, TWO_SMITHS } from './api-fixtures';

const LONG = 'The plan will cut waiting times at every hospital in the region by spring.';
const by = (speaker: string, speakerRef: string | null = speaker): Quote => quote({ quote: LONG, speaker, speakerRef });

/** The index over the four news texts, each article named by a short label. */
const library = buildSpeakerIndex([
  { article: 'seed', quotes: extractQuotes(SEED) },
  { article: 'smiths', quotes: extractQuotes(TWO_SMITHS) },
  { article: 'tariffs', quotes: extractQuotes(TARIFFS) },
  { article: 'flood', quotes: extractQuotes(FLOOD) },
]);
const summary = (index: readonly SpeakerEntry<string>[]) => index.map((e) => [e.name, e.aliases.join(' | '), e.quotes.map((x) => x.article).join(' ')]);

describe('buildSpeakerIndex', () => {
  it('merges aliases across articles, keeps two Smiths and a bare "Smith" apart, lists no pronoun or unnamed speaker', () => {
    expect(summary(library)).toEqual([
      ['Donald Trump', 'Donald Trump | President Donald Trump | Trump', 'tariffs tariffs seed seed seed'],
      ['Richard Grenell', 'Grenell | Richard Grenell', 'seed seed seed'],
      // A role named with its body ("a White House spokesman") is filed under the body.
      ['White House', 'The White House | White House | a White House spokesman', 'seed seed tariffs'],
      ['Maria Lopez', 'Dr. Maria Lopez | Lopez | Maria Lopez', 'tariffs tariffs'],
      ['Smith', 'Ms. Smith | Smith', 'smiths smiths'],
      ['Claudia Sheinbaum', 'Claudia Sheinbaum | Mexican President Claudia Sheinbaum', 'seed'],
      ['Jane Smith', 'Jane Smith | Mayor Jane Smith', 'smiths'],
      ['John Smith', 'John Smith | Senator John Smith', 'smiths'],
      ['Mexico', 'Mexico', 'seed'],
      // The seed's colon headline is credited at its end ("…, News.Az informs via Reuters").
      ['News.Az', 'News.Az', 'seed'],
      ['Nicolas Maduro', 'Maduro | Nicolas Maduro', 'seed'],
      // A group named at a sentence start is listed under its written mention (the quote's speakerRef stays null).
      ['Officials', 'Officials', 'flood'],
      ['Ruth Okafor', 'Mayor Ruth Okafor | Ruth Okafor', 'flood'],
      ['Trump administration', 'The Trump administration | Trump administration', 'seed'],
    ]);
  });

  it.each<[string, Array<{ article: string; quotes: Quote[] }>, string[][]]>([
    ['no articles', [], []],
    ['articles without quotes', [{ article: 'a', quotes: [] }], []],
    ['"Trump" = "President Trump" = "Donald Trump" across three articles',
      [{ article: 'a', quotes: [by('Trump')] }, { article: 'b', quotes: [by('President Trump', 'Trump')] }, { article: 'c', quotes: [by('President Donald Trump', 'Donald Trump')] }],
      // The full name's own quotes first, then the merged surname-only ones.
      [['Donald Trump', 'Donald Trump | President Donald Trump | President Trump | Trump', 'c a b']]],
    ['a bare surname joins the one full name ending with it',
      [{ article: 'a', quotes: [by('Smith')] }, { article: 'b', quotes: [by('John Smith')] }],
      [['John Smith', 'John Smith | Smith', 'b a']]],
    ['two full names end with it: the bare surname stays apart',
      [{ article: 'a', quotes: [by('Smith')] }, { article: 'b', quotes: [by('John Smith')] }, { article: 'c', quotes: [by('Jane Smith')] }],
      [['Jane Smith', 'Jane Smith', 'c'], ['John Smith', 'John Smith', 'b'], ['Smith', 'Smith', 'a']]],
    ['a different given name is a different person',
      [{ article: 'a', quotes: [by('Donald Trump')] }, { article: 'b', quotes: [by('Eric Trump')] }],
      [['Donald Trump', 'Donald Trump', 'a'], ['Eric Trump', 'Eric Trump', 'b']]],
    ['an initial and a given name stay apart (only a bare surname merges)',
      [{ article: 'a', quotes: [by('J. Smith')] }, { article: 'b', quotes: [by('John Smith')] }],
      [['J. Smith', 'J. Smith', 'a'], ['John Smith', 'John Smith', 'b']]],
    ['null speakers and unresolved pronouns are nobody; a resolved pronoun counts for its person but is not an alias',
      [{ article: 'a', quotes: [by('He', null), by('they', null), quote({ quote: LONG }), by('He', 'Ana Ruiz'), by('Ana Ruiz')] }],
      [['Ana Ruiz', 'Ana Ruiz', 'a a']]],
    ['an honorific is dropped from the key, accents too',
      [{ article: 'a', quotes: [by('Dr. José Núñez', 'José Núñez')] }, { article: 'b', quotes: [by('Jose Nunez')] }],
      [['José Núñez', 'Dr. José Núñez | Jose Nunez | José Núñez', 'a b']]],
  ])('%s', (_name, articles, expected) => {
    expect(summary(buildSpeakerIndex(articles))).toEqual(expected);
  });
});

describe('findSpeaker', () => {
  it.each<[string, string | undefined]>([
    ['Trump', 'Donald Trump'],
    ['President Trump', 'Donald Trump'],
    ['donald trump', 'Donald Trump'],
    ['Eric Trump', undefined],
    ['Trump administration', 'Trump administration'],
    ['Grenell', 'Richard Grenell'],
    ['US envoy Richard Grenell', 'Richard Grenell'],
    ['Smith', 'Smith'],
    ['Ms. Smith', 'Smith'],
    ['Senator John Smith', 'John Smith'],
    ['Jane Smith', 'Jane Smith'],
    ['Dr. Lopez', 'Maria Lopez'],
    ['the White House', 'White House'],
    ['he', undefined],
    ['They', undefined],
    ['Officials', 'Officials'],
    ['Witnesses', undefined],
    ['President', undefined],
    ['', undefined],
    ['Nobody Here', undefined],
  ])('%j -> %j', (typed, expected) => {
    expect(findSpeaker(library, typed)?.name).toBe(expected);
  });

  it('an empty index finds nobody', () => {
    expect(findSpeaker([], 'Trump')).toBeUndefined();
  });
});

describe('suggestSpeakers', () => {
  it.each<[string, number | undefined, string[]]>([
    ['tr', undefined, ['Donald Trump', 'Trump administration']],
    // An alias's first word ("President Donald Trump"); "Mexican President ..." does not start with it.
    ['Pres', undefined, ['Donald Trump']],
    ['smi', undefined, ['Smith', 'Jane Smith', 'John Smith']],
    ['SMITH', 2, ['Smith', 'Jane Smith']],
    ['  gren ', undefined, ['Richard Grenell']],
    ['house', undefined, ['White House']],
    ['ene', undefined, ['Richard Grenell']],
    // A pronoun is no alias: "he" only finds a name containing it.
    ['he', undefined, ['Claudia Sheinbaum']],
    ['zz', undefined, []],
    ['', 3, ['Donald Trump', 'Richard Grenell', 'White House']],
    // A title typed with the name: the name's words decide ("Donald Trump" is never written "President Trump" here).
    ['president trump', undefined, ['Donald Trump', 'Trump administration']],
    ['mayor okafor', undefined, ['Ruth Okafor']],
    ['president lopez', undefined, ['Maria Lopez']],
  ])('%j (limit %j) -> %j', (typed, limit, expected) => {
    expect(suggestSpeakers(library, typed, limit)).toEqual(expected);
  });
});
