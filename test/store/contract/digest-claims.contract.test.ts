/**
 * The digest claim as a lease, on SQLite and on PostgreSQL: a 'sending' run whose holder stopped
 * renewing is taken over (once, keeping what was posted and the plan), the old holder can no longer
 * write, progress moves the schedule's coverage in the same transaction, a run abandoned as often
 * as it may be tried is closed, and schedules and stale runs are read per shard.
 */
import { describe, expect, it } from 'vitest';
import { shardOf } from '../../../src/store/shards';
import { BACKENDS, freshStores, storesOn } from './backends';

const T0 = Date.UTC(2026, 11, 4, 7, 0, 0);
const LEASE = 30_000;
const DATE = '2026-12-04';

/** A real-looking snowflake: `ms` after Discord's epoch, with `low` in its low 22 bits. */
function snowflake(ms: number, low: number): string {
  return ((BigInt(ms) << 22n) | BigInt(low)).toString();
}

describe.each(BACKENDS)('digest claims on %s', (backend) => {
  const schedule = { guildId: 'g', channelId: 'c', time: '08:00', timezone: 'Europe/Berlin', days: 'daily' as const };
  const claim = { guildId: 'g', localDate: DATE, scheduledFor: T0, channelId: 'c' };

  it('GIVEN a holder that stops renewing THEN the claim is taken over after the lease only, keeping messages and plan, and the old holder can no longer write', async () => {
    const { stores } = await freshStores(backend);
    const d = stores.digests;
    await d.setSchedule(schedule, T0 - 60_000);
    expect(await d.claimRun({ ...claim, now: T0, instanceId: 'a' }, 3, LEASE)).toBe(true);
    expect(await d.recordPlan('g', DATE, 'a', '{"plan":1}', T0 + 1)).toBe(true);
    expect(await d.recordProgress('g', DATE, 'a', { now: T0 + 2, messageIds: ['m1'], coveredUntil: T0 - 500, coveredIds: ['x1', 'x2'] })).toBe(true);
    expect(await d.schedule('g')).toMatchObject({ coveredUntil: T0 - 500, coveredIds: ['x1', 'x2'] });
    expect(await d.run('g', DATE)).toMatchObject({ status: 'sending', claimedAt: T0 + 2, messageIds: ['m1'], plan: '{"plan":1}', attempts: 1, instanceId: 'a' });

    // Renewed at T0 + 10 s: still live at T0 + 10 s + LEASE, stale one millisecond later.
    expect(await d.renewRun('g', DATE, 'a', T0 + 10_000)).toBe(true);
    expect(await d.claimRun({ ...claim, now: T0 + 10_000 + LEASE, instanceId: 'b' }, 3, LEASE)).toBe(false);
    expect(await d.claimRun({ ...claim, now: T0 + 10_001 + LEASE, instanceId: 'b' }, 3, LEASE)).toBe(true);
    expect(await d.run('g', DATE)).toMatchObject({
      status: 'sending', claimedAt: T0 + 10_001 + LEASE, instanceId: 'b', attempts: 2, messageIds: ['m1'], plan: '{"plan":1}', scheduledFor: T0, channelId: 'c',
    });

    // The old holder, waking up: every write refused, nothing changed.
    expect(await d.renewRun('g', DATE, 'a', T0 + 50_000)).toBe(false);
    expect(await d.recordPlan('g', DATE, 'a', '{"plan":2}', T0 + 50_000)).toBe(false);
    expect(await d.recordProgress('g', DATE, 'a', { now: T0 + 50_000, messageIds: ['m1', 'a2'], coveredUntil: T0, coveredIds: [] })).toBe(false);
    expect(await d.finishRun('g', DATE, { status: 'failed', now: T0 + 50_000, articleCount: 3, messageIds: ['m1'], reason: 'X', instanceId: 'a', coveredUntil: T0 })).toBe(false);
    expect(await d.run('g', DATE)).toMatchObject({ status: 'sending', instanceId: 'b', messageIds: ['m1'], plan: '{"plan":1}', claimedAt: T0 + 10_001 + LEASE });
    expect(await d.schedule('g')).toMatchObject({ coveredUntil: T0 - 500, coveredIds: ['x1', 'x2'] });

    // The new holder finishes; the plan goes with the sending.
    expect(await d.recordProgress('g', DATE, 'b', { now: T0 + 45_000, messageIds: ['m1', 'm2'], coveredUntil: T0 - 100, coveredIds: ['x1'] })).toBe(true);
    expect(await d.finishRun('g', DATE, { status: 'sent', now: T0 + 46_000, articleCount: 3, messageIds: ['m1', 'm2', 'm3'], coveredUntil: T0, instanceId: 'b' })).toBe(true);
    const done = await d.run('g', DATE);
    expect(done).toMatchObject({ status: 'sent', finishedAt: T0 + 46_000, messageIds: ['m1', 'm2', 'm3'], attempts: 2 });
    expect(done?.plan).toBeUndefined();
    expect(await d.schedule('g')).toMatchObject({ coveredUntil: T0, coveredIds: [] });
    // A finished run is never taken over, however old.
    expect(await d.claimRun({ ...claim, now: T0 + 10 * LEASE, instanceId: 'c' }, 3, LEASE)).toBe(false);
  });

  it('GIVEN two processes finding the same stale claim THEN exactly one takes it over', async () => {
    const { stores, target } = await freshStores(backend);
    const other = await storesOn(target);
    await stores.digests.setSchedule(schedule, T0 - 60_000);
    await stores.digests.claimRun({ ...claim, now: T0, instanceId: 'dead' }, 3, LEASE);
    const at = T0 + LEASE + 1;
    const wins = await Promise.all([
      stores.digests.claimRun({ ...claim, now: at, instanceId: 'b' }, 3, LEASE),
      other.digests.claimRun({ ...claim, now: at, instanceId: 'c' }, 3, LEASE),
      other.digests.claimRun({ ...claim, now: at, instanceId: 'd' }, 3, LEASE),
    ]);
    expect(wins.filter(Boolean)).toHaveLength(1);
    const run = await stores.digests.run('g', DATE);
    expect(run?.attempts).toBe(2);
    expect(['b', 'c', 'd'][wins.indexOf(true)]).toBe(run?.instanceId);
  });

  it('GIVEN a holder that hands its claim back THEN only the holder can, and the next claim takes the run over without waiting for the lease', async () => {
    const { stores } = await freshStores(backend);
    const d = stores.digests;
    await d.setSchedule(schedule, T0 - 60_000);
    await d.claimRun({ ...claim, now: T0, instanceId: 'a' }, 3, LEASE);
    await d.recordProgress('g', DATE, 'a', { now: T0 + 5, messageIds: ['m1'], coveredUntil: T0 - 1, coveredIds: [] });
    expect(await d.releaseRun('g', DATE, 'someone-else', T0 - LEASE)).toBe(false);
    expect(await d.releaseRun('g', DATE, 'a', T0 + 5 - LEASE - 1)).toBe(true);
    expect(await d.run('g', DATE)).toMatchObject({ status: 'sending', instanceId: 'a', claimedAt: T0 + 4 - LEASE, messageIds: ['m1'] });
    expect(await d.claimRun({ ...claim, now: T0 + 6, instanceId: 'b' }, 3, LEASE)).toBe(true);
    expect(await d.run('g', DATE)).toMatchObject({ status: 'sending', instanceId: 'b', claimedAt: T0 + 6, attempts: 2, messageIds: ['m1'] });
  });

  it('GIVEN a run abandoned as often as it may be tried THEN the next claim closes it as failed instead of taking it over', async () => {
    const { stores } = await freshStores(backend);
    const d = stores.digests;
    await d.setSchedule(schedule, T0 - 60_000);
    expect(await d.claimRun({ ...claim, now: T0, instanceId: 'a' }, 2, LEASE)).toBe(true);
    await d.recordProgress('g', DATE, 'a', { now: T0, messageIds: ['m1'], coveredUntil: T0 - 1, coveredIds: [] });
    expect(await d.claimRun({ ...claim, now: T0 + LEASE + 1, instanceId: 'b' }, 2, LEASE)).toBe(true);
    expect(await d.claimRun({ ...claim, now: T0 + 2 * LEASE + 2, instanceId: 'c' }, 2, LEASE)).toBe(false);
    expect(await d.run('g', DATE)).toMatchObject({
      status: 'failed', attempts: 2, instanceId: 'b', messageIds: ['m1'], finishedAt: T0 + 2 * LEASE + 2,
      reason: 'DIGEST_ABANDONED: the sending process stopped renewing its claim',
    });
    // Something was posted: a failed run with messages is not claimed again that day.
    expect(await d.claimRun({ ...claim, now: T0 + 3 * LEASE, instanceId: 'c' }, 5, LEASE)).toBe(false);
  });

  it('GIVEN a failed run with nothing posted THEN it is claimed again with its plan (the same digest, the same nonces)', async () => {
    const { stores } = await freshStores(backend);
    const d = stores.digests;
    await d.setSchedule(schedule, T0 - 60_000);
    await d.claimRun({ ...claim, now: T0, instanceId: 'a' }, 3, LEASE);
    await d.recordPlan('g', DATE, 'a', '{"p":1}', T0);
    expect(await d.finishRun('g', DATE, { status: 'failed', now: T0 + 1, articleCount: 2, messageIds: [], reason: 'HTTP_503: x', instanceId: 'a' })).toBe(true);
    expect(await d.run('g', DATE)).toMatchObject({ status: 'failed', plan: '{"p":1}', reason: 'HTTP_503: x' });
    expect(await d.claimRun({ ...claim, now: T0 + 60_000, instanceId: 'b' }, 3, LEASE)).toBe(true);
    const again = await d.run('g', DATE);
    expect(again).toMatchObject({ status: 'sending', plan: '{"p":1}', attempts: 2, instanceId: 'b' });
    expect(again?.reason).toBeUndefined();
    expect(again?.finishedAt).toBeUndefined();
  });

  it('GIVEN servers on four shards THEN schedules, stale runs and the oldest live claim are read per shard', async () => {
    const { stores } = await freshStores(backend);
    const d = stores.digests;
    const base = Date.UTC(2025, 0, 1) - Date.UTC(2015, 0, 1);
    const guilds = Array.from({ length: 12 }, (_, i) => snowflake(base + i * 7_919, (i * 4099) % 4_194_304));
    for (const g of guilds) await d.setSchedule({ ...schedule, guildId: g }, T0 - 60_000);
    const ofShards = (ids: number[]) => guilds.filter((g) => ids.includes(shardOf(g, 4))).sort();
    // Every shard has some of them, or the test proves little.
    for (const s of [0, 1, 2, 3]) expect(ofShards([s]).length).toBeGreaterThan(0);

    const shards01 = { count: 4, ids: [0, 1] };
    const shards23 = { count: 4, ids: [3, 2] };
    expect((await d.enabledSchedules(shards01)).map((s) => s.guildId)).toEqual(ofShards([0, 1]));
    expect((await d.enabledSchedules(shards23)).map((s) => s.guildId)).toEqual(ofShards([2, 3]));
    expect((await d.enabledSchedules()).map((s) => s.guildId)).toEqual([...guilds].sort());
    expect((await d.enabledSchedules({ count: 1, ids: [0] })).map((s) => s.guildId)).toEqual([...guilds].sort());

    // Claims at T0 + i seconds; at T0 + 40 s with a 30 s lease, those of seconds 0..9 are stale.
    for (const [i, g] of guilds.entries()) await d.claimRun({ ...claim, guildId: g, now: T0 + i * 1000, instanceId: 'x' }, 3, LEASE);
    const now = T0 + 40_000;
    const claimedAt = new Map(guilds.map((g, i) => [g, T0 + i * 1000]));
    const stale = (ids: number[]) => ofShards(ids).filter((g) => claimedAt.get(g)! < now - LEASE).sort((a, b) => claimedAt.get(a)! - claimedAt.get(b)!);
    expect((await d.staleRuns(shards01, now - LEASE, now - 86_400_000, 100)).map((r) => r.guildId)).toEqual(stale([0, 1]));
    expect((await d.staleRuns(shards23, now - LEASE, now - 86_400_000, 100)).map((r) => r.guildId)).toEqual(stale([2, 3]));
    expect((await d.staleRuns(undefined, now - LEASE, now - 86_400_000, 3)).map((r) => r.guildId)).toEqual(guilds.slice(0, 3));
    // Older than the horizon: no longer looked at.
    expect(await d.staleRuns(undefined, now - LEASE, T0 + 5_000, 100)).toHaveLength(5);
    const live = (ids: number[]) => {
      const times = ofShards(ids).map((g) => claimedAt.get(g)!).filter((t) => t >= now - LEASE);
      return times.length === 0 ? undefined : Math.min(...times);
    };
    expect(await d.earliestLiveClaim(shards01, now - LEASE)).toBe(live([0, 1]));
    expect(await d.earliestLiveClaim(shards23, now - LEASE)).toBe(live([2, 3]));
    expect(await d.earliestLiveClaim(undefined, now - LEASE)).toBe(T0 + 10_000);
    // A finished run is not a live claim.
    await d.finishRun(guilds[10]!, DATE, { status: 'sent', now, articleCount: 1, messageIds: ['m'] });
    expect(await d.earliestLiveClaim(undefined, now - LEASE)).toBe(T0 + 11_000);
    await d.finishRun(guilds[11]!, DATE, { status: 'empty', now, articleCount: 0, messageIds: [] });
    expect(await d.earliestLiveClaim(undefined, now - LEASE)).toBeUndefined();
  });
});
