/**
 * Where new articles come from: a URL, a Discord attachment, pasted text, or (console only) a local
 * file. Every network read goes through the safe fetcher; formats are decided here from the
 * content type and the file name, then the article module parses.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, basename } from 'node:path';
import type { Config } from '../config';
import type { Article } from '../article/model';
import { ArticleError } from '../article/errors';
import { inProcessWork, type ArticleWork } from './work';
import { formatFromContentType, type ArticleFormat } from '../article/sniff';
import { articleBodyDecoder, decodeArticleBytes } from '../article/decode';
import { fetchOptionsFromConfig, parseContentType, safeFetch, type SafeFetchOptions, type FetchedDocument } from '../fetch';
import { LibraryError } from './errors';

export type { ArticleFormat };

/** A request to add an article, as the command layer describes it. */
export type AddSource =
  | { readonly kind: 'url'; readonly url: string }
  | {
      readonly kind: 'attachment';
      readonly url: string;
      readonly name: string;
      /** Declared size in bytes (Discord tells it before any download). */
      readonly size: number;
      readonly contentType?: string;
    }
  | { readonly kind: 'text'; readonly text: string; readonly title?: string }
  /** A file on the operator's machine: only the local console produces this. */
  | { readonly kind: 'file'; readonly path: string };

/** Turns an AddSource into a parsed Article. Injected into the library so tests can swap I/O. */
export type ArticleLoader = (source: AddSource) => Promise<Article>;

/** File name extensions accepted for attachments and local files, with the format they imply. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, ArticleFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

/**
 * The format a content type states, when it states one (the article module's rule); undefined means
 * "decided from the content" (text/plain often carries Markdown).
 */
export function formatOfContentType(contentType: string | undefined): ArticleFormat | undefined {
  return formatFromContentType(parseContentType(contentType ?? '').mediaType);
}

/**
 * Decide the format of an attachment or file (undefined: read the content to decide), or refuse it
 * (ATTACHMENT_TYPE) when neither its name nor its content type says it is text, Markdown or HTML.
 */
export function formatOfFile(name: string, contentType?: string): ArticleFormat | undefined {
  const byExt = FORMAT_BY_EXTENSION[extname(name).toLowerCase()];
  if (byExt) return byExt;
  const mediaType = parseContentType(contentType ?? '').mediaType;
  const byType = formatFromContentType(mediaType);
  if (byType || mediaType === 'text/plain') return byType;
  throw new LibraryError('ATTACHMENT_TYPE', `${name} is not a text, Markdown or HTML file`, {
    fileName: name,
  });
}

export interface LoaderOptions {
  /** Fetch options for article pages and attachments (derived from Config). */
  readonly fetchOptions: { readonly article: SafeFetchOptions; readonly attachment: SafeFetchOptions };
  /** The cap for attachments and local files, in bytes. */
  readonly maxFileBytes: number;
  /** Swappable for tests; defaults to the safe fetcher. */
  readonly fetch?: (url: string, options: SafeFetchOptions) => Promise<FetchedDocument>;
  /** Where fetched text becomes an Article: the bot's worker pool; default in this thread. */
  readonly parse?: ArticleWork['parse'];
}

export function loaderOptionsFromConfig(config: Config): LoaderOptions {
  return {
    fetchOptions: {
      article: fetchOptionsFromConfig(config, 'article'),
      attachment: fetchOptionsFromConfig(config, 'attachment'),
    },
    maxFileBytes: config.MAX_FETCH_BYTES,
  };
}

/** The production loader: safe fetch (here: I/O) + parse (in `options.parse`: CPU). */
export function createArticleLoader(options: LoaderOptions): ArticleLoader {
  const fetch = options.fetch ?? safeFetch;
  const parse = options.parse ?? inProcessWork.parse;
  return async (source) => {
    switch (source.kind) {
      case 'text':
        return parse({
          content: source.text,
          format: 'text',
          source: 'text',
          ...(source.title?.trim() ? { title: source.title.trim() } : {}),
        });
      case 'url': {
        const doc = await fetch(source.url, { ...options.fetchOptions.article, decode: articleBodyDecoder(source.url) });
        return parse({
          content: doc.text,
          ...withFormat(formatOfContentType(doc.contentType)),
          source: doc.finalUrl,
          url: doc.finalUrl,
        });
      }
      case 'attachment': {
        const format = formatOfFile(source.name, source.contentType);
        if (source.size > options.maxFileBytes) {
          throw new LibraryError('ATTACHMENT_TOO_LARGE', `${source.name} is ${source.size} bytes`, {
            size: source.size,
            limit: options.maxFileBytes,
            fileName: source.name,
          });
        }
        const doc = await fetch(source.url, {
          ...options.fetchOptions.attachment,
          maxBytes: Math.min(options.fetchOptions.attachment.maxBytes, options.maxFileBytes),
          decode: articleBodyDecoder(`attachment:${source.name}`, format),
        });
        return parse({ content: doc.text, ...withFormat(format), source: `attachment:${source.name}` });
      }
      case 'file': {
        const format = formatOfFile(source.path);
        const info = await stat(source.path).catch(() => {
          throw new ArticleError('ARTICLE_FILE_NOT_FOUND', `${source.path} does not exist`);
        });
        if (info.size > options.maxFileBytes) {
          throw new LibraryError('ATTACHMENT_TOO_LARGE', `${basename(source.path)} is ${info.size} bytes`, {
            size: info.size,
            limit: options.maxFileBytes,
            fileName: basename(source.path),
          });
        }
        const content = decodeArticleBytes(await readFile(source.path), { source: source.path, ...withFormat(format) }).text;
        return parse({ content, ...withFormat(format), source: source.path });
      }
    }
  };
}

/** `format` when known; without it parseArticle decides from the content. */
function withFormat(format: ArticleFormat | undefined): { format?: ArticleFormat } {
  return format ? { format } : {};
}
