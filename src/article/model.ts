/**
 * The Article: what every loader produces and every analysis reads. All spans anywhere in Lede
 * (sentences, quotes, summary sentences, answers) are JavaScript string offsets into `text`.
 */
import { createHash } from 'node:crypto';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Article {
  /** Stable content hash of the body (16 hex chars): the same text always gets the same id. */
  readonly id: string;
  readonly title: string;
  readonly byline?: string;
  readonly siteName?: string;
  /** Where it came from: a file path, a URL, 'text', 'stdin', 'attachment:<name>' or 'feed:<url>'. */
  readonly source: string;
  readonly url?: string;
  /** ISO 8601, when the source says when it was published. */
  readonly publishedAt?: string;
  /** The body: paragraphs joined by a blank line. Boilerplate and the title are not in it. */
  readonly text: string;
  /** Paragraph spans into `text`. */
  readonly paragraphs: readonly Span[];
  /** Lines moved out of the body (trailing "News.Az", "Read more", share/cookie lines...). */
  readonly boilerplate: readonly string[];
}

/** The id of a body text: the first 16 hex characters of its SHA-256. */
export function articleIdOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}
