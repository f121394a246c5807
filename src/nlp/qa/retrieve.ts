/**
 * Sentence retrieval: BM25 over the article's sentences (each sentence is a document), plus a
 * bonus for question bigrams found as consecutive words and a small share of the neighbours'
 * score (a sentence that continues the previous one often says "he" for the name asked about).
 */
import type { QaIndex, QaSentence, QuestionAnalysis } from './model';

/** BM25 parameters: the usual k1/b (Robertson & Zaragoza 2009). */

import { WEIGHTS } from './weights';

export interface ScoredSentence {
  readonly sentence: QaSentence;
  readonly score: number;
  /** Question terms found in the sentence. */
  readonly matched: ReadonlySet<string>;
}

function idf(index: QaIndex, term: string): number {
  const n = index.sentences.length;
  const df = index.sentenceFrequency.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function bm25(index: QaIndex, s: QaSentence, q: QuestionAnalysis): { score: number; matched: Set<string> } {
  let score = 0;
  const matched = new Set<string>();
  const norm = WEIGHTS.k1 * (1 - WEIGHTS.b + (WEIGHTS.b * s.length) / (index.averageLength || 1));
  for (const [term, weight] of q.terms) {
    const tf = s.termCounts.get(term) ?? 0;
    if (tf === 0) {
      // A name the sentence refers to by a pronoun or "the + noun", once, at a discount.
      if (s.inherited.has(term)) {
        matched.add(term);
        score += WEIGHTS.inherited * weight * idf(index, term) * ((WEIGHTS.k1 + 1) / (1 + norm));
      }
      continue;
    }
    matched.add(term);
    score += weight * idf(index, term) * ((tf * (WEIGHTS.k1 + 1)) / (tf + norm));
  }
  return { score, matched };
}

function bigramHits(s: QaSentence, q: QuestionAnalysis): number {
  if (q.bigrams.length === 0) return 0;
  const wanted = new Set(q.bigrams);
  let hits = 0;
  let prev: string | null = null;
  for (const t of s.tokens) {
    if (!t.content) continue;
    if (prev && wanted.has(`${prev} ${t.term}`)) hits++;
    prev = t.term;
  }
  return hits;
}

/** Every sentence with its retrieval score, best first. */
export function rankSentences(index: QaIndex, q: QuestionAnalysis): ScoredSentence[] {
  const base = index.sentences.map((s) => {
    const { score, matched } = bm25(index, s, q);
    return { sentence: s, raw: score + WEIGHTS.bigram * bigramHits(s, q), matched };
  });
  const out: ScoredSentence[] = base.map((b, i) => {
    const prev = i > 0 && index.sentences[i - 1]!.start >= 0 ? base[i - 1]!.raw : 0;
    const next = i + 1 < base.length ? base[i + 1]!.raw : 0;
    return { sentence: b.sentence, score: b.raw + WEIGHTS.neighbour * Math.max(prev, next), matched: b.matched };
  });
  return out.sort((a, b) => b.score - a.score || a.sentence.index - b.sentence.index);
}

/**
 * Share of the question's weight (term weight x IDF) that a sentence matches, 0..1. A term absent
 * from the whole article counts with the highest IDF: a question about something the article never
 * mentions ("the capital of France") covers little and is refused.
 */
export function coverage(index: QaIndex, q: QuestionAnalysis, matched: ReadonlySet<string>): number {
  let total = 0;
  let got = 0;
  for (const [term, weight] of q.terms) {
    const w = weight * idf(index, term);
    total += w;
    if (matched.has(term)) got += w;
  }
  return total === 0 ? 0 : got / total;
}
