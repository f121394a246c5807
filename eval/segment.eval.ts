/**
 * Sentence segmentation: Lede's rule-based segmenter against wink-nlp (wink-eng-lite-web-model)
 * on the hand-written hard-case table (`test/fixtures/segmentation/cases.ts`), the held-out rows
 * (`holdout.ts`) and the raw seed article, both measured in the same run. Needs no ../shared data.
 *
 * - exact sentences: share of gold sentences that a system returns with exactly the same span.
 * - boundary P/R/F1: sentence ends inside each text (its final end is left out: every system gets
 *   it for free), micro-averaged over all rows.
 * - cases right: rows whose whole sentence list is exact.
 * Rows tagged 'quote-convention' depend on Lede's choice to split quotations at inner boundaries,
 * so the figures are also printed without them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { segment } from '../src/nlp/segment';
import { SEGMENTATION_CASES, type SegmentationCase } from '../test/fixtures/segmentation/cases';
import { HOLDOUT_CASES } from '../test/fixtures/segmentation/holdout';
import { SEED_GOLDEN_SENTENCES, SEED_PATH } from '../test/fixtures/segmentation/seed-golden';
import { measure, report } from '../bench/harness';

type Span = readonly [number, number];
type Segmenter = (text: string) => Span[];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Lede: sentence spans straight from `segment()`. */
export const ledeSentences: Segmenter = (text) => segment(text).sentences.map((s) => [s.start, s.end] as const);

/** wink-nlp: token offsets rebuilt from each token's preceding spaces and value, sentences from token spans. */
export function winkSegmenter(): Segmenter {
  const nlp = winkNLP(model);
  const its = nlp.its;
  return (text) => {
    const doc = nlp.readDoc(text);
    const values = doc.tokens().out() as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const starts: number[] = [];
    const ends: number[] = [];
    let at = 0;
    for (let k = 0; k < values.length; k++) {
      at += spaces[k]!.length;
      // wink keeps the text byte for byte; if a token does not line up, search for it nearby.
      if (!text.startsWith(values[k]!, at)) {
        const found = text.indexOf(values[k]!, at);
        if (found >= 0) at = found;
      }
      starts.push(at);
      at += values[k]!.length;
      ends.push(at);
    }
    return (doc.sentences().out(its.span) as unknown as Array<[number, number]>).map(([a, b]) => [starts[a]!, ends[b]!] as const);
  };
}

/** Gold spans: each expected sentence located in order in its input. */
function goldSpans(input: string, expected: readonly string[]): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const s of expected) {
    const at = input.indexOf(s, from);
    if (at < 0) throw new Error(`gold sentence not in its input: ${s}`);
    spans.push([at, at + s.length]);
    from = at + s.length;
  }
  return spans;
}

/** Trim a span to non-space characters, so systems that keep trailing spaces are not penalized. */
function trimSpan(text: string, [a, b]: Span): Span {
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  return [a, b];
}

interface Score {
  goldSentences: number;
  exactSentences: number;
  tp: number;
  predicted: number;
  gold: number;
  casesRight: number;
  cases: number;
  wrong: string[];
}

function score(rows: readonly SegmentationCase[], system: Segmenter): Score {
  const sc: Score = { goldSentences: 0, exactSentences: 0, tp: 0, predicted: 0, gold: 0, casesRight: 0, cases: 0, wrong: [] };
  for (const [input, expected, note] of rows) {
    const gold = goldSpans(input, expected);
    const pred = system(input).map((s) => trimSpan(input, s)).filter(([a, b]) => b > a);
    const predKeys = new Set(pred.map(([a, b]) => `${a}:${b}`));
    const exact = gold.filter(([a, b]) => predKeys.has(`${a}:${b}`)).length;
    sc.goldSentences += gold.length;
    sc.exactSentences += exact;
    const textEnd = input.trimEnd().length;
    const goldEnds = new Set(gold.map(([, b]) => b).filter((b) => b < textEnd));
    const predEnds = new Set(pred.map(([, b]) => b).filter((b) => b < textEnd));
    sc.gold += goldEnds.size;
    sc.predicted += predEnds.size;
    for (const e of predEnds) if (goldEnds.has(e)) sc.tp++;
    sc.cases++;
    if (exact === gold.length && pred.length === gold.length) sc.casesRight++;
    else sc.wrong.push(note);
  }
  return sc;
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
function f1(sc: Score): string {
  const p = sc.predicted ? sc.tp / sc.predicted : 0;
  const r = sc.gold ? sc.tp / sc.gold : 0;
  return `P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)} F1 ${(p + r ? (200 * p * r) / (p + r) : 0).toFixed(1)}`;
}

export async function run(): Promise<void> {
  const seed = readFileSync(join(root, SEED_PATH), 'utf8');
  const all: SegmentationCase[] = [...SEGMENTATION_CASES, ...HOLDOUT_CASES, [seed, SEED_GOLDEN_SENTENCES, 'seed article (raw file)']];
  const plain = all.filter((c) => !c[3]?.includes('quote-convention'));
  const wink = winkSegmenter();
  const systems: Array<[string, Segmenter]> = [
    ['lede', ledeSentences],
    ['wink-nlp', wink],
  ];
  for (const [label, rows] of [
    [`all ${all.length} rows (${all.reduce((n, c) => n + c[1].length, 0)} sentences)`, all],
    [`without quote-convention rows (${plain.length})`, plain],
    [`held-out rows only (${HOLDOUT_CASES.length}, written after the rules were frozen)`, HOLDOUT_CASES],
  ] as const) {
    console.log(`  ${label}`);
    for (const [name, system] of systems) {
      const sc = score(rows, system);
      report(`${name}: exact sentences`, `${sc.exactSentences}/${sc.goldSentences} ${pct(sc.exactSentences, sc.goldSentences)}`);
      report(`${name}: boundaries`, f1(sc), `(${sc.tp} right of ${sc.predicted} predicted, ${sc.gold} gold)`);
      report(`${name}: cases fully right`, `${sc.casesRight}/${sc.cases} ${pct(sc.casesRight, sc.cases)}`);
    }
  }
  for (const [name, system] of systems) {
    const wrong = score(all, system).wrong;
    if (wrong.length) console.log(`  ${name} gets wrong: ${wrong.slice(0, 40).join('; ')}${wrong.length > 40 ? '; ...' : ''}`);
  }

  // Speed on the same inputs: every row's text, repeated to ~200 KB, segmented as one text per row.
  const texts = all.map((c) => c[0]);
  const unit = texts.reduce((n, t) => n + t.length, 0);
  const reps = Math.max(1, Math.round(200_000 / unit));
  const speed = async (name: string, system: Segmenter): Promise<number> => {
    const m = await measure(name, () => {
      for (let r = 0; r < reps; r++) for (const t of texts) system(t);
    }, { runs: 5, warmup: 1 });
    const mbps = (unit * reps) / 1e6 / (m.medianMs / 1000);
    report(`${name}: speed on the case texts`, `${mbps.toFixed(2)} MB/s`, `median of ${m.runs} runs, ${((unit * reps) / 1e3).toFixed(0)} KB`);
    return mbps;
  };
  const ours = await speed('lede', ledeSentences);
  const theirs = await speed('wink-nlp', wink);
  report('lede / wink-nlp speed', `${(ours / theirs).toFixed(1)}x`);
}
