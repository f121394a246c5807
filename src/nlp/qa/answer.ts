/**
 * answerQuestion: analyse the question, retrieve the sentences that match it, extract the best
 * span of the expected kind from the top few, and decide whether it is sure enough to show.
 */
import type { AnswerResult, AnswerType, QaIndex, QaSentence, QuestionAnalysis, QuoteLike } from './model';
import { analyzeQuestion } from './question';
import { answerFromQuotes } from './quotes';
import { coverage, rankSentences, type ScoredSentence } from './retrieve';
import { bestCandidate, type ScoredCandidate, type SentenceContext } from './extract';
import { sentenceTags } from './sentence-tags';
import { articleSupport, confidenceOf, FOUND_THRESHOLD, QUOTE_FOUND_THRESHOLD } from './confidence';

import { WEIGHTS } from './weights';
import { asksForDescription, findDescription } from './describe';
import { hasCausalCue } from './causal';

/** A title or appositive written next to the asked name is a sure description. */
const DESCRIPTION_CONFIDENCE = 0.9;
import { SAY_VERBS } from '../lexicon/qa-answer-types';
import { termOf } from './terms';

/** Matching keys of the verbs of saying. */
const SAY_TERMS: ReadonlySet<string> = new Set([...SAY_VERBS].map((v) => termOf(v)));

export interface AnswerOptions {
  /** The article's quotes (from src/nlp/quotes), for who-said questions. */
  readonly quotes?: readonly QuoteLike[];
}

function sentenceOf(index: QaIndex, s: QaSentence): NonNullable<AnswerResult['sentence']> {
  return { index: s.index, start: s.start, end: s.end, text: index.text.slice(s.start, s.end) };
}

/** The sentence's surroundings for the extractor: the article's known names and the neighbours' terms. */
function contextOf(index: QaIndex, s: QaSentence): SentenceContext {
  const neighbourTerms = new Set<string>();
  for (const n of [index.sentences[s.index - 1], index.sentences[s.index + 1]]) if (n) for (const t of n.termCounts.keys()) neighbourTerms.add(t);
  return { knownNames: index.knownNames, neighbourTerms };
}

function sentenceAt(index: QaIndex, offset: number): QaSentence | undefined {
  return index.sentences.find((s) => s.start <= offset && offset < s.end);
}

/** Words that open a reason clause by themselves (not "to", "for", "as": those often are no reason). */
const REASON_CLAUSE_OPENERS: ReadonlySet<string> = new Set(['because', 'since', 'due', 'owing', 'thanks']);

/** The span is a clause opened by a reason word ("because the boats ...", "| the boats" after "because"). */
function opensWithReason(s: QaSentence, c: ScoredCandidate): boolean {
  if (c.kind !== 'clause') return false;
  const at = s.tokens[c.from]?.lower ?? '';
  const before = s.tokens[c.from - 1]?.lower ?? '';
  return REASON_CLAUSE_OPENERS.has(at) || REASON_CLAUSE_OPENERS.has(before);
}

/**
 * Share of the best match's retrieval score another ranked sentence needs to compete with it (set
 * by hand, not fitted: "within a fifth of the best").
 */
const COMPETING_SHARE = 0.8;

/**
 * The share a ranked sentence needs when it holds a span of the asked crisp kind and the best
 * match holds none (set by hand: "half the best"): the best match then is about the subject
 * without stating the asked date, number or name.
 */
const UNFIT_COMPETING_SHARE = 0.5;

/** Tied sentences searched beyond the top ones, at most (bounded work on repetitive text). */
const MAX_TIED = 8;

/** Types whose answer is recognizable by kind (a date, a number, a name). */
const CRISP_TYPES: ReadonlySet<AnswerType> = new Set(['date', 'number', 'person', 'place', 'organization']);

/**
 * Words that point back to a noun phrase named earlier ("these devices", "this network type").
 * Not "that": far more often it opens a clause ("membranes that surround all chloroplasts").
 */
const DEMONSTRATIVES: ReadonlySet<string> = new Set(['this', 'these', 'those', 'such']);

/** Words a demonstrative may stand from the noun it points with ("these | special | devices"). */
const DEMONSTRATIVE_REACH = 3;

/**
 * The sentence names the question's head noun only through a demonstrative ("... are treated
 * using these devices" for "What device is used to treat ..."): it speaks of the thing asked
 * without naming it, and what it is was said before.
 */
function headOnlyPointedTo(s: QaSentence, headTerm: string): boolean {
  let pointed = false;
  for (let i = 0; i < s.tokens.length; i++) {
    if (s.tokens[i]!.term !== headTerm) continue;
    let k = i - 1;
    while (k >= 0 && i - k <= DEMONSTRATIVE_REACH && s.tokens[k]!.kind === 'word' && !DEMONSTRATIVES.has(s.tokens[k]!.lower)) k--;
    if (k < 0 || i - k > DEMONSTRATIVE_REACH || !DEMONSTRATIVES.has(s.tokens[k]!.lower)) return false;
    pointed = true;
  }
  return pointed;
}

/** A double quotation mark, straight or curly (guillemets too). */
const DOUBLE_QUOTE = /^["\u201c\u201d\u00ab\u00bb]$/u;

/**
 * The sentence gives its place as "here" ("It is here that the river meets ..."): for a place
 * question, the place is named in the sentence before. Not inside a quotation: a speaker's
 * "here" is where they spoke, which the article need not have named just before.
 */
function placeIsHere(s: QaSentence): boolean {
  let quoted = false;
  for (const t of s.tokens) {
    // Double quotes only: a single one is as often a plural's apostrophe ("the players' ").
    if (t.kind === 'quote' && DOUBLE_QUOTE.test(t.text)) quoted = !quoted;
    else if (!quoted && t.lower === 'here') return true;
  }
  return false;
}

/**
 * The sentence opens by restating its predecessor ("That is, ...", "In other words, ..."): it
 * explains a fact stated there, often in the words a question asks about.
 */
function restatesPredecessor(s: QaSentence): boolean {
  const w = s.tokens.slice(0, 3).map((t) => t.lower);
  return (w[0] === 'that' && w[1] === 'is' && w[2] === ',') || (w[0] === 'in' && w[1] === 'other' && w[2] === 'words');
}

/** The question's head noun occurs once in it (only where it names the thing asked). */
function headNamedOnce(q: QuestionAnalysis): boolean {
  const head = termOf(q.head);
  let n = 0;
  for (const w of q.text.toLowerCase().split(/[^\p{L}\p{N}'-]+/u)) if (w && termOf(w) === head) n++;
  return n === 1;
}

/** A candidate span with its sentence and their combined score. */
interface Choice {
  readonly s: ScoredSentence;
  readonly c: ScoredCandidate;
  readonly total: number;
}

/** Answer `question` from the indexed article. Pure apart from the index's tag cache. */
export function answerQuestion(index: QaIndex, question: string, opts: AnswerOptions = {}): AnswerResult {
  let q = analyzeQuestion(question);
  const ranked = rankSentences(index, q);
  const top = ranked[0];
  const hint = top && top.score > 0 ? sentenceOf(index, top.sentence) : null;
  const refuse = (answerType = q.answerType, confidence = 0): AnswerResult => ({
    found: false, answer: null, answerStart: null, answerEnd: null, sentence: hint, confidence, answerType,
  });

  if (q.quoteQuery) {
    const fromQuotes = opts.quotes ? answerFromQuotes(index, q.quoteQuery, opts.quotes) : null;
    if (fromQuotes) {
      const s = sentenceAt(index, fromQuotes.start);
      if (fromQuotes.confidence < QUOTE_FOUND_THRESHOLD) return refuse('quote', fromQuotes.confidence);
      return {
        found: true,
        answer: fromQuotes.answer,
        answerStart: fromQuotes.start,
        answerEnd: fromQuotes.end,
        sentence: s ? sentenceOf(index, s) : hint,
        confidence: fromQuotes.confidence,
        answerType: 'quote',
        quotes: fromQuotes.quotes,
      };
    }
    // Not in the quotes (or no quotes given): answer as a plain question ("Who noted X?" is often a fact).
    // The saying verb is only the question's frame: it must not count as matching content.
    if (!opts.quotes || q.quoteQuery.phrase) {
      const terms = new Map([...q.terms].filter(([t]) => !SAY_TERMS.has(t)));
      q = { ...q, terms, answerType: q.quoteQuery.phrase ? 'person' : 'noun', quoteQuery: null };
    }
    else return refuse('quote');
  }
  if (!top || top.score <= 0 || q.terms.size === 0) return refuse();

  if (asksForDescription(q)) {
    const d = findDescription(index, q);
    if (!d) return refuse();
    return {
      found: true,
      answer: index.text.slice(d.start, d.end),
      answerStart: d.start,
      answerEnd: d.end,
      sentence: sentenceOf(index, d.sentence),
      confidence: DESCRIPTION_CONFIDENCE,
      answerType: q.answerType,
    };
  }

  let best: Choice | null = null;
  let reason: Choice | null = null;
  const topScore = top.score;
  const searched = ranked.slice(0, WEIGHTS.topSentences);
  // Sentences tied on the question's words with the last one searched are searched too: between
  // them the span's fit to the asked type decides (a date for "when"), not the sentence order.
  const last = searched[searched.length - 1];
  for (let k = searched.length; last && k < ranked.length && k < MAX_TIED + WEIGHTS.topSentences && ranked[k]!.score === last.score && last.score > 0; k++) searched.push(ranked[k]!);
  let topFits = false;
  let pointsBack = false;
  // The asked noun, when the question names it only as what it asks for: in "The success of the
  // X exhibition led to what exhibition?" the sentence's "this exhibition" may be the one named.
  const headTerm = q.head && headNamedOnce(q) ? termOf(q.head) : '';
  // A span of the asked kind (a number for "how many") where the best match holds none.
  const fitsWhereTopDoesNot = (c: ScoredCandidate | null): boolean => !topFits && CRISP_TYPES.has(q.answerType) && c !== null && c.typeFit >= 1;
  // The ranked sentences; the neighbours appended below have their own, discounted score.
  const ranks = searched.length;
  for (let k = 0; k < searched.length; k++) {
    const s = searched[k]!;
    if (s.score <= 0) continue;
    const c = bestCandidate(s.sentence, sentenceTags(index, s.sentence.index), q, contextOf(index, s.sentence));
    if (k === 0) {
      topFits = c !== null && c.typeFit >= 1;
      // The best match names the asked thing only as "these devices", or the asked place only as
      // "here": the sentence before it says what they are. It is searched with the best match's
      // score, and the best match's own spans count at the neighbours' discount (they are other
      // things it mentions). A best match that restates its predecessor ("That is, ...") only
      // lifts the predecessor to its score: either may hold the asked words.
      const before = index.sentences[s.sentence.index - 1];
      pointsBack = before !== undefined && ((headTerm !== '' && headOnlyPointedTo(s.sentence, headTerm)) || (q.answerType === 'place' && placeIsHere(s.sentence)));
      if (before && (pointsBack || restatesPredecessor(s.sentence))) {
        const at = searched.findIndex((x) => x.sentence.index === before.index);
        const raised = { sentence: before, score: s.score, matched: new Set([...s.matched, ...(at >= 0 ? searched[at]!.matched : [])]) };
        if (at >= 0) searched[at] = raised;
        else searched.push(raised);
      }
      // The best match holds no span of the asked kind: the fact is often in the sentence before
      // or after it ("The academy opened in 1329. Its first head was Yu Ji."), searched next
      // with the best match's retrieval score, discounted.
      if (!topFits && CRISP_TYPES.has(q.answerType)) {
        for (const n of [s.sentence.index - 1, s.sentence.index + 1]) {
          const sentence = index.sentences[n];
          // Only a neighbour that continues the same subject: the next sentence opens with a
          // pronoun or "the + noun", or the best match itself does and refers back to it.
          const continues = n > s.sentence.index ? sentence?.inherited.size : s.sentence.inherited.size;
          if (sentence && continues && !searched.some((x) => x.sentence.index === n)) searched.push({ sentence, score: s.score * WEIGHTS.neighbourFallback, matched: s.matched });
        }
      }
    }
    if (!c) continue;
    const total = (k === 0 && pointsBack ? WEIGHTS.neighbourFallback : 1) * (s.score / topScore) + WEIGHTS.spanShare * c.score;
    // Another ranked sentence competes with the best match only when it matches the question
    // about as well; then the span decides (a date for "when"). One matching much less well is a
    // different fact that happens to hold a span of the asked kind. (A reason clause for "why" is
    // still looked for there: the best match may say what happened and not why.)
    const competes = k === 0 || k >= ranks || s.score >= topScore * (fitsWhereTopDoesNot(c) ? UNFIT_COMPETING_SHARE : COMPETING_SHARE);
    if (competes && (!best || total > best.total)) best = { s, c, total };
    if (q.wh === 'why' && (!reason || total > reason.total) && opensWithReason(s.sentence, c)) reason = { s, c, total };
  }
  // A "why" is answered only from a sentence that gives a reason. When the best match says what
  // happened without saying why, a clause opened by a reason word ("because ...", "due to ...")
  // in another matching sentence answers (a "to" + verb there is too weak a cue on its own:
  // "the first official to visit"); with none, the article does not say why.
  if (best && q.wh === 'why' && !hasCausalCue(best.s.sentence.tokens, sentenceTags(index, best.s.sentence.index))) best = reason;
  if (!best) return refuse();

  const tokens = best.s.sentence.tokens;
  const start = tokens[best.c.from]!.start;
  const end = tokens[best.c.to - 1]!.end;
  const confidence = confidenceOf(coverage(index, q, best.s.matched), best.c, best.s.score / topScore, articleSupport(index, q), q.answerType);
  if (confidence < FOUND_THRESHOLD) {
    return { ...refuse(q.answerType, confidence), sentence: sentenceOf(index, best.s.sentence), rejected: { text: index.text.slice(start, end), start, end } };
  }
  return {
    found: true,
    answer: index.text.slice(start, end),
    answerStart: start,
    answerEnd: end,
    sentence: sentenceOf(index, best.s.sentence),
    confidence,
    answerType: q.answerType,
  };
}
