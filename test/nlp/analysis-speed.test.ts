/**
 * The faster forms of analysis steps give the same values as the plain forms they replaced: each
 * table row runs both on a text written for it and compares exactly (floating-point results with
 * Object.is, so even the last bit must agree). bench/analysis-fingerprint.ts checks the same on
 * whole articles before and after a change.
 */
import { describe, expect, it } from 'vitest';
import { foldForAnalysis } from '../../src/nlp/fold';
import { looksEnglish } from '../../src/nlp/language';
import { segment } from '../../src/nlp/segment';
import { buildContext, isCapitalized } from '../../src/nlp/quotes/context';
import { trimSpan } from '../../src/nlp/quotes/content';
import { cosine, lexRank, sentenceVectors, similarityMatrix } from '../../src/nlp/summarize/centrality';
import { sentenceFeatures } from '../../src/nlp/summarize/features';
import { finalCharCode, staticFactor, staticPenalties } from '../../src/nlp/summarize/penalties';
import { termStats } from '../../src/nlp/summarize/salience';
import { termsOf } from '../../src/nlp/summarize/terms';
import { prepareIndex } from '../../src/nlp/qa';
import { isContentWord as isQaContentWord, termOf } from '../../src/nlp/qa/terms';

const ARTICLE = [
  'City Hall Approves Harbor Bridge Repair',
  'By Jane Doe',
  'The city council approved the $42 million repair of the Harbor Street bridge on Monday, after a year of delays. Mayor Linda Okafor said the bridge would close in May.',
  '"We cannot gamble with people\'s safety," Okafor told reporters. "The repair starts in May, and it ends in October."',
  'Photo: The bridge at dusk (Getty Images)',
  'Shop owners on Harbor Street said the closure would cost them customers. Some asked the council for help; others said they would wait.',
  'Is the bridge safe? Engineers say it is, for now. The council meets again on Thursday.',
  'Ms. Okafor\'s office said the detour would add ten minutes to most trips.',
].join('\n\n');

/** trimSpan as it was: two anchored regexes on the slice. */
function trimSpanByRegex(folded: string, start: number, end: number): [number, number] | null {
  const slice = folded.slice(start, end);
  const lead = /^[\s,;:\u2014\u2013\-]+/.exec(slice)?.[0].length ?? 0;
  const trail = /[\s.,;:!?\u2014\u2013\-]+$/.exec(slice)?.[0].length ?? 0;
  return end - trail > start + lead ? [start + lead, end - trail] : null;
}

describe('trimSpan walks character codes and trims what the regexes trimmed', () => {
  it.each<[string]>([
    ['  , "We will win," he said.  '],
    ['\u2014 the plan \u2013 works!? '],
    [' .,;:!?-\u2014\u2013 '],
    ['\u00a0\u2003no-break and em spaces\u3000'],
    ['\ufeff\u2028line separators\u2029\u000b'],
    ['"quoted"'],
    [''],
    ['a'],
    ['x\u0085'],
    ['; -- ; '],
  ])('%j', (s) => {
    for (let a = 0; a <= s.length; a++) for (let b = a; b <= s.length; b++) expect(trimSpan(s, a, b)).toEqual(trimSpanByRegex(s, a, b));
  });
});

/** The characters foldForAnalysis changes, and what into, as the regex version had them. */
const FOLDS: ReadonlyArray<[string, string]> = [
  ['\u201C', '"'], ['\u201D', '"'], ['\u201E', '"'], ['\u201F', '"'], ['\u00AB', '"'], ['\u00BB', '"'], ['\u2033', '"'],
  ['\u2018', "'"], ['\u2019', "'"], ['\u201A', "'"], ['\u201B', "'"], ['\u2032', "'"], ['\u0060', "'"], ['\u00B4', "'"],
  ['\u2039', "'"], ['\u203A', "'"],
  ['\u00A0', ' '], ['\u2000', ' '], ['\u2001', ' '], ['\u2002', ' '], ['\u2003', ' '], ['\u2004', ' '], ['\u2005', ' '],
  ['\u2006', ' '], ['\u2007', ' '], ['\u2008', ' '], ['\u2009', ' '], ['\u200A', ' '], ['\u202F', ' '], ['\u205F', ' '],
  ['\u3000', ' '], ['\t', ' '], ['\u000B', ' '], ['\u000C', ' '], ['\u1680', ' '],
  ['\u200B', ' '], ['\u200C', ' '], ['\u200D', ' '], ['\uFEFF', ' '], ['\u00AD', '-'],
  ['\u2028', '\n'], ['\u2029', '\n'], ['\u0085', '\n'], ['\r', '\n'], ['\u2010', '-'], ['\u2011', '-'],
];

/** foldForAnalysis as it was: one regex replace over the folded characters. */
function foldByRegex(text: string): string {
  const map = new Map(FOLDS);
  const re = new RegExp(`[${FOLDS.map(([c]) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'g');
  return text.replace(re, (c: string, offset: number) => (c === '\r' && text.charCodeAt(offset + 1) === 10 ? ' ' : (map.get(c) ?? c)));
}

describe('foldForAnalysis walks character codes and folds what the regex folded', () => {
  it.each<[string]>([
    ['\u201CWe\u2019ll see,\u201D she said.\r\nNext line\rOld Mac line\u2028end'],
    [FOLDS.map(([c]) => `a${c}b`).join('')],
    ['\r\r\n\n\r'],
    ['no change at all'],
    [''],
    ['\u2019'],
    ['\ud83d\ude00 emoji\u00a0and a lone \ud800 half\u2026'],
  ])('%j', (text) => {
    expect(foldForAnalysis(text)).toBe(foldByRegex(text));
    expect(foldForAnalysis(text).length).toBe(text.length);
  });
});

describe('isCapitalized reads the mark the context made, with the old test', () => {
  it.each<[string]>([
    ['Mayor Linda Okafor met ÉMILE Zola and the U.S. delegation in ßtraße.'],
    ['ǅemal, ǈuka and ǋena met 3M and iPhone makers; 9am is early.'],
    ['"Okafor," said the mayor of New York, (London) and [Paris].'],
  ])('%s', (text) => {
    const seg = segment(text);
    const ctx = buildContext(seg);
    const expected = seg.tokens.map((t) => {
      if (t.kind !== 'word' && t.kind !== 'abbrev') return false;
      const ch = seg.folded[t.start]!;
      return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
    });
    expect(seg.tokens.map((_, i) => isCapitalized(ctx, i))).toEqual(expected);
    expect(isCapitalized(ctx, -1)).toBe(false);
    expect(isCapitalized(ctx, seg.tokens.length)).toBe(false);
  });
});

/** LexRank as it was: a dense walk over every row and column. */
function lexRankDense(sim: Float64Array, n: number): number[] {
  if (n === 0) return [];
  const rowSum = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) rowSum[i]! += sim[i * n + j]!;
  let rank = new Float64Array(n).fill(1 / n);
  for (let iter = 0; iter < 50; iter++) {
    const next = new Float64Array(n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      if (rowSum[i]! === 0) {
        dangling += rank[i]!;
        continue;
      }
      const share = rank[i]! / rowSum[i]!;
      for (let j = 0; j < n; j++) next[j]! += 0.85 * share * sim[i * n + j]!;
    }
    const base = (1 - 0.85) / n + (0.85 * dangling) / n;
    for (let j = 0; j < n; j++) next[j]! += base;
    let delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs(next[i]! - rank[i]!);
    rank = next;
    if (delta < 1e-6) break;
  }
  const max = Math.max(...rank);
  return Array.from(rank, (v) => (max > 0 ? v / max : 0));
}

describe('summary centrality: the numbered similarity matrix and the sparse LexRank', () => {
  it.each<[string, string]>([
    ['the article above', ARTICLE],
    ['sentences sharing no word (a zero row)', 'Apples grow on trees here. Bridges span wide rivers. Council votes happen monthly. Apples grow on trees there.'],
    ['one sentence', 'The council approved the repair on Monday.'],
  ])('%s', (_name, text) => {
    const features = sentenceFeatures(segment(text));
    const vectors = sentenceVectors(features, termStats(features));
    const n = vectors.length;
    const sim = similarityMatrix(vectors);
    for (let i = 0; i < n; i++) {
      expect(Object.is(sim[i * n + i], 0)).toBe(true);
      for (let j = i + 1; j < n; j++) {
        expect(Object.is(sim[i * n + j], cosine(vectors[i]!, vectors[j]!))).toBe(true);
        expect(Object.is(sim[j * n + i], sim[i * n + j])).toBe(true);
      }
    }
    const sparse = lexRank(sim, n);
    const dense = lexRankDense(sim, n);
    expect(sparse.length).toBe(dense.length);
    sparse.forEach((v, i) => expect(Object.is(v, dense[i])).toBe(true));
  });
});

describe('finalCharCode answers what the end-anchored punctuation patterns asked', () => {
  it.each<[string]>([
    ['It works.'],
    ['Does it work?"'],
    ['It works!\')]"'],
    ['"It works," he said'],
    ['(It works.)'],
    ['\'"])'],
    [''],
    ['Ends with a newline.\n'],
    ['?!.'],
    ['Why? Because'],
  ])('%j', (s) => {
    const c = finalCharCode(s);
    expect(c === 0x3f).toBe(/\?['")\]]*$/.test(s));
    expect(c === 0x21).toBe(/!['")\]]*$/.test(s));
    expect(c === 0x2e || c === 0x3f || c === 0x21).toBe(/[.!?]['")\]]*$/.test(s));
  });
});

describe('the cut-ending rule looks at the last seven characters and finds what the whole sentence gave', () => {
  const CUT = /\s(?:a|an|the|of|to|with|and|or)\s?\.$/i;
  it.each<[string]>([
    ['He was shot with a .'],
    ['He was shot WITH .'],
    ['They met with.'],
    ['Nothing is cut here.'],
    ['x with .'],
    [' a.'],
    ['Another and .\n'],
    ['Fine.'],
  ])('%j', (text) => {
    const f = { ...sentenceFeatures(segment('The council met on Monday.'))[0]!, folded: text, wordCount: 8 };
    expect(staticPenalties(f).some((p) => p.id === 'cut-ending')).toBe(CUT.test(text));
  });
});

describe('staticFactor is the product of staticPenalties, in order', () => {
  const sentences = sentenceFeatures(segment(ARTICLE));
  it.each(sentences.map((f) => [f.folded, f] as const))('%s', (_text, f) => {
    for (const isLede of [false, true]) {
      let product = 1;
      for (const p of staticPenalties(f)) if (!isLede || p.id !== 'caption-marker') product *= p.factor;
      expect(Object.is(staticFactor(f, isLede), product)).toBe(true);
    }
  });
});

describe('memoized terms give what the plain functions give', () => {
  it('summary terms: the same occurrences as a second call (cached) and the same stems', () => {
    const seg = segment(ARTICLE);
    const first = seg.sentences.map((s) => termsOf(seg, s.tokenStart, s.tokenEnd));
    const second = seg.sentences.map((s) => termsOf(seg, s.tokenStart, s.tokenEnd));
    expect(second).toEqual(first);
    expect(first.flat().find((t) => t.word === 'okafor')).toMatchObject({ stem: 'okafor', proper: true });
  });

  it('question index tokens: the lowercase form, term and content flag of every word, and the known names', () => {
    const seg = segment(ARTICLE);
    for (let round = 0; round < 2; round++) {
      const index = prepareIndex(ARTICLE, seg);
      for (const s of index.sentences) {
        for (const t of s.tokens) {
          const lower = t.text.toLowerCase();
          const wordLike = t.kind === 'word' || t.kind === 'number' || t.kind === 'abbrev';
          expect(t.lower).toBe(lower);
          expect(t.term).toBe(wordLike ? termOf(lower) : lower);
          expect(t.content).toBe(wordLike && isQaContentWord(lower));
        }
      }
      // Capitalized and not a sentence's first word; "Getty" follows "(" and is left out.
      expect([...index.knownNames]).toEqual(['hall', 'approves', 'harbor', 'bridge', 'repair', 'jane', 'doe', 'street', 'monday', 'linda', 'okafor', 'may', 'october', 'images', 'thursday', "okafor's"]);
    }
  });
});

/** The function words looksEnglish counts, and its sample and thresholds, as the plain form read them. */
const FUNCTION_WORDS = new Set(
  'the and of to is that was for with he she it said on as at by this have from are be not his her they were has been which who will would their or an but had we you its about after more there when what also could than into our can if says told them'.split(' '),
);

/** looksEnglish as it was: every word sliced and lowercased. */
function looksEnglishPlain(text: string): boolean {
  const seg = segment(text);
  let words = 0;
  let english = 0;
  let latin = 0;
  let other = 0;
  for (const t of seg.tokens) {
    if (t.kind !== 'word') continue;
    words++;
    const word = seg.folded.slice(t.start, t.end);
    if (FUNCTION_WORDS.has(word.toLowerCase())) english++;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c < 0x0250 || (c >= 0x1e00 && c <= 0x1eff)) latin++;
      else other++;
    }
    if (words >= 3000) break;
  }
  if (latin + other >= 20 && other > latin) return false;
  if (words < 12) return true;
  return english / words >= 0.12;
}

describe('looksEnglish skips words longer than any function word and decides as before', () => {
  it.each<[string]>([
    [ARTICLE],
    ['THE MAYOR SAID THAT THE BRIDGE WOULD CLOSE AND THAT THE CITY WOULD PAY FOR THE REPAIR OF IT.'],
    ['El alcalde dijo que el puente cerrará en mayo y que la ciudad pagará la reparación del puente.'],
    ['Der Bürgermeister sagte, dass die Brücke im Mai geschlossen wird und die Stadt die Reparatur bezahlt.'],
    ['Thé İstanbul Theresa \u212Ahe whatsoever thereafter informational extraordinarily long words only here.'],
    ['市长说这座桥将在五月关闭，城市将支付修理费用。The mayor said so.'],
  ])('%s', (text) => {
    expect(looksEnglish(segment(text))).toBe(looksEnglishPlain(text));
  });
});
