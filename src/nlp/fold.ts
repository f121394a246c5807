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
  // Spaces that are not ASCII space.
  '\u00A0': ' ', '\u2000': ' ', '\u2001': ' ', '\u2002': ' ', '\u2003': ' ', '\u2004': ' ', '\u2005': ' ',
  '\u2006': ' ', '\u2007': ' ', '\u2008': ' ', '\u2009': ' ', '\u200A': ' ', '\u202F': ' ', '\u205F': ' ',
  '\u3000': ' ', '\t': ' ', '\u000B': ' ', '\u000C': ' ',
  // Zero-width characters become spaces (not removed: that would shift offsets).
  '\u200B': ' ', '\u200C': ' ', '\u200D': ' ', '\uFEFF': ' ',
  // Line and paragraph separators.
  '\u2028': '\n', '\u2029': '\n', '\r': '\n',
  // Hyphen-like characters used inside words ("non‑Mexican").
  '\u2010': '-', '\u2011': '-',
};

const FOLDABLE = new RegExp(`[${Object.keys(FOLD).map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'g');

/** Fold quote marks, exotic spaces and line separators; the result has the same length as the input. */
export function foldForAnalysis(text: string): string {
  return text.replace(FOLDABLE, (c) => FOLD[c] ?? c);
}
