/**
 * Confidence and refusal. An answer is shown only when the sentence it comes from covers most of
 * what the question asks about (by IDF weight) and the span is of the kind asked for. A wrong
 * confident answer is worse than "not found in the article", so the threshold leans to refusing.
 */
import type { ScoredCandidate } from './extract';

/** Below this confidence the answer is "not found in the article" (with the closest sentence as a hint). */
export const FOUND_THRESHOLD = 0.25;

/**
 * 0..1 from: the names the article lacks, the share of the question's weight the sentence matches (`coverage`), how well the
 * span's kind fits the expected type, and the sentence's retrieval rank relative to the best.
 */
export function confidenceOf(coverage: number, candidate: ScoredCandidate, relativeRetrieval: number, missingNames: number): number {
  const fit = Math.min(1, candidate.typeFit);
  // Each name or number of the question that the article never mentions halves the confidence:
  // "When did the Berlin wall fall?" is not answered from an article without Berlin.
  const c = Math.sqrt(coverage) * fit * (0.8 + 0.2 * Math.min(1, relativeRetrieval)) * Math.pow(0.5, missingNames);
  return Math.max(0, Math.min(1, c));
}
