/**
 * The subject and content rules of speech-recall.test.ts (insertions, relative clauses, "with"
 * clauses, opening subordinate clauses, infinitives, headlines) stay linear on text built to repeat
 * their constructions in one endless sentence.
 */
import { describe, expect, it } from 'vitest';
import { MAX_GROWTH, quoteGrowth } from '../../support/quote-growth';

const PATTERNS: Array<[string, string]> = [
  ['commas and dashes before cues', 'voters in the state, like their peers — and officials — say they , '],
  ['relative clauses before cues', 'the groups who wrote to her who met him say they who '],
  ['with clauses', 'with 30 percent of voters saying they , with Lee telling that , '],
  ['an endless opening subordinate clause', 'While critics argue that the plan, Lee has, it fell, there is , '],
  ['infinitives', 'Lee refused to say whether voters are more likely to say that : '],
  ['title-case lines', 'Lee Says City Will Rebuild The Bridge And Mayor Says '],
  ['progressives and answers', "Lee isn't saying what Kim is saying that Jo said yes, no to "],
];

describe('speech-recall rules stay linear', () => {
  it.each(PATTERNS)('GIVEN %s at 4x the size THEN extraction takes under 10x the time', (_name, pattern) => {
    const { growth, small, large } = quoteGrowth(pattern);
    expect(growth, `${small.toFixed(1)} ms -> ${large.toFixed(1)} ms`).toBeLessThan(MAX_GROWTH);
  }, 60_000);
});
