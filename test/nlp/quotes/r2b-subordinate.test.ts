import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN a cue in an opening subordinate clause and a main clause that quotes its own subject
  // THEN the subordinate clause reports up to the main clause, and the quotation is the main subject's.
  [
    'When Okoro suggested that the town would sue the county over the deal, Kim fired back forcefully: "If they take us to court, they will lose."',
    [['Okoro', 'suggested', 'the town would sue the county over the deal'], ['Kim', 'fired back forcefully', 'If they take us to court, they will lose']],
  ],
  [
    'After the coach asked the mayor who he thought would win the game, Kim replied, "If I had to guess, I would pick the visitors."',
    [['the coach', 'asked', 'who he thought would win the game'], ['he', 'thought', 'would win the game'], ['Kim', 'replied', 'If I had to guess, I would pick the visitors']],
  ],
  // A middle attribution after an opening subordinate clause quotes only what follows it.
  ['When the council voted down the plan, Kim replied, "We will bring it back next year."', [['Kim', 'replied', 'We will bring it back next year']]],
];

describe('reported speech in an opening subordinate clause (r2b)', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });

  it('GIVEN a quotation right after the subordinate clause cue and no main clause quoting THEN it stays that cue\'s', () => {
    const q = extractQuotes('When Lee said, "We are done with this plan," the room went quiet.');
    expect(q.map((x) => [x.speaker, x.cue])).toEqual([['Lee', 'said']]);
  });
});
