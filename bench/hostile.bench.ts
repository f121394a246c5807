/**
 * Hostile input, at full size: every pattern of HOSTILE_TEXT (as text), HOSTILE_HTML (as a page) and
 * HOSTILE_MARKDOWN (as Markdown) at 100 KB, at 400,000 characters (the article limit of issue 10;
 * since issue 11 articles are analysed in the worker pool up to 2,000,000 characters, and bench
 * ingest runs every pattern at that size through the pool) and at 1 MB, each in a process of its own, with the median time of each stage
 * (parse, segment, quotes, summary, question index + one question, phrase search) and the peak
 * memory above the process's resting size. An ordinary article of the same size is the in-run
 * baseline. Targets (issue 10): every stage under 1 s and 300 MB at 400,000 characters, and growth
 * from 100 KB to 1 MB near 10x (linear), not 100x.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOSTILE_HTML, HOSTILE_MARKDOWN, HOSTILE_TEXT } from '../test/support/hostile';
import { STAGES, type Stage } from './hostile-stages';

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = [100_000, 400_000, 1_000_000];
const LIMIT_SIZE = 400_000;
const STAGE_BUDGET_MS = 1000;
const MEMORY_BUDGET_MB = 300;

interface ChildResult {
  readonly pattern: string;
  readonly size: number;
  readonly ms: Record<Stage, number>;
  readonly peakMb: number;
  readonly quoteChars: number;
}

function measureIn(pattern: string, size: number): ChildResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'hostile-child.ts'), pattern, String(size)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    timeout: 10 * 60_000,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult;
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

export async function run(): Promise<void> {
  console.log(`  ms per stage (${STAGES.join(' / ')}), peak MB above rest; sizes ${SIZES.map((s) => `${s / 1000} KB`).join(', ')}`);
  const over: string[] = [];
  const patterns = ['article', ...Object.keys(HOSTILE_TEXT), ...Object.keys(HOSTILE_HTML).map((n) => `html:${n}`), ...Object.keys(HOSTILE_MARKDOWN).map((n) => `md:${n}`)];
  for (const pattern of patterns) {
    const rows = SIZES.map((size) => measureIn(pattern, size));
    const label = pattern === 'article' ? 'baseline: ordinary article' : pattern;
    console.log(`  ${label}`);
    for (const r of rows) {
      const worst = Math.max(...STAGES.map((s) => r.ms[s]));
      console.log(`    ${String(r.size / 1000).padStart(5)} KB  ${STAGES.map((s) => fmt(r.ms[s]).padStart(6)).join(' ')}   peak ${r.peakMb.toFixed(0).padStart(4)} MB   slowest stage ${fmt(worst)} ms`);
      if (r.size === LIMIT_SIZE && (worst > STAGE_BUDGET_MS || r.peakMb > MEMORY_BUDGET_MB)) over.push(`${pattern} at ${r.size}`);
    }
    // All stages together: a stage of a few milliseconds is timer noise, not growth.
    const total = (r: ChildResult) => STAGES.reduce((n, s) => n + r.ms[s], 0);
    console.log(`    growth 100 KB -> 1 MB, all stages: ${(total(rows[2]!) / total(rows[0]!)).toFixed(1)}x (linear: 10x)`);
  }
  console.log(over.length === 0 ? `  every pattern within ${STAGE_BUDGET_MS} ms and ${MEMORY_BUDGET_MB} MB per stage at ${LIMIT_SIZE / 1000} KB` : `  OVER BUDGET at ${LIMIT_SIZE / 1000} KB: ${over.join(', ')}`);
}
