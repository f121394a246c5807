/**
 * A "why" question is answered only from a sentence that gives a reason (a causal cue: because,
 * since, due to, as a result, after, amid, so that, in order to, "to" + verb of purpose...). A
 * sentence that only shares the question's words says what happened, not why: the answer is
 * "not found", with that sentence as the hint.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerQuestion, prepareIndex } from '../../../src/nlp/qa';
import { hasCausalCue } from '../../../src/nlp/qa/causal';
import { sentenceTags } from '../../../src/nlp/qa/sentence-tags';

const SEED = readFileSync(new URL('../../../data/articles/venezuela-agrees-to-take-back-migrants.txt', import.meta.url), 'utf8');
const FARES = 'The harbour board raised ferry fares on Monday. Fares rose by two euros for adults. Children still travel free.';
const BRIDGE_BECAUSE = 'The council closed the old bridge on Tuesday because cracks were found in two of its pillars. The ferry runs every hour.';
const BRIDGE_PURPOSE = 'The council closed the old bridge on Tuesday to protect drivers from falling stones. The ferry runs every hour.';
const BRIDGE_DUE = 'The old bridge was closed on Tuesday due to cracks in two of its pillars. The ferry runs every hour.';

describe('why questions', () => {
  it.each([
    [FARES, 'Why did fares rise?', 'Fares rose by two euros for adults.'],
    [SEED, 'Why was the visit a big gift?', '"It was a big gift to him to have a visit by an envoy of President Trump.”'],
  ])('GIVEN no reason in the text THEN "%s" is not answered; the closest sentence stays a hint', (text, question, hint) => {
    const r = answerQuestion(prepareIndex(text), question);
    expect(r.found).toBe(false);
    expect(r.answer).toBeNull();
    expect(r.sentence?.text).toBe(hint);
  });

  it.each([
    [BRIDGE_BECAUSE, 'because cracks were found in two of its pillars'],
    [BRIDGE_PURPOSE, 'protect drivers from falling stones'],
  ])('GIVEN a sentence that gives the reason THEN it is the answer', (text, answer) => {
    const r = answerQuestion(prepareIndex(text), 'Why did the council close the bridge?');
    expect(r.found).toBe(true);
    expect(r.answer).toBe(answer);
  });

  it.each<[string, boolean]>([
    [BRIDGE_BECAUSE, true],
    [BRIDGE_PURPOSE, true],
    [BRIDGE_DUE, true],
    ['Talks resumed amid protests in the capital.', true],
    ['The ferry was cancelled, so passengers waited for the bus.', true],
    ['The plant closed as a result of the flood.', true],
    ['Mexico refused to accept the flight.', false],
    ['Officials were able to pay the workers.', false],
    ['So far the council has approved two budgets.', false],
    ['The envoy flew to Caracas on Friday.', false],
  ])('hasCausalCue(%j) = %s', (text, expected) => {
    const index = prepareIndex(text);
    const s = index.sentences[0]!;
    expect(hasCausalCue(s.tokens, sentenceTags(index, 0))).toBe(expected);
  });
});
