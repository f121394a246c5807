/**
 * Sentence-boundary rules for `segment()`: given a terminal ('.', '?', '!', an ellipsis or a
 * dotted abbreviation) and the closers glued to it, decide from the word before and the words
 * after whether a sentence ends there. Every look-ahead is bounded by a constant, so the
 * splitter stays linear. The word lists live in `lexicon/abbreviations.ts`.
 */
import {
  ABBREVIATIONS,
  CAPITALIZED_ONLY,
  CONNECTIVES,
  CONTINUES_AFTER_PLACE,
  CONTINUES_AFTER_SUFFIX,
  CONTINUES_AFTER_TIME,
  DOTTED_NEVER_ENDS,
  DOTTED_PLACES,
  DOTTED_TIMES,
  SENTENCE_STARTERS,
  SPEECH_VERBS,
} from './lexicon/abbreviations';
import { startsListItem } from './segment-paragraphs';
import type { Token } from './segment-tokens';

/** Limits of the bounded look-aheads, each with its reason. */
export const BOUNDARY_LIMITS = {
  /** Longest abbreviation in the tables ("approx"): longer words are never looked up. */
  maxAbbreviationChars: 6,
  /** '"Why?" Sen. Elizabeth Warren asked': at most this many words between a quote and its speech verb. */
  maxSpeakerWords: 3,
  /** A line this short next to the paragraph's longest line is a heading, not a wrapped line. */
  headingLineShare: 0.75,
  /** Absolute cap for a heading line inside a paragraph. */
  headingMaxChars: 90,
} as const;

const DOT = 0x2e;
const QMARK = 0x3f;
const BANG = 0x21;
const ELLIPSIS = 0x2026;
/**
 * Full stops and marks of Chinese and Japanese (。 ｡ ！ ？): they always end a sentence (no
 * abbreviation is written with them) and no space follows them.
 */
const CJK_TERMINALS: ReadonlySet<number> = new Set([0x3002, 0xff61, 0xff01, 0xff1f]);

/** Single-character terminals. */
const TERMINAL_CODES = new Set([DOT, QMARK, BANG]);
/** Characters that may close a sentence right after its terminal: '."', '?\'', '.)'. */
const CLOSER_CODES = new Set([0x22, 0x27, 0x29, 0x5d, 0x7d]);
/** Characters that open a sentence before its first word: '"', '\'', '(', '['. */
const OPENER_CODES = new Set([0x22, 0x27, 0x28, 0x5b]);
/** Punctuation that ends a line without ending anything: the sentence runs on to the next line. */
const RUN_ON_CODES = new Set([0x2c, 0x3b, 0x3a, 0x2d, 0x2014, 0x2013, 0x2015, 0x28, 0x2f, 0x26]);

function isUpperCode(s: string, at: number): boolean {
  const c = s.charCodeAt(at);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = s[at]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isLowerCode(s: string, at: number): boolean {
  const c = s.charCodeAt(at);
  if (c < 128) return c >= 97 && c <= 122;
  const ch = s[at]!;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** The paragraph being split: the folded text and its token range [from, to). */
export interface Window {
  readonly s: string;
  readonly tokens: readonly Token[];
  readonly from: number;
  readonly to: number;
}

/** Is token `i` a terminal that can end a sentence? */
export function isTerminal(w: Window, i: number): boolean {
  const t = w.tokens[i]!;
  if (t.kind === 'abbrev') return w.s.charCodeAt(t.end - 1) === DOT;
  if (t.kind !== 'punct') return false;
  const c = w.s.charCodeAt(t.start);
  return c === DOT || c === QMARK || c === BANG || c === ELLIPSIS || CJK_TERMINALS.has(c);
}

/**
 * The last token of the terminal group starting at `i`: closers glued to it ('."', '?)') and
 * further terminals ('?!', '!"!') belong to the same boundary.
 */
export function terminalGroupEnd(w: Window, i: number): number {
  let last = i;
  while (last + 1 < w.to) {
    const t = w.tokens[last + 1]!;
    if (t.start !== w.tokens[last]!.end) break;
    const c = w.s.charCodeAt(t.start);
    const closer = CLOSER_CODES.has(c) && (t.kind === 'quote' || t.kind === 'punct');
    const moreTerminal = t.kind === 'punct' && (c === QMARK || c === BANG || c === ELLIPSIS || CJK_TERMINALS.has(c) || (c === DOT && t.end - t.start > 1));
    if (!closer && !moreTerminal) break;
    last++;
  }
  return last;
}

/**
 * Does the terminal at `term` (its group ending at `last`) end the sentence that began at token
 * `sentenceStart`? `last + 1 < w.to` is guaranteed (the paragraph's end always ends a sentence).
 */
export function endsSentence(w: Window, term: number, last: number, sentenceStart: number): boolean {
  const { s, tokens } = w;
  const termTok = tokens[term]!;
  const termCode = s.charCodeAt(termTok.start);
  const closed = last > term; // a quote or bracket closed right after the terminal
  const glued = tokens[last + 1]!.start === tokens[last]!.end;
  if (CJK_TERMINALS.has(termCode)) return true;

  // The first real token after the boundary: opening quotes and brackets belong to the next sentence.
  let n = last + 1;
  while (n < w.to && tokens[n]!.end - tokens[n]!.start === 1 && OPENER_CODES.has(s.charCodeAt(tokens[n]!.start))) n++;
  if (n >= w.to) return true;
  const next = tokens[n]!;

  // "obsolete. ... NATO was": an ellipsis after a full stop opens the next sentence (an omission at its start).
  if (n === last + 1 && !glued && isEllipsis(w, next) && n + 1 < w.to && isUpperCode(s, tokens[n + 1]!.start)) return true;
  // A comma, semicolon, closing bracket or dash after the terminal: the sentence goes on ("Jan. 20,", "U.S.-led").
  if (next.kind === 'punct' && n === last + 1) return false;
  // A lowercase word never starts a sentence ("etc. and", '"Why?" he asked').
  if (isLowerCode(s, next.start)) return false;
  if (glued && !closed) return gluedStart(w, term, last, next);

  if (termCode === QMARK || termCode === BANG) return !(closed && attributionFollows(w, n));
  if (termTok.kind === 'punct' && termCode !== DOT) return term !== sentenceStart; // an ellipsis before a capital
  if (termTok.kind === 'punct' && termTok.end - termTok.start > 1) return term !== sentenceStart; // "...." and friends

  const nextWord = next.kind === 'word' || next.kind === 'abbrev' ? lookupForm(s, next) : '';
  const starter = SENTENCE_STARTERS.has(nextWord);
  if (termTok.kind === 'abbrev') {
    if (closed) return true;
    const key = s.slice(termTok.start, termTok.end).toLowerCase();
    if (DOTTED_NEVER_ENDS.has(key)) return false;
    if (DOTTED_TIMES.has(key)) return next.kind !== 'number' && !CONTINUES_AFTER_TIME.has(nextWord); // "4 a.m. (0117 GMT)"
    if (DOTTED_PLACES.has(key)) {
      if (next.kind === 'number' || CONTINUES_AFTER_PLACE.has(nextWord) || adjectivalPlace(w, term)) return false;
      return starter || !startsLongName(w, n);
    }
    return starter; // initials ("J.R.R. Tolkien") and other dotted forms: only before a clear sentence start
  }

  // A period: the word glued before it decides.
  const prev = term > w.from ? tokens[term - 1]! : undefined;
  if (!prev || prev.end !== termTok.start || closed) return true;
  if (prev.kind === 'number') {
    // "1. The first point": a short number opening the sentence numbers a list item.
    return !(term - 1 === sentenceStart && prev.end - prev.start <= 3);
  }
  if (prev.kind !== 'word') return true;
  const len = prev.end - prev.start;
  if (len === 1 && isUpperCode(s, prev.start)) return starter; // an initial: "John F. Kennedy", but "Plan B. The"
  if (len > BOUNDARY_LIMITS.maxAbbreviationChars) return true;
  const word = s.slice(prev.start, prev.end).toLowerCase();
  const cls = ABBREVIATIONS.get(word);
  if (cls === undefined || (CAPITALIZED_ONLY.has(word) && !isUpperCode(s, prev.start))) return true;
  switch (cls) {
    case 'never-ends':
      return false;
    case 'before-number':
      return next.kind !== 'number' && starter;
    case 'name-part':
      return starter;
    case 'suffix':
      return starter || !CONTINUES_AFTER_SUFFIX.has(nextWord);
    case 'may-end':
      return true;
  }
}

/** A word as the tables list it: without a possessive "'s" ("U.S. Attorney's Office" looks up "Attorney"). */
function lookupForm(s: string, t: Token): string {
  const n = t.end - t.start;
  if (n > 2 && s.charCodeAt(t.end - 2) === 0x27 && (s.charCodeAt(t.end - 1) | 0x20) === 0x73) return s.slice(t.start, t.end - 2);
  return s.slice(t.start, t.end);
}

/**
 * No space after the terminal. Only a period between a word ending in lowercase and a capitalized
 * word is a boundary ("Friday.The talks", a join left by scraping; known domains such as "News.Az"
 * were already kept whole by the tokenizer); "U.S.-led", "3.5" or "Yahoo!News" are not.
 */
function gluedStart(w: Window, term: number, last: number, next: Token): boolean {
  const { s, tokens } = w;
  if (last !== term || s.charCodeAt(tokens[term]!.start) !== DOT || tokens[term]!.kind !== 'punct') return false;
  const prev = term > w.from ? tokens[term - 1]! : undefined;
  if (!prev || prev.kind !== 'word' || prev.end - prev.start < 2) return false;
  if (!isLowerCode(s, prev.end - 1) || !isLowerCode(s, prev.end - 2)) return false;
  if (next.kind !== 'word' || !isUpperCode(s, next.start)) return false;
  // "frustrated.I honestly": a capitalized word, or the one-letter words "I" and "A".
  return next.end - next.start > 1 ? isLowerCode(s, next.start + 1) : next.end < w.s.length && s.charCodeAt(next.end) === 32;
}

/** A dotted or "…" ellipsis token. */
function isEllipsis(w: Window, t: Token): boolean {
  if (t.kind !== 'punct') return false;
  const c = w.s.charCodeAt(t.start);
  return c === ELLIPSIS || (c === DOT && t.end - t.start > 1);
}

/**
 * After "U.S." and the like: does a multiword proper name start at token `n` ("U.S. Environmental
 * Protection Agency", "U.S. Centers for Disease Control", "U.S. Virgin Islands")? Then the period
 * is inside the name. A single capitalized word before a lowercase one ("U.S. Europe was flat") is
 * a new sentence.
 */
function startsLongName(w: Window, n: number): boolean {
  if (n + 1 >= w.to) return false;
  const after = w.tokens[n + 1]!;
  // "Navigate U.S. Media.": one capitalized word and the end of the sentence is not a sentence of its own.
  if (after.kind === 'punct' && after.end - after.start === 1) return TERMINAL_CODES.has(w.s.charCodeAt(after.start));
  if (after.kind !== 'word') return false;
  if (isUpperCode(w.s, after.start)) return true;
  return after.end - after.start <= 3 && NAME_LINKS.has(w.s.slice(after.start, after.end));
}

/** "her U.S. Facebook fans": after a possessive or a determiner other than "the", "U.S." is an adjective. */
function adjectivalPlace(w: Window, term: number): boolean {
  if (term <= w.from) return false;
  const before = w.tokens[term - 1]!;
  return before.kind === 'word' && before.end - before.start <= 7 && PLACE_PREMODIFIERS.has(w.s.slice(before.start, before.end).toLowerCase());
}

/** Words before "U.S." that make it modify the next noun (never "the": "in the U.S. Europe was flat"). */
const PLACE_PREMODIFIERS: ReadonlySet<string> = new Set([
  'her', 'his', 'its', 'their', 'our', 'my', 'your', 'a', 'an', 'many', 'most', 'some', 'all', 'several', 'two',
  'three', 'top', 'key', 'major', 'other', 'both', 'every', 'each', 'no', 'whose', 'these', 'those', 'this', 'that',
]);

/** Lowercase words inside multiword names ("Centers for Disease Control", "Department of State"). */
const NAME_LINKS: ReadonlySet<string> = new Set(['for', 'of', 'and', 'de', 'on']);

/**
 * After a quoted question or exclamation: up to a few words and then a speech verb is the quote's
 * attribution, not a new sentence ('"Why now?" Trump asked.', '"Enough!" Sen. Jon Tester said.').
 */
function attributionFollows(w: Window, n: number): boolean {
  const { s, tokens } = w;
  let words = 0;
  const limit = Math.min(w.to, n + 2 * BOUNDARY_LIMITS.maxSpeakerWords + 2); // words and their glued periods
  for (let k = n; k < limit && words <= BOUNDARY_LIMITS.maxSpeakerWords; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct' && s.charCodeAt(t.start) === DOT && k > n && tokens[k - 1]!.end === t.start) continue; // "Sen."
    if (t.kind !== 'word') return false;
    if (words > 0 && SPEECH_VERBS.has(s.slice(t.start, t.end))) return true;
    words++;
  }
  return false;
}

/**
 * At the first token of a line inside a paragraph (`i` > `sentenceStart`): does the line break
 * end the sentence? Yes before a list item, and after a heading-like line (short, no final
 * punctuation, not ending in a connective) followed by a capitalized line. Hard-wrapped lines run on.
 */
export function lineEndsSentence(w: Window, i: number, lineStart: number, maxLineChars: number): boolean {
  const { s, tokens } = w;
  const tok = tokens[i]!;
  const lineEnd = i + 1 < w.to ? lineEndChar(w, i) : tok.end;
  if (startsListItem(s, tok.start, Math.max(lineEnd, tok.end + 2))) return true;
  const prev = tokens[i - 1]!;
  const pc = s.charCodeAt(prev.start);
  if (prev.end - prev.start === 1 && RUN_ON_CODES.has(pc)) return false;
  if (isTerminal(w, i - 1) || CLOSER_CODES.has(pc)) return false; // the terminal rules decided already
  if (!(isUpperCode(s, tok.start) || tok.kind === 'quote')) return false;
  if (prev.kind === 'word' && prev.end - prev.start <= 5 && CONNECTIVES.has(s.slice(prev.start, prev.end).toLowerCase())) return false;
  const chars = prev.end - tokens[lineStart]!.start;
  return chars <= BOUNDARY_LIMITS.headingMaxChars && chars < BOUNDARY_LIMITS.headingLineShare * maxLineChars;
}

/** End of the line that token `i` starts (bounded: looks only at a few characters for a list marker). */
function lineEndChar(w: Window, i: number): number {
  return Math.min(w.tokens[w.to - 1]!.end, w.tokens[i]!.start + 6);
}
