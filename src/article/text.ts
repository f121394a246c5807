/**
 * Plain text: paragraphs are separated by blank lines; hard-wrapped lines inside a paragraph are
 * joined. The first line is the title when it looks like a headline.
 */
import type { ExtractedParts } from './build';
import { normalizeLineEndings, normalizeParagraph } from './whitespace';

/** A headline is short: longer first lines are the article's opening paragraph. */
const MAX_HEADLINE_LENGTH = 200;
const MAX_HEADLINE_WORDS = 30;
/** Lines up to this length inside a block are treated as hard wrapping (e-mail, 72-80 columns) and joined. */
const HARD_WRAP_WIDTH = 100;
/** A byline line right under the title: "By Jane Doe" / "By Jane Doe and John Roe, Reuters". */
const BYLINE = /^by\s+\p{Lu}[\p{L}\p{M}.'’\- ]{1,80}(?:,\s?[\p{L}\p{M}.'’\- ]{1,60})?$/iu;

export function parsePlainText(content: string): ExtractedParts {
  const blocks = splitBlocks(normalizeLineEndings(content));
  let title: string | undefined;
  let byline: string | undefined;
  const first = blocks[0];
  if (blocks.length > 1 && first && first.length === 1 && looksLikeHeadline(first[0]!)) {
    title = normalizeParagraph(first[0]!);
    blocks.shift();
    const next = blocks[0];
    if (blocks.length > 1 && next && next.length === 1 && BYLINE.test(normalizeParagraph(next[0]!))) {
      byline = normalizeParagraph(next[0]!).replace(/^by\s+/i, '');
      blocks.shift();
    }
  }
  const paragraphs = blocks.flatMap(blockParagraphs);
  return { ...(title ? { title } : {}), ...(byline ? { byline } : {}), paragraphs };
}

/** Short, no final period/colon/comma, not a list item: "Trump announces ... in the U.S" qualifies. */
export function looksLikeHeadline(line: string): boolean {
  const t = normalizeParagraph(line);
  if (t.length === 0 || t.length > MAX_HEADLINE_LENGTH) return false;
  if (t.split(' ').length > MAX_HEADLINE_WORDS) return false;
  if (/[.,;:]$/.test(t) && !/\.\.\.$|…$/.test(t)) return false;
  if (/^[-*•]\s/.test(t)) return false;
  return /[\p{L}\p{N}]/u.test(t);
}

/** Blocks of non-blank lines. */
function splitBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) blocks.push(current);
  return blocks;
}

/** A block is one hard-wrapped paragraph, or (when its lines are long) one paragraph per line. */
function blockParagraphs(lines: string[]): string[] {
  const wrapped = lines.slice(0, -1).every((l) => l.trim().length <= HARD_WRAP_WIDTH);
  return wrapped ? [lines.join(' ')] : lines;
}
