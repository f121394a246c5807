/**
 * Lede as several real processes: `node bin/start.js` per role (gateway, worker or all) on one
 * database, against a FakeDiscord on loopback and a farm of RSS feeds on loopback, for the
 * multi-process end-to-end tests (test/scale). What it gives a test:
 *
 * - processes started as a deployment starts them (env only), ready when they log "ready"; stopped
 *   with SIGTERM (timed: a clean stop exits 0 within 10 s) or killed with SIGKILL (a crash), with
 *   their last log lines kept for failure messages;
 * - many servers with snowflake ids spread over the shards, each with a channel for feed
 *   announcements and one for its digest;
 * - feeds whose items a test adds at run time, answered slowly on demand, with the requests in
 *   flight attributed to the process that made them (so a kill is shown to land mid-poll);
 * - seeding through the real stores (subscriptions, digest schedules due now, the digest's articles);
 * - counts of what reached the fake: messages per channel (distinct messages, so a post Discord
 *   deduplicated by its nonce counts once) and callbacks per interaction.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../../src/article';
import type { Stores } from '../../src/store/ports';
import { slugify } from '../../src/library';
import { testEnv } from './bot-harness';
import type { FakeDiscord, FakeGuild } from './fake-discord';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// ---------- processes ----------

export type Role = 'gateway' | 'worker' | 'all';

export interface RoleProcess {
  /** A name for messages ("gateway 0,1", "worker B"). */
  readonly name: string;
  readonly role: Role;
  readonly pid: number;
  /** The last log lines (stdout and stderr), newest last. */
  tail(lines?: number): string;
  /** Every log line so far that contains `text`. */
  linesWith(text: string): string[];
  /** Whether the process has exited (by itself, a stop or a kill). */
  readonly exited: boolean;
  /** SIGTERM as an operator stops it: the exit code and how long the stop took (ms). */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  /** SIGKILL: a crash (no shutdown code runs); resolves once the process is gone. */
  kill(): Promise<void>;
}

/** How long a process may take to log "ready" (a cold tsx start on a loaded two-core machine). */
const READY_TIMEOUT_MS = 60_000;
/** A stop must end within the 10 s the issue allows; past this the harness kills it and says so. */
const STOP_GRACE_MS = 15_000;

export interface StartRoleOptions {
  readonly name: string;
  readonly role: Role;
  readonly fake: FakeDiscord;
  /** A directory for the process's files (SQLite database with role `all`). */
  readonly dir: string;
  /** Environment over the test defaults (DATABASE_URL, SHARD_COUNT, SHARD_IDS, LEASE_SECONDS...). */
  readonly env: Record<string, string>;
  readonly readyTimeoutMs?: number;
}

/** The environment of a role process: what a deployment sets, LOG_LEVEL info (the "ready" line is read). */
export function roleEnv(o: Pick<StartRoleOptions, 'role' | 'fake' | 'dir' | 'env'>): Record<string, string> {
  const env: Record<string, string> = { ...testEnv(o.fake, o.dir, { LOG_LEVEL: 'info', LEDE_ROLE: o.role, ...o.env }) };
  // A worker never connects to Discord: it is started without a token, as an operator would.
  if (o.role === 'worker') {
    delete env.DISCORD_TOKEN;
    delete env.DISCORD_CLIENT_ID;
    delete env.DISCORD_GUILD_ID;
  }
  return env;
}

/** Start one role process; resolves once it logs "ready", rejects with its last lines if it exits or hangs first. */
export async function startRole(o: StartRoleOptions): Promise<RoleProcess> {
  const env = roleEnv(o);
  const base = { ...process.env };
  // The parent's own settings must not leak into the child (a developer's .env is read by dotenv).
  for (const k of ['DATABASE_URL', 'DATABASE_PATH', 'LEDE_ROLE', 'SHARD_COUNT', 'SHARD_IDS', 'HTTP_PORT', 'DISCORD_TOKEN']) delete base[k];
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(process.execPath, ['bin/start.js'], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  let ready = false;
  const onData = (d: Buffer): void => {
    const text = partial + d.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      if (line === '') continue;
      if (line.includes('"msg":"ready"')) ready = true;
      lines.push(line);
    }
    // Bounded: a long test's logs are read, never all kept.
    if (lines.length > 4000) lines.splice(0, lines.length - 2000);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exitedState: { code: number | null; signal: NodeJS.Signals | null; at: number } | undefined;
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('close', (code, signal) => resolve((exitedState = { code, signal, at: Date.now() }))),
  );
  const tail = (n = 25) => [...lines, ...(partial ? [partial] : [])].slice(-n).join('\n');
  const t0 = Date.now();
  const timeout = o.readyTimeoutMs ?? READY_TIMEOUT_MS;
  while (!ready) {
    if (exitedState) throw new Error(`${o.name} (${o.role}) exited with code ${exitedState.code} before it was ready:\n${tail()}`);
    if (Date.now() - t0 > timeout) {
      child.kill('SIGKILL');
      await closed;
      throw new Error(`${o.name} (${o.role}) was not ready after ${timeout / 1000} s:\n${tail()}`);
    }
    await sleep(50);
  }
  const pid = child.pid!;
  return {
    name: o.name,
    role: o.role,
    pid,
    tail,
    linesWith: (text) => lines.filter((l) => l.includes(text)),
    get exited() {
      return exitedState !== undefined;
    },
    async stop() {
      const at = Date.now();
      if (!exitedState) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      try {
        const r = await closed;
        return { code: r.code, signal: r.signal, ms: r.at - at };
      } finally {
        clearTimeout(timer);
      }
    },
    async kill() {
      if (!exitedState) child.kill('SIGKILL');
      await closed;
    },
  };
}

/** `npx lede migrate` as an operator runs it once before starting the processes on PostgreSQL. */
export async function migrate(databaseUrl: string): Promise<void> {
  const child = spawn(process.execPath, ['bin/lede.js', 'migrate'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`lede migrate exited with code ${code}:\n${out}`);
}

// ---------- servers on shards ----------

const DISCORD_EPOCH = 1420070400000n;

/** The shard a server belongs to (Discord's rule, as src/store/shards.ts has it). */
export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

export interface ScaleGuild extends FakeGuild {
  /** Where its feeds announce new items. */
  readonly newsChannelId: string;
  /** Where its digest is posted. */
  readonly digestChannelId: string;
}

/**
 * `count` servers whose ids are real-looking snowflakes a millisecond apart, so consecutive servers
 * fall on consecutive shards (`(id >> 22) % shards`) whatever the shard count. Each has a news
 * channel and a digest channel; ids are unique in the run (`salt` separates fakes of one file).
 */
export function scaleGuilds(count: number, salt = 0): ScaleGuild[] {
  // A base instant a day back keeps every id in the past, as Discord's are.
  const base = BigInt(Date.now() - 24 * 60 * 60_000) - DISCORD_EPOCH + BigInt(salt) * 1_000_000n;
  const id = (ms: bigint, worker: number) => String((ms << 22n) | (BigInt(worker & 0x3ff) << 12n));
  return Array.from({ length: count }, (_, i) => {
    const ms = base + BigInt(i);
    const newsChannelId = id(ms, 1);
    const digestChannelId = id(ms, 2);
    return {
      id: id(ms, 0),
      name: `Server ${i}`,
      channels: [
        { id: newsChannelId, name: 'news' },
        { id: digestChannelId, name: 'digest' },
      ],
      newsChannelId,
      digestChannelId,
    };
  });
}

// ---------- feeds on loopback ----------

export interface FarmItem {
  readonly feed: number;
  /** Its place in the feed: 1 for the first item ever published there. */
  readonly n: number;
  readonly guid: string;
  readonly link: string;
  readonly title: string;
  readonly html: string;
}

export interface FeedFarm {
  /** The URL of feed `i`. */
  url(i: number): string;
  /** The items feed `i` holds now (newest first). */
  items(i: number): readonly FarmItem[];
  /** Publish a new item in feed `i` (seen by the next poll); returns it. */
  addItem(i: number): FarmItem;
  /** Answer requests for the feeds `feeds` (all when omitted) after `ms` (0: at once), to catch a worker mid-poll. */
  setDelay(ms: number, feeds?: readonly number[]): void;
  /** Requests answered so far (any status). */
  readonly requests: () => number;
  /** Requests being answered now, with the process that made each (by its socket; undefined when not found). */
  inFlight(candidatePids: readonly number[]): Array<{ readonly path: string; readonly pid: number | undefined }>;
  close(): Promise<void>;
}

/** A body long enough to be taken whole (not a teaser whose page is fetched), distinct per key, with a quote. */
export function storyHtml(key: string, topic: string): string {
  const a = `Story ${key} opens on the ${topic}, where work crews met residents on Tuesday morning to talk through the plans for the coming months in detail.`;
  const b = `"We will keep the ${topic} open while the work goes on, and we will say so every week," said Ana Ruiz, the mayor, after the meeting in ${key}.`;
  const c = `The council expects the first stage of the ${topic} project to finish before winter, and the second one by the end of next year, if the budget holds.`;
  return `<p>${a} ${b}</p><p>${c} Residents asked for the timetable to be posted at every stop of story ${key}.</p><p>${b} ${c}</p>`;
}

function etagOf(body: string): string {
  let h = 2166136261;
  for (let i = 0; i < body.length; i++) h = Math.imul(h ^ body.charCodeAt(i), 16777619) >>> 0;
  return `"${h.toString(16)}-${body.length}"`;
}

function rss(title: string, items: readonly FarmItem[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><link>https://site.example/</link>
${items
  .map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid isPermaLink="false">${esc(i.guid)}</guid><content:encoded><![CDATA[${i.html}]]></content:encoded></item>`)
  .join('\n')}
</channel></rss>`;
}

/** The title of feed `i`'s `n`-th item (1-based), as a test looks for it. */
export const itemTitle = (feed: number, n: number): string => `Feed ${feed} item ${n}: harbour works update`;

/** The title feed `i` has (its announcements' embed title). */
export const feedTitle = (feed: number): string => `Wire ${feed}`;

/**
 * `count` RSS feeds at /feeds/<i>.xml, each starting with `initialItems` items, answering
 * conditional GETs with 304 while unchanged (so idle polls are cheap, as real feeds' are). They are
 * spread over `sites` servers (ports): a poller fetches at most a couple of feeds of one host at a
 * time, as it should with real sites, so one host for all would serialise every poll.
 */
export async function startFeedFarm(count: number, initialItems = 1, sites = 20): Promise<FeedFarm> {
  const feeds: FarmItem[][] = Array.from({ length: count }, () => []);
  const make = (feed: number): FarmItem => {
    const n = feeds[feed]!.length + 1;
    return { feed, n, guid: `f${feed}-i${n}`, link: `https://news.example/f${feed}/i${n}`, title: itemTitle(feed, n), html: storyHtml(`f${feed}-${n}`, `harbour line ${feed}`) };
  };
  for (let i = 0; i < count; i++) for (let k = 0; k < initialItems; k++) feeds[i]!.unshift(make(i));
  const delays = new Map<number, number>();
  let delayAll = 0;
  let requests = 0;
  const active = new Map<IncomingMessage, { path: string; port: number }>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    active.set(req, { path, port: req.socket.remotePort ?? 0 });
    res.on('close', () => active.delete(req));
    const m = /^\/feeds\/(\d+)\.xml$/.exec(path);
    const feed = m ? Number(m[1]) : -1;
    const delay = delays.get(feed) ?? delayAll;
    if (delay > 0) await sleep(delay);
    requests++;
    const items = feeds[feed];
    if (!items) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const body = rss(feedTitle(feed), items);
    const tag = etagOf(body);
    if (req.headers['if-none-match'] === tag) return void res.writeHead(304, { etag: tag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: tag }).end(body);
  };
  const servers: Server[] = [];
  const bases: string[] = [];
  for (let s = 0; s < sites; s++) {
    const server = createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    bases.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  return {
    url: (i) => `${bases[i % sites]}/feeds/${i}.xml`,
    items: (i) => feeds[i]!,
    addItem(i) {
      const item = make(i);
      feeds[i]!.unshift(item);
      return item;
    },
    setDelay(ms, which) {
      if (which === undefined) {
        delays.clear();
        delayAll = ms;
      } else for (const f of which) delays.set(f, ms);
    },
    requests: () => requests,
    inFlight(candidatePids) {
      const owners = socketOwners(candidatePids);
      return [...active.values()].map((a) => ({ path: a.path, pid: owners.get(a.port) }));
    },
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}

/**
 * Which of `pids` owns the loopback TCP socket with each local port (Linux /proc): the socket
 * inodes in /proc/net/tcp by local port, matched with each process's open file descriptors.
 */
function socketOwners(pids: readonly number[]): Map<number, number> {
  const inodeToPort = new Map<string, number>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const port = parseInt(cols[1]!.split(':')[1]!, 16);
      inodeToPort.set(cols[9]!, port);
    }
  }
  const owners = new Map<number, number>();
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let link = '';
      try {
        link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const m = /^socket:\[(\d+)\]$/.exec(link);
      const port = m ? inodeToPort.get(m[1]!) : undefined;
      if (port !== undefined) owners.set(port, pid);
    }
  }
  return owners;
}

// ---------- seeding through the stores ----------

/**
 * Servers `followers` follow feed `i` of the farm with announcements in their news channel, polled
 * every `intervalMs` (short, so a test sees new items within seconds). Due at once.
 */
export async function seedSubscriptions(
  stores: Stores,
  farm: FeedFarm,
  follows: ReadonlyArray<{ readonly feed: number; readonly guild: ScaleGuild }>,
  intervalMs: number,
): Promise<void> {
  const now = Date.now();
  for (const f of follows) {
    await stores.feeds.subscribe(f.guild.id, farm.url(f.feed), { channelId: f.guild.newsChannelId, addedBy: '500000000000000001', now, intervalMs });
  }
}

/** A time zone where it is now between 02:00 and 21:59 (today's digest is owed all day, far from a local midnight), and the local "HH:MM". */
export function zoneAwayFromMidnight(now = new Date()): { timezone: string; time: string } {
  for (const timezone of ['UTC', 'Asia/Tokyo', 'America/New_York', 'Asia/Kolkata', 'America/Los_Angeles', 'Australia/Sydney']) {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
    const hour = Number(parts.find((p) => p.type === 'hour')!.value);
    const minute = parts.find((p) => p.type === 'minute')!.value;
    if (hour >= 2 && hour <= 21) return { timezone, time: `${String(hour).padStart(2, '0')}:${minute}` };
  }
  throw new Error('no candidate zone is away from midnight now');
}

/** The articles every digest server holds: `groups` feeds of `perGroup` articles each, added in the last half hour. */
export interface DigestArticleSpec {
  readonly groups: number;
  readonly perGroup: number;
}

/** The titles of the articles seeded for digests, as they appear in the digest messages. */
export function digestTitles(spec: DigestArticleSpec): string[] {
  const titles: string[] = [];
  for (let g = 0; g < spec.groups; g++) for (let k = 0; k < spec.perGroup; k++) titles.push(`Digest story ${g}-${k} on the tram depot`);
  return titles;
}

/**
 * Give each of `guilds` a digest in its digest channel at the current minute of a zone away from
 * midnight (so today's run is due now and owed all day), saved an hour ago (runs from then on are
 * owed), and the same set of articles added in the last half hour (the same texts in every server:
 * one analysis each, however many servers). Returns the schedule's zone and time.
 */
export async function seedDigests(stores: Stores, guilds: readonly ScaleGuild[], spec: DigestArticleSpec): Promise<{ timezone: string; time: string }> {
  const now = Date.now();
  const when = zoneAwayFromMidnight(new Date(now));
  const titles = digestTitles(spec);
  const articles = titles.map((title, n) => {
    const g = Math.floor(n / spec.perGroup);
    const feedUrl = `https://wire${g}.example/feed.xml`;
    const url = `https://wire${g}.example/story/${n}`;
    const article = parseArticle({ content: `<!doctype html><html><body><article>${storyHtml(`d${n}`, `tram depot ${g}`)}</article></body></html>`, format: 'html', source: `feed:${feedUrl}`, url, title });
    return { article, feedUrl, addedAt: new Date(now - 30 * 60_000 + n * 1000).toISOString() };
  });
  for (const guild of guilds) {
    await stores.digests.setSchedule({ guildId: guild.id, channelId: guild.digestChannelId, time: when.time, timezone: when.timezone, days: 'daily' }, now - 60 * 60_000);
    for (const a of articles) await stores.articles.insert(guild.id, { article: a.article, slug: slugify(a.article.title), addedAt: a.addedAt, feedUrl: a.feedUrl });
  }
  return when;
}

// ---------- what reached the fake ----------

/** The messages the bot posted, by channel id (distinct messages; interaction responses left out). */
export function messagesByChannel(fake: FakeDiscord): Map<string, any[]> {
  const by = new Map<string, any[]>();
  for (const m of fake.messages.values()) {
    if (m.webhook_id !== undefined) continue;
    const list = by.get(m.channel_id);
    if (list) list.push(m);
    else by.set(m.channel_id, [m]);
  }
  return by;
}

/** POST /interactions/<id>/<token>/callback calls, by interaction id. */
export function callbacksByInteraction(fake: FakeDiscord): Map<string, number> {
  const by = new Map<string, number>();
  for (const c of fake.calls) {
    const m = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(c.path);
    if (m && c.method === 'POST') by.set(m[1]!, (by.get(m[1]!) ?? 0) + 1);
  }
  return by;
}

/** All the text of a message a reader sees: content, embed titles and descriptions. */
export function messageText(m: any): string {
  return [m.content ?? '', ...((m.embeds ?? []) as any[]).flatMap((e) => [e.title ?? '', e.description ?? ''])].join('\n');
}

/** How many times `needle` occurs in `text`. */
export function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Poll `check` until it returns true (or a value), every `everyMs`; throws `describe()` after `timeoutMs`. */
export async function eventually<T>(check: () => T | false | undefined | Promise<T | false | undefined>, timeoutMs: number, describe: () => string, everyMs = 250): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`not within ${timeoutMs / 1000} s: ${describe()}`);
    await sleep(everyMs);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
