/**
 * Expected failures of the library, as values with stable codes. Only the Discord layer and the
 * console turn a code into words (src/core/messages.ts); nothing here is shown verbatim.
 */
import type { ArticleHeading } from '../store/ports';

export type LibraryErrorCode =
  /** No article in this server matches the reference given. */
  | 'ARTICLE_NOT_FOUND'
  /** Several articles match equally well; `candidates` lists them. */
  | 'ARTICLE_AMBIGUOUS'
  /** The server has reached MAX_ARTICLES_PER_GUILD. */
  | 'LIBRARY_FULL'
  /** Bundled articles are shared by every server and cannot be removed from one. */
  | 'ARTICLE_BUNDLED'
  /** The article body is longer than the library analyses (`limit` characters, `size` given). */
  | 'ARTICLE_TOO_LONG'
  /** The attachment is larger than the cap (decided from its declared size, before downloading). */
  | 'ATTACHMENT_TOO_LARGE'
  /** The attachment is not text, Markdown or HTML. */
  | 'ATTACHMENT_TYPE';

export class LibraryError extends Error {
  override readonly name = 'LibraryError';
  constructor(
    readonly code: LibraryErrorCode,
    message: string,
    readonly details: {
      readonly ref?: string;
      readonly candidates?: readonly ArticleHeading[];
      readonly limit?: number;
      readonly size?: number;
      readonly fileName?: string;
    } = {},
  ) {
    super(message);
  }
}
