/**
 * The jobs a worker runs: parse a source into an Article, analyse an Article. The same functions run
 * in a worker thread (the pool) and in this thread (the in-process fallback), so both give the same
 * values. Expected failures (ArticleError) come back as values: a class does not survive the trip
 * between threads, its code does.
 */
import { ArticleError, type ArticleErrorCode } from '../article/errors';
import type { Article } from '../article/model';
import { parseArticle, type ParseArticleInput } from '../article/parse';
import { analyzeArticle, type Analysis } from '../nlp/analyze';

/** An analysis with the JSON the store keeps, made beside it so the caller's thread does not stringify megabytes. */
export interface AnalysedArticle {
  readonly analysis: Analysis;
  readonly json: string;
}

export type ArticleJob = { readonly kind: 'parse'; readonly input: ParseArticleInput } | { readonly kind: 'analyze'; readonly article: Article };

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
  return { ok: true, value: { analysis, json: JSON.stringify(analysis) } };
}

export function runArticleJob(job: ArticleJob): JobReply<Article> | JobReply<AnalysedArticle> {
  return job.kind === 'parse' ? parseJob(job.input) : analyzeJob(job.article);
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
