/**
 * Reading a stored analysis in steps: a long analysis lets the event loop turn between steps of
 * QUOTES_PER_STEP quotes (other servers' replies go on), the result is the analysis itself, and a
 * damaged quote in a later step is named by its place in the whole list.
 */
import { describe, expect, it } from 'vitest';
import { QUOTES_PER_STEP, readStoredAnalysis } from '../../src/library/analysis-schema';
import { ANALYSIS_VERSION, type Analysis } from '../../src/nlp/analyze';

const quote = (k: number): Analysis['quotes'][number] => ({
  quote: `Line ${k}`, start: k * 20, end: k * 20 + 8, fragments: [{ start: k * 20, end: k * 20 + 8 }],
  speaker: 'Ana Reyes', speakerStart: 0, speakerEnd: 9, speakerRef: 'ana reyes', cue: 'said', cueStart: 10, cueEnd: 14,
  cueClass: 'speech', kind: 'direct', confidence: 0.9, sentence: k,
});

function analysisWith(quotes: number): Analysis {
  return {
    version: ANALYSIS_VERSION, articleId: 'a'.repeat(64), sentenceCount: quotes, wordCount: quotes * 5,
    summary: { sentences: [], keywords: [], reducedByPercent: 0, tooShort: true },
    quotes: Array.from({ length: quotes }, (_, k) => quote(k)), english: true,
  };
}

/** How many times a setImmediate loop ran while `work` was pending: turns of the event loop. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let done = false;
  const spin = () => {
    if (done) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  const result = await work();
  done = true;
  return { result, turns };
}

describe('readStoredAnalysis', () => {
  it('GIVEN an analysis of 3.5 steps of quotes THEN it reads back equal, the loop turning between the steps', async () => {
    const analysis = analysisWith(QUOTES_PER_STEP * 3 + QUOTES_PER_STEP / 2);
    const { result, turns } = await turnsDuring(() => readStoredAnalysis(JSON.stringify(analysis)));
    expect(result).toEqual({ ok: true, analysis });
    expect(turns).toBeGreaterThanOrEqual(3);
  });

  it('GIVEN a few quotes THEN one step, no turn of the loop', async () => {
    const analysis = analysisWith(3);
    const { result, turns } = await turnsDuring(() => readStoredAnalysis(JSON.stringify(analysis)));
    expect(result).toEqual({ ok: true, analysis });
    expect(turns).toBe(0);
  });

  it('GIVEN a damaged quote in the third step THEN unreadable, naming the quote by its place in the whole list', async () => {
    const analysis = analysisWith(QUOTES_PER_STEP * 3);
    const at = QUOTES_PER_STEP * 2 + 7;
    const json = JSON.stringify({ ...analysis, quotes: analysis.quotes.map((q, k) => (k === at ? { ...q, start: -1 } : q)) });
    expect(await readStoredAnalysis(json)).toEqual({ ok: false, reason: `quotes.${at}.start: Too small: expected number to be >=0` });
  });

  it('GIVEN quotes that are not a list, or keys it does not know THEN the first is unreadable and the second reads without them', async () => {
    const analysis = analysisWith(2);
    expect(await readStoredAnalysis(JSON.stringify({ ...analysis, quotes: 'none' }))).toEqual({ ok: false, reason: 'quotes: Invalid input: expected array, received string' });
    const extra = { ...analysis, debug: true, quotes: analysis.quotes.map((q) => ({ ...q, note: 'x' })) };
    expect(await readStoredAnalysis(JSON.stringify(extra))).toEqual({ ok: true, analysis });
  });
});
