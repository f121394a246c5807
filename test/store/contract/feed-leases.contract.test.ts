/**
 * Feed poll leases: one contract, run on SQLite and on PostgreSQL. A worker claims due feeds for a
 * lease, renews it while it polls, and recording the poll hands it back; a lease that runs out lets
 * another worker take the poll over. Several workers claiming at once never take the same feed.
 */
import { describe, expect, it } from 'vitest';
import type { FeedsStore } from '../../../src/store/ports';
import { BACKENDS, freshStores, storesOn } from './backends';

const T0 = Date.UTC(2026, 11, 4, 12, 0, 0);
const HOUR = 3_600_000;
const LEASE = 30_000;

/** Follow `n` feeds, feed k due at T0 + k ms (so the due order is their number). */
async function feeds(store: FeedsStore, n: number, due = (k: number) => T0 + k): Promise<string[]> {
  const urls: string[] = [];
  for (let k = 0; k < n; k++) {
    const url = `https://f${String(k).padStart(3, '0')}.test/feed.xml`;
    await store.subscribe('g', url, { now: due(k), intervalMs: HOUR });
    urls.push(url);
  }
  return urls;
}

const urlsOf = (sources: ReadonlyArray<{ readonly url: string }>) => sources.map((s) => s.url);

describe.each(BACKENDS)('feed leases on %s', (backend) => {
  it('GIVEN two holders THEN they claim disjoint sets, earliest due first, and only what is due', async () => {
    const { stores } = await freshStores(backend);
    const urls = await feeds(stores.feeds, 5);
    const notDue = 'https://later.test/feed.xml';
    await stores.feeds.subscribe('g', notDue, { now: T0 + HOUR, intervalMs: HOUR });
    const a = await stores.feeds.claimDue(T0 + 10, 3, 'A', LEASE);
    expect(urlsOf(a)).toEqual(urls.slice(0, 3));
    expect(a.map((s) => s.nextPollAt)).toEqual([T0, T0 + 1, T0 + 2]);
    expect(urlsOf(await stores.feeds.claimDue(T0 + 10, 10, 'B', LEASE))).toEqual(urls.slice(3));
    expect(await stores.feeds.claimDue(T0 + 10, 10, 'A', LEASE)).toEqual([]);
    expect(await stores.feeds.leaseHolders(T0 + 10)).toEqual([{ holder: 'A', feeds: 3 }, { holder: 'B', feeds: 2 }]);
    // The due list still shows what is owed, leased or not.
    expect(urlsOf(await stores.feeds.dueSources(T0 + 10, 10))).toEqual(urls);
  });

  it('GIVEN a lease that ran out THEN another holder takes it over, and the first can no longer renew it', async () => {
    const { stores } = await freshStores(backend);
    const [url] = await feeds(stores.feeds, 1);
    expect(urlsOf(await stores.feeds.claimDue(T0, 10, 'A', LEASE))).toEqual([url]);
    expect(await stores.feeds.claimDue(T0 + LEASE - 1, 10, 'B', LEASE)).toEqual([]);
    expect(await stores.feeds.claimSource(url!, T0 + LEASE - 1, 'B', LEASE)).toBeUndefined();
    // Held while now < lease end: at the end it is free.
    expect(urlsOf(await stores.feeds.claimDue(T0 + LEASE, 10, 'B', LEASE))).toEqual([url]);
    expect(await stores.feeds.renewLeases('A', [url!], T0 + LEASE + 1, LEASE)).toEqual([]);
    expect(await stores.feeds.leaseHolders(T0 + LEASE + 1)).toEqual([{ holder: 'B', feeds: 1 }]);
    // A lease that ran out is no lease: nobody is counted as holding it.
    expect(await stores.feeds.leaseHolders(T0 + 2 * LEASE)).toEqual([]);
  });

  it('GIVEN claimSource THEN it leases one source whatever its schedule, again for the same holder, never a disabled one', async () => {
    const { stores } = await freshStores(backend);
    const url = 'https://soon.test/feed.xml';
    await stores.feeds.subscribe('g', url, { now: T0 + HOUR, intervalMs: HOUR });
    expect(await stores.feeds.claimSource(url, T0, 'A', LEASE)).toMatchObject({ url, nextPollAt: T0 + HOUR, primed: false });
    expect(await stores.feeds.claimSource(url, T0 + 1, 'A', LEASE)).toMatchObject({ url });
    expect(await stores.feeds.claimSource(url, T0 + 2, 'B', LEASE)).toBeUndefined();
    // The second claim by A extended the lease.
    expect(await stores.feeds.claimSource(url, T0 + LEASE, 'B', LEASE)).toBeUndefined();
    expect(await stores.feeds.claimSource(url, T0 + LEASE + 1, 'B', LEASE)).toMatchObject({ url });
    expect(await stores.feeds.claimSource('https://unknown.test/feed.xml', T0, 'A', LEASE)).toBeUndefined();
    await stores.feeds.recordFailure(url, { now: T0 + LEASE + 2, nextPollAt: T0 + HOUR, code: 'FEED_XML_ENTITIES', message: 'entities', disable: true });
    expect(await stores.feeds.claimSource(url, T0 + 2 * HOUR, 'A', LEASE)).toBeUndefined();
    expect(await stores.feeds.claimDue(T0 + 2 * HOUR, 10, 'A', LEASE)).toEqual([]);
  });

  it('GIVEN leases THEN renew extends only the holder\'s own, and release hands back some or all of them', async () => {
    const { stores } = await freshStores(backend);
    const urls = await feeds(stores.feeds, 4);
    await stores.feeds.claimDue(T0 + 10, 3, 'A', LEASE);
    await stores.feeds.claimDue(T0 + 10, 3, 'B', LEASE);
    expect((await stores.feeds.renewLeases('A', urls, T0 + 20_000, LEASE)).sort()).toEqual(urls.slice(0, 3));
    // Renewed until T0 + 50 s: still A's at T0 + 40 s, when B's unrenewed lease has run out.
    expect(urlsOf(await stores.feeds.claimDue(T0 + 40_000, 10, 'C', LEASE))).toEqual([urls[3]]);
    expect(await stores.feeds.releaseLeases('A', [urls[0]!, urls[3]!])).toBe(1);
    expect(urlsOf(await stores.feeds.claimDue(T0 + 40_000, 10, 'C', LEASE))).toEqual([urls[0]]);
    expect(await stores.feeds.releaseLeases('A')).toBe(2);
    expect(await stores.feeds.releaseLeases('A')).toBe(0);
    expect(await stores.feeds.leaseHolders(T0 + 40_000)).toEqual([{ holder: 'C', feeds: 2 }]);
    expect(urlsOf(await stores.feeds.claimDue(T0 + 40_000, 10, 'D', LEASE))).toEqual(urls.slice(1, 3));
  });

  it('GIVEN a recorded poll THEN its lease is handed back with it', async () => {
    const { stores } = await freshStores(backend);
    const [a, b] = await feeds(stores.feeds, 2);
    await stores.feeds.claimDue(T0, 10, 'A', LEASE);
    await stores.feeds.recordSuccess(a!, { now: T0 + 5, nextPollAt: T0 + HOUR, delivered: 1 });
    await stores.feeds.recordFailure(b!, { now: T0 + 5, nextPollAt: T0 + 10, code: 'FETCH_TIMEOUT', message: 'slow', disable: false });
    expect(await stores.feeds.leaseHolders(T0 + 5)).toEqual([]);
    expect(await stores.feeds.renewLeases('A', [a!, b!], T0 + 6, LEASE)).toEqual([]);
    // The failed one is due again at its next poll, for anyone.
    expect(urlsOf(await stores.feeds.claimDue(T0 + 10, 10, 'B', LEASE))).toEqual([b]);
  });

  it('GIVEN leases THEN nextDueAt is the earliest instant a poll is owed and free to take', async () => {
    const { stores } = await freshStores(backend);
    expect(await stores.feeds.nextDueAt()).toBeUndefined();
    const [a, b] = await feeds(stores.feeds, 2, (k) => T0 + k * 10_000);
    const c = 'https://c.test/feed.xml';
    await stores.feeds.subscribe('g', c, { now: T0 + HOUR, intervalMs: HOUR });
    expect(await stores.feeds.nextDueAt()).toBe(T0);
    await stores.feeds.claimDue(T0, 1, 'A', LEASE);
    expect(await stores.feeds.nextDueAt()).toBe(T0 + 10_000); // b, free
    await stores.feeds.claimDue(T0 + 10_000, 1, 'A', LEASE);
    expect(await stores.feeds.nextDueAt()).toBe(T0 + LEASE); // a's lease ends first
    // A leased source not due before its lease ends is owed at its next poll.
    await stores.feeds.claimSource(c, T0 + 10_000, 'A', LEASE);
    await stores.feeds.releaseLeases('A', [a!, b!]);
    expect(await stores.feeds.nextDueAt()).toBe(T0);
    await stores.feeds.recordSuccess(a!, { now: T0, nextPollAt: T0 + 2 * HOUR, delivered: 0 });
    await stores.feeds.recordFailure(b!, { now: T0, nextPollAt: T0 + 3 * HOUR, code: 'FEED_XML_ENTITIES', message: 'entities', disable: true });
    expect(await stores.feeds.nextDueAt()).toBe(T0 + HOUR); // c (leased until T0 + 40 s); b is disabled
  });

  it('GIVEN many claims at once from separate connections THEN no feed is claimed twice, and together they take every due feed', async () => {
    const { stores, target } = await freshStores(backend);
    const urls = await feeds(stores.feeds, 120);
    const workers = [stores, ...(await Promise.all([1, 2, 3].map(() => storesOn(target))))];
    const rounds = await Promise.all(
      workers.flatMap((w, i) => Array.from({ length: 6 }, (_, k) => w.feeds.claimDue(T0 + 200, 7, `w${i}-${k}`, LEASE))),
    );
    const claimed = rounds.flatMap(urlsOf);
    expect(new Set(claimed).size).toBe(claimed.length);
    // Each claim is earliest due first.
    for (const round of rounds) expect(round.map((s) => s.nextPollAt)).toEqual([...round.map((s) => s.nextPollAt)].sort((x, y) => x - y));
    const rest = urlsOf(await stores.feeds.claimDue(T0 + 200, 1000, 'last', LEASE));
    expect([...claimed, ...rest].sort()).toEqual(urls);
    const holders = await stores.feeds.leaseHolders(T0 + 200);
    expect(holders.reduce((n, h) => n + h.feeds, 0)).toBe(120);
  });
});
