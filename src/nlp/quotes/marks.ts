/**
 * Quote-mark pairing: which spans of the text are inside quotation marks. Linear in the text, one
 * pass per paragraph, robust to what news sites publish: straight and curly marks mixed in one pair
 * (the seed opens with " and closes with ”), a missing closing mark, a quotation that runs over
 * several paragraphs (each reopened with a mark and only the last one closed), nested single quotes,
 * and text quoted with single marks only.
 */
import type { Segmentation } from '../segment';

export interface QuoteRegion {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset of the closing mark, or -1 when the quotation continues in the next paragraph. */
  readonly close: number;
  /** Content bounds, marks excluded. */
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  /** Words inside (capped at WORD_COUNT_CAP: only small counts matter). */
  readonly words: number;
  /** The next region (next paragraph) continues this quotation. */
  readonly continues: boolean;
  /** This region continues the previous one (its paragraph reopened the quotation). */
  readonly continuation: boolean;
  /** Paired with single marks. */
  readonly single: boolean;
}

/** Opening-only and closing-only marks in the original text; straight marks are decided by context. */
const OPENERS = new Set(['\u201C', '\u201E', '\u00AB', '\u2018', '\u201A']);
const CLOSERS = new Set(['\u201D', '\u00BB', '\u2019']);
const WORD_COUNT_CAP = 50;

type Hint = 'open' | 'close' | 'either';

function isSpaceOrStart(ch: string | undefined): boolean {
  return ch === undefined || /[\s([{\u2014\u2013\-\/]/.test(ch);
}
function isSpaceOrEnd(ch: string | undefined): boolean {
  return ch === undefined || /[\s.,;:!?)\]}\u2014\u2013\-\/]/.test(ch);
}

function hintAt(text: string, folded: string, i: number): Hint {
  const ch = text[i]!;
  if (OPENERS.has(ch)) return 'open';
  if (CLOSERS.has(ch)) return 'close';
  const before = isSpaceOrStart(folded[i - 1]);
  const after = isSpaceOrEnd(folded[i + 1]);
  if (before && !after) return 'open';
  if (after && !before) return 'close';
  return 'either';
}

/** Lazily filled class table for the BMP: 0 = unknown, 1 = letter or number (\p{L}\p{N}), 2 = other. */
const LETTER_OR_NUMBER = new Uint8Array(65536);
const LETTER_OR_NUMBER_RE = /^[\p{L}\p{N}]$/u;

/** `/[\p{L}\p{N}]/u` on one UTF-16 code unit (a surrogate half alone is neither), from a table. */
function isLetterOrNumberCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let k = LETTER_OR_NUMBER[c]!;
  if (k === 0) {
    k = LETTER_OR_NUMBER_RE.test(String.fromCharCode(c)) ? 1 : 2;
    LETTER_OR_NUMBER[c] = k;
  }
  return k === 1;
}

function countWords(folded: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end && n < WORD_COUNT_CAP; i++) {
    const c = folded.charCodeAt(i);
    const w = isLetterOrNumberCode(c);
    if (w && !inWord) n++;
    inWord = w || (inWord && (c === 0x27 || c === 0x2d));
  }
  return n;
}

/** A single mark that is an apostrophe, not a quotation mark ("don't", "'90s", "voters' rights"). */
function isApostrophe(folded: string, i: number): boolean {
  const prev = folded[i - 1];
  const next = folded[i + 1];
  const letter = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  if (letter(prev) && letter(next)) return true;
  if (next !== undefined && /\d/.test(next) && isSpaceOrStart(prev)) return true;
  if (prev === 's' && next !== undefined && /\s/.test(next)) return true;
  return false;
}

interface Mark {
  readonly at: number;
  readonly hint: Hint;
}

/** Pair the marks of one paragraph (double marks, or single ones when it has no double mark). */
function pairParagraph(
  text: string,
  folded: string,
  pStart: number,
  pEnd: number,
  paragraph: number,
  single: boolean,
  out: QuoteRegion[],
): { openAtEnd: number } {
  const marks: Mark[] = [];
  const mark = single ? 0x27 : 0x22;
  // Scan this paragraph only: an indexOf that ran on to the next mark past the paragraph would
  // make a text of many mark-less paragraphs quadratic.
  for (let i = pStart; i < pEnd; i++) {
    if (folded.charCodeAt(i) !== mark) continue;
    if (single && isApostrophe(folded, i)) continue;
    marks.push({ at: i, hint: hintAt(text, folded, i) });
  }
  let open = -1;
  for (const m of marks) {
    if (open < 0) {
      // A closing mark with nothing open is unpaired: skip it.
      if (m.hint !== 'close') open = m.at;
      continue;
    }
    if (m.hint === 'open' && m.at > open + 1) {
      // Two openers in a row: the first one was never closed. Drop it and start again here.
      open = m.at;
      continue;
    }
    const start = open + 1;
    const end = m.at;
    out.push({
      open,
      close: m.at,
      start,
      end,
      paragraph,
      words: countWords(folded, start, end),
      continues: false,
      continuation: false,
      single,
    });
    open = -1;
  }
  return { openAtEnd: open };
}

/**
 * Pair quotation marks over the whole text. Regions come in text order; a quotation left open at
 * a paragraph end continues into the next paragraph when that one starts with an opening mark.
 */
export function pairQuoteMarks(seg: Segmentation): QuoteRegion[] {
  const { text, folded } = seg;
  const regions: QuoteRegion[] = [];
  let continuing = false;
  let nextDouble = folded.indexOf('"');
  for (let p = 0; p < seg.paragraphs.length; p++) {
    const para = seg.paragraphs[p]!;
    // The next double mark at or after this paragraph, found once and reused until passed (linear overall).
    if (nextDouble >= 0 && nextDouble < para.start) nextDouble = folded.indexOf('"', para.start);
    const hasDouble = nextDouble >= 0 && nextDouble < para.end;
    const before = regions.length;
    const { openAtEnd } = pairParagraph(text, folded, para.start, para.end, p, !hasDouble, regions);
    // Mark the first region of a paragraph that reopened an open quotation.
    if (continuing && regions.length > before && regions[before]!.open === para.start) {
      regions[before] = { ...regions[before]!, continuation: true };
    }
    const wasContinuing = continuing;
    continuing = false;
    if (openAtEnd >= 0) {
      const next = seg.paragraphs[p + 1];
      const reopens = next !== undefined && folded[next.start] === (hasDouble ? '"' : "'");
      if (reopens) {
        const start = openAtEnd + 1;
        const isContinuation = wasContinuing && openAtEnd === para.start;
        regions.push({
          open: openAtEnd,
          close: -1,
          start,
          end: para.end,
          paragraph: p,
          words: countWords(folded, start, para.end),
          continues: true,
          continuation: isContinuation,
          single: !hasDouble,
        });
        continuing = true;
      }
    }
  }
  return regions;
}
