/** The values quote extraction produces. All offsets are JS string indices into the article text. */
import type { CueClass } from '../lexicon/speech-verbs';

/** `direct`: the content is all inside quote marks; `mixed`: partly; `indirect`: reported speech. */
export type QuoteKind = 'direct' | 'mixed' | 'indirect';

export interface Fragment {
  readonly start: number;
  readonly end: number;
}

export interface Quote {
  /** The content, verbatim: `text.slice(start, end)` (with the interrupting attribution if it has several fragments). */
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  /** The content pieces: one, or several when the attribution interrupts it (`"A," she said, "B."`). */
  readonly fragments: readonly Fragment[];
  /** The speaker mention as written ("he", "US envoy Richard Grenell"), or null when unknown. */
  readonly speaker: string | null;
  readonly speakerStart: number | null;
  readonly speakerEnd: number | null;
  /** The canonical speaker for this article ("Richard Grenell" for "he"), or null when unresolved. */
  readonly speakerRef: string | null;
  /** The cue as written ("said", "according to", "was quoted as saying"), or null (continuation, Q&A). */
  readonly cue: string | null;
  readonly cueStart: number | null;
  readonly cueEnd: number | null;
  /** Speech, belief ("believes") or evidence ("a poll shows"). */
  readonly cueClass: CueClass;
  readonly kind: QuoteKind;
  /** 0..1: how sure the rules are of the span and the speaker together. */
  readonly confidence: number;
  /** Index of the sentence (in the segmentation) that holds `start`. */
  readonly sentence: number;
}
