import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/digest/clock';
import type { DigestArticle, DigestMessage, DigestParts } from '../../src/digest/compose';
import { DIGEST_RULES, DigestScheduler, partialCoverage, type ChannelCheck, type DigestSender } from '../../src/digest/scheduler';
import { composeDigest } from '../../src/digest/compose';
import { openStores } from '../../src/store/open';
import type { DigestsStore, Stores } from '../../src/store/ports';

const parts: DigestParts = { summaryOf: (a) => [`Summary of ${a.title}.`], topQuoteOf: () => undefined };

class RecordingSender implements DigestSender {
  readonly posts: Array<{ channelId: string; message: DigestMessage }> = [];
  check: ChannelCheck = { ok: true };
  failNext = 0;
  /** 1-based numbers of send calls that fail (counting every call, failed ones too). */
  readonly failCalls = new Set<number>();
  calls = 0;
  async checkChannel(): Promise<ChannelCheck> {
    return this.check;
  }
  async send(channelId: string, message: DigestMessage): Promise<string> {
    this.calls++;
    if (this.failCalls.has(this.calls)) throw Object.assign(new Error('Internal Server Error'), { status: 500 });
    if (this.failNext > 0) {
      this.failNext--;
      throw Object.assign(new Error('Service Unavailable'), { status: 503 });
    }
    this.posts.push({ channelId, message });
    return `m${this.posts.length}`;
  }
}

class Library {
  readonly items: DigestArticle[] = [];
  add(title: string, at: string): void {
    this.items.push({ id: title, title, text: 'x', url: `https://x.example/${encodeURIComponent(title)}`, addedAt: new Date(at).toISOString() });
  }
  addFromFeed(title: string, at: string, feed: string): void {
    this.items.push({ id: title, title, text: 'x', url: `https://x.example/${encodeURIComponent(title)}`, addedAt: new Date(at).toISOString(), feed: { url: `https://${feed}.example/rss`, title: feed } });
  }
  async articlesAddedBetween(_guild: string, since: number, until: number): Promise<DigestArticle[]> {
    return this.items.filter((a) => Date.parse(a.addedAt) > since && Date.parse(a.addedAt) <= until);
  }
}

let dir: string;
let dbPath: string;
let dbs: Stores[];
let clock: ManualClock;
let sender: RecordingSender;
let library: Library;

async function open(): Promise<{ store: DigestsStore; scheduler: DigestScheduler }> {
  const db = await openStores({ kind: 'sqlite', path: dbPath });
  dbs.push(db);
  const store = db.digests;
  return { store, scheduler: new DigestScheduler({ store, sender, articles: library, parts, clock }) };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lede-digest-'));
  dbPath = join(dir, 'lede.db');
  dbs = [];
  sender = new RecordingSender();
  library = new Library();
});
afterEach(async () => {
  for (const db of dbs) await db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Let promise chains run (setImmediate is never faked here) until `done` or 50 turns. */
async function settle(done: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) await new Promise<void>((r) => setImmediate(r));
}

const berlin = { guildId: 'g1', channelId: 'c1', time: '08:00', timezone: 'Europe/Berlin', days: 'daily' as const };

describe('DigestScheduler', () => {
  it.each([
    ['March (CEST begins)', '2024-03-30T12:00:00Z', '2024-03-31T05:59:59Z', '2024-03-31T06:00:00Z'],
    ['October (CET begins)', '2024-10-26T12:00:00Z', '2024-10-27T06:59:59Z', '2024-10-27T07:00:00Z'],
  ])('GIVEN 08:00 Europe/Berlin across the %s DST change THEN it posts at the right UTC instant, once', async (_l, setAt, before, at) => {
    clock = new ManualClock(new Date(setAt));
    const { store, scheduler } = await open();
    await store.setSchedule(berlin, clock.now().getTime());
    library.add('Harbour news', setAt);
    expect(await scheduler.tick(new Date(before))).toEqual([]);
    expect((await scheduler.nextWakeAt(new Date(before)))?.toISOString()).toBe(new Date(at).toISOString());
    const [report] = await scheduler.tick(new Date(at));
    expect(report).toMatchObject({ guildId: 'g1', outcome: 'sent', articleCount: 1, messageIds: ['m1'] });
    expect(sender.posts).toHaveLength(1);
    expect(await scheduler.tick(new Date(Date.parse(at) + 60_000))).toEqual([]);
    expect(sender.posts).toHaveLength(1);
  });

  it('GIVEN a restart after sending THEN it does not send again that day', async () => {
    clock = new ManualClock(new Date('2024-03-05T06:00:00Z'));
    const first = await open();
    await first.store.setSchedule(berlin, clock.now().getTime());
    library.add('Story', '2024-03-05T06:30:00Z');
    expect((await first.scheduler.tick(new Date('2024-03-05T07:00:00Z')))[0]!.outcome).toBe('sent');
    await dbs[0]!.close();
    dbs = [];
    const second = await open();
    expect(await second.scheduler.tick(new Date('2024-03-05T07:05:00Z'))).toEqual([]);
    expect(await second.scheduler.tick(new Date('2024-03-05T22:59:00Z'))).toEqual([]);
    expect(sender.posts).toHaveLength(1);
    expect(await second.store.run('g1', '2024-03-05')).toMatchObject({ status: 'sent', articleCount: 1, messageIds: ['m1'] });
  });

  it('GIVEN the bot was down at the hour and restarts the same local day THEN it sends once on start; the next day it does not catch up', async () => {
    clock = new ManualClock(new Date('2024-03-05T05:00:00Z'));
    const first = await open();
    await first.store.setSchedule(berlin, clock.now().getTime());
    expect(await first.scheduler.tick(new Date('2024-03-05T06:59:00Z'))).toEqual([]);
    library.add('Story', '2024-03-05T06:00:00Z');
    // Down from 07:59 Berlin to 10:30 Berlin.
    const second = await open();
    const reports = await second.scheduler.tick(new Date('2024-03-05T09:30:00Z'));
    expect(reports.map((r) => r.outcome)).toEqual(['sent']);
    expect(await second.scheduler.tick(new Date('2024-03-05T09:31:00Z'))).toEqual([]);
    expect(sender.posts).toHaveLength(1);
    // Down through all of 6 March (Berlin): on 7 March at 00:30 Berlin nothing is owed for the 6th.
    library.add('Later story', '2024-03-06T10:00:00Z');
    expect(await second.scheduler.tick(new Date('2024-03-06T23:30:00Z'))).toEqual([]);
    expect(sender.posts).toHaveLength(1);
  });

  it('GIVEN two instances started by mistake on one database THEN exactly one posts', async () => {
    clock = new ManualClock(new Date('2024-03-05T05:00:00Z'));
    const a = await open();
    const b = await open();
    await a.store.setSchedule(berlin, clock.now().getTime());
    library.add('Story', '2024-03-05T06:00:00Z');
    const at = new Date('2024-03-05T07:00:00Z');
    const [ra, rb] = await Promise.all([a.scheduler.tick(at), b.scheduler.tick(at)]);
    const outcomes = [...ra!, ...rb!].map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['already-claimed', 'sent']);
    expect(sender.posts).toHaveLength(1);
  });

  it('GIVEN no permission in the channel THEN nothing is posted, the reason is recorded, and it goes out once fixed the same day', async () => {
    clock = new ManualClock(new Date('2024-03-05T05:00:00Z'));
    const { store, scheduler } = await open();
    await store.setSchedule(berlin, clock.now().getTime());
    library.add('Story', '2024-03-05T06:00:00Z');
    sender.check = { ok: false, code: 'MISSING_PERMISSIONS', missing: ['EmbedLinks', 'SendMessages'] };
    const [r] = await scheduler.tick(new Date('2024-03-05T07:00:00Z'));
    expect(r).toEqual({ guildId: 'g1', localDate: '2024-03-05', outcome: 'blocked', reason: 'MISSING_PERMISSIONS: EmbedLinks, SendMessages' });
    expect(sender.posts).toEqual([]);
    expect(await store.schedule('g1')).toMatchObject({ blockedReason: 'MISSING_PERMISSIONS', blockedDetail: 'EmbedLinks, SendMessages', blockedAt: Date.parse('2024-03-05T07:00:00Z') });
    expect(await store.run('g1', '2024-03-05')).toBeUndefined();
    sender.check = { ok: true };
    // The admin fixes it by pointing the digest at another channel: today's digest is still owed.
    await store.setSchedule({ ...berlin, channelId: 'c2' }, Date.parse('2024-03-05T07:00:30Z'));
    const [again] = await scheduler.tick(new Date('2024-03-05T07:01:00Z'));
    expect(again!.outcome).toBe('sent');
    expect(sender.posts.map((p) => p.channelId)).toEqual(['c2']);
    expect((await store.schedule('g1'))!.blockedReason).toBeUndefined();
  });

  it('GIVEN nothing new THEN nothing is posted and the day is recorded as empty', async () => {
    clock = new ManualClock(new Date('2024-03-05T05:00:00Z'));
    const { store, scheduler } = await open();
    await store.setSchedule(berlin, clock.now().getTime());
    const [r] = await scheduler.tick(new Date('2024-03-05T07:00:00Z'));
    expect(r!.outcome).toBe('empty');
    expect(sender.posts).toEqual([]);
    // An article arriving after the empty run waits for tomorrow.
    library.add('Late', '2024-03-05T08:00:00Z');
    expect(await scheduler.tick(new Date('2024-03-05T09:00:00Z'))).toEqual([]);
    const [next] = await scheduler.tick(new Date('2024-03-06T07:00:00Z'));
    expect(next).toMatchObject({ outcome: 'sent', articleCount: 1 });
  });

  it('GIVEN a schedule set after today\'s time THEN today is not owed', async () => {
    clock = new ManualClock(new Date('2024-03-05T09:00:00Z'));
    const { store, scheduler } = await open();
    await store.setSchedule(berlin, clock.now().getTime());
    library.add('Story', '2024-03-05T08:00:00Z');
    expect(await scheduler.tick(new Date('2024-03-05T09:00:01Z'))).toEqual([]);
    expect((await scheduler.status('g1', new Date('2024-03-05T09:00:01Z'))).nextRunAt?.toISOString()).toBe('2024-03-06T07:00:00.000Z');
  });

  it('each digest covers what was added since the previous one; weekdays skip the weekend', async () => {
    clock = new ManualClock(new Date('2024-03-07T05:00:00Z'));
    const { store, scheduler } = await open();
    await store.setSchedule({ ...berlin, days: 'weekdays' }, clock.now().getTime());
    library.add('Thursday story', '2024-03-07T06:00:00Z');
    await scheduler.tick(new Date('2024-03-07T07:00:00Z'));
    library.add('Friday story', '2024-03-08T06:00:00Z');
    await scheduler.tick(new Date('2024-03-08T07:00:00Z'));
    library.add('Weekend story', '2024-03-09T12:00:00Z');
    expect(await scheduler.tick(new Date('2024-03-09T07:00:00Z'))).toEqual([]);
    expect(await scheduler.tick(new Date('2024-03-10T07:00:00Z'))).toEqual([]);
    await scheduler.tick(new Date('2024-03-11T07:00:00Z'));
    const shown = sender.posts.map((p) => p.message.embeds.map((e) => e.description.match(/\[([^\]]+)\]/)![1]).join('|'));
    expect(shown).toEqual(['Thursday story', 'Friday story', 'Weekend story']);
  });

  it('GIVEN a send that fails before anything was posted THEN it is retried on the next tick; never more than the attempt limit', async () => {
    clock = new ManualClock(new Date('2024-03-05T05:00:00Z'));
    const { store, scheduler } = await open();
    await store.setSchedule(berlin, clock.now().getTime());
    library.add('Story', '2024-03-05T06:00:00Z');
    sender.failNext = 5;
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) outcomes.push(...(await scheduler.tick(new Date(Date.parse('2024-03-05T07:00:00Z') + i * 60_000))).map((r) => r.outcome));
    expect(outcomes).toEqual(['failed', 'failed', 'failed']);
    expect(await store.run('g1', '2024-03-05')).toMatchObject({ status: 'failed', attempts: 3, reason: 'HTTP_503: Service Unavailable' });
    expect(sender.posts).toEqual([]);
  });

  it('preview shows what would be sent now without recording anything', async () => {
    clock = new ManualClock(new Date('2024-03-05T05:00:00Z'));
    const { store, scheduler } = await open();
    expect(await scheduler.preview('g1')).toBeUndefined();
    library.add('Story', '2024-03-05T04:00:00Z');
    const d = (await scheduler.preview('g1'))!;
    expect(d.articleCount).toBe(1);
    expect(d.heading).toBe('Daily digest · Tuesday, 5 March 2024');
    expect(await store.lastRun('g1')).toBeUndefined();
    expect(sender.posts).toEqual([]);
  });

  it('GIVEN a sender that fails on message 2 of 3 THEN what was posted is never posted again and the unposted articles come in the next digest', async () => {
    clock = new ManualClock(new Date('2024-03-05T05:00:00Z'));
    const { store, scheduler } = await open();
    await store.setSchedule(berlin, clock.now().getTime());
    // 25 feeds with one story each: 25 embeds, so 3 messages (10, 10, 5), newest feed first.
    for (let i = 1; i <= 25; i++) library.addFromFeed(`Story ${i}`, `2024-03-05T05:${String(i).padStart(2, '0')}:00Z`, `feed${i}`);
    const titles = (from: number) => sender.posts.slice(from).flatMap((p) => p.message.embeds.map((e) => e.description.match(/\[([^\]]+)\]/)![1]!));
    const range = (hi: number, lo: number) => Array.from({ length: hi - lo + 1 }, (_, k) => `Story ${hi - k}`);
    sender.failCalls.add(2);

    const [day1] = await scheduler.tick(new Date('2024-03-05T07:00:00Z'));
    expect(day1).toMatchObject({ outcome: 'failed', messageIds: ['m1'], articleCount: 25, reason: 'HTTP_500: Internal Server Error' });
    expect(titles(0)).toEqual(range(25, 16));
    expect(await store.schedule('g1')).toMatchObject({ coveredUntil: Date.parse('2024-03-05T05:01:00Z') - 1, coveredIds: range(25, 16).reverse() });
    // Not retried the same day: a message went out.
    expect(await scheduler.tick(new Date('2024-03-05T07:30:00Z'))).toEqual([]);
    expect((await scheduler.status('g1', new Date('2024-03-05T07:30:00Z'))).pendingArticles).toBe(15);

    library.add('Next day story', '2024-03-06T06:00:00Z');
    const [day2] = await scheduler.tick(new Date('2024-03-06T07:00:00Z'));
    expect(day2).toMatchObject({ outcome: 'sent', articleCount: 16 });
    expect(titles(1).sort()).toEqual([...range(15, 1), 'Next day story'].sort());
    expect(await store.schedule('g1')).toMatchObject({ coveredUntil: Date.parse('2024-03-06T07:00:00Z'), coveredIds: [] });

    expect(await scheduler.tick(new Date('2024-03-07T07:00:00Z'))).toMatchObject([{ outcome: 'empty' }]);
    const all = titles(0);
    expect(all.length).toBe(26);
    expect(new Set(all).size).toBe(26); // nothing posted twice, nothing lost
  });

  it('GIVEN the store fails while the timer plans its next wake THEN the error is reported and the timer still re-checks after maxSleepMs', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      clock = new ManualClock(new Date('2024-03-05T05:00:00Z'));
      const { store } = await open();
      let calls = 0;
      const failing: DigestsStore = {
        ...store,
        enabledSchedules: async () => {
          calls++;
          if (calls === 2) throw new Error('connection lost');
          return store.enabledSchedules();
        },
      };
      const errors: Array<[string, string]> = [];
      const scheduler = new DigestScheduler({ store: failing, sender, articles: library, parts, clock, onError: (err, at) => errors.push([at.stage, (err as Error).message]) });
      scheduler.start();
      await settle(() => errors.length > 0);
      // Call 1 is the tick, call 2 the planning that failed.
      expect(errors).toEqual([['loop', 'connection lost']]);
      expect(calls).toBe(2);
      await vi.advanceTimersByTimeAsync(DIGEST_RULES.maxSleepMs - 1);
      expect(calls).toBe(2);
      await vi.advanceTimersByTimeAsync(1);
      await settle(() => calls === 4);
      expect(calls).toBe(4);
      scheduler.stop();
      await scheduler.idle();
    } finally {
      vi.useRealTimers();
    }
  });

  it('idle() after stop() waits for the store read that plans the next wake', async () => {
    clock = new ManualClock(new Date('2024-03-05T05:00:00Z'));
    const { store } = await open();
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: DigestsStore = {
      ...store,
      enabledSchedules: async () => {
        calls++;
        if (calls === 2) await gate;
        return store.enabledSchedules();
      },
    };
    const scheduler = new DigestScheduler({ store: slow, sender, articles: library, parts, clock });
    scheduler.start();
    await settle(() => calls === 2);
    scheduler.stop();
    let idle = false;
    const idled = scheduler.idle().then(() => (idle = true));
    await settle(() => idle);
    expect(idle).toBe(false);
    release();
    await idled;
    expect(calls).toBe(2);
  });

  it('partialCoverage: posted articles are not a span of time (grouped by feed); coverage stops before the earliest unposted one', () => {
    const at = (m: number) => `2024-03-05T05:0${m}:00.000Z`;
    const all: DigestArticle[] = [
      { id: 'a', title: 'a', text: 'x', addedAt: at(1), feed: { url: 'https://f1.example/', title: 'F1' } },
      { id: 'b', title: 'b', text: 'x', addedAt: at(2), feed: { url: 'https://f2.example/', title: 'F2' } },
      { id: 'c', title: 'c', text: 'x', addedAt: at(3), feed: { url: 'https://f1.example/', title: 'F1' } },
      { id: 'd', title: 'd', text: 'x', addedAt: at(4), feed: { url: 'https://f2.example/', title: 'F2' } },
    ];
    const digest = composeDigest({ articles: all, parts, heading: 'H' })!;
    expect(digest.messageArticleIds).toEqual([['d', 'b', 'c', 'a']]);
    const split = { ...digest, messageArticleIds: [['d', 'b'], ['c'], ['a']] };
    const until = Date.parse('2024-03-05T07:00:00Z');
    expect(partialCoverage(all, split, 1, until)).toEqual({ coveredUntil: Date.parse(at(1)) - 1, coveredIds: ['b', 'd'] });
    expect(partialCoverage(all, split, 2, until)).toEqual({ coveredUntil: Date.parse(at(1)) - 1, coveredIds: ['b', 'c', 'd'] });
    expect(partialCoverage(all, { ...digest, messageArticleIds: [['d', 'b'], ['c']] }, 1, until)).toEqual({ coveredUntil: Date.parse(at(3)) - 1, coveredIds: ['d'] });
    expect(partialCoverage(all, split, 3, until)).toEqual({ coveredUntil: until, coveredIds: [] });
  });
});
