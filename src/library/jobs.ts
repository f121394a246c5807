/**
 * The jobs a worker runs: parse a source into an Article, analyse an Article. The same functions run
 * in a worker thread (the pool) and in this thread (the in-process fallback), so both give the same
 * values. Expected failures (ArticleError) come back as values: a class does not survive the trip
 * between threads, its code does.
 */
import { ArticleError, type ArticleErrorCode } from '../article/errors';
import type { Article } from '../article/model';
import { parseArticle, type ParseArticleInput } from '../article/parse';
import { indexedQuotes } from './quote-rows';
import { analyzeArticle, type Analysis } from '../nlp/analyze';
import type { IndexedQuote } from '../store/ports';

/**
 * An analysis with what the store keeps of it, made beside it: its JSON and its quotes' search rows
 * (a 2,000,000-character article has ~13,000 quotes: ~150 ms to fold and stringify, work that
 * belongs with the analysis, off the caller's thread).
 */
export interface AnalysedArticle {
  readonly analysis: Analysis;
  readonly json: string;
  readonly quoteRows: readonly IndexedQuote[];
}

/** What a job returns: its value, or the ArticleError it refused with (code, message, source). */
export type JobReply<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly code: ArticleErrorCode; readonly message: string; readonly source?: string } };

export function parseJob(input: ParseArticleInput): JobReply<Article> {
  try {
    return { ok: true, value: parseArticle(input) };
  } catch (err) {
    return refusal(err);
  }
}

export function analyzeJob(article: Article): JobReply<AnalysedArticle> {
  const analysis = analyzeArticle(article);
  return { ok: true, value: { analysis, json: JSON.stringify(analysis), quoteRows: indexedQuotes(analysis.quotes) } };
}

/** The value of a reply, or its ArticleError thrown again as the class the callers catch. */
export function unwrapReply<T>(reply: JobReply<T>): T {
  if (reply.ok) return reply.value;
  throw new ArticleError(reply.error.code, reply.error.message, reply.error.source);
}

/** An ArticleError as a value; anything else is a bug and is thrown on. */
function refusal(err: unknown): JobReply<never> {
  if (!(err instanceof ArticleError)) throw err;
  return { ok: false, error: { code: err.code, message: err.message, ...(err.source !== undefined && { source: err.source }) } };
}
