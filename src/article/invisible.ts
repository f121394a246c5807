/**
 * Invisible characters inside words. A zero-width joiner or space, a word joiner or a soft hyphen
 * between two letters ("may\u200Dor sa\u200Did") is invisible to a reader but splits the word for
 * every rule, so a cue or a name hidden this way would go unseen. Inside words they are removed
 * (in article text when it is built, and in batch text through `compactInvisible`, which keeps
 * offsets into the text as given). Between other characters they stay: a zero-width joiner builds
 * emoji sequences, and a zero-width non-joiner is spelling in Persian, so those two are removed only
 * between Latin letters or digits.
 */

/** Removed inside any word: zero-width space, word joiner, BOM used as a joiner, soft hyphen, Mongolian vowel separator. */
const ANY_SCRIPT = '\u200B\u2060\uFEFF\u00AD\u180E';
/** Removed inside Latin-script words only: zero-width non-joiner and joiner. */
const LATIN_ONLY = '\u200C\u200D';

/** Every invisible character that sits inside a word (as a run), linear to match. */
export const INVISIBLE_IN_WORD = new RegExp(
  `(?<=[\\p{L}\\p{N}])[${ANY_SCRIPT}]+(?=[\\p{L}\\p{N}])|(?<=[\\p{Script=Latin}\\p{N}])[${ANY_SCRIPT}${LATIN_ONLY}]+(?=[\\p{Script=Latin}\\p{N}])`,
  'gu',
);

/** Text with the invisible characters inside words removed, and the way back to the text as given. */
export interface CompactedText {
  readonly text: string;
  /** Offset in the given text of the character at `offset` of the compacted one (a span's start). */
  startOf(offset: number): number;
  /** Offset in the given text just after the character before `offset` (a span's end). */
  endOf(offset: number): number;
}

/** `text` without invisible characters inside words; the identity when it has none. */
export function compactInvisible(text: string): CompactedText {
  // removedAt[k]: compacted offset of the character after the k-th removed one (non-decreasing).
  const removedAt: number[] = [];
  let removedSoFar = 0;
  const compact = text.replace(INVISIBLE_IN_WORD, (run: string, offset: number) => {
    for (let i = 0; i < run.length; i++) removedAt.push(offset - removedSoFar);
    removedSoFar += run.length;
    return '';
  });
  if (removedAt.length === 0) return { text, startOf: (o) => o, endOf: (o) => o };
  /** How many removed characters come before compacted offset `o` (inclusive: those right before it too). */
  const removedUpTo = (o: number, inclusive: boolean): number => {
    let lo = 0;
    let hi = removedAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (inclusive ? removedAt[mid]! <= o : removedAt[mid]! < o) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    text: compact,
    startOf: (o) => o + removedUpTo(o, true),
    endOf: (o) => o + removedUpTo(o, false),
  };
}
