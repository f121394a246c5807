import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN "according to" and a source no lexicon word heads THEN the phrase is the source.
  ['The plant will close in May, according to a new article in the local paper.', [['a new article', 'according to', 'The plant will close in May']]],
  ['No one may campaign near a polling place, according to the town charter.', [['the town charter', 'according to', 'No one may campaign near a polling place']]],
  ['According to the results, the mayor leads by one point.', [['the results', 'According to', 'the mayor leads by one point']]],
  // A long source: the content starts after its comma, however far.
  [
    'According to early results of the river surveys conducted for the council by a research firm, most wells are clean.',
    [['early results of the river surveys conducted', 'According to', 'most wells are clean']],
  ],
  // After a quotation, and after a colon.
  ['"The evidence cannot support a prosecution," according to a court filing by the county attorney.', [['a court filing', 'according to', 'The evidence cannot support a prosecution']]],
  ['It has not gone unnoticed: According to recent polls, the mayor holds only 14 percent.', [['recent polls', 'According to', 'the mayor holds only 14 percent']]],
  // Shares of a poll speak for its respondents.
  ['Nearly half said they prefer someone with experience.', [['Nearly half', 'said', 'they prefer someone with experience']]],
  ['Thirty-one percent said they were less likely to buy a car this year.', [['Thirty-one percent', 'said', 'they were less likely to buy a car this year']]],
  // GIVEN "NAME, who said ..." THEN the relative pronoun speaks for NAME, and its content ends with the clause.
  [
    'Mensah, who said he usually votes early, said one candidate he likes is the mayor.',
    [['Mensah, who', 'said', 'he usually votes early'], ['Mensah', 'said', 'one candidate he likes is the mayor']],
  ],
  ['Ann Lee, who told reporters she would run again, left the room.', [['Ann Lee, who', 'told', 'she would run again']]],
  // GIVEN an opening adverbial, then "X said" and a clause THEN the clause is the content, not the adverbial.
  // The question put to her is reported speech of an asker nobody names.
  ['When asked about the crisis, Senator Ann Lee said she knows its cost firsthand.', [[null, 'asked', 'the crisis'], ['Senator Ann Lee', 'said', 'she knows its cost firsthand']]],
  ['In his letter to tenants, Adeyemi said the council would keep talking.', [['Adeyemi', 'said', 'the council would keep talking']]],
  // Attribution in the middle: both halves are the content, also after a short opening phrase.
  ['In his state, Christie said, first-time offenders are sent to treatment.', [['Christie', 'said', 'In his state | first-time offenders are sent to treatment']]],
  ['The roads, he said, will reopen in May.', [['he', 'said', 'The roads | will reopen in May']]],
  // Neighbour: a true tail with an adjunct after the cue.
  ['The plant will close in May, the mayor said in a statement.', [['the mayor', 'said', 'The plant will close in May']]],
  // Reported speech ends where its speaker goes on with another cue.
  ['The mayor said the plant would close and added that the jobs would move north.', [['The mayor', 'said', 'the plant would close'], ['The mayor', 'added', 'the jobs would move north']]],
  // Passive attribution: the source after "by".
  ['The ban on the candidate was first reported by a local news site.', [['a local news site', 'was first reported by', 'The ban on the candidate']]],
  ['As reported by the county paper, the mayor found both plans lacking.', [['the county paper', 'As reported by', 'the mayor found both plans lacking'], ['the mayor', 'found', 'both plans lacking']]],
  [
    'The super PAC started reserving ad time this week, as first reported by the local paper on Tuesday.',
    [['the local paper', 'as first reported by', 'The super PAC started reserving ad time this week']],
  ],
  ['The mayor was told by aides that the plan failed.', [['aides', 'was told by', 'the plan failed']]],
  // "As X reported, CONTENT": the clause after the comma.
  ['As BuzzFeed News first reported, the mayor voiced support for the plan in 2002.', [['BuzzFeed News', 'reported', 'the mayor voiced support for the plan in 2002']]],
  [
    'As the paper\'s Mia Brandt pointed out in March, "In the month before the vote, the members can change it."',
    [['Mia Brandt', 'pointed', 'In the month before the vote, the members can change it']],
  ],
  // Neighbour: "as" with a verb of no speech is only a time clause.
  ['As Lee spoke, the crowd cheered.', []],
];

describe('reported speech', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });

  it('GIVEN a relative-clause speaker THEN it resolves to the antecedent', () => {
    const [q] = extractQuotes('Ann Lee, who told reporters she would run again, left the room.');
    expect(q!.speakerRef).toBe('Ann Lee');
  });
});
