/**
 * One hostile measurement in a process of its own (so its peak memory is its own): `tsx
 * bench/hostile-child.ts <pattern> <size>` prints one JSON line with the median time of each stage
 * over a few runs and the process's peak resident memory above what it held before the first run.
 * `<pattern>` is a name of HOSTILE_TEXT, `html:<name>` of HOSTILE_HTML, `md:<name>` of
 * HOSTILE_MARKDOWN (parsed as that format), or `article` for an ordinary article of the same size
 * (the in-run baseline).
 */
import { readFileSync } from 'node:fs';
import { STAGES, timeStages } from './hostile-stages';
import { median } from './harness';
import { HOSTILE_HTML, HOSTILE_MARKDOWN, HOSTILE_TEXT } from '../test/support/hostile';

const RUNS = 3;
const [pattern, sizeArg] = process.argv.slice(2);
const size = Number(sizeArg);

function baselineArticle(n: number): string {
  const seed = readFileSync(new URL('../data/articles/venezuela-agrees-to-take-back-migrants.txt', import.meta.url), 'utf8');
  let out = '';
  while (out.length < n) out += `${seed}\n\n`;
  return out.slice(0, n);
}

const [family, name] = pattern!.includes(':') ? (pattern!.split(/:(.*)/s) as [string, string]) : ['text', pattern!];
const table = family === 'html' ? HOSTILE_HTML : family === 'md' ? HOSTILE_MARKDOWN : HOSTILE_TEXT;
const format = family === 'html' ? 'html' : family === 'md' ? 'markdown' : 'text';
const make = pattern === 'article' ? baselineArticle : table[name];
if (!make || !Number.isFinite(size)) {
  console.error(`usage: hostile-child <name|html:name|md:name|article> <size>`);
  process.exit(2);
}
const text = make(size);
timeStages(make(2_000), format); // load the lazily built tables and the POS model first
const rssBefore = process.memoryUsage().rss;
const runs = Array.from({ length: RUNS }, () => timeStages(text, format));
const peakMb = (process.resourceUsage().maxRSS * 1024 - rssBefore) / (1024 * 1024);
const ms = Object.fromEntries(STAGES.map((s) => [s, median(runs.map((r) => r[s]))]));
console.log(JSON.stringify({ pattern, size: text.length, ms, peakMb: Math.max(0, peakMb), quoteChars: runs[0]!.quoteChars }));
