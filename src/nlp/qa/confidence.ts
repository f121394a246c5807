/**
 * Confidence and refusal. An answer is shown only when the sentence it comes from covers most of
 * what the question asks about (by IDF weight) and the span is of the kind asked for. A wrong
 * confident answer is worse than "not found in the article", so the threshold leans to refusing.
 */
import type { ScoredCandidate } from './extract';
import type { AnswerType } from './model';

/**
 * Below this confidence the answer is "not found in the article" (with the closest sentence as a
 * hint). On SQuAD dev, answers between 0.2 and 0.3 are still right about as often as those
 * between 0.3 and 0.5 (F1 0.44), so the bar sits at 0.2 of the calibrated scale.
 */
export const FOUND_THRESHOLD = 0.2;

/**
 * How often a well-supported answer of each expected type is right: the confidence is scaled by
 * it so that it reads as a probability (on SQuAD dev v1.1, mean F1 of the answers given per
 * confidence band is within about 0.1 of the band). Dates and names are crisp; a "what" noun
 * phrase or a "why" clause can match the sentence perfectly and still be cut wrong.
 */
const TYPE_RELIABILITY: Readonly<Record<AnswerType, number>> = {
  date: 1, person: 1, number: 0.9, organization: 0.9, place: 0.85, noun: 0.8, clause: 0.7, quote: 1, yesno: 0.7,
};

/**
 * 0..1 from: the names the article lacks, the share of the question's weight the sentence matches (`coverage`), how well the
 * span's kind fits the expected type, the sentence's retrieval rank relative to the best, and
 * how reliable answers of the expected type are.
 */
export function confidenceOf(coverage: number, candidate: ScoredCandidate, relativeRetrieval: number, missingNames: number, type: AnswerType): number {
  const fit = Math.min(1, candidate.typeFit);
  // Each name or number of the question that the article never mentions halves the confidence:
  // "When did the Berlin wall fall?" is not answered from an article without Berlin.
  const c = Math.sqrt(coverage) * fit * (0.8 + 0.2 * Math.min(1, relativeRetrieval)) * Math.pow(0.5, missingNames) * TYPE_RELIABILITY[type];
  return Math.max(0, Math.min(1, c));
}
