/**
 * Who-said routing with hand-made quotes (any QuoteLike works): tolerant speaker names (titles,
 * surnames, resolved pronouns) and tolerant phrases (small wording differences).
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, prepareIndex, type QuoteLike } from '../../../src/nlp/qa';
import { sameName } from '../../../src/nlp/qa/names';

const TEXT = `Mayor Elena Vasquez opened the bridge on Tuesday. "This bridge will change how we live," she said. Engineer Tom Okafor said the steel deck was tested for ten years of traffic. "We are proud," Okafor added.`;

function quoteOf(quote: string, speaker: string | null, speakerRef: string | null): QuoteLike {
  const start = TEXT.indexOf(quote);
  if (start < 0) throw new Error(`fixture: ${quote} is not in the text`);
  return { quote, start, end: start + quote.length, speaker, speakerRef, confidence: 0.9 };
}

const QUOTES: QuoteLike[] = [
  quoteOf('This bridge will change how we live', 'she', 'Elena Vasquez'),
  quoteOf('the steel deck was tested for ten years of traffic', 'Engineer Tom Okafor', 'Tom Okafor'),
  quoteOf('We are proud', 'Okafor', 'Tom Okafor'),
];
const index = prepareIndex(TEXT);

describe('who-said questions', () => {
  it.each<[string, string[]]>([
    ['What did Vasquez say?', ['This bridge will change how we live']],
    ['What did Mayor Vasquez say?', ['This bridge will change how we live']],
    ['What did Elena Vasquez say?', ['This bridge will change how we live']],
    ['What did Tom Okafor say?', ['the steel deck was tested for ten years of traffic', 'We are proud']],
    ['What did Okafor say about the steel deck?', ['the steel deck was tested for ten years of traffic', 'We are proud']],
  ])('%s -> the speaker\'s quotes', (question, expected) => {
    const r = answerQuestion(index, question, { quotes: QUOTES });
    expect(r.found).toBe(true);
    expect(r.quotes?.map((q) => q.quote)).toEqual(expected);
  });

  it.each<[string, string | null]>([
    ['Who said the bridge will change how we live?', 'Elena Vasquez'],
    ['Who said that the bridge would change how people live?', 'Elena Vasquez'],
    ['Who said the steel deck had been tested for ten years?', 'Tom Okafor'],
    ['Who said the river was polluted?', null],
  ])('%s -> %s', (question, expected) => {
    const r = answerQuestion(index, question, { quotes: QUOTES });
    expect(r.found ? r.answer : null).toBe(expected);
  });

  it('GIVEN a speaker with no quote THEN not found', () => {
    const r = answerQuestion(index, 'What did Maduro say?', { quotes: QUOTES });
    expect(r).toMatchObject({ found: false, answer: null, answerType: 'quote' });
  });

  it.each<[string, string, boolean]>([
    ['Grenell', 'Richard Grenell', true],
    ['US envoy Richard Grenell', 'Grenell', true],
    ['President Trump', 'Donald Trump', true],
    ['Mr. Trump', 'Trump', true],
    ['Maduro', 'Richard Grenell', false],
    ['Richard Grenell', 'Richard Nixon', false],
  ])('sameName(%j, %j) = %s', (a, b, expected) => {
    expect(sameName(a, b)).toBe(expected);
  });
});
