/**
 * Segmentation: paragraphs, sentences and tokens with character offsets into the text.
 *
 * Pure and linear-time: one pass over the lines for paragraphs, one pass over character codes
 * for tokens (`segment-tokens.ts`), one pass over tokens for sentence boundaries
 * (`segment-boundary.ts`) with constant-size look-aheads, so hostile text (a megabyte of periods,
 * ten thousand quote marks, lone surrogates) stays linear and never throws.
 *
 * Conventions (the case table in `test/fixtures/segmentation/cases.ts` pins each one):
 * - **Quotations holding several sentences are split at their inner sentence boundaries**, as
 *   in treebank-style annotation: `He said "we made a first step. Hopefully it can continue."`
 *   gives two sentences, the second starting inside the quotation. The same holds for
 *   `"We will win. We always win," he said.` (`"We will win.` | `We always win," he said.`).
 *   Short units suit summaries and answers; `Sentence.inQuote` marks a sentence that begins
 *   inside a quotation opened earlier, so a renderer can show the context. A quote closed by a
 *   comma and its attribution stay together (`"...in years," he was quoted as saying.`), and so
 *   does a quoted question or exclamation before a speech verb (`"Why now?" Trump asked.`).
 * - Quote marks need not pair up: curly and straight marks are folded to `"` first, and whether
 *   a mark opens or closes is read from the characters beside it, not from its shape.
 * - Abbreviations, initials, decimals, times, URLs, e-mails and site names ("News.Az") never end
 *   a sentence by their period alone; an abbreviation that can end one ("U.S.", "Inc.", "a.m.")
 *   does so when the next word plainly starts a sentence (tables in `lexicon/abbreviations.ts`).
 * - A dateline ("WASHINGTON (Reuters) -") is part of the first sentence; dashes never end one.
 * - A paragraph is a block between blank lines (or one line, in text without blank lines that
 *   is not hard-wrapped). A headline without a full stop is its own sentence; inside a paragraph
 *   a line break ends a sentence only before a list item or after a heading-like line.
 */
import { foldDoubledApostrophes, foldForAnalysis } from './fold';
import { endsSentence, isTerminal, lineEndsSentence, terminalGroupEnd, type Window } from './segment-boundary';
import { paragraphSpans } from './segment-paragraphs';
import { tokenize, type LineMarks, type Token } from './segment-tokens';

export type { Token, TokenKind } from './segment-tokens';

/**
 * Longest sentence in tokens. No sentence of the news we measure comes near it (the longest in
 * PolNeAR train and CNN/DM dev has 220 tokens); past it, text without full stops (a list, a page
 * of unbalanced quotes, an attack) is cut at its last clause break, so every per-sentence rule
 * downstream works on bounded input and an article's total work stays linear.
 */
export const MAX_SENTENCE_TOKENS = 300;
/** How far back from the budget a clause break (`,` `;` `:` dash) is looked for. */
const CLAUSE_BREAK_WINDOW = 100;

export interface Sentence {
  readonly start: number;
  readonly end: number;
  /** Index into `paragraphs`. */
  readonly paragraph: number;
  /** Token range [tokenStart, tokenEnd) into `tokens`. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** The sentence begins inside a double-quoted quotation opened in an earlier sentence of its paragraph. */
  readonly inQuote: boolean;
}

export interface Paragraph {
  readonly start: number;
  readonly end: number;
  /** Sentence range [sentenceStart, sentenceEnd) into `sentences`. */
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
  /** Token range [tokenStart, tokenEnd) into `tokens`. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
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
 * Segment `text` into paragraphs, sentences and tokens. Offsets are JavaScript string indices into
 * `text` (and `folded`, which has the same length). Sentences are trimmed (they start at their first
 * token and end at their last), in order, inside their paragraph, and together hold every token.
 */
export function segment(text: string): Segmentation {
  const folded = foldDoubledApostrophes(foldForAnalysis(text));
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  for (const span of paragraphSpans(folded)) {
    const tokenFrom = tokens.length;
    const marks: LineMarks = { lineStartTokens: [], maxLineChars: 0 };
    tokenize(folded, span.start, span.end, tokens, marks);
    const sentenceFrom = sentences.length;
    splitSentences({ s: folded, tokens, from: tokenFrom, to: tokens.length }, marks, paragraphs.length, sentences);
    paragraphs.push({
      start: span.start,
      end: span.end,
      sentenceStart: sentenceFrom,
      sentenceEnd: sentences.length,
      tokenStart: tokenFrom,
      tokenEnd: tokens.length,
    });
  }
  return { text, folded, paragraphs, sentences, tokens };
}

/** Split one paragraph's tokens into sentences, appended to `out`. */
function splitSentences(w: Window, marks: LineMarks, paragraph: number, out: Sentence[]): void {
  const { s, tokens, from, to } = w;
  if (from >= to) return;
  let sentenceStart = from;
  let inQuote = false; // inside a double-quoted quotation
  let startsInQuote = false;
  let nextLine = 0; // index into marks.lineStartTokens
  let lineStart = from;
  let lastBreak = -1; // the latest clause-break token of the current sentence
  const close = (lastToken: number): void => {
    if (lastToken < sentenceStart) return;
    out.push({
      start: tokens[sentenceStart]!.start,
      end: tokens[lastToken]!.end,
      paragraph,
      tokenStart: sentenceStart,
      tokenEnd: lastToken + 1,
      inQuote: startsInQuote,
    });
    sentenceStart = lastToken + 1;
    startsInQuote = inQuote;
  };

  for (let i = from; i < to; i++) {
    if (nextLine < marks.lineStartTokens.length && marks.lineStartTokens[nextLine] === i) {
      nextLine++;
      if (i > sentenceStart && lineEndsSentence(w, i, lineStart, marks.maxLineChars)) {
        close(i - 1);
        // A list item or heading ends any quotation left open above it.
        inQuote = false;
        startsInQuote = false;
      }
      lineStart = i;
    }
    if (tokens[i]!.kind === 'quote') inQuote = quoteState(s, tokens[i]!, inQuote);
    if (i - sentenceStart + 1 >= MAX_SENTENCE_TOKENS) {
      const cut = lastBreak > i - CLAUSE_BREAK_WINDOW && lastBreak >= sentenceStart ? lastBreak : i;
      close(cut);
      lastBreak = -1;
      if (cut === i) continue;
    }
    if (isClauseBreak(s, tokens[i]!)) lastBreak = i;
    if (!isTerminal(w, i)) continue;
    const last = terminalGroupEnd(w, i);
    for (let k = i + 1; k <= last; k++) if (tokens[k]!.kind === 'quote') inQuote = quoteState(s, tokens[k]!, inQuote);
    if (last + 1 >= to) break; // the paragraph's end closes the sentence below
    if (endsSentence(w, i, last, sentenceStart)) close(last);
    i = last; // glued closers hold no line break, so no line start is skipped
  }
  close(to - 1);
}

/** A token after which an over-long sentence may be cut: `,` `;` `:` or a dash. */
function isClauseBreak(s: string, t: Token): boolean {
  if (t.end - t.start !== 1) return false;
  const c = s.charCodeAt(t.start);
  return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x2014 || c === 0x2013;
}

/**
 * Whether we are inside a double-quoted quotation after the quote token `t`. Single quotes are
 * left alone (they double as apostrophes). A mark after a space or an opening bracket and before
 * a word opens; one after a word and before a space or punctuation closes; otherwise it toggles.
 */
function quoteState(s: string, t: Token, inside: boolean): boolean {
  if (s.charCodeAt(t.start) !== 0x22) return inside;
  const before = t.start > 0 ? s.charCodeAt(t.start - 1) : 32;
  const after = t.end < s.length ? s.charCodeAt(t.end) : 32;
  const spaceBefore = before === 32 || before === 10 || before === 0x28 || before === 0x5b || before === 0x2014 || before === 0x2d;
  const spaceAfter = after === 32 || after === 10 || after === 0x2c || after === 0x2e || after === 0x3b || after === 0x3a || after === 0x29 || after === 0x3f || after === 0x21;
  if (spaceBefore && !spaceAfter) return true;
  if (!spaceBefore && spaceAfter) return false;
  return !inside;
}
