/**
 * Phrase search over quotes ("who said X?"): tolerant of quote marks, case, punctuation and small
 * wording differences. Words are compared after folding; the best window of the quote is scored by
 * a word-level edit distance, bounded by the phrase length, so the search is linear in the quotes.
 */
import type { Quote } from './types';

/** Longest phrase compared (words); longer input is cut, not refused. */
const MAX_PHRASE_WORDS = 40;
/** Share of the phrase's words that may differ (insertions, deletions, substitutions). */
const DEFAULT_TOLERANCE = 0.34;

export function phraseWords(s: string): string[] {
  return (
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[\u2018\u2019']/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Smallest word edit distance between `needle` and any window of `hay` (approximate substring match). */
export function bestWindowDistance(needle: readonly string[], hay: readonly string[]): number {
  const n = needle.length;
  if (n === 0) return 0;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let i = 0; i <= n; i++) prev[i] = i;
  let best = prev[n]!;
  for (const w of hay) {
    cur[0] = 0; // a window may start anywhere
    for (let i = 1; i <= n; i++) {
      const sub = prev[i - 1]! + (needle[i - 1] === w ? 0 : 1);
      cur[i] = Math.min(sub, prev[i]! + 1, cur[i - 1]! + 1);
    }
    best = Math.min(best, cur[n]!);
    [prev, cur] = [cur, prev];
  }
  return best;
}

export interface PhraseHit<A = undefined> {
  readonly quote: Quote;
  readonly article: A;
  /** 1 = exact words; lower with each differing word. */
  readonly score: number;
}

/** Quotes containing `phrase` (approximately), best first. */
export function searchPhrase<A = undefined>(
  items: ReadonlyArray<{ readonly article: A; readonly quotes: readonly Quote[] }>,
  phrase: string,
  tolerance = DEFAULT_TOLERANCE,
): PhraseHit<A>[] {
  const needle = phraseWords(phrase).slice(0, MAX_PHRASE_WORDS);
  if (needle.length === 0) return [];
  const allowed = Math.floor(needle.length * tolerance);
  const hits: PhraseHit<A>[] = [];
  for (const item of items) {
    for (const q of item.quotes) {
      const d = bestWindowDistance(needle, phraseWords(q.quote));
      if (d <= allowed) hits.push({ quote: q, article: item.article, score: 1 - d / needle.length });
    }
  }
  return hits.sort((a, b) => b.score - a.score || (b.quote.speakerRef ? 1 : 0) - (a.quote.speakerRef ? 1 : 0));
}
