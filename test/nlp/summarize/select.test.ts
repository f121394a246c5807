import { describe, expect, it } from 'vitest';
import { segment } from '../../../src/nlp/segment';
import { DEFAULT_WEIGHTS } from '../../../src/nlp/summarize';
import { sentenceFeatures } from '../../../src/nlp/summarize/features';
import { selectSentences } from '../../../src/nlp/summarize/select';

const text = [
  'The council approved the bridge repair on Monday night after a long debate.',
  'Councillors approved the bridge repair on Monday after a debate that ran late.',
  'Work on the deck starts in April and should end before the winter.',
  'The detour along Canal Road will add ten minutes to most trips.',
].join(' ');
const features = sentenceFeatures(segment(text));

/** A 4 x 4 similarity matrix with sentence 1 `sim01`-similar to sentence 0 and nothing else alike. */
function matrix(sim01: number): Float64Array {
  const m = new Float64Array(16);
  for (let i = 0; i < 4; i++) m[i * 4 + i] = 1;
  m[1] = sim01;
  m[4] = sim01;
  return m;
}

describe('selection: near-duplicates and redundancy', () => {
  it.each<[number, number[]]>([
    [0.65, [0, 2]],
    [0.55, [0, 1]],
  ])('GIVEN sentence 1 is %d-similar to the chosen lede THEN the picks are %j (repeats at or above the threshold are skipped)', (sim, picks) => {
    const chosen = selectSentences({
      features,
      scores: [1, 0.9, 0.3, 0.2],
      similarity: matrix(sim),
      count: 2,
      redundancy: DEFAULT_WEIGHTS.redundancy,
      duplicate: DEFAULT_WEIGHTS.duplicate,
    });
    expect(chosen).toEqual(picks);
  });
});
