/**
 * The worker pool (real worker threads, loaded through worker-boot.mjs as in production): the same
 * values as in this thread, parser refusals as ArticleError, and every way a job can fail as a typed
 * ArticleWorkError: too slow, a worker that dies, a full queue, a pool shut down.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleError, parseArticle, type Article } from '../../src/article';
import { analyzeArticle } from '../../src/nlp/analyze';
import { indexedQuotes } from '../../src/library/quote-rows';
import { ArticleWorkError, createArticlePool, type ArticlePool, type ArticlePoolOptions } from '../../src/workers';
import { inProcessWork } from '../../src/library';
import { longArticle } from '../support/long-article';

const pools: ArticlePool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});
function pool(options: ArticlePoolOptions = {}): ArticlePool {
  const p = createArticlePool({ threads: 1, ...options });
  pools.push(p);
  return p;
}

const SHORT = 'Ferries return\n\nThe harbour reopened on Monday. "We are back," the harbour master said.';
const short = (): Article => parseArticle({ content: SHORT, format: 'text', source: 'text' });
/** An ordinary article that takes a worker well over a second to analyse. */
const big = (): Article => parseArticle({ content: longArticle(2_000_000), format: 'text', source: 'text' });

/** What a promise rejected with (the test fails if it resolved). */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.unreachable('expected a rejection'),
    (err: unknown) => err,
  );
}

describe('createArticlePool', () => {
  it('GIVEN a text THEN the worker parses and analyses it to exactly what this thread computes, with the JSON the store keeps', async () => {
    const p = pool();
    const input = { content: SHORT, format: 'text' as const, source: 'text' };
    const article = await p.parse(input);
    expect(article).toEqual(parseArticle(input));
    const { analysis, json, quoteRows } = await p.analyze(article);
    expect(analysis).toEqual(analyzeArticle(article));
    expect(json).toBe(JSON.stringify(analyzeArticle(article)));
    expect(quoteRows).toEqual(indexedQuotes(analysis.quotes));
    expect(quoteRows).toHaveLength(1);
    expect(await inProcessWork.analyze(article)).toEqual({ analysis, json, quoteRows });
  });

  it('GIVEN an empty text THEN the ArticleError of the parser, class and code intact, and the worker goes on', async () => {
    const p = pool();
    const err = await rejection(p.parse({ content: '   ', source: 'text' }));
    expect(err).toBeInstanceOf(ArticleError);
    expect(err).toMatchObject({ code: 'ARTICLE_EMPTY', message: 'text is empty.', source: 'text' });
    expect((await p.parse({ content: SHORT, source: 'text' })).title).toBe('Ferries return');
  });

  it('GIVEN a job longer than the time limit THEN ARTICLE_TOO_SLOW, the worker is replaced and the next job runs', async () => {
    const logged: string[] = [];
    const p = pool({ jobTimeoutMs: 100, log: (_level, _data, message) => logged.push(message) });
    const started = performance.now();
    const err = await rejection(p.analyze(big()));
    expect(err).toBeInstanceOf(ArticleWorkError);
    expect(err).toMatchObject({ code: 'ARTICLE_TOO_SLOW', message: 'the job ran past 100 ms and was cancelled', details: { limitMs: 100 } });
    // Cancelled, not waited for: the analysis alone takes over a second.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(logged).toEqual(['article job cancelled: too slow']);
    expect((await p.analyze(short())).analysis.quotes).toHaveLength(1);
  });

  it('GIVEN a worker that dies (past its heap limit) THEN ANALYSIS_CRASHED naming it, the worker is replaced and the next job runs', async () => {
    const logged: string[] = [];
    const p = pool({ maxWorkerHeapMb: 16, log: (_level, _data, message) => logged.push(message) });
    const err = await rejection(p.analyze(big()));
    expect(err).toBeInstanceOf(ArticleWorkError);
    expect(err).toMatchObject({ code: 'ANALYSIS_CRASHED', message: 'the worker ran out of memory', details: { outOfMemory: true } });
    expect(logged).toEqual(['article job failed: the worker ran out of memory']);
    expect((await p.analyze(short())).analysis.quotes).toHaveLength(1);
    expect(p.pending).toBe(0);
  });

  it('GIVEN more jobs than the workers and the queue hold THEN the extra job is refused at once with ANALYSIS_BUSY; the others finish', async () => {
    const p = pool({ maxQueuedJobs: 1 });
    const running = p.analyze(short());
    const queued = p.analyze(short());
    expect(p.pending).toBe(2);
    const err = await rejection(p.analyze(short()));
    expect(err).toMatchObject({ name: 'ArticleWorkError', code: 'ANALYSIS_BUSY', details: { limit: 1 } });
    expect((await running).analysis.sentenceCount).toBe(2);
    expect((await queued).analysis.sentenceCount).toBe(2);
    expect(p.pending).toBe(0);
  });

  it('GIVEN a pool shut down with a job running and one waiting THEN both, and any later job, fail with ANALYSIS_STOPPED', async () => {
    const p = pool();
    const running = rejection(p.analyze(big()));
    const waiting = rejection(p.analyze(short()));
    await p.close();
    for (const err of [await running, await waiting, await rejection(p.parse({ content: SHORT, source: 'text' }))]) {
      expect(err).toMatchObject({ name: 'ArticleWorkError', code: 'ANALYSIS_STOPPED', message: 'the article workers have been shut down' });
    }
  });

});
