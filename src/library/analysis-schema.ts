/**
 * Reading a stored analysis back. The analyses table holds JSON written by an earlier run, maybe by
 * an older build or a damaged disk, so it goes through this schema rather than a cast: a row that
 * does not have the Analysis shape (src/nlp/analyze.ts) is reported as unreadable and the library
 * computes the analysis again instead of handing a broken value to a command.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
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

/**
 * Quotes checked between two turns of the event loop when a stored analysis is read. The longest
 * article (2,000,000 characters) has about 13,000 quotes, 5 MB of JSON: parsing it takes ~12 ms and
 * checking every quote in one go another 15-50 ms, time in which no other server is answered. In
 * steps of this many quotes each step is a few milliseconds.
 */
export const QUOTES_PER_STEP = 1_000;

/** The analysis without its quotes checked (they are checked in steps). */
const analysisHead = analysisSchema.extend({ quotes: z.array(z.unknown()) });

/** Why a stored analysis could not be used: not JSON, or JSON without the Analysis shape. */
export type UnreadableAnalysis = { readonly ok: false; readonly reason: string };

const issueOf = (error: z.ZodError, prefix: ReadonlyArray<string | number> = []): string => {
  const first = error.issues[0];
  return first ? `${[...prefix, ...first.path].join('.') || '(root)'}: ${first.message}` : 'invalid';
};

/**
 * The stored JSON as an Analysis, or why it is unreadable (never throws). The event loop turns
 * between steps of QUOTES_PER_STEP quotes, so reading the analysis of a very long article does not
 * hold up the replies to other servers (the JSON itself is parsed in one go: about 12 ms at the
 * size limit).
 */
export async function readStoredAnalysis(json: string): Promise<{ readonly ok: true; readonly analysis: Analysis } | UnreadableAnalysis> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return { ok: false, reason: `not JSON: ${(err as Error).message}` };
  }
  const head = analysisHead.safeParse(value);
  if (!head.success) return { ok: false, reason: issueOf(head.error) };
  const raw = head.data.quotes;
  const quotes: Analysis['quotes'][number][] = [];
  for (let from = 0; from < raw.length; from += QUOTES_PER_STEP) {
    if (from > 0) await nextTurn();
    const step = z.array(quoteSchema).safeParse(raw.slice(from, from + QUOTES_PER_STEP));
    if (!step.success) {
      const [index, ...rest] = step.error.issues[0]?.path ?? [];
      return { ok: false, reason: typeof index === 'number' ? `quotes.${from + index}${rest.length ? `.${rest.join('.')}` : ''}: ${step.error.issues[0]!.message}` : issueOf(step.error, ['quotes']) };
    }
    quotes.push(...step.data);
  }
  const analysis: Analysis = { ...head.data, quotes };
  return { ok: true, analysis };
}
