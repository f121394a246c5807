/**
 * Summaries on ../shared/eval/summaries/cnndm-dev.jsonl: ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (x100,
 * averaged per article; the tokenization of ../shared/eval/README.md, see eval/rouge.ts) for our
 * 3-sentence summaries beside Lead-3 on the same articles, segmented by the same segmenter.
 * Articles our summarizer calls "too short" are scored with an empty summary (no fallback).
 */
import { performance } from 'node:perf_hooks';
import { segment } from '../src/nlp/segment';
import { summarize } from '../src/nlp/summarize';
import { readEvalJsonl } from './data';
import { rouge, type RougeScores } from './rouge';

interface Row {
  id: string;
  source: 'cnn' | 'dailymail';
  text: string;
  reference: string[];
}

const SENTENCES = 3;

interface Totals {
  r1: number;
  r2: number;
  rl: number;
  n: number;
  words: number;
}

function add(t: Totals, s: RougeScores, words: number): void {
  t.r1 += s.rouge1.f1;
  t.r2 += s.rouge2.f1;
  t.rl += s.rougeLsum.f1;
  t.words += words;
  t.n++;
}

const empty = (): Totals => ({ r1: 0, r2: 0, rl: 0, n: 0, words: 0 });
const fmt = (t: Totals): string =>
  t.n === 0
    ? 'n/a'
    : `${((100 * t.r1) / t.n).toFixed(2).padStart(6)} ${((100 * t.r2) / t.n).toFixed(2).padStart(6)} ${((100 * t.rl) / t.n).toFixed(2).padStart(6)}   ${(t.words / t.n).toFixed(0).padStart(3)} words`;
const wordsOf = (sents: readonly string[]): number => sents.reduce((n, s) => n + s.split(/\s+/).filter(Boolean).length, 0);

export async function run(): Promise<void> {
  const rows = readEvalJsonl<Row>('summaries/cnndm-dev.jsonl');
  if (!rows) return;
  const ours = { all: empty(), cnn: empty(), dailymail: empty() };
  const lead = { all: empty(), cnn: empty(), dailymail: empty() };
  let tooShort = 0;
  let ms = 0;
  for (const row of rows) {
    const seg = segment(row.text);
    const lead3 = seg.sentences.slice(0, SENTENCES).map((s) => row.text.slice(s.start, s.end));
    const t0 = performance.now();
    const result = summarize(row.text, { sentences: SENTENCES, seg });
    ms += performance.now() - t0;
    if (result.tooShort) tooShort++;
    const picked = result.sentences.map((s) => s.text);
    const so = rouge(picked, row.reference);
    const sl = rouge(lead3, row.reference);
    add(ours.all, so, wordsOf(picked));
    add(ours[row.source], so, wordsOf(picked));
    add(lead.all, sl, wordsOf(lead3));
    add(lead[row.source], sl, wordsOf(lead3));
  }
  console.log(`  ${rows.length} articles, ${SENTENCES} sentences; F1 x100: ROUGE-1 ROUGE-2 ROUGE-Lsum (summary-level LCS)`);
  console.log(`  ${'Lead-3'.padEnd(24)} ${fmt(lead.all)}`);
  console.log(`  ${'Lede summarize'.padEnd(24)} ${fmt(ours.all)}`);
  for (const src of ['cnn', 'dailymail'] as const) {
    console.log(`    ${`${src} (${lead[src].n})`.padEnd(16)} Lead-3 ${fmt(lead[src])}`);
    console.log(`    ${''.padEnd(16)} Lede   ${fmt(ours[src])}`);
  }
  const d = (a: number, b: number): string => `${a >= b ? '+' : ''}${((100 * (a - b)) / rows.length).toFixed(2)}`;
  console.log(`  difference vs Lead-3: R-1 ${d(ours.all.r1, lead.all.r1)}, R-2 ${d(ours.all.r2, lead.all.r2)}, R-Lsum ${d(ours.all.rl, lead.all.rl)}`);
  console.log(`  too short: ${tooShort}; summarize time ${(ms / rows.length).toFixed(2)} ms/article (after segmentation)`);
}
