import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, safeFetch, type SafeFetchOptions } from '../../src/fetch';
import { MAX_RETRY_AFTER_MS } from '../../src/fetch/retry-after';
import { startServer, type TestServer } from './server';

let server: TestServer;
/** The HTTP-date the /maintenance route answers with, set just before each request that uses it. */
let maintenanceUntil = '';
const opts: SafeFetchOptions = { allowPrivate: true, maxBytes: 64 * 1024, timeoutMs: 2_000, accept: 'feed' };

async function fetchError(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error('expected a FetchError, but the fetch succeeded');
}

beforeAll(async () => {
  const refuse = (status: number, headers: Record<string, string>) => (_q: unknown, r: import('node:http').ServerResponse) =>
    r.writeHead(status, { 'content-type': 'text/html', ...headers }).end('<p>Slow down.</p>');
  server = await startServer({
    '/rate-limited': refuse(429, { 'retry-after': '120' }),
    '/rate-limited-bare': refuse(429, {}),
    '/rate-limited-junk': refuse(429, { 'retry-after': 'soon' }),
    '/rate-limited-forever': refuse(429, { 'retry-after': '31536000' }),
    '/maintenance': (_q, r) => r.writeHead(503, { 'content-type': 'text/plain', 'retry-after': maintenanceUntil }).end('down'),
    '/server-error': refuse(500, { 'retry-after': '120' }),
    '/forbidden': refuse(403, { 'retry-after': '120' }),
  });
});
afterAll(() => server.close());

describe('safeFetch: Retry-After on 429 and 503', () => {
  it('GIVEN 429 with Retry-After: 120 THEN FETCH_HTTP_STATUS carries retryAfterMs 120000 and the message says so', async () => {
    const err = await fetchError(safeFetch(`${server.origin}/rate-limited`, opts));
    expect(err).toMatchObject({ code: 'FETCH_HTTP_STATUS', status: 429, retryAfterMs: 120_000 });
    expect(err.message).toBe(`Could not fetch ${server.origin}/rate-limited: the server answered 429 Too Many Requests and asked to wait 2 min before trying again.`);
  });

  it('GIVEN 503 with an HTTP-date an hour ahead THEN retryAfterMs is the time left until it', async () => {
    const until = Math.ceil(Date.now() / 1000) * 1000 + 60 * 60_000;
    maintenanceUntil = new Date(until).toUTCString();
    const before = Date.now();
    const err = await fetchError(safeFetch(`${server.origin}/maintenance`, opts));
    const after = Date.now();
    expect(err).toMatchObject({ code: 'FETCH_HTTP_STATUS', status: 503 });
    // Measured against the real clock at the moment the response arrived, somewhere in [before, after].
    expect(err.retryAfterMs).toBeGreaterThanOrEqual(until - after);
    expect(err.retryAfterMs).toBeLessThanOrEqual(until - before);
  });

  it('GIVEN a Retry-After of a year THEN it is capped at a day', async () => {
    const err = await fetchError(safeFetch(`${server.origin}/rate-limited-forever`, opts));
    expect(err.retryAfterMs).toBe(MAX_RETRY_AFTER_MS);
    expect(err.message).toContain('asked to wait 24 h');
  });

  it.each([
    ['/rate-limited-bare', 429, 'no Retry-After'],
    ['/rate-limited-junk', 429, 'an invalid Retry-After'],
    ['/server-error', 500, 'a status that is not a request to wait'],
    ['/forbidden', 403, 'a status that is not a request to wait'],
  ])('GIVEN %s (%i, %s) THEN no retryAfterMs and the usual message', async (path, status) => {
    const err = await fetchError(safeFetch(`${server.origin}${path}`, opts));
    expect(err).toMatchObject({ code: 'FETCH_HTTP_STATUS', status });
    expect(err.retryAfterMs).toBeUndefined();
    expect(err.message).toMatch(new RegExp(`the server answered ${status} [A-Za-z ]+\\.$`));
  });
});
