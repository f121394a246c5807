/**
 * The /ask reply: answer in bold inside its sentence, a warning when confidence is low, quotes for
 * who-said answers, and "Not found" with the hint clearly labelled.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/article/model';
import { renderAsk, sentenceWithAnswer } from '../../../src/core/render/ask';
import type { AnswerResult } from '../../../src/nlp/qa';

const TEXT = 'The ferry leaves at noon. Tickets cost *four* euros.';
const article: Article = { id: 'a1', title: 'Ferry', source: 'text', text: TEXT, paragraphs: [], boilerplate: [] } as unknown as Article;
const sentence = { index: 0, start: 0, end: 25, text: 'The ferry leaves at noon.' };

function result(over: Partial<AnswerResult>): AnswerResult {
  return { found: true, answer: 'noon', answerStart: 20, answerEnd: 24, sentence, confidence: 0.9, answerType: 'time', ...over } as AnswerResult;
}

describe('sentenceWithAnswer', () => {
  it.each<[string, number | null, number | null, string]>([
    ['inside', 20, 24, 'The ferry leaves at **noon**.'],
    ['no span', null, null, 'The ferry leaves at noon.'],
    ['outside the sentence', 30, 34, 'The ferry leaves at noon.'],
    ['empty', 20, 20, 'The ferry leaves at noon.'],
  ])('GIVEN a span %s THEN the sentence reads as expected', (_what, start, end, expected) => {
    expect(sentenceWithAnswer(sentence, start, end)).toBe(expected);
  });

  it('GIVEN markdown in the answer and around it THEN escaped, the bold markers intact', () => {
    const s = { index: 1, start: 26, end: 52, text: 'Tickets cost *four* euros.' };
    expect(TEXT.slice(39, 45)).toBe('*four*');
    expect(sentenceWithAnswer(s, 39, 45)).toBe('Tickets cost **\\*four\\*** euros.');
    expect(sentenceWithAnswer(s, 46, 51)).toBe('Tickets cost \\*four\\* **euros**.');
  });
});

describe('renderAsk', () => {
  it('GIVEN a confident answer THEN the answer as title, the sentence, the confidence in the footer', () => {
    const e = renderAsk(article, 'When does the ferry leave?', result({}), []).embeds![0]!;
    expect(e).toMatchObject({
      author: 'Q: When does the ferry leave?',
      title: 'noon',
      description: 'From *Ferry*\n\n> The ferry leaves at **noon**.',
      footer: 'Extracted word for word from the article; nothing is generated · confidence 90%',
    });
  });

  it('GIVEN a found answer with confidence under 50% THEN a warning to read the sentence', () => {
    const e = renderAsk(article, 'Who runs the ferry?', result({ confidence: 0.42 }), []).embeds![0]!;
    expect(e.description).toBe('From *Ferry*\n*Low confidence: read the sentence before relying on this answer.*\n\n> The ferry leaves at **noon**.');
    expect(e.footer).toBe('Extracted word for word from the article; nothing is generated · confidence 42%');
  });

  it('GIVEN quotes without a matching analysed quote THEN each with its speaker or "unknown speaker"', () => {
    const r = result({
      answer: 'Nobody will lose their job',
      answerType: 'quote',
      quotes: [
        { quote: 'Nobody will lose their job', start: 0, end: 26, speaker: 'Tom Berg' },
        { quote: 'It is fine', start: 30, end: 40, speaker: null },
      ],
    });
    const e = renderAsk(article, 'What did Berg say?', r, []).embeds![0]!;
    expect(e.title).toBe('What Tom Berg said');
    expect(e.description).toBe('From *Ferry*\n\n> Nobody will lose their job\n— **Tom Berg**\n\n> It is fine\n— *unknown speaker*');
  });

  it('GIVEN not found THEN the hint is labelled as not an answer, and the answer is never shown', () => {
    const r = result({ found: false, answer: null, answerStart: null, answerEnd: null, confidence: 0.1, rejected: { text: 'noon', start: 20, end: 24 } });
    const e = renderAsk(article, 'Who owns the ferry?', r, []).embeds![0]!;
    expect(e.title).toBe('Not found in the article');
    expect(e.description).toBe(
      'I could not find an answer to this in *Ferry*; I only answer with what the article says.\n\n**Closest sentence (a hint, not an answer):**\n> The ferry leaves at noon.',
    );
  });
});
