/**
 * A worker process (LEDE_ROLE=worker): no Discord connection. It polls the feeds due (taking each
 * poll with a lease, so any number of workers share them without overlap and a crashed worker's
 * feeds are taken over when its lease runs out), fetches, parses and analyses new items, and
 * writes each article with its announcement in the outbox, which the gateway that runs the
 * server's shard posts. It also reads ARTICLES_DIR and recomputes analyses of an older version.
 * SIGTERM stops it within 10 s, its leases handed back.
 */
import type { Config } from './config';
import { createCore, type Core, type CoreOptions } from './core/root';
import { createLogger, type Logger } from './core/logger';
import { createMetrics, readStores, serveOps, type Metrics, type OpsServer } from './ops';

/** How long a stop waits for the poll in flight to end and hand its leases back before closing anyway. */
export const WORKER_STOP_TIMEOUT_MS = 8_000;

export interface Worker {
  readonly core: Core;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly ops: OpsServer | undefined;
  /** Stop polling (leases handed back), close the pool and the database. Idempotent. */
  stop(): Promise<void>;
}

export async function startWorker(config: Config, options: CoreOptions & { readonly logger?: Logger } = {}): Promise<Worker> {
  const logger = options.logger ?? createLogger(config);
  const metrics = createMetrics({ role: 'worker' });
  const core = await createCore(config, logger, { ...options, role: 'worker', observers: { feedPoll: metrics.feedPoll } });
  readStores(metrics, core.stores);
  let ops: OpsServer | undefined;

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      logger.info('stopping');
      const idle = Promise.all([core.feeds.stop(), core.articlesFolder.stop(), core.reanalysis.stop()]);
      const timedOut = await Promise.race([idle.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), WORKER_STOP_TIMEOUT_MS).unref())]);
      if (timedOut) logger.warn('stopped with a poll still in flight: its leases run out by themselves');
      await ops?.close();
      await core.work.close();
      await core.stores.close();
      logger.info('stopped');
    })());

  try {
    core.feeds.start({ poll: true });
    core.articlesFolder.start();
    core.reanalysis.start();
    ops = await serveOps(config, { metrics, stores: core.stores, log: logger });
    logger.info({ role: 'worker', instance: core.instance }, 'ready');
    return { core, logger, metrics, ops, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
