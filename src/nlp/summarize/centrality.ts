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

/**
 * Full similarity matrix (row-major, n x n, zero diagonal): `cosine` of every pair, to the bit.
 * Stems are numbered and each row is spread once over a dense array, so a pair costs one array
 * read per entry of its smaller vector instead of a string lookup. Each pair is summed over the
 * same vector, in the same order, as `cosine` sums it (the smaller one, the first on a tie), so
 * the floating-point result is the same.
 */
export function similarityMatrix(vectors: readonly SentenceVector[]): Float64Array {
  const n = vectors.length;
  const sim = new Float64Array(n * n);
  const ids = new Map<string, number>();
  const entryIds: Int32Array[] = [];
  const entryWeights: Float64Array[] = [];
  for (const v of vectors) {
    const idsOf = new Int32Array(v.weights.size);
    const weightsOf = new Float64Array(v.weights.size);
    let k = 0;
    for (const [stem, w] of v.weights) {
      let id = ids.get(stem);
      if (id === undefined) ids.set(stem, (id = ids.size));
      idsOf[k] = id;
      weightsOf[k++] = w;
    }
    entryIds.push(idsOf);
    entryWeights.push(weightsOf);
  }
  // Weights are positive, so 0 in the dense row means "stem absent".
  const dense = new Float64Array(ids.size);
  for (let r = 0; r < n; r++) {
    const row = vectors[r]!;
    if (row.norm === 0) continue;
    const rowIds = entryIds[r]!;
    const rowWeights = entryWeights[r]!;
    const rowSize = rowIds.length;
    for (let x = 0; x < rowSize; x++) dense[rowIds[x]!] = rowWeights[x]!;
    // Row r is the larger vector of the pairs computed here: the other one is summed over.
    for (let k = 0; k < n; k++) {
      if (k === r) continue;
      const other = vectors[k]!;
      const otherSize = entryIds[k]!.length;
      const otherIsSmaller = k < r ? otherSize <= rowSize : otherSize < rowSize;
      if (!otherIsSmaller || other.norm === 0) continue;
      const otherIds = entryIds[k]!;
      const otherWeights = entryWeights[k]!;
      let dot = 0;
      for (let x = 0; x < otherSize; x++) {
        const v = dense[otherIds[x]!]!;
        if (v !== 0) dot += otherWeights[x]! * v;
      }
      const i = k < r ? k : r;
      const j = k < r ? r : k;
      const c = dot / (vectors[i]!.norm * vectors[j]!.norm);
      sim[i * n + j] = c;
      sim[j * n + i] = c;
    }
    for (let x = 0; x < rowSize; x++) dense[rowIds[x]!] = 0;
  }
  return sim;
}

/**
 * LexRank scores scaled to [0, 1] by the maximum. The power iteration walks each row's non-zero
 * entries only (a zero similarity adds exactly nothing), in column order as a full walk would.
 */
export function lexRank(sim: Float64Array, n: number): number[] {
  if (n === 0) return [];
  const rowSum = new Float64Array(n);
  const rowStart = new Int32Array(n + 1);
  const columns: number[] = [];
  for (let i = 0; i < n; i++) {
    rowStart[i] = columns.length;
    for (let j = 0; j < n; j++) {
      const v = sim[i * n + j]!;
      if (v === 0) continue;
      rowSum[i]! += v;
      columns.push(j);
    }
  }
  rowStart[n] = columns.length;
  let rank = new Float64Array(n).fill(1 / n);
  // Two buffers, swapped each iteration: the new ranks are built from zero in the other one.
  let next = new Float64Array(n);
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    next.fill(0);
    // Sentences with no neighbours spread their rank evenly (keeps the chain stochastic).
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      if (rowSum[i]! === 0) {
        dangling += rank[i]!;
        continue;
      }
      const share = DAMPING * (rank[i]! / rowSum[i]!);
      for (let c = rowStart[i]!, end = rowStart[i + 1]!; c < end; c++) {
        const j = columns[c]!;
        next[j]! += share * sim[i * n + j]!;
      }
    }
    const base = (1 - DAMPING) / n + (DAMPING * dangling) / n;
    for (let j = 0; j < n; j++) next[j]! += base;
    let delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs(next[i]! - rank[i]!);
    const previous = rank;
    rank = next;
    next = previous;
    if (delta < TOLERANCE) break;
  }
  const max = Math.max(...rank);
  return Array.from(rank, (v) => (max > 0 ? v / max : 0));
}
