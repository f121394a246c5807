import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';
import { isPersonLike, isSpeakerLike } from '../../../src/nlp/quotes/names';

/** [article, quotation text, expected speakerRef (null: no speaker)] */
type Row = [string, string, string | null];

const view = (text: string, quote: string): string | null | undefined => {
  const q = extractQuotes(text).find((x) => x.quote.includes(quote));
  return q === undefined ? undefined : q.speakerRef;
};

describe('"he" and "she" resolve to people only', () => {
  const rows: Row[] = [
    // A country named after the person is no antecedent of "he".
    [
      'Marek Duda spoke for an hour. The talks then moved on to North Korea.\n\n"We will not sign it," he said.',
      'We will not sign it',
      'Marek Duda',
    ],
    // Nor is a party acronym or a heading in capitals.
    [
      'Lena Ortiz left the meeting early. The GOP stayed. READ MORE\n\n"I had heard enough," she said.',
      'I had heard enough',
      'Lena Ortiz',
    ],
    // Nor a US state, or a sentence adverb run into a capitalized word.
    [
      'Marek Duda spoke for an hour in New Hampshire.\n\n"We will not sign it," he said.',
      'We will not sign it',
      'Marek Duda',
    ],
    // An organisation named last is skipped for the person before it.
    [
      'Tom Reyes left in May. His place went to Harbor Light News.\n\n"It was the right move for my family," he said.',
      'It was the right move',
      'Tom Reyes',
    ],
  ];
  it.each(rows)('%s', (text, quote, speaker) => {
    expect(view(text, quote)).toBe(speaker);
  });
});

describe('speaker-like and person-like names', () => {
  it.each([
    ['Marek Duda', true, true],
    ['Kelly Connolly', true, true],
    ['New Hampshire', false, false],
    ['Iowa', false, false],
    ['North Korea', false, false],
    ['READ MORE', false, false],
    ['Instead', false, false],
    ['GOP', true, false],
    ['New Hampshire Public Radio', true, false],
    ['Harbor Light News', true, false],
  ] as Array<[string, boolean, boolean]>)('%s', (name, speaker, person) => {
    expect([isSpeakerLike(name), isPersonLike(name)]).toEqual([speaker, person]);
  });
});
