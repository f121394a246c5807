/**
 * Issue 13 (second pass), questions: retrieval that finds the answer's sentence when the question
 * words it differently. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, prepareIndex } from '../../../src/nlp/qa';
import { termOf } from '../../../src/nlp/qa/terms';

function shown(article: string, question: string): string | null {
  const r = answerQuestion(prepareIndex(article), question);
  return r.found ? r.answer : null;
}

describe('terms: British and American spellings meet', () => {
  it.each<[string, string]>([
    ['organised', 'organized'],
    ['organising', 'organizing'],
    ['colour', 'color'],
    ['favoured', 'favored'],
    ['centre', 'center'],
    ['theatres', 'theaters'],
  ])('%s = %s', (british, american) => {
    expect(termOf(british)).toBe(termOf(american));
  });
  it.each<[string, string]>([
    // Short words are words of their own.
    ['hour', 'hor'],
    ['rise', 'rize'],
  ])('%s is not %s', (a, b) => {
    expect(termOf(a)).not.toBe(termOf(b));
  });
});

describe('retrieval: the answer\'s sentence when the question words it differently', () => {
  it.each<[string, string, string, string | null]>([
    ['British spelling in the text', 'The town hall reopened in 1998. The reopening was organised by the Heritage Trust of Marlow.', 'Who organized the reopening of the town hall?', 'Heritage Trust of Marlow'],
    // After "did" the verb is a base form: "found" is to found, not the past of "find".
    ['a base verb after do-support', 'Ada Brandt was a teacher in Leeds. She found an old printing machine in 1890. In 1902 she was founding the Leeds Press Guild.', 'When did Ada Brandt found the Leeds Press Guild?', '1902'],
    // "His" continues the subject that "He" carried from two sentences back.
    ['a pronoun carries the subject on', 'Oskar Lind ruled the duchy for thirty years. He reformed the courts and the mint. His most lasting work was founding the Northern Library in 1761.', 'When did Oskar Lind found the library?', '1761'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});
