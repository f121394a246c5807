/**
 * The seed article's golden questions: the answers a reader of the article expects, with the
 * article's real quotes (src/nlp/quotes) for the who-said questions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerQuestion, prepareIndex } from '../../../src/nlp/qa';
import { extractQuotes } from '../../../src/nlp/quotes/extract';

const text = readFileSync(new URL('../../../data/articles/venezuela-agrees-to-take-back-migrants.txt', import.meta.url), 'utf8');
const index = prepareIndex(text);
const quotes = extractQuotes(text, index.segmentation);

describe('seed article: golden questions', () => {
  it.each<[string, string | null]>([
    ['Who did Grenell meet?', 'Nicolas Maduro'],
    ['When did Trump take office?', 'Jan. 20'],
    ['Who refused a US military deportation flight?', 'Mexico'],
    ['When did Grenell meet Maduro?', 'Friday'],
    ['How many US citizens did Grenell bring back?', 'six'],
    ['Who said the visit was a big gift?', 'Richard Grenell'],
    // demonyms: "Mexican President Claudia Sheinbaum" answers "the president of Mexico"
    ['Who is the president of Mexico?', 'Claudia Sheinbaum'],
    ['Who is Claudia Sheinbaum?', 'Mexican President'],
    ['Who is Grenell?', 'US envoy'],
    ['What is the capital of France?', null],
    ['Who won the World Cup?', null],
    ['When did the Berlin wall fall?', null],
  ])('%s -> %s', (question, expected) => {
    const r = answerQuestion(index, question, { quotes });
    expect(r.found ? r.answer : null).toBe(expected);
  });

  it("GIVEN 'What did Grenell say about the visit?' THEN his quotes, the one about the visit first", () => {
    const r = answerQuestion(index, 'What did Grenell say about the visit?', { quotes });
    expect(r.found).toBe(true);
    expect(r.answerType).toBe('quote');
    expect(r.quotes?.[0]?.quote).toBe('The only award for Maduro was my physical presence, the first senior US official to visit the country in years');
    expect(r.quotes?.map((q) => q.quote)).toContain('It was a big gift to him to have a visit by an envoy of President Trump');
    expect(r.quotes?.every((q) => q.speaker === 'Richard Grenell')).toBe(true);
    expect(text.slice(r.answerStart!, r.answerEnd!)).toBe(r.answer);
  });

  it('GIVEN a refused question THEN the closest sentence is the hint', () => {
    const r = answerQuestion(index, 'What is the capital of France?', { quotes });
    expect(r).toMatchObject({ found: false, answer: null, answerStart: null, answerEnd: null });
  });
});
