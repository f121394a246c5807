import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [article, quotation text, expected speakerRef (null: no speaker)] */
type Row = [string, string, string | null | undefined];

const view = (text: string, quote: string): string | null | undefined => {
  const q = extractQuotes(text).find((x) => x.quote.includes(quote));
  return q === undefined ? undefined : q.speakerRef;
};

describe('a quoted paragraph continues the speaker of the quoted paragraph before it', () => {
  const rows: Row[] = [
    // A long tail on the attribution does not stop the next paragraph from continuing it.
    [
      '"The harvest came in early," Nora Whitfield said at the county fair on Saturday afternoon, ahead of the judging of the pies, the quilts and the tractor pull that closes the week.\n\n"Next year we plant two weeks sooner and hope the rain holds off."',
      'Next year we plant',
      'Nora Whitfield',
    ],
    // A quoted sentence after the attribution in its paragraph is still no narrator's sentence.
    [
      '"The harvest came in early," Nora Whitfield said. "We were lucky."\n\n"Next year we plant two weeks sooner and hope the rain holds off."',
      'Next year we plant',
      'Nora Whitfield',
    ],
    // A narrative sentence after the attribution: the next paragraph may be anyone's.
    [
      '"The harvest came in early," Nora Whitfield said. The fair closed at dusk.\n\n"Next year we plant two weeks sooner and hope the rain holds off."',
      'Next year we plant',
      null,
    ],
  ];
  it.each(rows)('%s', (text, quote, speaker) => {
    expect(view(text, quote)).toBe(speaker);
  });
});

describe('a quotation never falls back to an earlier speaker across an attribution of its own', () => {
  const rows: Row[] = [
    // The second quotation has its own tail, with a verb no rule knows: it is not the first speaker's.
    [
      '"The harvest came in early," Nora Whitfield said.\n\n"Nobody who farms this valley believes a word of that report," a neighbor grumbled.',
      'Nobody who farms this valley',
      null,
    ],
    // Nor is the quotation after it in that paragraph.
    [
      '"The harvest came in early," Nora Whitfield said.\n\n"Nobody who farms this valley believes it," a neighbor grumbled. "The rain came late and the frost came early, as it always does."',
      'The rain came late',
      null,
    ],
    // Without a tail of its own, the next paragraph still continues the speaker.
    [
      '"The harvest came in early," Nora Whitfield said.\n\n"Nobody who farms this valley believes a word of that report."',
      'Nobody who farms this valley',
      'Nora Whitfield',
    ],
  ];
  it.each(rows)('%s', (text, quote, speaker) => {
    expect(view(text, quote)).toBe(speaker);
  });
});

describe('a quoted paragraph after one narrative paragraph about the same speaker', () => {
  const rows: Row[] = [
    [
      '"The harvest came in early," Nora Whitfield said.\n\nWhitfield is hopeful about next year because the new wells are finished.\n\n"We will plant two weeks sooner and hope the rain holds off."',
      'We will plant two weeks sooner',
      'Nora Whitfield',
    ],
    [
      '"The harvest came in early," Nora Whitfield said.\n\nShe has farmed the valley for thirty years.\n\n"We will plant two weeks sooner and hope the rain holds off."',
      'We will plant two weeks sooner',
      'Nora Whitfield',
    ],
    // A narrative paragraph about someone else breaks the chain.
    [
      '"The harvest came in early," Nora Whitfield said.\n\nThe county agent expects a dry spring across the valley.\n\n"We will plant two weeks sooner and hope the rain holds off."',
      'We will plant two weeks sooner',
      null,
    ],
    // Nor is a next sentence that opens with a plural noun.
    [
      '"The harvest came in early," Nora Whitfield said. "Will the rain hold off this year?" Several growers, including her neighbors, planted late.',
      'Will the rain hold off',
      'Nora Whitfield',
    ],
    // A next sentence that reports something new is no attribution of the quotation before it.
    [
      '"The harvest came in early," Nora Whitfield said. "Will the rain hold off this year?"\nThe county agent replied that it would.',
      'Will the rain hold off',
      'Nora Whitfield',
    ],
  ];
  it.each(rows)('%s', (text, quote, speaker) => {
    expect(view(text, quote)).toBe(speaker);
  });
});

describe('a quoted sentence after a narrative sentence about a person, in one paragraph', () => {
  const rows: Row[] = [
    ['The crowd booed. Nora Whitfield listened to every complaint. "We will not pay a cent more for that bridge."', 'We will not pay a cent more', 'Nora Whitfield'],
    // A quoted title that is the subject of the narrator's sentence is nobody's quotation.
    ['Nora Whitfield runs the farm. "Grow More Beans This Year Please" hangs over her porch on a painted board.', 'Grow More Beans', undefined],
    // A narrative sentence about no person gives nothing.
    ['The bridge closed in May. "We will not pay a cent more for that bridge, whatever they say."', 'We will not pay a cent more', null],
  ];
  it.each(rows)('%s', (text, quote, speaker) => {
    expect(view(text, quote)).toBe(speaker);
  });
});

describe('the quotation opening the sentence after a long attribution goes on with it', () => {
  const rows: Row[] = [
    [
      '"The harvest came in early," said Nora Whitfield, who has farmed the valley for thirty years and chairs the growers\' cooperative that sells to every market between here and the coast, from the first spring thaw to the last frost of the autumn. "We were lucky, and we know it."',
      'We were lucky',
      'Nora Whitfield',
    ],
  ];
  it.each(rows)('%s', (text, quote, speaker) => {
    expect(view(text, quote)).toBe(speaker);
  });
});
