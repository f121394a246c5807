import { describe, expect, it } from 'vitest';
import { extractQuotes, phraseWords, searchPhrase } from '../../../src/nlp/quotes';
import { FLOOD, quote, SEED, TARIFFS } from './api-fixtures';

const articles = [
  { article: 'seed', quotes: extractQuotes(SEED) },
  { article: 'tariffs', quotes: extractQuotes(TARIFFS) },
  { article: 'flood', quotes: extractQuotes(FLOOD) },
];

describe('phraseWords', () => {
  it.each<[string, string[]]>([
    ['\u201cWe won\u2019t back down,\u201d', ['we', 'wont', 'back', 'down']],
    ['"We won\'t BACK down"', ['we', 'wont', 'back', 'down']],
    ['high-level visit', ['high', 'level', 'visit']],
    ['Núñez said', ['nunez', 'said']],
    ['', []],
    ['"" ... !!!', []],
  ])('%j -> %j', (s, expected) => {
    expect(phraseWords(s)).toEqual(expected);
  });
});

describe('searchPhrase', () => {
  const hits = (phrase: string) => searchPhrase(articles, phrase).map((h) => [h.article, h.quote.speakerRef, Number(h.score.toFixed(4)), h.quote.quote.slice(0, 20)]);
  it.each<[string, string, Array<[string, string | null, number, string]>]>([
    ['exact words', 'a big gift to him', [['seed', 'Richard Grenell', 1, 'It was a big gift to']]],
    ['case and straight quotes ignored against curly quotes in the text', '"THE ONLY AWARD FOR MADURO"', [['seed', 'Richard Grenell', 1, 'The only award for M']]],
    ['straight apostrophe finds a curly one', "we won't back down", [['flood', 'Ruth Okafor', 1, 'We won’t back down, ']]],
    ['curly marks in the phrase, straight in the text', '\u201cTariffs are a tax, and American families\u201d', [['tariffs', 'Maria Lopez', 1, 'Tariffs are a tax, a']]],
    ['one changed word (6 words, 2 may differ)', 'record numbers of illegal migrants from', [['seed', 'Trump', 0.8333, 'We are in the proces']]],
    ['one missing word', 'a great day for workers', [['tariffs', 'Donald Trump', 0.8, 'This is a great day ']]],
    ['too many changed words', 'a small gift to her from them', []],
    ['a phrase in two quotes: both, the named speaker first', 'illegal aliens', [
      ['seed', 'Trump', 1, 'Venezuela has agreed'],
      ['seed', 'Trump', 1, 'We are in the proces'],
    ]],
    ['an unattributed quote is found, with no speaker', 'the worst flood I have seen', [['flood', null, 1, 'It is the worst floo']]],
    ['phrase not found', 'the moon landing was staged', []],
    ['words out of order are not the phrase', 'gift big a', []],
    ['empty phrase', '', []],
    ['only punctuation', '“” !?', []],
  ])('%s: %j', (_name, phrase, expected) => {
    expect(hits(phrase)).toEqual(expected);
  });

  it('no articles, or articles without quotes, give nothing', () => {
    expect(searchPhrase([], 'anything')).toEqual([]);
    expect(searchPhrase([{ article: 'a', quotes: [] }], 'anything')).toEqual([]);
  });

  it('a tolerance of 0 asks for the exact words', () => {
    expect(searchPhrase(articles, 'record numbers of illegal migrants from', 0)).toEqual([]);
  });

  it('a phrase longer than 40 words is cut to its first 40, not refused', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    const q = quote({ quote: words.slice(0, 40).join(' ') });
    expect(searchPhrase([{ article: 'x', quotes: [q] }], words.join(' ')).map((h) => h.score)).toEqual([1]);
  });
});
