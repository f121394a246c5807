/**
 * The default deployment keeps working as one process: `node bin/start.js` with no role, shard or
 * database settings (LEDE_ROLE=all, SHARD_COUNT=auto, the embedded SQLite file), against the fake
 * Discord and feeds on loopback. Feeds followed in a few servers announce each new item once, in
 * the right channel; digests due now are posted once each; a SIGTERM stops it cleanly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../src/digest/schedule';
import { openStores } from '../../src/store/open';
import type { Stores } from '../../src/store/ports';
import { FakeDiscord } from '../support/fake-discord';
import {
  digestTitles,
  eventually,
  feedTitle,
  itemTitle,
  messagesByChannel,
  messageText,
  occurrences,
  scaleGuilds,
  seedDigests,
  seedSubscriptions,
  sleep,
  startFeedFarm,
  startRole,
  type FeedFarm,
  type RoleProcess,
  type ScaleGuild,
} from '../support/scale-harness';

const SERVERS = 12;
const FEEDS = 4;
/** Servers 0..7 follow the feeds (two each); servers 8..11 have a digest due now. */
const FOLLOWERS_PER_FEED = 2;
const DIGEST_FROM = 8;
const SPEC = { groups: 2, perGroup: 2 };

let fake: FakeDiscord;
let guilds: ScaleGuild[];
let farm: FeedFarm;
let dir: string;
let dbPath: string;
let bot: RoleProcess | undefined;

const followersOf = (feed: number) => Array.from({ length: FOLLOWERS_PER_FEED }, (_, k) => guilds[feed + k * FEEDS]!);

/** Read the database while the bot runs (SQLite in WAL mode lets a second connection read). */
async function withStores<T>(read: (stores: Stores) => Promise<T>): Promise<T> {
  const stores = await openStores({ kind: 'sqlite', path: dbPath });
  try {
    return await read(stores);
  } finally {
    await stores.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-single-'));
  dbPath = join(dir, 'lede.db');
  guilds = scaleGuilds(SERVERS, 7);
  fake = await new FakeDiscord(guilds).start();
  farm = await startFeedFarm(FEEDS, 1, 2);
  // Seeded before the start, as a server's admins would have set things up earlier.
  await withStores(async (stores) => {
    await seedSubscriptions(stores, farm, Array.from({ length: FEEDS * FOLLOWERS_PER_FEED }, (_, n) => ({ feed: n % FEEDS, guild: guilds[n]! })), 3000);
    await seedDigests(stores, guilds.slice(DIGEST_FROM), SPEC);
  });
  // No LEDE_ROLE, SHARD_COUNT, LEASE_SECONDS or DATABASE_URL: the defaults.
  bot = await startRole({ name: 'lede', role: 'all', fake, dir, env: { DATABASE_PATH: dbPath } });
}, 90_000);

afterAll(async () => {
  await bot?.kill();
  await fake?.stop();
  await farm?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('LEDE_ROLE=all on SQLite: one process, default settings', () => {
  it('GIVEN followed feeds THEN after the first poll each new item is one article and one announcement per following server', async () => {
    await eventually(
      () => withStores(async (stores) => (await Promise.all(Array.from({ length: FEEDS }, (_, f) => stores.feeds.source(farm.url(f))))).every((s) => s?.primed)),
      30_000,
      () => `every feed primed\n${bot!.tail()}`,
      300,
    );
    const items = Array.from({ length: FEEDS }, (_, f) => farm.addItem(f));
    const counts = async () => {
      const byChannel = messagesByChannel(fake);
      return withStores(async (stores) => {
        const rows: Array<{ where: string; stored: number; announced: number }> = [];
        for (const item of items) {
          for (const g of followersOf(item.feed)) {
            const stored = (await stores.articles.listings(g.id)).filter((l) => l.title === item.title).length;
            const announced = (byChannel.get(g.newsChannelId) ?? []).reduce((s, m) => s + occurrences(messageText(m), item.title), 0);
            rows.push({ where: `${item.title} in ${g.name}`, stored, announced });
          }
        }
        return rows;
      });
    };
    await eventually(async () => (await counts()).every((r) => r.stored >= 1 && r.announced >= 1), 30_000, () => `every item stored and announced\n${bot!.tail()}`, 300);
    await sleep(1500);
    expect((await counts()).filter((r) => r.stored !== 1 || r.announced !== 1)).toEqual([]);
    const byChannel = messagesByChannel(fake);
    for (let f = 0; f < FEEDS; f++) {
      for (const g of followersOf(f)) {
        const posts = byChannel.get(g.newsChannelId) ?? [];
        expect(posts).toHaveLength(1);
        expect(posts[0].embeds[0].title).toBe(feedTitle(f));
        // The first poll's item is old news: in the library, never announced.
        expect(messageText(posts[0])).not.toContain(itemTitle(f, 1));
      }
    }
  }, 60_000);

  it('GIVEN digests due now THEN each is posted once, in its digest channel', async () => {
    const titles = digestTitles(SPEC);
    const digestGuilds = guilds.slice(DIGEST_FROM);
    const zone = (await withStores((s) => s.digests.schedule(digestGuilds[0]!.id)))!.timezone;
    const localDate = localDateOf(new Date(), zone);
    await eventually(
      () => withStores(async (stores) => (await Promise.all(digestGuilds.map((g) => stores.digests.run(g.id, localDate)))).every((r) => r?.status === 'sent')),
      30_000,
      () => `every digest sent\n${bot!.tail()}`,
      300,
    );
    await sleep(1500);
    const byChannel = messagesByChannel(fake);
    for (const g of digestGuilds) {
      const text = (byChannel.get(g.digestChannelId) ?? []).map(messageText).join('\n');
      expect(titles.map((t) => occurrences(text, t))).toEqual(titles.map(() => 1));
    }
    // No digest anywhere else.
    for (const g of guilds.slice(0, DIGEST_FROM)) expect(byChannel.get(g.digestChannelId) ?? []).toEqual([]);
  }, 60_000);

  it('GIVEN SIGTERM THEN it stops cleanly: exit 0 within 10 s', async () => {
    const stopped = await bot!.stop();
    expect({ code: stopped.code, within10s: stopped.ms <= 10_000 }).toEqual({ code: 0, within10s: true });
  }, 30_000);
});
