/**
 * The stages a hostile article goes through, each timed on its own: parse (as text), segment,
 * quotes, summary, question index + one question, phrase search over the quotes. Shared by the
 * hostile bench (full sizes) and the growth tests (small sizes).
 */
import { ArticleError, parseArticle } from '../src/article';
import { segment } from '../src/nlp/segment';
import { extractQuotes, searchPhrase } from '../src/nlp/quotes';
import { summarize } from '../src/nlp/summarize';
import { answerQuestion, prepareIndex } from '../src/nlp/qa';

export const STAGES = ['parse', 'segment', 'quotes', 'summary', 'questions', 'search'] as const;
export type Stage = (typeof STAGES)[number];

/** Milliseconds per stage for one text (the stages run in order on each other's output). */
export function timeStages(
  content: string,
  format: 'text' | 'markdown' | 'html' = 'text',
  /** Wall time for the bench; the growth tests pass a CPU clock, which other processes do not stretch. */
  clock: () => number = () => performance.now(),
): Record<Stage, number> & { quoteChars: number } {
  const ms = {} as Record<Stage, number>;
  let t = clock();
  // A text that is no article (only punctuation, one-letter lines) is refused by the parser; the
  // later stages still run on it as given, as they do on batch input.
  let text = content;
  let title = 'hostile';
  try {
    const article = parseArticle({ content, format, source: 'hostile' });
    text = text;
    title = article.title;
  } catch (err) {
    if (!(err instanceof ArticleError)) throw err;
  }
  ms.parse = clock() - t;
  t = clock();
  const seg = segment(text);
  ms.segment = clock() - t;
  t = clock();
  const quotes = extractQuotes(text, seg);
  ms.quotes = clock() - t;
  t = clock();
  summarize(text, { seg, title });
  ms.summary = clock() - t;
  t = clock();
  answerQuestion(prepareIndex(text, seg), 'Who said the council agreed?');
  ms.questions = clock() - t;
  t = clock();
  searchPhrase([{ article: undefined, quotes }], 'the council agreed on Monday');
  ms.search = clock() - t;
  return { ...ms, quoteChars: quotes.reduce((n, q) => n + q.quote.length, 0) };
}
