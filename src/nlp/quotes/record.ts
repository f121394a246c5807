/**
 * The JSON record of one quote in `lede quotes --jsonl` (ARCHITECTURE.md), plus `fragments`:
 * `start`/`end` are the overall span; when an attribution interrupts the quote (`"A," she said,
 * "B."`) `fragments` lists each piece as `[start, end]` so an evaluator can score them separately.
 */
import type { Quote, QuoteKind } from './types';

export interface QuoteRecord {
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  readonly fragments: Array<[number, number]>;
  readonly speaker: string | null;
  readonly speakerStart: number | null;
  readonly speakerEnd: number | null;
  readonly speakerRef: string | null;
  readonly cue: string | null;
  readonly kind: QuoteKind;
  readonly confidence: number;
}

export function toQuoteRecord(q: Quote): QuoteRecord {
  return {
    quote: q.quote,
    start: q.start,
    end: q.end,
    fragments: q.fragments.map((f) => [f.start, f.end]),
    speaker: q.speaker,
    speakerStart: q.speakerStart,
    speakerEnd: q.speakerEnd,
    speakerRef: q.speakerRef,
    cue: q.cue,
    kind: q.kind,
    confidence: q.confidence,
  };
}
