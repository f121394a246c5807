/**
 * Summaries: median time to summarize a ~800-word article once it is segmented (target < 5 ms),
 * and throughput over a corpus of the bundled and fixture articles; Lead-3 selection on the same
 * segmentations is the in-run baseline (the ratio is what a better scorer costs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { segment, type Segmentation } from '../src/nlp/segment';
import { summarize } from '../src/nlp/summarize';
import { measure, report } from './harness';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function texts(): string[] {
  const dirs = [join(root, 'data', 'articles'), join(root, 'test', 'fixtures', 'summaries')];
  return dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(d, f), 'utf8')));
}

const wordsOf = (t: string): number => t.split(/\s+/).filter(Boolean).length;

/** Lead-3: the first three sentences, the baseline every news summarizer is measured against. */
function lead3(seg: Segmentation): string[] {
  return seg.sentences.slice(0, 3).map((s) => seg.text.slice(s.start, s.end));
}

export async function run(): Promise<void> {
  const corpus = texts();
  // ~800 words: the seed body followed by the fixtures, as one article (paragraphs kept).
  let long = corpus.join('\n\n');
  while (wordsOf(long) < 800) long += '\n\n' + corpus.join('\n\n');
  const longSeg = segment(long);
  const w = wordsOf(long);

  const one = await measure('summarize 800w', () => summarize(long, { seg: longSeg }), { runs: 41, warmup: 5 });
  const oneLead = await measure('lead-3 800w', () => lead3(longSeg), { runs: 41, warmup: 5 });
  const segOnce = await measure('segment 800w', () => segment(long), { runs: 21, warmup: 3 });
  report(`summarize one ${w}-word article (median)`, `${one.medianMs.toFixed(2)} ms`, `target < 5 ms; range ${one.minMs.toFixed(2)}-${one.maxMs.toFixed(2)}`);
  report('  baseline: Lead-3 selection, same article', `${oneLead.medianMs.toFixed(4)} ms`, `ratio x${(one.medianMs / Math.max(oneLead.medianMs, 1e-6)).toFixed(0)}`);
  report('  for scale: segmenting it', `${segOnce.medianMs.toFixed(2)} ms`);

  // Throughput: every corpus article plus 30 shuffled recombinations of their paragraphs.
  const paragraphs = corpus.flatMap((t) => t.split(/\n\s*\n/)).filter((p) => p.trim() !== '');
  const docs = [...corpus];
  let seed = 7;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 30; i++) {
    const n = 8 + Math.floor(rand() * 30);
    docs.push(Array.from({ length: n }, () => paragraphs[Math.floor(rand() * paragraphs.length)]!).join('\n\n'));
  }
  const segs = docs.map(segment);
  const totalWords = docs.reduce((n, d) => n + wordsOf(d), 0);
  const all = await measure('corpus', () => segs.forEach((s) => summarize(s.text, { seg: s })), { runs: 9, warmup: 2 });
  const allLead = await measure('corpus lead', () => segs.forEach(lead3), { runs: 9, warmup: 2 });
  report(`corpus: ${docs.length} articles, ${totalWords} words`, `${(docs.length / (all.medianMs / 1000)).toFixed(0)} articles/s`, `${((totalWords / (all.medianMs / 1000)) / 1000).toFixed(0)}k words/s after segmentation`);
  report('  baseline: Lead-3 selection, same corpus', `${(docs.length / (allLead.medianMs / 1000)).toFixed(0)} articles/s`);
}
