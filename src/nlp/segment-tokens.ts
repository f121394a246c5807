/**
 * The tokenizer behind `segment()`: one forward pass over character codes, no regex and no string
 * allocation on the hot path (lexicon look-ups slice only at the rare glued period or '@'). Every
 * character that is not JavaScript whitespace (`/\s/`) ends up inside exactly one token.
 */
import { DOMAIN_SUFFIXES } from './lexicon/abbreviations';

export type TokenKind = 'word' | 'number' | 'abbrev' | 'punct' | 'quote' | 'symbol' | 'url';

/** One token; `[start, end)` are string offsets into the segmented text. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
}

/** Where line breaks fall, recorded while tokenizing one range. */
export interface LineMarks {
  /** Indexes of tokens that are the first on their line (a newline occurs in the whitespace before them). */
  readonly lineStartTokens: number[];
  /** Length in characters of the longest line in the range (trimmed), used to tell headings from wrapped lines. */
  maxLineChars: number;
}

/** JavaScript's `\s` set, by code: the tokenizer must agree with it exactly (tested). */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Lazily filled class table for the BMP: 0 = unknown, 1 = word character (\p{L}\p{M}\p{N}), 2 = other. */
const WORD_CLASS = new Uint8Array(65536);
const WORD_CHAR_RE = /^[\p{L}\p{M}\p{N}]$/u;

/** Letters, combining marks, digits and '_' make words; surrogates (emoji, lone halves) never do. */
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let k = WORD_CLASS[c]!;
  if (k === 0) {
    k = WORD_CHAR_RE.test(String.fromCharCode(c)) ? 1 : 2;
    WORD_CLASS[c] = k;
  }
  return k === 1;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** Characters that are punctuation tokens of their own (one character each, except runs of dashes); HuffPost-style datelines use U+2015. */
const PUNCT_CODES = new Set([
  0x2e, 0x21, 0x3f, 0x2c, 0x3b, 0x3a, 0x28, 0x29, 0x5b, 0x5d, 0x7b, 0x7d, 0x2014, 0x2013, 0x2015, 0x2012, 0x2d, 0x2f, 0x2026,
  // Chinese and Japanese full stops, full-width ! ? , ; : (written with no space after them).
  0x3002, 0xff61, 0xff01, 0xff1f, 0xff0c, 0x3001, 0xff1b, 0xff1a,
]);
/** Straight quote marks (curly ones are folded to these before tokenizing). */
const DQUOTE = 0x22;
const SQUOTE = 0x27;

/** Ordinal and plural suffixes that stay in a number token ("20th", "1990s"). */
const NUMBER_SUFFIXES: ReadonlySet<string> = new Set(['st', 'nd', 'rd', 'th', 's']);
/** Characters that may sit between digit groups of one number ("3.5", "1,200", "10:30", "9/11"). */
const NUMBER_JOINERS = new Set([0x2e, 0x2c, 0x3a, 0x2f]);
/** Characters a URL does not contain (it stops there). */
const URL_STOP = new Set([DQUOTE, 0x3c, 0x3e, 0x60]);
/** Characters trimmed off the end of a URL: sentence punctuation glued after it. */
const URL_TRAILING = new Set([0x2e, 0x2c, 0x3b, 0x3a, 0x21, 0x3f, SQUOTE, 0x29, 0x5d]);

/**
 * Tokenize `s[from, to)` into `out`, recording line starts in `marks`. Linear: every branch
 * consumes at least one character and every look-ahead is bounded by what it consumes.
 */
export function tokenize(s: string, from: number, to: number, out: Token[], marks: LineMarks): void {
  let i = from;
  let lineStartChar = -1;
  let lastTokenEnd = from;
  let sawNewline = false;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) sawNewline = true;
      i++;
      continue;
    }
    if (sawNewline || lineStartChar < 0) {
      if (lineStartChar >= 0) {
        marks.lineStartTokens.push(out.length);
        if (lastTokenEnd - lineStartChar > marks.maxLineChars) marks.maxLineChars = lastTokenEnd - lineStartChar;
      }
      lineStartChar = i;
      sawNewline = false;
    }
    const start = i;
    let kind: TokenKind;
    if (isWordCode(c)) {
      const url = scanUrl(s, i, to);
      if (url > i) {
        i = url;
        kind = 'url';
      } else if (isDigit(c)) {
        const n = scanNumber(s, i, to);
        if (n > 0) {
          i = n;
          kind = 'number';
        } else {
          i = scanWord(s, i, to);
          kind = scannedKind;
        }
      } else {
        i = scanWord(s, i, to);
        kind = scannedKind;
      }
    } else if (c === 0x2e && i + 1 < to && s.charCodeAt(i + 1) === 0x2e) {
      // An ellipsis written as dots: one token however long ("...", "....", a megabyte of periods).
      while (i < to && s.charCodeAt(i) === 0x2e) i++;
      kind = 'punct';
    } else if (c === 0x2e && i + 4 < to && s.charCodeAt(i + 1) === 32 && s.charCodeAt(i + 2) === 0x2e && s.charCodeAt(i + 3) === 32 && s.charCodeAt(i + 4) === 0x2e) {
      // The spaced ellipsis of AP style (". . .").
      i += 5;
      kind = 'punct';
    } else if (c === 0x2d && i + 1 < to && s.charCodeAt(i + 1) === 0x2d) {
      // "--" typed for a dash: one token.
      while (i < to && s.charCodeAt(i) === 0x2d) i++;
      kind = 'punct';
    } else if (PUNCT_CODES.has(c)) {
      i++;
      kind = 'punct';
    } else if (c === DQUOTE) {
      i++;
      kind = 'quote';
    } else if (c === SQUOTE) {
      // "'90s": an elided century is part of the number, not an opening quote.
      if (i + 3 < to && isDigit(s.charCodeAt(i + 1)) && isDigit(s.charCodeAt(i + 2)) && s.charCodeAt(i + 3) === 115 && !(i + 4 < to && isWordCode(s.charCodeAt(i + 4)))) {
        i += 4;
        kind = 'number';
      } else {
        i++;
        kind = 'quote';
      }
    } else if ((c === 0x40 || c === 0x23) && i + 1 < to && isWordCode(s.charCodeAt(i + 1))) {
      // "@handle" and "#hashtag" are single words.
      i = scanWord(s, i + 1, to);
      kind = 'word';
    } else {
      // Anything else is one symbol: a whole surrogate pair, or one lone surrogate half.
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < to && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      kind = 'symbol';
    }
    out.push({ start, end: i, kind });
    lastTokenEnd = i;
  }
  if (lineStartChar >= 0 && lastTokenEnd - lineStartChar > marks.maxLineChars) marks.maxLineChars = lastTokenEnd - lineStartChar;
}

/** "http://", "https://" or "www." at `i`: the URL's end (trailing sentence punctuation left out), else `i`. */
function scanUrl(s: string, i: number, to: number): number {
  const c = s.charCodeAt(i) | 0x20;
  let j: number;
  if (c === 0x68 && s.startsWith('http', i) && (s.startsWith('://', i + 4) || s.startsWith('s://', i + 4))) j = i + (s.charCodeAt(i + 4) === 0x3a ? 7 : 8);
  else if (c === 0x77 && (s.startsWith('www.', i) || s.startsWith('WWW.', i)) && i + 4 < to && isWordCode(s.charCodeAt(i + 4))) j = i + 4;
  else return i;
  return urlTail(s, i, j, to);
}

/** Extend a URL from `j` to the first space or stop character, then trim trailing punctuation. */
function urlTail(s: string, start: number, j: number, to: number): number {
  let opens = 0;
  while (j < to) {
    const c = s.charCodeAt(j);
    if (isSpaceCode(c) || URL_STOP.has(c)) break;
    if (c === 0x28) opens++;
    j++;
  }
  // A closing bracket stays only when the URL opened one ("wiki/Foo_(bar)").
  while (j > start + 1 && URL_TRAILING.has(s.charCodeAt(j - 1)) && !(s.charCodeAt(j - 1) === 0x29 && opens > 0)) j--;
  return j;
}

/** Digits with inner joiners and an optional suffix; returns the end, or 0 when the run is really a word ("3D", "4G"). */
function scanNumber(s: string, i: number, to: number): number {
  while (i < to && isDigit(s.charCodeAt(i))) i++;
  while (i + 1 < to && NUMBER_JOINERS.has(s.charCodeAt(i)) && isDigit(s.charCodeAt(i + 1))) {
    i++;
    while (i < to && isDigit(s.charCodeAt(i))) i++;
  }
  if (i < to && s.charCodeAt(i) === 0x25) return i + 1;
  if (i < to && isWordCode(s.charCodeAt(i))) {
    let j = i;
    while (j < to && isAsciiLetter(s.charCodeAt(j)) && j - i < 3) j++;
    if (j - i <= 2 && !(j < to && isWordCode(s.charCodeAt(j))) && NUMBER_SUFFIXES.has(s.slice(i, j).toLowerCase())) return j;
    return 0;
  }
  return i;
}

/** The kind of the token scanWord last returned the end of. */
let scannedKind: TokenKind = 'word';

function setKind(end: number, kind: TokenKind): number {
  scannedKind = kind;
  return end;
}

/**
 * A word from `i`: word characters joined by inner apostrophes, hyphens and ampersands
 * ("Grenell's", "coup-plotting", "AT&T"); a dotted abbreviation ("U.S.", "J.R.R.", "a.m.",
 * "Ph.D."); a bare domain ("News.Az", "bbc.co.uk", with a path it is a URL); or an email.
 * Returns the word's end and leaves its kind in `scannedKind` (no tuple allocated per word).
 */
function scanWord(s: string, i: number, to: number): number {
  const start = i;
  while (i < to && isWordCode(s.charCodeAt(i))) i++;
  // Dotted abbreviation: a segment of one or two letters, then single letters each after a period.
  if (i - start <= 2 && i + 1 < to && s.charCodeAt(i) === 0x2e && isLetterAt(s, i + 1, to) && !isWordAt(s, i + 2, to)) {
    let j = i;
    while (j + 1 < to && s.charCodeAt(j) === 0x2e && isLetterAt(s, j + 1, to) && !isWordAt(s, j + 2, to)) j += 2;
    if (j < to && s.charCodeAt(j) === 0x2e) j++;
    return setKind(j, 'abbrev');
  }
  for (;;) {
    const c = i < to ? s.charCodeAt(i) : -1;
    if ((c === SQUOTE || c === 0x2d || c === 0x26) && isWordAt(s, i + 1, to)) {
      i++;
      while (i < to && isWordCode(s.charCodeAt(i))) i++;
      continue;
    }
    if (c === 0x2e && isWordAt(s, i + 1, to)) {
      // A period glued between word characters: a domain, an email's local part, or a missing space.
      const chain = scanLabels(s, i, to);
      if (chain.end < to && s.charCodeAt(chain.end) === 0x40) {
        const email = hostAfterAt(s, chain.end, to);
        if (email > 0) return setKind(email, 'url');
      }
      if (chain.accepted > 0) {
        if (chain.accepted < to && s.charCodeAt(chain.accepted) === 0x2f) return setKind(urlTail(s, start, chain.accepted, to), 'url');
        return setKind(chain.accepted, 'word');
      }
    }
    if (c === 0x40) {
      const email = hostAfterAt(s, i, to);
      if (email > 0) return setKind(email, 'url');
    }
    return setKind(i, 'word');
  }
}

function isLetterAt(s: string, i: number, to: number): boolean {
  if (i >= to) return false;
  const c = s.charCodeAt(i);
  return isWordCode(c) && !isDigit(c);
}
function isWordAt(s: string, i: number, to: number): boolean {
  return i < to && isWordCode(s.charCodeAt(i));
}

/** Most labels a host name may have; bounds the look-ahead so "a.a.a.a..." stays linear. */
const MAX_LABELS = 8;

/**
 * From a period at `dot` glued to word characters: the end of the dotted chain of labels, and
 * the end of the last label that is a known top-level domain ("News.Az", "nytimes.com"; 0 = none).
 */
function scanLabels(s: string, dot: number, to: number): { end: number; accepted: number } {
  let j = dot;
  let accepted = 0;
  for (let labels = 0; labels < MAX_LABELS && j + 1 < to && s.charCodeAt(j) === 0x2e && isWordAt(s, j + 1, to); labels++) {
    const labelStart = j + 1;
    j = labelStart;
    while (j < to && (isWordCode(s.charCodeAt(j)) || (s.charCodeAt(j) === 0x2d && isWordAt(s, j + 1, to)))) j++;
    if (j - labelStart <= 6 && DOMAIN_SUFFIXES.has(s.slice(labelStart, j).toLowerCase())) accepted = j;
  }
  return { end: j, accepted };
}

/** The end of an email whose '@' is at `at` ("press@example.com"), or 0 when no known domain follows. */
function hostAfterAt(s: string, at: number, to: number): number {
  let j = at + 1;
  while (j < to && (isWordCode(s.charCodeAt(j)) || (s.charCodeAt(j) === 0x2d && isWordAt(s, j + 1, to)))) j++;
  if (j === at + 1) return 0;
  return scanLabels(s, j, to).accepted;
}
