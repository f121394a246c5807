/**
 * Lede as several processes on one PostgreSQL, as issue 12 asks to show it: two gateway processes
 * (shards 0,1 and 2,3 of four) and two worker processes, real `node bin/start.js` processes started
 * with a deployment's environment, against the fake Discord (1,000 servers spread over the four
 * shards) and 200 RSS feeds on loopback.
 *
 * - every new feed item becomes exactly one article in each following server and exactly one
 *   announcement in that server's news channel;
 * - 300 digests due in the same minute are each posted exactly once, in the server's digest channel;
 * - slash commands sent in servers of every shard are each answered by exactly one process;
 * - kill -9 of a worker while its feed requests are in flight: the other worker takes its feeds
 *   over when the lease runs out, and nothing is lost or doubled (counted in the database and in
 *   the fake);
 * - kill -9 of a gateway while it posts digests, and a new process for its shards (what a
 *   supervisor does): every digest of those servers is posted exactly once in all, with no article
 *   twice (progress records and enforced nonces).
 *
 * LEASE_SECONDS=5 so hand-overs take seconds. Each wait names what it waits for, and a failure
 * shows the processes' last log lines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../src/digest/schedule';
import { openClient, openStores } from '../../src/store/open';
import type { Stores } from '../../src/store/ports';
import type { SqlClient } from '../../src/store/sql/client';
import { FakeDiscord } from '../support/fake-discord';
import { freshPgDatabase, type FreshPgDatabase } from '../support/pg-db';
import {
  callbacksByInteraction,
  digestTitles,
  eventually,
  feedTitle,
  itemTitle,
  messagesByChannel,
  messageText,
  migrate,
  occurrences,
  scaleGuilds,
  seedDigests,
  seedSubscriptions,
  shardOfGuild,
  sleep,
  startFeedFarm,
  startRole,
  type FeedFarm,
  type RoleProcess,
  type ScaleGuild,
} from '../support/scale-harness';

const SERVERS = 1000;
const FEEDS = 200;
/** Servers following each feed: feed f is followed by servers f, f + 200, ... (the first 400 servers). */
const FOLLOWERS_PER_FEED = 2;
/** Servers 600..899 have a digest due now. */
const DIGEST_FROM = 600;
const DIGESTS = 300;
/** Servers 900..939 get theirs in the gateway crash test. */
const CRASH_DIGEST_FROM = 900;
const CRASH_DIGESTS = 40;
const SHARDS = 4;
const LEASE_SECONDS = 5;
/** A followed feed is polled every few seconds, so a new item is seen soon. */
const POLL_INTERVAL_MS = 4000;
const MAIN_SPEC = { groups: 2, perGroup: 2 };
/** How slowly the slow feeds of the worker crash test answer. */
const SLOW_MS = 2000;
/** Four feeds of four articles: a digest of two messages, so a crash can fall between them. */
const CRASH_SPEC = { groups: 4, perGroup: 4 };

let fake: FakeDiscord;
let guilds: ScaleGuild[];
let db: FreshPgDatabase;
let stores: Stores;
let sql: SqlClient;
let farm: FeedFarm;
let dir: string;
const procs: RoleProcess[] = [];
let workers: RoleProcess[] = [];
let gateways: RoleProcess[] = [];

const baseEnv = () => ({ DATABASE_URL: db.url, SHARD_COUNT: String(SHARDS), LEASE_SECONDS: String(LEASE_SECONDS) });
const shardIdsOf = (ids: readonly number[]) => ids.join(',');

async function startGateway(ids: readonly number[], env: Record<string, string> = {}): Promise<RoleProcess> {
  const p = await startRole({ name: `gateway ${shardIdsOf(ids)}`, role: 'gateway', fake, dir, env: { ...baseEnv(), SHARD_IDS: shardIdsOf(ids), ...env } });
  procs.push(p);
  return p;
}

async function startWorker(name: string): Promise<RoleProcess> {
  const p = await startRole({ name, role: 'worker', fake, dir, env: baseEnv() });
  procs.push(p);
  return p;
}

/** The last log lines of every process, for a failure's message. */
function logs(): string {
  return procs.map((p) => `--- ${p.name} (pid ${p.pid}${p.exited ? ', exited' : ''}) ---\n${p.tail(15)}`).join('\n');
}

const follows = () =>
  Array.from({ length: FEEDS * FOLLOWERS_PER_FEED }, (_, n) => ({ feed: n % FEEDS, guild: guilds[n]! }));
const followersOf = (feed: number) => Array.from({ length: FOLLOWERS_PER_FEED }, (_, k) => guilds[feed + k * FEEDS]!);

/** Articles in the database with each title, by "guild title". */
async function articleCounts(titleLike: string): Promise<Map<string, number>> {
  const rows = await sql.all<{ guild_id: string; title: string; n: unknown }>('SELECT guild_id, title, COUNT(*) AS n FROM articles WHERE title LIKE ? GROUP BY guild_id, title', [titleLike]);
  return new Map(rows.map((r) => [`${r.guild_id} ${r.title}`, Number(r.n)]));
}

/** For each (following server, item): how many articles the database holds and how many announcements the fake got. */
async function deliveryOf(items: ReadonlyArray<{ feed: number; n: number }>): Promise<{ missing: string[]; doubled: string[]; announced: number; stored: number }> {
  const counts = await articleCounts('Feed % item %');
  const byChannel = messagesByChannel(fake);
  const missing: string[] = [];
  const doubled: string[] = [];
  let announced = 0;
  let stored = 0;
  for (const { feed, n } of items) {
    const title = itemTitle(feed, n);
    for (const g of followersOf(feed)) {
      const inDb = counts.get(`${g.id} ${title}`) ?? 0;
      const posts = (byChannel.get(g.newsChannelId) ?? []).reduce((s, m) => s + occurrences(messageText(m), title), 0);
      stored += Math.min(inDb, 1);
      announced += Math.min(posts, 1);
      if (inDb === 0 || posts === 0) missing.push(`${title} in ${g.name} (articles ${inDb}, announcements ${posts})`);
      if (inDb > 1 || posts > 1) doubled.push(`${title} in ${g.name} (articles ${inDb}, announcements ${posts})`);
    }
  }
  return { missing, doubled, announced, stored };
}

/** Every digest message of a server's digest channel, and how often each seeded title appears in them. */
function digestOf(g: ScaleGuild, titles: readonly string[], byChannel: Map<string, any[]>): { messages: number; counts: number[]; elsewhere: number } {
  const messages = byChannel.get(g.digestChannelId) ?? [];
  const text = messages.map(messageText).join('\n');
  const elsewhere = (byChannel.get(g.newsChannelId) ?? []).filter((m) => (m.content ?? '').includes('Daily digest')).length;
  return { messages: messages.length, counts: titles.map((t) => occurrences(text, t)), elsewhere };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-scale-'));
  guilds = scaleGuilds(SERVERS);
  fake = await new FakeDiscord(guilds, { recommendedShards: SHARDS }).start();
  db = await freshPgDatabase();
  await migrate(db.url);
  stores = await openStores({ kind: 'postgres', url: db.url }, { migrate: false });
  sql = await openClient({ kind: 'postgres', url: db.url });
  farm = await startFeedFarm(FEEDS, 1);
  await seedSubscriptions(stores, farm, follows(), POLL_INTERVAL_MS);
  await seedDigests(stores, guilds.slice(DIGEST_FROM, DIGEST_FROM + DIGESTS), MAIN_SPEC);
  // Workers first, then the gateways, as the README's order says (a start in parallel is fine too).
  workers = await Promise.all([startWorker('worker A'), startWorker('worker B')]);
  gateways = await Promise.all([startGateway([0, 1]), startGateway([2, 3])]);
}, 120_000);

afterAll(async () => {
  await Promise.all(procs.map((p) => p.kill()));
  await stores?.close();
  await sql?.close();
  await fake?.stop();
  await farm?.close();
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('two gateways (shards 0,1 and 2,3 of 4) and two workers on one PostgreSQL', () => {
  it('GIVEN the four processes THEN each gateway identified as its own two shards and got only their servers', () => {
    expect([...fake.identifiedShards].map((s) => s.join('/')).sort()).toEqual(['0/4', '1/4', '2/4', '3/4']);
    const creates = fake.frames.filter((f) => f.dir === 'out' && f.t === 'GUILD_CREATE');
    expect(creates).toHaveLength(SERVERS);
    for (const f of creates) expect(shardOfGuild(f.d.id, SHARDS)).toBe(f.shard![0]);
  });

  it('GIVEN 200 feeds followed by 400 servers THEN after the first poll each new item is one article and one announcement per following server', async () => {
    // The first poll records what each feed holds, silently: nothing is announced.
    await eventually(
      async () => (await sql.all<{ n: unknown }>('SELECT COUNT(*) AS n FROM feed_sources WHERE primed = 1')).map((r) => Number(r.n))[0] === FEEDS,
      60_000,
      () => `all ${FEEDS} feeds primed\n${logs()}`,
    );
    const t0 = Date.now();
    const items = Array.from({ length: FEEDS }, (_, feed) => farm.addItem(feed));
    const done = await eventually(
      async () => {
        const d = await deliveryOf(items);
        return d.missing.length === 0 && d;
      },
      90_000,
      () => `every item stored and announced\n${logs()}`,
      500,
    );
    const ms = Date.now() - t0;
    // A moment more: a late double would show now.
    await sleep(1500);
    const after = await deliveryOf(items);
    expect(after.doubled).toEqual([]);
    expect(after.stored).toBe(FEEDS * FOLLOWERS_PER_FEED);
    expect(after.announced).toBe(FEEDS * FOLLOWERS_PER_FEED);
    // Announcements only in the news channels of the followers, each titled with its feed.
    const byChannel = messagesByChannel(fake);
    for (const feed of [0, 57, 199]) {
      for (const g of followersOf(feed)) {
        const posts = byChannel.get(g.newsChannelId) ?? [];
        expect(posts).toHaveLength(1);
        expect(posts[0].embeds[0].title).toBe(feedTitle(feed));
      }
    }
    // The first poll's item (old news) was never announced.
    for (const g of followersOf(3)) expect((byChannel.get(g.newsChannelId) ?? []).some((m) => messageText(m).includes(itemTitle(3, 1)))).toBe(false);
    console.log(`feeds: ${done.stored} articles and ${done.announced} announcements ${ms} ms after the items appeared`);
  }, 150_000);

  it('GIVEN 300 digests due in the same minute THEN each is posted exactly once, in its own digest channel', async () => {
    const titles = digestTitles(MAIN_SPEC);
    const digestGuilds = guilds.slice(DIGEST_FROM, DIGEST_FROM + DIGESTS);
    const localDate = localDateOf(new Date(), (await stores.digests.schedule(digestGuilds[0]!.id))!.timezone);
    await eventually(
      async () => {
        const rows = await sql.all<{ n: unknown }>("SELECT COUNT(*) AS n FROM digest_runs WHERE status = 'sent' AND local_date = ?", [localDate]);
        return Number(rows[0]!.n) >= DIGESTS;
      },
      90_000,
      () => `${DIGESTS} digests sent\n${logs()}`,
      500,
    );
    await sleep(1500);
    const byChannel = messagesByChannel(fake);
    const wrong: string[] = [];
    for (const g of digestGuilds) {
      const d = digestOf(g, titles, byChannel);
      const run = await stores.digests.run(g.id, localDate);
      if (d.counts.some((c) => c !== 1) || d.elsewhere > 0 || run?.status !== 'sent' || run.messageIds.length !== d.messages)
        wrong.push(`${g.name} (shard ${shardOfGuild(g.id, SHARDS)}): titles ${d.counts.join(',')}, ${d.messages} messages, run ${run?.status} with ${run?.messageIds.length} ids`);
    }
    expect(wrong).toEqual([]);
    // Servers without a digest got none.
    for (const g of guilds.slice(DIGEST_FROM + DIGESTS)) expect(byChannel.get(g.digestChannelId) ?? []).toEqual([]);
  }, 120_000);

  it('GIVEN /digest status in 200 servers of all four shards THEN each interaction gets exactly one callback', async () => {
    const sent = Array.from({ length: 200 }, (_, n) => {
      const g = guilds[n * 5]!;
      return { g, i: fake.slash({ name: 'digest', subcommand: 'status', guildId: g.id, channelId: g.newsChannelId, user: { id: String(800000000000000000n + BigInt(n)), username: `reader${n}` } }) };
    });
    expect(new Set(sent.map((s) => shardOfGuild(s.g.id, SHARDS)))).toEqual(new Set([0, 1, 2, 3]));
    await eventually(
      () => {
        const cb = callbacksByInteraction(fake);
        return sent.every((s) => cb.has(s.i.id));
      },
      60_000,
      () => `a callback for each of 200 interactions\n${logs()}`,
    );
    await sleep(1500);
    const cb = callbacksByInteraction(fake);
    expect(sent.filter((s) => cb.get(s.i.id) !== 1).map((s) => `${s.g.name}: ${cb.get(s.i.id)}`)).toEqual([]);
  }, 90_000);

  it('GIVEN kill -9 of a worker while its feed requests are in flight THEN the other worker finishes within the lease time: nothing lost, nothing doubled', async () => {
    // Twenty feeds, one on each site (a poller takes two feeds of a site at a time), answer slowly and
    // get a new item: the next polls of them are caught in flight.
    const slow = Array.from({ length: 20 }, (_, n) => n);
    farm.setDelay(SLOW_MS, slow);
    const items = slow.map((feed) => farm.addItem(feed));
    const pids = workers.map((w) => w.pid);
    const caught = await eventually(
      () => {
        const flying = farm.inFlight(pids).filter((r) => r.pid !== undefined && slow.some((f) => r.path === `/feeds/${f}.xml`));
        if (flying.length === 0) return undefined;
        const byPid = new Map<number, number>();
        for (const r of flying) byPid.set(r.pid!, (byPid.get(r.pid!) ?? 0) + 1);
        const [pid, n] = [...byPid].sort((a, b) => b[1] - a[1])[0]!;
        return { victim: workers.find((w) => w.pid === pid)!, n, paths: flying.filter((r) => r.pid === pid).map((r) => r.path) };
      },
      30_000,
      () => `a worker with a request to a slow feed in flight\n${logs()}`,
      20,
    );
    const killedAt = Date.now();
    await caught.victim.kill();
    const survivor = workers.find((w) => w !== caught.victim)!;
    const before = await deliveryOf(items);
    const done = await eventually(
      async () => {
        const d = await deliveryOf(items);
        return d.missing.length === 0 && d;
      },
      60_000,
      () => `every slow feed's item stored and announced after the kill of ${caught.victim.name}\n${logs()}`,
      250,
    );
    const handOverMs = Date.now() - killedAt;
    // Where the time went: when the survivor stored the items, and when the gateways announced them.
    const titles = items.map((i) => i.title);
    const stored = await sql.all<{ added_at: string }>(`SELECT added_at FROM articles WHERE title IN (${titles.map(() => '?').join(',')})`, titles);
    const storedAt = stored.map((r) => Date.parse(r.added_at) - killedAt);
    const announcedAt = items.flatMap((i) => followersOf(i.feed).flatMap((g) => (messagesByChannel(fake).get(g.newsChannelId) ?? []).filter((m) => messageText(m).includes(i.title)).map((m) => Date.parse(m.timestamp) - killedAt)));
    const span = (xs: number[]) => `${Math.min(...xs)}..${Math.max(...xs)} ms`;
    console.log(
      `worker kill: ${caught.victim.name} killed with ${caught.n} slow request(s) in flight (${caught.paths.join(', ')}); ${before.missing.length} of ${items.length * FOLLOWERS_PER_FEED} deliveries missing then; ` +
        `all ${done.stored} articles and ${done.announced} announcements ${handOverMs} ms after the kill (articles stored ${span(storedAt)}, announced ${span(announcedAt)} after it)`,
    );
    await sleep(2000);
    const after = await deliveryOf(items);
    expect(after.doubled).toEqual([]);
    expect(after.stored).toBe(items.length * FOLLOWERS_PER_FEED);
    expect(after.announced).toBe(items.length * FOLLOWERS_PER_FEED);
    // The victim's feeds in flight were not delivered before the kill: the survivor did them.
    expect(before.missing.length).toBeGreaterThan(0);
    expect(survivor.exited).toBe(false);
    // Within the lease plus one slow answer, with room for a loaded two-core machine.
    expect(handOverMs).toBeLessThan(LEASE_SECONDS * 1000 + SLOW_MS + 7000);
    farm.setDelay(0);
    workers = [survivor];
  }, 120_000);

  it('GIVEN kill -9 of a gateway while it posts digests, and a new process for its shards THEN every digest of those servers is posted exactly once, no article twice', async () => {
    // Both gateways stop cleanly first (SIGTERM: replies finished, leases handed back, exit 0 within 10 s),
    // then start again posting slowly, with 40 more digests due.
    for (const g of gateways) {
      const stopped = await g.stop();
      expect({ name: g.name, code: stopped.code, within10s: stopped.ms <= 10_000 }).toEqual({ name: g.name, code: 0, within10s: true });
    }
    const crashGuilds = guilds.slice(CRASH_DIGEST_FROM, CRASH_DIGEST_FROM + CRASH_DIGESTS);
    const when = await seedDigests(stores, crashGuilds, CRASH_SPEC);
    const localDate = localDateOf(new Date(), when.timezone);
    const slowly = { DISCORD_POSTS_PER_SECOND: '3' };
    gateways = await Promise.all([startGateway([0, 1], slowly), startGateway([2, 3], slowly)]);
    const [g01] = gateways;
    const ours = crashGuilds.filter((g) => shardOfGuild(g.id, SHARDS) < 2);
    const titles = digestTitles(CRASH_SPEC);
    // Killed once it has posted a few digest messages of its servers, mid-way.
    await eventually(
      () => {
        const byChannel = messagesByChannel(fake);
        return ours.reduce((s, g) => s + (byChannel.get(g.digestChannelId)?.length ?? 0), 0) >= 3;
      },
      60_000,
      () => `gateway 0,1 posting digests\n${logs()}`,
      20,
    );
    await g01!.kill();
    const killedAt = Date.now();
    const runs = await Promise.all(ours.map((g) => stores.digests.run(g.id, localDate)));
    const orphaned = ours.filter((_, n) => runs[n]?.status === 'sending');
    const postedAtKill = messagesByChannel(fake);
    const partly = orphaned.filter((g) => (postedAtKill.get(g.digestChannelId)?.length ?? 0) > 0);
    // A supervisor starts a process for the same shards.
    const restartedAt = Date.now();
    const replacement = await startGateway([0, 1], slowly);
    const replacementReadyMs = Date.now() - restartedAt;
    gateways = [replacement, gateways[1]!];
    await eventually(
      async () => {
        const rows = await sql.all<{ n: unknown }>("SELECT COUNT(*) AS n FROM digest_runs WHERE status = 'sent' AND local_date = ? AND guild_id IN (" + crashGuilds.map(() => '?').join(',') + ')', [localDate, ...crashGuilds.map((g) => g.id)]);
        return Number(rows[0]!.n) === CRASH_DIGESTS;
      },
      120_000,
      () => `all ${CRASH_DIGESTS} crash-test digests sent\n${logs()}`,
      500,
    );
    const doneMs = Date.now() - restartedAt;
    await sleep(2000);
    const byChannel = messagesByChannel(fake);
    const wrong: string[] = [];
    for (const g of crashGuilds) {
      const d = digestOf(g, titles, byChannel);
      const run = await stores.digests.run(g.id, localDate);
      if (d.counts.some((c) => c !== 1) || run?.status !== 'sent' || run.messageIds.length !== d.messages)
        wrong.push(`${g.name} (shard ${shardOfGuild(g.id, SHARDS)}): titles ${d.counts.join(',')}, ${d.messages} messages, run ${run?.status} with ${run?.messageIds.length} ids`);
    }
    expect(wrong).toEqual([]);
    // Where the time went: each server's digest posts, in ms after the restart (negative: before the kill).
    const timeline = ours.map((g) => {
      const at = (byChannel.get(g.digestChannelId) ?? []).map((m) => Date.parse(m.timestamp) - restartedAt);
      return `${g.name}${orphaned.includes(g) ? ' (orphaned)' : ''}: ${at.join(', ')}`;
    });
    const takeover = orphaned.flatMap((g) => (byChannel.get(g.digestChannelId) ?? []).map((m) => Date.parse(m.timestamp)).filter((t) => t > restartedAt));
    console.log(
      `gateway kill: ${orphaned.length} digest(s) of shards 0,1 were being sent (${partly.length} partly posted) at the kill; all ${CRASH_DIGESTS} sent ${doneMs} ms after the restart` +
        (takeover.length > 0 ? `, first taken-over post ${Math.min(...takeover) - restartedAt} ms after it` : '') +
        `; replacement ready ${replacementReadyMs} ms after the restart\n${timeline.join('\n')}`,
    );
    // The claims the dead process held were taken over (a second attempt), none posted twice.
    for (const g of orphaned) expect((await stores.digests.run(g.id, localDate))!.attempts).toBeGreaterThanOrEqual(2);
    // The first post of a taken-over digest comes within about a lease of the claim going stale (the
    // kill plus the lease), or of the replacement being ready if that is later, even while the
    // replacement's first tick is still posting the digests nobody had claimed: the tick reads the
    // stale claims every third of the lease and queues them in due order (src/digest/scheduler.ts).
    // So: a third of the lease to notice, a lane of the four it sends at once to free (a digest of two
    // messages finishing at the 3-a-second pace both gateways share: at most the 16 posts of the eight
    // digests in flight), then its paced slot (at most 8 reserved ahead of it). 5 s of room for a loaded
    // machine. It no longer grows with the digests the tick had queued (it waited for the tick's end).
    const firstTakeover = Math.min(...takeover);
    const from = Math.max(killedAt + LEASE_SECONDS * 1000, restartedAt + replacementReadyMs);
    console.log(`gateway kill: first taken-over post ${firstTakeover - from} ms after the claims went stale or the replacement was ready, whichever came later`);
    if (orphaned.length > 0) expect(firstTakeover - from).toBeLessThan((LEASE_SECONDS * 1000) / 3 + (16 / 3) * 1000 + (8 / 3) * 1000 + 5000);
  }, 200_000);

  it('GIVEN SIGTERM THEN every process stops cleanly: exit 0 within 10 s', async () => {
    const live = procs.filter((p) => !p.exited);
    const results = await Promise.all(live.map(async (p) => ({ name: p.name, ...(await p.stop()) })));
    expect(results.map((r) => ({ name: r.name, code: r.code, within10s: r.ms <= 10_000 }))).toEqual(live.map((p) => ({ name: p.name, code: 0, within10s: true })));
  }, 30_000);
});
