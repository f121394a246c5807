/**
 * The feeds and digests stores: one contract, run on SQLite and on PostgreSQL. Times are epoch
 * milliseconds (past 2^31, so a 32-bit column would fail here).
 */
import { describe, expect, it } from 'vitest';
import { BACKENDS, freshStores, storesOn } from './backends';

const T0 = Date.UTC(2026, 11, 4, 12, 0, 0);
const HOUR = 3_600_000;
const LEASE = 30_000;

describe.each(BACKENDS)('feeds store on %s', (backend) => {
  it('GIVEN two servers following one URL THEN one source, two subscriptions, and the source goes with the last one', async () => {
    const { stores } = await freshStores(backend);
    const url = 'https://news.test/feed.xml';
    expect((await stores.feeds.subscribe('g1', url, { channelId: 'c1', addedBy: 'u1', now: T0, intervalMs: HOUR })).created).toBe(true);
    const second = await stores.feeds.subscribe('g2', url, { now: T0 + 1, intervalMs: HOUR });
    expect(second).toEqual({ created: false, subscription: { guildId: 'g2', url, addedAt: T0 + 1 } });
    expect(await stores.feeds.subscriptions('g1')).toEqual([{ guildId: 'g1', url, channelId: 'c1', addedBy: 'u1', addedAt: T0 }]);
    expect(await stores.feeds.countSubscriptions('g1')).toBe(1);
    expect((await stores.feeds.subscribersOf(url)).map((s) => s.guildId)).toEqual(['g1', 'g2']);
    expect(await stores.feeds.source(url)).toMatchObject({ url, intervalMs: HOUR, nextPollAt: T0, failures: 0, primed: false, createdAt: T0, deliveredCount: 0, skippedCount: 0 });
    expect(await stores.feeds.unsubscribe('g1', url)).toBe(true);
    expect(await stores.feeds.unsubscribe('g1', url)).toBe(false);
    expect(await stores.feeds.source(url)).toBeDefined();
    expect(await stores.feeds.unsubscribe('g2', url)).toBe(true);
    expect(await stores.feeds.source(url)).toBeUndefined();
  });

  it('GIVEN polls THEN due order, success and failure records, disabling and re-enabling by a new subscription', async () => {
    const { stores } = await freshStores(backend);
    await stores.feeds.subscribe('g', 'https://a.test/f', { now: T0, intervalMs: HOUR });
    await stores.feeds.subscribe('g', 'https://b.test/f', { now: T0 - 10, intervalMs: HOUR });
    expect((await stores.feeds.dueSources(T0, 10)).map((s) => s.url)).toEqual(['https://b.test/f', 'https://a.test/f']);
    expect(await stores.feeds.nextDueAt()).toBe(T0 - 10);
    await stores.feeds.recordSuccess('https://a.test/f', { now: T0, nextPollAt: T0 + HOUR, etag: '"e1"', title: 'A feed', delivered: 3, skipped: 1, lastSkippedReason: 'too long' });
    expect(await stores.feeds.source('https://a.test/f')).toMatchObject({ etag: '"e1"', title: 'A feed', primed: true, deliveredCount: 3, skippedCount: 1, lastSkippedAt: T0, lastSkippedReason: 'too long', lastSuccessAt: T0, nextPollAt: T0 + HOUR });
    // A later success without a title keeps the one it had.
    await stores.feeds.recordSuccess('https://a.test/f', { now: T0 + HOUR, nextPollAt: T0 + 2 * HOUR, delivered: 2 });
    expect(await stores.feeds.source('https://a.test/f')).toMatchObject({ title: 'A feed', deliveredCount: 5, skippedCount: 1, lastSkippedAt: T0 });
    await stores.feeds.recordFailure('https://b.test/f', { now: T0, nextPollAt: T0 + HOUR, code: 'FETCH_TIMEOUT', message: 'slow', disable: false });
    await stores.feeds.recordFailure('https://b.test/f', { now: T0 + HOUR, nextPollAt: T0 + 2 * HOUR, code: 'FEED_MALFORMED', message: 'bad', disable: true });
    expect(await stores.feeds.source('https://b.test/f')).toMatchObject({ failures: 2, lastErrorCode: 'FEED_MALFORMED', disabledAt: T0 + HOUR, disabledReason: 'FEED_MALFORMED' });
    expect((await stores.feeds.dueSources(T0 + 10 * HOUR, 10)).map((s) => s.url)).toEqual(['https://a.test/f']);
    await stores.feeds.subscribe('g2', 'https://b.test/f', { now: T0 + 3 * HOUR, intervalMs: HOUR });
    expect(await stores.feeds.source('https://b.test/f')).toMatchObject({ failures: 0, nextPollAt: T0 + 3 * HOUR });
    expect((await stores.feeds.source('https://b.test/f'))?.disabledAt).toBeUndefined();
  });

  it('GIVEN seen keys THEN lookups by age, refresh, batches past the IN-list size, and pruning', async () => {
    const { stores } = await freshStores(backend);
    const url = 'https://a.test/f';
    await stores.feeds.subscribe('g', url, { now: T0, intervalMs: HOUR });
    const keys = Array.from({ length: 450 }, (_, k) => `k${k}`);
    await stores.feeds.rememberKeys(url, keys.slice(0, 300), T0);
    await stores.feeds.rememberKeys(url, ['k0'], T0 + HOUR);
    expect((await stores.feeds.seenKeys(url, keys, T0)).size).toBe(300);
    expect([...(await stores.feeds.seenKeys(url, keys, T0 + 1))]).toEqual(['k0']);
    expect(await stores.feeds.pruneSeen(T0 + 1)).toBe(299);
    expect([...(await stores.feeds.seenKeys(url, keys, 0))]).toEqual(['k0']);
  });

  it('GIVEN delivery and keyword filters THEN subscribe stores them, updateSubscription changes only what it is given, and a re-add replaces them', async () => {
    const { stores } = await freshStores(backend);
    const url = 'https://news.test/feed.xml';
    const { subscription } = await stores.feeds.subscribe('g1', url, { channelId: 'f1', now: T0, intervalMs: HOUR, delivery: 'forum', include: ['harbour', 'city council'], exclude: ['football'] });
    expect(subscription).toEqual({ guildId: 'g1', url, channelId: 'f1', addedAt: T0, delivery: 'forum', include: ['harbour', 'city council'], exclude: ['football'] });
    // A message in the channel is the default and is not spelled out; empty lists are no filter.
    const plain = await stores.feeds.subscribe('g2', url, { channelId: 'c2', now: T0, intervalMs: HOUR, delivery: 'message', include: [] });
    expect(plain.subscription).toEqual({ guildId: 'g2', url, channelId: 'c2', addedAt: T0 });
    expect(await stores.feeds.updateSubscription('g1', url, { include: ['ferry'] })).toEqual({ guildId: 'g1', url, channelId: 'f1', addedAt: T0, delivery: 'forum', include: ['ferry'], exclude: ['football'] });
    expect(await stores.feeds.updateSubscription('g1', url, { channelId: 'c9', delivery: 'thread', exclude: [] })).toEqual({ guildId: 'g1', url, channelId: 'c9', addedAt: T0, delivery: 'thread', include: ['ferry'] });
    expect(await stores.feeds.updateSubscription('g1', url, { channelId: null, delivery: 'message', include: [] })).toEqual({ guildId: 'g1', url, addedAt: T0 });
    expect(await stores.feeds.updateSubscription('g3', url, { include: ['x'] })).toBeUndefined();
    expect(await stores.feeds.subscriptions('g1')).toEqual([{ guildId: 'g1', url, addedAt: T0 }]);
    await stores.feeds.subscribe('g1', url, { channelId: 'c1', now: T0 + 1, intervalMs: HOUR, delivery: 'thread', exclude: ['sport'] });
    expect(await stores.feeds.subscribersOf(url)).toEqual([
      { guildId: 'g1', url, channelId: 'c1', addedAt: T0, delivery: 'thread', exclude: ['sport'] },
      { guildId: 'g2', url, channelId: 'c2', addedAt: T0 },
    ]);
  });

  it('GIVEN first-poll items THEN they are found by server and id, once, and forgotten with the seen keys', async () => {
    const { stores } = await freshStores(backend);
    const url = 'https://news.test/feed.xml';
    await stores.feeds.subscribe('g1', url, { now: T0, intervalMs: HOUR });
    await stores.feeds.markFirstPollItems('g1', url, ['a1', 'a2'], T0);
    await stores.feeds.markFirstPollItems('g1', url, ['a2'], T0 + HOUR);
    await stores.feeds.markFirstPollItems('g2', url, ['b1'], T0 + HOUR);
    expect([...(await stores.feeds.firstPollItems('g1'))].sort()).toEqual(['a1', 'a2']);
    expect([...(await stores.feeds.firstPollItems('g2'))]).toEqual(['b1']);
    expect((await stores.feeds.firstPollItems('g3')).size).toBe(0);
    await stores.feeds.pruneSeen(T0 + 1);
    expect([...(await stores.feeds.firstPollItems('g1'))]).toEqual([]);
    expect([...(await stores.feeds.firstPollItems('g2'))]).toEqual(['b1']);
  });
});

describe.each(BACKENDS)('digests store on %s', (backend) => {
  const schedule = { guildId: 'g', channelId: 'c', time: '08:00', timezone: 'Europe/Berlin', days: 'weekdays' as const };

  it('GIVEN a schedule THEN set, re-set keeps updatedAt unless time/zone/days change, disable, and enabled list', async () => {
    const { stores } = await freshStores(backend);
    expect(await stores.digests.setSchedule(schedule, T0)).toMatchObject({ ...schedule, enabled: true, createdAt: T0, updatedAt: T0, coveredIds: [] });
    expect((await stores.digests.setSchedule({ ...schedule, channelId: 'c2' }, T0 + 1)).updatedAt).toBe(T0);
    expect((await stores.digests.setSchedule({ ...schedule, channelId: 'c2', days: [1, 3, 5] }, T0 + 2)).updatedAt).toBe(T0 + 2);
    expect((await stores.digests.schedule('g'))?.days).toEqual([1, 3, 5]);
    await stores.digests.recordBlocked('g', T0 + 3, 'DIGEST_MISSING_PERMISSIONS', 'Send Messages');
    expect(await stores.digests.schedule('g')).toMatchObject({ blockedAt: T0 + 3, blockedReason: 'DIGEST_MISSING_PERMISSIONS', blockedDetail: 'Send Messages' });
    expect(await stores.digests.disable('g', T0 + 4)).toBe(true);
    expect(await stores.digests.disable('g', T0 + 5)).toBe(false);
    expect(await stores.digests.enabledSchedules()).toEqual([]);
    expect((await stores.digests.setSchedule({ ...schedule, channelId: 'c2', days: [1, 3, 5] }, T0 + 6)).updatedAt).toBe(T0 + 6);
    expect((await stores.digests.enabledSchedules()).map((s) => s.guildId)).toEqual(['g']);
  });

  it('GIVEN two processes claiming the same day THEN exactly one wins; a failed run with nothing sent is claimed again, up to the limit', async () => {
    const { stores, target } = await freshStores(backend);
    const other = await storesOn(target);
    await stores.digests.setSchedule(schedule, T0);
    const claim = { guildId: 'g', localDate: '2026-12-04', scheduledFor: T0, now: T0, channelId: 'c' };
    const wins = await Promise.all([
      stores.digests.claimRun({ ...claim, instanceId: 'a' }, 3, LEASE),
      other.digests.claimRun({ ...claim, instanceId: 'b' }, 3, LEASE),
      stores.digests.claimRun({ ...claim, instanceId: 'c' }, 3, LEASE),
    ]);
    expect(wins.filter(Boolean)).toHaveLength(1);
    await stores.digests.finishRun('g', '2026-12-04', { status: 'failed', now: T0 + 1, articleCount: 0, messageIds: [], reason: 'DIGEST_SEND_FAILED' });
    expect(await other.digests.claimRun({ ...claim, instanceId: 'b', now: T0 + 2 }, 2, LEASE)).toBe(true);
    await stores.digests.finishRun('g', '2026-12-04', { status: 'failed', now: T0 + 3, articleCount: 0, messageIds: [] });
    expect(await other.digests.claimRun({ ...claim, instanceId: 'b', now: T0 + 4 }, 2, LEASE)).toBe(false);
    expect(await stores.digests.run('g', '2026-12-04')).toMatchObject({ status: 'failed', attempts: 2, instanceId: 'b', finishedAt: T0 + 3 });
  });

  it('GIVEN a sent digest THEN its run and the schedule coverage are recorded, and lastRun is the latest', async () => {
    const { stores } = await freshStores(backend);
    await stores.digests.setSchedule(schedule, T0);
    await stores.digests.claimRun({ guildId: 'g', localDate: '2026-12-03', scheduledFor: T0 - 24 * HOUR, now: T0 - 24 * HOUR, instanceId: 'a', channelId: 'c' }, 3, LEASE);
    await stores.digests.finishRun('g', '2026-12-03', { status: 'empty', now: T0 - 24 * HOUR, articleCount: 0, messageIds: [] });
    await stores.digests.claimRun({ guildId: 'g', localDate: '2026-12-04', scheduledFor: T0, now: T0, instanceId: 'a', channelId: 'c' }, 3, LEASE);
    await stores.digests.finishRun('g', '2026-12-04', { status: 'sent', now: T0 + 5, articleCount: 4, messageIds: ['m1', 'm2'], coveredUntil: T0, coveredIds: ['x'] });
    expect(await stores.digests.lastRun('g')).toMatchObject({ localDate: '2026-12-04', status: 'sent', articleCount: 4, messageIds: ['m1', 'm2'] });
    expect(await stores.digests.schedule('g')).toMatchObject({ coveredUntil: T0, coveredIds: ['x'] });
    expect(await stores.digests.run('g', '2026-12-05')).toBeUndefined();
  });
});
