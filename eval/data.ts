/** Where the shared evaluation data lives, and reading it when it is there. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/eval from the project root, or LEDE_EVAL_DIR. */
export const EVAL_DIR = process.env.LEDE_EVAL_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'eval');

/** Parsed JSON lines of an eval file, or undefined (with a message) when the data is absent. */
export function readEvalJsonl<T>(relativePath: string): T[] | undefined {
  const path = join(EVAL_DIR, relativePath);
  if (!existsSync(path)) {
    console.log(`  skipped: ${path} is not here (the evaluation data lives in ../shared/eval).`);
    return undefined;
  }
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}
