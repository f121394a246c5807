/**
 * Segmentation throughput: paragraphs + sentences + tokens on a ~1 MB corpus built by repeating
 * the bundled and fixture articles (every .txt/.md under data/articles and test/fixtures that
 * exists at run time), beside wink-nlp (wink-eng-lite-web-model, sentences + tokens) on the same
 * corpus in the same run. Medians of several runs; each article is segmented as its own text, as
 * the bot does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { segment } from '../src/nlp/segment';
import { measure, report } from './harness';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_BYTES = 1 << 20;
/** Text files worth segmenting; HTML, XML and JSON fixtures are markup, not prose. */
const TEXT_EXTENSIONS = ['.txt', '.md'];

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
    else if (TEXT_EXTENSIONS.some((e) => name.endsWith(e))) out.push(path);
  }
  return out;
}

/** The articles repeated in turn until the corpus reaches ~1 MB. */
function buildCorpus(): { docs: string[]; chars: number; sources: number } {
  const sources = [...textFiles(join(root, 'data', 'articles')), ...textFiles(join(root, 'test', 'fixtures'))]
    .map((p) => readFileSync(p, 'utf8'))
    .filter((t) => t.trim() !== '');
  const docs: string[] = [];
  let chars = 0;
  for (let k = 0; chars < TARGET_BYTES && sources.length > 0; k++) {
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

  let tokens = 0;
  let sentences = 0;
  const lede = await measure('lede', () => {
    tokens = 0;
    sentences = 0;
    for (const d of docs) {
      const seg = segment(d);
      tokens += seg.tokens.length;
      sentences += seg.sentences.length;
    }
  }, { runs: 9, warmup: 2 });

  const nlp = winkNLP(model);
  const its = nlp.its;
  let winkTokens = 0;
  const wink = await measure('wink-nlp', () => {
    winkTokens = 0;
    for (const d of docs) {
      const doc = nlp.readDoc(d);
      doc.sentences().out(its.span);
      winkTokens += doc.tokens().length();
    }
  }, { runs: 5, warmup: 1 });

  const mbps = (ms: number): number => chars / 1e6 / (ms / 1000);
  const ledeMBps = mbps(lede.medianMs);
  const winkMBps = mbps(wink.medianMs);
  report('lede: paragraphs+sentences+tokens', `${ledeMBps.toFixed(2)} MB/s`, `median ${lede.medianMs.toFixed(0)} ms of ${lede.runs} (range ${lede.minMs.toFixed(0)}-${lede.maxMs.toFixed(0)}); target >= 2 MB/s`);
  report('lede: tokens/s', `${((tokens / lede.medianMs) * 1000 / 1e3).toFixed(0)}k/s`, `${tokens} tokens, ${sentences} sentences`);
  report('wink-nlp: readDoc + sentences (baseline)', `${winkMBps.toFixed(2)} MB/s`, `median ${wink.medianMs.toFixed(0)} ms of ${wink.runs}`);
  report('wink-nlp: tokens/s', `${((winkTokens / wink.medianMs) * 1000 / 1e3).toFixed(0)}k/s`, `${winkTokens} tokens`);
  report('lede / wink-nlp', `${(ledeMBps / winkMBps).toFixed(1)}x`);
}
