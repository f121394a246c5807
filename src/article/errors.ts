/**
 * Why an article could not be loaded. Stable codes; the bot and the CLI turn them into words.
 * URL sources can also fail with a FetchError (src/fetch), which passes through unchanged.
 */
export type ArticleErrorCode =
  | 'ARTICLE_EMPTY'
  | 'ARTICLE_BINARY'
  | 'ARTICLE_TOO_LARGE'
  | 'ARTICLE_FILE_NOT_FOUND'
  | 'ARTICLE_UNREADABLE'
  | 'ARTICLE_NO_CONTENT';

export class ArticleError extends Error {
  override readonly name = 'ArticleError';
  constructor(
    readonly code: ArticleErrorCode,
    message: string,
    /** The source being loaded (file path, URL, 'stdin', 'text'...). */
    readonly source?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
