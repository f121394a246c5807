/**
 * Quote extraction throughput (segmentation + quote pairing + frames + resolution) on a ~1 MB
 * corpus built by repeating the bundled and fixture articles, beside segmentation alone on the same
 * corpus in the same run (the floor every capability pays). Medians of several runs; target >= 1 MB/s.
 */
import { segment } from '../src/nlp/segment';
import { extractQuotes } from '../src/nlp/quotes';
import { measure, report } from './harness';
import { announceCorpus, buildCorpus } from './corpus';

export async function run(): Promise<void> {
  const corpus = buildCorpus();
  if (!announceCorpus(corpus)) return;
  const { docs, chars } = corpus;
  let quotes = 0;
  const full = await measure('quotes', () => {
    quotes = 0;
    for (const d of docs) quotes += extractQuotes(d).length;
  }, { runs: 7, warmup: 2 });
  const seg = await measure('segment', () => {
    for (const d of docs) segment(d);
  }, { runs: 7, warmup: 2 });
  const mbps = (ms: number): number => chars / 1e6 / (ms / 1000);
  report('lede: extractQuotes (incl. segmentation)', `${mbps(full.medianMs).toFixed(2)} MB/s`, `median ${full.medianMs.toFixed(0)} ms of ${full.runs}; ${quotes} quotes; target >= 1 MB/s`);
  report('baseline: segment() alone', `${mbps(seg.medianMs).toFixed(2)} MB/s`, `median ${seg.medianMs.toFixed(0)} ms of ${seg.runs}`);
  report('quotes cost / segmentation cost', `${(full.medianMs / seg.medianMs).toFixed(2)}x`);
}
