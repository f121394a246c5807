/**
 * Issue 13, questions 3: retrieval. A best match that names the asked thing only through a
 * demonstrative ("these devices") points back to the sentence before it, which says what the
 * thing is; a best match that gives the asked place as "here" likewise. A sentence holding a span of
 * the asked crisp kind competes at half the best match's score when the best match holds none. A
 * best match that restates its predecessor ("That is, ...") lifts the predecessor to its score.
 * Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, prepareIndex } from '../../../src/nlp/qa';

function answered(article: string, question: string): { answer: string | null; sentence: number | null } {
  const r = answerQuestion(prepareIndex(article), question);
  return { answer: r.found ? r.answer : null, sentence: r.sentence?.index ?? null };
}

const PUMPS = 'Rotary pumps lift water from the canal into the fields. Flooded cellars and blocked drains are often cleared using these machines.';
const NAMED = 'The Harbour Fair drew large crowds in 1952. The success of this fair led to the planning of the Lantern Fair in 1955.';
const VALLEY = 'The Tarn flows west through Portugal. It is here that the Tarn meets its largest tributary, the Ova.';
const QUOTED = 'The mayor opened the bridge in Lisbon. "The Tarn meets the Ova here, in our valley," said Ana Reis in Braga.';
const RELATIVE = 'The rain lasted a week. Thick walls that protect all castles were built from granite.';

describe('a demonstrative in the best match points to the sentence before it', () => {
  it.each<[string, string, string, string | null, number]>([
    // "these machines" names the asked machine without saying what it is: the sentence before does.
    ['these + head noun', PUMPS, 'What machine is used to clear flooded cellars?', 'Rotary pumps', 0],
    // The question names the head itself elsewhere ("the Harbour Fair ... what fair"):
    // "this fair" is the one it names, and the sentence keeps its own answer.
    ['the head named twice in the question', NAMED, 'The success of the Harbour Fair led to the planning of what fair in 1955?', 'the Lantern Fair', 1],
    // "that" opens a relative clause far more often than it points back: the sentence keeps its own answer.
    ['"that" is not a demonstrative', RELATIVE, 'What protects castles?', 'Thick walls', 1],
    // "It is here that ...": the place is the one the sentence before names.
    ['"here" for a place question', VALLEY, 'Where does the Tarn meet the Ova?', 'Portugal', 0],
    ['"here" for a which-country question', VALLEY, 'Which country does the Tarn meet its largest tributary in?', 'Portugal', 0],
    // A speaker's "here" is where they spoke, named in their own sentence.
    ['a quoted "here"', QUOTED, 'Where does the Tarn meet the Ova?', 'Braga', 1],
  ])('%s', (_label, article, question, answer, sentence) => {
    expect(answered(article, question)).toEqual({ answer, sentence });
  });
});

const BRIDGE = 'Pellan Bridge crosses the river Sau at the old mill town of Pellan, where the Sau widens into a lake. Boats pass beneath it in summer. Built of granite, Pellan Bridge is 420 metres long.';
const DAM = 'The Kesto Dam holds back the Kesto river above the town of Arne, and the Kesto reservoir feeds the town. Swimmers use it in summer. Engineers raised the dam by 12 metres in 1990.';
const FAR = 'Pellan Bridge crosses the river Sau at the old mill town of Pellan, where the Sau widens into a lake. Boats pass beneath it in summer. The town has 420 houses.';

describe('a sentence with a span of the asked kind competes where the best match has none', () => {
  it.each<[string, string, string, string | null, number]>([
    // The best match names bridge and river but no length; the sentence with "420 metres" matches over half as well.
    ['a length in a later sentence', BRIDGE, 'How long is the Pellan Bridge over the river Sau?', '420 metres', 2],
    ['a count in a later sentence', DAM, 'By how many metres was the Kesto Dam on the Kesto river above Arne raised?', '12', 2],
    // A number in a sentence that shares little with the question is another fact: refused.
    ['a number in an unrelated sentence', FAR, 'How long is the Pellan Bridge over the river Sau?', null, 0],
  ])('%s', (_label, article, question, answer, sentence) => {
    expect(answered(article, question)).toEqual({ answer, sentence });
  });
});

const RESTATED = 'Vell ferns grow in shaded ravines. In drought, the fronds turn brittle. That is, Vell fronds take on a fragile character when the air is dry.';
const NOT_RESTATED = 'Vell ferns grow in shaded ravines. In drought, the fronds turn brittle. Vell fronds take on a fragile character when the air is dry.';

describe('a best match that restates its predecessor', () => {
  it.each<[string, string, string, string | null, number]>([
    // "That is, ..." explains the sentence before it, which states the asked fact.
    ['"That is," opens the best match', RESTATED, 'What fragile character do Vell fronds take on when the air is dry?', 'brittle', 1],
    // The same sentence without the restating opener stands alone: nothing of the asked kind, refused.
    ['no restating opener', NOT_RESTATED, 'What fragile character do Vell fronds take on when the air is dry?', null, 2],
  ])('%s', (_label, article, question, answer, sentence) => {
    expect(answered(article, question)).toEqual({ answer, sentence });
  });
});

describe('hostile input to the pointing-back rules', () => {
  it('GIVEN a long sentence of demonstratives, heads and "here" THEN it is answered in bounded time', () => {
    const article = `Rotary pumps lift water. ${'these these such devices here "here" '.repeat(20_000)}.`;
    const started = Date.now();
    const r = answerQuestion(prepareIndex(article), `What device is used here? ${'device '.repeat(20_000)}`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.confidence).toBeGreaterThanOrEqual(0);
  });
});
