import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN a cue that needs "that" for a clause, then a subject pronoun THEN the pronoun opens the content clause.
  ['Late on Friday she announced she would not seek a third term.', [['she', 'announced', 'she would not seek a third term']]],
  ['The board confirmed they had hired a new coach.', [['The board', 'confirmed', 'they had hired a new coach']]],
  // GIVEN a verb whose object is what was said, and an object noun phrase THEN the object is the content.
  ['The governor announced his support for the new stadium on Monday.', [['The governor', 'announced', 'his support for the new stadium on Monday']]],
  ['The senator has criticized the mayor for his handling of the strike.', [['The senator', 'criticized', 'the mayor for his handling of the strike']]],
  ['Lee described the budget as a fair deal for the city.', [['Lee', 'described', 'the budget as a fair deal for the city']]],
  ['The company denied the report in a short statement.', [['The company', 'denied', 'the report in a short statement']]],
  // GIVEN a verb of public judgement, finite or after a comma as a participle THEN its object is the content.
  ['The senator denounced the ruling as a disgrace to the court.', [['The senator', 'denounced', 'the ruling as a disgrace to the court']]],
  ['The union spoke for an hour, denouncing the plan as a giveaway.', [['The union', 'denouncing', 'the plan as a giveaway']]],
  ['The mayor lamented the loss of the old mill.', [['The mayor', 'lamented', 'the loss of the old mill']]],
  // GIVEN "went on to say" THEN the subject of "went on" speaks; GIVEN "pointed out" / "pointed to" THEN the particle belongs to the cue.
  ['He went on to say that some members are angry at the council.', [['He', 'say', 'some members are angry at the council']]],
  ['The mayor pointed out that the plan had no budget.', [['The mayor', 'pointed', 'the plan had no budget']]],
  ['The mayor points to the polls as proof of support.', [['The mayor', 'points', 'the polls as proof of support']]],
  // Neighbours: another "to say" reports nothing, and a short "pointed to" is a gesture.
  ['She wants to say that the plan failed.', []],
  ['The mayor pointed to the door.', []],
  // Neighbours: no noun phrase after the cue, or a pronoun object, is no content.
  ['The mayor announced plans.', []],
  ['Lee described it.', []],
  ['The council announced him as the winner.', []],
  ['The team reported to camp on Monday.', []],
  // Neighbours: a present-tense headline and a lone plural role describe; they report no words.
  ['Mayor announces the new budget for the city', []],
  ['Neighbors described the storm as frightening.', []],
  ['The firm highlighted.', []],
];

describe('object content and pronoun clauses', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
