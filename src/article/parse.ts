/**
 * parseArticle: text in a known or sniffed format -> Article. Pure (no I/O): the loaders read files,
 * stdin and URLs and call this.
 */
import { buildArticle, type ExtractedParts } from './build';
import { ArticleError } from './errors';
import { extractHtml } from './html/extract';
import { parseMarkdown } from './markdown';
import type { Article } from './model';
import { checkText, sniffFormat, type ArticleFormat } from './sniff';
import { parsePlainText } from './text';

export interface ParseArticleInput {
  content: string;
  /** Sniffed from the content when absent. */
  format?: ArticleFormat;
  /** Where it came from: a file path, a URL, 'text', 'stdin', 'attachment:<name>', 'feed:<url>'. */
  source: string;
  url?: string;
  /** Overrides the title found in the content (e.g. the `title` option of /article add, a feed item title). */
  title?: string;
  /** Overrides the date found in the content (e.g. a feed item's date); ISO 8601. */
  publishedAt?: string;
}

/** Parse an article. Throws ArticleError (ARTICLE_EMPTY, ARTICLE_BINARY, ARTICLE_NO_CONTENT). */
export function parseArticle(input: ParseArticleInput): Article {
  const { content, source } = input;
  if (content.trim() === '') throw new ArticleError('ARTICLE_EMPTY', `${source} is empty.`, source);
  checkText(content, source);
  const format = input.format ?? sniffFormat(content);
  const parts: ExtractedParts = format === 'html' ? extractHtml(content, input.url) : format === 'markdown' ? parseMarkdown(content) : parsePlainText(content);
  return buildArticle(parts, {
    source,
    ...(input.url ? { url: input.url } : {}),
    ...(input.title?.trim() ? { title: input.title } : {}),
    ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
  });
}
