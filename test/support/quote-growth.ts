/**
 * Linear-time checks for the quote rules: a pattern repeated to 20,000 and to 80,000 characters,
 * extraction timed on this process's CPU clock (best of three), and the growth between the two.
 * Linear is 4x; the checks allow 10x, and a small size under the timer floor counts as the floor.
 */
import { extractQuotes } from '../../src/nlp/quotes';
import { cpuClock } from './cpu-clock';

export const SMALL = 20_000;
export const LARGE = 80_000;
/** 4x the text may take at most this much more time (linear is 4x; the margin absorbs noise). */
export const MAX_GROWTH = 10;
const TIMER_FLOOR_MS = 5;
const RUNS = 3;

export const repeatTo = (pattern: string, size: number): string => pattern.repeat(Math.ceil(size / pattern.length)).slice(0, size);

function fastest(text: string): number {
  let best = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t0 = cpuClock();
    extractQuotes(text);
    best = Math.min(best, cpuClock() - t0);
  }
  return best;
}

/** How much longer extraction takes on LARGE characters of `pattern` than on SMALL, with both times for the message. */
export function quoteGrowth(pattern: string): { growth: number; small: number; large: number } {
  const small = fastest(repeatTo(pattern, SMALL));
  const large = fastest(repeatTo(pattern, LARGE));
  return { growth: large / Math.max(small, TIMER_FLOOR_MS), small, large };
}
