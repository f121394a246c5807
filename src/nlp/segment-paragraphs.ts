/**
 * Paragraph spans for `segment()`: one pass over the lines of the folded text.
 *
 * Blank lines separate paragraphs when the text has any. A text without a single blank line is
 * either one paragraph per line (feeds, pasted lists) or hard-wrapped prose (e-mail, plain-text
 * wires); wrapped prose is detected from its line lengths and its lines are joined back.
 */
import { isSpaceCode } from './segment-tokens';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Thresholds for telling hard-wrapped prose from one-line paragraphs, each with its reason. */
export const WRAP_RULES = {
  /** Wrapped prose needs a few lines to show its width. */
  minLines: 3,
  /** Plain-text wrapping happens at 60-80 columns; longer lines are unwrapped paragraphs. */
  maxWidth: 100,
  /** A wrapped line fills at least this share of the width (the longest word decides the rest). */
  fullLineShare: 0.75,
  /** Share of lines that must be full for the whole text to count as wrapped. */
  fullLinesNeeded: 0.5,
} as const;

interface Line {
  start: number;
  end: number;
}

/** Trimmed lines of `s` (empty lines kept with start === end), in one pass. */
function linesOf(s: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s.charCodeAt(i) === 10) {
      let a = lineStart;
      let b = i;
      while (a < b && isSpaceCode(s.charCodeAt(a))) a++;
      while (b > a && isSpaceCode(s.charCodeAt(b - 1))) b--;
      lines.push({ start: a, end: b });
      lineStart = i + 1;
    }
  }
  return lines;
}

/** A line that begins a list item ("- ", "* ", "• ", "1. ", "2) "): it starts a paragraph in unwrapped text too. */
export function startsListItem(s: string, at: number, end: number): boolean {
  const c = s.charCodeAt(at);
  if (LIST_BULLETS.has(c)) return at + 1 < end && isSpaceCode(s.charCodeAt(at + 1));
  let j = at;
  while (j < end && j - at < 3 && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
  if (j === at || j + 1 >= end) return false;
  const d = s.charCodeAt(j);
  return (d === 0x2e || d === 0x29) && isSpaceCode(s.charCodeAt(j + 1));
}

/** Bullet characters that open a list item when followed by a space. */
const LIST_BULLETS = new Set([0x2d, 0x2a, 0x2022, 0x00b7, 0x2023, 0x25aa, 0x25cf, 0x25e6, 0x2043, 0x2013, 0x2014]);

/** Characters that end a line as a unit: terminals, closers and colons. */
const LINE_FINAL = new Set([0x2e, 0x21, 0x3f, 0x3a, 0x2026, 0x22, 0x27, 0x29, 0x5d]);

/** A line that starts with a lowercase letter or a digit (not a list item) after a line without final punctuation goes on from it. */
function continuesLine(s: string, prevEnd: number, l: Line): boolean {
  if (LINE_FINAL.has(s.charCodeAt(prevEnd - 1))) return false;
  const c = s[l.start]!;
  const lower = c !== c.toUpperCase() && c === c.toLowerCase();
  const digit = c >= '0' && c <= '9';
  return (lower || digit) && !startsListItem(s, l.start, l.end);
}

/** Paragraph spans (trimmed, non-empty) of the folded text. */
export function paragraphSpans(s: string): Span[] {
  const lines = linesOf(s);
  const spans: Span[] = [];
  // Blank lines count only between text: leading and trailing ones say nothing about the layout.
  const first = lines.findIndex((l) => l.end > l.start);
  let last = lines.length - 1;
  while (last > first && lines[last]!.end === lines[last]!.start) last--;
  const hasBlank = first >= 0 && lines.some((l, k) => l.start === l.end && k > first && k < last);
  let open: Line | undefined;
  const flush = (): void => {
    if (open) spans.push({ start: open.start, end: open.end });
    open = undefined;
  };
  if (hasBlank) {
    for (const l of lines) {
      if (l.start === l.end) flush();
      else if (open) open.end = l.end;
      else open = { start: l.start, end: l.end };
    }
    flush();
    return spans;
  }
  const nonEmpty = lines.filter((l) => l.end > l.start);
  const width = nonEmpty.reduce((m, l) => Math.max(m, l.end - l.start), 0);
  const full = nonEmpty.filter((l) => l.end - l.start >= WRAP_RULES.fullLineShare * width).length;
  const wrapped =
    nonEmpty.length >= WRAP_RULES.minLines && width <= WRAP_RULES.maxWidth && full >= WRAP_RULES.fullLinesNeeded * nonEmpty.length;
  for (const l of nonEmpty) {
    // Wrapped prose: a short line ended its paragraph; a list item starts a new one. Unwrapped
    // text: each line is a paragraph unless it plainly continues the line before ("O\n2 molecules").
    if (open && (wrapped ? startsListItem(s, l.start, l.end) : !continuesLine(s, open.end, l))) flush();
    if (open) open.end = l.end;
    else open = { start: l.start, end: l.end };
    if (wrapped && l.end - l.start < WRAP_RULES.fullLineShare * width) flush();
  }
  flush();
  return spans;
}
