/**
 * Issue 13, questions 1: the span inside the right sentence. Sentences written for these tests.
 * Each row: a short article, a question and the exact answer shown (null: refused).
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, prepareIndex } from '../../../src/nlp/qa';

function shown(article: string, question: string): string | null {
  const r = answerQuestion(prepareIndex(article), question);
  return r.found ? r.answer : null;
}

describe('answer spans: edges and description answers', () => {
  it.each<[string, string, string, string | null]>([
    // Cutting the question's own word ("Amazon") leaves no trailing "of the".
    ['no trailing "of the"', 'The survey team mapped the rivers of the Amazon in 2019.', 'What did the survey team map in the Amazon?', 'the rivers'],
    // "the new | bridge" without its noun is a bare adjective: not an answer.
    ['no bare adjective', 'Residents of Riverton distrust the new bridge. The mayor defended the design of the bridge.', 'What do residents of Riverton distrust about the bridge?', null],
    // "What is <Name>?" asks for a description: the phrase with its "of" phrases.
    ['description with its "of" phrases', 'Harbour Watch is a network of volunteers of the old port district of Riverton. Its members patrol at night.', 'What is Harbour Watch?', 'a network of volunteers of the old port district of Riverton'],
    // A question asking for several things takes the whole list; a who-question for one, its first item.
    ['list for a plural ask', 'The new school hired architects, interior designers, engineers and builders for the project. Funding came from the city.', 'Which professions did the new school hire for the project?', 'architects, interior designers, engineers and builders'],
    ['no list for a singular ask', 'The new school hired architects, interior designers, engineers and builders for the project. Funding came from the city.', 'Who did the school hire for the project?', 'architects'],
    // "What is X called?": the phrase after "called" (not "the cell" nearer the question's words).
    ['what ... called', 'The soft layer between the walls of the cell, called the mesoglea, holds most of its water.', 'What is the soft layer between the walls called?', 'the mesoglea'],
    // A count left without its noun ("the two | walls") is no answer either.
    ['no bare count', 'The soft layer between the two walls of the cell, called the mesoglea, holds most of its water.', 'What is the soft layer between the walls called?', 'the mesoglea'],
    // Other questions keep the short phrase.
    ['short object', 'Residents of Riverton distrust the new bridge. The mayor defended the design of the bridge.', 'What did the mayor defend?', 'the design'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});
