/**
 * What one worker thread of the pool runs (loaded through worker-boot.mjs). It says when a job
 * starts, so the pool's time limit counts the job's own time, not its wait for a free worker or
 * the worker's start-up; then it runs the job. A bug becomes a value too: whatever the pool sees
 * rejected is then the pool's own doing (a time limit, a dead worker), never the job's.
 */
import { parentPort } from 'node:worker_threads';
import { runArticleJob, type AnalysedArticle, type ArticleJob, type JobReply } from './jobs';
import type { Article } from '../article/model';

export interface WorkerTask {
  readonly id: number;
  readonly job: ArticleJob;
}

export type WorkerReply =
  | { readonly reply: JobReply<Article> | JobReply<AnalysedArticle> }
  | { readonly bug: { readonly message: string; readonly stack?: string } };

/** The key of the message a worker posts when it starts job `id`. */
export const JOB_STARTED = 'ledeJobStarted';

export default function runWorkerTask(task: WorkerTask): WorkerReply {
  parentPort?.postMessage({ [JOB_STARTED]: task.id });
  try {
    return { reply: runArticleJob(task.job) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return { bug: { message: e.message, ...(e.stack !== undefined && { stack: e.stack }) } };
  }
}
