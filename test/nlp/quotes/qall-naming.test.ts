import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, kind, fragment text]] */
type Row = [string, Array<[string | null, string | null, string, string]>];

const rows: Row[] = [
  // GIVEN a naming verb with an object and a quoted complement THEN the object and the complement are the subject's words.
  ['The senator called the ruling "a gift to the landlords."', [['The senator', 'called', 'mixed', 'the ruling "a gift to the landlords']]],
  ['On the radio, Ann Lee called the mayor "reckless."', [['Ann Lee', 'called', 'mixed', 'the mayor "reckless']]],
  ['Lee dubbed the bill "the renters\' nightmare" on Monday.', [['Lee', 'dubbed', 'mixed', 'the bill "the renters\' nightmare" on Monday']]],
  // ... and after ", calling" the sentence subject speaks.
  ['Lee went after the chief, calling him "a total failure."', [['Lee', 'calling', 'mixed', 'him "a total failure']]],
  // GIVEN a pronoun object and a plain noun phrase THEN that is the content too.
  ['Lee blasted the board, calling it a rubber stamp.', [['Lee', 'calling', 'indirect', 'it a rubber stamp']]],
  ['Kim attacked the bankers, calling them crooks.', [['Kim', 'calling', 'indirect', 'them crooks']]],
  // The content ends where the subject goes on with another verb.
  ['Lee called the plan "a disaster" and vowed to fight it.', [['Lee', 'called', 'mixed', 'the plan "a disaster"']]],
  // GIVEN the subject after a colon, or an absolute "with X calling" THEN that subject speaks.
  ['Even its backers hedged: Ann Lee called it "the least bad option we had."', [['Ann Lee', 'called', 'mixed', 'it "the least bad option we had']]],
  ['The unions backed her early, with the nurses union calling her "the champion we need" in June.', [['the nurses union', 'calling', 'mixed', 'her "the champion we need" in June']]],
  // GIVEN the verb's other uses THEN nothing.
  ['She called him a day later.', []],
  ['Lee called for a new vote on the plan.', []],
  ['The plan was called "a disaster" by its critics.', []],
];

describe('verbs of naming with an object and a complement', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.kind, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
