import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, fragment text]] */
type Row = [string, Array<[string | null, string]>];

const rows: Row[] = [
  // GIVEN a quotation that ends its paragraph THEN the next paragraph's first words are no open-slot attribution.
  [
    '"Why do you still back him?" Lee asked the council. "What does that say about the town?"\n\nSeveral council members, including Ann Moss, have since resigned.',
    [['Lee', 'Why do you still back him'], ['Lee', 'What does that say about the town']],
  ],
  // GIVEN a quantifier before an adjective and an -s word THEN the word is the phrase's noun, not a verb.
  ['"We will not give up," Several Democratic voters, mostly retirees, stood outside.', []],
  // ... while a name and an unknown verb in the slot still attribute.
  ['"We will not give up," Ann Lee fumed.', [['Ann Lee', 'We will not give up']]],
  // GIVEN a subject, an "-ly" adverb and a verb before ", calling" THEN the subject speaks.
  ['Lee subsequently defended the vote, calling it "a fair and open process."', [['Lee', 'it "a fair and open process']]],
];

describe('open-slot guards and adverbs before a gerund\'s clause', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
