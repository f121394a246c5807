import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMetrics, readStores, serveOps, type OpsServer } from '../../src/ops';
import { openStores } from '../../src/store/open';
import type { Stores } from '../../src/store/ports';

describe('serveOps and readStores', () => {
  let dir: string;
  let stores: Stores;
  let ops: OpsServer | undefined;
  const log = pino({ level: 'silent' });
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lede-ops-'));
    stores = await openStores({ kind: 'sqlite', path: join(dir, 'lede.db') }, { migrate: true });
  });
  afterEach(async () => {
    await ops?.close();
    ops = undefined;
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN no HTTP_PORT THEN no server is started', async () => {
    expect(await serveOps({ HTTP_HOST: '127.0.0.1', HTTP_PORT: undefined }, { metrics: createMetrics(), stores, log })).toBeUndefined();
  });

  it('GIVEN a worker (no gateway check) THEN /readyz checks the database only, and /metrics reads the outbox and the leases', async () => {
    const metrics = createMetrics({ role: 'worker' });
    readStores(metrics, stores);
    // Port 0 is refused by the config schema; the server itself takes it, as the tests of http.ts do.
    ops = await serveOps({ HTTP_HOST: '127.0.0.1', HTTP_PORT: 0 }, { metrics, stores, log });
    const ready = await fetch(`http://127.0.0.1:${ops!.port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, checks: { database: 'reachable' } });
    const text = await (await fetch(`http://127.0.0.1:${ops!.port}/metrics`)).text();
    expect(text).toMatch(/^lede_outbox_pending 0$/m);
  });

  it('GIVEN a gateway whose connection is down THEN /readyz answers 503 and says which check failed', async () => {
    ops = await serveOps({ HTTP_HOST: '127.0.0.1', HTTP_PORT: 0 }, { metrics: createMetrics({ role: 'gateway' }), stores, log, gatewayReady: () => false });
    const ready = await fetch(`http://127.0.0.1:${ops!.port}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ok: false, checks: { database: 'reachable', gateway: 'not ready' } });
  });
});
