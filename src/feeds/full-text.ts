/**
 * From a feed item to an Article. Many feeds carry only a teaser (a sentence or two, often ending
 * in "…" or "Read more"); then the item's page is fetched through the safe fetcher and its main
 * text extracted, which is what makes summaries and quotes possible at all. Fetching and parsing
 * are injected, so this stays testable without a network.
 */
import type { Article } from '../article/model';
import type { FeedItem } from './parse';
import { htmlToPlainText } from './text';

/** What the article loader takes (the contract of `parseArticle` in src/article). */
export interface ArticleInput {
  readonly content: string;
  readonly format?: 'html' | 'text' | 'markdown';
  readonly source: string;
  readonly url?: string;
  readonly title?: string;
  readonly publishedAt?: string;
}

/** Builds an Article from content (the bot: in its worker pool); throws when there is no usable text. */
export type MakeArticle = (input: ArticleInput) => Article | Promise<Article>;

/** Fetches an item's page (HTML) through the safe fetcher. */
export type FetchPage = (url: string) => Promise<{ readonly finalUrl: string; readonly text: string }>;

export const TEASER_RULES = {
  /**
   * A body shorter than this (plain characters) is treated as a teaser: news articles run to
   * thousands of characters, while feed descriptions are typically 150-500.
   */
  minFullTextChars: 800,
  /** Endings publishers put on truncated descriptions (compared lowercase, after trimming). */
  teaserEndings: ['…', '...', '[…]', '[...]', 'read more', 'read more »', 'continue reading', 'continue reading →', 'read the full story', '(more…)'],
} as const;

/** Whether a body (plain text) is only a teaser of the page. */
export function isTeaser(plain: string): boolean {
  if (plain.length < TEASER_RULES.minFullTextChars) return true;
  const tail = plain.slice(-40).trim().toLowerCase();
  return TEASER_RULES.teaserEndings.some((e) => tail.endsWith(e));
}

export type FullTextOrigin = 'feed' | 'page' | 'teaser';

export interface ItemArticle {
  readonly article?: Article;
  /** Where the body came from: the feed's own content, the fetched page, or the feed's teaser (page unavailable). */
  readonly origin?: FullTextOrigin;
  /** Why the page could not be used, when it was tried and failed (an error code). */
  readonly pageError?: string;
  /** Set when the item's text is longer than the library takes: no article, the item is skipped. */
  readonly tooLong?: { readonly size: number; readonly limit: number };
}

/**
 * Feed bodies are HTML fragments; the article extractor looks for a main-content element in a
 * document, so the fragment is given one (an <article> in a minimal page).
 */
export function fragmentDocument(fragment: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"></head><body><article>${fragment}</article></body></html>`;
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

/** Build the article for one feed item, fetching its page when the feed only has a teaser. */
export async function articleFromItem(
  item: FeedItem,
  feedUrl: string,
  deps: { makeArticle: MakeArticle; fetchPage?: FetchPage; maxChars?: number },
): Promise<ItemArticle> {
  const source = `feed:${feedUrl}`;
  const body = item.contentHtml ?? item.summaryHtml ?? '';
  const plain = htmlToPlainText(body);
  const limit = deps.maxChars ?? Number.POSITIVE_INFINITY;
  // Checked before parsing: a feed body can be megabytes, and parsing plus analysing it would hold
  // the event loop for seconds (`/article add` refuses the same size with ARTICLE_TOO_LONG).
  if (plain.length > limit) return { tooLong: { size: plain.length, limit } };
  const meta = {
    source,
    ...(item.title !== '' && { title: item.title }),
    ...(item.publishedAt !== undefined && { publishedAt: item.publishedAt }),
  };
  let pageError: string | undefined;
  if (isTeaser(plain) && item.url && deps.fetchPage) {
    try {
      const page = await deps.fetchPage(item.url);
      const article = await deps.makeArticle({ ...meta, content: page.text, format: 'html', url: page.finalUrl });
      if (article.text.length > limit) return { tooLong: { size: article.text.length, limit } };
      // A page whose extracted text is no longer than the teaser (a paywall, a consent wall) adds nothing.
      if (article.text.length > plain.length) return { article, origin: 'page' };
    } catch (err) {
      pageError = codeOf(err);
    }
  }
  if (plain === '') return pageError === undefined ? {} : { pageError };
  try {
    const article = await deps.makeArticle({ ...meta, content: fragmentDocument(body), format: 'html', ...(item.url !== undefined && { url: item.url }) });
    if (article.text.length > limit) return { tooLong: { size: article.text.length, limit } };
    const origin: FullTextOrigin = isTeaser(plain) ? 'teaser' : 'feed';
    return pageError === undefined ? { article, origin } : { article, origin, pageError };
  } catch (err) {
    return { pageError: pageError ?? codeOf(err) };
  }
}
