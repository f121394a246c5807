import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN a role, then a name in apposition, then the cue THEN the name speaks.
  ['The senator\'s spokeswoman, Ann Lee, said the bill would pass.', [['Ann Lee', 'said', 'the bill would pass']]],
  [
    '"The cuts will hurt every school," Ohio Rep. Dale Burke\'s chief of staff, Joe Kasper, told reporters before the vote.',
    [['Joe Kasper', 'told', 'The cuts will hurt every school']],
  ],
  // A prepositional phrase that opens the sentence is no reported speech before a tail.
  [
    'In a statement, her senior policy adviser, Jake Moss, said: "The plan is dead and we will not revive it."',
    [['Jake Moss', 'said', 'The plan is dead and we will not revive it']],
  ],
  // GIVEN an inverted cue and a speaker phrase no lexicon word heads THEN the phrase speaks.
  ['"The tax is a burden on small shops," said an industry lobbyist.', [['an industry lobbyist', 'said', 'The tax is a burden on small shops']]],
  ['"She will fix the roads for you," said the 52-year-old.', [['the 52-year-old', 'said', 'She will fix the roads for you']]],
  ['"In this town, everyone knows everyone," says a narrator.', [['a narrator', 'says', 'In this town, everyone knows everyone']]],
  ['"Nobody asked the parents about it," interjected an angry parent.', [['an angry parent', 'interjected', 'Nobody asked the parents about it']]],
  // A descriptor before a name; after a full name "of" opens an affiliation.
  ['"Sleep matters more than diet," says psychologist Ann Lee of Ohio State.', [['Ann Lee', 'says', 'Sleep matters more than diet']]],
  ['"We will win this fight," said Secretary of State John Kerry.', [['Secretary of State John Kerry', 'said', 'We will win this fight']]],
  // "one said" / "said another": new, unnamed speakers, not the last one named.
  [
    'Mayor Tom Hale spoke about the plan. "It will never work in this town," one said. "We need the money now," said another.',
    [['one', 'said', 'It will never work in this town'], ['another', 'said', 'We need the money now']],
  ],
  // GIVEN a cue inside a subordinate clause after the quotation THEN it is no tail of the quotation.
  [
    '"Nobody here is my favorite by any means," Dale Graham, a former candidate, told the radio station on Tuesday, when voters in twelve counties went to the polls.',
    [['Dale Graham', 'told', 'Nobody here is my favorite by any means']],
  ],
  // A name after a preposition closes an opening adverbial; the role after it is the subject.
  ['At the town hall in Hudson, New Hampshire, the retired teacher retorted: "There is a special place for people like that."', [['the retired teacher', 'retorted', 'There is a special place for people like that']]],
  // A given name that is also a cue word ("Hope") inside a name.
  ['"The ferry will sail on time," harbour spokeswoman Hope Marsh said in a statement.', [['harbour spokeswoman Hope Marsh', 'said', 'The ferry will sail on time']]],
  // "it" for an organisation around a quotation, but not before reported speech with a noun-like cue.
  ['"Most of the witnesses had never been interviewed before," it stated.', [['it', 'stated', 'Most of the witnesses had never been interviewed before']]],
  ['The union released a letter. It added: "We will strike on Monday if we must."', [['It', 'added', 'We will strike on Monday if we must']]],
  ['The plan is bold. It warned that prices would rise.', []],
  // Two roles of one person joined by "and"; people named by what they do, after "one"/"another".
  [
    '"It is run by amateurs," the Kent senator and Labour leadership candidate said in a statement.',
    [['the Kent senator and Labour leadership candidate', 'said', 'It is run by amateurs']],
  ],
  ['"The cake was dry but the tea was good," one reviewer wrote.', [['one reviewer', 'wrote', 'The cake was dry but the tea was good']]],
  // An audience no lexicon word heads, closed by the comma before the quotation.
  ['As one nurse told the county paper, "He wants us to work double shifts."', [['one nurse', 'told', 'He wants us to work double shifts']]],
  // A role after a quotation opens the subject before a relative clause; an opening participle is no name.
  [
    '"We have had floods like this before," a council engineer, who was not allowed to speak to the press, told the radio station.',
    [['a council engineer', 'told', 'We have had floods like this before']],
  ],
  ['Appearing before the court on Monday, Ann Suu, 70, added that she was not guilty.', [['Ann Suu', 'added', 'she was not guilty']]],
  // An opening phrase before "X said about Y, "..."" is not half of the quotation.
  ['In a statement, Okafor said about the festival, "I welcome families bringing their own picnics."', [['Okafor', 'said', 'I welcome families bringing their own picnics']]],
  // Neighbours: a clause before the tail stays the content; an insertion after a name still works.
  ['In Iraq, the roads are closed again, he said.', [['he', 'said', 'In Iraq, the roads are closed again']]],
  ['Maria Lopez, a nurse, said the city had forgotten them.', [['Maria Lopez', 'said', 'the city had forgotten them']]],
];

describe('speaker phrases', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });

  it('GIVEN "one said" after a named speaker THEN it resolves to no one, not to the name before', () => {
    const quotes = extractQuotes('"We will build it," Mayor Tom Hale said. "It will never work in this town," one said.');
    expect(quotes.map((q) => q.speakerRef)).toEqual(['Tom Hale', null]);
  });
});
