/**
 * Why the worker pool could not parse or analyse an article. Stable codes; src/core/messages.ts
 * turns them into words. An ArticleError from the parser passes through unchanged.
 */
export type ArticleWorkErrorCode =
  /** The job ran longer than the pool allows (`limitMs`): it was cancelled and its worker replaced. */
  | 'ARTICLE_TOO_SLOW'
  /** The worker running the job died (`outOfMemory` when it passed its heap limit); it is replaced. */
  | 'ANALYSIS_CRASHED'
  /** Every worker is busy and `limit` jobs already wait: refused now rather than queued without end. */
  | 'ANALYSIS_BUSY'
  /** The pool has been shut down (the bot is stopping). */
  | 'ANALYSIS_STOPPED';

export class ArticleWorkError extends Error {
  override readonly name = 'ArticleWorkError';
  constructor(
    readonly code: ArticleWorkErrorCode,
    message: string,
    readonly details: { readonly limitMs?: number; readonly limit?: number; readonly outOfMemory?: boolean } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
