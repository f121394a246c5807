/**
 * Sentence retrieval: BM25 over the article's sentences (each sentence is a document), plus a
 * bonus for question bigrams found as consecutive words and a small share of the neighbours'
 * score (a sentence that continues the previous one often says "he" for the name asked about).
 * The question's verb weighs like a name, and a question word the article never uses is matched,
 * at a discount, to a close spelling of it (a typo, a compound, a derivation).
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

/**
 * Weight of the question's verb against an ordinary word's 1, as much as a name's: the names say
 * what the article is about and recur in many of its sentences, the verb says which of its facts
 * is asked ("Who designed the trophy?" is answered where the trophy is designed, not where it is
 * awarded). Retrieval only: what share of the question a sentence covers (confidence) is unchanged.
 */
const VERB_TERM_WEIGHT = 1.6;

/** Share of a term's score for a sentence word that is only a close spelling of it. */
const CLOSE_SPELLING_SHARE = 0.5;
/** A shorter word of at least this many letters matches a longer one it begins ("coast" / "coastline"). */
const MIN_PREFIX = 5;
/** Words of at least this many letters match a spelling one edit away ("charecterized"). */
const MIN_TYPO_LENGTH = 7;
/** Absent question words looked up, at most (a question is a dozen words; bounded work on a hostile one). */
const MAX_CLOSE_LOOKUPS = 12;
/** Article words compared with one absent question word, at most (bounded work on huge input). */
const MAX_VOCABULARY_SCAN = 20_000;

/** Optimal-string-alignment distance of `a` and `b` is at most 1 (one insertion, deletion, substitution or swap of neighbours). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // One substitution, or two neighbours swapped.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One letter more in the longer word.
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Whether article term `u` is a close spelling of question term `t`: one begins the other and the
 * shorter has MIN_PREFIX letters ("coast" / "coastlin", "strength" / "strengthen"), one is a part
 * of the other's hyphenated compound ("skin" / "skin-rel"), or both are long and one edit apart
 * (a typo: "charecter" / "character", "willima" / "william").
 */
function closeSpelling(t: string, u: string): boolean {
  const [short, long] = t.length <= u.length ? [t, u] : [u, t];
  if (short.length >= MIN_PREFIX && long.startsWith(short)) return true;
  if (long.includes('-') && long.split('-').includes(short)) return true;
  return short.length >= MIN_TYPO_LENGTH && withinOneEdit(t, u);
}

/** A question term's stand-ins in the article: article term -> the question term and its discounted weight. */
type CloseTerms = ReadonlyMap<string, { readonly term: string; readonly weight: number }>;

/**
 * For each question term the article never uses, the article's terms spelled close to it. Only
 * absent terms are looked up: a word the article has is matched as written, so a close spelling
 * never adds to a real match.
 */
function closeTerms(index: QaIndex, q: QuestionAnalysis): CloseTerms {
  const out = new Map<string, { term: string; weight: number }>();
  let lookedUp = 0;
  for (const [t, w] of q.terms) {
    // Numbers are exact ("1,294" is not "1,296"); so are words under four letters.
    if (t.length < 4 || !/^\p{L}/u.test(t) || index.sentenceFrequency.has(t)) continue;
    if (++lookedUp > MAX_CLOSE_LOOKUPS) break;
    let scanned = 0;
    for (const u of index.sentenceFrequency.keys()) {
      if (++scanned > MAX_VOCABULARY_SCAN) break;
      if (u.length < 4 || !closeSpelling(t, u)) continue;
      const weight = w * CLOSE_SPELLING_SHARE;
      const prev = out.get(u);
      if (!prev || prev.weight < weight) out.set(u, { term: t, weight });
    }
  }
  return out;
}

function bm25(index: QaIndex, s: QaSentence, q: QuestionAnalysis, close: CloseTerms): { score: number; matched: Set<string> } {
  let score = 0;
  const matched = new Set<string>();
  const norm = WEIGHTS.k1 * (1 - WEIGHTS.b + (WEIGHTS.b * s.length) / (index.averageLength || 1));
  for (const [term, asked] of q.terms) {
    const weight = q.verbTerms.has(term) ? Math.max(asked, VERB_TERM_WEIGHT) : asked;
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
  // Close spellings count once per question term, the best one, and stay out of `matched`: they
  // rank sentences but do not make a question look answered (coverage, confidence).
  if (close.size > 0) {
    let best: Map<string, number> | null = null;
    for (const [u, { term, weight }] of close) {
      if (!s.termCounts.has(u)) continue;
      const v = weight * idf(index, u) * ((WEIGHTS.k1 + 1) / (1 + norm));
      best ??= new Map();
      if (v > (best.get(term) ?? 0)) best.set(term, v);
    }
    if (best) for (const v of best.values()) score += v;
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
  const close = closeTerms(index, q);
  const base = index.sentences.map((s) => {
    const { score, matched } = bm25(index, s, q, close);
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
