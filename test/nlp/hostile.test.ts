/**
 * Hostile text through every analysis stage grows linearly: each pattern of HOSTILE_TEXT at n and
 * 4n characters, the time of each stage compared (linear is 4x, quadratic 16x). Times are the
 * fastest of a few runs, so a busy machine does not flake the ratio; absolute figures at 100 KB and
 * 1 MB are in `npm run bench -- hostile`. Output is bounded too: quotes never repeat the text many
 * times over (an unclosed quotation once ran every quote to the end of the text).
 */
import { describe, expect, it } from 'vitest';
import { STAGES, timeStages, type Stage } from '../../bench/hostile-stages';
import { extractQuotes } from '../../src/nlp/quotes';
import { MAX_SENTENCE_TOKENS, segment } from '../../src/nlp/segment';
import { HOSTILE_TEXT } from '../support/hostile';
import { cpuClock } from '../support/cpu-clock';

const SMALL = 12_000;
const LARGE = 4 * SMALL;
/** Growth allowed for 4x the input: linear is 4, n log n a little more, quadratic 16 (noise on a busy machine between). */
const MAX_GROWTH = 10;
/** Below this many milliseconds a stage is too fast to time: the ratio is not meaningful. */
const TIMER_FLOOR_MS = 10;
const RUNS = 4;

type Timing = Record<Stage, number> & { quoteChars: number };

/**
 * The fastest of RUNS timings of each text, small and large interleaved after a warm-up, so that a
 * pause of the machine (another test file, the garbage collector, the JIT) hits both sizes alike.
 */
function fastestPair(small: string, large: string): [Timing, Timing] {
  timeStages(small, 'text', cpuClock);
  const best: [Timing | null, Timing | null] = [null, null];
  for (let r = 0; r < RUNS; r++) {
    for (const [k, text] of [small, large].entries()) {
      const t = timeStages(text, 'text', cpuClock);
      const b = best[k];
      best[k] = b ? { ...t, ...Object.fromEntries(STAGES.map((s) => [s, Math.min(b[s], t[s])])) } : t;
    }
  }
  return [best[0]!, best[1]!];
}

describe('hostile text stays linear in every stage', () => {
  it.each(Object.entries(HOSTILE_TEXT))(
    'GIVEN %s at 4x the size THEN no stage takes more than 10x the time, and quotes hold under 8x the text',
    (_name, make) => {
      const [small, large] = fastestPair(make(SMALL), make(LARGE));
      for (const s of STAGES) {
        const growth = large[s] / Math.max(small[s], TIMER_FLOOR_MS);
        expect(growth, `${s}: ${small[s].toFixed(1)} ms -> ${large[s].toFixed(1)} ms`).toBeLessThan(MAX_GROWTH);
      }
      expect(large.quoteChars).toBeLessThan(8 * LARGE);
    },
    60_000,
  );

});

describe('the budgets behind it', () => {
  it('GIVEN a sentence of 1,000 words with commas THEN it is cut at its last comma before 300 tokens', () => {
    const text = `${'alpha beta gamma, '.repeat(250)}end.`;
    const seg = segment(text);
    // 4 tokens a repeat ("alpha beta gamma ,"): each piece ends at the comma that is token 296 of it (3 + 4 * 73).
    expect(seg.sentences.map((s) => s.tokenEnd - s.tokenStart)).toEqual([296, 296, 296, 114]);
    expect(seg.sentences.every((s) => folded(seg, s.end - 1) === ',' || s === seg.sentences.at(-1))).toBe(true);
  });

  it('GIVEN a sentence with no clause break THEN it is cut at the budget itself', () => {
    const seg = segment('word '.repeat(700).trim());
    expect(seg.sentences.map((s) => s.tokenEnd - s.tokenStart)).toEqual([MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 100]);
  });

  it('GIVEN a cue before every word of one sentence THEN only the first six attributions are read', () => {
    const text = `${'He said the plan works, '.repeat(40)}and it did.`;
    const quotes = extractQuotes(text);
    const bySentence = new Map<number, number>();
    for (const q of quotes) bySentence.set(q.sentence, (bySentence.get(q.sentence) ?? 0) + 1);
    expect(Math.max(...bySentence.values())).toBe(6);
  });

  it('GIVEN 2,000 unclosed "He said \\"" THEN the quotes stay bounded and each is a span of the text', () => {
    const text = 'He said "'.repeat(2_000);
    const quotes = extractQuotes(text);
    const chars = quotes.reduce((n, q) => n + q.quote.length, 0);
    expect(chars).toBeLessThan(8 * text.length);
    for (const q of quotes) expect(q.quote).toBe(text.slice(q.start, q.end));
  });
});

function folded(seg: ReturnType<typeof segment>, offset: number): string {
  return seg.folded[offset]!;
}
