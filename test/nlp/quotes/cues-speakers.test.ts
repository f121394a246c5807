import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN a role, then a name in apposition, then the cue THEN the name speaks.
  ['The senator\'s spokeswoman, Ann Lee, said the bill would pass.', [['Ann Lee', 'said', 'the bill would pass']]],
  [
    '"The cuts will hurt every school," Ohio Rep. Dale Burke\'s chief of staff, Joe Kasper, told reporters before the vote.',
    [['Joe Kasper', 'told', 'The cuts will hurt every school']],
  ],
  // A prepositional phrase that opens the sentence is no reported speech before a tail.
  [
    'In a statement, her senior policy adviser, Jake Moss, said: "The plan is dead and we will not revive it."',
    [['Jake Moss', 'said', 'The plan is dead and we will not revive it']],
  ],
  // Neighbours: a clause before the tail stays the content; an insertion after a name still works.
  ['In Iraq, the roads are closed again, he said.', [['he', 'said', 'In Iraq, the roads are closed again']]],
  ['Maria Lopez, a nurse, said the city had forgotten them.', [['Maria Lopez', 'said', 'the city had forgotten them']]],
];

describe('speaker phrases', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
