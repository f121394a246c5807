/**
 * What one worker thread of the pool runs (loaded through worker-boot.mjs). It says when a job
 * starts, so the pool's time limit counts the job's own time, not its wait for a free worker or
 * the worker's start-up; then it runs the job. A bug becomes a value too: whatever the pool sees
 * rejected is then the pool's own doing (a time limit, a dead worker), never the job's.
 */
import { parentPort } from 'node:worker_threads';
import type { ParseArticleInput } from '../article/parse';
import { analyzeJob, parseJob, type JobReply } from '../library/jobs';
import { fromWire, toWire, toWireAnalysis, type WireAnalysis, type WireArticle } from './wire';

/** A job as it travels to a worker (wire.ts says why the article is packed). */
export type WorkerJob = { readonly kind: 'parse'; readonly input: ParseArticleInput } | { readonly kind: 'analyze'; readonly article: WireArticle };

export interface WorkerTask {
  readonly id: number;
  readonly job: WorkerJob;
}

/** A parsed article comes back packed, an analysis and its quote rows as chunks of JSON; a bug as its message. */
export type WorkerReply =
  | { readonly reply: JobReply<WireArticle> | JobReply<WireAnalysis> }
  | { readonly bug: { readonly message: string; readonly stack?: string } };

/** The key of the message a worker posts when it starts job `id`. */
export const JOB_STARTED = 'ledeJobStarted';

export default function runWorkerTask(task: WorkerTask): WorkerReply {
  parentPort?.postMessage({ [JOB_STARTED]: task.id });
  try {
    return { reply: runJob(task.job) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return { bug: { message: e.message, ...(e.stack !== undefined && { stack: e.stack }) } };
  }
}

function runJob(job: WorkerJob): JobReply<WireArticle> | JobReply<WireAnalysis> {
  if (job.kind === 'analyze') {
    const analysed = analyzeJob(fromWire(job.article));
    return analysed.ok ? { ok: true, value: toWireAnalysis(analysed.value) } : analysed;
  }
  const parsed = parseJob(job.input);
  return parsed.ok ? { ok: true, value: toWire(parsed.value) } : parsed;
}
