import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN a quoted fragment that starts in lowercase inside the narrator's sentence and no speaker
  // THEN it is a piece of that sentence, not a quotation to report with no speaker.
  ['The council backed a plan that the town "would never have to pay for again in the next ten years."', []],
  ['Critics saw the vote as a sign of "a council that has stopped listening to the people who elected it."', []],
  // A quoted sentence of its own inside a sentence is still reported, with or without a speaker.
  ['The banner over the hall carried the words "We will not pay a cent more for these roads."', [[null, null, 'We will not pay a cent more for these roads']]],
  // A lowercase fragment with a speaker is still that speaker's.
  ['Lee called the plan "a gift to the developers who paid for the last campaign."', [['Lee', 'called', 'a gift to the developers who paid for the last campaign']]],
];

describe('quoted fragments with no speaker (r2b)', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
