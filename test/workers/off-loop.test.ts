/**
 * The point of the pool: while the library reads and analyses a 2,000,000-character article (the
 * size limit), the event loop that answers every other server keeps turning. The same add in this
 * thread is measured beside it, so the test shows the difference rather than trusting a bound alone.
 * Measured from the add's start to the analysis handed back: the store writes that follow are the
 * store's own (`npm run bench -- ingest` reports the whole add on both engines).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SafeFetchOptions } from '../../src/fetch';
import { createArticleLoader, createLibrary, LIBRARY_LIMITS } from '../../src/library';
import { openStores } from '../../src/store/open';
import { createArticlePool } from '../../src/workers';
import { inProcessWork, type ArticleWork } from '../../src/library';
import { longArticle } from '../support/long-article';
import { watchLoop } from '../support/loop-stall';

/**
 * Generous for a shared 2-core machine, where the test process itself may wait for a core (a full
 * run under load once saw 240 ms); the in-process add stalls for seconds, and `npm run bench -- ingest`
 * measures the real figure (about 20 ms).
 */
const STALL_BOUND_MS = 500;

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lede-offloop-'));
  file = join(dir, 'long-read.txt');
  writeFileSync(file, longArticle(LIBRARY_LIMITS.maxArticleChars));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Add the long file to a fresh library working through `work`; the loop's longest stall until the analysis is back, in ms. */
async function addWhileWatching(work: ArticleWork): Promise<{ stallMs: number; quotes: number; chars: number; stored: number }> {
  const stores = await openStores({ kind: 'sqlite', path: ':memory:' });
  try {
    const fetchOptions: SafeFetchOptions = { allowPrivate: false, maxBytes: 5 * 1024 * 1024, timeoutMs: 2_000 };
    const load = createArticleLoader({ fetchOptions: { article: fetchOptions, attachment: fetchOptions }, maxFileBytes: fetchOptions.maxBytes, parse: work.parse });
    let stallMs = Number.NaN;
    const analyze: ArticleWork['analyze'] = async (article) => {
      const analysed = await work.analyze(article);
      stallMs = stop();
      return analysed;
    };
    const library = createLibrary({ articles: stores.articles, analyses: stores.analyses, search: stores.search, load, analyze });
    const stop = watchLoop();
    const outcome = await library.add('g', { kind: 'file', path: file }, 'u');
    return { stallMs, quotes: outcome.analysis.quotes.length, chars: outcome.article.text.length, stored: await stores.articles.countOwn('g') };
  } finally {
    await stores.close();
  }
}

describe('adding an article at the size limit', () => {
  it('GIVEN the worker pool THEN the event loop never stalls past the bound while it is read and analysed; in this thread it stalls far longer', async () => {
    const pool = createArticlePool({ threads: 1 });
    try {
      // A first small add starts the worker, as the bot's first add of the day would.
      await pool.parse({ content: 'Warm\n\nThe worker is up.', source: 'text' });
      const off = await addWhileWatching(pool);
      const inThread = await addWhileWatching(inProcessWork);
      expect(off.chars).toBeGreaterThan(1_999_000);
      expect(off.chars).toBeLessThanOrEqual(LIBRARY_LIMITS.maxArticleChars);
      expect(off.quotes).toBe(inThread.quotes);
      expect([off.stored, inThread.stored]).toEqual([1, 1]);
      expect(off.stallMs).toBeLessThan(STALL_BOUND_MS);
      expect(inThread.stallMs).toBeGreaterThan(4 * off.stallMs);
      expect(inThread.stallMs).toBeGreaterThan(STALL_BOUND_MS);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
