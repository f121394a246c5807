/**
 * Summaries on ../shared/eval/summaries/cnndm-dev.jsonl: ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (x100,
 * averaged per article; the tokenization of ../shared/eval/README.md, see eval/rouge.ts) for our
 * 3-sentence summaries beside Lead-3 on the same articles, segmented by the same segmenter.
 * Articles our summarizer calls "too short" are scored with an empty summary (no fallback).
 *
 * The margin over Lead-3 is thin and the same measure runs on news we do not have, so a robustness
 * report follows: the margin on each half of the file (first/second 50, cnn/dailymail), per-article
 * wins/ties/losses, and a paired bootstrap (fixed seed) of P(Lede > Lead-3) for each metric.
 */
import { performance } from 'node:perf_hooks';
import { segment } from '../src/nlp/segment';
import { summarize, type SummaryWeights } from '../src/nlp/summarize';
import { readEvalJsonl } from './data';
import { rouge } from './rouge';

export interface SummaryEvalRow {
  id: string;
  source: 'cnn' | 'dailymail';
  text: string;
  reference: string[];
}

const SENTENCES = 3;
const METRICS = ['R-1', 'R-2', 'R-Lsum'] as const;
/** Bootstrap resamples and seed: fixed so every run prints the same probabilities. */
export const BOOTSTRAP_RESAMPLES = 1000;
export const BOOTSTRAP_SEED = 20150612;
/** Per-article differences smaller than this are ties (floating-point noise). */
const TIE = 1e-9;

/** Per-article F1 (x1) for one system: [R-1, R-2, R-Lsum], and the summary's word count. */
export interface ArticleScores {
  readonly f1: readonly [number, number, number];
  readonly words: number;
}

export interface PairedScores {
  readonly rows: readonly SummaryEvalRow[];
  readonly ours: readonly ArticleScores[];
  readonly lead: readonly ArticleScores[];
  readonly tooShort: number;
  readonly ms: number;
}

const wordsOf = (sents: readonly string[]): number => sents.reduce((n, s) => n + s.split(/\s+/).filter(Boolean).length, 0);

function scoreOf(picked: readonly string[], reference: readonly string[]): ArticleScores {
  const s = rouge(picked, reference);
  return { f1: [s.rouge1.f1, s.rouge2.f1, s.rougeLsum.f1], words: wordsOf(picked) };
}

/** Score our summaries and Lead-3 on every row (weights override the tuned ones, for tuning). */
export function scoreRows(rows: readonly SummaryEvalRow[], weights?: Partial<SummaryWeights>): PairedScores {
  const ours: ArticleScores[] = [];
  const lead: ArticleScores[] = [];
  let tooShort = 0;
  let ms = 0;
  for (const row of rows) {
    const seg = segment(row.text);
    const lead3 = seg.sentences.slice(0, SENTENCES).map((s) => row.text.slice(s.start, s.end));
    const t0 = performance.now();
    const result = summarize(row.text, { sentences: SENTENCES, seg, ...(weights ? { weights } : {}) });
    ms += performance.now() - t0;
    if (result.tooShort) tooShort++;
    ours.push(scoreOf(result.sentences.map((s) => s.text), row.reference));
    lead.push(scoreOf(lead3, row.reference));
  }
  return { rows, ours, lead, tooShort, ms };
}

/** Mean F1 x100 per metric and mean words over the given article indexes. */
export function means(scores: readonly ArticleScores[], idx: readonly number[]): { f1: [number, number, number]; words: number } {
  const f1: [number, number, number] = [0, 0, 0];
  let words = 0;
  for (const i of idx) {
    const s = scores[i]!;
    for (let m = 0; m < 3; m++) f1[m] = f1[m]! + s.f1[m]!;
    words += s.words;
  }
  const n = Math.max(1, idx.length);
  return { f1: [(100 * f1[0]) / n, (100 * f1[1]) / n, (100 * f1[2]) / n], words: words / n };
}

/** mulberry32: a small seeded PRNG, so the bootstrap is reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Paired bootstrap (Koehn 2004; Berg-Kirkpatrick et al. 2012): resample articles with replacement,
 * and count how often our mean beats Lead-3's on the resample. Returns P(Lede > Lead-3) per metric.
 */
export function pairedBootstrap(p: PairedScores, resamples = BOOTSTRAP_RESAMPLES, seed = BOOTSTRAP_SEED): [number, number, number] {
  const n = p.ours.length;
  const diff = [0, 1, 2].map((m) => p.ours.map((o, i) => o.f1[m]! - p.lead[i]!.f1[m]!));
  const wins: [number, number, number] = [0, 0, 0];
  if (n === 0) return wins;
  const rand = mulberry32(seed);
  for (let r = 0; r < resamples; r++) {
    const sums = [0, 0, 0];
    for (let k = 0; k < n; k++) {
      const i = Math.floor(rand() * n);
      for (let m = 0; m < 3; m++) sums[m]! += diff[m]![i]!;
    }
    for (let m = 0; m < 3; m++) if (sums[m]! > 0) wins[m] = wins[m]! + 1;
  }
  return [wins[0] / resamples, wins[1] / resamples, wins[2] / resamples];
}

/** Articles where Lede beats, ties and loses to Lead-3, per metric. */
export function winTieLoss(p: PairedScores): Array<[number, number, number]> {
  return [0, 1, 2].map((m) => {
    const out: [number, number, number] = [0, 0, 0];
    p.ours.forEach((o, i) => {
      const d = o.f1[m]! - p.lead[i]!.f1[m]!;
      out[d > TIE ? 0 : d < -TIE ? 2 : 1]++;
    });
    return out;
  });
}

/** The slices of the file the margin must hold on: halves by order and by source. */
export function slices(rows: readonly SummaryEvalRow[]): Array<[string, number[]]> {
  const all = rows.map((_, i) => i);
  const half = Math.ceil(rows.length / 2);
  return [
    ['all', all],
    [`first ${half}`, all.slice(0, half)],
    [`last ${rows.length - half}`, all.slice(half)],
    ['cnn', all.filter((i) => rows[i]!.source === 'cnn')],
    ['dailymail', all.filter((i) => rows[i]!.source === 'dailymail')],
  ];
}

const num = (v: number): string => v.toFixed(2).padStart(6);
const signed = (v: number): string => `${v >= 0 ? '+' : ''}${v.toFixed(2)}`.padStart(6);

export async function run(): Promise<void> {
  const rows = readEvalJsonl<SummaryEvalRow>('summaries/cnndm-dev.jsonl');
  if (!rows) return;
  const p = scoreRows(rows);
  console.log(`  ${rows.length} articles, ${SENTENCES} sentences; F1 x100: ROUGE-1 ROUGE-2 ROUGE-Lsum (summary-level LCS)`);
  console.log(`  ${'slice'.padEnd(14)} ${'Lead-3'.padEnd(21)}  ${'Lede'.padEnd(21)}  ${'margin (Lede - Lead-3)'.padEnd(21)}  words L3/Lede`);
  for (const [name, idx] of slices(rows)) {
    const l = means(p.lead, idx);
    const o = means(p.ours, idx);
    console.log(
      `  ${`${name} (${idx.length})`.padEnd(14)} ${l.f1.map(num).join(' ')}  ${o.f1.map(num).join(' ')}  ${o.f1.map((v, m) => signed(v - l.f1[m]!)).join(' ')}  ${l.words.toFixed(0)}/${o.words.toFixed(0)}`,
    );
  }
  const wtl = winTieLoss(p);
  const boot = pairedBootstrap(p);
  console.log(`  robustness vs Lead-3 (per article win/tie/loss; paired bootstrap, ${BOOTSTRAP_RESAMPLES} resamples, seed ${BOOTSTRAP_SEED}):`);
  METRICS.forEach((name, m) => {
    const [w, t, l] = wtl[m]!;
    console.log(`    ${name.padEnd(7)} ${String(w).padStart(3)} win ${String(t).padStart(3)} tie ${String(l).padStart(3)} loss   P(Lede > Lead-3) = ${boot[m]!.toFixed(3)}`);
  });
  console.log(`  too short: ${p.tooShort}; summarize time ${(p.ms / rows.length).toFixed(2)} ms/article (after segmentation)`);
}
