import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const tails: Row[] = [
  // GIVEN a speaker phrase with an affiliation too long for the look back from the verb THEN its head speaks.
  [
    '"Nobody on the board has read the contract yet," Ann Lee of the Center for Regional Transport Studies wrote in May.',
    [['Ann Lee', 'wrote', 'Nobody on the board has read the contract yet']],
  ],
  // Two names joined by "and", then an affiliation.
  [
    '"The pumps will fail again," engineers Tom Hale and Rita Okafor of the Institute for Water Safety wrote in a report.',
    [['Tom Hale and Rita Okafor', 'wrote', 'The pumps will fail again']],
  ],
  // A relative clause with no closing comma: its own verb ("is", "founded") is not the cue.
  [
    '"The ad raises new questions about the mayor," Ruth Gomez, who is chair of the Harbor Fund said in a statement.',
    [['Ruth Gomez', 'said', 'The ad raises new questions about the mayor']],
  ],
  [
    '"She needs a plan for the suburbs," Dan Ivers, the pollster who founded the survey tweeted on Friday.',
    [['Dan Ivers', 'tweeted', 'She needs a plan for the suburbs']],
  ],
  // A plain noun phrase no role list knows, with a prepositional phrase.
  ['"He will stand up to the big landlords," a narrator in the video states.', [['a narrator', 'states', 'He will stand up to the big landlords']]],
  // "US" in capitals opens a title, not the pronoun; the quotation ends its own sentence with "!".
  [
    '"The great state of Ohio is proud to cast its votes today!" US Senator Ann Reed said as she opened the roll call.',
    [['US Senator Ann Reed', 'said', 'The great state of Ohio is proud to cast its votes today']],
  ],
  // Neighbours: a clause of another subject ("as") or a relative clause's own cue ("who said") credits nobody.
  ['"We are going to win this district," the crowd at the rally grew quiet as the mayor said goodbye.', []],
  ['"The budget will pass before the summer recess," Lee, who said nothing else, left the room.', [[null, null, 'The budget will pass before the summer recess']]],
];

const described: Row[] = [
  // GIVEN an inverted verb of saying, then a descriptor of numbers and compounds before a name THEN the name speaks.
  ['"We were promised answers and got nothing," said 9/11 widow Terry Lund.', [['Terry Lund', 'said', 'We were promised answers and got nothing']]],
  ['"We have no money left for the roads," said 62-year-old retiree Ann Dale of Springfield.', [['Ann Dale', 'said', 'We have no money left for the roads']]],
  // A determiner, a year and a name as modifiers of the head noun: the whole phrase speaks.
  ['"She did not like that at all," said a 2012 Romney veteran.', [['a 2012 Romney veteran', 'said', 'She did not like that at all']]],
  // Neighbour: a clause after the name is a new report, not this quotation's credit.
  ['"We have no money left for the roads," said 62-year-old retiree Ann Dale wants the tax repealed.', [[null, null, 'We have no money left for the roads']]],
];

const leadIns: Row[] = [
  // GIVEN `SUBJECT VERB, "..."` with a verb no lexicon lists THEN the subject speaks.
  [
    'After the governor mocked her plan during the debate, Hillary shot back, "I could have stayed home, but I chose to work."',
    [['Hillary', 'shot back', 'I could have stayed home, but I chose to work']],
  ],
  ['He concluded so calmly and firmly, "There is no case anywhere like this one."', [['He', 'concluded', 'There is no case anywhere like this one']]],
  // A long subject with a relative clause before a verb of saying.
  [
    'A council aide who spoke on condition of anonymity said Friday, "Certainly there are talks between the two camps."',
    [['A council aide', 'said', 'Certainly there are talks between the two camps']],
  ],
  // Neighbours: an object after an unknown verb is an action; a lowercase phrase after the comma is an apposition
  // (a fragment of the narrator's sentence, not reported with no speaker).
  ['Lee signed the bill, "The roads will be fixed this year."', []],
  ['The mayor praised the plan, "a real step forward for the whole town."', []],
];

describe('long speaker phrases (r2b)', () => {
  it.each([...tails, ...described, ...leadIns])('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });

  it('GIVEN a long speaker phrase THEN the next quoted sentence of the paragraph keeps it', () => {
    const text = '"It is a hard thing to do," Dan Ivers, the pollster who founded the survey tweeted on Friday. "They are drawing from her side."';
    expect(extractQuotes(text).map((q) => q.speakerRef)).toEqual(['Dan Ivers', 'Dan Ivers']);
  });
});

describe('lead-ins after an opening phrase no list knows (r2b)', () => {
  it.each([
    // GIVEN a colon lead-in after an adverbial phrase no opener list knows THEN its subject speaks.
    ['Back in the valley, he returned to his familiar lines: "There will be no new taxes in this town."', [['he', 'returned to his familiar lines', 'There will be no new taxes in this town']]],
    // GIVEN an "as" clause with a long source after an opening word THEN the source speaks (a parenthesis may follow the audience).
    [
      'However, as Bishop Aram Dallo of the Church of Saint James told the Harbor Ledger (HL), "We have suffered the same fate as many others."',
      [['Bishop Aram Dallo', 'told', 'We have suffered the same fate as many others']],
    ],
    // GIVEN a verb of saying with a long adjunct before the comma THEN the subject still speaks.
    [
      'Recently she announced on her campaign page, in all capital letters, "I am leaving the race and backing the mayor!"',
      [['she', 'announced', 'I am leaving the race and backing the mayor']],
    ],
  ] as Row[])('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
