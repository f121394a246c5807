/**
 * Answer extraction: score the candidate spans of a sentence against the analysed question and
 * keep the best. The score adds what rule-based QA systems found decisive (Hovy et al. 2001;
 * Rajpurkar et al. 2016's hand features): the span is of the expected kind, it is close to the
 * question's words in the sentence, it is not itself made of the question's words, and it sits on
 * the side of the question's verb that the wh-word asks for (subject before, object after).
 */
import { NAME_TITLES as PERSON_TITLES, PLACE_PREPOSITIONS, TIME_PREPOSITIONS } from '../lexicon/qa-patterns';
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

import { WEIGHTS } from './weights';

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
  // A name that shares a name word with the question is the one asked about ("Richard" of
  // "Richard Grenell" for "Who did Grenell meet?"), never its answer.
  if (c.kind === 'name') {
    for (let k = c.from; k < c.to; k++) {
      const t = tokens[k]!;
      if (t.content && q.terms.has(t.term) && t.term !== headTerm && !PERSON_TITLES.has(t.lower) && /^\p{Lu}/u.test(t.text) && !/^\p{Lu}+$/u.test(t.text)) return [0, 0];
    }
  }
  // In a name, words up to the last question word are its title ("Egyptian President | Anwar Sadat").
  if (c.kind === 'name') {
    for (let k = to - 2; k >= from; k--) {
      if (tokens[k]!.content && q.terms.has(tokens[k]!.term)) {
        from = k + 1;
        break;
      }
    }
  }
  return [from, to];
}

/** One occurrence of a question term in the sentence. */
interface Match {
  readonly i: number;
  readonly term: string;
  readonly weight: number;
  /** Clause boundaries (commas, semicolons, brackets, dashes) before this token in the sentence. */
  readonly clause: number;
}

const CLAUSE_MARKS = new Set([',', ';', ':', '(', ')', '\u2013', '\u2014', '--']);

/** Question-term occurrences and a running clause counter, computed once per sentence. */
function matchesOf(tokens: readonly QaToken[], q: QuestionAnalysis): { matches: Match[]; clauseAt: Int32Array } {
  const matches: Match[] = [];
  const clauseAt = new Int32Array(tokens.length + 1);
  let clause = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (CLAUSE_MARKS.has(t.text)) clause++;
    clauseAt[i] = clause;
    if (t.content && q.terms.has(t.term)) matches.push({ i, term: t.term, weight: q.terms.get(t.term)!, clause });
  }
  clauseAt[tokens.length] = clause;
  return { matches, clauseAt };
}

interface Placement {
  /** 1 / (1 + weighted mean distance / 4) to each matched term's nearest occurrence. */
  readonly proximity: number;
  /** -1..1: question terms on the side the question's statement form puts them. */
  readonly order: number;
  /** Share of the question's weight found within WINDOW tokens of the span. */
  readonly window: number;
  /** Mean number of clause boundaries between the span and the matched terms. */
  readonly clauses: number;
}

/** Tokens each side of the span whose question words count for `window`. */
const WINDOW = 3;

function placement(matches: readonly Match[], clauseAt: Int32Array, from: number, to: number, q: QuestionAnalysis, totalWeight: number): Placement {
  const nearest = new Map<string, Match & { d: number }>();
  let windowWeight = 0;
  const inWindow = new Set<string>();
  for (const m of matches) {
    if (m.i >= from && m.i < to) continue;
    const d = m.i < from ? from - m.i - 1 : m.i - to;
    const prev = nearest.get(m.term);
    if (!prev || d < prev.d) nearest.set(m.term, { ...m, d });
    if (d < WINDOW && !inWindow.has(m.term)) {
      inWindow.add(m.term);
      windowWeight += m.weight;
    }
  }
  if (nearest.size === 0) return { proximity: 0, order: 0, window: 0, clauses: 0 };
  let dist = 0;
  let weight = 0;
  let agree = 0;
  let sided = 0;
  let clauses = 0;
  const spanClause = clauseAt[from]!;
  for (const m of nearest.values()) {
    dist += m.weight * m.d;
    weight += m.weight;
    clauses += m.weight * Math.abs(m.clause - spanClause);
    const left = q.leftTerms.has(m.term);
    const right = q.rightTerms.has(m.term);
    if (left || right) {
      sided += m.weight;
      agree += (left && m.i < from) || (right && m.i >= to) ? m.weight : -m.weight;
    }
  }
  return {
    proximity: 1 / (1 + dist / weight / 4),
    order: sided ? agree / sided : 0,
    window: totalWeight ? windowWeight / totalWeight : 0,
    clauses: clauses / weight,
  };
}

function scoreCandidate(tokens: readonly QaToken[], tags: TokenTags, c: Candidate, q: QuestionAnalysis, headTerm: string, verbAt: number, ctx: { matches: Match[]; clauseAt: Int32Array; totalWeight: number }): ScoredCandidate | null {
  const [from, to] = trim(tokens, c, q, headTerm);
  if (to <= from) return null;
  let kind = c.kind;
  // A capitalized run made only of date words ("Friday", "January") is a date, not a name.
  if (kind === 'name' && tokens.slice(from, to).every((t, k) => tags.entity[from + k] === 'DATE' || tags.entity[from + k] === 'TIME')) kind = 'date';
  const typeFit = TYPE_FIT[q.answerType][kind] ?? 0;
  if (typeFit === 0) return null;
  let content = 0;
  let inQuestion = 0;
  let asked = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (!t.content) continue;
    content++;
    if (q.terms.has(t.term)) {
      asked++;
      if (t.term !== headTerm) inQuestion++;
    }
  }
  if (content === 0 && kind !== 'number' && kind !== 'date') return null;
  // Made only of the question's own words ("the capital" for "What is the capital of France?").
  if (content > 0 && asked === content) return null;
  const overlap = content ? inQuestion / content : 0;
  if (overlap >= 1) return null;

  const p = placement(ctx.matches, ctx.clauseAt, from, to, q, ctx.totalWeight);
  let score = WEIGHTS.type * typeFit + WEIGHTS.proximity * p.proximity - WEIGHTS.overlap * overlap;
  score += WEIGHTS.order * p.order + WEIGHTS.window * p.window - WEIGHTS.clause * Math.min(3, p.clauses);
  if (verbAt >= 0 && q.answerType !== 'clause') {
    // A passive sentence ("studies led by Maxime Faget") puts the subject after the verb's "by".
    const passive = tokens[verbAt + 1]?.lower === 'by' || tokens[verbAt + 2]?.lower === 'by';
    const before = to <= verbAt;
    const after = from > verbAt;
    if (q.asksSubject) score += (passive ? after : before) ? WEIGHTS.verbSide : -WEIGHTS.verbSide;
    else if (passive ? before : after) score += WEIGHTS.verbSide;
  }
  if (headTerm) {
    if (tokens[to - 1]!.term === headTerm || tokens[to]?.term === headTerm || tokens[from - 1]?.term === headTerm) score += WEIGHTS.head;
  }
  if (q.answerType === 'place') {
    if (PLACE_PREPOSITIONS.has(c.preposition)) score += WEIGHTS.placePreposition;
    // A run holding a title is a person ("President Nicolas Maduro"), not a place.
    for (let i = from; i < to; i++) if (PERSON_TITLES.has(tokens[i]!.lower)) score -= WEIGHTS.placePreposition * 2;
  }
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
  let totalWeight = 0;
  for (const w of q.terms.values()) totalWeight += w;
  const ctx = { ...matchesOf(s.tokens, q), totalWeight };
  for (const c of candidatesOf(s.tokens, tags, q.terms)) {
    const scored = scoreCandidate(s.tokens, tags, c, q, headTerm, verbAt, ctx);
    if (process.env.QA_DEBUG && scored) console.log('   cand', s.index, s.tokens.slice(scored.from, scored.to).map((t) => t.text).join(' '), scored.kind, scored.score.toFixed(2));
    if (scored && (!best || scored.score > best.score)) best = scored;
  }
  return best;
}
