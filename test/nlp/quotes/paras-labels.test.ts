import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

const who = (text: string): Array<[string | null, string]> => extractQuotes(text).map((q) => [q.speakerRef ?? q.speaker, q.quote]);

describe('labels in capitals: transcript speakers, not section headings', () => {
  const rows: Array<[string, Array<[string | null, string]>]> = [
    // A heading in capitals with a possessive or a function word is no speaker.
    ["ANALYST'S TAKE: The port deal leaves the city holding most of the risk for a decade.\n\nThe council votes on Monday.", []],
    ['STAT OF THE WEEK: Ferry fares rose faster than rents in every year since the merger.\n\nThe council votes on Monday.', []],
    // A single word in capitals that the article never uses as a name.
    ['BOOM: The council finally passed the harbor budget after a night of argument.\n\nThe council votes again on Monday.', []],
    // A label the article names in ordinary case is the speaker.
    [
      'Anchor Dana Whitlow pressed the mayor on the budget.\n\nWHITLOW: Will the ferry still run on Sundays next year?',
      [['Dana Whitlow', 'Will the ferry still run on Sundays next year']],
    ],
    // Labels in capitals a few paragraphs apart make a transcript, even across a stage note.
    [
      'DANA WHITLOW: Will the ferry still run on Sundays next year?\n\n(BEGIN VIDEO CLIP)\n\nMAYOR REYES: Every Sunday, and on holidays too.',
      [
        ['DANA WHITLOW', 'Will the ferry still run on Sundays next year'],
        ['REYES', 'Every Sunday, and on holidays too'],
      ],
    ],
  ];
  it.each(rows)('%s', (text, expected) => {
    expect(who(text)).toEqual(expected);
  });
});

describe('a label over a paragraph that quotes someone it names is a topic, not a speaker', () => {
  it.each([
    [
      'Ferries: The island has lost two routes this year. "We want the routes back before summer," Greta Holm said.',
      [['Greta Holm', 'We want the routes back before summer']],
    ],
  ] as Array<[string, Array<[string | null, string]>]>)('%s', (text, expected) => {
    expect(who(text)).toEqual(expected);
  });
});
