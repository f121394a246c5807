/**
 * `npm run eval [-- name...]`: runs every eval/*.eval.ts (or the named ones). Each scores one NLP
 * capability on ../shared/eval and prints its figures beside the baselines measured in the same
 * run. When ../shared/eval is absent each module says so and the run still exits 0.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.eval.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
if (files.length === 0) {
  console.error(`No evaluation matches ${wanted.join(', ')}.`);
  process.exit(2);
}
for (const f of files) {
  console.log(`\n== ${f.replace('.eval.ts', '')} ==`);
  const mod = (await import(join(dir, f))) as { run: () => Promise<void> };
  await mod.run();
}
