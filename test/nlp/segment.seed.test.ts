import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segment } from '../../src/nlp/segment';
import { SEED_GOLDEN_SENTENCES as GOLDEN, SEED_PATH } from '../fixtures/segmentation/seed-golden';

const seed = readFileSync(new URL(`../../${SEED_PATH}`, import.meta.url), 'utf8');

describe('segment on the seed article', () => {
  const seg = segment(seed);
  const sentences = seg.sentences.map((s) => seed.slice(s.start, s.end));

  it('GIVEN the raw file THEN every sentence is exactly the golden list (title, 18 body sentences, News.Az)', () => {
    expect(sentences).toEqual(GOLDEN);
  });

  it('GIVEN blank-line paragraphs THEN there are 16 paragraphs and two of them hold two sentences', () => {
    expect(seg.paragraphs.length).toBe(16);
    expect(seg.paragraphs.map((p) => p.sentenceEnd - p.sentenceStart)).toEqual([1, 1, 1, 1, 1, 1, 2, 1, 2, 2, 1, 1, 1, 2, 1, 1]);
  });

  it('GIVEN the quotation split at "first step." THEN only its second half is marked as starting inside a quote', () => {
    expect(seg.sentences.filter((s) => s.inQuote).map((s) => seed.slice(s.start, s.end))).toEqual(['Hopefully it can continue."']);
  });

  it('GIVEN "U.S.", "Jan.", "News.Az" and "coup-plotting" THEN each is one token of the right kind', () => {
    const kindOf = (word: string): string | undefined => {
      const at = seed.indexOf(word);
      return seg.tokens.find((t) => t.start === at && t.end === at + word.length)?.kind;
    };
    expect(kindOf('U.S.')).toBe('abbrev');
    expect(kindOf('News.Az')).toBe('word');
    expect(kindOf('coup-plotting')).toBe('word');
    expect(kindOf("Grenell's")).toBe('word');
    expect(kindOf('20')).toBe('number');
  });

  it('gives offsets into the original text (folding preserves length)', () => {
    expect(seg.folded.length).toBe(seed.length);
    expect(seg.folded.includes('\u201D')).toBe(false);
    expect(seg.text).toBe(seed);
  });
});
