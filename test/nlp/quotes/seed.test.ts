import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractQuotes, rankKeyQuotes, filterBySpeaker } from '../../../src/nlp/quotes';

const text = readFileSync(new URL('../../../data/articles/venezuela-agrees-to-take-back-migrants.txt', import.meta.url), 'utf8');
const quotes = extractQuotes(text);

describe('seed article: who said what', () => {
  it('GIVEN the seed THEN the direct quotes have the right speakers (Trump; Grenell; Grenell; Trump) and Maduro\'s quoted words are his', () => {
    const direct = quotes.filter((q) => q.kind === 'direct').map((q) => [q.quote.slice(0, 30), q.speakerRef]);
    expect(direct).toEqual([
      ['Venezuela has agreed to receiv', 'Trump'],
      ['The only award for Maduro was ', 'Richard Grenell'],
      ['It was a big gift to him to ha', 'Richard Grenell'],
      ['We are in the process of remov', 'Trump'],
    ]);
    const maduro = quotes.find((q) => q.quote.includes('have made a first step'));
    expect([maduro?.kind, maduro?.speakerRef, maduro?.cue]).toEqual(['mixed', 'Nicolas Maduro', 'saying']);
    expect(maduro?.quote.endsWith('Hopefully it can continue."')).toBe(true);
  });

  it('GIVEN the seed THEN the indirect attributions are found with spans ending at the clause end', () => {
    const indirect = quotes.filter((q) => q.kind === 'indirect' && q.cue !== null).map((q) => [q.speakerRef, q.quote]);
    expect(indirect).toEqual([
      // The colon headline: News.Az's claim (it "informs via Reuters"), not Trump's words.
      ['News.Az', 'Trump: Venezuela agrees to take back all detained illegal migrants from the U.S. and arrange their transportation'],
      ['Trump', 'Venezuela agreed to supply transportation for them'],
      ['Trump administration', "the top goals for Grenell's trip were to secure the release of detained Americans and deporting Venezuelans back to their home country"],
      ['White House', "the high-level visit does not mean the United States recognizes Maduro as Venezuela's legitimate leader"],
      ['Richard Grenell', 'there were no financial or other concessions promised to Maduro'],
      ['White House', 'the South American nation had agreed to accept military aircraft carrying deported migrants'],
      ['Mexico', 'it has received non-Mexican migrants from the United States in the past week'],
      ['Claudia Sheinbaum', 'Central American nations could also reach similar agreements with the US to accept deportees from other countries'],
    ]);
  });

  it('GIVEN "He said Venezuela agreed" THEN the mention is "He" and it resolves to Trump', () => {
    const q = quotes.find((x) => x.quote.startsWith('Venezuela agreed to supply'))!;
    expect([q.speaker, q.speakerRef, text.slice(q.speakerStart!, q.speakerEnd!)]).toEqual(['He', 'Trump', 'He']);
  });

  it('GIVEN --speaker Grenell THEN only Grenell quotes, key quotes first', () => {
    expect(filterBySpeaker(quotes, 'Grenell').map((q) => q.quote.slice(0, 20))).toEqual([
      'there were no financ',
      'The only award for M',
      'It was a big gift to',
    ]);
    const key = rankKeyQuotes(quotes, { limit: 3 });
    expect(key.every((q) => q.speakerRef !== null)).toBe(true);
    expect(key[0]!.kind).toBe('direct');
  });
});
