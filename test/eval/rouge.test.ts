import { describe, expect, it } from 'vitest';
import { rouge, rougeLsum, rougeN, rougeTokens } from '../../eval/rouge';

describe('ROUGE tokenization (lowercase, [^a-z0-9] -> space, Porter stem of tokens longer than 3)', () => {
  it.each<[string, string[]]>([
    ['The cats sat.', ['the', 'cat', 'sat']],
    ["Venezuela's U.S.-bound flights", ['venezuela', 's', 'u', 's', 'bound', 'flight']],
    ['Running 10,000 km!', ['run', '10', '000', 'km']],
    ['Café naïve', ['caf', 'na', 've']],
    ['', []],
  ])('%j -> %j', (text, tokens) => {
    expect(rougeTokens(text)).toEqual(tokens);
  });
});

describe('ROUGE-N by hand', () => {
  it('GIVEN "the cat sat on the mat" vs "the cat lay on the mat" THEN R-1 = 5/6 and R-2 = 3/5', () => {
    const c = rougeTokens('the cat sat on the mat');
    const r = rougeTokens('the cat lay on the mat');
    expect(rougeN(c, r, 1).f1).toBeCloseTo(5 / 6, 10);
    // bigrams: c = {the cat, cat sat, sat on, on the, the mat}; r shares the cat, on the, the mat.
    expect(rougeN(c, r, 2).f1).toBeCloseTo(3 / 5, 10);
  });

  it('clips repeated n-grams: "the the the" vs "the cat" has one unigram hit (P 1/3, R 1/2)', () => {
    const s = rougeN(['the', 'the', 'the'], ['the', 'cat'], 1);
    expect(s.precision).toBeCloseTo(1 / 3, 10);
    expect(s.recall).toBeCloseTo(1 / 2, 10);
    expect(s.f1).toBeCloseTo(0.4, 10);
  });

  it('an empty candidate scores 0, not NaN', () => {
    expect(rougeN([], ['a'], 1)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(rougeN(['a'], ['a'], 2)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('ROUGE-Lsum (summary-level union LCS)', () => {
  it('GIVEN the ROUGE paper example THEN the union LCS of r = w1..w5 with c1 = w1 w2 w6 w7 w8, c2 = w1 w3 w8 w9 w5 is 4 hits', () => {
    // Lin (2004), section 3.2: union LCS = w1 w2 w3 w5, so R = 4/5 and P = 4/10.
    const s = rougeLsum(
      [['w1', 'w2', 'w6', 'w7', 'w8'], ['w1', 'w3', 'w8', 'w9', 'w5']],
      [['w1', 'w2', 'w3', 'w4', 'w5']],
    );
    expect(s.recall).toBeCloseTo(4 / 5, 10);
    expect(s.precision).toBeCloseTo(4 / 10, 10);
    expect(s.f1).toBeCloseTo((2 * 0.8 * 0.4) / 1.2, 10);
  });

  it('counts a token at most as often as it occurs on both sides', () => {
    // Both reference sentences match the one candidate "a b", but the candidate has one "a" and one "b".
    const s = rougeLsum([['a', 'b']], [['a', 'b'], ['a', 'b']]);
    expect(s.recall).toBeCloseTo(2 / 4, 10);
    expect(s.precision).toBeCloseTo(1, 10);
  });

  it('is higher than ROUGE-L over the joined text when sentences are reordered', () => {
    const s = rouge(['Police arrested the man.', 'The fire destroyed the house.'], ['The fire destroyed the house.', 'Police arrested the man.']);
    expect(s.rougeLsum.f1).toBeCloseTo(1, 10);
    expect(s.rouge1.f1).toBeCloseTo(1, 10);
  });
});
