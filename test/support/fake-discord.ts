/**
 * A fake Discord on 127.0.0.1: the REST API and the gateway (WebSocket) on one port, faithful enough
 * for the unmodified discord.js v14 client (see ../shared/design/DISCORD.md). Every REST call and
 * gateway frame is recorded so tests assert on what the bot *sent*.
 *
 * Also serves plain files (`serve(path, body, type)`) for URL and attachment downloads.
 *
 * Like Discord it shards and limits: a gateway connection that identifies as shard [id, count] gets
 * only the guilds with `(guild_id >> 22) % count === id` (READY, GUILD_CREATE and every later guild
 * event); REST requests are refused with a global 429 beyond `globalRequestsPerSecond` per bot
 * token (interaction callbacks and webhooks exempt); a post with `enforce_nonce` returns the
 * message already created with that nonce; a second thread on one message is refused (160004).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RestCall {
  readonly method: string;
  /** Path after /api/v10, tokens as sent (decoded). */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: any;
  readonly at: number;
  /** performance.now() when the fake answered: sub-millisecond, for latency figures. */
  readonly hr: number;
  readonly status: number;
}

export interface GatewayFrame {
  readonly dir: 'in' | 'out';
  /** The shard of the connection it went over, once that connection identified. */
  readonly shard?: readonly [number, number];
  readonly op: number;
  readonly t?: string | null;
  readonly d: any;
  readonly at: number;
}

export interface FakeGuild {
  readonly id: string;
  readonly name: string;
  readonly channels: ReadonlyArray<FakeChannel>;
}

export interface FakeChannel {
  readonly id: string;
  readonly name: string;
  /** Discord's channel type: 0 text (default), 5 announcement, 15 forum. */
  readonly type?: number;
  /** Permissions denied to the bot in this channel (a member permission overwrite). */
  readonly botDeny?: bigint;
  /** A forum's tags (Discord's forum tag objects, without emoji). */
  readonly tags?: ReadonlyArray<{ readonly id: string; readonly name: string; readonly moderated?: boolean }>;
  /** A forum's "Require people to select tags when posting" (channel flag REQUIRE_TAG, 1 << 4). */
  readonly requireTag?: boolean;
}

/** Discord's channel flag: a forum post must carry a tag. */
const REQUIRE_TAG_FLAG = 1 << 4;

/** A request refused with a global 429 (it is not in `calls`: the fake did not process it). */
export interface RateLimitedCall {
  readonly method: string;
  readonly path: string;
  readonly at: number;
  /** Seconds the fake told the client to wait (the JSON `retry_after`). */
  readonly retryAfter: number;
}

export interface FakeDiscordOptions {
  /** The shard count `GET /gateway/bot` recommends (what `shards: 'auto'` uses). Default 1. */
  readonly recommendedShards?: number;
  /**
   * `session_start_limit.max_concurrency`: how many shards may identify at once. @discordjs/ws waits
   * 5 s between two identifies of one bucket (shard id % max_concurrency), so the default is 16
   * (what large bots get) to keep multi-shard tests fast; 1 is what a small bot gets.
   */
  readonly maxConcurrency?: number;
  /**
   * Discord's global limit: REST requests per second per bot token, across all routes but the
   * interaction ones. Beyond it a 429 with `global: true`. Default 50, as on Discord.
   */
  readonly globalRequestsPerSecond?: number;
}

/** Discord's channel types the fake knows by name. */
export const CHANNEL_TYPES = { text: 0, announcement: 5, publicThread: 11, forum: 15 } as const;

/** Permission bits (Discord's). */
export const PERMS = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  ManageGuild: 1n << 5n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  UseApplicationCommands: 1n << 31n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** What a bot normally has in a channel where it is welcome. */
export const BOT_PERMISSIONS =
  PERMS.ViewChannel | PERMS.SendMessages | PERMS.EmbedLinks | PERMS.ReadMessageHistory | PERMS.CreatePublicThreads | PERMS.SendMessagesInThreads;
/** An ordinary member. */
export const MEMBER_PERMISSIONS = PERMS.ViewChannel | PERMS.SendMessages | PERMS.UseApplicationCommands;

const DISCORD_EPOCH = 1420070400000n;
let seq = 0n;
/** A fresh, increasing snowflake. */
export function snowflake(): string {
  seq = (seq + 1n) & 0xfffn;
  return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (BigInt(process.pid & 0x3ff) << 12n) | seq);
}

/**
 * Guild ids for `FakeDiscord.manyGuilds`: one millisecond apart, starting a day back and walking
 * further back. A guild's shard is its id's timestamp modulo the shard count, so ids made in one
 * millisecond by `snowflake()` would all land on one shard; consecutive milliseconds spread them
 * evenly over any count.
 */
let guildMs = BigInt(Date.now()) - DISCORD_EPOCH - 86_400_000n;
function guildSnowflake(): string {
  guildMs -= 1n;
  return String((guildMs << 22n) | (BigInt(process.pid & 0x3ff) << 12n));
}

/** The shard a guild's events go to, as Discord computes it: (guild_id >> 22) % shard count. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** IDENTIFY's `shard` ([id, count]); a bot that sends none is the one shard of one. */
function shardPair(identify: unknown): readonly [number, number] {
  const shard = (identify as { shard?: unknown } | null)?.shard;
  return Array.isArray(shard) && shard.length === 2 ? [Number(shard[0]), Number(shard[1])] : [0, 1];
}

/** How long an enforced nonce is remembered (Discord: "the past few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;
/** Discord's longest nonce (a string of up to 25 characters, or an integer). */
const NONCE_MAX_LENGTH = 25;

export type OptionValue = { name: string; type: number; value?: string | number | boolean; focused?: boolean };

export interface InteractionInput {
  readonly user?: { id: string; username: string };
  readonly guildId?: string | null;
  readonly channelId?: string;
  /** 0 text channel (default), 11 public thread. */
  readonly channelType?: number;
  readonly memberPermissions?: bigint;
  readonly appPermissions?: bigint;
}

export interface SlashInput extends InteractionInput {
  readonly name: string;
  readonly subcommand?: string;
  readonly options?: readonly OptionValue[];
  readonly attachments?: Record<string, { filename: string; size: number; url: string; content_type?: string }>;
}

/** A file on a message, as Discord describes it. */
export interface FakeAttachment {
  readonly filename: string;
  readonly size: number;
  readonly url: string;
  readonly content_type?: string;
}

/** A right-click on a message > Apps > `name`: the message's content and files come with the interaction. */
export interface MessageCommandInput extends InteractionInput {
  readonly name: string;
  readonly targetMessage: {
    readonly id?: string;
    readonly content: string;
    readonly attachments?: readonly FakeAttachment[];
    /** Who wrote it (default: a member other than the one who right-clicks). */
    readonly author?: { id: string; username: string; bot?: boolean };
  };
}

export interface SentInteraction {
  readonly id: string;
  readonly token: string;
  readonly sentAt: number;
  /** performance.now() when the gateway frame was sent. */
  readonly sentHr: number;
}

export const opt = {
  string: (name: string, value: string, focused = false): OptionValue => ({ name, type: 3, value, ...(focused && { focused }) }),
  integer: (name: string, value: number): OptionValue => ({ name, type: 4, value }),
  attachment: (name: string, id: string): OptionValue => ({ name, type: 11, value: id }),
  channel: (name: string, id: string): OptionValue => ({ name, type: 7, value: id }),
};

/** One gateway connection and the shard it identified as (none before IDENTIFY). */
interface Connection {
  shard?: readonly [number, number];
}

export class FakeDiscord {
  /** REST requests the fake processed (those refused with a global 429 are in `rateLimited`). */
  readonly calls: RestCall[] = [];
  /** REST requests refused by the global limit. discord.js waits and sends them again. */
  readonly rateLimited: RateLimitedCall[] = [];
  readonly frames: GatewayFrame[] = [];
  readonly applicationId = snowflake();
  readonly botUser = { id: this.applicationId, username: 'Lede', discriminator: '0', global_name: 'Lede', avatar: null, bot: true };
  readonly guilds: FakeGuild[];
  /** Messages the bot posted, by id (interaction responses included), in Discord's JSON shape. */
  readonly messages = new Map<string, any>();
  /** Registered commands per route. */
  readonly commands = new Map<string, any[]>();
  readonly threads = new Map<string, any>();
  /** Set to make thread creation fail like Discord does without permission (403, code 50013). */
  denyThreadCreation = false;
  port = 0;
  readonly recommendedShards: number;
  readonly maxConcurrency: number;
  readonly globalRequestsPerSecond: number;
  private server: Server;
  private wss: WebSocketServer;
  private sockets = new Map<WebSocket, Connection>();
  /** Messages posted with POST /channels/:id/messages, by channel id, in order. */
  private posted = new Map<string, any[]>();
  /** Enforced nonces: the message created with each and when. */
  private nonces = new Map<string, { id: string; at: number }>();
  /** The global limit's current one-second window per bot token. */
  private windows = new Map<string, { start: number; count: number }>();
  /** The guild of each channel and thread, for routing events to the guild's shard. */
  private channelGuilds = new Map<string, string>();
  /** The channel each interaction happened in (its @original response is posted there). */
  private interactionChannels = new Map<string, string>();
  private gatewaySeq = 0;
  private files = new Map<string, { body: Buffer | (() => Buffer); type: string; delayMs: number }>();
  private waiters = new Set<() => void>();
  /** The message id of each interaction's @original response. */
  private originals = new Map<string, string>();
  /** Callbacks by interaction id, and who waits for them (O(1) lookups for benchmarks). */
  private callbacks = new Map<string, RestCall>();
  private callbackWaiters = new Map<string, (c: RestCall) => void>();

  constructor(guilds?: FakeGuild[], options: FakeDiscordOptions = {}) {
    this.guilds = guilds ?? [{ id: snowflake(), name: 'Newsroom', channels: [{ id: snowflake(), name: 'general' }] }];
    this.recommendedShards = options.recommendedShards ?? 1;
    this.maxConcurrency = options.maxConcurrency ?? 16;
    this.globalRequestsPerSecond = options.globalRequestsPerSecond ?? 50;
    for (const g of this.guilds) for (const c of g.channels) this.channelGuilds.set(c.id, g.id);
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => this.wss.handleUpgrade(req, socket, head, (ws) => this.connect(ws)));
  }

  /**
   * `n` guilds with `channelsEach` text channels, their ids spread evenly over any shard count
   * (consecutive guilds land on consecutive shards).
   */
  static manyGuilds(n: number, channelsEach = 1): FakeGuild[] {
    return Array.from({ length: n }, (_, i) => ({
      id: guildSnowflake(),
      name: `Server ${i + 1}`,
      channels: Array.from({ length: channelsEach }, (_, j) => ({ id: snowflake(), name: j === 0 ? 'general' : `news-${j}` })),
    }));
  }

  /** The shard a guild belongs to among `count` (Discord's formula). */
  static shardOf(guildId: string, count: number): number {
    return shardOf(guildId, count);
  }

  get guild(): FakeGuild {
    return this.guilds[0]!;
  }

  /** The [shard id, shard count] of every IDENTIFY received, in order (reconnects included). */
  get identifiedShards(): Array<readonly [number, number]> {
    return this.frames.filter((f) => f.dir === 'in' && f.op === 2).map((f) => shardPair(f.d));
  }

  /** The shard of each gateway connection open now that has identified. */
  get connectedShards(): Array<readonly [number, number]> {
    return [...this.sockets.values()].flatMap((c) => (c.shard ? [c.shard] : []));
  }

  /** The guilds shard `id` of `count` serves. */
  guildsOfShard(id: number, count: number): FakeGuild[] {
    return this.guilds.filter((g) => shardOf(g.id, count) === id);
  }

  /** Messages the bot posted in a channel or thread with POST /channels/:id/messages, in order. */
  channelMessages(channelId: string): any[] {
    return this.posted.get(channelId) ?? [];
  }

  /** The guild a channel or thread belongs to (the first guild if the fake does not know it). */
  guildOfChannel(channelId: string): string {
    const known = this.channelGuilds.get(channelId) ?? this.threads.get(channelId)?.guild_id;
    if (known) return known;
    // A guild or channel a test added after construction.
    const guild = this.guilds.find((g) => g.channels.some((c) => c.id === channelId));
    if (guild) this.channelGuilds.set(channelId, guild.id);
    return guild?.id ?? this.guild.id;
  }
  get channelId(): string {
    return this.guild.channels[0]!.id;
  }
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }
  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Stop after the client was destroyed (the other order leaves discord.js reconnecting). */
  async stop(): Promise<void> {
    for (const ws of this.sockets.keys()) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Serve a file at `path` (outside /api), for URL and attachment downloads. */
  serve(path: string, body: string | Buffer | (() => Buffer), type = 'text/plain; charset=utf-8', { delayMs = 0 } = {}): string {
    this.files.set(path, { body: typeof body === 'string' ? Buffer.from(body) : body, type, delayMs });
    return this.url(path);
  }

  // ---------- waiting and querying ----------

  /** Resolve when `find()` returns something (re-checked on every recorded call/frame). */
  async waitFor<T>(find: () => T | undefined | false, timeoutMs = 3000, what = 'condition'): Promise<T> {
    const first = find();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const v = find();
        if (v) {
          clearTimeout(timer);
          this.waiters.delete(check);
          resolve(v);
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  callsFor(i: { id: string; token: string }): RestCall[] {
    return this.calls.filter((c) => c.path.includes(`/${i.id}/${i.token}/`) || c.path.includes(`/${i.token}`));
  }

  /** The first response (callback) to an interaction. */
  callback(i: SentInteraction, timeoutMs = 3000): Promise<RestCall> {
    const done = this.callbacks.get(i.id);
    if (done) return Promise.resolve(done);
    return new Promise<RestCall>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.callbackWaiters.delete(i.id);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for the callback of interaction ${i.id}`));
      }, timeoutMs);
      this.callbackWaiters.set(i.id, (c) => {
        clearTimeout(timer);
        this.callbackWaiters.delete(i.id);
        resolve(c);
      });
    });
  }

  /** The final visible answer: the callback if it carried a message, else the edit or follow-up. */
  async answer(i: SentInteraction, timeoutMs = 5000): Promise<{ body: any; ephemeral: boolean; via: string }> {
    const cb = await this.callback(i, timeoutMs);
    if (cb.body.type === 4 || cb.body.type === 7) {
      return { body: cb.body.data, ephemeral: ((cb.body.data?.flags ?? 0) & 64) !== 0, via: 'callback' };
    }
    const deferredEphemeral = ((cb.body.data?.flags ?? 0) & 64) !== 0;
    const later = await this.waitFor(
      () =>
        this.calls.find(
          (c) =>
            c.path.startsWith(`/webhooks/${this.applicationId}/${i.token}`) &&
            ((c.method === 'PATCH' && c.path.endsWith('/messages/@original')) || (c.method === 'POST' && c.path === `/webhooks/${this.applicationId}/${i.token}`)),
        ),
      timeoutMs,
      `the answer to interaction ${i.id}`,
    );
    const ephemeral = later.method === 'PATCH' ? deferredEphemeral : ((later.body?.flags ?? 0) & 64) !== 0;
    return { body: later.body, ephemeral, via: later.method };
  }

  // ---------- sending interactions and events ----------

  /**
   * Send a gateway event, as Discord does, only to the connections of the shard it belongs to: a
   * guild's events to its shard (by `guild_id`, or `id` for GUILD_* events about the guild itself),
   * events without a guild to shard 0. Connections that have not identified get nothing.
   */
  dispatch(t: string, d: unknown): void {
    const frame = { op: 0, t, s: ++this.gatewaySeq, d };
    const body = d as { guild_id?: string; id?: string } | null;
    const guildId = body?.guild_id ?? (t.startsWith('GUILD_') ? body?.id : undefined);
    for (const [ws, conn] of this.sockets) {
      if (!conn.shard) continue;
      const [id, count] = conn.shard;
      if ((guildId ? shardOf(guildId, count) : 0) === id) this.send(ws, frame);
    }
  }

  private base(input: InteractionInput, type: number) {
    const guildId = input.guildId === undefined ? (input.channelId ? this.guildOfChannel(input.channelId) : this.guild.id) : input.guildId;
    const user = { discriminator: '0', avatar: null, global_name: null, ...(input.user ?? { id: '100000000000000001', username: 'reader' }) };
    const id = snowflake();
    const token = `aW50ZXJhY3Rpb246${randomBytes(32).toString('base64url')}`;
    const channelId = input.channelId ?? this.guilds.find((g) => g.id === guildId)?.channels[0]?.id ?? this.channelId;
    this.interactionChannels.set(token, channelId);
    return {
      id,
      token,
      payload: {
        id,
        application_id: this.applicationId,
        type,
        token,
        version: 1,
        ...(guildId && { guild_id: guildId, guild_locale: 'en-US' }),
        channel: {
          id: channelId,
          type: input.channelType ?? 0,
          ...(guildId && { guild_id: guildId }),
          name: 'general',
          ...(input.channelType === 11 && { parent_id: this.threads.get(channelId)?.parent_id ?? this.channelId, thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false } }),
        },
        channel_id: channelId,
        ...(guildId
          ? {
              member: {
                user,
                roles: [],
                permissions: String(input.memberPermissions ?? MEMBER_PERMISSIONS),
                joined_at: '2024-01-01T00:00:00.000Z',
                deaf: false,
                mute: false,
                flags: 0,
              },
            }
          : { user }),
        app_permissions: String(input.appPermissions ?? BOT_PERMISSIONS),
        locale: 'en-US',
        entitlements: [],
        authorizing_integration_owners: { '0': guildId ?? '0' },
        context: guildId ? 0 : 1,
        attachment_size_limit: 10 * 1024 * 1024,
      } as Record<string, unknown>,
    };
  }

  private sendInteraction(id: string, token: string, payload: Record<string, unknown>): SentInteraction {
    const sentAt = Date.now();
    const sentHr = performance.now();
    this.dispatch('INTERACTION_CREATE', payload);
    return { id, token, sentAt, sentHr };
  }

  /** A slash command as a user types it. */
  slash(input: SlashInput): SentInteraction {
    const { id, token, payload } = this.base(input, 2);
    const options = input.subcommand ? [{ name: input.subcommand, type: 1, options: input.options ?? [] }] : (input.options ?? []);
    // Channel options (type 7) are resolved like Discord does, from the guild's channels.
    const channelIds = (input.options ?? []).filter((o) => o.type === 7).map((o) => String(o.value));
    const channels = channelIds.length
      ? Object.fromEntries(
          channelIds.map((cid) => {
            const c = this.guilds.flatMap((g) => g.channels.map((ch) => ({ ...ch, guild_id: g.id }))).find((ch) => ch.id === cid);
            return [cid, { id: cid, type: c?.type ?? 0, name: c?.name ?? 'unknown', guild_id: c?.guild_id ?? this.guild.id, permissions: String(BOT_PERMISSIONS & ~(c?.botDeny ?? 0n)) }];
          }),
        )
      : undefined;
    const attachments = input.attachments
      ? Object.fromEntries(Object.entries(input.attachments).map(([aid, a]) => [aid, { id: aid, proxy_url: a.url, ...a }]))
      : undefined;
    const resolved = attachments || channels ? { ...(attachments && { attachments }), ...(channels && { channels }) } : undefined;
    payload.data = { id: snowflake(), name: input.name, type: 1, options, ...(resolved && { resolved }) };
    return this.sendInteraction(id, token, payload);
  }

  /** Typing in an autocompleted option (mark the focused one with opt.string(name, v, true)). */
  autocomplete(input: SlashInput): SentInteraction {
    const { id, token, payload } = this.base(input, 4);
    const options = input.subcommand ? [{ name: input.subcommand, type: 1, options: input.options ?? [] }] : (input.options ?? []);
    payload.data = { id: snowflake(), name: input.name, type: 1, options };
    return this.sendInteraction(id, token, payload);
  }

  /** A click on a button of a message the bot sent. */
  click(input: InteractionInput & { customId: string; messageId: string }): SentInteraction {
    const { id, token, payload } = this.base(input, 3);
    const message = this.messages.get(input.messageId) ?? this.messageJson({ id: input.messageId, channel_id: input.channelId ?? this.channelId });
    payload.message = message;
    payload.data = { custom_id: input.customId, component_type: 2 };
    return this.sendInteraction(id, token, payload);
  }

  /**
   * A right-click on a message > Apps > `name` (interaction type 2, data.type 3), as discord.js
   * parses it into a MessageContextMenuCommandInteraction: data.target_id and the message in
   * data.resolved.messages, with its author, channel, timestamp and files.
   */
  messageCommand(input: MessageCommandInput): SentInteraction & { readonly targetId: string } {
    const { id, token, payload } = this.base(input, 2);
    const targetId = input.targetMessage.id ?? snowflake();
    const author = { discriminator: '0', avatar: null, global_name: null, ...(input.targetMessage.author ?? { id: '100000000000000002', username: 'poster' }) };
    const message = this.messageJson({
      id: targetId,
      channel_id: input.channelId ?? this.channelId,
      content: input.targetMessage.content,
      author,
      attachments: (input.targetMessage.attachments ?? []).map((a) => ({ id: snowflake(), proxy_url: a.url, ...a })),
    });
    payload.data = { id: snowflake(), name: input.name, type: 3, target_id: targetId, resolved: { messages: { [targetId]: message } } };
    return { ...this.sendInteraction(id, token, payload), targetId };
  }

  /**
   * A member (or, with `user.bot`, a bot) posts in a channel or thread. Without the Message Content
   * intent, content and files are empty unless it mentions the bot.
   */
  postMessage(input: {
    channelId: string;
    content: string;
    mentionBot?: boolean;
    user?: { id: string; username: string; bot?: boolean };
    messageContentIntent?: boolean;
    attachments?: readonly FakeAttachment[];
  }): string {
    const id = snowflake();
    const user = { discriminator: '0', avatar: null, global_name: null, ...(input.user ?? { id: '100000000000000001', username: 'reader' }) };
    const mentions = input.mentionBot ? [this.botUser] : [];
    const readable = input.mentionBot || input.messageContentIntent;
    const content = readable ? input.content : '';
    const attachments = readable ? (input.attachments ?? []).map((a) => ({ id: snowflake(), proxy_url: a.url, ...a })) : [];
    this.dispatch('MESSAGE_CREATE', {
      ...this.messageJson({ id, channel_id: input.channelId, content, author: user, mentions, attachments }),
      guild_id: this.guildOfChannel(input.channelId),
      member: { roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
    });
    return id;
  }

  /** The message id of an interaction's @original response (after the bot answered). */
  originalMessageId(i: SentInteraction): string | undefined {
    return this.originals.get(i.token);
  }

  // ---------- internals ----------

  private messageJson(m: Record<string, unknown>): any {
    return {
      type: 0,
      content: '',
      author: this.botUser,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
      ...m,
    };
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  private send(ws: WebSocket, frame: { op: number; t?: string | null; s?: number | null; d: unknown }): void {
    const shard = this.sockets.get(ws)?.shard;
    this.frames.push({ dir: 'out', op: frame.op, t: frame.t ?? null, d: frame.d, at: Date.now(), ...(shard && { shard }) });
    ws.send(JSON.stringify({ t: null, s: null, ...frame }));
  }

  private connect(ws: WebSocket): void {
    const conn: Connection = {};
    this.sockets.set(ws, conn);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: any };
      this.frames.push({ dir: 'in', op: msg.op, d: msg.d, at: Date.now(), ...(conn.shard && { shard: conn.shard }) });
      if (msg.op === 1) this.send(ws, { op: 11, d: null });
      if (msg.op === 2) this.identify(ws, msg.d);
      this.notify();
    });
    this.send(ws, { op: 10, d: { heartbeat_interval: 45_000 } });
  }

  /** The intents the bot identified with. */
  get identifiedIntents(): number | undefined {
    return this.frames.find((f) => f.dir === 'in' && f.op === 2)?.d?.intents;
  }

  private identify(ws: WebSocket, d: unknown): void {
    const shard = shardPair(d);
    const [shardId, shardCount] = shard;
    if (!Number.isInteger(shardId) || !Number.isInteger(shardCount) || shardCount < 1 || shardId < 0 || shardId >= shardCount) {
      // Discord's close code for a shard id or count it cannot serve.
      ws.close(4010, 'Invalid shard.');
      return;
    }
    this.sockets.get(ws)!.shard = shard;
    const guilds = this.guildsOfShard(shardId, shardCount);
    const s = () => ++this.gatewaySeq;
    this.send(ws, {
      op: 0,
      t: 'READY',
      s: s(),
      d: {
        v: 10,
        user: this.botUser,
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        shard: [shardId, shardCount],
        session_id: randomBytes(16).toString('hex'),
        resume_gateway_url: `ws://127.0.0.1:${this.port}`,
        application: { id: this.applicationId, flags: 0 },
        private_channels: [],
        relationships: [],
      },
    });
    for (const g of guilds) {
      this.send(ws, {
        op: 0,
        t: 'GUILD_CREATE',
        s: s(),
        d: {
          id: g.id,
          name: g.name,
          owner_id: '100000000000000999',
          unavailable: false,
          member_count: 2,
          large: false,
          joined_at: '2024-01-01T00:00:00.000Z',
          features: [],
          emojis: [],
          stickers: [],
          roles: [
            {
              id: g.id,
              name: '@everyone',
              permissions: String(BOT_PERMISSIONS | MEMBER_PERMISSIONS),
              position: 0,
              color: 0,
              hoist: false,
              managed: false,
              mentionable: false,
              flags: 0,
            },
          ],
          channels: g.channels.map((c, i) => ({
            id: c.id,
            type: c.type ?? 0,
            name: c.name,
            position: i,
            permission_overwrites: c.botDeny ? [{ id: this.botUser.id, type: 1, allow: '0', deny: String(c.botDeny) }] : [],
            guild_id: g.id,
            ...(c.type === CHANNEL_TYPES.forum && {
              available_tags: (c.tags ?? []).map((t) => ({ id: t.id, name: t.name, moderated: t.moderated ?? false, emoji_id: null, emoji_name: null })),
              default_reaction_emoji: null,
              default_sort_order: null,
              default_forum_layout: 0,
              flags: c.requireTag ? REQUIRE_TAG_FLAG : 0,
            }),
          })),
          threads: [],
          members: [{ user: this.botUser, roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 }],
          voice_states: [],
          presences: [],
          stage_instances: [],
          guild_scheduled_events: [],
        },
      });
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    if (!url.pathname.startsWith('/api/')) return this.serveFile(url.pathname, req, res);
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, ''));
    let body: any = undefined;
    const ct = req.headers['content-type'] ?? '';
    if (raw.length && ct.includes('application/json')) body = JSON.parse(raw.toString('utf8'));
    else if (raw.length && ct.includes('multipart/form-data')) {
      const m = /name="payload_json"[^]*?\r\n\r\n([^]*?)\r\n--/.exec(raw.toString('utf8'));
      body = m ? JSON.parse(m[1]!) : { multipart: true };
    }
    const reply = (status: number, json?: unknown) => {
      const call = { method: req.method ?? 'GET', path, query: url.searchParams, body, at: Date.now(), hr: performance.now(), status };
      this.calls.push(call);
      const cb = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path);
      if (cb && req.method === 'POST') {
        this.callbacks.set(cb[1]!, call);
        this.callbackWaiters.get(cb[1]!)?.(call);
      }
      if (json === undefined) {
        res.writeHead(status);
        res.end();
      } else {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      }
      this.notify();
    };
    const method = req.method ?? 'GET';
    const wait = this.overGlobalLimit(path, req.headers.authorization);
    if (wait !== undefined) {
      this.rateLimited.push({ method, path, at: Date.now(), retryAfter: wait });
      // Discord's global 429: the exact wait in the body, whole seconds (rounded up) in Retry-After.
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': String(Math.ceil(wait)),
        'x-ratelimit-global': 'true',
        'x-ratelimit-scope': 'global',
      });
      res.end(JSON.stringify({ message: 'You are being rate limited.', retry_after: wait, global: true }));
      this.notify();
      return;
    }
    let m: RegExpExecArray | null;
    if (method === 'GET' && (path === '/gateway/bot' || path === '/gateway')) {
      return reply(200, {
        url: `ws://127.0.0.1:${this.port}`,
        shards: this.recommendedShards,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: this.maxConcurrency },
      });
    }
    if (method === 'GET' && path === '/users/@me') return reply(200, this.botUser);
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      if (method === 'PUT') {
        const list = (body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: m![1], version: snowflake(), ...(m![2] && { guild_id: m![2] }) }));
        this.commands.set(path, list);
        return reply(200, list);
      }
      return reply(200, this.commands.get(path) ?? []);
    }
    if (method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      const token = m[2]!;
      if (body?.type === 4 || body?.type === 5) {
        const msg = this.messageJson({
          id: snowflake(),
          channel_id: this.interactionChannels.get(token) ?? this.channelId,
          webhook_id: this.applicationId,
          application_id: this.applicationId,
          ...(body.data ?? {}),
          flags: body.data?.flags ?? 0,
        });
        this.originals.set(token, msg.id);
        this.messages.set(msg.id, msg);
      }
      if (body?.type === 7 && body.data) {
        // update(): replaces the message the button was on; nothing new to record as original.
      }
      if (url.searchParams.get('with_response') === 'true') {
        const id = this.originals.get(token);
        return reply(200, { interaction: { id: m[1], type: 2 }, resource: { type: body?.type, ...(id && { message: this.messages.get(id) }) } });
      }
      return reply(204);
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path))) {
      const token = m[2]!;
      const which = m[3];
      if (method === 'POST' && !which) {
        const msg = this.messageJson({ id: snowflake(), channel_id: this.interactionChannels.get(token) ?? this.channelId, webhook_id: this.applicationId, ...(body ?? {}) });
        this.messages.set(msg.id, msg);
        return reply(200, msg);
      }
      const id = which === '@original' ? this.originals.get(token) : which;
      if (method === 'DELETE') {
        if (id) this.messages.delete(id);
        return reply(204);
      }
      if (method === 'PATCH' || method === 'GET') {
        const existing = (id && this.messages.get(id)) || this.messageJson({ id: id ?? snowflake(), channel_id: this.interactionChannels.get(token) ?? this.channelId });
        const msg = { ...existing, ...(method === 'PATCH' ? body : {}), webhook_id: this.applicationId };
        this.messages.set(msg.id, msg);
        return reply(200, msg);
      }
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
      if (this.denyThreadCreation) return reply(403, { code: 50013, message: 'Missing Permissions' });
      // A message has at most one thread, whose id is the message's.
      if (this.threads.has(m[2]!)) return reply(400, { code: 160004, message: 'A thread has already been created for this message' });
      const thread = {
        id: m[2],
        type: 11,
        guild_id: this.guildOfChannel(m[1]!),
        parent_id: m[1],
        name: body?.name,
        owner_id: this.botUser.id,
        message_count: 0,
        member_count: 1,
        rate_limit_per_user: 0,
        flags: 0,
        thread_metadata: {
          archived: false,
          auto_archive_duration: body?.auto_archive_duration ?? 4320,
          archive_timestamp: new Date().toISOString(),
          locked: false,
        },
      };
      this.threads.set(thread.id!, thread);
      this.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
      return reply(201, thread);
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/threads$/.exec(path))) {
      // A thread without a message; in a forum channel, a post: the thread and its first message (same id).
      if (this.denyThreadCreation) return reply(403, { code: 50013, message: 'Missing Permissions' });
      const name = typeof body?.name === 'string' ? body.name : '';
      if (name.length < 1 || name.length > 100) return reply(400, { code: 50035, message: 'Invalid Form Body', errors: { name: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }] } } });
      const parent = this.guilds.flatMap((g) => g.channels).find((c) => c.id === m![1]);
      const forum = parent?.type === CHANNEL_TYPES.forum;
      if (forum && !body?.message) return reply(400, { code: 50035, message: 'Invalid Form Body: a forum post needs a message' });
      const appliedTags: unknown[] = forum && Array.isArray(body?.applied_tags) ? body.applied_tags : [];
      if (forum) {
        // As Discord: a tag must be one of the forum's; a forum that requires tags refuses a post without one.
        const known = new Set((parent?.tags ?? []).map((t) => t.id));
        if (appliedTags.some((t) => typeof t !== 'string' || !known.has(t))) return reply(400, { code: 50035, message: 'Invalid Form Body', errors: { applied_tags: { _errors: [{ code: 'TAG_INVALID', message: 'Unknown tag' }] } } });
        if (parent?.requireTag && appliedTags.length === 0) return reply(400, { code: 40067, message: 'A tag is required to create a forum post in this channel' });
      }
      const id = snowflake();
      const thread = {
        id,
        type: forum ? CHANNEL_TYPES.publicThread : (body?.type ?? CHANNEL_TYPES.publicThread),
        guild_id: this.guildOfChannel(m[1]!),
        parent_id: m[1],
        name,
        owner_id: this.botUser.id,
        last_message_id: forum ? id : null,
        message_count: forum ? 1 : 0,
        member_count: 1,
        rate_limit_per_user: 0,
        flags: 0,
        applied_tags: appliedTags,
        thread_metadata: {
          archived: false,
          auto_archive_duration: body?.auto_archive_duration ?? 4320,
          archive_timestamp: new Date().toISOString(),
          locked: false,
        },
      };
      this.threads.set(id, thread);
      const first = forum ? this.messageJson({ id, channel_id: id, ...body.message }) : undefined;
      if (first) this.messages.set(id, first);
      this.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
      return reply(201, { ...thread, ...(first && { message: first }) });
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      const { enforce_nonce: enforceNonce, ...fields } = body ?? {};
      const nonce = fields.nonce as string | number | undefined;
      if (nonce !== undefined && (typeof nonce === 'string' ? nonce.length > NONCE_MAX_LENGTH : !Number.isInteger(nonce))) {
        return reply(400, { code: 50035, message: 'Invalid Form Body', errors: { nonce: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: `Must be ${NONCE_MAX_LENGTH} or fewer in length.` }] } } });
      }
      // Discord: with enforce_nonce, a message the same author created with the same nonce in the
      // past few minutes is returned and no new message is created.
      const key = nonce === undefined ? undefined : String(nonce);
      const earlier = enforceNonce === true && key !== undefined ? this.nonces.get(key) : undefined;
      if (earlier && Date.now() - earlier.at < NONCE_WINDOW_MS && this.messages.has(earlier.id)) return reply(200, this.messages.get(earlier.id));
      const msg = this.messageJson({ id: snowflake(), channel_id: m[1], ...fields });
      this.messages.set(msg.id, msg);
      if (enforceNonce === true && key !== undefined) this.nonces.set(key, { id: msg.id, at: Date.now() });
      const list = this.posted.get(m[1]!);
      if (list) list.push(msg);
      else this.posted.set(m[1]!, [msg]);
      return reply(200, msg);
    }
    return reply(404, { code: 0, message: '404: Not Found' });
  }

  /**
   * Discord's global limit: `globalRequestsPerSecond` requests per bot token in each one-second
   * window (a window opens with the first request after the last one closed). Interaction
   * callbacks and interaction webhooks are not subject to it, as on Discord. Returns the seconds
   * to wait when this request is over the limit.
   */
  private overGlobalLimit(path: string, authorization: string | undefined): number | undefined {
    if (!authorization || path.startsWith('/interactions/') || path.startsWith('/webhooks/')) return undefined;
    const now = performance.now();
    let window = this.windows.get(authorization);
    if (!window || now - window.start >= 1000) {
      window = { start: now, count: 0 };
      this.windows.set(authorization, window);
    }
    if (window.count >= this.globalRequestsPerSecond) return Math.max(0.001, Math.round(window.start + 1000 - now) / 1000);
    window.count++;
    return undefined;
  }

  private async serveFile(pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const f = this.files.get(pathname);
    if (f?.delayMs) await new Promise((resolve) => setTimeout(resolve, f.delayMs));
    this.calls.push({ method: req.method ?? 'GET', path: pathname, query: new URLSearchParams(), body: undefined, at: Date.now(), hr: performance.now(), status: f ? 200 : 404 });
    if (!f) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    } else {
      const body = typeof f.body === 'function' ? f.body() : f.body;
      res.writeHead(200, { 'content-type': f.type, 'content-length': body.length });
      res.end(body);
    }
    this.notify();
  }
}
