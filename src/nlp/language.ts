/**
 * Is this English? Lede's rules (speech verbs, titles, question words) are English, so on other
 * languages "no quotes found" is true but misleading: the reply should say why. The test is the
 * share of a sample's words that are English function words: English news runs at 35-50 %, and
 * other languages, even ones that share a few short words ("a", "in", "no"), stay far below.
 * Words written in another script (Chinese, Cyrillic, Arabic ...) count as not English.
 */
import type { Segmentation } from './segment';

/**
 * Frequent English function words that are not also frequent words of the major European
 * languages written in Latin script ("a", "in", "no", "me", "son", "die" are left out).
 */
const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'the', 'and', 'of', 'to', 'is', 'that', 'was', 'for', 'with', 'he', 'she', 'it', 'said', 'on', 'as', 'at',
  'by', 'this', 'have', 'from', 'are', 'be', 'not', 'his', 'her', 'they', 'were', 'has', 'been', 'which',
  'who', 'will', 'would', 'their', 'or', 'an', 'but', 'had', 'we', 'you', 'its', 'about', 'after', 'more',
  'there', 'when', 'what', 'also', 'could', 'than', 'into', 'our', 'can', 'if', 'says', 'told', 'them',
]);

/** Length of the longest function word (lowercasing never shortens a word, so longer ones cannot match). */
const LONGEST_FUNCTION_WORD = Math.max(...[...ENGLISH_FUNCTION_WORDS].map((w) => w.length));

/** Words sampled: enough for a stable share, bounded work on a book-length text. */
const SAMPLE_WORDS = 3000;
/** Fewer words than this cannot be judged: a headline or a list of names is given the benefit of the doubt. */
const MIN_WORDS = 12;
/** Below this share of English function words the text is not English (English prose: 0.35-0.5). */
const MIN_ENGLISH_SHARE = 0.12;

/** Fewer letters than this cannot be judged by script either. */
const MIN_LETTERS = 20;

/** A letter of the Latin script (Basic Latin, Latin-1, Extended-A/B, IPA, Extended Additional). */
function isLatinLetterCode(c: number): boolean {
  return c < 0x0250 || (c >= 0x1e00 && c <= 0x1eff);
}

/** Whether the text reads as English (true for texts too short to judge). */
export function looksEnglish(seg: Segmentation): boolean {
  let words = 0;
  let english = 0;
  let latinLetters = 0;
  let otherLetters = 0;
  for (const t of seg.tokens) {
    if (t.kind !== 'word') continue;
    words++;
    // A word longer than every function word is not one: it is not sliced or lowercased.
    if (t.end - t.start <= LONGEST_FUNCTION_WORD && ENGLISH_FUNCTION_WORDS.has(seg.folded.slice(t.start, t.end).toLowerCase())) english++;
    for (let i = t.start; i < t.end; i++) {
      if (isLatinLetterCode(seg.folded.charCodeAt(i))) latinLetters++;
      else otherLetters++;
    }
    if (words >= SAMPLE_WORDS) break;
  }
  // Chinese and Japanese run many words together with no space: count letters, not words.
  if (latinLetters + otherLetters >= MIN_LETTERS && otherLetters > latinLetters) return false;
  if (words < MIN_WORDS) return true;
  return english / words >= MIN_ENGLISH_SHARE;
}
