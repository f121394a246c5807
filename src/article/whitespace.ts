/**
 * Whitespace inside a paragraph: runs of spaces, tabs, newlines and odd Unicode spaces become one
 * ASCII space, and control characters are dropped. Quote marks are kept exactly as written (analysis
 * folds them, same length, in src/nlp/fold.ts), so every quote can be shown verbatim.
 */

import { INVISIBLE_IN_WORD } from './invisible';

/** C0/C1 control characters (not tab/newline, which are whitespace) and DEL: never meaningful in an article. */
const CONTROL_CHARS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
/** Invisible characters that only hint at line breaks (zero-width space, BOM, soft hyphen): removed, not spaced. */
const INVISIBLE = /[\u200B\uFEFF\u00AD]/g;
/** Any run of whitespace, including NBSP, the U+2000 spaces, line/paragraph separators. */
const WHITESPACE_RUN = /\s+/g;

/** One paragraph's text with normalized whitespace, trimmed. */
export function normalizeParagraph(text: string): string {
  return text.replace(CONTROL_CHARS, '').replace(INVISIBLE_IN_WORD, '').replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim();
}

/** Unify line endings (CRLF, CR, U+2028/9) to "\n" and drop a leading byte-order mark. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?|[\u2028\u2029]/g, '\n');
}

/** True when the text holds at least one letter or digit (a page of punctuation is not an article). */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
