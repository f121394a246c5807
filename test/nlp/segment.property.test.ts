import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment, type Segmentation } from '../../src/nlp/segment';

const SPACE = /\s/;

/**
 * Every structural invariant of a segmentation: the first one broken, described, or undefined.
 * Plain comparisons (not one `expect` per character) so a megabyte is checked in milliseconds.
 */
function firstViolation(seg: Segmentation): string | undefined {
  const { text, folded, paragraphs, sentences, tokens } = seg;
  if (folded.length !== text.length) return 'folded length differs';

  // Tokens: non-empty, in order, non-overlapping, and together they hold every non-space character.
  let covered = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.end <= t.start) return `token ${k} is empty`;
    if (t.start < covered) return `token ${k} overlaps the one before`;
    for (let c = covered; c < t.start; c++) if (!SPACE.test(folded[c]!)) return `char ${c} is outside every token`;
    covered = t.end;
  }
  for (let c = covered; c < folded.length; c++) if (!SPACE.test(folded[c]!)) return `char ${c} is outside every token`;

  // Paragraphs: in order, their token and sentence ranges partition the tokens and sentences.
  let nextToken = 0;
  let nextSentence = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    if (p > 0 && para.start < paragraphs[p - 1]!.end) return `paragraph ${p} overlaps the one before`;
    if (para.tokenStart !== nextToken || para.sentenceStart !== nextSentence) return `paragraph ${p} ranges leave a gap`;
    if (para.tokenEnd <= para.tokenStart || para.sentenceEnd <= para.sentenceStart) return `paragraph ${p} is empty`;
    nextToken = para.tokenEnd;
    nextSentence = para.sentenceEnd;
    // Sentences of the paragraph: in order, inside it, trimmed, their token ranges partition its tokens.
    let sentenceToken = para.tokenStart;
    for (let i = para.sentenceStart; i < para.sentenceEnd; i++) {
      const s = sentences[i]!;
      if (s.paragraph !== p) return `sentence ${i} names paragraph ${s.paragraph}, not ${p}`;
      if (s.tokenStart !== sentenceToken || s.tokenEnd <= s.tokenStart) return `sentence ${i} token range is wrong`;
      sentenceToken = s.tokenEnd;
      if (s.start !== tokens[s.tokenStart]!.start || s.end !== tokens[s.tokenEnd - 1]!.end) return `sentence ${i} span differs from its tokens`;
      if (s.start < para.start || s.end > para.end) return `sentence ${i} is outside its paragraph`;
      if (i > para.sentenceStart && s.start < sentences[i - 1]!.end) return `sentence ${i} overlaps the one before`;
      if (SPACE.test(folded[s.start]!) || SPACE.test(folded[s.end - 1]!)) return `sentence ${i} is not trimmed`;
    }
    if (sentenceToken !== para.tokenEnd) return `paragraph ${p} has tokens in no sentence`;
  }
  if (nextToken !== tokens.length || nextSentence !== sentences.length) return 'some tokens or sentences are in no paragraph';
  return undefined;
}

function checkInvariants(seg: Segmentation): void {
  expect(firstViolation(seg)).toBeUndefined();
}

/** News-like text: words, abbreviations, numbers, quote marks of every shape, punctuation and line breaks. */
const PIECES = [
  'The', 'said', 'Trump', 'U.S.', 'Mr.', 'Jan.', 'No.', '3.5', '10:30', 'a.m.', 'p.m.', 'Inc.', 'J.R.R.', 'St.',
  'News.Az', 'https://x.org/a.', 'tips@x.com', '"', '\u201C', '\u201D', "'", '\u2019', '.', '?', '!', ',', '...',
  '\u2026', '\u2014', '-', '(', ')', '\n', '\n\n', '\r\n', '- ', '1. ', '\u00A0', 'he', 'We', 'e.g.', '$', '%',
];
const newsText = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(' ', '', ' ', '\n')), { maxLength: 120 })
  .map((parts) => parts.map(([a, b]) => a + b).join(''));
/** Any UTF-16 code units, lone surrogates included. */
const anyUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 }).map((codes) => String.fromCharCode(...codes));

describe('segment invariants (fast-check)', () => {
  it('GIVEN news-like text THEN sentences and tokens are ordered, trimmed, inside their paragraph and cover every non-space character', () => {
    fc.assert(fc.property(newsText, (text) => checkInvariants(segment(text))), { numRuns: 600 });
  });

  it('GIVEN arbitrary UTF-16 (lone surrogates, controls, any script) THEN it never throws and the invariants hold', () => {
    fc.assert(fc.property(anyUnits, (text) => checkInvariants(segment(text))), { numRuns: 600 });
  });

  it('GIVEN arbitrary full-Unicode strings THEN it never throws and the invariants hold', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => checkInvariants(segment(text))), { numRuns: 300 });
  });
});

describe('segment on hostile input (each finishes: a quadratic pass would take minutes here)', () => {
  const punctuation = '.!?"\'()[]-\u2014\u2026,;:\u201C\u201D';
  const cases: Array<[string, () => string]> = [
    ['1 MB of mixed punctuation', () => Array.from({ length: 1 << 20 }, (_, k) => punctuation[(k * 7919) % punctuation.length]).join('')],
    ['10,000 quote marks', () => '"'.repeat(10_000)],
    ['10,000 quote marks and periods in turn', () => '".'.repeat(10_000)],
    ['100,000 periods', () => '.'.repeat(100_000)],
    ['100,000 spaced periods', () => '. '.repeat(100_000)],
    ['a dotted chain of 200,000 letters', () => 'a.'.repeat(200_000)],
    ['a dotted chain of two-letter labels', () => 'ab.'.repeat(100_000)],
    ['a 500 KB URL', () => `https://x.org/${'a'.repeat(500_000)}`],
    ['100,000 newlines', () => '\n'.repeat(100_000)],
    ['lone surrogates', () => '\uD800\uDC00\uDC00\uD800'.repeat(50_000)],
    ['200,000 abbreviations in a row', () => 'Mr. '.repeat(200_000)],
    ['quoted questions before names', () => '"Why?" Trump Trump Trump '.repeat(20_000)],
  ];
  it.each(cases)('GIVEN %s THEN it returns a valid segmentation within a generous bound', (_name, make) => {
    const text = make();
    const t0 = performance.now();
    const seg = segment(text);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(10_000);
    checkInvariants(seg);
  });
});
