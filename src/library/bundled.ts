/**
 * The bundled articles (ARTICLES_DIR, `data/articles` by default): loaded at start into every
 * server. A file that fails to parse is reported by name and skipped; the others still load.
 */
import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Library } from './library';
import { FORMAT_BY_EXTENSION, type ArticleLoader } from './sources';

export interface BundledLoadReport {
  readonly loaded: readonly string[];
  readonly failed: ReadonlyArray<{ readonly file: string; readonly error: unknown }>;
  readonly pruned: number;
}

/** Load every .txt/.md/.html file of `dir` as a bundled article; slug = file name without extension. */
export async function loadBundledArticles(dir: string, library: Library, load: ArticleLoader): Promise<BundledLoadReport> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => FORMAT_BY_EXTENSION[extname(f).toLowerCase()]).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { loaded: [], failed: [], pruned: 0 };
    throw error;
  }
  const loaded: string[] = [];
  const failed: Array<{ file: string; error: unknown }> = [];
  const keep = new Set<string>();
  for (const file of files) {
    try {
      const article = await load({ kind: 'file', path: join(dir, file) });
      await library.addBundled(article, basename(file, extname(file)).toLowerCase());
      keep.add(article.id);
      loaded.push(file);
    } catch (error) {
      failed.push({ file, error });
    }
  }
  const pruned = await library.pruneBundled(keep);
  return { loaded, failed, pruned };
}
