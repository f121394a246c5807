/**
 * Hostile text and Markdown grow linearly through the article parse: each pattern at n and 4n
 * characters (linear 4x, quadratic 16x), read as plain text and as Markdown, and the whitespace and
 * boilerplate passes timed on their own. Times are the fastest of a few runs, small and large
 * interleaved, so a busy machine does not flake the ratio; figures at 100 KB and 1 MB are in the
 * hostile bench.
 */
import { describe, expect, it } from 'vitest';
import { ArticleError, parseArticle } from '../../src/article';
import { separateBoilerplate } from '../../src/article/boilerplate';
import { parseMarkdown } from '../../src/article/markdown';
import { parsePlainText } from '../../src/article/text';
import { normalizeParagraph } from '../../src/article/whitespace';
import { HOSTILE_MARKDOWN, HOSTILE_TEXT } from '../support/hostile';
import { cpuClock } from '../support/cpu-clock';

const SMALL = 50_000;
const LARGE = 4 * SMALL;
/** Growth allowed for 4x the input: linear is 4, quadratic 16; the rest is a busy machine. */
const MAX_GROWTH = 8;
/** Below this many milliseconds a pass is too fast to time: the ratio is taken against this floor. */
const TIMER_FLOOR_MS = 10;
const RUNS = 4;

const STAGES = {
  'parse as text': (s: string) => parseOrRefuse(s, 'text'),
  'parse as Markdown': (s: string) => parseOrRefuse(s, 'markdown'),
  whitespace: (s: string) => [...parsePlainText(s).paragraphs, ...parseMarkdown(s).paragraphs].map(normalizeParagraph),
  boilerplate: (s: string) => separateBoilerplate([...parsePlainText(s).paragraphs, ...parseMarkdown(s).paragraphs].map(normalizeParagraph)),
} as const;
type Stage = keyof typeof STAGES;

function parseOrRefuse(content: string, format: 'text' | 'markdown'): void {
  try {
    parseArticle({ content, format, source: 'hostile' });
  } catch (err) {
    if (!(err instanceof ArticleError)) throw err;
  }
}

/** The fastest of RUNS timings of `stage` on each text, small and large interleaved after a warm-up. */
function fastestPair(stage: Stage, small: string, large: string): [number, number] {
  const run = STAGES[stage];
  run(small);
  const best = [Infinity, Infinity];
  for (let r = 0; r < RUNS; r++) {
    for (const [k, text] of [small, large].entries()) {
      const t = cpuClock();
      run(text);
      best[k] = Math.min(best[k]!, cpuClock() - t);
    }
  }
  return [best[0]!, best[1]!];
}

describe('hostile text and Markdown stay linear in the article parse', () => {
  it.each(Object.entries({ ...HOSTILE_TEXT, ...HOSTILE_MARKDOWN }))(
    'GIVEN %s at 4x the size THEN no pass takes 8x the time',
    (_name, make) => {
      const [small, large] = [make(SMALL), make(LARGE)];
      for (const stage of Object.keys(STAGES) as Stage[]) {
        const [t, T] = fastestPair(stage, small, large);
        expect(T / Math.max(t, TIMER_FLOOR_MS), `${stage}: ${t.toFixed(1)} ms -> ${T.toFixed(1)} ms`).toBeLessThan(MAX_GROWTH);
      }
    },
    60_000,
  );
});
