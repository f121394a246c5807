/**
 * Operations: the Prometheus metrics of a process (src/ops/metrics.ts) and the small HTTP server
 * that shows them with the health and readiness probes (src/ops/http.ts). The composition root
 * creates both and connects the router, the feed poller, the digest scheduler and the outbox to them.
 */
export {
  createMetrics,
  DIGEST_LATENESS_BUCKETS,
  FIRST_RESPONSE_BUCKETS,
  type DigestRunRecord,
  type FeedPollRecord,
  type LeaseHoldersReader,
  type Metrics,
  type MetricsOptions,
  type OutboxDepthReader,
  type ShardsReader,
} from './metrics';
export { CHECK_TIMEOUT_MS, CLOSE_GRACE_MS, OpsServerError, startOpsServer, type OpsServer, type OpsServerOptions, type Readiness } from './http';
export { readStores, serveOps } from './process';
