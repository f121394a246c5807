/**
 * The window rule: a server's first digest covers the day before the first `/digest set` (or the day
 * before the digest, if that is earlier); later digests start where the last one stopped; never more
 * than a week. Then the same rule through the runtime on real stores: an article added the morning
 * of the set is in the first digest even when that goes out the next evening; bundled articles are
 * news in their own group, and a bundled article stored again with the same text is not news again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleIdOf, type Article } from '../../src/article/model';
import { ManualClock } from '../../src/digest/clock';
import { BUNDLED_GROUP, MANUAL_GROUP } from '../../src/digest/compose';
import { createDigestRuntime, type DigestRuntime } from '../../src/digest/runtime';
import { DIGEST_RULES, digestWindowStart, type DigestSender } from '../../src/digest/scheduler';
import { openStores } from '../../src/store/open';
import type { Stores } from '../../src/store/ports';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);

describe('digestWindowStart', () => {
  const until = at('2024-03-06T18:00:00Z');

  it('GIVEN no schedule (a preview) THEN the day before now', () => {
    expect(digestWindowStart(undefined, until)).toBe(at('2024-03-05T18:00:00Z'));
  });

  it('GIVEN a schedule set yesterday at 20:00 and no digest yet THEN the window starts a day before the set (20:00 the day before)', () => {
    expect(digestWindowStart({ createdAt: at('2024-03-05T20:00:00Z'), coveredUntil: undefined }, until)).toBe(at('2024-03-04T20:00:00Z'));
  });

  it('GIVEN a schedule set just now, before its first digest is due THEN still a day before the set', () => {
    expect(digestWindowStart({ createdAt: until - 5 * 60_000, coveredUntil: undefined }, until)).toBe(until - 5 * 60_000 - DAY);
  });

  it('GIVEN a schedule created after `until` (a clock behind the store) THEN the day before `until`', () => {
    expect(digestWindowStart({ createdAt: until + HOUR, coveredUntil: undefined }, until)).toBe(until - DAY);
  });

  it('GIVEN a digest covered up to yesterday 18:00 THEN the window starts there, whenever the schedule was made', () => {
    expect(digestWindowStart({ createdAt: at('2024-01-01T00:00:00Z'), coveredUntil: at('2024-03-05T18:00:03Z') }, until)).toBe(at('2024-03-05T18:00:03Z'));
  });

  it('GIVEN coverage or a first set more than a week back THEN at most a week', () => {
    expect(digestWindowStart({ createdAt: at('2024-01-01T00:00:00Z'), coveredUntil: at('2024-02-01T00:00:00Z') }, until)).toBe(until - DIGEST_RULES.maxWindowMs);
    expect(digestWindowStart({ createdAt: at('2024-02-01T00:00:00Z'), coveredUntil: undefined }, until)).toBe(until - 7 * DAY);
  });
});

function article(title: string, body: string): Article {
  const text = `${body} "We will keep the harbour open through the winter," said Port Director Lena Vogt. The council meets again next month.`;
  return { id: articleIdOf(text), title, source: 'text', text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [] };
}

let stores: Stores;
let clock: ManualClock;
let runtime: DigestRuntime;

beforeEach(async () => {
  stores = await openStores({ kind: 'sqlite', path: ':memory:' });
  clock = new ManualClock(new Date('2024-03-05T09:00:00Z'));
  runtime = createDigestRuntime({ store: stores.digests, articles: stores.articles, clock });
});
afterEach(async () => {
  await runtime.stop();
  await stores.close();
});

const titles = async (guildId: string) => {
  const d = await runtime.preview(guildId);
  return d ? d.groups.map((g) => [g.name, g.total]) : [];
};

describe('the first digest through the runtime', () => {
  it('GIVEN an article added at 09:00 and /digest set at 20:00 for 18:00 THEN the first digest (next day 18:00) holds it', async () => {
    await stores.articles.insert('g1', { article: article('Harbour stays open', 'The harbour will stay open.'), slug: 'harbour', addedAt: '2024-03-05T09:00:00.000Z' });
    clock.set('2024-03-05T20:00:00Z');
    await runtime.set({ guildId: 'g1', channelId: 'c1', time: '18:00', timezone: 'UTC' });
    // Today's 18:00 passed before the set: nothing is owed today.
    expect(await runtime.scheduler.tick(new Date('2024-03-05T20:01:00Z'))).toEqual([]);
    const posts: string[] = [];
    const sender: DigestSender = { checkChannel: async () => ({ ok: true }), send: async (_c, m) => (posts.push(m.embeds.map((e) => e.description).join('\n')), `m${posts.length}`) };
    runtime.start(sender);
    runtime.scheduler.stop();
    const reports = await runtime.scheduler.tick(new Date('2024-03-06T18:00:05Z'));
    expect(reports.map((r) => [r.outcome, r.articleCount])).toEqual([['sent', 1]]);
    expect(posts[0]).toContain('**Harbour stays open**');
  });

  it('GIVEN an article added two days before the set THEN the first digest does not hold it (a day before the set, not more)', async () => {
    await stores.articles.insert('g1', { article: article('Old harbour news', 'The harbour closed for a day.'), slug: 'old', addedAt: '2024-03-03T19:00:00.000Z' });
    clock.set('2024-03-05T20:00:00Z');
    await runtime.set({ guildId: 'g1', channelId: 'c1', time: '18:00', timezone: 'UTC' });
    expect((await runtime.status('g1')).pendingArticles).toBe(0);
    expect(await runtime.window('g1')).toEqual({ since: at('2024-03-04T20:00:00Z'), until: at('2024-03-05T20:00:00Z'), first: true });
  });
});

describe('bundled articles in the digest', () => {
  it('GIVEN a bundled article stored this morning THEN every server previews it under its own group, after the members\' articles', async () => {
    await stores.articles.upsertBundled({ article: article('Ferry timetable for spring', 'The ferry runs hourly.'), slug: 'ferry', addedAt: '2024-03-05T07:00:00.000Z' });
    await stores.articles.insert('g1', { article: article('Harbour stays open', 'The harbour will stay open.'), slug: 'harbour', addedAt: '2024-03-05T08:00:00.000Z' });
    expect(await titles('g1')).toEqual([[MANUAL_GROUP, 1], [BUNDLED_GROUP, 1]]);
    expect(await titles('g2')).toEqual([[BUNDLED_GROUP, 1]]);
    expect(BUNDLED_GROUP).toBe('Loaded by the bot');
  });

  it('GIVEN a digest that covered a bundled article THEN the same text stored again (a restart) is not news; a changed text is', async () => {
    const seed = article('Ferry timetable for spring', 'The ferry runs hourly.');
    await stores.articles.upsertBundled({ article: seed, slug: 'ferry', addedAt: '2024-03-05T07:00:00.000Z' });
    clock.set('2024-03-05T06:00:00Z');
    await runtime.set({ guildId: 'g1', channelId: 'c1', time: '08:00', timezone: 'UTC' });
    runtime.start({ checkChannel: async () => ({ ok: true }), send: async () => 'm1' });
    runtime.scheduler.stop();
    expect((await runtime.scheduler.tick(new Date('2024-03-05T08:00:00Z'))).map((r) => r.outcome)).toEqual(['sent']);
    clock.set('2024-03-05T12:00:00Z');
    // Stored again with the same text (what a restart does): it keeps the time it was first stored.
    await stores.articles.upsertBundled({ article: seed, slug: 'ferry', addedAt: '2024-03-05T11:00:00.000Z' });
    expect(await runtime.preview('g1')).toBeUndefined();
    expect(await runtime.window('g1')).toMatchObject({ since: at('2024-03-05T08:00:00Z'), first: false });
    // The file's text changed: a new article, news again.
    await stores.articles.upsertBundled({ article: article('Ferry timetable for spring', 'The ferry runs every half hour.'), slug: 'ferry', addedAt: '2024-03-05T11:30:00.000Z' });
    expect(await titles('g1')).toEqual([[BUNDLED_GROUP, 1]]);
  });
});
