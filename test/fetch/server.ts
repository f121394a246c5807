/** A real HTTP server on 127.0.0.1 for fetcher tests: one handler per path. */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  readonly origin: string;
  readonly port: number;
  /** Requests seen, in order (path and headers). */
  readonly requests: Array<{ path: string; headers: IncomingMessage['headers'] }>;
  /** TCP connections the server still has open (a client that stopped reading but kept its socket counts). */
  openConnections(): Promise<number>;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Handler>): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    const handler = routes[(req.url ?? '').split('?')[0]!];
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    openConnections: () => new Promise<number>((resolve, reject) => server.getConnections((err, n) => (err ? reject(err) : resolve(n)))),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Send a body with a content type (and optional extra headers). */
export function send(contentType: string, body: string | Buffer, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, ...headers });
    res.end(body);
  };
}

/** What an endless-body handler saw of its last request: bytes the client took, and when its connection closed. */
export interface EndlessStats {
  /** Body bytes handed to the socket (accepted by the kernel or the client). */
  bytes: number;
  /** Date.now() when the server saw the connection close; undefined while it is open. */
  closedAt?: number;
  /** Resolves when the connection closes (never, if the client keeps reading). */
  closed: Promise<void>;
}

/**
 * A handler that answers `status` with `headers` and then writes body bytes for as long as the client
 * reads them, the way a hostile server would: as fast as the socket takes them, or one byte every
 * `trickleMs` (a body that never ends but never grows large). Its `stats` describe the latest request.
 */
export function endlessBody(status: number, headers: Record<string, string>, trickleMs?: number): { handler: Handler; stats: EndlessStats } {
  const chunk = Buffer.alloc(trickleMs === undefined ? 64 * 1024 : 1, 0x61);
  const stats: EndlessStats = { bytes: 0, closed: Promise.resolve() };
  const handler: Handler = (_req, res) => {
    stats.bytes = 0;
    delete stats.closedAt;
    stats.closed = new Promise<void>((resolve) =>
      res.on('close', () => {
        stats.closedAt = Date.now();
        resolve();
      }),
    );
    res.writeHead(status, headers);
    if (trickleMs !== undefined) {
      const timer = setInterval(() => {
        stats.bytes += chunk.length;
        res.write(chunk);
      }, trickleMs);
      res.on('close', () => clearInterval(timer));
      return;
    }
    const pump = () => {
      while (!res.destroyed) {
        stats.bytes += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
    };
    pump();
  };
  return { handler, stats };
}
