import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [article, quotation text, expected speaker mention, expected speakerRef] (undefined: no such quote) */
type Row = [string, string, string | null | undefined, string | null | undefined];

const speakerOf = (text: string, quote: string): [string | null | undefined, string | null | undefined] => {
  const q = extractQuotes(text).find((x) => x.quote.includes(quote));
  return q === undefined ? [undefined, undefined] : [q.speaker, q.speakerRef];
};

describe('an attribution sentence of its own after a quotation that closed with a period', () => {
  const rows: Row[] = [
    ['"We will find the money for the ferry." Greta Holm said.', 'We will find the money', 'Greta Holm', 'Greta Holm'],
    ['"We will find the money for the ferry." said Greta Holm.', 'We will find the money', 'Greta Holm', 'Greta Holm'],
    // An adjunct or an audience may follow the cue.
    ['"We will find the money for the ferry." Greta Holm said on Friday.', 'We will find the money', 'Greta Holm', 'Greta Holm'],
    ['"We will find the money for the ferry." Greta Holm told the Harbor Ledger.', 'We will find the money', 'Greta Holm', 'Greta Holm'],
    // The next quotation in the paragraph goes on with the same speaker.
    ['"We will find the money for the ferry." Greta Holm said. "Nobody in this town will be cut off from the mainland."', 'Nobody in this town', 'Greta Holm', 'Greta Holm'],
    // A sentence that reports something new is not the quotation's credit.
    ['"The ferry is the lifeline of this whole island." Greta Holm said the money was found.', 'The ferry is the lifeline', null, null],
  ];
  it.each(rows)('%s', (text, quote, speaker, ref) => {
    expect(speakerOf(text, quote)).toEqual([speaker, ref]);
  });
});

describe('a tail whose verb no lexicon lists still credits the quotation, and the quotation after it', () => {
  const rows: Row[] = [
    ['"Nobody who farms this valley believes a word of it," Greta Holm grumbled.', 'Nobody who farms', 'Greta Holm', 'Greta Holm'],
    ['"Nobody who farms this valley believes a word of it," grumbled Greta Holm.', 'Nobody who farms', 'Greta Holm', 'Greta Holm'],
    // An appositive between the name and its verb; "it" with a verb of saying.
    ['"Nobody here believes it, not one of us," Greta Holm, 54, grumbled as the meeting broke up.', 'Nobody here believes it', 'Greta Holm', 'Greta Holm'],
    ['"The ferry has run at a loss for a decade," it added.', 'The ferry has run', 'it', null],
    ['"The ferry has run at a loss for a decade," it sank.', 'The ferry has run', null, null],
    // A role and a name in apposition: the name speaks.
    ['"Nobody here believes it, not one of us," the spokeswoman, Greta Holm, grumbled.', 'Nobody here believes it', 'Greta Holm', 'Greta Holm'],
    // A noun phrase no role list knows, with a verb of saying: a new, unnamed speaker.
    ['"The ferry is late again, as it was all winter," one commuter wrote.', 'The ferry is late again', 'one commuter', null],
    ['"The ferry is late again, as it was all winter," says the ad\'s narrator.', 'The ferry is late again', "the ad's narrator", null],
    // ... and with a verb no lexicon lists, as any open-slot attribution (open-slot.ts): "sighed" as "fumed".
    ['"The ferry is late again, as it was all winter," one commuter sighed.', 'The ferry is late again', 'one commuter', null],
    // An inverted verb, a lowercase descriptor no role list knows, then the name.
    ['"Nobody here believes it, not one of us," said retired ferry captain Greta Holm, asked about the plan.', 'Nobody here believes it', 'Greta Holm', 'Greta Holm'],
    // A long adjunct after the verb does not matter.
    ['"Nobody here believes it," Greta Holm shot back at a crowded meeting in the old grange hall on Friday night.', 'Nobody here believes it', 'Greta Holm', 'Greta Holm'],
    // The quotation after it in the paragraph goes on with that speaker, not an earlier one.
    [
      '"The harvest came in early," Nora Whitfield said.\n\n"Nobody believes that," Greta Holm grumbled. "The frost came early, as it always does in this valley."',
      'The frost came early',
      'Greta Holm',
      'Greta Holm',
    ],
    // A question that ends its sentence: the attribution is the next sentence, and all of it.
    ['"Will the ferry run on Sundays?" Greta Holm pressed.', 'Will the ferry run', 'Greta Holm', 'Greta Holm'],
    ['"Will the ferry still run on Sundays next year?" Greta Holm acknowledged the question and then moved on to the budget.', 'Will the ferry still run', null, null],
    // A short title that the narrator's sentence goes on from inherits nobody.
    ['"The harvest came in early," Nora Whitfield said. "Valley Morning Song" was written by her father.', 'Valley Morning Song', undefined, undefined],
  ];
  it.each(rows)('%s', (text, quote, speaker, ref) => {
    expect(speakerOf(text, quote)).toEqual([speaker, ref]);
  });
});
