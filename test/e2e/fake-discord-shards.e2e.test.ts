/**
 * The fake Discord shards and limits as Discord does, proven with the real, unmodified discord.js
 * client (no bot): processes running different shards of one bot each see only their shards'
 * guilds and each event reaches exactly one of them; `shards: 'auto'` follows the recommended
 * count; bursts over the global limit get 429s that discord.js waits out; an enforced nonce
 * returns the message already posted; a message gets one thread.
 */
import { Client, DiscordAPIError, Events, GatewayIntentBits, type ClientOptions, type Interaction, type TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, shardOf } from '../support/fake-discord';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.fake.token-for-tests-only-000000000';

/** A client pointed at the fake, as DISCORD.md describes, without giving up on 429s. */
function clientFor(fake: FakeDiscord, options: Partial<ClientOptions> = {}, rest: Record<string, unknown> = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    waitGuildTimeout: 1000,
    rest: { api: fake.apiUrl, retries: 0, timeout: 5000, ...rest },
    ...options,
  });
}

async function login(client: Client): Promise<Client> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(TOKEN);
  await ready;
  return client;
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('two processes, shards [0, 1] and [2, 3] of 4, on one fake with 40 guilds', () => {
  const fake = new FakeDiscord(FakeDiscord.manyGuilds(40, 1));
  let low: Client;
  let high: Client;
  const received = new Map<string, string[]>(); // interaction id -> which clients got it
  let allArrived: () => void = () => undefined;

  const record = (name: string) => (i: Interaction) => {
    received.set(i.id, [...(received.get(i.id) ?? []), `${name}:${i.guildId}`]);
    if (received.size === fake.guilds.length) allArrived();
  };

  beforeAll(async () => {
    await fake.start();
    low = clientFor(fake, { shards: [0, 1], shardCount: 4 });
    high = clientFor(fake, { shards: [2, 3], shardCount: 4 });
    low.on(Events.InteractionCreate, record('low'));
    high.on(Events.InteractionCreate, record('high'));
    await Promise.all([login(low), login(high)]);
  });
  afterAll(async () => {
    await low?.destroy();
    await high?.destroy();
    await fake.stop();
  });

  it('GIVEN guild ids made by manyGuilds THEN they spread evenly: 10 per shard of 4, 20 per shard of 2', () => {
    expect([0, 1, 2, 3].map((s) => fake.guildsOfShard(s, 4).length)).toEqual([10, 10, 10, 10]);
    expect([0, 1].map((s) => fake.guildsOfShard(s, 2).length)).toEqual([20, 20]);
    expect(new Set(fake.guilds.map((g) => g.id)).size).toBe(40);
  });

  it('GIVEN both logged in THEN each identified its two shards and caches exactly its shards\u2019 guilds, together all 40', () => {
    expect(fake.identifiedShards.map((s) => s.join('/')).sort()).toEqual(['0/4', '1/4', '2/4', '3/4']);
    expect(fake.connectedShards.map((s) => s.join('/')).sort()).toEqual(['0/4', '1/4', '2/4', '3/4']);
    const ofShards = (...ids: number[]) => sorted(fake.guilds.filter((g) => ids.includes(shardOf(g.id, 4))).map((g) => g.id));
    expect(sorted(low.guilds.cache.keys())).toEqual(ofShards(0, 1));
    expect(sorted(high.guilds.cache.keys())).toEqual(ofShards(2, 3));
    expect(sorted([...low.guilds.cache.keys(), ...high.guilds.cache.keys()])).toEqual(sorted(fake.guilds.map((g) => g.id)));
    for (const g of [...low.guilds.cache.values(), ...high.guilds.cache.values()]) expect(g.shardId).toBe(shardOf(g.id, 4));
    // READY echoes the shard it was sent to.
    const readies = fake.frames.filter((f) => f.dir === 'out' && f.t === 'READY');
    expect(readies.map((f) => f.d.shard.join('/')).sort()).toEqual(['0/4', '1/4', '2/4', '3/4']);
    for (const f of readies) expect(f.d.shard).toEqual(f.shard);
  });

  it('GIVEN one slash command in every guild THEN each reaches exactly one client, the one running that guild\u2019s shard', async () => {
    const arrived = new Promise<void>((resolve) => (allArrived = resolve));
    const sent = fake.guilds.map((g) => ({ guildId: g.id, i: fake.slash({ name: 'ping', guildId: g.id }) }));
    await arrived;
    expect(sent.every(({ i }) => received.has(i.id))).toBe(true);
    for (const { guildId, i } of sent) {
      const owner = shardOf(guildId, 4) < 2 ? 'low' : 'high';
      expect(received.get(i.id)).toEqual([`${owner}:${guildId}`]);
      // On the wire too: one INTERACTION_CREATE frame, over the connection of the guild's shard.
      const frames = fake.frames.filter((f) => f.dir === 'out' && f.t === 'INTERACTION_CREATE' && f.d.id === i.id);
      expect(frames.map((f) => f.shard)).toEqual([[shardOf(guildId, 4), 4]]);
    }
    expect(received.size).toBe(40);
  });

  it('GIVEN a member posts in a guild\u2019s channel, and an event without a guild THEN the first goes to the guild\u2019s shard only, the second to shard 0', () => {
    const g = fake.guildsOfShard(3, 4)[0]!;
    const messageId = fake.postMessage({ channelId: g.channels[0]!.id, content: 'hello', mentionBot: true });
    const messageFrames = fake.frames.filter((f) => f.dir === 'out' && f.t === 'MESSAGE_CREATE' && f.d.id === messageId);
    expect(messageFrames.map((f) => [f.shard, f.d.guild_id])).toEqual([[[3, 4], g.id]]);
    fake.dispatch('USER_UPDATE', fake.botUser);
    const userFrames = fake.frames.filter((f) => f.dir === 'out' && f.t === 'USER_UPDATE');
    expect(userFrames.map((f) => f.shard)).toEqual([[0, 4]]);
  });

  it('GIVEN both processes post at once, each pacing itself at discord.js’s default 50/s THEN their shared token goes over, and all 120 posts still land', async () => {
    // The global limit is per token, not per process: two processes at 50/s each make 100/s.
    const own = (client: Client) => [...client.guilds.cache.values()].map((g) => g.channels.cache.first() as TextChannel);
    const posts = [low, high].flatMap((client, c) => Array.from({ length: 60 }, (_, n) => own(client)[n % 20]!.send({ content: `${c}-${n}` })));
    const sent = await Promise.all(posts);
    expect(sorted(sent.map((m) => m.content))).toEqual(sorted([0, 1].flatMap((c) => Array.from({ length: 60 }, (_, n) => `${c}-${n}`))));
    expect(fake.guilds.reduce((sum, g) => sum + fake.channelMessages(g.channels[0]!.id).length, 0)).toBe(120);
    expect(fake.rateLimited.length).toBeGreaterThan(0);
  });
});

describe('1,000 guilds over 4 shards in one process', () => {
  const fake = new FakeDiscord(FakeDiscord.manyGuilds(1000, 2));
  let client: Client;

  beforeAll(async () => {
    await fake.start();
    client = await login(clientFor(fake, { shardCount: 4 }));
  });
  afterAll(async () => {
    await client?.destroy();
    await fake.stop();
  });

  it('GIVEN login THEN every shard got its 250 guilds and the client caches all 1,000 with 2,000 channels', () => {
    const readies = fake.frames.filter((f) => f.dir === 'out' && f.t === 'READY');
    expect(readies.map((f) => [f.d.shard.join('/'), f.d.guilds.length]).sort()).toEqual([
      ['0/4', 250],
      ['1/4', 250],
      ['2/4', 250],
      ['3/4', 250],
    ]);
    expect(client.guilds.cache.size).toBe(1000);
    expect(client.channels.cache.size).toBe(2000);
  });
});

describe("one process with shards: 'auto' and a recommended count of 2", () => {
  const fake = new FakeDiscord(FakeDiscord.manyGuilds(40, 1), { recommendedShards: 2 });
  let client: Client;

  beforeAll(async () => {
    await fake.start();
    client = await login(clientFor(fake, { shards: 'auto' }));
  });
  afterAll(async () => {
    await client?.destroy();
    await fake.stop();
  });

  it('GIVEN login THEN discord.js runs shards 0 and 1 of 2 (options rewritten) and caches all 40 guilds on the right shard', () => {
    expect(client.options.shards).toEqual([0, 1]);
    expect(client.options.shardCount).toBe(2);
    expect(client.ws.shards.size).toBe(2);
    expect(fake.identifiedShards.map((s) => s.join('/')).sort()).toEqual(['0/2', '1/2']);
    expect(sorted(client.guilds.cache.keys())).toEqual(sorted(fake.guilds.map((g) => g.id)));
    for (const g of client.guilds.cache.values()) expect(g.shardId).toBe(shardOf(g.id, 2));
  });
});

describe('the global limit (50/s), nonces and one thread per message, through one client', () => {
  const fake = new FakeDiscord(FakeDiscord.manyGuilds(40, 1));
  let client: Client;

  beforeAll(async () => {
    await fake.start();
    // discord.js paces itself at 50/s by default; here it believes it may send far more (as when
    // two processes share one token), so the fake's limit is what holds it back.
    client = await login(clientFor(fake, {}, { globalRequestsPerSecond: 10_000 }));
  });
  afterAll(async () => {
    await client?.destroy();
    await fake.stop();
  });

  const channel = (i: number) => client.channels.cache.get(fake.guilds[i]!.channels[0]!.id) as TextChannel;

  it('GIVEN 120 posts at once over 40 channels THEN the fake refuses some with a global 429, discord.js waits them out and all 120 land', async () => {
    const before = fake.rateLimited.length;
    const started = Date.now();
    const posts = await Promise.all(Array.from({ length: 120 }, (_, n) => channel(n % 40).send({ content: `post ${n}` })));
    const elapsed = Date.now() - started;
    expect(posts.map((p) => p.content)).toEqual(Array.from({ length: 120 }, (_, n) => `post ${n}`));
    for (let i = 0; i < 40; i++) expect(fake.channelMessages(fake.guilds[i]!.channels[0]!.id).map((m) => m.content)).toEqual([`post ${i}`, `post ${i + 40}`, `post ${i + 80}`]);
    const refused = fake.rateLimited.slice(before);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.method).toBe('POST');
      expect(r.retryAfter).toBeGreaterThan(0);
      expect(r.retryAfter).toBeLessThanOrEqual(1);
    }
    // 120 requests at 50 per second need at least two window changes.
    expect(elapsed).toBeGreaterThanOrEqual(2000);
  });

  it('GIVEN a request over the limit THEN the 429 is Discord\u2019s: JSON with retry_after and global, Retry-After and X-RateLimit-Global/Scope headers', async () => {
    const quick = new FakeDiscord(FakeDiscord.manyGuilds(1, 1), { globalRequestsPerSecond: 2 });
    await quick.start();
    try {
      const get = () => fetch(`${quick.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${TOKEN}` } });
      expect((await get()).status).toBe(200);
      expect((await get()).status).toBe(200);
      const res = await get();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.headers.get('x-ratelimit-global')).toBe('true');
      expect(res.headers.get('x-ratelimit-scope')).toBe('global');
      const body = (await res.json()) as { message: string; retry_after: number; global: boolean };
      expect(body).toEqual({ message: 'You are being rate limited.', retry_after: body.retry_after, global: true });
      expect(body.retry_after).toBeGreaterThan(0);
      expect(body.retry_after).toBeLessThanOrEqual(1);
      // Another token has its own limit; interaction callbacks are not limited at all.
      expect((await fetch(`${quick.apiUrl}/v10/users/@me`, { headers: { authorization: 'Bot other' } })).status).toBe(200);
      expect((await fetch(`${quick.apiUrl}/v10/interactions/1/dG9rZW4/callback`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bot ${TOKEN}` }, body: '{"type":5}' })).status).toBe(204);
      expect(quick.rateLimited.map((r) => r.path)).toEqual(['/users/@me']);
      expect(quick.calls.map((c) => c.status)).toEqual([200, 200, 200, 204]);
    } finally {
      await quick.stop();
    }
  });

  it('GIVEN 80 interactions answered at once THEN no answer is limited (interaction endpoints are exempt)', async () => {
    const answered: Promise<unknown>[] = [];
    const onInteraction = (i: Interaction) => {
      if (i.isChatInputCommand()) answered.push(i.reply({ content: 'pong' }));
    };
    client.on(Events.InteractionCreate, onInteraction);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000)); // a fresh window after the burst
      const before = fake.rateLimited.length;
      const sent = Array.from({ length: 80 }, (_, n) => fake.slash({ name: 'ping', guildId: fake.guilds[n % 40]!.id }));
      const callbacks = await Promise.all(sent.map((i) => fake.callback(i)));
      await Promise.all(answered);
      expect(callbacks.map((c) => c.status)).toEqual(Array.from({ length: 80 }, () => 204));
      expect(fake.rateLimited.length).toBe(before);
    } finally {
      client.off(Events.InteractionCreate, onInteraction);
    }
  });

  it('GIVEN the same nonce posted twice with enforceNonce THEN Discord\u2019s answer: the same message, not a second one', async () => {
    const c = channel(0);
    const count = fake.channelMessages(c.id).length;
    const first = await c.send({ content: 'digest for Monday', nonce: 'digest-42-2026-12-07', enforceNonce: true });
    const again = await c.send({ content: 'digest for Monday', nonce: 'digest-42-2026-12-07', enforceNonce: true });
    expect(again.id).toBe(first.id);
    expect(fake.channelMessages(c.id)).toHaveLength(count + 1);
    // Without enforcement a nonce is only echoed: a new message.
    const loose = await c.send({ content: 'digest for Monday', nonce: 'digest-42-2026-12-07' });
    expect(loose.id).not.toBe(first.id);
    expect(fake.channelMessages(c.id)).toHaveLength(count + 2);
    // Discord refuses a nonce longer than 25 characters.
    const long = await c.send({ content: 'x', nonce: 'n'.repeat(26), enforceNonce: true }).catch((e: unknown) => e);
    expect(long).toBeInstanceOf(DiscordAPIError);
    expect((long as DiscordAPIError).code).toBe(50035);
    expect(fake.channelMessages(c.id)).toHaveLength(count + 2);
  });

  it('GIVEN a thread already started on a message THEN a second one on it is refused with 400 and code 160004', async () => {
    const c = channel(1);
    const message = await c.send({ content: 'story' });
    const thread = await c.threads.create({ name: 'Story', startMessage: message.id });
    expect(thread.id).toBe(message.id);
    expect(thread.guildId).toBe(c.guildId);
    const second = await c.threads.create({ name: 'Story again', startMessage: message.id }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(DiscordAPIError);
    expect((second as DiscordAPIError).status).toBe(400);
    expect((second as DiscordAPIError).code).toBe(160004);
    expect((second as DiscordAPIError).message).toBe('A thread has already been created for this message');
    expect([...fake.threads.values()].filter((t) => t.parent_id === c.id)).toHaveLength(1);
  });
});
