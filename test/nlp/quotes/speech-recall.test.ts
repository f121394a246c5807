import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN a subject, an insertion set off by commas or dashes, then the cue THEN the subject speaks.
  ['Economists in Ohio, like their peers, say taxes encourage savings.', [['Economists in Ohio', 'say', 'taxes encourage savings']]],
  ['Supporters of the bill, however, say it would protect workers.', [['Supporters of the bill', 'say', 'it would protect workers']]],
  ['Tom Reed — a farmer from Ohio — says he made up his mind late.', [['Tom Reed', 'says', 'he made up his mind late']]],
  [
    'Most voters in the state — and two-thirds of officials — said that Lee cannot be beaten.',
    [['Most voters in the state', 'said', 'Lee cannot be beaten']],
  ],
  // A subject pronoun after the cue with words after it opens the clause: no inversion "said they".
  [
    'Several voters at the rallies, including Mr. Jones, said they had no problem with the comments.',
    [['Several voters at the rallies', 'said', 'they had no problem with the comments']],
  ],
  // An insertion with a verb of its own is a clause, not an apposition: the tail reads it.
  ['In Ohio, the plan failed, said Lee.', [['Lee', 'said', 'In Ohio, the plan failed']]],
  // GIVEN an adverb between the subject and a verb of saying THEN the subject still speaks.
  ['Ms. Park gingerly said that the budget was too large.', [['Ms. Park', 'said', 'the budget was too large']]],
  ['Mr. Ryan has long said that he will support the nominee.', [['Mr. Ryan', 'said', 'he will support the nominee']]],
  ['Carter however said he would welcome the plan.', [['Carter', 'said', 'he would welcome the plan']]],
  // A noun in -ly is the subject, not an adverb.
  ['The Kennedy family said the house will be sold.', [['The Kennedy family', 'said', 'the house will be sold']]],
  // Not before a verb of belief or evidence ("occasionally find" describes, it does not report).
  ['Peacekeepers are not trained for this, though they occasionally find themselves in war zones.', []],
  // GIVEN an object cue in an opening subordinate clause THEN its object ends at the clause's comma.
  [
    'While the mayor has forcefully condemned the new budget, the council voted for it on Friday.',
    [['the mayor', 'condemned', 'the new budget']],
  ],
];

describe('speech recall: subjects and content around the cue', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
