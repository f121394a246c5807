/**
 * Answer extraction: score the candidate spans of a sentence against the analysed question and
 * keep the best. The score adds what rule-based QA systems found decisive (Hovy et al. 2001;
 * Rajpurkar et al. 2016's hand features): the span is of the expected kind, it is close to the
 * question's words in the sentence, it is not itself made of the question's words, and it sits on
 * the side of the question's verb that the wh-word asks for (subject before, object after).
 */
import { PLACE_PREPOSITIONS, TIME_PREPOSITIONS } from '../lexicon/qa-patterns';
import type { AnswerType, QaSentence, QaToken, QuestionAnalysis } from './model';
import { candidatesOf, type Candidate, type CandidateKind } from './candidates';
import type { TokenTags } from './tagger';
import { termOf } from './terms';

/** How well a candidate's kind fits the expected answer type (0 = never an answer of that type). */
const TYPE_FIT: Readonly<Record<AnswerType, Partial<Record<CandidateKind, number>>>> = {
  person: { name: 1, noun: 0.3 },
  organization: { name: 1, noun: 0.35 },
  place: { name: 0.9, noun: 0.35 },
  date: { date: 1, number: 0.35 },
  number: { number: 1, date: 0.3 },
  noun: { noun: 0.8, name: 0.75, number: 0.45, date: 0.45, clause: 0.1 },
  clause: { clause: 1, noun: 0.25 },
  quote: { noun: 0.3 },
  yesno: {},
};

/** Weights of the score's parts, tuned on SQuAD dev (see eval/qa.eval.ts). */
export const WEIGHTS = {
  type: 1,
  proximity: 0.8,
  overlap: 1,
  verbSide: 0.3,
  head: 0.3,
  placePreposition: 0.25,
  longSpan: 0.03,
} as const;

/** Spans longer than this (in words) pay `longSpan` per extra word: SQuAD-style answers are short. */
const SHORT_SPAN_WORDS = 5;

export interface ScoredCandidate {
  readonly from: number;
  readonly to: number;
  readonly kind: CandidateKind;
  readonly score: number;
  readonly typeFit: number;
}

const EDGE_JUNK = new Set([',', ';', ':', '.', '-', '(', ')', '"', "'", 'of', 'and', 'or', 'in', 'on', 'at', 'by', 'to', 'for', 'with', 'from', 'as', "'s"]);

/** Strip question words and junk from the span's edges. */
function trim(tokens: readonly QaToken[], c: Candidate, q: QuestionAnalysis, headTerm: string): [number, number] {
  let { from, to } = c;
  const strip = (t: QaToken): boolean => EDGE_JUNK.has(t.lower) || (t.content && q.terms.has(t.term) && t.term !== headTerm);
  while (from < to && (strip(tokens[from]!) || (tokens[from]!.lower === 'the' && from + 1 < to && strip(tokens[from + 1]!)))) from++;
  while (to > from && strip(tokens[to - 1]!)) to--;
  return [from, to];
}

/** Distance in tokens from the span to each matched question term, averaged (0 = adjacent). */
function proximity(tokens: readonly QaToken[], from: number, to: number, q: QuestionAnalysis): number {
  const best = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.content || !q.terms.has(t.term) || (i >= from && i < to)) continue;
    const d = i < from ? from - i - 1 : i - to;
    const prev = best.get(t.term);
    if (prev === undefined || d < prev) best.set(t.term, d);
  }
  if (best.size === 0) return 0;
  let sum = 0;
  let weight = 0;
  for (const [term, d] of best) {
    const w = q.terms.get(term) ?? 1;
    sum += w * d;
    weight += w;
  }
  return 1 / (1 + sum / weight / 4);
}

function scoreCandidate(tokens: readonly QaToken[], tags: TokenTags, c: Candidate, q: QuestionAnalysis, headTerm: string, verbAt: number): ScoredCandidate | null {
  const [from, to] = trim(tokens, c, q, headTerm);
  if (to <= from) return null;
  let kind = c.kind;
  // A capitalized run made only of date words ("Friday", "January") is a date, not a name.
  if (kind === 'name' && tokens.slice(from, to).every((t, k) => tags.entity[from + k] === 'DATE' || tags.entity[from + k] === 'TIME')) kind = 'date';
  const typeFit = TYPE_FIT[q.answerType][kind] ?? 0;
  if (typeFit === 0) return null;
  let content = 0;
  let inQuestion = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (!t.content) continue;
    content++;
    if (q.terms.has(t.term) && t.term !== headTerm) inQuestion++;
  }
  if (content === 0 && kind !== 'number' && kind !== 'date') return null;
  const overlap = content ? inQuestion / content : 0;
  if (overlap >= 1) return null;

  let score = WEIGHTS.type * typeFit + WEIGHTS.proximity * proximity(tokens, from, to, q) - WEIGHTS.overlap * overlap;
  if (verbAt >= 0 && q.answerType !== 'clause') {
    if (q.asksSubject) score += to <= verbAt ? WEIGHTS.verbSide : -WEIGHTS.verbSide;
    else if (from > verbAt) score += WEIGHTS.verbSide;
  }
  if (headTerm) {
    if (tokens[to - 1]!.term === headTerm || tokens[to]?.term === headTerm || tokens[from - 1]?.term === headTerm) score += WEIGHTS.head;
  }
  if (q.answerType === 'place' && PLACE_PREPOSITIONS.has(c.preposition)) score += WEIGHTS.placePreposition;
  if (q.answerType === 'date' && TIME_PREPOSITIONS.has(c.preposition)) score += WEIGHTS.placePreposition / 2;
  const words = to - from;
  if (words > SHORT_SPAN_WORDS) score -= WEIGHTS.longSpan * (words - SHORT_SPAN_WORDS);
  return { from, to, kind, score, typeFit };
}

/** The best answer span in a sentence, or null when no span of a fitting kind is there. */
export function bestCandidate(s: QaSentence, tags: TokenTags, q: QuestionAnalysis): ScoredCandidate | null {
  const headTerm = q.head ? termOf(q.head) : '';
  const verbAt = q.verbTerms.size ? s.tokens.findIndex((t) => q.verbTerms.has(t.term)) : -1;
  let best: ScoredCandidate | null = null;
  for (const c of candidatesOf(s.tokens, tags, q.terms)) {
    const scored = scoreCandidate(s.tokens, tags, c, q, headTerm, verbAt);
    if (scored && (!best || scored.score > best.score)) best = scored;
  }
  return best;
}
