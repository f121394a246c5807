import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';
import { OPEN_SLOT_TRUST } from '../../../src/nlp/quotes/open-slot';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN `"...," NAME VERB.` with a verb the lexicon lacks THEN NAME speaks.
  ['"Please, just listen to the families," Ortiz implored.', [['Ortiz', 'implored', 'Please, just listen to the families']]],
  ['"The vote is a disgrace to the town," Ms. Reyes emailed on Monday.', [['Ms. Reyes', 'emailed', 'The vote is a disgrace to the town']]],
  ['"Call your doctor before you travel," the nurse advises.', [['the nurse', 'advises', 'Call your doctor before you travel']]],
  ['"It is over for this season," he quietly fumed as the crowd left.', [['he', 'fumed', 'It is over for this season']]],
  // A phrasal verb: the particle belongs to the cue.
  ['"We have heard this promise before," the council chairman shot back.', [['the council chairman', 'shot back', 'We have heard this promise before']]],
  // GIVEN `"...," VERB NAME.` THEN the inverted order too.
  ['"Nobody asked the parents about it," chimed in Lena Park.', [['Lena Park', 'chimed in', 'Nobody asked the parents about it']]],
  // The next quotation of the paragraph keeps the open-slot speaker, not an earlier one.
  [
    'Mayor Tom Hale spoke first. "It was a long night for all of us," Maria Vance fumed. "We will be back next year."',
    [['Maria Vance', 'fumed', 'It was a long night for all of us'], ['Maria Vance', null, 'We will be back next year']],
  ],
  // An irregular participle of a lexicon verb is that verb.
  ['"We will not back down on the school budget," the superintendent had written.', [['the superintendent', 'written', 'We will not back down on the school budget']]],
  // Neighbours: a verb with a direct object is an action, and a quotation inside a sentence has no
  // slot (both quotations are then too short to report with no speaker).
  ['"We will fix the roads this year," Smith signed the bill.', []],
  // Not Smith's words: Smith reports what "he" called the plan, so the quotation is his (embedded under "called").
  ['He called the plan "a gift to the big developers in town," Smith fumed.', [['He', 'called', 'a gift to the big developers in town']]],
];

describe('open-slot cues', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });

  it('GIVEN an unknown verb THEN the attribution is trusted less than a lexicon cue', () => {
    const [open] = extractQuotes('"Please, just listen to the families," Ortiz implored.');
    const [known] = extractQuotes('"Please, just listen to the families," Ortiz said.');
    expect(open!.confidence).toBe(OPEN_SLOT_TRUST);
    expect(open!.confidence).toBeLessThan(known!.confidence);
  });
});
