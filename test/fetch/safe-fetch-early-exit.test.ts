/**
 * Every way safeFetch stops early must close the connection: a hostile server that answers with an
 * endless body (on a redirect, an error status, a refused content type, past the size cap or the
 * deadline) may not keep a socket downloading after the fetch has settled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError, type SafeFetchOptions } from '../../src/fetch';
import { blockedAddressReason } from '../../src/fetch/address';
import { safeFetch, safeFetchWithPolicy } from '../../src/fetch/safe-fetch';
import { endlessBody, send, startServer, type EndlessStats, type TestServer } from './server';

const LIMIT = 64 * 1024;
const TIMEOUT_MS = 1_500;
/**
 * Most a closed-promptly connection can have taken: what the kernel buffers on loopback before the
 * client stops reading (send and receive buffers, a few MB on Linux). A socket left downloading passes
 * this within a second: loopback moves hundreds of MB a second.
 */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const PAGE = '<!doctype html><html><body><p>The page.</p></body></html>';

const lookup: SafeFetchOptions['lookup'] = async (host) => [{ address: host === 'intranet.example' ? '10.0.0.5' : '127.0.0.1', family: 4 }];
const opts = (over: Partial<SafeFetchOptions> = {}): SafeFetchOptions => ({ allowPrivate: true, maxBytes: LIMIT, timeoutMs: TIMEOUT_MS, lookup, ...over });
const rulesExceptTestServer = (address: string) => (address === '127.0.0.1' ? undefined : blockedAddressReason(address));

/** Each case gets its own server, so a socket left open by one case cannot be counted against another. */
let server: TestServer;
afterEach(() => server?.close());

async function serve(status: number, headers: Record<string, string>, trickleMs?: number): Promise<EndlessStats> {
  const endless = endlessBody(status, headers, trickleMs);
  server = await startServer({ '/page': send('text/html', PAGE), '/endless': endless.handler });
  return endless.stats;
}

async function settle(p: Promise<unknown>): Promise<FetchError | 'ok'> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
}

/** Slack for a busy two-core machine between the fetch giving up and the server noticing. */
const CLOSE_GRACE_MS = 500;

/** Wait for the server to see the connection close, at most the fetch deadline past `t0`; false if it did not. */
async function closedWithinDeadline(stats: EndlessStats, t0: number, timeoutMs = TIMEOUT_MS): Promise<boolean> {
  const wait = new Promise<false>((resolve) => setTimeout(() => resolve(false), Math.max(0, t0 + timeoutMs + CLOSE_GRACE_MS - Date.now())));
  return Promise.race([stats.closed.then(() => true as const), wait]);
}

type Fetch = (url: string) => Promise<unknown>;
const plain: Fetch = (url) => safeFetch(url, opts());
const publicOnly: Fetch = (url) => safeFetchWithPolicy(url, opts({ allowPrivate: false }), rulesExceptTestServer);

describe('safeFetch: an endless body never keeps a socket open', () => {
  it.each<[string, number, Record<string, string>, Fetch, string]>([
    ['a 302 to a page', 302, { location: '/page', 'content-type': 'text/html' }, plain, 'ok'],
    ['a 302 to a private address', 302, { location: 'http://intranet.example/admin', 'content-type': 'text/html' }, publicOnly, 'FETCH_BLOCKED_ADDRESS'],
    ['a 500', 500, { 'content-type': 'text/html' }, plain, 'FETCH_HTTP_STATUS'],
    ['a 200 of the wrong content type', 200, { 'content-type': 'application/octet-stream' }, plain, 'FETCH_CONTENT_TYPE'],
    ['a 200 past the size cap', 200, { 'content-type': 'text/html' }, plain, 'FETCH_TOO_LARGE'],
  ])('GIVEN %s with an endless body THEN the fetch settles, the connection is closed within the deadline, and few bytes were sent', async (_what, status, headers, fetch, outcome) => {
    const stats = await serve(status, headers);
    const t0 = Date.now();
    const result = await settle(fetch(`${server.origin}/endless`));
    expect(result === 'ok' ? 'ok' : result.code).toBe(outcome);
    expect(await closedWithinDeadline(stats, t0)).toBe(true);
    expect(stats.bytes).toBeLessThan(MAX_BUFFERED_BYTES);
    expect(await server.openConnections()).toBe(0);
  });

  it('GIVEN a body that trickles past the deadline THEN FETCH_TIMEOUT and the connection is closed by the deadline', async () => {
    const stats = await serve(200, { 'content-type': 'text/html' }, 20);
    const t0 = Date.now();
    const err = await settle(safeFetch(`${server.origin}/endless`, opts({ timeoutMs: 300 })));
    expect(err === 'ok' ? 'ok' : err.code).toBe('FETCH_TIMEOUT');
    expect(await closedWithinDeadline(stats, t0, 300)).toBe(true);
    expect(await server.openConnections()).toBe(0);
  });

  it('GIVEN a redirect with an endless body THEN the redirect target is still read', async () => {
    await serve(302, { location: '/page', 'content-type': 'text/html' });
    const doc = await safeFetch(`${server.origin}/endless`, opts());
    expect(doc).toMatchObject({ finalUrl: `${server.origin}/page`, text: PAGE });
  });
});
