import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, fragment text]] */
type Row = [string, Array<[string | null, string]>];

const rows: Row[] = [
  // GIVEN a short title-case quotation right after a narrator's word THEN it is a title, nobody's words.
  ['"We will build it," she said on "Morning Report Live." "Then we will pay for it."', [['she', 'We will build it'], ['she', 'Then we will pay for it']]],
  ['The mayor met Ann Lee, host of the cooking show "Kitchen Wars."', []],
  ['Speaking on the station\'s "Valley Hour," Lee said the bridge would reopen.', [['Lee', 'the bridge would reopen']]],
  // A quotation that opens its sentence is left to the speech rules, title case or not.
  ['"Madam Chair," I said, "I wish to reply."', [['I', 'Madam Chair | I wish to reply']]],
  // A title-case headline quotes in title case throughout.
  ['Lee Says "We Will Win The County"', [['Lee', 'We Will Win The County']]],
];

describe('quoted titles in a narrator\'s sentence', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
