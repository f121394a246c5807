/**
 * The core both front ends share (the Discord bot and the local console): the database and its
 * stores, the library with the bundled articles loaded, the command modules, and the router.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Clock } from '../digest/clock';
import { createDigestRuntime, type DigestRuntime } from '../digest/runtime';
import { createFeedRuntime, type FeedRuntime } from '../feeds/runtime';
import type { PollReport } from '../feeds/poller';
import type { TickReport } from '../digest/scheduler';
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
import { createRouter, type InteractionObserver, type Router, type RouterOptions } from './router';

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
  /** This process's name in leases and claims (see instanceName). */
  readonly instance: string;
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
  /**
   * What this process does (LEDE_ROLE): 'all' everything (one process), 'gateway' the commands and
   * the scheduled posts of its shards, 'worker' feed polling and the bundled folder (no commands).
   * A gateway leaves ARTICLES_DIR to the workers: several processes (or hosts) reading their own
   * folders into one database would prune each other's files.
   */
  readonly role?: 'all' | 'gateway' | 'worker';
  /** Hooks for /metrics (src/ops connects them; the core imports nothing from it). */
  readonly observers?: CoreObservers;
}

/** What the core reports as it works: plain callbacks, so the core stays free of any metrics library. */
export interface CoreObservers {
  readonly interaction?: InteractionObserver;
  readonly feedPoll?: (report: PollReport) => void;
  readonly digestRun?: (report: TickReport) => void;
  readonly announcement?: (outcome: 'sent' | 'failed') => void;
}

/**
 * This process's name in the leases and claims it takes (feed polls, digests, announcements): the
 * host, the process id and a random part, so a restarted process never passes for the one it replaces.
 */
export function instanceName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
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
    const role = options.role ?? 'all';
    const instance = instanceName();
    const observers = options.observers ?? {};
    const leaseMs = config.LEASE_SECONDS * 1000;
    // The operator's own files, read before anyone is served: parsed in this thread, no worker started for them.
    // Files that change while the bot runs are parsed in the pool, as any other article.
    let folderLoad: ArticleLoader = options.load ?? createArticleLoader(loaderOptionsFromConfig(config));
    const folder = bundledFolder(config.ARTICLES_DIR, library, (source) => folderLoad(source));
    if (role !== 'gateway') {
      const bundled = await folder.loadAll();
      for (const f of bundled.failed) logger.warn({ file: f.file, err: f.error }, 'bundled article skipped');
      logger.info({ loaded: bundled.loaded.length, pruned: bundled.pruned, dir: config.ARTICLES_DIR }, 'bundled articles loaded');
    }
    folderLoad = load;
    const articlesFolder = watchBundledFolder(folder, { log: (level, data, message) => logger[level](data, message) });
    // A worker answers no command: it loads none (nor discord.js, which the definitions import).
    const commands = role === 'worker' ? [] : [...(await loadCommands()), ...(options.extraCommands ?? [])];
    const analysisOf = (article: Parameters<Library['analysis']>[0]) => library.analysis(article);
    const feeds = createFeedRuntime({
      store: stores.feeds,
      config,
      articles: stores.articles,
      threads: stores.threads,
      // Announcements wait in the outbox; posting them takes slots of the paced queue (src/feeds/outbox-sender.ts).
      outbox: stores.outbox,
      pacing: stores.pacing,
      polling: { holder: instance, leaseMs, ...(observers.feedPoll !== undefined && { onPolled: observers.feedPoll }) },
      sender: {
        holder: instance,
        leaseMs,
        postsPerSecond: config.DISCORD_POSTS_PER_SECOND,
        onSent: () => observers.announcement?.('sent'),
        onFailed: (item, error) => {
          observers.announcement?.('failed');
          logger.warn({ guildId: item.guildId, channelId: item.channelId, feed: item.feedUrl, error }, 'feed announcement given up');
        },
      },
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
      instanceId: instance,
      leaseMs,
      // One paced queue for every scheduled post of every process on the database, under Discord's global rate.
      pacing: { store: stores.pacing, postsPerSecond: config.DISCORD_POSTS_PER_SECOND },
      onTick: (summary, reports) => {
        for (const r of reports) observers.digestRun?.(r);
        logger.info({ ...summary }, 'digests due this tick: sent, and the last one\'s lateness');
      },
    });
    const services: Services = { config, library, questions, threads: stores.threads, autoSummary: stores.autoSummary, logger, feeds, digests };
    const router = createRouter({
      commands,
      services,
      ...(options.rateLimits !== undefined && { rateLimits: options.rateLimits }),
      ...(observers.interaction !== undefined && { observe: observers.interaction }),
    });
    return { stores, library, services, commands, router, feeds, digests, work, articlesFolder, reanalysis: library.reanalysis, instance };
  } catch (err) {
    await stores.close();
    await work.close();
    throw err;
  }
}
