/**
 * The weights of answer scoring in one place, tuned on SQuAD v1.1 dev (eval/qa.eval.ts) by
 * coordinate ascent (one weight at a time, x0.5 / x0.75 / x1.25 / x1.5, kept when F1 + sentence
 * accuracy / 2 rose by more than 0.15), rounded; each says what it rewards. The retrieval weights
 * (k1, b, bigram, inherited, neighbour, neighbourFallback, spanShare) are no longer fitted: dev
 * figures hardly move with them (eval/qa-fit.ts, RETRIEVAL_WEIGHTS), so they stay as last fitted.
 */
export const WEIGHTS = {
  /** The span is of the kind the question asks for (times the TYPE_FIT table value). */
  type: 1.5,
  /** Closeness to the question's words in the sentence (1 / (1 + mean distance / 4)). */
  proximity: 0.188,
  /** Penalty for the share of the span made of the question's own words. */
  overlap: 0.25,
  /** The span is on the side of the question's verb the wh-word asks for. */
  verbSide: 0.125,
  /** The span fills the verb's asked slot: right after it (object, or agent after "by") or right before it (subject). */
  slot: 0.188,
  /** The span ends with, or sits next to, the noun after what/which ("the TGIF block"). */
  head: 0.625,
  /** A "what kind of X" question: the modifier right before X in the sentence. */
  kind: 0.25,
  /** An example asked: the span follows "such as / including / like / for example". */
  example: 0.625,
  /** The span follows the preposition the question puts before its wh-word ("into what" -> "into | the mesoglea"). */
  preposition: 0.25,
  /** A place after "in/at/from...", a date after "in/on/since...". */
  placePreposition: 0.25,
  /** Per word past SHORT_SPAN_WORDS: answers are short. */
  longSpan: 0.1,
  /** Question words before/after the span as in the question's statement form. */
  order: 0.25,
  /** Share of the question's words within 3 tokens of the span. */
  window: 0.75,
  /** Per clause boundary (comma, bracket, dash) between the span and the question's words. */
  clause: 0.1,
  /** BM25 term-frequency saturation and length normalization (Robertson & Zaragoza 2009 defaults). */
  k1: 0.3,
  b: 0.375,
  /** Retrieval score added per question bigram found in order: phrase matches are strong evidence. */
  bigram: 0.5,
  /** Share of a term's score for a name a sentence inherits from its predecessor ("It was...", "The academy..."). */
  inherited: 0.5,
  /** Share of the previous/next sentence's score added: pronoun context without outranking the match. */
  neighbour: 0.375,
  /** Retrieval score share given to the best match's neighbours when it holds no span of the asked kind. */
  neighbourFallback: 0.5,
  /** Sentences searched for an answer span, best retrieval first. */
  topSentences: 3,
  /** How much the span's score counts against the sentence's retrieval score when choosing. */
  spanShare: 0.5,
};
