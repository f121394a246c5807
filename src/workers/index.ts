/**
 * src/workers: parsing and analysing articles away from the event loop. `ArticleWork` is the port
 * the library and the loaders call; `createArticlePool` runs it in worker threads (the bot),
 * `inProcessWork` in the calling thread (tests, one-shot commands).
 */
export { inProcessWork, type ArticleWork } from './work';
export { createArticlePool, defaultThreads, POOL_LIMITS, type ArticlePool, type ArticlePoolOptions } from './pool';
export { ArticleWorkError, type ArticleWorkErrorCode } from './errors';
export type { AnalysedArticle } from './jobs';
