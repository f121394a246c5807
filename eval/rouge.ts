/**
 * ROUGE-1, ROUGE-2 and ROUGE-Lsum F1, written to match ROUGE-1.5.5 as reimplemented by Google's
 * `rouge-score` (the figures in ../shared/eval/README.md were computed that way):
 *
 * - tokenize: lowercase; every character outside [a-z0-9] becomes a space (ASCII, as rouge-score's
 *   `[^a-z0-9]+` does: accented letters are dropped, not kept); split on whitespace; Porter-stem tokens
 *   longer than 3 characters (npm `stemmer`); stopwords are kept.
 * - ROUGE-N: clipped n-gram overlap; P = overlap / candidate n-grams, R = overlap / reference n-grams,
 *   F = 2PR / (P + R).
 * - ROUGE-Lsum: summary-level LCS. For every reference sentence, the union of the LCS index sets
 *   against every candidate sentence; each hit is counted at most as often as the token occurs on
 *   both sides. This is what papers call ROUGE-L for CNN/DailyMail; plain ROUGE-L over the joined
 *   text is much lower, so the label matters.
 */
import { stemmer } from 'stemmer';

export interface RougeScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface RougeScores {
  readonly rouge1: RougeScore;
  readonly rouge2: RougeScore;
  readonly rougeLsum: RougeScore;
}

/** Tokens shorter than this are not stemmed (rouge-score: `len(token) > 3`). */
const MIN_STEM_LENGTH = 4;

/** ROUGE tokenization of one text (see the module comment). */
export function rougeTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').split(' ')) {
    if (raw === '') continue;
    out.push(raw.length >= MIN_STEM_LENGTH ? stemmer(raw) : raw);
  }
  return out;
}

function fscore(hits: number, candidateTotal: number, referenceTotal: number): RougeScore {
  const precision = candidateTotal > 0 ? hits / candidateTotal : 0;
  const recall = referenceTotal > 0 ? hits / referenceTotal : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N between two token lists (all sentences joined). */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): RougeScore {
  const c = ngramCounts(candidate, n);
  const r = ngramCounts(reference, n);
  let hits = 0;
  for (const [gram, count] of c) hits += Math.min(count, r.get(gram) ?? 0);
  return fscore(hits, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Indexes into `ref` of one LCS of `ref` and `can` (rouge-score's non-recursive backtrack). */
function lcsIndexes(ref: readonly string[], can: readonly string[]): number[] {
  const rows = ref.length + 1;
  const cols = can.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      table[i * cols + j] =
        ref[i - 1] === can[j - 1]
          ? table[(i - 1) * cols + j - 1]! + 1
          : Math.max(table[(i - 1) * cols + j]!, table[i * cols + j - 1]!);
    }
  }
  const out: number[] = [];
  let i = ref.length;
  let j = can.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      out.push(i - 1);
      i--;
      j--;
    } else if (table[i * cols + j - 1]! > table[(i - 1) * cols + j]!) j--;
    else i--;
  }
  return out.reverse();
}

/** ROUGE-Lsum between candidate and reference sentences, each already tokenized. */
export function rougeLsum(candidate: readonly (readonly string[])[], reference: readonly (readonly string[])[]): RougeScore {
  const m = reference.reduce((n, s) => n + s.length, 0);
  const n = candidate.reduce((k, s) => k + s.length, 0);
  if (m === 0 || n === 0) return { precision: 0, recall: 0, f1: 0 };
  const countsOf = (sents: readonly (readonly string[])[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const s of sents) for (const t of s) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
  };
  const refLeft = countsOf(reference);
  const canLeft = countsOf(candidate);
  let hits = 0;
  for (const r of reference) {
    const union = new Set<number>();
    for (const c of candidate) for (const idx of lcsIndexes(r, c)) union.add(idx);
    for (const idx of [...union].sort((a, b) => a - b)) {
      const t = r[idx]!;
      const inRef = refLeft.get(t) ?? 0;
      const inCan = canLeft.get(t) ?? 0;
      if (inRef > 0 && inCan > 0) {
        hits++;
        refLeft.set(t, inRef - 1);
        canLeft.set(t, inCan - 1);
      }
    }
  }
  return fscore(hits, n, m);
}

/** All three scores of a candidate summary against a reference, both given as sentence lists. */
export function rouge(candidateSentences: readonly string[], referenceSentences: readonly string[]): RougeScores {
  const cand = candidateSentences.map(rougeTokens);
  const ref = referenceSentences.map(rougeTokens);
  const candFlat = cand.flat();
  const refFlat = ref.flat();
  return {
    rouge1: rougeN(candFlat, refFlat, 1),
    rouge2: rougeN(candFlat, refFlat, 2),
    rougeLsum: rougeLsum(cand, ref),
  };
}
