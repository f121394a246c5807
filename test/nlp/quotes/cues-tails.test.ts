import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN a closed quotation, a tail cue and a long adjunct THEN the speaker holds to the sentence's end.
  [
    '"We will rebuild every home on this street," Mayor Ann Lee said on Thursday during a speech at the Center for Urban Policy in Denver last month.',
    [['Mayor Ann Lee', 'said', 'We will rebuild every home on this street']],
  ],
  ['"We are staying put," the owner said to cheers from supporters who had waited outside since dawn.', [['the owner', 'said', 'We are staying put']]],
  // A "that" and a speech verb deep inside the adjunct belong to it.
  [
    '"That is a fair worry," Dana Cole, 41, told the radio station when asked about claims that the plant would close.',
    // The question put to her is reported speech of an asker nobody names.
    [['Dana Cole', 'told', 'That is a fair worry'], [null, 'asked', 'claims that the plant would close']],
  ],
  [
    '"It was over for the town," Lee said in May after the county announced it was closing the plant.',
    [
      ['Lee', 'said', 'It was over for the town'],
      // The report inside the adjunct is an attribution of its own ("it" and a finite verb open its clause).
      ['the county', 'announced', 'it was closing the plant'],
    ],
  ],
  // Reported speech keeps its speaker over a long adjunct too.
  [
    'The plant will close in May, the mayor said on Thursday during a long speech at the Center for Urban Policy in Denver last month.',
    [['the mayor', 'said', 'The plant will close in May']],
  ],
  // A second quotation after the adjunct's comma is the attribution's second fragment.
  [
    '"It is done," she said after a long night at the county offices with the lawyers, "and we are glad."',
    [['she', 'said', 'It is done | and we are glad']],
  ],
];

describe('long tails', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
