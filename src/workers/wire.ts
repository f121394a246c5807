/**
 * What crosses between the event loop's thread and a worker, in shapes that are cheap to receive.
 * Structured cloning rebuilds every object one at a time on the receiving thread, in one go: the
 * 500,000 paragraph spans of a hostile Markdown list at the size limit took 300-500 ms of the event
 * loop, 66,000 quotes 140 ms. So spans travel as one Int32Array (a memory copy), and an analysis
 * and its quote rows as JSON in chunks that the event loop's thread parses one turn at a time: no
 * turn takes more than a few ms, however many quotes an article has. The store's JSON of the
 * analysis comes whole (it is stored as it is).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Article, Span } from '../article/model';
import type { Analysis } from '../nlp/analyze';
import type { IndexedQuote } from '../store/ports';
import type { AnalysedArticle } from '../library/jobs';

/** Quotes (or quote rows) per chunk: ~300 KB of JSON, a few ms to parse. */
const CHUNK = 1000;

/** An Article (and whatever else the object carries) with its paragraph spans packed as start, end pairs. */
export type WireArticle = Omit<Article, 'paragraphs'> & { readonly paragraphs: Int32Array };

/** An AnalysedArticle as JSON: the analysis without its quotes, its quotes and its quote rows in chunks. */
export interface WireAnalysis {
  readonly json: string;
  readonly head: string;
  readonly quotes: readonly string[];
  readonly quoteRows: readonly string[];
}

export function toWire(article: Article): WireArticle {
  const packed = new Int32Array(article.paragraphs.length * 2);
  article.paragraphs.forEach((p, k) => {
    packed[2 * k] = p.start;
    packed[2 * k + 1] = p.end;
  });
  return { ...article, paragraphs: packed };
}

export function fromWire(wire: WireArticle): Article {
  const packed = wire.paragraphs;
  const paragraphs: Span[] = new Array(packed.length / 2);
  for (let k = 0; k < paragraphs.length; k++) paragraphs[k] = { start: packed[2 * k]!, end: packed[2 * k + 1]! };
  return { ...wire, paragraphs };
}

export function toWireAnalysis({ analysis, json, quoteRows }: AnalysedArticle): WireAnalysis {
  const { quotes, ...head } = analysis;
  return { json, head: JSON.stringify(head), quotes: chunked(quotes), quoteRows: chunked(quoteRows) };
}

/**
 * The AnalysedArticle again, one chunk per turn of the event loop. These are the worker's own
 * JSON.stringify of values it made in this process a moment ago, not an outside boundary, so they
 * are not read back through the stored-analysis schema (4x the cost).
 */
export async function fromWireAnalysis(wire: WireAnalysis): Promise<AnalysedArticle> {
  const head = JSON.parse(wire.head) as Omit<Analysis, 'quotes'>;
  const quotes = await unchunked<Analysis['quotes'][number]>(wire.quotes);
  const quoteRows = await unchunked<IndexedQuote>(wire.quoteRows);
  return { analysis: { ...head, quotes }, json: wire.json, quoteRows };
}

function chunked(values: readonly unknown[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < values.length; k += CHUNK) out.push(JSON.stringify(values.slice(k, k + CHUNK)));
  return out;
}

async function unchunked<T>(chunks: readonly string[]): Promise<T[]> {
  const out: T[] = [];
  for (const chunk of chunks) {
    await nextTurn();
    for (const value of JSON.parse(chunk) as T[]) out.push(value);
  }
  return out;
}
