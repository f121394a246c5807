/**
 * Paging lists of quotes (`/quotes`, `/whosaid`): blocks grouped into pages that fit an embed
 * description with room for a header line, and Prev/Next buttons whose ids carry the state.
 */
import { CustomIdError } from '../custom-id';
import { pageButtons, paginateBlocks } from '../paging';
import type { Button } from '../reply';
import { joinMarkdown, md, type Markdown } from '../markdown';

/** Quotes per page: five read at a glance and leave each up to ~700 characters. */
export const QUOTES_PER_PAGE = 5;
/** Description room for the blocks (4096 less a header line of source and date). */
export const PAGE_CHARS = 3600;

export interface QuotePages {
  /** The blocks of the page shown, joined by a blank line. */
  readonly text: Markdown;
  /** The page shown (clamped into range), 0-based. */
  readonly page: number;
  readonly pageCount: number;
}

/** Page `page` of the blocks rendered from `items`; pages are the same on every call for the same items. */
export function pagedQuotes<T>(items: readonly T[], block: (item: T) => Markdown, page: number): QuotePages {
  const pages = paginateBlocks(items.map(block), { maxChars: PAGE_CHARS, maxItems: QUOTES_PER_PAGE, separator: '\n\n' });
  const pageCount = Math.max(1, pages.length);
  const p = Math.min(Math.max(0, Math.trunc(page) || 0), pageCount - 1);
  return { text: joinMarkdown(pages[p] ?? [], md`\n\n`), page: p, pageCount };
}

/**
 * Prev/Next buttons, or undefined when there is one page or the state does not fit in a button id
 * (100 characters): then the first page is all that is shown, which the caller says.
 */
export function safePageButtons(prefix: string, args: ReadonlyArray<string | number>, page: number, pageCount: number): Button[] | undefined {
  try {
    return pageButtons(prefix, args, page, pageCount);
  } catch (err) {
    if (err instanceof CustomIdError) return undefined;
    throw err;
  }
}
