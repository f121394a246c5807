import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [kind, speaker mention, speakerRef, cue, fragments text]] */
type Row = [string, Array<[string, string | null, string | null, string | null, string[]]>];

const rows: Row[] = [
  // Interrupted quote: one attribution, two fragments.
  ['"A big win for the country," she said, "and for all of us."', [['direct', 'she', null, 'said', ['A big win for the country', 'and for all of us']]]],
  ['The senator said that the bill would pass next week.', [['indirect', 'The senator', null, 'said', ['the bill would pass next week']]]],
  ['Officials told reporters the talks had stalled over money.', [['indirect', 'Officials', null, 'told', ['the talks had stalled over money']]]],
  ['According to the mayor, the bridge will reopen in May.', [['indirect', 'the mayor', null, 'According to', ['the bridge will reopen in May']]]],
  ['The bridge will reopen in May, the mayor said.', [['indirect', 'the mayor', null, 'said', ['The bridge will reopen in May']]]],
  ['The governor said: the budget is balanced at last.', [['indirect', 'The governor', null, 'said', ['the budget is balanced at last']]]],
  ['Maduro struck a conciliatory note, saying he and Trump "have made a first step."', [['mixed', 'Maduro', 'Maduro', 'saying', ['he and Trump "have made a first step."']]]],
  ['The envoy was quoted as saying the visit was a gift to Maduro.', [['indirect', 'The envoy', null, 'quoted as saying', ['the visit was a gift to Maduro']]]],
  ['Smith added that the plan was dead.', [['indirect', 'Smith', 'Smith', 'added', ['the plan was dead']]]],
  ['Jones warned the market would fall.', [['indirect', 'Jones', 'Jones', 'warned', ['the market would fall']]]],
  ['Lee insisted he was innocent.', [['indirect', 'Lee', 'Lee', 'insisted', ['he was innocent']]]],
  ['Kim denied that she had left.', [['indirect', 'Kim', 'Kim', 'denied', ['she had left']]]],
  // "said Trump" inversion.
  ['"We are in the process of removing record numbers of aliens," said Trump.', [['direct', 'Trump', 'Trump', 'said', ['We are in the process of removing record numbers of aliens']]]],
  // Pronoun resolution to the last speaker although others are mentioned between.
  [
    'Grenell said there were no concessions. Maduro and Trump met. "The only award was my presence," he was quoted as saying.',
    [
      ['indirect', 'Grenell', 'Grenell', 'said', ['there were no concessions']],
      ['direct', 'he', 'Grenell', 'quoted as saying', ['The only award was my presence']],
    ],
  ],
  // Scare quotes of one or two words are not quotes; they make reported speech mixed.
  // ... but what someone called a thing is reported speech, with the object (naming.ts).
  ['Trump called it a "disaster" at the rally.', [['mixed', 'Trump', 'Trump', 'called', ['it a "disaster" at the rally']]]],
  ['She said the so-called "deal" was over.', [['mixed', 'She', null, 'said', ['the so-called "deal" was over']]]],
  // Nested single quotes stay inside the double quotation.
  ["\"He told me 'never again' and left the room,\" Smith said.", [['direct', 'Smith', 'Smith', 'said', ["He told me 'never again' and left the room"]]]],
  // A quote mark that never closes is not a quotation.
  ['"This never ends, and we keep going', []],
  // Continuation: a quoted paragraph with no cue after a quoted paragraph keeps the speaker.
  [
    '"It is what it is," Mayor Ann Lee said.\n\n"And we will keep fighting for the workers of this town every day."',
    [
      ['direct', 'Mayor Ann Lee', 'Ann Lee', 'said', ['It is what it is']],
      ['direct', 'Mayor Ann Lee', 'Ann Lee', null, ['And we will keep fighting for the workers of this town every day']],
    ],
  ],
  // X said: "..." with the quotation in the next paragraph.
  ['Caddell continued:\n\n"The health issue is very much a partisan issue for voters."', [['direct', 'Caddell', 'Caddell', 'continued', ['The health issue is very much a partisan issue for voters']]]],
  // Parenthetical party tag and abbreviated title.
  ['"We cannot let them deny the right to question them," Rep. John Mica (R-Fla.) said.', [['direct', 'Rep. John Mica (R-Fla.)', 'John Mica', 'said', ['We cannot let them deny the right to question them']]]],
  // Comma insertion between subject and cue.
  ['"They are trying to push us out of the market," Rosa Diaz, 25, said.', [['direct', 'Rosa Diaz', 'Rosa Diaz', 'said', ['They are trying to push us out of the market']]]],
  // Pull quote attributed with a dash.
  ['"Maybe we can put a fence around the whole field." \u2015 Tom Hale', [['direct', 'Tom Hale', 'Tom Hale', '\u2015', ['Maybe we can put a fence around the whole field']]]],
  // Subject ellipsis: "..., but said ..."
  ['Mexico refused to accept a flight, but said it has received migrants.', [['indirect', 'Mexico', 'Mexico', 'said', ['it has received migrants']]]],
  // Interrupted indirect speech.
  ['But to keep the bridge open, she said, local crews should work at night.', [['indirect', 'she', null, 'said', ['But to keep the bridge open', 'local crews should work at night']]]],
  // An adjunct after the audience ends at its "that"; a relative "that" inside it is not the content's start.
  ['Smith told reporters after the meeting that the plan was dead.', [['indirect', 'Smith', 'Smith', 'told', ['the plan was dead']]]],
  ['Smith told reporters after the meeting that he attended that the plan was dead.', [['indirect', 'Smith', 'Smith', 'told', ['the plan was dead']]]],
  ['Smith told reporters after the meeting that ended the strike that the plan was dead.', [['indirect', 'Smith', 'Smith', 'told', ['the plan was dead']]]],
  ['Smith told reporters after the meeting, which ran late, that the plan was dead.', [['indirect', 'Smith', 'Smith', 'told', ['the plan was dead']]]],
  ['Smith told reporters after a closed-door meeting with the mayor and her staff that the plan was dead.', [['indirect', 'Smith', 'Smith', 'told', ['the plan was dead']]]],
  // Neighbours: the complement "that" right after an adjunct, and a later coordinated "and that", stay as they were.
  ['Smith said after the meeting that he had lost.', [['indirect', 'Smith', 'Smith', 'said', ['he had lost']]]],
  ['Smith told reporters after the meeting that the plan was dead and that he would resign.', [['indirect', 'Smith', 'Smith', 'told', ['the plan was dead and that he would resign']]]],
  ['Smith said in an interview that he attended that meeting.', [['indirect', 'Smith', 'Smith', 'said', ['he attended that meeting']]]],
  ['Smith said Monday that the bill that passed was weak.', [['indirect', 'Smith', 'Smith', 'said', ['the bill that passed was weak']]]],
  // Place and time adjuncts of more openers end at their "that" too.
  ['Smith told reporters outside the courthouse that the plan was dead.', [['indirect', 'Smith', 'Smith', 'told', ['the plan was dead']]]],
  ['Smith said for the first time that the plan was dead.', [['indirect', 'Smith', 'Smith', 'said', ['the plan was dead']]]],
  // A time adjunct between subject and cue is not part of the speaker.
  ["The transit workers' union on Monday warned that fares would rise.", [['indirect', "The transit workers' union", null, 'warned', ['fares would rise']]]],
  ['The mayor last week said the plan was dead.', [['indirect', 'The mayor', null, 'said', ['the plan was dead']]]],
  ['Smith earlier this month said the plan was dead.', [['indirect', 'Smith', 'Smith', 'said', ['the plan was dead']]]],
  // Neighbours: a time adjunct that opens the sentence or follows the cue.
  ['On Monday, the mayor said the plan was dead.', [['indirect', 'the mayor', null, 'said', ['the plan was dead']]]],
  ['"It is over," the mayor said Monday.', [['direct', 'the mayor', null, 'said', ['It is over']]]],
  // A long apposition, with commas of its own, between the name and the cue.
  ['Maria Lopez, a 54-year-old nurse who has lived on the street for two decades, said the city had forgotten them.', [['indirect', 'Maria Lopez', 'Maria Lopez', 'said', ['the city had forgotten them']]]],
  ['Maria Lopez, 54, a nurse who has lived on the street for two decades and who now runs a small shelter, said the city had forgotten them.', [['indirect', 'Maria Lopez', 'Maria Lopez', 'said', ['the city had forgotten them']]]],
  // Neighbours: a name governed by a preposition is no subject; a short insertion still works.
  ['In Paris, the nurse, who works nights, said the city had forgotten them.', []],
  ['Okafor, at a later press briefing, said the poll was wrong.', [['indirect', 'Okafor', 'Okafor', 'said', ['the poll was wrong']]]],
  // A plural possessive keeps its head: the speaker is the union, not the workers.
  ["The transit workers' union warned that fares would rise.", [['indirect', "The transit workers' union", null, 'warned', ['fares would rise']]]],
  ['"Fares will rise," the transit workers\' union warned.', [['direct', "the transit workers' union", null, 'warned', ['Fares will rise']]]],
  ["According to the transit workers' union, fares will rise.", [['indirect', "the transit workers' union", null, 'According to', ['fares will rise']]]],
  ["The transit workers' union, which represents drivers, warned that fares would rise.", [['indirect', "The transit workers' union", null, 'warned', ['fares would rise']]]],
  // Neighbour: a singular possessive was already whole.
  ["The city's transit agency said fares would rise.", [['indirect', "The city's transit agency", null, 'said', ['fares would rise']]]],
  // Passive "was told" is not the subject speaking.
  ['The mayor was told that the bridge had failed.', []],
];

describe('extractQuotes patterns', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.kind, q.speaker, q.speakerRef, q.cue, q.fragments.map((f) => text.slice(f.start, f.end))]);
    expect(got).toEqual(expected);
  });

  it('GIVEN any quote THEN quote equals text.slice(start, end) and fragments lie inside', () => {
    const text = '"A big win for the country," she said, "and for all of us." Officials told reporters the talks had stalled.';
    for (const q of extractQuotes(text)) {
      expect(q.quote).toBe(text.slice(q.start, q.end));
      for (const f of q.fragments) expect(f.start >= q.start && f.end <= q.end).toBe(true);
      expect(q.confidence).toBeGreaterThan(0);
      expect(q.confidence).toBeLessThanOrEqual(1);
    }
  });
});
