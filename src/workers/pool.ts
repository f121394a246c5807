/**
 * The worker pool that parses and analyses articles off the event loop (piscina). The main thread
 * keeps the I/O (fetching, the store) and hands the CPU work here, so a 2,000,000-character article
 * that takes seconds to analyse delays no other server's reply. The pool bounds what one article
 * can take: its time (a job past `jobTimeoutMs` is cancelled by ending its worker), its memory (a
 * heap limit per worker) and the queue (jobs beyond `maxQueuedJobs` are refused at once).
 */
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Article } from '../article/model';
import type { ParseArticleInput } from '../article/parse';
import { JOB_STARTED, type WorkerJob, type WorkerReply, type WorkerTask } from './article-worker';
import { ArticleWorkError } from './errors';
import { unwrapReply, type AnalysedArticle, type JobReply } from '../library/jobs';
import { fromWire, fromWireAnalysis, toWire, type WireAnalysis, type WireArticle } from './wire';
import type { ArticleWork } from '../library/work';

/** The pool's bounds, each with the reason for its value. */
export const POOL_LIMITS = {
  /** Longest one job may run: the analysis of a 2,000,000-character article takes ~1.6 s on the 2-core
   *  machine and HTML is parsed within a node budget, so 30 s is only reached by a pathological input. */
  jobTimeoutMs: 30_000,
  /** Jobs that may wait for a worker: 32 of the largest articles is under a minute of work (far
   *  within Discord's 15-minute deferred reply) and bounds the article texts held while waiting. */
  maxQueuedJobs: 32,
  /** Old-generation heap of one worker, MB: an ordinary 2,000,000-character article is parsed and
   *  analysed within 96 MB, the heaviest hostile patterns at that size within 256 MB (measured); past
   *  this one article ends its own worker, not the bot. */
  maxWorkerHeapMb: 512,
  /** A dispatched job whose worker has not started it by then (a worker that cannot start) fails. */
  startTimeoutMs: 30_000,
  /** Idle workers end after this; the next job starts one again (about half a second). */
  idleTimeoutMs: 10 * 60_000,
} as const;

export interface ArticlePoolOptions {
  /** Worker threads; default one per core but one, at least one (the main thread keeps a core). */
  readonly threads?: number;
  readonly jobTimeoutMs?: number;
  readonly maxQueuedJobs?: number;
  readonly maxWorkerHeapMb?: number;
  /** Told when a job is cancelled or its worker dies (the member gets the error's words), or a worker fails between jobs. */
  readonly log?: (level: 'warn' | 'error', data: Record<string, unknown>, message: string) => void;
}

export interface ArticlePool extends ArticleWork {
  readonly threads: number;
  /** Jobs running or waiting now. */
  readonly pending: number;
}

/**
 * `value` on a later turn of the loop: unpacking a long article's result takes tens of ms of this
 * thread, and the caller's next step (a store write of megabytes) then starts on a turn of its own,
 * so the two never add up to one stall.
 */
async function handBack<T>(value: T): Promise<T> {
  await nextTurn();
  return value;
}

/** One thread per core, but one for the event loop; at least one. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

const WORKER_ENTRY = fileURLToPath(new URL('./worker-boot.mjs', import.meta.url));

/** Start a pool (workers start with the first job, and end when idle). */
export function createArticlePool(options: ArticlePoolOptions = {}): ArticlePool {
  const threads = Math.max(1, Math.trunc(options.threads ?? defaultThreads()));
  const jobTimeoutMs = options.jobTimeoutMs ?? POOL_LIMITS.jobTimeoutMs;
  const maxQueued = options.maxQueuedJobs ?? POOL_LIMITS.maxQueuedJobs;
  const piscina = new Piscina<WorkerTask, WorkerReply>({
    filename: WORKER_ENTRY,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: POOL_LIMITS.idleTimeoutMs,
    resourceLimits: { maxOldGenerationSizeMb: options.maxWorkerHeapMb ?? POOL_LIMITS.maxWorkerHeapMb },
  });
  // Without a listener a worker that fails between jobs would be an uncaught 'error' event.
  piscina.on('error', (err: unknown) => options.log?.('error', { err }, 'article worker failed between jobs'));
  /** Jobs dispatched to piscina, by id: called when their worker says it started them. */
  const onStart = new Map<number, () => void>();
  piscina.on('message', (message: unknown) => {
    const id = (message as Record<string, unknown> | null)?.[JOB_STARTED];
    if (typeof id === 'number') onStart.get(id)?.();
  });

  // Our own queue in front of piscina: at most `threads` jobs are dispatched, so the time limit of
  // a job starts when a worker takes it, and the wait is bounded here with a clear refusal.
  let running = 0;
  let closed = false;
  let nextId = 0;
  const waiting: Array<{ resolve: () => void; reject: (err: Error) => void }> = [];
  const stopped = () => new ArticleWorkError('ANALYSIS_STOPPED', 'the article workers have been shut down');

  async function slot(): Promise<void> {
    if (closed) throw stopped();
    if (running < threads) {
      running++;
      return;
    }
    if (waiting.length >= maxQueued) {
      throw new ArticleWorkError('ANALYSIS_BUSY', `${waiting.length} jobs already wait for a worker`, { limit: maxQueued });
    }
    // The slot is handed over by release(): `running` stays the same.
    await new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
  }

  function release(): void {
    const next = waiting.shift();
    if (next) next.resolve();
    else running--;
  }

  async function run<T>(job: WorkerJob): Promise<T> {
    await slot();
    const id = ++nextId;
    const abort = new AbortController();
    let reason: 'start' | 'time' | undefined;
    let timer = setTimeout(() => {
      reason = 'start';
      abort.abort();
    }, POOL_LIMITS.startTimeoutMs);
    onStart.set(id, () => {
      onStart.delete(id);
      clearTimeout(timer);
      timer = setTimeout(() => {
        reason = 'time';
        abort.abort();
      }, jobTimeoutMs);
    });
    let answer: WorkerReply;
    try {
      answer = await piscina.run({ id, job }, { signal: abort.signal });
    } catch (err) {
      throw failure(err, reason);
    } finally {
      clearTimeout(timer);
      onStart.delete(id);
      release();
    }
    if ('bug' in answer) throw Object.assign(new Error(`article worker: ${answer.bug.message}`), answer.bug.stack !== undefined ? { stack: answer.bug.stack } : {});
    return unwrapReply(answer.reply as JobReply<T>);
  }

  /** What a rejection from piscina means: every job's own failure came back as a value. */
  function failure(err: unknown, reason: 'start' | 'time' | undefined): ArticleWorkError {
    if (closed) return stopped();
    if (reason === 'time') {
      options.log?.('warn', { limitMs: jobTimeoutMs }, 'article job cancelled: too slow');
      return new ArticleWorkError('ARTICLE_TOO_SLOW', `the job ran past ${jobTimeoutMs} ms and was cancelled`, { limitMs: jobTimeoutMs }, { cause: err });
    }
    const outOfMemory = (err as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    const why = reason === 'start' ? `no worker started the job within ${POOL_LIMITS.startTimeoutMs} ms` : outOfMemory ? 'the worker ran out of memory' : `the worker died: ${(err as Error)?.message ?? String(err)}`;
    options.log?.(outOfMemory ? 'warn' : 'error', { err }, `article job failed: ${why}`);
    return new ArticleWorkError('ANALYSIS_CRASHED', why, { outOfMemory }, { cause: err });
  }

  return {
    threads,
    get pending() {
      return running + waiting.length;
    },
    parse: async (input: ParseArticleInput) => handBack(fromWire(await run<WireArticle>({ kind: 'parse', input }))),
    async analyze(article: Article): Promise<AnalysedArticle> {
      return handBack(await fromWireAnalysis(await run<WireAnalysis>({ kind: 'analyze', article: toWire(article) })));
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const w of waiting.splice(0)) w.reject(stopped());
      await piscina.destroy();
    },
  };
}
