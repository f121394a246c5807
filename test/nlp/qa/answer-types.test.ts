/**
 * Table tests per answer type on a short article written for these tests: each row is a question
 * and the exact span Lede must answer, or null when it must say "not found in the article".
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, prepareIndex } from '../../../src/nlp/qa';

const ARTICLE = `The city council of Riverton approved a $4.5 million budget for the new harbor bridge on Tuesday.

Mayor Elena Vasquez said the bridge would open in March 2026. The project was designed by Halvorsen Engineering, a firm based in Oslo.

About 12,000 commuters cross the river every day, according to the transit authority. The old ferry service was closed in 1998 because the boats had become too expensive to repair.

Construction will be paid for by a regional tax on fuel. The bridge will be 640 meters long.`;

const index = prepareIndex(ARTICLE);

describe('answerQuestion: one row per answer type', () => {
  it.each<[string, string, string | null]>([
    // person / organization: capitalized runs, titles dropped, passive "by" agents
    ['person', 'Who designed the bridge?', 'Halvorsen Engineering'],
    ['person', 'Who is the mayor?', 'Elena Vasquez'],
    ['person', 'Who said the bridge would open in March 2026?', 'Elena Vasquez'],
    ['organization', 'Which firm designed the bridge?', 'Halvorsen Engineering'],
    // date / time
    ['date', 'When will the bridge open?', 'March 2026'],
    ['date', 'When was the ferry service closed?', '1998'],
    ['date', 'When did the council approve the budget?', 'Tuesday'],
    // place
    ['place', 'Where is Halvorsen Engineering based?', 'Oslo'],
    // number / amount, with currency, approximation and unit
    ['number', 'How many commuters cross the river every day?', 'About 12,000'],
    ['number', 'How much is the budget for the harbor bridge?', '$4.5 million'],
    ['number', 'How long will the bridge be?', '640 meters'],
    // clause: reasons and manners
    ['clause', 'Why was the ferry service closed?', 'because the boats had become too expensive to repair'],
    ['clause', 'How will construction be paid for?', 'a regional tax on fuel'],
    // descriptions: "Who is <Name>?" is answered by the title before the name or an appositive
    ['person', 'Who is Elena Vasquez?', 'Mayor'],
    ['person', 'Who is Halvorsen Engineering?', 'a firm based in Oslo'],
    ['person', 'Who is Tom Hanks?', null],
    // refusals: the article does not say
    ['place', 'What is the capital of France?', null],
    ['person', 'Who won the 1998 World Cup?', null],
  ])('%s: %s -> %s', (type, question, expected) => {
    const r = answerQuestion(index, question);
    expect(r.answerType).toBe(type);
    expect(r.found ? r.answer : null).toBe(expected);
    if (r.found) {
      // The answer is a verbatim span inside its source sentence.
      expect(ARTICLE.slice(r.answerStart!, r.answerEnd!)).toBe(r.answer);
      expect(r.sentence).not.toBeNull();
      expect(r.answerStart!).toBeGreaterThanOrEqual(r.sentence!.start);
      expect(r.answerEnd!).toBeLessThanOrEqual(r.sentence!.end);
      expect(ARTICLE.slice(r.sentence!.start, r.sentence!.end)).toBe(r.sentence!.text);
    } else {
      expect(r.answerStart).toBeNull();
    }
  });

  it('GIVEN a refusal THEN the closest sentence is offered as a hint and the confidence is below the bar', () => {
    // No sentence holds an amount of money about the mayor's car: the hint is the best-matching sentence ("paid").
    const r = answerQuestion(index, 'How much did the mayor pay for her car?');
    expect(r.found).toBe(false);
    expect(r.confidence).toBeLessThan(0.25);
    expect(r.sentence?.text).toBe('Construction will be paid for by a regional tax on fuel.');
  });

  it('GIVEN a question with no content word THEN nothing is found and nothing is hinted', () => {
    const r = answerQuestion(index, 'What is it?');
    expect(r).toMatchObject({ found: false, answer: null, sentence: null });
  });
});
