/**
 * Segmentation: paragraphs, sentences and tokens with character offsets into the text.
 *
 * Pure and linear-time: one sticky-regex pass for tokens, one pass over tokens for sentence
 * boundaries, with O(1) look-ups (precomputed next-quote indexes) so hostile text such as a
 * megabyte of periods or ten thousand quote marks stays linear. The rules are news-specific:
 * abbreviations and initials, decimals and times, quotes that contain several sentences,
 * straight/curly quote marks that do not pair up, headlines without a full stop.
 */
import { foldForAnalysis } from './fold';
import {
  ABBREVIATIONS_BEFORE_NUMBERS,
  ABBREVIATIONS_MAY_END_SENTENCE,
  SENTENCE_STARTERS,
  TITLE_ABBREVIATIONS,
} from './lexicon/abbreviations';

export type TokenKind = 'word' | 'number' | 'abbrev' | 'punct' | 'quote' | 'symbol' | 'url';

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
}

export interface Sentence {
  readonly start: number;
  readonly end: number;
  /** Index into `paragraphs`. */
  readonly paragraph: number;
  /** Token range [tokenStart, tokenEnd) into `tokens`. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

export interface Paragraph {
  readonly start: number;
  readonly end: number;
  /** Sentence range [sentenceStart, sentenceEnd) into `sentences`. */
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
}

export interface Segmentation {
  /** The original text; all offsets refer to it. */
  readonly text: string;
  /** The same text folded for analysis (curly quotes straightened...), same length and offsets. */
  readonly folded: string;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
}

/**
 * One token per match. Order matters: URLs before words, dotted abbreviations ("U.S.", "a.m.",
 * "J.R.R.") before words so their final period stays inside the token, numbers with decimals,
 * thousands separators, times and ordinals as one token ("3.5", "1,200", "10:30", "20th").
 */
const TOKEN_RE = new RegExp(
  [
    String.raw`(?<ws>\s+)`,
    String.raw`(?<url>https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'])`,
    String.raw`(?<abbrev>(?:\p{L}\.){2,}(?!\p{L}))`,
    String.raw`(?<number>\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s|%)?(?![\p{L}\d]))`,
    // Words keep inner apostrophes and hyphens ("Grenell's", "coup-plotting") and dotted site
    // names ("News.Az", "Amazon.com"): a dot glued between letters with no space is not a boundary.
    String.raw`(?<word>[\p{L}\p{M}\p{N}_]+(?:(?:['\-][\p{L}\p{M}\p{N}]+)|(?:\.[A-Za-z]{2,6}(?![\p{L}\p{N}])))*)`,
    String.raw`(?<ellipsis>\.{2,}|\u2026)`,
    String.raw`(?<quote>["'])`,
    String.raw`(?<punct>[.!?,;:()\[\]{}\u2014\u2013\-\/])`,
    String.raw`(?<symbol>[\s\S])`,
  ].join('|'),
  'uy',
);

interface RawToken {
  start: number;
  end: number;
  kind: TokenKind;
  /** A newline occurs in the whitespace before this token. */
  afterNewline: boolean;
}

function tokenize(folded: string, from: number, to: number, out: RawToken[]): void {
  TOKEN_RE.lastIndex = from;
  let afterNewline = false;
  while (TOKEN_RE.lastIndex < to) {
    const start = TOKEN_RE.lastIndex;
    const m = TOKEN_RE.exec(folded);
    if (!m || !m.groups) break;
    const g = m.groups;
    const end = Math.min(start + m[0].length, to);
    if (g.ws !== undefined) {
      if (m[0].includes('\n')) afterNewline = true;
      continue;
    }
    let kind: TokenKind;
    if (g.url !== undefined) kind = 'url';
    else if (g.abbrev !== undefined) kind = 'abbrev';
    else if (g.number !== undefined) kind = 'number';
    else if (g.word !== undefined) kind = 'word';
    else if (g.ellipsis !== undefined || g.punct !== undefined) kind = 'punct';
    else if (g.quote !== undefined) kind = 'quote';
    else kind = 'symbol';
    out.push({ start, end, kind, afterNewline });
    afterNewline = false;
  }
}

/** Paragraphs: blocks separated by blank lines; a text with no blank line at all has one per line. */
function paragraphSpans(folded: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const separator = /\n[ ]*\n\s*/g.test(folded) ? /\n[ ]*\n\s*/g : /\n\s*/g;
  separator.lastIndex = 0;
  let blockStart = 0;
  const push = (s: number, e: number): void => {
    while (s < e && /\s/.test(folded[s]!)) s++;
    while (e > s && /\s/.test(folded[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let m = separator.exec(folded); m; m = separator.exec(folded)) {
    push(blockStart, m.index);
    blockStart = m.index + m[0].length;
  }
  push(blockStart, folded.length);
  return spans;
}

const TERMINALS = new Set(['.', '!', '?']);
const CLOSERS = new Set(['"', "'", ')', ']', '}']);

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isLower(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Lines that begin a list item end the sentence before them. */
const LIST_ITEM_START = /^(?:[-*\u2022\u25CF\u25AA]|\d{1,2}[.)])$/;
/** A short line with no final punctuation followed by a capitalized line is a heading. */
const HEADING_LINE_MAX_CHARS = 60;

/**
 * Segment `text` into paragraphs, sentences and tokens. Offsets are JavaScript string indices into
 * `text` (which is also `folded`'s geometry).
 */
export function segment(text: string): Segmentation {
  const folded = foldForAnalysis(text);
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const tokens: RawToken[] = [];

  for (const span of paragraphSpans(folded)) {
    const tokenFrom = tokens.length;
    tokenize(folded, span.start, span.end, tokens);
    const sentenceFrom = sentences.length;
    splitSentences(folded, tokens, tokenFrom, tokens.length, paragraphs.length, sentences);
    paragraphs.push({ start: span.start, end: span.end, sentenceStart: sentenceFrom, sentenceEnd: sentences.length });
  }
  return {
    text,
    folded,
    paragraphs,
    sentences,
    tokens: tokens.map(({ start, end, kind }) => ({ start, end, kind })),
  };
}

function splitSentences(
  folded: string,
  tokens: readonly RawToken[],
  from: number,
  to: number,
  paragraph: number,
  out: Sentence[],
): void {
  if (from >= to) return;
  // nextQuote[i] = index of the first double-quote token at or after i (to = none). Computed
  // backwards once so the "is this quote closed by a comma?" check is O(1).
  const nextQuote = new Int32Array(to - from + 1);
  nextQuote[to - from] = to;
  for (let i = to - 1; i >= from; i--) {
    nextQuote[i - from] = folded[tokens[i]!.start] === '"' && tokens[i]!.kind === 'quote' ? i : nextQuote[i + 1 - from]!;
  }
  const text = (t: RawToken): string => folded.slice(t.start, t.end);

  let sentenceStart = from;
  let quotesSeen = 0; // double quotes seen in this paragraph so far: odd = inside a quotation
  const close = (lastToken: number): void => {
    if (lastToken < sentenceStart) return;
    out.push({
      start: tokens[sentenceStart]!.start,
      end: tokens[lastToken]!.end,
      paragraph,
      tokenStart: sentenceStart,
      tokenEnd: lastToken + 1,
    });
    sentenceStart = lastToken + 1;
  };

  for (let i = from; i < to; i++) {
    const tok = tokens[i]!;
    // A line break inside a paragraph: a list item or a heading line ends the sentence before it.
    if (tok.afterNewline && i > sentenceStart && breaksAtLineStart(folded, tokens, sentenceStart, i)) {
      close(i - 1);
    }
    if (tok.kind === 'quote' && folded[tok.start] === '"') quotesSeen++;

    const t = text(tok);
    const isTerminal =
      (tok.kind === 'punct' && (TERMINALS.has(t) || t.startsWith('..') || t === '\u2026')) ||
      (tok.kind === 'abbrev' && t.endsWith('.'));
    if (!isTerminal) continue;

    // Take closers glued to the terminal ('."', '.)', '?"').
    let last = i;
    while (
      last + 1 < to &&
      tokens[last + 1]!.start === tokens[last]!.end &&
      CLOSERS.has(folded[tokens[last + 1]!.start]!) &&
      (tokens[last + 1]!.kind === 'quote' || tokens[last + 1]!.kind === 'punct')
    ) {
      last++;
      if (folded[tokens[last]!.start] === '"') quotesSeen++;
    }
    // Further terminals right after ("?!", "!!") belong to the same boundary.
    while (last + 1 < to && tokens[last + 1]!.kind === 'punct' && TERMINALS.has(text(tokens[last + 1]!))) last++;

    if (last + 1 >= to) {
      i = last;
      break; // end of paragraph closes the sentence below
    }
    if (isBoundary(folded, tokens, i, last, to, quotesSeen, nextQuote, from)) {
      close(last);
    }
    i = last;
  }
  close(to - 1);
}

function breaksAtLineStart(folded: string, tokens: readonly RawToken[], sentenceStart: number, i: number): boolean {
  const tok = tokens[i]!;
  const t = folded.slice(tok.start, tok.end);
  if (LIST_ITEM_START.test(t) && (i + 1 >= tokens.length || tokens[i + 1]!.start > tok.end || t.length > 1)) return true;
  const prev = tokens[i - 1]!;
  const prevText = folded.slice(prev.start, prev.end);
  if (TERMINALS.has(prevText) || CLOSERS.has(prevText)) return false; // handled by the terminal rule
  if (!isUpper(folded[tok.start]) && tok.kind !== 'quote' && tok.kind !== 'number') return false;
  // Start of the previous line.
  let lineStart = sentenceStart;
  for (let k = i - 1; k > sentenceStart; k--) {
    if (tokens[k]!.afterNewline) {
      lineStart = k;
      break;
    }
  }
  const lineChars = prev.end - tokens[lineStart]!.start;
  return lineChars <= HEADING_LINE_MAX_CHARS && ![',', ';', '-', '\u2014', '\u2013', '('].includes(prevText) && prev.kind !== 'quote';
}

/**
 * Decide whether the terminal at `term` (with glued closers up to `last`) ends a sentence, looking
 * at the word before it and the first word after it.
 */
function isBoundary(
  folded: string,
  tokens: readonly RawToken[],
  term: number,
  last: number,
  to: number,
  quotesSeen: number,
  nextQuote: Int32Array,
  from: number,
): boolean {
  const termTok = tokens[term]!;
  const termText = folded.slice(termTok.start, termTok.end);
  // First token after the boundary, skipping opening quotes and brackets.
  let n = last + 1;
  while (n < to && (tokens[n]!.kind === 'quote' || folded[tokens[n]!.start] === '(' || folded[tokens[n]!.start] === '[')) n++;
  if (n >= to) return true;
  const next = tokens[n]!;
  const nextFirst = folded[next.start];
  const nextWord = folded.slice(next.start, next.end);

  // Lowercase continuation never starts a sentence ("etc. and", "'Why?' he asked").
  if (isLower(nextFirst)) return false;
  // Punctuation right after ('Jan. 20,' is a number; '., ' or '.;' is inside a sentence).
  if (next.kind === 'punct' && [',', ';', ':', ')', ']'].includes(nextWord)) return false;

  // Inside a quotation that is closed by a comma ("We will win. We always win," he said.) the
  // whole quotation and its attribution are one sentence.
  if (quotesSeen % 2 === 1) {
    const closing = nextQuote[last + 1 - from]!;
    if (closing < to && closing > 0) {
      const before = folded.slice(tokens[closing - 1]!.start, tokens[closing - 1]!.end);
      if (before === ',' || before === '\u2014' || before === '-') return false;
    }
  }

  if (termText === '?' || termText === '!') return true;
  if (termText.startsWith('..') || termText === '\u2026') return isUpper(nextFirst) || next.kind === 'quote';

  if (termTok.kind === 'abbrev') {
    // "U.S." / "a.m." / "J.R.R.": ends a sentence only before a word that starts sentences.
    return SENTENCE_STARTERS.has(nextWord) || (last > term && folded[tokens[last]!.start] === '"');
  }

  // A period: look at the word glued before it.
  const prev = term > from ? tokens[term - 1]! : undefined;
  if (!prev || prev.end !== termTok.start) return true;
  const prevWord = folded.slice(prev.start, prev.end);
  const closedQuote = last > term; // '."' — a closed quotation ends here
  if (prev.kind === 'word') {
    const key = prevWord.toLowerCase();
    if (TITLE_ABBREVIATIONS.has(key)) return closedQuote && SENTENCE_STARTERS.has(nextWord);
    if (next.kind === 'number') return !ABBREVIATIONS_BEFORE_NUMBERS.has(key);
    if (ABBREVIATIONS_BEFORE_NUMBERS.has(key) || ABBREVIATIONS_MAY_END_SENTENCE.has(key)) {
      return closedQuote || SENTENCE_STARTERS.has(nextWord);
    }
    // An initial: "John F. Kennedy", "J. K. Rowling" — but "Plan B. The".
    if (prevWord.length === 1 && isUpper(prevWord)) return closedQuote || SENTENCE_STARTERS.has(nextWord);
  }
  return true;
}
