/**
 * What a Lede process (a gateway or a worker) sets up around its metrics: the gauges read from the
 * database at each scrape, and the ops server on HTTP_PORT with its readiness checks (the database,
 * and for a gateway its Discord connection).
 */
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Stores } from '../store/ports';
import { startOpsServer, type OpsServer } from './http';
import type { Metrics } from './metrics';

/** Read the outbox depth and the feed lease holders from the stores at each scrape. */
export function readStores(metrics: Metrics, stores: Pick<Stores, 'outbox' | 'feeds'>): void {
  metrics.readOutboxDepth(() => stores.outbox.depth());
  metrics.readLeaseHolders(() => stores.feeds.leaseHolders(Date.now()));
}

/**
 * /healthz, /readyz and /metrics on HTTP_PORT (bound to HTTP_HOST), or undefined when it is unset.
 * Ready when the database answers and, when given, `gatewayReady()` says the Discord connection is up.
 */
export async function serveOps(
  config: Pick<Config, 'HTTP_PORT' | 'HTTP_HOST'>,
  deps: {
    readonly metrics: Metrics;
    readonly stores: Pick<Stores, 'state'>;
    readonly log: Pick<Logger, 'info' | 'warn'>;
    readonly gatewayReady?: () => boolean;
  },
): Promise<OpsServer | undefined> {
  if (config.HTTP_PORT === undefined) return undefined;
  const ops = await startOpsServer({
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    metrics: deps.metrics,
    log: deps.log,
    ready: async () => {
      const database = await deps.stores.state.get('ops:ready').then(() => true, () => false);
      const checks: Record<string, string> = { database: database ? 'reachable' : 'unreachable' };
      const gateway = deps.gatewayReady?.();
      if (gateway !== undefined) checks.gateway = gateway ? 'ready' : 'not ready';
      return { ok: database && gateway !== false, checks };
    },
  });
  deps.log.info({ host: ops.host, port: ops.port }, 'ops endpoints listening (/healthz, /readyz, /metrics)');
  return ops;
}
