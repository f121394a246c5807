/**
 * A feed server on 127.0.0.1 for tests and benchmarks: serves documents per path, honours
 * If-None-Match / If-Modified-Since with 304, counts requests, and can stream a body of any size.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  /** The body to serve, computed per request (so a test can change the feed between polls). */
  body: () => string;
  contentType?: string;
  /** Send ETag / Last-Modified validators derived from the body and honour conditional requests. */
  conditional?: boolean;
  status?: number;
  /** Extra response headers (e.g. Retry-After on a 429). */
  headers?: Record<string, string>;
  /** Answer after this many milliseconds. */
  delayMs?: number;
}

export interface FeedServer {
  readonly base: string;
  readonly hits: Map<string, number>;
  /** Requests answered with 304. */
  readonly notModified: Map<string, number>;
  /** The most requests the server was answering at the same time. */
  readonly maxConcurrent: () => number;
  route(path: string, route: Route): void;
  /** Stream `bytes` of a syntactically valid RSS document at `path` without holding it in memory. */
  huge(path: string, bytes: number): void;
  close(): Promise<void>;
}

function etagOf(body: string): string {
  let h = 2166136261;
  for (let i = 0; i < body.length; i++) h = Math.imul(h ^ body.charCodeAt(i), 16777619) >>> 0;
  return `"${h.toString(16)}-${body.length}"`;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const huge = new Map<string, number>();
  const hits = new Map<string, number>();
  const notModified = new Map<string, number>();
  const lastModified = 'Tue, 05 Mar 2024 10:00:00 GMT';

  let active = 0;
  let maxActive = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    active++;
    maxActive = Math.max(maxActive, active);
    res.on('close', () => active--);
    const delay = routes.get(new URL(req.url ?? '/', 'http://x').pathname)?.delayMs;
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const size = huge.get(path);
    if (size !== undefined) {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const item = '<item><title>Filler item for a huge feed</title><description>' + 'x'.repeat(900) + '</description></item>\n';
      let sent = 0;
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>\n');
      const pump = () => {
        while (sent < size) {
          sent += item.length;
          if (!res.write(item)) return void res.once('drain', pump);
        }
        res.end('</channel></rss>');
      };
      res.on('error', () => undefined);
      pump();
      return;
    }
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = route.body();
    const headers: Record<string, string> = { 'content-type': route.contentType ?? 'application/rss+xml; charset=utf-8', ...route.headers };
    if (route.conditional) {
      const tag = etagOf(body);
      headers.etag = tag;
      headers['last-modified'] = lastModified;
      if (req.headers['if-none-match'] === tag) {
        notModified.set(path, (notModified.get(path) ?? 0) + 1);
        res.writeHead(304, { etag: tag }).end();
        return;
      }
    }
    res.writeHead(route.status ?? 200, headers).end(body);
  };

  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    notModified,
    maxConcurrent: () => maxActive,
    route: (path, route) => void routes.set(path, route),
    huge: (path, bytes) => void huge.set(path, bytes),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An RSS 2.0 document with the given items. */
export function rssOf(title: string, items: ReadonlyArray<{ guid?: string; link?: string; title: string; html?: string; description?: string; pubDate?: string }>): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><link>https://site.example/</link>
${items
  .map(
    (i) => `<item><title>${esc(i.title)}</title>${i.link ? `<link>${esc(i.link)}</link>` : ''}${i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ''}${
      i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''
    }${i.description ? `<description>${esc(i.description)}</description>` : ''}${i.html ? `<content:encoded><![CDATA[${i.html}]]></content:encoded>` : ''}</item>`,
  )
  .join('\n')}
</channel></rss>`;
}

/** A body long enough not to count as a teaser (about 1,000 characters), unique per `seed`. */
export function longBody(seed: string): string {
  const s = `Story ${seed} begins with a plain sentence about the harbour. "We will see how it goes," said Ana Ruiz, the mayor, on Tuesday. `;
  return `<p>${s.repeat(4)}</p><p>${s.repeat(4)}</p>`;
}
