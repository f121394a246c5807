/**
 * Rules that settle where two rule families met: a colon-introduced quotation before a tail, a
 * restrictive relative clause on the subject, and title-case headlines that quote or name a topic.
 */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes/extract';

const rows: Array<[string, Array<[string | null, string | null, string]>]> = [
  // GIVEN a quotation a colon introduces, then a tail THEN the narrator's words before the colon are no content.
  ['The clerk was calm: "We counted every ballot twice," she told the board.', [['she', 'told', 'We counted every ballot twice']]],
  ['At the hearing, Ruiz sounded sure he had won: "The count is final," he said.', [['he', 'said', 'The count is final']]],
  // ... while a quotation with no colon before it keeps the words before it (a middle attribution's first half).
  ['"The count is final," he said.', [['he', 'said', 'The count is final']]],
  // GIVEN a restrictive relative clause on the sentence's subject THEN nothing: where its content ends needs a parse.
  ['Drivers who said the bridge was unsafe avoided it for weeks.', []],
  // ... and on an object, the clause runs to the end and its antecedent speaks.
  ['The closure angered farmers who say the detour costs them an hour.', [['farmers who', 'say', 'the detour costs them an hour']]],
  // GIVEN a title-case headline THEN a quotation or an "of" topic after the verb is the content; "To" is no content.
  ['Ruiz Says "The Count Is Final"', [['Ruiz', 'Says', 'The Count Is Final']]],
  ['Port Chief Warns Of Longer Queues At The Docks', [['Port Chief', 'Warns', 'Of Longer Queues At The Docks']]],
  ['Ruiz Responds To Critics Of The Recount', []],
];

describe('rules where the rule families meet', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
