/**
 * Centrality: LexRank (Erkan and Radev 2004), continuous variant. Sentences are tf-idf vectors; an
 * edge's weight is their cosine similarity; a sentence similar to many central sentences is central.
 * Power iteration with a damping factor, bounded by an iteration cap, so the cost is O(n^2) in the
 * (capped) number of sentences.
 */
import type { SentenceFeatures } from './features';
import type { TermStats } from './salience';

/** Sparse sentence vector: stem -> weight, plus its Euclidean norm. */
export interface SentenceVector {
  readonly weights: ReadonlyMap<string, number>;
  readonly norm: number;
}

/** LexRank's usual damping (probability of following an edge rather than jumping). */
const DAMPING = 0.85;
const MAX_ITERATIONS = 50;
const TOLERANCE = 1e-6;

export function sentenceVectors(features: readonly SentenceFeatures[], stats: TermStats): SentenceVector[] {
  return features.map((f) => {
    const weights = new Map<string, number>();
    let sq = 0;
    for (const [stem, n] of f.termCounts) {
      const w = n * (stats.idf.get(stem) ?? 0);
      if (w <= 0) continue;
      weights.set(stem, w);
      sq += w * w;
    }
    return { weights, norm: Math.sqrt(sq) };
  });
}

export function cosine(a: SentenceVector, b: SentenceVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [stem, w] of small.weights) {
    const v = large.weights.get(stem);
    if (v !== undefined) dot += w * v;
  }
  return dot / (a.norm * b.norm);
}

/** Full similarity matrix (row-major, n x n, zero diagonal). */
export function similarityMatrix(vectors: readonly SentenceVector[]): Float64Array {
  const n = vectors.length;
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const c = cosine(vectors[i]!, vectors[j]!);
      sim[i * n + j] = c;
      sim[j * n + i] = c;
    }
  }
  return sim;
}

/** LexRank scores scaled to [0, 1] by the maximum. */
export function lexRank(sim: Float64Array, n: number): number[] {
  if (n === 0) return [];
  const rowSum = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) rowSum[i]! += sim[i * n + j]!;
  let rank = new Float64Array(n).fill(1 / n);
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    const next = new Float64Array(n);
    // Sentences with no neighbours spread their rank evenly (keeps the chain stochastic).
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      if (rowSum[i]! === 0) {
        dangling += rank[i]!;
        continue;
      }
      const share = rank[i]! / rowSum[i]!;
      for (let j = 0; j < n; j++) next[j]! += DAMPING * share * sim[i * n + j]!;
    }
    const base = (1 - DAMPING) / n + (DAMPING * dangling) / n;
    for (let j = 0; j < n; j++) next[j]! += base;
    let delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs(next[i]! - rank[i]!);
    rank = next;
    if (delta < TOLERANCE) break;
  }
  const max = Math.max(...rank);
  return Array.from(rank, (v) => (max > 0 ? v / max : 0));
}
