import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [article, quotation text, expected speaker mention, expected speakerRef] (undefined: no such quote) */
type Row = [string, string, string | null | undefined, string | null | undefined];

const speakerOf = (text: string, quote: string): [string | null | undefined, string | null | undefined] => {
  const q = extractQuotes(text).find((x) => x.quote.includes(quote));
  return q === undefined ? [undefined, undefined] : [q.speaker, q.speakerRef];
};

describe('a quotation under a verb of naming or judging is its subject\'s words', () => {
  const rows: Row[] = [
    ['Greta Holm called the harbor plan "a gift to the developers who paid for the last campaign."', 'a gift to the developers', 'Greta Holm', 'Greta Holm'],
    ['Greta Holm thanked the crews for "working through the night so the rest of us could sleep."', 'working through the night', 'Greta Holm', 'Greta Holm'],
    // A gerund after a comma takes the sentence subject.
    ['At the hearing, Ivan Petrov blasted the board, calling it "a rubber stamp for whatever the mayor wants this year."', 'a rubber stamp', 'Ivan Petrov', 'Ivan Petrov'],
    // Auxiliaries and adverbs between the subject and the verb.
    ['She has repeatedly described the levy as "the fairest way to pay for the roads we all drive on."', 'the fairest way', 'She', null],
    // A participle after a noun names a thing; nobody is quoted.
    ['Residents formed a group called "Friends of the River and the Old Mill and the Park" last spring.', 'Friends of the River', null, null],
    // One or two words under such a verb are no quote of their own, but what the subject called the
    // object is his reported speech (naming.ts).
    ['Ivan Petrov called the plan a "disaster" at the meeting.', 'disaster', 'Ivan Petrov', 'Ivan Petrov'],
  ];
  it.each(rows)('%s', (text, quote, speaker, ref) => {
    expect(speakerOf(text, quote)).toEqual([speaker, ref]);
  });
});
