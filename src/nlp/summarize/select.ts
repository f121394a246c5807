/**
 * Selection: Maximal Marginal Relevance (Carbonell and Goldstein 1998), greedy. Each round picks the
 * sentence with the best score after discounting its similarity to what is already chosen, and
 * applying the opener penalty given the current choice (a "But ..." is fine right after the
 * sentence it continues). Near-duplicates (Daily Mail repeats a lede as a caption) are skipped.
 */
import type { SentenceFeatures } from './features';
import { openerFactor } from './penalties';

export interface SelectionInput {
  readonly features: readonly SentenceFeatures[];
  /** Score of each sentence before redundancy and opener penalties (0 = never pick). */
  readonly scores: readonly number[];
  /** Row-major n x n cosine similarity. */
  readonly similarity: Float64Array;
  readonly count: number;
  readonly redundancy: number;
  readonly duplicate: number;
}

/** Indexes of the chosen sentences, in article order. */
export function selectSentences(input: SelectionInput): number[] {
  const { features, scores, similarity, count, redundancy, duplicate } = input;
  const n = features.length;
  const chosen: number[] = [];
  const isChosen = new Uint8Array(n);
  while (chosen.length < count) {
    let best = -1;
    let bestValue = 0;
    for (let i = 0; i < n; i++) {
      if (isChosen[i] || scores[i]! <= 0) continue;
      let maxSim = 0;
      for (const c of chosen) maxSim = Math.max(maxSim, similarity[i * n + c]!);
      if (maxSim >= duplicate) continue;
      const value = scores[i]! * openerFactor(features[i]!, i > 0 && isChosen[i - 1] === 1) * (1 - redundancy * maxSim);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    chosen.push(best);
    isChosen[best] = 1;
  }
  return chosen.sort((a, b) => a - b);
}
