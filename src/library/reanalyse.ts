/**
 * The background recompute of stored analyses older than ANALYSIS_VERSION. An analysis is
 * recomputed lazily when its article is opened (`library.analysis`), but the quote rows that
 * `/whosaid` and speaker autocomplete search are per article: without this, an article nobody opens
 * keeps the quotes and speakers of the rules it was analysed with. After a start, the bot walks the
 * articles newest row first, a window of rows at a time (each window one bounded read, however many
 * analyses are old), and recomputes each old analysis through the worker pool, one article at a
 * time with a turn of the event loop between two, so replies never wait behind the backlog. The
 * new analysis and its quote rows go through the store's stepped writer (seen together at its last
 * step). Each article is claimed first (`claimRecompute`): several processes on one database share
 * the backlog without doing an article twice, and a lazy recompute from a command meanwhile is
 * harmless (the writer's claims let the newer write of the same analysis take over). An article
 * that fails is logged by id and skipped until the next start; a stop ends the walk after the
 * article in flight.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep, setImmediate as nextTurn } from 'node:timers/promises';
import { ANALYSIS_VERSION } from '../nlp/analyze';
import type { AnalysisStore, ArticleStore } from '../store/ports';
import type { ArticleWork } from './work';

export interface ReanalysisReport {
  /** Stored analyses older than the version when the run began (the backlog, every process's). */
  readonly stale: number;
  /** Recomputed and stored by this run. */
  readonly recomputed: number;
  /** Failed (logged by id), left for the next start. */
  readonly failed: number;
  /** Found current meanwhile, claimed by another process, or removed: nothing to do here. */
  readonly skipped: number;
  /** True when stop() ended the run before the backlog did. */
  readonly stopped: boolean;
  readonly ms: number;
}

export interface Reanalysis {
  /** Begin the recompute in the background (once per process; later calls do nothing). */
  start(): void;
  /** End the run after the article in flight; resolves when that one is stored (at once when none runs). */
  stop(): Promise<void>;
  /** The run's report when it ends (finished or stopped); undefined before start(). */
  readonly done: Promise<ReanalysisReport> | undefined;
}

export interface ReanalysisDeps {
  readonly articles: ArticleStore;
  readonly analyses: AnalysisStore;
  /** Where analyses are computed: the bot's worker pool. */
  readonly analyze: ArticleWork['analyze'];
  readonly log?: (level: 'info' | 'warn' | 'error', data: Record<string, unknown>, message: string) => void;
  /** The version analyses are recomputed to; default ANALYSIS_VERSION (what `analyze` produces). */
  readonly version?: number;
  /** Article rows read per window; default REANALYSIS.span. */
  readonly span?: number;
  /** A pause between two articles, ms; default 0 (a turn of the event loop). */
  readonly pauseMs?: number;
  /** A progress line every this many articles recomputed; default REANALYSIS.progressEvery. */
  readonly progressEvery?: number;
  /** This process's name on its claims; default a random id. */
  readonly holder?: string;
}

export const REANALYSIS = {
  /** Article rows per window: a read of ~1 ms on either engine, whatever the share of old analyses. */
  span: 200,
  /** Progress is logged every this many articles (a 100,000-article backlog: 100 lines). */
  progressEvery: 1000,
} as const;

export function createReanalysis(deps: ReanalysisDeps): Reanalysis {
  const { articles, analyses, analyze } = deps;
  const version = deps.version ?? ANALYSIS_VERSION;
  const span = deps.span ?? REANALYSIS.span;
  const pauseMs = deps.pauseMs ?? 0;
  const progressEvery = deps.progressEvery ?? REANALYSIS.progressEvery;
  const holder = deps.holder ?? randomUUID();
  const log = deps.log ?? (() => undefined);
  let stopping = false;
  let done: Promise<ReanalysisReport> | undefined;

  async function run(): Promise<ReanalysisReport> {
    const started = Date.now();
    let stale = 0;
    let recomputed = 0;
    let failed = 0;
    let skipped = 0;
    const report = (): ReanalysisReport => ({ stale, recomputed, failed, skipped, stopped: stopping, ms: Date.now() - started });
    const failedIds = new Set<string>();

    /** One article: claimed, read, analysed in the pool, written in steps, the claim given back. */
    async function recompute(row: { readonly guildId: string | null; readonly id: string }): Promise<void> {
      if (!(await analyses.claimRecompute(row.id, version, holder))) {
        skipped++;
        return;
      }
      try {
        // '' is no server: get() then finds the bundled article.
        const article = await articles.get(row.guildId ?? '', row.id);
        if (!article) {
          skipped++;
          return;
        }
        const fresh = await analyze(article);
        await analyses.put(article.id, fresh.analysis.version, fresh.json, fresh.quoteRows);
        recomputed++;
        if (recomputed % progressEvery === 0) log('info', { recomputed, failed, stale }, 'stale analyses: progress');
      } catch (err) {
        failed++;
        failedIds.add(row.id);
        log('warn', { err, articleId: row.id }, 'stale analysis not recomputed: skipped until the next start');
      } finally {
        try {
          await analyses.releaseRecompute(row.id, holder);
        } catch (err) {
          // The claim's lease ends it; the next start recomputes the article if it is still old.
          log('warn', { err, articleId: row.id }, 'recompute claim not released');
        }
      }
    }

    try {
      stale = await analyses.countOlder(version);
      if (stale === 0) return report();
      log('info', { stale, version }, 'stale analyses: recomputing in the background, newest articles first');
      let before: number | undefined;
      walk: while (!stopping) {
        const window = await analyses.olderAmong(version, before, span);
        if (window.next === undefined) break;
        before = window.next;
        for (const row of window.articles) {
          if (stopping) break walk;
          // The same text in several servers is one analysis: done once (a failed one is not retried in this run).
          if (failedIds.has(row.id)) continue;
          await recompute(row);
          await (pauseMs > 0 ? sleep(pauseMs) : nextTurn());
        }
        await nextTurn();
      }
    } catch (err) {
      log('error', { err, ...report() }, 'stale analyses: the recompute stopped on a store error; the next start goes on');
      return report();
    }
    const out = report();
    log('info', { ...out }, out.stopped ? 'stale analyses: stopped, the next start goes on' : 'stale analyses recomputed');
    return out;
  }

  return {
    start() {
      if (done || stopping) return;
      done = run();
    },
    async stop() {
      stopping = true;
      await done;
    },
    get done() {
      return done;
    },
  };
}
