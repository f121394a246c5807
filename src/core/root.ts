/**
 * The core both front ends share (the Discord bot and the local console): the database and its
 * stores, the library with the bundled articles loaded, the command modules, and the router.
 */
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Clock } from '../digest/clock';
import { createDigestRuntime, type DigestRuntime } from '../digest/runtime';
import { createFeedRuntime, type FeedRuntime } from '../feeds/runtime';
import { bundledFolder, createArticleLoader, createLibrary, createQuestionAnswerer, loaderOptionsFromConfig, watchBundledFolder, type ArticleLoader, type FolderWatcher, type Library, type Reanalysis } from '../library';
import { storeTargetOf } from '../config';
import { retentionPolicyOf } from '../library/retention';
import { openStores } from '../store/open';
import type { Stores } from '../store/ports';
import { createArticlePool } from '../workers';
import type { ArticleWork } from '../library';
import type { AnyCommand, Command } from './command';
import type { Services } from './context';
import { loadCommands } from './loader';
import { createRouter, type Router, type RouterOptions } from './router';

export interface Core {
  readonly stores: Stores;
  readonly library: Library;
  readonly services: Services;
  readonly commands: readonly AnyCommand[];
  readonly router: Router;
  /** Feed polling and `/feed`; started by the bot once the client is ready. */
  readonly feeds: FeedRuntime;
  /** The digest scheduler and `/digest`; started by the bot once the client is ready. */
  readonly digests: DigestRuntime;
  /** Where new articles are parsed and analysed (a worker pool); closed by the bot's stop() and the console's exit. */
  readonly work: ArticleWork;
  /** ARTICLES_DIR watched for files added, changed or removed; started by the bot once ready, stopped before the stores close. */
  readonly articlesFolder: FolderWatcher;
  /** Analyses older than ANALYSIS_VERSION recomputed in the background (the pool); started by the bot once ready, stopped before the pool closes. */
  readonly reanalysis: Reanalysis;
}

export interface CoreOptions {
  /** Extra commands (benchmarks and tests register their own; production uses commands/ only). */
  readonly extraCommands?: readonly Command[];
  /** Swap the article loader (tests); default: the safe fetcher + parser. */
  readonly load?: ArticleLoader;
  readonly rateLimits?: RouterOptions['rateLimits'];
  /** The digest scheduler's clock (tests move time); default the system clock. */
  readonly clock?: Clock;
  /** Where articles are parsed and analysed (tests may pass inProcessWork); default a worker pool. */
  readonly work?: ArticleWork;
}

export async function createCore(config: Config, logger: Logger, options: CoreOptions = {}): Promise<Core> {
  // The embedded SQLite file is migrated here; a PostgreSQL server by `lede migrate` (the bot's
  // processes never change a shared schema; a schema behind this code is refused with that advice).
  const target = storeTargetOf(config);
  const stores = await openStores(target, { migrate: target.kind === 'sqlite' });
  const work = options.work ?? createArticlePool({ log: (level, data, message) => logger[level](data, message) });
  try {
    const load = options.load ?? createArticleLoader({ ...loaderOptionsFromConfig(config), parse: work.parse });
    const questions = createQuestionAnswerer();
    const library = createLibrary({
      articles: stores.articles,
      analyses: stores.analyses,
      search: stores.search,
      load,
      analyze: work.analyze,
      retention: retentionPolicyOf(config),
      onRemoved: (a) => questions.forget(a.id),
      log: (level, data, message) => logger[level](data, message),
    });
    // The operator's own files, read before anyone is served: parsed in this thread, no worker started for them.
    // Files that change while the bot runs are parsed in the pool, as any other article.
    let folderLoad: ArticleLoader = options.load ?? createArticleLoader(loaderOptionsFromConfig(config));
    const folder = bundledFolder(config.ARTICLES_DIR, library, (source) => folderLoad(source));
    const bundled = await folder.loadAll();
    folderLoad = load;
    for (const f of bundled.failed) logger.warn({ file: f.file, err: f.error }, 'bundled article skipped');
    logger.info({ loaded: bundled.loaded.length, pruned: bundled.pruned, dir: config.ARTICLES_DIR }, 'bundled articles loaded');
    const articlesFolder = watchBundledFolder(folder, { log: (level, data, message) => logger[level](data, message) });
    const commands = [...(await loadCommands()), ...(options.extraCommands ?? [])];
    const analysisOf = (article: Parameters<Library['analysis']>[0]) => library.analysis(article);
    const feeds = createFeedRuntime({
      store: stores.feeds,
      config,
      articles: stores.articles,
      threads: stores.threads,
      analysisOf,
      parse: work.parse,
      log: (level, data, message) => logger[level](data, message),
    });
    const digests = createDigestRuntime({
      store: stores.digests,
      // A feed's first-poll items are old news: in the library, never in a digest (the store's window leaves them out).
      articles: stores.articles,
      analysisOf,
      feedTitleOf: async (url) => (await stores.feeds.source(url))?.title,
      ...(options.clock !== undefined && { clock: options.clock }),
      onError: (err, context) => logger.error({ err, ...context }, 'digest scheduler error'),
    });
    const services: Services = { config, library, questions, threads: stores.threads, autoSummary: stores.autoSummary, logger, feeds, digests };
    const router = createRouter({ commands, services, ...(options.rateLimits !== undefined && { rateLimits: options.rateLimits }) });
    return { stores, library, services, commands, router, feeds, digests, work, articlesFolder, reanalysis: library.reanalysis };
  } catch (err) {
    await stores.close();
    await work.close();
    throw err;
  }
}
