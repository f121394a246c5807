/**
 * The bundled articles (ARTICLES_DIR, `data/articles` by default): loaded at start into every
 * server, and kept in line with the folder while the bot runs (src/library/watch.ts tells which
 * file to look at again). A file that fails to parse is reported by name and skipped; the others
 * still load.
 *
 * An article's id is the hash of its text, so:
 * - a file read again unchanged keeps its id, and the stored article keeps the time it was first
 *   added (it is not news again: the digest counts articles by that time);
 * - a file whose text changed is a new article (new id, added now: news again in every server),
 *   and the article of its old text is pruned;
 * - a file removed (or no longer parsing) prunes its article.
 * Hidden files (a leading dot: editors' lock and swap files) are not articles.
 */
import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Article } from '../article/model';
import type { StoredArticle } from '../store/ports';
import type { Library } from './library';
import { FORMAT_BY_EXTENSION, type ArticleLoader } from './sources';

export interface BundledLoadReport {
  readonly loaded: readonly string[];
  readonly failed: ReadonlyArray<{ readonly file: string; readonly error: unknown }>;
  readonly pruned: number;
}

/** What looking at one file again did. */
export type BundledFileOutcome =
  /** A file new to the folder, stored (news, unless the same text was stored already). */
  | { readonly kind: 'added'; readonly file: string; readonly article: StoredArticle }
  /** The file's text changed: a new article (news again); the old text's article was pruned. */
  | { readonly kind: 'changed'; readonly file: string; readonly article: StoredArticle; readonly pruned: number }
  /** Read again (its size or time changed) but its text is the same: same article, not news again. */
  | { readonly kind: 'same'; readonly file: string; readonly article: StoredArticle }
  /** Its size, time and inode are those it was read with: not read again. */
  | { readonly kind: 'unchanged'; readonly file: string }
  /** The file is gone (or is no longer a file): its article was pruned. */
  | { readonly kind: 'removed'; readonly file: string; readonly pruned: number }
  /** The file did not load (logged by name); the article of its earlier text, if any, was pruned. */
  | { readonly kind: 'failed'; readonly file: string; readonly error: unknown; readonly pruned: number }
  /** Not an article file (extension, hidden, a folder) or never known and not there. */
  | { readonly kind: 'ignored'; readonly file: string };

/** The library's part the folder needs. */
export type BundledLibrary = Pick<Library, 'addBundled' | 'pruneBundled'>;

export interface BundledFolder {
  readonly dir: string;
  /** Read every article file (at start), then prune the bundled articles no file holds any more. */
  loadAll(): Promise<BundledLoadReport>;
  /** Bring one file's article in line with the folder: (re)load it when it changed, prune it when gone. */
  sync(file: string): Promise<BundledFileOutcome>;
  /** File names that changed since they were last read, new ones, and ones gone: what to sync after a gap. */
  changedFiles(): Promise<string[]>;
  /** Resolves when the read or prune in progress, if any, has finished. */
  idle(): Promise<void>;
}

/** Whether a file name in the folder names an article: .txt/.md/.html (and kin), not hidden. */
export function isArticleFile(name: string): boolean {
  return !name.startsWith('.') && FORMAT_BY_EXTENSION[extname(name).toLowerCase()] !== undefined;
}

/** The short name people type for a bundled article: the file name without extension. */
export function bundledSlug(file: string): string {
  return basename(file, extname(file)).toLowerCase();
}

interface Seen {
  /** The article the file holds; undefined when it failed to load. */
  readonly id: string | undefined;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

const sameFile = (a: Pick<Stats, 'size' | 'mtimeMs' | 'ino'>, b: Pick<Seen, 'size' | 'mtimeMs' | 'ino'>) =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/**
 * The folder as the library sees it. Every read and prune runs one at a time (a file changed twice
 * is read in order, and a prune never races a load), and the keep-set of every prune is the
 * articles the folder's files hold now.
 */
export function bundledFolder(dir: string, library: BundledLibrary, load: ArticleLoader): BundledFolder {
  const seen = new Map<string, Seen>();
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };
  const prune = () => library.pruneBundled(new Set([...seen.values()].flatMap((s) => (s.id === undefined ? [] : [s.id]))));

  async function read(file: string): Promise<StoredArticle> {
    const article = await load({ kind: 'file', path: join(dir, file) });
    return library.addBundled(article, bundledSlug(file));
  }

  async function loadAll(): Promise<BundledLoadReport> {
    let files: string[];
    try {
      files = (await readdir(dir)).filter(isArticleFile).sort();
    } catch (error) {
      // No folder: nothing to load, and nothing stored is pruned (a missing mount is not "every file removed").
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { loaded: [], failed: [], pruned: 0 };
      throw error;
    }
    const loaded: string[] = [];
    const failed: Array<{ file: string; error: unknown }> = [];
    for (const file of files) {
      const info = await statOrUndefined(join(dir, file));
      if (!info?.isFile()) continue;
      const mark = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
      try {
        const stored = await read(file);
        seen.set(file, { id: stored.id, ...mark });
        loaded.push(file);
      } catch (error) {
        seen.set(file, { id: undefined, ...mark });
        failed.push({ file, error });
      }
    }
    return { loaded, failed, pruned: await prune() };
  }

  async function sync(file: string): Promise<BundledFileOutcome> {
    if (!isArticleFile(file) || basename(file) !== file) return { kind: 'ignored', file };
    const info = await statOrUndefined(join(dir, file));
    const known = seen.get(file);
    if (!info?.isFile()) {
      if (!known) return { kind: 'ignored', file };
      seen.delete(file);
      return { kind: 'removed', file, pruned: await prune() };
    }
    if (known && sameFile(info, known)) return { kind: 'unchanged', file };
    // The size and time read before the file: a write that lands during the read changes them, so the next look reads again.
    const mark = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
    let article: Article;
    try {
      article = await load({ kind: 'file', path: join(dir, file) });
    } catch (error) {
      seen.set(file, { id: undefined, ...mark });
      return { kind: 'failed', file, error, pruned: known?.id !== undefined ? await prune() : 0 };
    }
    // A store that does not answer is thrown, not a failed file: nothing is noted, so the next look reads it again.
    const stored = await library.addBundled(article, bundledSlug(file));
    seen.set(file, { id: stored.id, ...mark });
    if (known?.id === stored.id) return { kind: 'same', file, article: stored };
    if (known?.id !== undefined) return { kind: 'changed', file, article: stored, pruned: await prune() };
    return { kind: 'added', file, article: stored };
  }

  async function changedFiles(): Promise<string[]> {
    let names: string[];
    try {
      names = (await readdir(dir)).filter(isArticleFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [...seen.keys()].sort();
      throw error;
    }
    const out = new Set([...seen.keys()].filter((f) => !names.includes(f)));
    for (const file of names) {
      const known = seen.get(file);
      const info = await statOrUndefined(join(dir, file));
      if (!known || !info || !sameFile(info, known)) out.add(file);
    }
    return [...out].sort();
  }

  return {
    dir,
    loadAll: () => serial(loadAll),
    sync: (file) => serial(() => sync(file)),
    changedFiles,
    idle: async () => void (await queue),
  };
}

/** Load every .txt/.md/.html file of `dir` as a bundled article; slug = file name without extension. */
export async function loadBundledArticles(dir: string, library: BundledLibrary, load: ArticleLoader): Promise<BundledLoadReport> {
  return bundledFolder(dir, library, load).loadAll();
}
