/**
 * Where articles are parsed and analysed: the port the library and the loaders call. The bot runs
 * it in a worker pool (pool.ts) so a long article never holds the event loop that answers every
 * other server; tests and the CLI's one-shot commands may run it in this thread.
 */
import type { Article } from '../article/model';
import type { ParseArticleInput } from '../article/parse';
import { analyzeJob, parseJob, unwrapReply, type AnalysedArticle } from './jobs';

export interface ArticleWork {
  /** parseArticle, somewhere: the same Article, or the same ArticleError. */
  parse(input: ParseArticleInput): Promise<Article>;
  /** analyzeArticle, somewhere, with the JSON the store keeps. */
  analyze(article: Article): Promise<AnalysedArticle>;
  /** Stop taking jobs and end the workers (jobs in flight are refused with WORKERS_STOPPED). */
  close(): Promise<void>;
}

/** Parsing and analysis in the calling thread: for tests and one-shot commands, where nothing else waits. */
export const inProcessWork: ArticleWork = {
  parse: async (input) => unwrapReply(parseJob(input)),
  analyze: async (article) => unwrapReply(analyzeJob(article)),
  close: async () => undefined,
};
