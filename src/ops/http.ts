/**
 * The operations endpoints, on node:http (three fixed routes need no framework): `/healthz` says
 * the process is alive, `/readyz` whether it can do its work (the caller's checks: gateway ready,
 * database reachable), `/metrics` the Prometheus text. Off unless HTTP_PORT is set, and bound to
 * loopback unless HTTP_HOST says otherwise: the metrics name servers' feeds and the process's
 * internals, which are for the operator's scraper, not the internet.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Metrics } from './metrics';

/** What the readiness callback answers: ready or not, and each check's word (`ok`, `not ready`, an error). */
export interface Readiness {
  readonly ok: boolean;
  readonly checks: Readonly<Record<string, string>>;
}

export interface OpsServerOptions {
  readonly host: string;
  /** 0 picks a free port (tests); the bound one is `OpsServer.port`. */
  readonly port: number;
  readonly metrics: Pick<Metrics, 'text' | 'contentType'>;
  readonly ready: () => Promise<Readiness>;
  readonly log: Pick<Logger, 'info' | 'warn'>;
  /** How long /readyz and /metrics wait for the caller's checks and gauges (default CHECK_TIMEOUT_MS). */
  readonly timeoutMs?: number;
}

export interface OpsServer {
  readonly host: string;
  /** The port bound (the one asked for, or the free one port 0 found). */
  readonly port: number;
  /** Stop accepting, let requests in flight finish (at most CLOSE_GRACE_MS), then resolve. */
  close(): Promise<void>;
}

/** A probe or a scrape that waits longer than this is answered as failed: a hung database must not hang the orchestrator's probes. */
export const CHECK_TIMEOUT_MS = 5000;
/** Requests still open this long after close() are cut, so shutdown stays within its 10 s. */
export const CLOSE_GRACE_MS = 2000;

/** The server could not listen (port taken, address not on this host). */
export class OpsServerError extends Error {
  override readonly name = 'OpsServerError';
  constructor(
    readonly host: string,
    readonly port: number,
    readonly code: string | undefined,
    cause: unknown,
  ) {
    super(`cannot listen on ${host}:${port} (HTTP_HOST, HTTP_PORT): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

function within<T>(work: () => Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([Promise.resolve().then(work), late]).finally(() => clearTimeout(timer));
}


const TEXT = 'text/plain; charset=utf-8';
const ROUTES: ReadonlyMap<string, 'healthz' | 'readyz' | 'metrics'> = new Map([
  ['/healthz', 'healthz'],
  ['/readyz', 'readyz'],
  ['/metrics', 'metrics'],
]);
const JSON_TYPE = 'application/json; charset=utf-8';

export function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const { metrics, ready, log } = options;
  const timeoutMs = options.timeoutMs ?? CHECK_TIMEOUT_MS;
  let closing = false;

  function send(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, {
      'content-type': contentType,
      'cache-control': 'no-store',
      'content-length': Buffer.byteLength(body),
      // Once closing, a kept-alive connection ends with its answer instead of idling until the cut.
      ...(closing && { connection: 'close' }),
      ...headers,
    });
    res.end(body);
  }

  async function readyz(res: ServerResponse): Promise<void> {
    let readiness: Readiness;
    try {
      readiness = await within(ready, timeoutMs, 'the readiness checks');
    } catch (err) {
      log.warn({ err }, 'readiness check failed');
      readiness = { ok: false, checks: { ready: err instanceof TimeoutError ? 'timed out' : 'error' } };
    }
    send(res, readiness.ok ? 200 : 503, JSON_TYPE, JSON.stringify({ ok: readiness.ok, checks: readiness.checks }));
  }

  async function metricsText(res: ServerResponse): Promise<void> {
    try {
      const text = await within(() => metrics.text(), timeoutMs, 'the metrics');
      send(res, 200, metrics.contentType, text);
    } catch (err) {
      log.warn({ err }, 'metrics scrape failed');
      send(res, 500, TEXT, 'metrics unavailable\n');
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A body is never read: drain it so a keep-alive connection stays usable.
    req.resume();
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://ops.invalid').pathname;
    } catch {
      send(res, 400, TEXT, 'bad request\n');
      return;
    }
    const route = ROUTES.get(path);
    if (route === undefined) {
      send(res, 404, TEXT, 'not found\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, TEXT, 'method not allowed\n', { allow: 'GET, HEAD' });
      return;
    }
    if (route === 'healthz') send(res, 200, TEXT, 'ok');
    else if (route === 'readyz') await readyz(res);
    else await metricsText(res);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.warn({ err, url: req.url }, 'ops request failed');
      send(res, 500, TEXT, 'internal error\n');
    });
  });
  // Probes and scrapes are small and quick; a client that dribbles its headers is cut early.
  server.headersTimeout = 5000;
  server.requestTimeout = 10_000;
  // A malformed request (bad request line, oversized headers) gets a 400 and the socket closes; nothing throws.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (socket.writable && err.code !== 'ECONNRESET') socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  return new Promise<OpsServer>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => reject(new OpsServerError(options.host, options.port, err.code, err));
    server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      server.on('error', (err) => log.warn({ err }, 'ops server error'));
      const port = (server.address() as AddressInfo).port;
      log.info({ host: options.host, port }, 'ops server listening (/healthz, /readyz, /metrics)');
      resolve({
        host: options.host,
        port,
        close: () =>
          new Promise<void>((done) => {
            closing = true;
            const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
            cut.unref();
            server.close(() => {
              clearTimeout(cut);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
