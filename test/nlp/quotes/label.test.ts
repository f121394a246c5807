/**
 * A paragraph that opens with "NAME:" is what NAME said (a transcript line, or a "NAME: words"
 * headline, as news annotation reads it), unless the paragraph credits its words to someone else at
 * its end: "Trump: Venezuela agrees to take back migrants, News.Az informs via Reuters" is News.Az's
 * report. Heading words ("Update:", "Correction:") are no speakers.
 */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

const who = (text: string) => extractQuotes(text).map((q) => [q.speakerRef ?? q.speaker, q.quote]);

describe('NAME: paragraphs', () => {
  it('GIVEN a colon headline credited at its end THEN it is not the named person’s words', () => {
    const text = `Trump announces the migrants deal

Trump: Venezuela agrees to take back all detained migrants from the U.S. and arrange their transportation, News.Az informs via Reuters.

The talks took place in Caracas on Friday.`;
    for (const [speaker, quote] of who(text)) {
      expect(speaker).not.toBe('Trump');
      expect(quote).not.toContain('News.Az informs');
    }
  });

  it('GIVEN a "NAME: words" headline with no credit THEN the words are the name’s', () => {
    expect(who('Mayor Ruiz: The bridge opens in May after two years of work.\n\nThe council approved the budget on Monday.')).toEqual([
      ['Ruiz', 'The bridge opens in May after two years of work'],
    ]);
  });

  it.each(['Update: Voters turn to the new party before the election.', 'Correction: The first sentence now names the committee.'])('GIVEN the heading %j THEN no quote', (text) => {
    expect(who(`${text}\n\nThe council approved the budget on Monday.`)).toEqual([]);
  });

  it('GIVEN a transcript (two labelled paragraphs) THEN each paragraph is its speaker’s', () => {
    expect(who('SMITH: The bill passes next week, whatever the committee decides.\n\nJONES: The committee has not even read the bill yet.')).toEqual([
      ['SMITH', 'The bill passes next week, whatever the committee decides'],
      ['JONES', 'The committee has not even read the bill yet'],
    ]);
  });

  it('GIVEN one labelled paragraph in the first person THEN it is the speaker’s', () => {
    expect(who('Ruiz: We will open the bridge in May, and I will be there.')).toEqual([['Ruiz', 'We will open the bridge in May, and I will be there']]);
  });

  it('GIVEN a transcript line that says "as I said" THEN it stays the speaker’s; one that credits an agency does not', () => {
    expect(who('SMITH: We will pass it, as I said, before the summer.\n\nJONES: Not this year.')[0]).toEqual(['SMITH', 'We will pass it, as I said, before the summer']);
    expect(who('SMITH: The bill passes next week, the agency reported.\n\nJONES: Not this year.').map(([s]) => s)).not.toContain('SMITH');
  });
});
