/**
 * The fallbacks for quotations no frame took (lead-ins, embedded quotations, trailing credits,
 * continuation, labels in capitals) stay linear on text built to repeat their constructions.
 */
import { describe, expect, it } from 'vitest';
import { MAX_GROWTH, quoteGrowth } from '../../support/quote-growth';

const PATTERNS: Array<[string, string]> = [
  ['colon lead-ins', 'Lee fired back: "We will find the money for the ferry soon enough, believe me."\n\n'],
  ['colons and marks in one paragraph', ': : " : " , , calling "a b c d e f g h" '],
  ['labels in capitals', 'ANALYST\'S TAKE: WHY: BOOM: "x y z w v u t s"\n'],
  ['transcript lines', 'SMITH: "Nobody here believes it at all, not one of us." JONES: '],
  ['embedded quotations', 'She called the plan "a gift to the developers who paid for the campaign last year" and '],
  ['tails with unknown verbs', '"It was fine, and it will be fine again," a neighbor grumbled. '],
  ['narrative and quoted paragraphs', 'Lee is hopeful.\n\n"We will plant early and hope the rain holds off this year."\n\n'],
  ['as clauses', 'As Lee put it, "we will plant early and hope the rain holds off this year," '],
];

describe('quote fallbacks stay linear', () => {
  it.each(PATTERNS)('GIVEN %s at 4x the size THEN extraction takes under 10x the time', (_name, pattern) => {
    const { growth, small, large } = quoteGrowth(pattern);
    expect(growth, `${small.toFixed(1)} ms -> ${large.toFixed(1)} ms`).toBeLessThan(MAX_GROWTH);
  }, 60_000);
});
