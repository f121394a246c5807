/**
 * Issue 13, questions 3: retrieval. A best match that names the asked thing only through a
 * demonstrative ("these devices") points back to the sentence before it, which says what the
 * thing is; a best match that gives the asked place as "here" likewise. Sentences written for these
 * tests.
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
