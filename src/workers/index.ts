/**
 * src/workers: parsing and analysing articles away from the event loop. `ArticleWork` (src/library/work.ts)
 * is the port the library and the loaders call; `createArticlePool` runs it in worker threads (the bot),
 * `inProcessWork` (src/library) in the calling thread (tests, one-shot commands).
 */
export { createArticlePool, defaultThreads, POOL_LIMITS, type ArticlePool, type ArticlePoolOptions } from './pool';
export { ArticleWorkError, type ArticleWorkErrorCode } from './errors';
