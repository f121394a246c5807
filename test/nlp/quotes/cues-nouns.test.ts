import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN a speech noun with an owner and a "that" clause THEN the owner said the clause.
  ["Lee's claim that the plant was safe drew laughter.", [["Lee's", 'claim', 'the plant was safe']]],
  ['The statement by the county council that taxes would not rise was false.', [['the county council', 'statement', 'taxes would not rise']]],
  ['The union rejected her remark that "the workers are lazy and spoiled."', [['her', 'remark', 'the workers are lazy and spoiled']]],
  // A coordinated "and that" clause stays inside the content; the sentence's own verb ends it.
  [
    "Sen. Ann Lee's warning that he was tired and that the vote would fail came late.",
    [["Sen. Ann Lee's", 'warning', 'he was tired and that the vote would fail']],
  ],
  // Neighbours: no owner, or a relative "that", attributes nothing.
  ['The claim that taxes would rise was false.', []],
  ['The statement that appeared on Monday was short.', []],
];

describe('noun cues', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });

  it('GIVEN a possessive name THEN the speaker resolves without the possessive', () => {
    expect(extractQuotes("Lee's claim that the plant was safe drew laughter.")[0]!.speakerRef).toBe('Lee');
  });
});
