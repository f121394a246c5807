/**
 * Quote extraction throughput (segmentation + quote pairing + frames + resolution) on a ~1 MB
 * corpus built by repeating the bundled and fixture articles, beside segmentation alone on the same
 * corpus in the same run (the floor every capability pays). Medians of several runs; target >= 1 MB/s.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { segment } from '../src/nlp/segment';
import { extractQuotes } from '../src/nlp/quotes';
import { measure, report } from './harness';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_CHARS = 1 << 20;

function textFiles(dir: string, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) textFiles(path, out);
    else if (name.endsWith('.txt') || name.endsWith('.md')) out.push(path);
  }
  return out;
}

function buildCorpus(): { docs: string[]; chars: number; sources: number } {
  const sources = [...textFiles(join(root, 'data', 'articles')), ...textFiles(join(root, 'test', 'fixtures'))]
    .map((p) => readFileSync(p, 'utf8'))
    .filter((t) => t.trim() !== '');
  const docs: string[] = [];
  let chars = 0;
  for (let k = 0; chars < TARGET_CHARS && sources.length > 0; k++) {
    const doc = sources[k % sources.length]!;
    docs.push(doc);
    chars += doc.length;
  }
  return { docs, chars, sources: sources.length };
}

export async function run(): Promise<void> {
  const { docs, chars, sources } = buildCorpus();
  if (docs.length === 0) {
    console.log('  skipped: no article text found under data/articles or test/fixtures.');
    return;
  }
  console.log(`  corpus: ${docs.length} documents from ${sources} source files, ${(chars / 1e6).toFixed(2)} MB`);
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
