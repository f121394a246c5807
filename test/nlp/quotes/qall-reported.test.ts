import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN "state(s)" with no "that", colon or quotation THEN it is the noun, not a cue.
  ['The two states hold their primaries on the first of March.', []],
  ['He is counting on his home state because he will have the delegates.', []],
  // ... while "stated that" still reports.
  ['The mayor stated that the bridge would reopen in June.', [['The mayor', 'stated', 'the bridge would reopen in June']]],
  // GIVEN an opening adverbial (a day, "Despite ...") before "X said" THEN it is no content: the clause after the cue is.
  [
    'Despite his quarrel with the council, Lee said if elected he would work with its members.',
    [['Lee', 'said', 'if elected he would work with its members']],
  ],
  [
    'Wednesday on the morning show, Ann Cole said the vote would be close.',
    [['Ann Cole', 'said', 'the vote would be close']],
  ],
  // An opening phrase with a quotation that holds the verb is still content.
  [
    'During the call, the two leaders "agreed to keep working on the treaty until it is done," the aide said.',
    [['the aide', 'said', 'During the call, the two leaders "agreed to keep working on the treaty until it is done,"']],
  ],
  // A short quoted title in the opening phrase holds no verb.
  [
    'On the "Morning Show" Tuesday, she said, "We never promised to pay the fees."',
    [['she', 'said', 'We never promised to pay the fees']],
  ],
];

describe('reported speech: noun "state", opening adverbials before a tail cue', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
