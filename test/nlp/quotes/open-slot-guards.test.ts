/**
 * Guards shared by the attributions whose verb no lexicon lists, and by passive attribution: the
 * rules of the two quote passes agree on these constructions.
 */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

const view = (text: string) => extractQuotes(text).map((q) => [q.quote, q.speakerRef ?? q.speaker, q.cue]);

describe('open-slot and passive guards', () => {
  it.each<[string, unknown[]]>([
    // A quantifier alone before a plural noun is no speaker and the noun no verb: the earlier speaker continues.
    [
      '"The harvest came in early," Nora Whitfield said. "Will the rain hold off this year?" Several growers, including her neighbors, planted late.',
      [
        ['The harvest came in early', 'Nora Whitfield', 'said'],
        ['Will the rain hold off this year', 'Nora Whitfield', null],
      ],
    ],
    // An unknown verb with an object is an action, not a cue.
    ['"We will fix the roads this year," Smith signed the bill.', []],
    // An unknown verb after a quotation inside the narrator's clause: the words are the clause subject's.
    ['He called the plan "a gift to the big developers in town," Smith fumed.', [['a gift to the big developers in town', 'He', 'called']]],
    // A passive credits its agent only with a verb of reporting.
    ['The closure of the mill was first reported by the Harbor Ledger.', [['The closure of the mill', 'Harbor Ledger', 'was first reported by']]],
    ['"Valley Morning Song" was written by her father in the spring of that year.', []],
  ])('%s', (text, expected) => {
    expect(view(text)).toEqual(expected);
  });
});
