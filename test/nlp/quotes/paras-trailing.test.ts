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
