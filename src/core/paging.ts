/**
 * Paging: long answers are split into pages, and a page's buttons carry everything needed to
 * render the neighbouring page (`prefix:...args:page`), so a click works even after a restart.
 *
 * Usage in a command (see commands/article.ts, "list"):
 *   const buttons = pageButtons('alist', [guildId], page, pageCount);
 *   ctx.reply({ embeds: [...], buttons: buttons ? [buttons] : [] });
 * and declare `components: { alist: (ctx) => ... ctx.update(renderPage(Number(ctx.args[1]))) }`.
 */
import { encodeCustomId } from './custom-id';
import { LIMITS } from './limits';
import type { Button } from './reply';

/** Prev/Next buttons for page `page` (0-based) of `pageCount`, or undefined when there is one page. */
export function pageButtons(
  prefix: string,
  args: ReadonlyArray<string | number>,
  page: number,
  pageCount: number,
): Button[] | undefined {
  if (pageCount <= 1) return undefined;
  const prev = Math.max(0, page - 1);
  const next = Math.min(pageCount - 1, page + 1);
  return [
    { customId: encodeCustomId(prefix, ...args, prev), label: '◀ Previous', style: 'secondary', disabled: page <= 0 },
    {
      customId: encodeCustomId(prefix, ...args, next),
      label: 'Next ▶',
      style: 'secondary',
      disabled: page >= pageCount - 1,
    },
  ];
}

/** "Page 2 of 5" (1-based for people). */
export const pageLabel = (page: number, pageCount: number): string => `Page ${page + 1} of ${pageCount}`;

/**
 * Group text blocks into pages of at most `maxChars` (joined by `separator`) and at most
 * `maxItems` blocks each. A single block longer than a page is cut (marked "…") rather than lost;
 * a cut block keeps its type (the start of escaped Markdown is still escaped Markdown).
 */
export function paginateBlocks<T extends string>(
  blocks: readonly T[],
  { maxChars = LIMITS.embedDescription, maxItems = Infinity, separator = '\n' }: { maxChars?: number; maxItems?: number; separator?: string } = {},
): T[][] {
  const pages: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const raw of blocks) {
    const block = raw.length > maxChars ? (`${raw.slice(0, maxChars - 1)}…` as T) : raw;
    const added = (current.length ? separator.length : 0) + block.length;
    if (current.length > 0 && (size + added > maxChars || current.length >= maxItems)) {
      pages.push(current);
      current = [];
      size = 0;
    }
    size += (current.length ? separator.length : 0) + block.length;
    current.push(block);
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

/** The page number in a click's args (last arg), clamped to [0, pageCount). Bad input gives 0. */
export function pageFromArg(arg: string | undefined, pageCount = Number.MAX_SAFE_INTEGER): number {
  const n = Number.parseInt(arg ?? '', 10);
  if (!Number.isFinite(n) || n < 0) return 0;
  return Math.min(n, Math.max(0, pageCount - 1));
}
