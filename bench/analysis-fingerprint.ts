/**
 * `npx tsx bench/analysis-fingerprint.ts <out-file> [<earlier-file>]`: a SHA-256 per article of
 * everything the full analysis produces (analyzeArticle's value as the store keeps it, and the
 * question index with its maps and sets written out in order), so a speed change can be shown to
 * change no output: run it before, run it after with the first file, and every line must match.
 *
 * Texts: the bundled articles and text fixtures, each evaluation file's article texts (../shared/eval,
 * read in place, when present) both as given and as parsed plain-text articles, and a few generated
 * texts with hostile punctuation.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleIdOf, type Article } from '../src/article/model';
import { parseArticle } from '../src/article/parse';
import { analyzeArticle } from '../src/nlp/analyze';
import { prepareIndex } from '../src/nlp/qa';
import { buildCorpus } from './corpus';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const EVAL_DIR = join(root, '..', 'shared', 'eval');
const EVAL_FILES: ReadonlyArray<[string, string]> = [
  ['quotes/polnear-dev.jsonl', 'text'],
  ['quotes/polnear-train.jsonl', 'text'],
  ['summaries/cnndm-dev.jsonl', 'text'],
  ['qa/squad-dev.jsonl', 'context'],
];

/** JSON with maps and sets written as arrays of their entries, in their iteration order. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return { map: [...v.entries()] };
    if (v instanceof Set) return { set: [...v] };
    return v;
  });
}

function fingerprint(article: Article): string {
  const analysis = analyzeArticle(article);
  const index = prepareIndex(article.text);
  const h = createHash('sha256');
  h.update(JSON.stringify(analysis));
  h.update('\0');
  h.update(stable(index));
  return h.digest('hex').slice(0, 24);
}

function rawArticle(text: string): Article {
  return { id: articleIdOf(text), title: '', source: 'text', text, paragraphs: [], boilerplate: [] };
}

function parsed(text: string): Article | null {
  try {
    return parseArticle({ content: text, format: 'text', source: 'fingerprint' });
  } catch {
    return null;
  }
}

function generated(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  out.push(['periods', '. '.repeat(20000)]);
  out.push(['quotes', '"a" '.repeat(5000) + '" said he "'.repeat(2000)]);
  out.push(['unclosed', 'He said "this never ends, ' + 'and more words, '.repeat(3000)]);
  out.push(['caps', 'THE MAYOR SAID: "NO." '.repeat(2000)]);
  out.push(['mixed', 'Dr. A. B. Smith, who said "yes," said "no". U.S. officials told Reuters. '.repeat(800)]);
  return out;
}

const [outFile, earlierFile] = process.argv.slice(2);
if (!outFile) {
  console.error('usage: tsx bench/analysis-fingerprint.ts <out-file> [<earlier-file>]');
  process.exit(2);
}

const items: Array<[string, Article]> = [];
const seen = new Set<string>();
// Every distinct bundled and fixture text (the bench corpus repeats them; one of each is enough).
for (const text of buildCorpus().docs) {
  if (seen.has(text)) continue;
  seen.add(text);
  const a = parsed(text);
  if (a) items.push([`bundled:${articleIdOf(text)}:parsed`, a]);
  items.push([`bundled:${articleIdOf(text)}:raw`, rawArticle(text)]);
}
for (const [file, field] of EVAL_FILES) {
  const path = join(EVAL_DIR, file);
  if (!existsSync(path)) continue;
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const texts = new Set<string>();
  for (const l of lines) {
    const t = (JSON.parse(l) as Record<string, unknown>)[field];
    if (typeof t === 'string' && t.trim() !== '') texts.add(t);
  }
  let k = 0;
  for (const t of texts) {
    items.push([`${file}:${k}:raw`, rawArticle(t)]);
    const a = parsed(t);
    if (a) items.push([`${file}:${k}:parsed`, a]);
    k++;
  }
}
for (const [name, text] of generated()) items.push([`generated:${name}`, rawArticle(text)]);

const t0 = performance.now();
const lines = items.map(([name, a]) => `${name} ${fingerprint(a)}`);
writeFileSync(outFile, lines.join('\n') + '\n');
console.log(`${lines.length} fingerprints in ${((performance.now() - t0) / 1000).toFixed(1)} s -> ${outFile}`);

if (earlierFile) {
  const earlier = readFileSync(earlierFile, 'utf8').trim().split('\n');
  const now = lines;
  let differ = 0;
  if (earlier.length !== now.length) console.log(`different counts: ${earlier.length} before, ${now.length} now`);
  for (let i = 0; i < Math.min(earlier.length, now.length); i++) {
    if (earlier[i] !== now[i]) {
      if (differ < 20) console.log(`differs: ${earlier[i]}  ->  ${now[i]}`);
      differ++;
    }
  }
  console.log(differ === 0 && earlier.length === now.length ? 'identical' : `${differ} differ`);
  process.exit(differ === 0 && earlier.length === now.length ? 0 : 1);
}
