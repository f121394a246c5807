/**
 * The operations server, for real: a node:http server on loopback (port 0), asked by real HTTP
 * requests (fetch, and a raw socket for what fetch will not send).
 */
import { connect } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics, type Metrics } from '../../src/ops/metrics';
import { CLOSE_GRACE_MS, OpsServerError, startOpsServer, type OpsServer, type OpsServerOptions, type Readiness } from '../../src/ops/http';

const log = pino({ level: 'silent' });
const open: OpsServer[] = [];

async function start(overrides: Partial<OpsServerOptions> = {}): Promise<{ server: OpsServer; base: string; metrics: Metrics }> {
  const metrics = createMetrics({ role: 'all' });
  const server = await startOpsServer({
    host: '127.0.0.1',
    port: 0,
    metrics,
    ready: async () => ({ ok: true, checks: { gateway: 'ready', database: 'ok' } }),
    log,
    ...overrides,
  });
  open.push(server);
  return { server, base: `http://127.0.0.1:${server.port}`, metrics: (overrides.metrics as Metrics | undefined) ?? metrics };
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Send raw bytes and read the whole answer (the server closes the connection). */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (answer += d));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('ops server', () => {
  it('GIVEN GET /healthz THEN 200 "ok" while the process runs', async () => {
    const { base } = await start({ ready: async () => ({ ok: false, checks: { database: 'unreachable' } }) });
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toBe('ok');
  });

  it('GIVEN GET /readyz with every check passing THEN 200 and the checks as JSON', async () => {
    const { base } = await start();
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ ok: true, checks: { gateway: 'ready', database: 'ok' } });
  });

  it('GIVEN a failing readiness check THEN 503 with the checks that say why', async () => {
    const { base } = await start({ ready: async () => ({ ok: false, checks: { gateway: 'not ready', database: 'ok' } }) });
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, checks: { gateway: 'not ready', database: 'ok' } });
  });

  it('GIVEN a readiness callback that throws THEN 503 with ready: error, and the server goes on', async () => {
    const { base } = await start({ ready: () => Promise.reject(new Error('database is down')) });
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, checks: { ready: 'error' } });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('GIVEN a readiness callback that hangs (a database that never answers) THEN 503 timed out within the bound', async () => {
    const { base } = await start({ ready: () => new Promise<Readiness>(() => undefined), timeoutMs: 50 });
    const started = performance.now();
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, checks: { ready: 'timed out' } });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('GIVEN GET /metrics THEN the Prometheus text with the recorded series and their exact values', async () => {
    const { base, metrics } = await start();
    metrics.interaction({ kind: 'command', command: 'summary', outcome: 'ok', firstResponseMs: 20 });
    metrics.interaction({ kind: 'command', command: 'summary', outcome: 'ok', firstResponseMs: 40 });
    metrics.feedPoll({ outcome: 'failed', errorCode: 'FETCH_TIMEOUT' });
    metrics.articlesIngested('feed', 3);
    metrics.readOutboxDepth(async () => ({ pending: 6 }));
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const lines = (await res.text()).split('\n');
    expect(lines).toContain('lede_interactions_total{kind="command",command="summary",outcome="ok",code=""} 2');
    expect(lines).toContain('lede_interaction_first_response_seconds_bucket{le="0.025",kind="command",command="summary"} 1');
    expect(lines).toContain('lede_interaction_first_response_seconds_bucket{le="0.05",kind="command",command="summary"} 2');
    expect(lines).toContain('lede_interaction_first_response_seconds_count{kind="command",command="summary"} 2');
    expect(lines).toContain('lede_feed_polls_total{outcome="failed"} 1');
    expect(lines).toContain('lede_feed_poll_failures_total{code="FETCH_TIMEOUT"} 1');
    expect(lines).toContain('lede_articles_ingested_total{origin="feed"} 3');
    expect(lines).toContain('lede_outbox_pending 6');
    expect(lines).toContain('lede_role{role="all"} 1');
    expect(lines).toContain('# TYPE process_resident_memory_bytes gauge');
  });

  it('GIVEN metrics that cannot be produced THEN 500, and the probes still answer', async () => {
    const { base } = await start({
      metrics: { contentType: 'text/plain; version=0.0.4; charset=utf-8', text: () => Promise.reject(new Error('collect failed')) },
    });
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('metrics unavailable\n');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it.each([
    ['/', 404],
    ['/metrics/extra', 404],
    ['/HEALTHZ', 404],
    ['/healthz?probe=1', 200],
    ['/readyz#x', 200],
  ])('GIVEN GET %s THEN %i', async (path, status) => {
    const { base } = await start();
    expect((await fetch(`${base}${path}`)).status).toBe(status);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('GIVEN %s on an endpoint THEN 405 with Allow: GET, HEAD', async (method) => {
    const { base } = await start();
    const res = await fetch(`${base}/metrics`, { method, body: method === 'DELETE' ? undefined : 'x=1' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('GIVEN HEAD /healthz THEN 200 without a body', async () => {
    const { base } = await start();
    const res = await fetch(`${base}/healthz`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it.each([
    ['not HTTP at all', 'NOT HTTP AT ALL\r\n\r\n', 'HTTP/1.1 400 Bad Request'],
    ['headers past the limit', `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 'HTTP/1.1 400 Bad Request'],
    ['a target no URL parser takes', 'GET http://[bad HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'HTTP/1.1 400 Bad Request'],
    ['a relative target', 'GET ../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'HTTP/1.1 400 Bad Request'],
    ['a protocol-relative target', 'GET //healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'HTTP/1.1 404 Not Found'],
  ])('GIVEN %s on a raw socket THEN %j, never a crash, and the server still answers', async (_, bytes, statusLine) => {
    const { server, base } = await start();
    expect((await raw(server.port, bytes)).split('\r\n')[0]).toBe(statusLine);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('GIVEN the host THEN the server binds exactly there (loopback by default)', async () => {
    const { server } = await start();
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
  });

  it('GIVEN a port already taken THEN startOpsServer rejects with an OpsServerError naming the address', async () => {
    const { server } = await start();
    const error = await startOpsServer({ host: '127.0.0.1', port: server.port, metrics: createMetrics(), ready: async () => ({ ok: true, checks: {} }), log }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OpsServerError);
    expect((error as OpsServerError).code).toBe('EADDRINUSE');
    expect((error as OpsServerError).message).toContain(`cannot listen on 127.0.0.1:${server.port} (HTTP_HOST, HTTP_PORT)`);
  });

  it('GIVEN close() while a probe is in flight THEN the probe is answered, then the port is closed', async () => {
    let release!: () => void;
    const { server, base } = await start({
      ready: () => new Promise<Readiness>((resolve) => (release = () => resolve({ ok: true, checks: { database: 'ok' } }))),
    });
    const probe = fetch(`${base}/readyz`);
    await new Promise((r) => setTimeout(r, 30));
    const closeStarted = performance.now();
    const closing = server.close();
    release();
    const res = await probe;
    expect(res.status).toBe(200);
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toEqual({ ok: true, checks: { database: 'ok' } });
    await closing;
    // The kept-alive connection ended with its answer: close() did not wait for the cut.
    expect(performance.now() - closeStarted).toBeLessThan(CLOSE_GRACE_MS);
    open.splice(open.indexOf(server), 1);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
