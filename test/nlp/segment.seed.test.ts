import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segment } from '../../src/nlp/segment';

const seed = readFileSync(new URL('../../data/articles/venezuela-agrees-to-take-back-migrants.txt', import.meta.url), 'utf8');

describe('segment on the seed article', () => {
  const seg = segment(seed);
  const sentences = seg.sentences.map((s) => seed.slice(s.start, s.end));

  it('keeps "U.S. and arrange" and "Jan. 20," inside one sentence each', () => {
    expect(sentences.some((s) => s.includes('from the U.S. and arrange their transportation'))).toBe(true);
    expect(sentences.some((s) => s.startsWith('Since taking office on Jan. 20, Trump issued'))).toBe(true);
  });

  it('keeps a quote closed by a curly mark with its attribution as one sentence', () => {
    expect(sentences).toContain(
      '"The only award for Maduro was my physical presence, the first senior US official to visit the country in years,\u201D he was quoted as saying in the Wall Street Journal.',
    );
  });

  it('gives offsets into the original text (folding preserves length)', () => {
    expect(seg.folded.length).toBe(seed.length);
    for (const t of seg.tokens) expect(t.end).toBeGreaterThan(t.start);
  });
});
