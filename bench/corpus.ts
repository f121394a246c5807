/**
 * The ~1 MB benchmark corpus: every .txt/.md article under data/articles and test/fixtures that
 * exists at run time (HTML, XML and JSON fixtures are markup, not prose), repeated in turn until
 * the corpus reaches the target size. Each document stays its own text, as the bot sees articles.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Text files worth reading as articles. */
const TEXT_EXTENSIONS = ['.txt', '.md'];

export interface Corpus {
  readonly docs: string[];
  /** Total length of `docs` in characters. */
  readonly chars: number;
  /** How many distinct non-empty source files were repeated. */
  readonly sources: number;
}

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

/** The articles repeated in turn until the corpus reaches `targetChars` (default 1 MiB). */
export function buildCorpus(targetChars = 1 << 20): Corpus {
  const sources = [...textFiles(join(root, 'data', 'articles')), ...textFiles(join(root, 'test', 'fixtures'))]
    .map((p) => readFileSync(p, 'utf8'))
    .filter((t) => t.trim() !== '');
  const docs: string[] = [];
  let chars = 0;
  for (let k = 0; chars < targetChars && sources.length > 0; k++) {
    const doc = sources[k % sources.length]!;
    docs.push(doc);
    chars += doc.length;
  }
  return { docs, chars, sources: sources.length };
}

/** Prints the corpus line; false (after saying "skipped") when there is no article text at all. */
export function announceCorpus({ docs, chars, sources }: Corpus): boolean {
  if (docs.length === 0) {
    console.log('  skipped: no article text found under data/articles or test/fixtures.');
    return false;
  }
  console.log(`  corpus: ${docs.length} documents from ${sources} source files, ${(chars / 1e6).toFixed(2)} MB`);
  return true;
}
