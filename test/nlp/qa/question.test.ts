/** Question analysis: the expected answer type, the head noun, and who-said detection. */
import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../../src/nlp/qa';

describe('analyzeQuestion', () => {
  it.each<[string, string, string]>([
    ['Who did Grenell meet?', 'person', ''],
    ['Whom did the council thank?', 'person', ''],
    ['When did Trump take office?', 'date', ''],
    ['In what year was the lighthouse at Skerry Point built?', 'date', 'year'],
    ['Where did Grenell meet Maduro?', 'place', ''],
    ['What country did the Duchy of Arden invade in 1403?', 'place', 'country'],
    ['How many US citizens did Grenell bring back?', 'number', 'us'],
    ['How much did the bridge cost?', 'number', ''],
    ['How long will the bridge be?', 'number', ''],
    ['What percentage of voters agreed?', 'number', 'percentage'],
    ['Which company built the bridge?', 'organization', 'company'],
    ['What Senate committee did Singer speak to?', 'organization', 'committee'],
    ['Why was the ferry closed?', 'clause', ''],
    ['How did the tribes protect their lands?', 'clause', ''],
    ['What is the mortality rate of the plague?', 'number', 'rate'],
    ['What did the council approve?', 'noun', ''],
    ['The immune systems of bacteria protect against what kind of cells?', 'noun', 'cells'],
  ])('%s -> %s (head %j)', (question, type, head) => {
    const q = analyzeQuestion(question);
    expect(q.answerType).toBe(type);
    expect(q.head).toBe(head);
  });

  it.each<[string, { speaker: string | null; phrase: string | null; topic: string | null } | null]>([
    ['What did Grenell say?', { speaker: 'Grenell', phrase: null, topic: null }],
    ['What did Grenell say about the visit?', { speaker: 'Grenell', phrase: null, topic: 'the visit' }],
    ['What did Mayor Elena Vasquez tell reporters?', { speaker: 'Mayor Elena Vasquez', phrase: null, topic: null }],
    ['Who said the visit was a big gift?', { speaker: null, phrase: 'the visit was a big gift', topic: null }],
    ['Who said that the bridge would open in March?', { speaker: null, phrase: 'the bridge would open in March', topic: null }],
    ['What did Grenell do in Caracas on Friday after the meeting?', null],
    ['Who did Grenell meet?', null],
  ])('who-said: %s', (question, expected) => {
    expect(analyzeQuestion(question).quoteQuery).toEqual(expected);
  });

  it('GIVEN a subject question THEN asksSubject; GIVEN an object question THEN not', () => {
    expect(analyzeQuestion('Who refused a US military deportation flight?').asksSubject).toBe(true);
    expect(analyzeQuestion('Who did Grenell meet?').asksSubject).toBe(false);
  });

  it('GIVEN a question with irregular verbs and word families THEN its terms match the text forms', () => {
    const q = analyzeQuestion('Who did Grenell meet before the death of the envoy?');
    expect([...q.terms.keys()]).toEqual(['grenel', 'meet', 'die', 'envoi']);
  });
});
