import { describe, expect, it } from 'vitest';
import { segment } from '../../src/nlp/segment';
import { SEGMENTATION_CASES } from '../fixtures/segmentation/cases';
import { HOLDOUT_CASES } from '../fixtures/segmentation/holdout';

const ROWS = [...SEGMENTATION_CASES, ...HOLDOUT_CASES];

/** The sentences of `text` as verbatim slices of the original. */
function sentencesOf(text: string): string[] {
  const seg = segment(text);
  return seg.sentences.map((s) => text.slice(s.start, s.end));
}

describe('segment on the hard-case table', () => {
  it('has at least 80 rows, each with a note and sentences that are slices of its input', () => {
    expect(SEGMENTATION_CASES.length).toBeGreaterThanOrEqual(80);
    for (const [input, expected, note] of ROWS) {
      expect(note.length).toBeGreaterThan(0);
      for (const s of expected) expect(input.includes(s), `${note}: ${s}`).toBe(true);
    }
  });

  it.each(ROWS.map(([input, expected, note]) => [note, input, expected] as const))(
    'GIVEN %s THEN the sentences are exactly as expected',
    (_note, input, expected) => {
      expect(sentencesOf(input)).toEqual(expected);
    },
  );
});
