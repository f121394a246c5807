import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN ", saying that" and a clause opening with a word that after a bare cue would take no clause THEN the clause is the content.
  ['The council changed its plan in May, saying that about 300 homes would be rebuilt.', [['The council', 'saying', 'about 300 homes would be rebuilt']]],
  // An audience adjunct before "that" is no part of the content.
  ['The council changed its plan in May, saying to the crowd that homes would be rebuilt.', [['The council', 'saying', 'homes would be rebuilt']]],
  // GIVEN a subject no speaker list knows, opening its clause THEN the phrase speaks.
  ['Local fishing guides have said the river rose too fast this spring.', [['Local fishing guides', 'said', 'the river rose too fast this spring']]],
  ['Organizers of both festivals insist they will break even.', [['Organizers of both festivals', 'insist', 'they will break even']]],
  ['But 40 percent of rural households said they had no broadband at all.', [['40 percent of rural households', 'said', 'they had no broadband at all']]],
  ['One in five say that the bus comes late.', [['One in five', 'say', 'the bus comes late']]],
  ['Again, those surveyed said the schools were the top concern.', [['those surveyed', 'said', 'the schools were the top concern']]],
  // Neighbours: the phrase must open its clause, the cue must take a clause, and a verb must not hide in the phrase.
  ['The river guides I met on Friday said nothing.', []],
  ['Fishing guides announced a new season.', []],
  ['When the bridges closed, drivers said nothing.', []],
  // GIVEN reported speech followed by another speaker's clause THEN each speaker gets only their own clause.
  ['One in three said the bus comes late and one in four said the trains were worse.', [['One in three', 'said', 'the bus comes late'], ['one in four', 'said', 'the trains were worse']]],
  ['Most parents said the school was safe, while a few teachers said it needed guards.', [['Most parents', 'said', 'the school was safe'], ['a few teachers', 'said', 'it needed guards']]],
  ['The mayor said the budget was balanced but critics argue it hides a deficit.', [['The mayor', 'said', 'the budget was balanced'], ['critics', 'argue', 'it hides a deficit']]],
  // Neighbours: a coordinated subject inside the content is no second speaker.
  ['The mayor said workers and their families would benefit.', [['The mayor', 'said', 'workers and their families would benefit']]],
  ['Bus drivers and their union want a raise.', []],
  // GIVEN "according to X" in the middle THEN the rest of the sentence is content, and what comes before only when it is a clause.
  ['Ticket sales, according to the organizers, have doubled since June.', [['the organizers', 'according to', 'have doubled since June']]],
  ['But, according to the survey, 46 percent of renters plan to move.', [['the survey', 'according to', '46 percent of renters plan to move']]],
  [
    'Only two bridges were closed last year, according to the county, and both have reopened.',
    [['the county', 'according to', 'Only two bridges were closed last year | and both have reopened']],
  ],
  // Neighbour: at the end, only what comes before.
  ['The plant will close in May, according to the mayor.', [['the mayor', 'according to', 'The plant will close in May']]],
  // GIVEN a stray comma before "that", or a time adjunct ending in "ago" between subject and cue THEN the attribution reads as usual.
  ['He added, that the vote would be fair.', [['He', 'added', 'the vote would be fair']]],
  ['The club less than three days ago said for the first time that the loans were late.', [['The club', 'said', 'the loans were late']]],
  ['The board two days ago said the school would close.', [['The board', 'said', 'the school would close']]],
  // Neighbour: a relative "that" after the comma is no complementizer.
  ['The crew added, that is, built, a second floor.', []],
  // GIVEN a parenthetical adverb after the cue, or a place's state in apposition inside the adjunct THEN the "that" clause is the content.
  ['The coach said, however, that the team would travel by bus.', [['The coach', 'said', 'the team would travel by bus']]],
  ['Lee said Monday during a visit to Hilo, Hawaii, that towns can set such fees.', [['Lee', 'said', 'towns can set such fees']]],
  // Neighbour: a comma-enclosed relative clause in the adjunct is read by the adjunct rule as before.
  ['Lee said Thursday during a town hall in Buffalo, where it snowed, that states can pass such laws.', [['Lee', 'said', 'states can pass such laws']]],
  // GIVEN a quotation, then "X said" and a pronoun or possessive subject THEN the clause after the cue is X's, not the quotation before.
  [
    'Walking in to chants of "Go team!," the coach said his players were "ready for anything."',
    [['the coach', 'said', 'his players were "ready for anything."']],
  ],
  // Neighbour: an adjunct after the cue keeps the quotation the speaker's.
  ['"We are ready for anything," the coach said on Monday.', [['the coach', 'said', 'We are ready for anything']]],
];

describe('reported speech, round 2', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
