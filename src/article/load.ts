/**
 * loadArticle: a file path, an http(s) URL or '-' (stdin) -> Article. Files and stdin are size-checked
 * before (files) or while (stdin) reading, so a 50 MB file is refused without reading it all; URLs go
 * through the safe fetcher, whose FetchErrors pass through unchanged. Bytes from all three are decoded
 * by decode.ts, as the bot decodes attachments.
 */
import { open, stat } from 'node:fs/promises';
import { loadConfig } from '../config';
import { fetchOptionsFromConfig, safeFetch, type SafeFetchOptions } from '../fetch';
import { ArticleError } from './errors';
import type { Article } from './model';
import { parseArticle } from './parse';
import { articleBodyDecoder, decodeArticleBytes } from './decode';
import { formatFromContentType, formatFromPath } from './sniff';

export interface LoadArticleOptions {
  /** Fetch options for URL sources (and the default size cap for files and stdin). */
  fetch: SafeFetchOptions;
  /** The stream read for '-' (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Largest file or stdin input, in bytes (default: fetch.maxBytes). */
  maxFileBytes?: number;
}

/** Load and parse an article from a file path, an http(s) URL, or '-' for stdin. */
export async function loadArticle(source: string, opts: LoadArticleOptions): Promise<Article> {
  // Callers that pass no fetch options get the operator's configuration rather than a crash.
  const fetchOpts = opts?.fetch ?? fetchOptionsFromConfig(loadConfig(process.env));
  const maxBytes = opts?.maxFileBytes ?? fetchOpts.maxBytes;
  if (/^https?:\/\//i.test(source)) {
    const doc = await safeFetch(source, { ...fetchOpts, decode: articleBodyDecoder(source) });
    const format = formatFromContentType(doc.contentType) ?? formatFromPath(new URL(doc.finalUrl).pathname);
    return parseArticle({ content: doc.text, source, url: doc.finalUrl, ...(format ? { format } : {}) });
  }
  if (source === '-') {
    const bytes = await readStream(opts?.stdin ?? process.stdin, maxBytes, 'stdin');
    return parseArticle({ content: decodeArticleBytes(bytes, { source: 'stdin' }).text, source: 'stdin' });
  }
  const bytes = await readFileCapped(source, maxBytes);
  const format = formatFromPath(source);
  return parseArticle({ content: decodeArticleBytes(bytes, { source, ...(format ? { format } : {}) }).text, source, ...(format ? { format } : {}) });
}

async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ArticleError('ARTICLE_UNREADABLE', `${path} is a directory, not an article file.`, path);
    size = info.size;
  } catch (err) {
    if (err instanceof ArticleError) throw err;
    throw fileError(path, err);
  }
  if (size > maxBytes) throw tooLarge(path, `${formatSize(size)}`, maxBytes);
  if (size === 0 && !isSpecialFile(path)) throw new ArticleError('ARTICLE_EMPTY', `${path} is empty.`, path);
  // Read through a handle with a cap anyway: the file may grow between stat and read, or be a FIFO.
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw fileError(path, err);
  }
  try {
    return await readStream(handle.createReadStream(), maxBytes, path);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Read a stream fully, refusing as soon as it passes maxBytes. */
async function readStream(stream: NodeJS.ReadableStream, maxBytes: number, source: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += buf.length;
      if (total > maxBytes) {
        (stream as { destroy?: () => void }).destroy?.();
        throw tooLarge(source, `more than ${formatSize(maxBytes)}`, maxBytes);
      }
      chunks.push(buf);
    }
  } catch (err) {
    if (err instanceof ArticleError) throw err;
    throw fileError(source, err);
  }
  return Buffer.concat(chunks, total);
}

function isSpecialFile(path: string): boolean {
  return path.startsWith('/dev/') || path.startsWith('/proc/');
}

function fileError(path: string, err: unknown): ArticleError {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return new ArticleError('ARTICLE_FILE_NOT_FOUND', `No such file: ${path}.`, path, { cause: err });
  if (code === 'EACCES' || code === 'EPERM') return new ArticleError('ARTICLE_UNREADABLE', `Permission denied reading ${path}.`, path, { cause: err });
  if (code === 'EISDIR') return new ArticleError('ARTICLE_UNREADABLE', `${path} is a directory, not an article file.`, path, { cause: err });
  return new ArticleError('ARTICLE_UNREADABLE', `Could not read ${path}: ${(err as Error).message ?? String(err)}.`, path, { cause: err });
}

function tooLarge(source: string, size: string, maxBytes: number): ArticleError {
  return new ArticleError('ARTICLE_TOO_LARGE', `${source} is too large (${size}); the limit is ${formatSize(maxBytes)} (MAX_FETCH_BYTES).`, source);
}

function formatSize(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
