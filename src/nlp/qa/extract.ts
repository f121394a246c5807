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
  /** Index of the term in `MatchContext.terms`. */
  readonly termId: number;
  /** Clause boundaries (commas, semicolons, brackets, dashes) before this token in the sentence. */
  readonly clause: number;
}

interface MatchContext {
  readonly matches: readonly Match[];
  /** The distinct matched terms with their weight and side in the question's statement form (-1 left, 1 right, 0 none). */
  readonly terms: ReadonlyArray<{ readonly weight: number; readonly side: number }>;
  readonly clauseAt: Int32Array;
  readonly totalWeight: number;
  /** Scratch space, one slot per term: nearest distance and its match. */
  readonly nearest: Float64Array;
  readonly nearestAt: Int32Array;
}

const CLAUSE_MARKS = new Set([',', ';', ':', '(', ')', '\u2013', '\u2014', '--']);

/** Question-term occurrences and a running clause counter, computed once per sentence. */
function matchContext(tokens: readonly QaToken[], q: QuestionAnalysis): MatchContext {
  const matches: Match[] = [];
  const terms: Array<{ weight: number; side: number }> = [];
  const ids = new Map<string, number>();
  const clauseAt = new Int32Array(tokens.length + 1);
  let clause = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (CLAUSE_MARKS.has(t.text)) clause++;
    clauseAt[i] = clause;
    const weight = t.content ? q.terms.get(t.term) : undefined;
    if (weight === undefined) continue;
    let termId = ids.get(t.term);
    if (termId === undefined) {
      termId = terms.length;
      ids.set(t.term, termId);
      terms.push({ weight, side: q.leftTerms.has(t.term) ? -1 : q.rightTerms.has(t.term) ? 1 : 0 });
    }
    matches.push({ i, termId, clause });
  }
  clauseAt[tokens.length] = clause;
  let totalWeight = 0;
  for (const w of q.terms.values()) totalWeight += w;
  return { matches, terms, clauseAt, totalWeight, nearest: new Float64Array(terms.length), nearestAt: new Int32Array(terms.length) };
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

function placement(ctx: MatchContext, from: number, to: number): Placement {
  const { matches, terms, nearest, nearestAt } = ctx;
  nearest.fill(Infinity);
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    if (m.i >= from && m.i < to) continue;
    const d = m.i < from ? from - m.i - 1 : m.i - to;
    if (d < nearest[m.termId]!) {
      nearest[m.termId] = d;
      nearestAt[m.termId] = k;
    }
  }
  let dist = 0;
  let weight = 0;
  let agree = 0;
  let sided = 0;
  let clauses = 0;
  let windowWeight = 0;
  const spanClause = ctx.clauseAt[from]!;
  for (let id = 0; id < terms.length; id++) {
    const d = nearest[id]!;
    if (d === Infinity) continue;
    const m = matches[nearestAt[id]!]!;
    const { weight: w, side } = terms[id]!;
    dist += w * d;
    weight += w;
    clauses += w * Math.abs(m.clause - spanClause);
    if (d < WINDOW) windowWeight += w;
    if (side !== 0) {
      sided += w;
      agree += (side < 0 && m.i < from) || (side > 0 && m.i >= to) ? w : -w;
    }
  }
  if (weight === 0) return { proximity: 0, order: 0, window: 0, clauses: 0 };
  return {
    proximity: 1 / (1 + dist / weight / 4),
    order: sided ? agree / sided : 0,
    window: ctx.totalWeight ? windowWeight / ctx.totalWeight : 0,
    clauses: clauses / weight,
  };
}

function allDateTokens(tags: TokenTags, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tags.entity[i] !== 'DATE' && tags.entity[i] !== 'TIME') return false;
  return true;
}

function scoreCandidate(tokens: readonly QaToken[], tags: TokenTags, c: Candidate, q: QuestionAnalysis, headTerm: string, verbAt: number, ctx: MatchContext): ScoredCandidate | null {
  const [from, to] = trim(tokens, c, q, headTerm);
  if (to <= from) return null;
  let kind = c.kind;
  // A capitalized run made only of date words ("Friday", "January") is a date, not a name.
  if (kind === 'name' && allDateTokens(tags, from, to)) kind = 'date';
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

  const p = placement(ctx, from, to);
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
  const ctx = matchContext(s.tokens, q);
  for (const c of candidatesOf(s.tokens, tags, q.terms)) {
    const scored = scoreCandidate(s.tokens, tags, c, q, headTerm, verbAt, ctx);
    if (process.env.QA_DEBUG && scored) console.log('   cand', s.index, s.tokens.slice(scored.from, scored.to).map((t) => t.text).join(' '), scored.kind, scored.score.toFixed(2));
    if (scored && (!best || scored.score > best.score)) best = scored;
  }
  return best;
}
