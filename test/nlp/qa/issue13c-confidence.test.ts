/**
 * Issue 13, questions 1 and 2: the confidence derived from both sides (answerable questions and
 * questions asked of the wrong text), and counts for "how many". Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, prepareIndex } from '../../../src/nlp/qa';

function shown(article: string, question: string): string | null {
  const r = answerQuestion(prepareIndex(article), question);
  return r.found ? r.answer : null;
}

const FESTIVAL = 'The festival opened on 3 May in the old port. Its organisers expect forty thousand visitors.';
const COUNCIL = 'The council approved the budget on Tuesday. Schools will receive more money next year.';

describe('confidence: the article must talk about the question, the sentence must hold some of it', () => {
  it.each<[string, string, string, string | null]>([
    // Names the article never writes lower the confidence a little: the rest of the question is there.
    ['two missing name words, the rest matched', FESTIVAL, 'When did the Harbour Arts Festival open in the old port?', '3 May'],
    // A question about another subject shares one verb with the article: its other words are absent.
    ['another subject, one shared verb', COUNCIL, 'When did the national football federation approve the transfer rules?', null],
    ['the same question about this article', COUNCIL, 'When did the council approve the budget?', 'Tuesday'],
    // The sentence holding a date matches none of the question's words but a common one.
    ['a sentence covering too little of the question', 'Engineers inspected the dam in March. The reservoir behind it supplies water to three towns.', 'When did the volcano last erupt near the towns?', null],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('"how many" asks for a count', () => {
  it.each<[string, string, string, string | null]>([
    ['a time is no count', 'The ferry left the harbour at dawn. It returned in the past week after repairs to its engine.', 'How many engines did the ferry repair?', null],
    ['a rank is no count', 'The museum reopened in 1998 after a fire. Visitors queued for hours on the first day.', 'How many visitors did the museum have in 1998?', null],
    ['a rank written in digits is no count', 'The striker scored her 3rd goal of the season on Sunday.', 'How many goals did the striker score on Sunday?', null],
    ['a count next to a rank', 'In its first week the shop sold 300 bicycles.', 'How many bicycles did the shop sell in its first week?', '300'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('no answer opens with a linking adverb', () => {
  it.each<[string, string, string, string]>([
    ['"also"', 'After the flood, also many cellars of the harbour district were pumped dry by volunteers.', 'What did volunteers pump dry after the flood?', 'many cellars of the harbour district'],
    ['"also" after "there are"', 'In the old town there are also many fountains from the Roman period.', 'What is in the old town from the Roman period?', 'many fountains'],
    ['an adjective that can be an adverb stays', 'The puzzle uses even numbers only on the top row.', 'What does the puzzle use on the top row?', 'even numbers'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});
