/**
 * Question answering on SQuAD v1.1 dev (../shared/eval/qa/squad-dev.jsonl), scored with the
 * official v1.1 rules (normalize: lowercase, drop punctuation, drop a/an/the, collapse spaces;
 * EM = equal to some gold answer; F1 = best token-overlap F1 over the gold answers), plus
 * sentence accuracy (the returned source sentence contains a gold answer).
 *
 * Printed beside the README's baseline computed in the same run: the sentence with the most
 * question-word overlap, returned whole as the answer.
 *
 * A refusal ("not found in the article") scores EM 0 / F1 0, as a user sees no answer; its hint
 * sentence still counts for sentence accuracy, since it is what the user is shown. The figures
 * for the answers given (precision of what we say) and for the forced best candidate are printed
 * too, so the cost of refusing is visible.
 */
import { performance } from 'node:perf_hooks';
import { readEvalJsonl } from './data';
import { answerQuestion, prepareIndex } from '../src/nlp/qa';
import { segment } from '../src/nlp/segment';

interface SquadRow {
  readonly id: string;
  readonly title: string;
  readonly context: string;
  readonly question: string;
  readonly answers: readonly string[];
  readonly answer_starts?: readonly number[];
}

const ARTICLES = new Set(['a', 'an', 'the']);

/** The official SQuAD v1.1 `normalize_answer`. Python's string.punctuation is ASCII punctuation. */
export function normalizeAnswer(s: string): string {
  const lower = s.toLowerCase();
  const noPunct = lower.replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '');
  return noPunct
    .split(/\s+/)
    .filter((w) => w !== '' && !ARTICLES.has(w))
    .join(' ');
}

export function exactMatch(prediction: string, golds: readonly string[]): number {
  const p = normalizeAnswer(prediction);
  return golds.some((g) => normalizeAnswer(g) === p) ? 1 : 0;
}

function f1One(prediction: string, gold: string): number {
  const p = normalizeAnswer(prediction).split(' ').filter(Boolean);
  const g = normalizeAnswer(gold).split(' ').filter(Boolean);
  const counts = new Map<string, number>();
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let same = 0;
  for (const t of p) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      same++;
      counts.set(t, c - 1);
    }
  }
  if (same === 0) return 0;
  const precision = same / p.length;
  const recall = same / g.length;
  return (2 * precision * recall) / (precision + recall);
}

export function f1Score(prediction: string, golds: readonly string[]): number {
  return Math.max(0, ...golds.map((g) => f1One(prediction, g)));
}

/** The sentence contains a gold answer (normalized, on word boundaries). */
export function sentenceContains(sentence: string, golds: readonly string[]): boolean {
  const s = ` ${normalizeAnswer(sentence)} `;
  return golds.some((g) => {
    const n = normalizeAnswer(g);
    return n !== '' && s.includes(` ${n} `);
  });
}

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** The README baseline: the sentence sharing the most distinct lowercased words with the question. */
function overlapBaseline(context: string, question: string, seg = segment(context)): string {
  const q = new Set((question.toLowerCase().match(WORD_RE) ?? []) as string[]);
  let best = '';
  let bestScore = -1;
  for (const s of seg.sentences) {
    const text = context.slice(s.start, s.end);
    const words = new Set((text.toLowerCase().match(WORD_RE) ?? []) as string[]);
    let n = 0;
    for (const w of words) if (q.has(w)) n++;
    if (n > bestScore) {
      bestScore = n;
      best = text;
    }
  }
  return best;
}

interface Tally {
  em: number;
  f1: number;
  sent: number;
  n: number;
}
const tally = (): Tally => ({ em: 0, f1: 0, sent: 0, n: 0 });
const pct = (x: number, n: number): string => (n === 0 ? '  -  ' : ((100 * x) / n).toFixed(1).padStart(5));

export async function run(): Promise<void> {
  const rows = readEvalJsonl<SquadRow>('qa/squad-dev.jsonl');
  if (!rows) return;
  const verbose = process.env.QA_EVAL_VERBOSE === '1';

  const base = tally();
  const ours = tally();
  const forced = tally();
  const given = tally();
  const byType = new Map<string, Tally>();
  /** Answers given, by confidence band of 0.1: how often they are right (calibration). */
  const bands = new Map<number, { n: number; conf: number; f1: number; em: number }>();
  let answerMs = 0;
  const indexes = new Map<string, ReturnType<typeof prepareIndex>>();

  for (const row of rows) {
    let index = indexes.get(row.context);
    if (!index) {
      index = prepareIndex(row.context);
      indexes.set(row.context, index);
    }
    const b = overlapBaseline(row.context, row.question);
    base.n++;
    base.em += exactMatch(b, row.answers);
    base.f1 += f1Score(b, row.answers);
    base.sent += sentenceContains(b, row.answers) ? 1 : 0;

    const t0 = performance.now();
    const r = answerQuestion(index, row.question);
    answerMs += performance.now() - t0;
    const shown = r.found ? (r.answer ?? '') : '';
    const sentence = r.sentence?.text ?? '';
    const em = exactMatch(shown, row.answers);
    const f1 = f1Score(shown, row.answers);
    const sentOk = sentenceContains(sentence, row.answers) ? 1 : 0;
    ours.n++;
    ours.em += em;
    ours.f1 += f1;
    ours.sent += sentOk;
    const candidate = r.answer ?? r.rejected?.text ?? '';
    forced.n++;
    forced.em += exactMatch(candidate, row.answers);
    forced.f1 += f1Score(candidate, row.answers);
    forced.sent += sentOk;
    if (r.found) {
      const band = Math.min(9, Math.floor(r.confidence * 10));
      const b = bands.get(band) ?? { n: 0, conf: 0, f1: 0, em: 0 };
      b.n++;
      b.conf += r.confidence;
      b.f1 += f1;
      b.em += em;
      bands.set(band, b);
      given.n++;
      given.em += em;
      given.f1 += f1;
      given.sent += sentOk;
    }
    const t = byType.get(r.answerType) ?? tally();
    t.n++;
    t.em += em;
    t.f1 += f1;
    t.sent += sentOk;
    byType.set(r.answerType, t);
    if (verbose) {
      console.log(
        JSON.stringify({ q: row.question, gold: row.answers, got: r.answer ?? r.rejected?.text ?? null, found: r.found, type: r.answerType, conf: +r.confidence.toFixed(2), f1: +f1.toFixed(2), sentOk }),
      );
    }
  }

  console.log(`  SQuAD v1.1 dev: ${rows.length} questions over ${indexes.size} paragraphs (official normalization)`);
  console.log('                                             EM      F1   sentence acc');
  const line = (label: string, t: Tally): void => console.log(`  ${label.padEnd(40)} ${pct(t.em, t.n)}   ${pct(t.f1, t.n)}   ${pct(t.sent, t.n)}`);
  line('baseline: most question-word overlap', base);
  line('lede (refusals score 0)', ours);
  line('lede, best candidate even when refused', forced);
  line(`lede, answers given only (${given.n}/${ours.n})`, given);
  console.log(`  refusal rate: ${pct(ours.n - given.n, ours.n).trim()}% (${ours.n - given.n}/${ours.n}); precision of the answers given: EM ${pct(given.em, given.n).trim()}, F1 ${pct(given.f1, given.n).trim()}`);
  console.log('  calibration of the answers given (confidence band: n, mean confidence, mean F1, EM):');
  for (const [band, b] of [...bands.entries()].sort((x, y) => x[0] - y[0])) {
    console.log(`    ${(band / 10).toFixed(1)}-${((band + 1) / 10).toFixed(1)}: n ${String(b.n).padStart(3)}  conf ${(b.conf / b.n).toFixed(2)}  F1 ${(b.f1 / b.n).toFixed(2)}  EM ${(b.em / b.n).toFixed(2)}`);
  }
  console.log('  by expected answer type:');
  for (const [type, t] of [...byType.entries()].sort((a, b) => b[1].n - a[1].n)) line(`  ${type} (${t.n})`, t);
  console.log(`  mean time per question: ${(answerMs / rows.length).toFixed(3)} ms (index reused; includes loading the POS model once and tagging each sentence the first time; see npm run bench -- qa)`);
}
