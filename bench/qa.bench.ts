/**
 * Question answering speed: the median time to answer one question on an already-indexed article
 * (the seed article, its golden questions plus a few more), beside the README's overlap baseline
 * (the sentence sharing the most question words) timed in the same run. Target: under 2 ms.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { median, percentile, report } from './harness';
import { answerQuestion, prepareIndex } from '../src/nlp/qa';
import { extractQuotes } from '../src/nlp/quotes/extract';
import { segment } from '../src/nlp/segment';

const QUESTIONS = [
  'Who did Grenell meet?',
  'When did Trump take office?',
  'Who refused a US military deportation flight?',
  'What did Grenell say about the visit?',
  'What is the capital of France?',
  'How many US citizens did Grenell bring back?',
  'Who said the visit was a big gift?',
  'Where did Grenell meet Maduro?',
  'Why did the White House say the visit does not mean recognition?',
  'Which country agreed to accept military aircraft carrying deported migrants?',
];

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** The baseline: the sentence with the most distinct question words (per question, on a prepared segmentation). */
function overlapBaseline(text: string, sentences: ReadonlyArray<{ start: number; end: number; words: ReadonlySet<string> }>, question: string): string {
  const q = new Set((question.toLowerCase().match(WORD_RE) ?? []) as string[]);
  let best = sentences[0];
  let bestScore = -1;
  for (const s of sentences) {
    let n = 0;
    for (const w of q) if (s.words.has(w)) n++;
    if (n > bestScore) {
      bestScore = n;
      best = s;
    }
  }
  return best ? text.slice(best.start, best.end) : '';
}

function perQuestionTimes(fn: (q: string) => unknown, rounds: number): number[] {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of QUESTIONS) {
      const t0 = performance.now();
      fn(q);
      times.push(performance.now() - t0);
    }
  }
  return times;
}

export async function run(): Promise<void> {
  const text = readFileSync(new URL('../data/articles/venezuela-agrees-to-take-back-migrants.txt', import.meta.url), 'utf8');

  const t0 = performance.now();
  const seg = segment(text);
  const index = prepareIndex(text, seg);
  const quotes = extractQuotes(text, seg);
  const indexMs = performance.now() - t0;
  const baseSentences = seg.sentences.map((s) => ({ start: s.start, end: s.end, words: new Set((text.slice(s.start, s.end).toLowerCase().match(WORD_RE) ?? []) as string[]) }));

  // The first question loads the POS model once per process; report it apart from the steady state.
  const tFirst = performance.now();
  answerQuestion(index, QUESTIONS[0]!, { quotes });
  const firstMs = performance.now() - tFirst;
  for (const q of QUESTIONS) answerQuestion(index, q, { quotes }); // warm the per-sentence tag cache

  const ours = perQuestionTimes((q) => answerQuestion(index, q, { quotes }), 50);
  const base = perQuestionTimes((q) => overlapBaseline(text, baseSentences, q), 50);
  // A fresh index per question: the cost when nothing is cached (tags computed again).
  const cold = perQuestionTimes((q) => answerQuestion(prepareIndex(text, seg), q, { quotes }), 5);

  console.log(`  seed article: ${text.length} chars, ${seg.sentences.length} sentences, ${QUESTIONS.length} questions`);
  report('index + quotes (once per article)', `${indexMs.toFixed(2)} ms`, 'first run, includes JIT warm-up');
  report('first question (loads the POS model)', `${firstMs.toFixed(1)} ms`, 'once per process');
  const mo = median(ours);
  const mb = median(base);
  report('lede answerQuestion, indexed article (median)', `${mo.toFixed(3)} ms`, `p90 ${percentile(ours, 90).toFixed(3)} ms; target < 2 ms`);
  report('baseline: most question-word overlap (median)', `${mb.toFixed(3)} ms`, `lede/baseline = ${(mo / mb).toFixed(1)}x`);
  report('lede on a fresh index (no tag cache, median)', `${median(cold).toFixed(3)} ms`, 'includes prepareIndex');
}
