/**
 * Reading a stored analysis back. The analyses table holds JSON written by an earlier run, maybe by
 * an older build or a damaged disk, so it goes through this schema rather than a cast: a row that
 * does not have the Analysis shape (src/nlp/analyze.ts) is reported as unreadable and the library
 * computes the analysis again instead of handing a broken value to a command.
 */
import { z } from 'zod';
import type { Analysis } from '../nlp/analyze';

const offset = z.number().int().nonnegative();
const nullableOffset = offset.nullable();

const summarySentence = z.object({
  index: offset,
  start: offset,
  end: offset,
  text: z.string(),
  score: z.number(),
});

const summary = z.object({
  sentences: z.array(summarySentence),
  keywords: z.array(z.string()),
  reducedByPercent: z.number(),
  tooShort: z.boolean(),
});

/** One stored quote (also read back from the search store's quote rows). */
export const quoteSchema = z.object({
  quote: z.string(),
  start: offset,
  end: offset,
  fragments: z.array(z.object({ start: offset, end: offset })),
  speaker: z.string().nullable(),
  speakerStart: nullableOffset,
  speakerEnd: nullableOffset,
  speakerRef: z.string().nullable(),
  cue: z.string().nullable(),
  cueStart: nullableOffset,
  cueEnd: nullableOffset,
  cueClass: z.enum(['speech', 'belief', 'evidence']),
  kind: z.enum(['direct', 'mixed', 'indirect']),
  confidence: z.number(),
  sentence: offset,
});

/** The shape `analyzeArticle` returns; unknown keys are dropped. */
export const analysisSchema = z.object({
  version: z.number().int(),
  articleId: z.string().min(1),
  sentenceCount: offset,
  wordCount: offset,
  summary,
  quotes: z.array(quoteSchema),
  english: z.boolean(),
});

/** Why a stored analysis could not be used: not JSON, or JSON without the Analysis shape. */
export type UnreadableAnalysis = { readonly ok: false; readonly reason: string };

/** The stored JSON as an Analysis, or why it is unreadable (never throws). */
export function readStoredAnalysis(json: string): { readonly ok: true; readonly analysis: Analysis } | UnreadableAnalysis {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return { ok: false, reason: `not JSON: ${(err as Error).message}` };
  }
  const parsed = analysisSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reason: first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid' };
  }
  const analysis: Analysis = parsed.data;
  return { ok: true, analysis };
}
