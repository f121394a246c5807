/**
 * Length-preserving normalization for analysis. Every character maps to exactly one character, so
 * an offset found in the folded text is the same offset in the original: quotes and sentences are
 * always shown verbatim from the source.
 */

/** Characters folded to a plain ASCII equivalent of length 1, and why. */
const FOLD: Readonly<Record<string, string>> = {
  // Curly and angle double quotes: news sites mix them with straight ones (the seed opens with " and closes with ”).
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"', '\u2033': '"',
  // Curly single quotes and primes: apostrophes and nested quotes.
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u0060': "'", '\u00B4': "'",
  // Single angle quotes (French/Swiss style nested quotes).
  '\u2039': "'", '\u203A': "'",
  // Spaces that are not ASCII space.
  '\u00A0': ' ', '\u2000': ' ', '\u2001': ' ', '\u2002': ' ', '\u2003': ' ', '\u2004': ' ', '\u2005': ' ',
  '\u2006': ' ', '\u2007': ' ', '\u2008': ' ', '\u2009': ' ', '\u200A': ' ', '\u202F': ' ', '\u205F': ' ',
  '\u3000': ' ', '\t': ' ', '\u000B': ' ', '\u000C': ' ', '\u1680': ' ',
  // Zero-width characters become spaces (not removed: that would shift offsets).
  '\u200B': ' ', '\u200C': ' ', '\u200D': ' ', '\uFEFF': ' ',
  // A soft hyphen marks where a word may break: it stays inside the word as a hyphen.
  '\u00AD': '-',
  // Line and paragraph separators ('\r' alone is an old Mac line end; in "\r\n" it is handled below).
  '\u2028': '\n', '\u2029': '\n', '\u0085': '\n', '\r': '\n',
  // Hyphen-like characters used inside words ("non‑Mexican").
  '\u2010': '-', '\u2011': '-',
  // The ellipsis character stays one character; the tokenizer knows it. Full stops of other scripts stay too.
};

/** Replacement character code per BMP code (0 = unchanged): a table look-up per character. */
const FOLD_TO: Uint16Array = (() => {
  const table = new Uint16Array(65536);
  for (const [from, to] of Object.entries(FOLD)) table[from.charCodeAt(0)] = to.charCodeAt(0);
  return table;
})();

/**
 * Fold quote marks, exotic spaces and line separators; the result has the same length as the
 * input. "\r\n" becomes " \n" (not "\n\n", which would read as a blank line between every line).
 * One pass over character codes; the text is copied only around the characters that change.
 */
export function foldForAnalysis(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const to = FOLD_TO[text.charCodeAt(i)]!;
    if (to === 0) continue;
    const folded = to === 10 && text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 32 : to;
    out += text.slice(last, i) + String.fromCharCode(folded);
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

const isBlank = (c: number): boolean => c === 32 || c === 10;
/** Before an opening pair: start, a space, a bracket or a dash. */
const opensAfter = (c: number): boolean => Number.isNaN(c) || isBlank(c) || c === 40 || c === 91 || c === 123 || c === 45 || c === 0x2014 || c === 0x2013;
/** After a closing pair: end, a space, or punctuation that may follow a quotation. */
const closesBefore = (c: number): boolean =>
  Number.isNaN(c) || isBlank(c) || c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 93 || c === 45 || c === 0x2014 || c === 0x2013;

/**
 * Two apostrophes used as a double quotation mark (''like this'', or ``like this'' once the
 * backticks are folded): the convention of the New York Times' archive, of typewritten and
 * LaTeX-born copy and of the Penn Treebank. Read as two separate single marks they made no
 * quotation at all. In an already folded text, an opening pair (after a space, a bracket or a dash,
 * before a word) becomes ' "' and a closing pair (after a word, before a space or punctuation) '" ':
 * one double mark beside the words it quotes, a space for the other character, so offsets stay.
 * A pair with words on both sides ("rock''n''roll") or on neither stays as it is; three or more
 * apostrophes in a row are not a pair.
 */
export function foldDoubledApostrophes(folded: string): string {
  let at = folded.indexOf("''");
  if (at < 0) return folded;
  let out = '';
  let last = 0;
  while (at >= 0) {
    if (folded.charCodeAt(at + 2) === 39 || (at > 0 && folded.charCodeAt(at - 1) === 39)) {
      // A run of three or more: skip past it.
      let end = at;
      while (folded.charCodeAt(end) === 39) end++;
      at = folded.indexOf("''", end);
      continue;
    }
    const before = at > 0 ? folded.charCodeAt(at - 1) : NaN;
    const after = folded.charCodeAt(at + 2);
    const opening = opensAfter(before) && !Number.isNaN(after) && !isBlank(after);
    const closing = !opening && !Number.isNaN(before) && !isBlank(before) && closesBefore(after);
    if (opening || closing) {
      out += folded.slice(last, at) + (opening ? ' "' : '" ');
      last = at + 2;
    }
    at = folded.indexOf("''", at + 2);
  }
  return last === 0 ? folded : out + folded.slice(last);
}
