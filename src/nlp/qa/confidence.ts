/**
 * Confidence and refusal. An answer is shown only when the article talks about what the question
 * asks (its words are in the article), the sentence it comes from covers some of it, and the span
 * is of the kind asked for. A wrong confident answer is worse than "not found in the article".
 *
 * Derived from both sides (eval/qa.eval.ts): answerable questions (SQuAD dev) and the same
 * questions asked of a paragraph of a different article, where any answer is false. Against the
 * formula it replaced (sqrt of the sentence's coverage, half off per missing name, bar 0.2) the
 * false answers there fell from 3.3% to 1.0% and fewer answerable questions are refused (F1 56.1
 * to 57.2, in-sample).
 */
import type { ScoredCandidate } from './extract';
import type { AnswerType, QaIndex, QuestionAnalysis } from './model';

/**
 * Below this confidence a span answer is "not found in the article" (with the closest sentence as
 * a hint). Re-derived from both sides with the formula below (the sweep in eval/qa.eval.ts): on
 * SQuAD dev, from 0.15 down to 0.125 nothing changes; below 0.125 the mismatched questions'
 * answers (all false) start to outnumber the right answers gained (at 0.1, +0.5 F1 for 8 more
 * false answers of 486). Questions the article does not answer but talks about (a "how many" over
 * an article that gives no count) are not in that measure and sit there too: the bar stays where
 * the right answers still outnumber the false ones.
 */
export const FOUND_THRESHOLD = 0.15;

/**
 * The bar for answers taken from the article's quotes. Their confidence is the phrase match times
 * the attribution's confidence, another scale from the span formula's, and stays at the bar it
 * was set to with the quotes.
 */
export const QUOTE_FOUND_THRESHOLD = 0.2;

/**
 * How often a well-supported answer of each expected type is right: the confidence is scaled by
 * it so that it reads roughly as a probability (on SQuAD dev v1.1, the mean F1 of the answers
 * given rises with the confidence band, and is within about 0.1 of the band above 0.5). Dates and
 * names are crisp; a "what" noun phrase or a "why" clause can match the sentence perfectly and
 * still be cut wrong.
 */
const TYPE_RELIABILITY: Readonly<Record<AnswerType, number>> = {
  date: 1, person: 1, number: 0.9, organization: 0.9, place: 0.85, noun: 0.8, clause: 0.7, quote: 1, yesno: 0.7,
};

/**
 * Each name or number of the question the article never mentions takes this share off: "When did
 * the Berlin wall fall?" is not answered from an article without Berlin. Mild, because the
 * missing name also lowers the article's coverage (below); halving on top of that refused
 * answerable questions whose name is the article's subject, written in its title but not in the
 * text asked (the index holds the article's text without its title, as SQuAD's paragraphs are).
 */
const MISSING_NAME_FACTOR = 0.85;

/**
 * A sentence matching less than this share of the question's weight (IDF-weighted) is about
 * something else, whatever span of the right kind it holds: below it, answerable questions were
 * answered right a fifth of the time, and an article that talks about the question in one sentence
 * is not answered from another that shares one common word with it.
 */
const MIN_SENTENCE_COVERAGE = 0.1;

/** What the article as a whole holds of the question, whichever sentence answers. */
export interface ArticleSupport {
  /** Share of the question's term weight (names and numbers weigh more) that the article mentions anywhere, 0..1. */
  readonly coverage: number;
  /** Names and numbers of the question that the article never mentions. */
  readonly missingNames: number;
}

export function articleSupport(index: QaIndex, q: QuestionAnalysis): ArticleSupport {
  let total = 0;
  let got = 0;
  for (const [term, weight] of q.terms) {
    total += weight;
    if (index.sentenceFrequency.has(term)) got += weight;
  }
  let missingNames = 0;
  for (const name of q.names) if (!index.sentenceFrequency.has(name)) missingNames++;
  return { coverage: total === 0 ? 0 : got / total, missingNames };
}

/**
 * 0..1 from: the share of the question's weight the article mentions and the names it lacks, the
 * share the sentence matches (`coverage`, IDF-weighted), how well the span's kind fits the
 * expected type, the sentence's retrieval rank relative to the best, and how reliable answers of
 * the expected type are.
 */
export function confidenceOf(coverage: number, candidate: ScoredCandidate, relativeRetrieval: number, article: ArticleSupport, type: AnswerType): number {
  if (coverage < MIN_SENTENCE_COVERAGE) return 0;
  const fit = Math.min(1, candidate.typeFit);
  // The article's coverage enters as a square root like the sentence's: a question about another
  // subject shares a few common words with any article, and is refused for the many it lacks.
  const c =
    Math.sqrt(coverage) *
    Math.sqrt(article.coverage) *
    Math.pow(MISSING_NAME_FACTOR, article.missingNames) *
    fit *
    (0.8 + 0.2 * Math.min(1, relativeRetrieval)) *
    TYPE_RELIABILITY[type];
  return Math.max(0, Math.min(1, c));
}
