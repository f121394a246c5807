/**
 * Relative clauses and appositives: news names the doer of a verb away from the verb ("Councillor
 * David Okafor, who opposed the project, said ..."). Subject questions find the antecedent of the
 * clause whose verb and object match; questions the clause does not answer (another object, a
 * verb done to something else, a subject that is only described) stay "not found".
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, prepareIndex } from '../../../src/nlp/qa';
import { MAX_PARENTHETICAL_TOKENS, antecedentOf, appositiveName, clauseSubject, parentheticalOpening, passiveClauseObject } from '../../../src/nlp/qa/relative';
import { tagTokens } from '../../../src/nlp/qa/tagger';
import { MAX_SENTENCE_TOKENS } from '../../../src/nlp/segment';

const TEXTS = {
  bridge: 'Mayor Ellen Park said on Tuesday that the new bridge will open in May. Councillor David Okafor, who opposed the project, said the cost had doubled since 2023.',
  museum: 'The museum reopened last week. Lena Moreau, the curator of the exhibition, said attendance was strong. Greenleaf Books, which was founded by Tomas Varga in 1998, sponsored the show.',
  energy: "Prices rose again in March. Maria Lopez, a spokeswoman for Northwind Energy, said the company would cut rates. Northwind's chief executive, Paul Brandt, declined to comment.",
  expedition: 'The expedition, led by Sara Holm, reached the summit on Friday. The team returned safely.',
  startup: 'Jonas Berg, who founded the startup in 2019, stepped down on Monday. The board, which met on Sunday, appointed Ruth Adler as his successor.',
  firm: 'Halvorsen Engineering, the firm that designed the bridge, said repairs would take a year.',
  clinic: 'The clinic, which is run by Dr. Amal Haddad, treated 400 patients last year.',
  labs: 'Ana Ruiz, the founder of Bluebird Labs, said the company would hire 50 people.',
  festival: "The festival drew 20,000 visitors. Its organizer, Kofi Mensah, said next year's edition would be larger. The band, whose singer was ill, cancelled.",
  tower: 'Residents, who had waited for years, welcomed the decision. Ahmed Nour, the designer of the tower, declined to comment.',
  prize: 'The prize went to three scientists, among them battery developer Mina Okoye, who spoke in Oslo on Friday.',
  police: 'Police arrested a man who stole a car. The owner, Lisa Grant, called the police.',
  council: 'Councillor Ben Okafor, who was elected in 2020, resigned on Friday.',
  report: 'The report, which critics called flawed, was published in May.',
} as const;
type TextName = keyof typeof TEXTS;
const indexes = Object.fromEntries(Object.entries(TEXTS).map(([k, t]) => [k, prepareIndex(t)])) as Record<TextName, ReturnType<typeof prepareIndex>>;

describe('relative clauses and appositives: exact answers, or honestly none', () => {
  it.each<[TextName, string, string | null]>([
    // NAME , who VP ,
    ['bridge', 'Who opposed the project?', 'David Okafor'],
    ['startup', 'Who founded the startup?', 'Jonas Berg'],
    ['startup', 'Who stepped down on Monday?', 'Jonas Berg'],
    // the subject before a parenthetical: NP , which VP , VERB
    ['startup', 'Who appointed Ruth Adler as his successor?', 'The board'],
    ['clinic', 'Who treated 400 patients?', 'The clinic'],
    // Y , which was VERBed by X ,  /  Y , VERBed by X ,
    ['museum', 'Who founded Greenleaf Books?', 'Tomas Varga'],
    ['expedition', 'Who led the expedition?', 'Sara Holm'],
    ['clinic', 'Who runs the clinic?', 'Amal Haddad'],
    // NAME , the NOUN that VP ,  (the antecedent is the appositive's name)
    ['firm', 'Who designed the bridge?', 'Halvorsen Engineering'],
    // NAME , DET NOUN-PHRASE ,  /  NOUN-PHRASE , NAME ,
    ['museum', 'Who is the curator of the exhibition?', 'Lena Moreau'],
    ['energy', 'Who is the spokeswoman for Northwind Energy?', 'Maria Lopez'],
    ['energy', 'Who is the chief executive of Northwind?', 'Paul Brandt'],
    ['energy', 'Who declined to comment?', 'Paul Brandt'],
    // NAME , the VERB-er of Y ,  /  Its VERB-er , NAME ,
    ['labs', 'Who founded Bluebird Labs?', 'Ana Ruiz'],
    ['tower', 'Who designed the tower?', 'Ahmed Nour'],
    ['festival', 'Who organized the festival?', 'Kofi Mensah'],
    // the agent noun as a title: "battery developer Mina Okoye"
    ['prize', 'Who developed the battery?', 'Mina Okoye'],
    ['prize', 'Who developed the vaccine?', null],
    ['prize', 'Who spoke in Oslo?', 'Mina Okoye'],
    // a restrictive "who" after a described person; a passive relative answers the passive question only
    ['police', 'Who stole a car?', 'a man'],
    ['police', 'Who called the police?', 'Lisa Grant'],
    ['council', 'Who was elected in 2020?', 'Ben Okafor'],
    ['council', 'Who elected Okafor?', null],
    ['council', 'Who resigned on Friday?', 'Ben Okafor'],
    // an object relative: the pronoun is no part of the answer
    ['report', 'Who called the report flawed?', 'critics'],
    // a sentence-initial common noun and a whose-clause before the verb
    ['tower', 'Who welcomed the decision?', 'Residents'],
    ['festival', 'Who cancelled?', 'The band'],
    // unanswerable: the clause's verb is there, its object is not the asked one
    ['tower', 'Who designed the bridge?', null],
    ['labs', 'Who owns Bluebird Labs?', null],
    ['bridge', 'Who supported the project?', null],
    ['bridge', 'Who designed the bridge?', null],
    ['startup', 'Who founded the bakery?', null],
    ['museum', 'Who founded the museum?', null],
    ['clinic', 'Who runs the school?', null],
    // unanswerable: the name in the parenthetical is not the main verb's subject
    ['expedition', 'Who reached the summit?', null],
    // unanswerable: the appositive's role is of another organization
    ['energy', 'Who is the spokeswoman for the council?', null],
  ])('[%s] %s -> %s', (text, question, expected) => {
    const r = answerQuestion(indexes[text], question);
    expect(r.found ? r.answer : null).toBe(expected);
  });
});

describe('relative.ts pattern matcher', () => {
  const idx = prepareIndex(TEXTS.startup + ' ' + TEXTS.firm + ' ' + TEXTS.energy);
  const sentence = (n: number) => {
    const s = idx.sentences[n]!;
    return { tokens: s.tokens, tags: tagTokens(idx.folded, s.tokens) };
  };
  const text = (tokens: readonly { text: string }[], span: { from: number; to: number } | null) => (span ? tokens.slice(span.from, span.to).map((t) => t.text).join(' ') : null);
  const at = (tokens: readonly { lower: string }[], word: string) => tokens.findIndex((t) => t.lower === word);

  it('finds the antecedent of "who" and of "that" through its appositive', () => {
    const a = sentence(0);
    expect(text(a.tokens, antecedentOf(a.tokens, a.tags, at(a.tokens, 'who')))).toBe('Jonas Berg');
    const f = sentence(2);
    expect(antecedentOf(f.tokens, f.tags, at(f.tokens, 'that'))).toMatchObject({ kind: 'name' });
    expect(text(f.tokens, antecedentOf(f.tokens, f.tags, at(f.tokens, 'that')))).toBe('Halvorsen Engineering');
  });

  it('does not take a complementizer "that" or a sentence start for a relative pronoun', () => {
    const bridge = prepareIndex(TEXTS.bridge);
    const b = bridge.sentences[0]!;
    const bt = tagTokens(bridge.folded, b.tokens);
    // "said on Tuesday that the new bridge": "that" follows a date, not a noun it could describe.
    expect(antecedentOf(b.tokens, bt, at(b.tokens, 'that'))).toBeNull();
    const f = sentence(2);
    expect(antecedentOf(f.tokens, f.tags, 0)).toBeNull();
  });

  it('steps back over a parenthetical to the subject of the verb', () => {
    const b = sentence(1);
    const v = at(b.tokens, 'appointed');
    expect(parentheticalOpening(b.tokens, b.tags, v - 1)).toBe(2);
    const subject = clauseSubject(b.tokens, b.tags, v, () => false);
    expect(subject).toMatchObject({ kind: 'description' });
    expect(text(b.tokens, subject)).toBe('The board');
  });

  it('finds what a passive verb in a parenthetical was done to', () => {
    const museum = prepareIndex(TEXTS.museum);
    const s = museum.sentences[2]!;
    const tags = tagTokens(museum.folded, s.tokens);
    expect(text(s.tokens, passiveClauseObject(s.tokens, tags, at(s.tokens, 'founded')))).toBe('Greenleaf Books');
    expect(passiveClauseObject(s.tokens, tags, at(s.tokens, 'sponsored'))).toBeNull();
  });

  it('pairs an appositive description with its name on either side', () => {
    const e = sentence(4);
    const spokeswoman = at(e.tokens, 'spokeswoman');
    expect(text(e.tokens, appositiveName(e.tokens, e.tags, { from: spokeswoman - 1, to: spokeswoman + 4 }))).toBe('Maria Lopez');
    const c = sentence(5);
    const executive = at(c.tokens, 'executive');
    expect(text(c.tokens, appositiveName(c.tokens, c.tags, { from: 0, to: executive + 1 }))).toBe('Paul Brandt');
  });

  it('GIVEN a long run of commas and relative pronouns THEN every match stays within the window', () => {
    const hostile = prepareIndex(('Ann Lee, who, which, that, ' as string).repeat(2000) + 'founded the firm.');
    const s = hostile.sentences[0]!;
    const tags = tagTokens(hostile.folded, s.tokens);
    let farthest = 0;
    for (let i = 0; i < s.tokens.length; i++) {
      const a = antecedentOf(s.tokens, tags, i);
      if (a) farthest = Math.max(farthest, i - a.from);
      const open = parentheticalOpening(s.tokens, tags, i);
      if (open >= 0) farthest = Math.max(farthest, i - open);
    }
    // Every match lies within the matcher's window, however long the sentence.
    expect(farthest).toBeGreaterThan(0);
    expect(farthest).toBeLessThanOrEqual(MAX_PARENTHETICAL_TOKENS);
    // The segmenter cuts the endless sentence at clause breaks (MAX_SENTENCE_TOKENS), so its last
    // piece is indexed and answers from the nearest name, not one thousands of tokens away.
    // 9 tokens a repeat; each piece ends at the last comma before the 300-token budget: 297 tokens.
    expect(MAX_SENTENCE_TOKENS).toBe(300);
    expect(hostile.sentences.length).toBe(Math.ceil((2000 * 9 + 4) / 297));
    const found = answerQuestion(hostile, 'Who founded the firm?');
    expect(found.answer).toBe('Ann Lee');
    expect(found.answerStart).toBe(hostile.folded.lastIndexOf('Ann Lee'));
  });
});
