import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN an open-slot tail followed by a clause of its own after "and" THEN the attribution still ends at the verb.
  ['"Go back to your office," the mayor barked and a guard walked him out.', [['the mayor', 'barked', 'Go back to your office']]],
  // GIVEN an inverted open-slot verb and a name with where the speaker comes from.
  ['"This is fantastic!" beamed Dana Hart of Madison, Alabama.', [['Dana Hart', 'beamed', 'This is fantastic']]],
  // "upon" opens an adjunct like "after".
  ['"Oh, what a day for this town," Dana Hart gasped upon seeing the crowd.', [['Dana Hart', 'gasped', 'Oh, what a day for this town']]],
  // A determiner and a number glued into a compound is a speaker phrase.
  ['"What if the ferry had left on time?" the 61-year-old asked in the interview.', [['the 61-year-old', 'asked', 'What if the ferry had left on time']]],
  // Neighbour: "and" with a second verb coordinates an action, not a clause of its own.
  ['"We will fix the roads this year," Smith signed and sealed the bill.', []],
];

describe('open-slot attributions and what may follow them (r2b)', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
