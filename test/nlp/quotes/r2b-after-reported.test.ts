import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN a quoted sentence right after reported speech that ends the sentence before THEN its speaker goes on.
  [
    '"The fees are fair," Lee said, adding that the council had waited too long. "We have no choice now."',
    [['Lee', 'said', 'The fees are fair'], ['Lee', 'adding', 'the council had waited too long'], ['Lee', null, 'We have no choice now']],
  ],
  ['Lee said the council would vote on the fees next week. "We have no choice now."', [['Lee', 'said', 'the council would vote on the fees next week'], ['Lee', null, 'We have no choice now']]],
  // Reported speech of a subordinate clause inside the attribution sentence: the quotation's speaker goes on.
  [
    '"The fees are fair," Dana Lee told a radio host on Friday, when a dozen towns held votes. "We are ready for the fight."',
    [['Dana Lee', 'told', 'The fees are fair'], ['Dana Lee', null, 'We are ready for the fight']],
  ],
  [
    '"Your team is great," Ruiz assured Kim, after Kim assured him that the staff backed him. "I will not let you down."',
    [['Ruiz', 'assured', 'Your team is great'], ['Kim', 'assured', 'him that the staff backed him'], ['Ruiz', null, 'I will not let you down']],
  ],
  // A quotation with an attribution of its own after a nested quotation's closing mark is that speaker's.
  [
    'Local party leaders say his visits included many questions. "He just stopped and said, \'How do we win the county?\'" Will Ross, the chairman for the county, said of the meeting he had with him.',
    [['Local party leaders', 'say', 'his visits included many questions'], ['Will Ross', 'said', 'He just stopped and said, \'How do we win the county?\'']],
  ],
  // Neighbours: a quotation with its own tail is its own speaker's.
  [
    'Officials said the bridge would close. "It is a disaster for the whole town," one resident said.',
    [['Officials', 'said', 'the bridge would close'], ['one resident', 'said', 'It is a disaster for the whole town']],
  ],
  // Reported speech does not carry over a paragraph break: the next paragraph's quotation may be anyone's.
  [
    'Lee said the council would vote on the fees next week.\n\n"We have no choice now, and nobody in this town has one either."',
    [['Lee', 'said', 'the council would vote on the fees next week'], [null, null, 'We have no choice now, and nobody in this town has one either']],
  ],
];

describe('a quoted sentence after reported speech (r2b)', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
