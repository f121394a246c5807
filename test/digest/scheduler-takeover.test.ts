/**
 * Digests across processes, on the real stores (SQLite and PostgreSQL): a scheduler that dies in the
 * middle of a digest leaves a claim that goes stale, and another scheduler takes the run over after
 * the lease and posts the rest of the same digest, never an article twice, with the nonces of the
 * messages' places in the run; schedulers of different shards each send their own servers; posts
 * take slots of the shared paced queue, in due order, and each report says how late it went out; a
 * tick in progress (a long paced one) takes over a claim that goes stale while it sends, within about
 * a lease, in due order, without claiming anything twice.
 *
 * "A process dies" is a scheduler whose store and sender stop answering at a chosen moment (every
 * call from then on never resolves): no renewal, no record, nothing posted, as after kill -9.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock, type Clock } from '../../src/digest/clock';
import type { DigestArticle, DigestMessage, DigestParts } from '../../src/digest/compose';
import {
  DigestScheduler, digestNonce, SCHEDULED_POSTS_KEY, type ChannelCheck, type DigestSchedulerDeps, type DigestSender, type SendOptions, type TickReport, type TickSummary,
} from '../../src/digest/scheduler';
import type { DigestsStore, PacingStore, ShardFilter } from '../../src/store/ports';
import { shardOf } from '../../src/store/shards';
import { BACKENDS, freshStores, storesOn } from '../store/contract/backends';

const parts: DigestParts = { summaryOf: (a) => [`Summary of ${a.title}.`], topQuoteOf: () => undefined };
const LEASE = 30_000;
const RUN_AT = '2024-03-05T07:00:00Z'; // 08:00 in Berlin
const DATE = '2024-03-05';
const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

interface Post {
  readonly id: string;
  readonly by: string;
  readonly channelId: string;
  readonly nonce: string | undefined;
  readonly message: DigestMessage;
  readonly at: number;
}

/**
 * The Discord side: one list of messages for every scheduler. A nonce seen before returns the
 * message first posted with it and posts nothing (enforce_nonce), as Discord does.
 */
class FakeDiscord {
  readonly posts: Post[] = [];
  /** Every send call, nonce included, also those answered from a nonce. */
  readonly calls: Array<{ by: string; nonce: string | undefined; message: DigestMessage }> = [];
  private readonly byNonce = new Map<string, string>();

  sender(by: string, clock: Clock, hooks: { before?: (call: number) => Promise<void> | void; after?: (call: number) => void } = {}): DigestSender {
    let calls = 0;
    return {
      checkChannel: async (): Promise<ChannelCheck> => ({ ok: true }),
      send: async (channelId: string, message: DigestMessage, options?: SendOptions) => {
        const call = ++calls;
        this.calls.push({ by, nonce: options?.nonce, message });
        await hooks.before?.(call);
        const known = options?.nonce !== undefined ? this.byNonce.get(options.nonce) : undefined;
        if (known !== undefined) return known;
        const id = `${by}${call}`;
        this.posts.push({ id, by, channelId, nonce: options?.nonce, message, at: clock.now().getTime() });
        if (options?.nonce !== undefined) this.byNonce.set(options.nonce, id);
        hooks.after?.(call);
        return id;
      },
    };
  }
}

/** Articles of each message, by title ("Story N"). */
function titles(message: DigestMessage): string[] {
  return message.embeds.flatMap((e) => [...e.description.matchAll(/\*\*\[([^\]]+)\]/g)].map((m) => m[1]!));
}

const stories = (hi: number, lo: number) => Array.from({ length: hi - lo + 1 }, (_, k) => `Story ${hi - k}`);

class Library {
  readonly items: DigestArticle[] = [];
  /** 25 feeds with one story each: 25 embeds, so 3 messages (10, 10, 5), newest first. */
  addStories(n: number, guildTag = ''): void {
    for (let i = 1; i <= n; i++) {
      this.items.push({
        id: `${guildTag}s${i}`, title: `Story ${i}`, text: 'x', url: `https://x.example/${guildTag}${i}`,
        addedAt: new Date(Date.parse('2024-03-05T05:00:00Z') + i * 60_000).toISOString(), feed: { url: `https://feed${i}.example/rss`, title: `Feed ${i}` },
      });
    }
  }
  async articlesAddedBetween(_guild: string, since: number, until: number): Promise<DigestArticle[]> {
    return this.items.filter((a) => Date.parse(a.addedAt) > since && Date.parse(a.addedAt) <= until);
  }
}

/** A process's view of the store that can die: from `kill()` on, every call hangs for ever. */
function killable(store: DigestsStore): { store: DigestsStore; kill: () => void } {
  let dead = false;
  const wrapped = Object.fromEntries(
    Object.entries(store).map(([name, fn]) => [name, (...args: unknown[]) => (dead ? never() : (fn as (...a: unknown[]) => Promise<unknown>)(...args))]),
  ) as unknown as DigestsStore;
  return { store: wrapped, kill: () => (dead = true) };
}

/** Waits that move a manual clock to the slot (several waiters at once: to the latest of them). */
function clockSleep(clock: ManualClock): (ms: number) => Promise<void> {
  return async (ms) => {
    const target = clock.now().getTime() + ms;
    await Promise.resolve();
    if (clock.now().getTime() < target) clock.set(new Date(target));
  };
}

/** Let promise chains run (real I/O included) until `done`, for at most 5 s. */
async function until(done: () => boolean): Promise<void> {
  const end = Date.now() + 5_000;
  while (!done() && Date.now() < end) await new Promise<void>((r) => setTimeout(r, 2));
  expect(done()).toBe(true);
}

const berlin = { guildId: 'g1', channelId: 'c1', time: '08:00', timezone: 'Europe/Berlin', days: 'daily' as const };

describe.each(BACKENDS)('digest takeover on %s', (backend) => {
  async function twoProcesses() {
    const { stores, target } = await freshStores(backend);
    const other = await storesOn(target);
    await stores.digests.setSchedule(berlin, Date.parse('2024-03-05T05:00:00Z'));
    const library = new Library();
    library.addStories(25);
    const discord = new FakeDiscord();
    const clockA = new ManualClock(new Date(RUN_AT));
    const clockB = new ManualClock(new Date(RUN_AT));
    const a = killable(stores.digests);
    const common = { articles: library, parts, leaseMs: LEASE } satisfies Partial<DigestSchedulerDeps>;
    return { stores, other, library, discord, clockA, clockB, a, common };
  }

  it('GIVEN A dies after posting 1 of 3 messages THEN B takes the run over after the lease and posts only the rest, each article once, with the nonces of their places', async () => {
    const { stores, other, discord, clockA, clockB, a, common } = await twoProcesses();
    // A's second post never gets an answer: the process is gone (store and Discord alike).
    const senderA = discord.sender('a', clockA, { before: (call) => (call === 2 ? (a.kill(), never()) : undefined) });
    const schedA = new DigestScheduler({ ...common, store: a.store, sender: senderA, clock: clockA, instanceId: 'A' });
    void schedA.tick(new Date(RUN_AT));
    await until(() => discord.calls.length === 2);
    expect(await stores.digests.run('g1', DATE)).toMatchObject({ status: 'sending', instanceId: 'A', messageIds: ['a1'], attempts: 1 });
    // The first message's coverage was recorded with it.
    expect((await stores.digests.schedule('g1'))!.coveredIds.length).toBe(10);

    const reports: TickReport[] = [];
    const schedB = new DigestScheduler({ ...common, store: other.digests, sender: discord.sender('b', clockB), clock: clockB, instanceId: 'B', onSent: (r) => reports.push(r) });
    // Within the lease the claim is A's.
    clockB.set(new Date(Date.parse(RUN_AT) + LEASE - 1_000));
    expect(await schedB.tick()).toEqual([]);
    clockB.set(new Date(Date.parse(RUN_AT) + LEASE + 1_000));
    const [report] = await schedB.tick();
    expect(report).toMatchObject({
      guildId: 'g1', localDate: DATE, outcome: 'sent', messageIds: ['a1', 'b1', 'b2'], articleCount: 25,
      scheduledFor: Date.parse(RUN_AT), firstPostAt: Date.parse(RUN_AT) + LEASE + 1_000, latenessMs: LEASE + 1_000,
    });
    expect(reports).toEqual([report]);

    expect(discord.posts.map((p) => [p.id, titles(p.message)])).toEqual([
      ['a1', stories(25, 16)],
      ['b1', stories(15, 6)],
      ['b2', stories(5, 1)],
    ]);
    const all = discord.posts.flatMap((p) => titles(p.message));
    expect(new Set(all).size).toBe(25);
    // The same digest A would have posted: B's first message is the one A was sending, with its nonce.
    expect(discord.calls[1]!.message).toEqual(discord.posts[1]!.message);
    expect(discord.posts.map((p) => p.nonce)).toEqual([0, 1, 2].map((k) => digestNonce('g1', DATE, k)));
    expect(discord.calls[1]!.nonce).toBe(discord.posts[1]!.nonce);
    for (const p of discord.posts) expect(p.nonce!.length).toBeLessThanOrEqual(25);

    expect(await stores.digests.run('g1', DATE)).toMatchObject({ status: 'sent', instanceId: 'B', attempts: 2, messageIds: ['a1', 'b1', 'b2'], articleCount: 25 });
    expect(await stores.digests.schedule('g1')).toMatchObject({ coveredUntil: Date.parse(RUN_AT), coveredIds: [] });
    // Nothing owed later that day, on either side.
    clockB.set(new Date(Date.parse(RUN_AT) + 10 * LEASE));
    expect(await schedB.tick()).toEqual([]);
    expect(discord.posts).toHaveLength(3);
  });

  it('GIVEN A dies between a post Discord accepted and its record THEN B posts that message again with the same nonce, and Discord keeps one', async () => {
    const { stores, other, discord, clockA, clockB, a, common } = await twoProcesses();
    // Message 2 is accepted; A dies before recording it.
    const senderA = discord.sender('a', clockA, { after: (call) => (call === 2 ? a.kill() : undefined) });
    const schedA = new DigestScheduler({ ...common, store: a.store, sender: senderA, clock: clockA, instanceId: 'A' });
    void schedA.tick(new Date(RUN_AT));
    await until(() => discord.posts.length === 2);
    expect((await stores.digests.run('g1', DATE))!.messageIds).toEqual(['a1']);

    clockB.set(new Date(Date.parse(RUN_AT) + LEASE + 1));
    const schedB = new DigestScheduler({ ...common, store: other.digests, sender: discord.sender('b', clockB), clock: clockB, instanceId: 'B' });
    const [report] = await schedB.tick();
    expect(report).toMatchObject({ outcome: 'sent', messageIds: ['a1', 'a2', 'b2'] });

    const bCalls = discord.calls.filter((c) => c.by === 'b');
    const aCalls = discord.calls.filter((c) => c.by === 'a');
    expect(bCalls[0]!.nonce).toBe(aCalls[1]!.nonce);
    expect(bCalls[0]!.message).toEqual(aCalls[1]!.message);
    expect(bCalls.map((c) => c.nonce)).toEqual([digestNonce('g1', DATE, 1), digestNonce('g1', DATE, 2)]);
    expect(discord.posts.map((p) => [p.id, titles(p.message)])).toEqual([
      ['a1', stories(25, 16)],
      ['a2', stories(15, 6)],
      ['b2', stories(5, 1)],
    ]);
    expect(await stores.digests.run('g1', DATE)).toMatchObject({ status: 'sent', messageIds: ['a1', 'a2', 'b2'] });
  });

  it('GIVEN A stalls (not dead) and B takes over THEN A, waking, writes nothing and says so', async () => {
    const { stores, other, discord, clockA, clockB, common } = await twoProcesses();
    let release!: () => void;
    const stalled = new Promise<void>((r) => (release = r));
    const senderA = discord.sender('a', clockA, { before: (call) => (call === 2 ? stalled : undefined) });
    const schedA = new DigestScheduler({ ...common, store: stores.digests, sender: senderA, clock: clockA, instanceId: 'A' });
    const ticking = schedA.tick(new Date(RUN_AT));
    await until(() => discord.calls.length === 2);
    clockB.set(new Date(Date.parse(RUN_AT) + LEASE + 1));
    const schedB = new DigestScheduler({ ...common, store: other.digests, sender: discord.sender('b', clockB), clock: clockB, instanceId: 'B' });
    expect((await schedB.tick())[0]).toMatchObject({ outcome: 'sent', messageIds: ['a1', 'b1', 'b2'] });
    // A's stalled post goes through at last: Discord answers it from the nonce B used; A's record is refused.
    release();
    expect((await ticking)[0]).toMatchObject({ outcome: 'taken-over', messageIds: ['a1', 'b1'] });
    expect(discord.posts.map((p) => p.id)).toEqual(['a1', 'b1', 'b2']);
    expect(await stores.digests.run('g1', DATE)).toMatchObject({ status: 'sent', instanceId: 'B', messageIds: ['a1', 'b1', 'b2'] });
  });

  it('GIVEN a scheduler stopped while a digest waits for its paced slot THEN it hands the claim back at once and the next one posts the rest', async () => {
    const { stores, other, discord, clockA, clockB, common } = await twoProcesses();
    // One post a second: the second message waits a real second for its slot, unless stopped.
    const schedA = new DigestScheduler({
      ...common, store: stores.digests, sender: discord.sender('a', clockA), clock: clockA, instanceId: 'A', pacing: { store: stores.pacing, postsPerSecond: 1 },
    });
    const ticking = schedA.tick(new Date(RUN_AT));
    await until(() => discord.posts.length === 1);
    const stoppedAt = Date.now();
    schedA.stop();
    const [report] = await ticking;
    expect(Date.now() - stoppedAt).toBeLessThan(500);
    expect(report).toMatchObject({ outcome: 'handed-back', messageIds: ['a1'], firstPostAt: Date.parse(RUN_AT), latenessMs: 0 });
    expect(await stores.digests.run('g1', DATE)).toMatchObject({ status: 'sending', instanceId: 'A', claimedAt: Date.parse(RUN_AT) - LEASE - 1, messageIds: ['a1'] });
    // No lease to wait for: the next scheduler takes it over at the same instant.
    const schedB = new DigestScheduler({ ...common, store: other.digests, sender: discord.sender('b', clockB), clock: clockB, instanceId: 'B' });
    expect((await schedB.tick())[0]).toMatchObject({ outcome: 'sent', messageIds: ['a1', 'b1', 'b2'] });
    expect(discord.posts.map((p) => titles(p.message))).toEqual([stories(25, 16), stories(15, 6), stories(5, 1)]);
    // A tick called by hand after stop() runs as usual (nothing is owed now).
    expect(await schedA.tick(new Date(RUN_AT))).toEqual([]);
  });

  it('GIVEN stop() comes while the next paced slot is being reserved THEN no wait follows: the claim goes back at once', async () => {
    const { stores, discord, clockA, common } = await twoProcesses();
    // The second reservation answers only after stop(): the slot it returns is a second away.
    let reserving!: () => void;
    const reserved = new Promise<void>((r) => (reserving = r));
    let answer!: () => void;
    const answered = new Promise<void>((r) => (answer = r));
    let calls = 0;
    const pacing: PacingStore = {
      reserve: async (key, now, interval) => {
        const slot = await stores.pacing.reserve(key, now, interval);
        if (++calls === 2) {
          reserving();
          await answered;
        }
        return slot;
      },
    };
    const schedA = new DigestScheduler({
      ...common, store: stores.digests, sender: discord.sender('a', clockA), clock: clockA, instanceId: 'A', pacing: { store: pacing, postsPerSecond: 1 },
    });
    const ticking = schedA.tick(new Date(RUN_AT));
    await reserved;
    const stoppedAt = Date.now();
    schedA.stop();
    answer();
    const [report] = await ticking;
    expect(Date.now() - stoppedAt).toBeLessThan(500);
    expect(report).toMatchObject({ outcome: 'handed-back', messageIds: ['a1'] });
    expect(discord.posts.map((p) => p.id)).toEqual(['a1']);
  });

  it('GIVEN two schedulers with different shards over servers with real ids THEN each sends exactly its servers, once', async () => {
    const { stores, target } = await freshStores(backend);
    const other = await storesOn(target);
    const discordEpoch = Date.UTC(2015, 0, 1);
    const guilds = Array.from({ length: 10 }, (_, i) => ((BigInt(Date.UTC(2023, 5, 1) - discordEpoch + i * 104_729) << 22n) | BigInt(i * 977)).toString());
    for (const g of guilds) await stores.digests.setSchedule({ ...berlin, guildId: g, channelId: `c-${g}` }, Date.parse('2024-03-05T05:00:00Z'));
    const library = new Library();
    library.addStories(2);
    const discord = new FakeDiscord();
    const clock = new ManualClock(new Date(RUN_AT));
    const shard = (ids: number[]): ShardFilter => ({ count: 2, ids });
    const errors: unknown[] = [];
    const onError = (err: unknown) => errors.push(err);
    const a = new DigestScheduler({ store: stores.digests, sender: discord.sender('a', clock), articles: library, parts, clock, shards: shard([0]), onError });
    const b = new DigestScheduler({ store: other.digests, sender: discord.sender('b', clock), articles: library, parts, clock, shards: shard([1]), onError });
    const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
    expect(errors).toEqual([]);
    const mine = (s: number) => guilds.filter((g) => shardOf(g, 2) === s).sort();
    expect(mine(0).length).toBeGreaterThan(0);
    expect(mine(1).length).toBeGreaterThan(0);
    expect(ra!.map((r) => [r.guildId, r.outcome])).toEqual(mine(0).map((g) => [g, 'sent']));
    expect(rb!.map((r) => [r.guildId, r.outcome])).toEqual(mine(1).map((g) => [g, 'sent']));
    expect(discord.posts.filter((p) => p.by === 'a').map((p) => p.channelId.slice(2)).sort()).toEqual(mine(0));
    expect(discord.posts.filter((p) => p.by === 'b').map((p) => p.channelId.slice(2)).sort()).toEqual(mine(1));
    expect(discord.posts).toHaveLength(guilds.length);
  });

  it('GIVEN digests due together THEN they take paced slots 1000/rate ms apart in due order, and each report and the tick say how late they went out', async () => {
    const { stores } = await freshStores(backend);
    // Due instants 06:00, 06:30, 07:00 UTC: London 06:00, Helsinki 08:30, Berlin 08:00 (all winter time).
    const zones = [
      { guildId: 'g-berlin', channelId: 'c-berlin', time: '08:00', timezone: 'Europe/Berlin', days: 'daily' as const },
      { guildId: 'g-london', channelId: 'c-london', time: '06:00', timezone: 'Europe/London', days: 'daily' as const },
      { guildId: 'g-helsinki', channelId: 'c-helsinki', time: '08:30', timezone: 'Europe/Helsinki', days: 'daily' as const },
    ];
    for (const z of zones) await stores.digests.setSchedule(z, Date.parse('2024-03-05T05:00:00Z'));
    const library = new Library();
    library.addStories(25);
    const discord = new FakeDiscord();
    const tickAt = Date.parse('2024-03-05T07:00:10Z');
    const clock = new ManualClock(new Date(tickAt));
    const slots: number[] = [];
    const pacing: PacingStore = {
      reserve: async (key, now, interval) => {
        expect(key).toBe(SCHEDULED_POSTS_KEY);
        const slot = await stores.pacing.reserve(key, now, interval);
        slots.push(slot);
        return slot;
      },
    };
    const sent: TickReport[] = [];
    const ticks: TickSummary[] = [];
    const scheduler = new DigestScheduler({
      store: stores.digests, sender: discord.sender('a', clock), articles: library, parts, clock, concurrency: 1,
      pacing: { store: pacing, postsPerSecond: 40 }, sleep: clockSleep(clock), onSent: (r) => sent.push(r), onTick: (s) => ticks.push(s),
    });
    const reports = await scheduler.tick();
    expect(reports.map((r) => r.guildId)).toEqual(['g-london', 'g-helsinki', 'g-berlin']);
    expect(slots).toEqual(Array.from({ length: 9 }, (_, k) => tickAt + 25 * k));
    expect(discord.posts.map((p) => p.at)).toEqual(slots);
    expect(discord.posts.map((p) => p.channelId)).toEqual(['london', 'helsinki', 'berlin'].flatMap((c) => [`c-${c}`, `c-${c}`, `c-${c}`]));
    const due = { 'g-london': Date.parse('2024-03-05T06:00:00Z'), 'g-helsinki': Date.parse('2024-03-05T06:30:00Z'), 'g-berlin': Date.parse('2024-03-05T07:00:00Z') };
    expect(reports.map((r) => [r.outcome, r.firstPostAt, r.latenessMs])).toEqual([
      ['sent', tickAt, tickAt - due['g-london']],
      ['sent', tickAt + 75, tickAt + 75 - due['g-helsinki']],
      ['sent', tickAt + 150, tickAt + 150 - due['g-berlin']],
    ]);
    expect(sent).toEqual(reports);
    expect(ticks).toEqual([{ due: 3, sent: 3, failed: 0, posted: 3, lastLatenessMs: 10_150, maxLatenessMs: tickAt - due['g-london'] }]);
  });

  it('GIVEN several digests at once (the default concurrency) THEN every slot is still 1000/rate apart and each server is sent once', async () => {
    const { stores } = await freshStores(backend);
    const guilds = Array.from({ length: 7 }, (_, i) => `g${i}`);
    for (const g of guilds) await stores.digests.setSchedule({ ...berlin, guildId: g, channelId: `c-${g}` }, Date.parse('2024-03-05T05:00:00Z'));
    const library = new Library();
    library.addStories(12);
    const discord = new FakeDiscord();
    const clock = new ManualClock(new Date(RUN_AT));
    const slots: number[] = [];
    const pacing: PacingStore = { reserve: async (k, n, i) => { const s = await stores.pacing.reserve(k, n, i); slots.push(s); return s; } };
    const scheduler = new DigestScheduler({ store: stores.digests, sender: discord.sender('a', clock), articles: library, parts, clock, pacing: { store: pacing, postsPerSecond: 20 }, sleep: clockSleep(clock) });
    const reports = await scheduler.tick();
    expect(reports.map((r) => r.outcome)).toEqual(guilds.map(() => 'sent'));
    // 12 feeds: two messages a digest. Reservations made at once come back in any order: their set is the sequence.
    expect([...slots].sort((x, y) => x - y)).toEqual(Array.from({ length: 14 }, (_, k) => Date.parse(RUN_AT) + 50 * k));
    expect([...new Set(discord.posts.map((p) => p.channelId))].sort()).toEqual(guilds.map((g) => `c-${g}`));
    expect(discord.posts).toHaveLength(14);
  });

  it('GIVEN a started scheduler and a claim left by a dead process THEN its timer wakes just after the lease and takes the run over, reading only the stale runs', async () => {
    const { stores, other } = await freshStores(backend).then(async (f) => ({ ...f, other: await storesOn(f.target) }));
    await stores.digests.setSchedule(berlin, Date.parse('2024-03-05T05:00:00Z'));
    const library = new Library();
    library.addStories(25);
    const discord = new FakeDiscord();
    // Real time, shifted to the morning of the digest: the timer's waits are real.
    const offset = Date.parse(RUN_AT) - Date.now();
    const clock: Clock = { now: () => new Date(Date.now() + offset) };
    const lease = 400;
    const a = killable(stores.digests);
    const schedA = new DigestScheduler({
      store: a.store, sender: discord.sender('a', clock, { before: (call) => (call === 2 ? (a.kill(), never()) : undefined) }),
      articles: library, parts, clock, instanceId: 'A', leaseMs: lease,
    });
    void schedA.tick();
    await until(() => discord.calls.length === 2);
    const diedAt = Date.now();

    let scheduleReads = 0;
    const counted: DigestsStore = { ...other.digests, enabledSchedules: (s) => (scheduleReads++, other.digests.enabledSchedules(s)) };
    const sent: TickReport[] = [];
    const schedB = new DigestScheduler({ store: counted, sender: discord.sender('b', clock), articles: library, parts, clock, instanceId: 'B', leaseMs: lease, onSent: (r) => sent.push(r) });
    schedB.start();
    try {
      await until(() => sent.length === 1);
      const tookMs = Date.now() - diedAt;
      expect(tookMs).toBeLessThan(lease + 1_000);
      expect(sent[0]).toMatchObject({ outcome: 'sent', messageIds: ['a1', 'b1', 'b2'] });
      // The start's tick and its planning read the schedules; the wake for the stale claim did not.
      expect(scheduleReads).toBe(2);
      expect(discord.posts.flatMap((p) => titles(p.message))).toEqual(stories(25, 1));
    } finally {
      schedB.stop();
      await schedB.idle();
    }
  });

  describe('a claim that goes stale while a long paced tick sends', () => {
    /** Real time shifted to the morning of the digest: leases, checks and paced waits are real. */
    const LEASE_MS = 800;
    const PACE = 25;
    const others = Array.from({ length: 20 }, (_, i) => `g${String(i).padStart(2, '0')}`);

    async function setUp(schedules: ReadonlyArray<{ guildId: string; time: string; timezone: string }>) {
      const { stores, target } = await freshStores(backend);
      const other = await storesOn(target);
      for (const s of schedules) await stores.digests.setSchedule({ ...s, channelId: `c-${s.guildId}`, days: 'daily' }, Date.parse('2024-03-05T05:00:00Z'));
      const library = new Library();
      library.addStories(25);
      const discord = new FakeDiscord();
      const offset = Date.parse(RUN_AT) - Date.now();
      const clock: Clock = { now: () => new Date(Date.now() + offset) };
      // B's claims, by server: the takeover must be claimed exactly once.
      const claims = new Map<string, number>();
      const counted: DigestsStore = { ...other.digests, claimRun: (r, max, lease) => (claims.set(r.guildId, (claims.get(r.guildId) ?? 0) + 1), other.digests.claimRun(r, max, lease)) };
      return { stores, other, library, discord, clock, claims, counted };
    }

    /** A claims g-dead (first in due order), posts its first message and dies on its second. */
    async function deadClaim(stores: Awaited<ReturnType<typeof setUp>>) {
      const { discord, clock, library } = stores;
      const a = killable(stores.stores.digests);
      const schedA = new DigestScheduler({
        store: a.store, sender: discord.sender('a', clock, { before: (call) => (call === 2 ? (a.kill(), never()) : undefined) }),
        articles: library, parts, clock, instanceId: 'A', leaseMs: LEASE_MS, concurrency: 1,
      });
      void schedA.tick();
      await until(() => discord.calls.length === 2);
      const run = (await stores.stores.digests.run('g-dead', DATE))!;
      expect(run).toMatchObject({ status: 'sending', instanceId: 'A', messageIds: ['a1'] });
      return run;
    }

    it('GIVEN a gateway dies holding a digest just as another begins a paced tick of 20 digests (63 posts at 25 a second) THEN that tick takes the run over within a lease of its going stale and before its own end, each digest exactly once', async () => {
      const setup = await setUp([{ guildId: 'g-dead', time: '08:00', timezone: 'Europe/Berlin' }, ...others.map((g) => ({ guildId: g, time: '08:00', timezone: 'Europe/Berlin' }))]);
      const { stores, discord, clock, claims, counted, library } = setup;
      const dead = await deadClaim(setup);
      const staleAt = dead.claimedAt + LEASE_MS;

      const sent: TickReport[] = [];
      const schedB = new DigestScheduler({
        store: counted, sender: discord.sender('b', clock), articles: library, parts, clock, instanceId: 'B', leaseMs: LEASE_MS,
        pacing: { store: stores.pacing, postsPerSecond: PACE }, onSent: (r) => sent.push(r),
      });
      // B's tick begins while A's claim is live: g-dead is not due to B then.
      expect(clock.now().getTime()).toBeLessThan(staleAt);
      const reports = await schedB.tick();
      const tickEnd = clock.now().getTime();

      // Every digest of the tick, and the one taken over, sent once by B.
      expect(reports.map((r) => r.outcome)).toEqual(reports.map(() => 'sent'));
      expect(reports.map((r) => r.guildId).sort()).toEqual(['g-dead', ...others]);
      // onSent in the order digests finished; the reports in the order they began.
      const byGuild = (rs: readonly TickReport[]) => [...rs].sort((x, y) => (x.guildId < y.guildId ? -1 : 1));
      expect(byGuild(sent)).toEqual(byGuild(reports));
      // The tick's own digests kept their due order; the taken-over one was put among them, not after them.
      const order = reports.map((r) => r.guildId);
      expect(order.filter((g) => g !== 'g-dead')).toEqual(others);
      expect(order.indexOf('g-dead')).toBeLessThan(order.length - 1);
      const takeover = reports.find((r) => r.guildId === 'g-dead')!;
      expect(takeover).toMatchObject({ messageIds: ['a1', expect.stringMatching(/^b/), expect.stringMatching(/^b/)], articleCount: 25 });
      // Posted within about a lease of the claim going stale (a third of a lease to notice, then a free lane and a paced slot), and well before the tick ended.
      expect(takeover.firstPostAt!).toBeGreaterThan(staleAt);
      expect(takeover.firstPostAt! - staleAt).toBeLessThan(LEASE_MS);
      const deadPosts = discord.posts.filter((p) => p.channelId === 'c-g-dead' && p.by === 'b');
      expect(deadPosts).toHaveLength(2);
      // The tick still had digests to post when the taken-over one was done (at least 10 posts of its 63).
      const takeoverDone = Math.max(...deadPosts.map((p) => p.at));
      expect(discord.posts.filter((p) => p.at > takeoverDone).length).toBeGreaterThanOrEqual(10);
      expect(tickEnd).toBeGreaterThanOrEqual(Math.max(...discord.posts.map((p) => p.at)));

      // Each server's channel: the three messages of its digest, every story once.
      for (const g of ['g-dead', ...others]) {
        const posts = discord.posts.filter((p) => p.channelId === `c-${g}`);
        expect(posts.flatMap((p) => titles(p.message))).toEqual(stories(25, 1));
        expect(posts.map((p) => p.nonce)).toEqual([0, 1, 2].map((k) => digestNonce(g, DATE, k)));
      }
      expect(discord.posts).toHaveLength(3 * (others.length + 1));
      // B claimed each server once: the checks mid-tick did not claim g-dead twice.
      expect([...claims.entries()].sort()).toEqual(['g-dead', ...others].map((g) => [g, 1]));
      const deadNonces = [0, 1, 2].map((k) => digestNonce('g-dead', DATE, k));
      expect(discord.calls.filter((c) => c.by === 'b' && deadNonces.includes(c.nonce!)).map((c) => c.nonce)).toEqual(deadNonces.slice(1));
      expect(await stores.digests.run('g-dead', DATE)).toMatchObject({ status: 'sent', instanceId: 'B', attempts: 2, messageIds: takeover.messageIds });
    });

    it('GIVEN a claim already stale when the tick begins, due after the tick\'s other digests THEN it is sent in its due place, claimed once though every check mid-tick sees it stale until then', async () => {
      // The others are due at 06:00 UTC (London), g-dead at 07:00 UTC (Berlin 08:00): due order puts it last.
      const setup = await setUp([{ guildId: 'g-dead', time: '08:00', timezone: 'Europe/Berlin' }, ...others.slice(0, 8).map((g) => ({ guildId: g, time: '06:00', timezone: 'Europe/London' }))]);
      const { stores, discord, clock, claims, counted, library } = setup;
      // A ticks only g-dead (its shard): a filter keeping g-dead alone.
      const a = killable(stores.digests);
      const schedA = new DigestScheduler({
        store: { ...a.store, enabledSchedules: async (s) => (await a.store.enabledSchedules(s)).filter((x) => x.guildId === 'g-dead') },
        sender: discord.sender('a', clock, { before: (call) => (call === 2 ? (a.kill(), never()) : undefined) }),
        articles: library, parts, clock, instanceId: 'A', leaseMs: LEASE_MS,
      });
      void schedA.tick();
      await until(() => discord.calls.length === 2);
      const dead = (await stores.digests.run('g-dead', DATE))!;
      // Stale before B begins.
      await new Promise<void>((r) => setTimeout(r, dead.claimedAt + LEASE_MS + 20 - clock.now().getTime()));

      let staleReads = 0;
      const watched: DigestsStore = { ...counted, staleRuns: (...args) => (staleReads++, counted.staleRuns(...args)) };
      // One digest at a time at 25 posts a second: 8 digests of 3 messages before g-dead, about a second.
      const schedB = new DigestScheduler({
        store: watched, sender: discord.sender('b', clock), articles: library, parts, clock, instanceId: 'B', leaseMs: LEASE_MS, concurrency: 1,
        pacing: { store: stores.pacing, postsPerSecond: PACE },
      });
      const reports = await schedB.tick();
      expect(reports.map((r) => [r.guildId, r.outcome])).toEqual([...others.slice(0, 8), 'g-dead'].map((g) => [g, 'sent']));
      // The checks ran while g-dead waited its turn (stale all along), and none claimed it ahead of its place or twice.
      expect(staleReads).toBeGreaterThan(2);
      expect([...claims.entries()].sort()).toEqual(['g-dead', ...others.slice(0, 8)].map((g) => [g, 1]));
      expect(reports.at(-1)).toMatchObject({ messageIds: ['a1', expect.stringMatching(/^b/), expect.stringMatching(/^b/)] });
      expect(discord.posts.filter((p) => p.channelId === 'c-g-dead').flatMap((p) => titles(p.message))).toEqual(stories(25, 1));
      expect(await stores.digests.run('g-dead', DATE)).toMatchObject({ status: 'sent', instanceId: 'B', attempts: 2 });
    });
  });
});
