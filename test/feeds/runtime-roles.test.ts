/**
 * The feed runtime split in two, as LEDE_ROLE does it: a worker that polls and stores (its
 * announcements written to the outbox with each item, nothing posted) and gateways that post the
 * announcements of their own shards' servers, each on its own connection to one database, with a
 * feed on 127.0.0.1 and a recording poster in place of Discord.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import type { DigestMessage } from '../../src/digest/compose';
import type { SendOptions } from '../../src/digest/scheduler';
import type { FeedPoster, ItemThread } from '../../src/feeds/poster';
import { createFeedRuntime, type FeedRuntime } from '../../src/feeds/runtime';
import { POLL_TIMING } from '../../src/feeds/timing';
import { openStores } from '../../src/store/open';
import type { Stores } from '../../src/store/ports';
import { shardOf } from '../../src/store/shards';
import { longBody, rssOf, startFeedServer, type FeedServer } from './support/feed-server';

const T0 = Date.parse('2026-12-05T09:00:00Z');
/** Two servers of a bot with two shards: one on each. */
const GUILD_ON_0 = ((310_000_000_000n << 22n) + 1n).toString();
const GUILD_ON_1 = ((310_000_000_001n << 22n) + 1n).toString();
const CHANNEL = { [GUILD_ON_0]: '1310000000000000000', [GUILD_ON_1]: '1310000000000000001' } as Record<string, string>;

/** Records what each gateway posted, by channel; answers with counting ids. */
class RecordingPoster implements FeedPoster {
  readonly posts: Array<{ channelId: string; title: string; nonce?: string }> = [];
  private next = 1500000000000000000n;
  async checkChannel() {
    return { ok: true } as const;
  }
  async checkFeedTarget() {
    return { ok: true } as const;
  }
  async send(channelId: string, message: DigestMessage, options?: SendOptions): Promise<string> {
    this.posts.push({ channelId, title: message.embeds[0]!.description.split('\n')[0]!, ...(options?.nonce !== undefined && { nonce: options.nonce }) });
    return String(this.next++);
  }
  async sendWithThread(channelId: string, message: DigestMessage, _name: string, options?: SendOptions): Promise<ItemThread> {
    const id = await this.send(channelId, message, options);
    return { threadId: id, messageId: id };
  }
  async postInForum(forumId: string, message: DigestMessage): Promise<ItemThread> {
    const id = await this.send(forumId, message);
    return { threadId: id, messageId: id };
  }
}

let server: FeedServer;
let dir: string;
let now: number;
const items: Array<{ guid: string; link: string; title: string; html: string }> = [];
const opened: Stores[] = [];
const runtimes: FeedRuntime[] = [];

async function connection(): Promise<Stores> {
  const s = await openStores({ kind: 'sqlite', path: join(dir, 'lede.db') });
  opened.push(s);
  return s;
}

function runtimeOn(s: Stores): FeedRuntime {
  const r = createFeedRuntime({
    store: s.feeds,
    articles: s.articles,
    outbox: s.outbox,
    pacing: s.pacing,
    threads: s.threads,
    config: loadConfig({ ALLOW_PRIVATE_URLS: 'true' }),
    now: () => now,
    sender: { postsPerSecond: 50 },
  });
  runtimes.push(r);
  return r;
}

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/news.xml', { body: () => rssOf('Harbour Wire', items) });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lede-roles-'));
  now = T0;
  items.length = 0;
  items.push({ guid: 'n0', link: 'https://news.example/n0', title: 'Ferry timetable changes', html: longBody('n0') });
});
afterEach(async () => {
  for (const r of runtimes.splice(0)) await r.stop();
  for (const s of opened.splice(0)) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('feed roles', () => {
  it('GIVEN a worker and two gateways of two shards THEN the worker posts nothing and each gateway posts its own server\'s announcement, once', async () => {
    expect([shardOf(GUILD_ON_0, 2), shardOf(GUILD_ON_1, 2)]).toEqual([0, 1]);
    const workerStores = await connection();
    const url = `${server.base}/news.xml`;
    for (const guild of [GUILD_ON_0, GUILD_ON_1]) await workerStores.feeds.subscribe(guild, url, { channelId: CHANNEL[guild]!, now, intervalMs: POLL_TIMING.intervalMs });
    const worker = runtimeOn(workerStores);
    worker.start({ poll: false });
    expect([worker.sender, worker.poster]).toEqual([undefined, undefined]);
    await worker.poller.pollDue(now); // the first poll: in the libraries, never announced
    items.unshift({ guid: 'n1', link: 'https://news.example/n1', title: 'Night buses return to the old town', html: longBody('n1') });
    now += POLL_TIMING.intervalMs * 2;
    expect((await worker.poller.pollDue(now)).map((r) => r.delivered)).toEqual([1]);
    expect(await workerStores.outbox.depth()).toEqual({ pending: 2, oldestAt: now });

    const posters = [new RecordingPoster(), new RecordingPoster()];
    // Each gateway on its own connection, as separate processes would be.
    const gateways: FeedRuntime[] = [];
    for (const shard of [0, 1]) {
      const g = runtimeOn(await connection());
      g.start({ poll: false, deliver: { poster: posters[shard]!, shards: { count: 2, ids: [shard] } } });
      gateways.push(g);
    }
    await Promise.all(gateways.map((g) => g.sender!.flush()));
    expect(posters.map((p) => p.posts.map((x) => [x.channelId, x.title]))).toEqual([
      [[CHANNEL[GUILD_ON_0], '**[Night buses return to the old town](https://news.example/n1)**']],
      [[CHANNEL[GUILD_ON_1], '**[Night buses return to the old town](https://news.example/n1)**']],
    ]);
    expect(await workerStores.outbox.depth()).toEqual({ pending: 0 });
    // Looked again later: nothing more to post.
    await Promise.all(gateways.map((g) => g.sender!.flush()));
    expect(posters.map((p) => p.posts.length)).toEqual([1, 1]);
  });

  it('GIVEN start(poster), one process THEN a poll\'s announcements are posted by the time the poll ends', async () => {
    const s = await connection();
    await s.feeds.subscribe(GUILD_ON_0, `${server.base}/news.xml`, { channelId: CHANNEL[GUILD_ON_0]!, now, intervalMs: POLL_TIMING.intervalMs });
    const all = runtimeOn(s);
    const poster = new RecordingPoster();
    await all.poller.pollDue(now); // the first poll
    all.start(poster);
    expect(all.poster).toBe(poster);
    items.unshift({ guid: 'n2', link: 'https://news.example/n2', title: 'Harbour works begin', html: longBody('n2') });
    now += POLL_TIMING.intervalMs * 2;
    await all.poller.pollDue(now);
    expect(poster.posts.map((p) => p.title)).toEqual(['**[Harbour works begin](https://news.example/n2)**']);
    expect(poster.posts[0]!.nonce).toMatch(/^o[0-9a-z]+\.[0-9a-z]+$/);
  });
});
