/**
 * The outbox sender on the real SQLite store, with a recording FeedPoster that answers as Discord
 * would (and fails as scripted): retries of transient failures with the same nonce, no retry of a
 * refusal, the thread that a crashed try left on its message, two gateways sharing one database,
 * and the pace of the shared queue.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleIdOf, type Article } from '../../src/article/model';
import type { DigestMessage } from '../../src/digest/compose';
import type { SendOptions } from '../../src/digest/scheduler';
import { classifySendError, OUTBOX_RULES, OutboxSender, outboxNonce, type OutboxSenderDeps } from '../../src/feeds/outbox-sender';
import type { FeedPoster, FeedTargetCheck, ItemThread } from '../../src/feeds/poster';
import { openStores } from '../../src/store/open';
import type { FeedDeliveryMode, OutboxItem, Stores } from '../../src/store/ports';

const FEED = 'https://news.test/feed.xml';
const GUILD = '1300000000000000001';
const CHANNEL = '1300000000000000100';

interface Posted {
  readonly kind: 'send' | 'thread' | 'forum';
  readonly channelId: string;
  readonly message: DigestMessage;
  readonly name?: string;
  readonly nonce?: string;
  readonly at: number;
}

/** What the next call of a kind does: answer (the default), or throw this error (after posting, when `posted`). */
type Script = { readonly error: unknown; readonly posted?: boolean };

/** A FeedPoster that records every post and fails as scripted; message ids count up like snowflakes. */
class RecordingPoster implements FeedPoster {
  readonly posted: Posted[] = [];
  readonly checks: string[] = [];
  /** Every call that asked for a post, by its nonce (none for a forum post): a post Discord deduplicated is still a call. */
  readonly calls: Array<string | undefined> = [];
  readonly scripts: Record<Posted['kind'], Script[]> = { send: [], thread: [], forum: [] };
  target: FeedTargetCheck = { ok: true };
  private next = 1400000000000000000n;
  /** Messages by nonce, as Discord keeps them for enforce_nonce. */
  private readonly byNonce = new Map<string, string>();
  private readonly threadOn = new Set<string>();

  async checkChannel() {
    return { ok: true } as const;
  }
  async checkFeedTarget(_guildId: string, channelId: string, delivery: FeedDeliveryMode): Promise<FeedTargetCheck> {
    this.checks.push(`${channelId}:${delivery}`);
    return this.target;
  }
  async send(channelId: string, message: DigestMessage, options?: SendOptions): Promise<string> {
    return this.post('send', channelId, message, undefined, options?.nonce);
  }
  async sendWithThread(channelId: string, message: DigestMessage, name: string, options?: SendOptions): Promise<ItemThread> {
    const messageId = await this.post('thread', channelId, message, name, options?.nonce, true);
    if (this.threadOn.has(messageId)) {
      throw Object.assign(new Error('A thread has already been created for this message'), {
        name: 'DiscordAPIError',
        status: 400,
        code: 160004,
        url: `https://discord.test/api/v10/channels/${channelId}/messages/${messageId}/threads`,
      });
    }
    this.threadOn.add(messageId);
    const script = this.scripts.thread.shift();
    if (script) throw script.error;
    return { threadId: messageId, messageId };
  }
  async postInForum(forumId: string, message: DigestMessage, name: string): Promise<ItemThread> {
    const id = await this.post('forum', forumId, message, name);
    return { threadId: id, messageId: id };
  }

  /** One message, or the one Discord already has for the nonce (enforce_nonce). */
  private async post(kind: Posted['kind'], channelId: string, message: DigestMessage, name?: string, nonce?: string, scriptLater = false): Promise<string> {
    this.calls.push(nonce);
    const known = nonce === undefined ? undefined : this.byNonce.get(nonce);
    if (known) return known;
    const script = scriptLater ? undefined : this.scripts[kind].shift();
    if (script && !script.posted) throw script.error;
    const id = String(this.next++);
    if (nonce !== undefined) this.byNonce.set(nonce, id);
    this.posted.push({ kind, channelId, message, ...(name !== undefined && { name }), ...(nonce !== undefined && { nonce }), at: Date.now() });
    if (script) throw script.error;
    return id;
  }
}

const http = (status: number, code?: number) => Object.assign(new Error(`HTTP ${status}`), { name: status >= 500 ? 'HTTPError' : 'DiscordAPIError', status, ...(code !== undefined && { code }) });

let dir: string;
const opened: Stores[] = [];
const senders: OutboxSender[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lede-outbox-'));
});

afterEach(async () => {
  for (const s of senders.splice(0)) await s.stop();
  for (const s of opened.splice(0)) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

async function stores(): Promise<Stores> {
  const s = await openStores({ kind: 'sqlite', path: join(dir, 'lede.db') });
  opened.push(s);
  return s;
}

function article(text: string): Article {
  return { id: articleIdOf(text), title: text, source: `feed:${FEED}`, text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [] };
}

/** A feed item stored with its announcement (as the feed runtime writes it); the article's id. */
async function addItem(s: Stores, text: string, delivery: FeedDeliveryMode = 'message', at = Date.now()): Promise<string> {
  const message = { embeds: [{ title: 'Harbour Wire', description: `**${text}**`, footer: 'New in a followed feed', color: 0x2b6cb0 }] };
  const r = await s.articles.insertFeedItem(GUILD, { article: article(text), slug: 's', addedAt: new Date(at).toISOString(), feedUrl: FEED }, 100, {
    announce: { guildId: GUILD, channelId: CHANNEL, delivery, message: JSON.stringify(message), feedUrl: FEED, ...(delivery !== 'message' && { threadName: text }) },
  });
  if (r.kind !== 'added') throw new Error('not added');
  return r.article.id;
}

interface Recorded {
  readonly sent: Array<{ item: OutboxItem; messageId: string; threadId?: string }>;
  readonly failed: Array<{ item: OutboxItem; error: string }>;
  readonly logged: Array<{ level: string; message: string; data: Record<string, unknown> }>;
}

function sender(s: Stores, poster: FeedPoster, extra: Partial<OutboxSenderDeps> = {}): OutboxSender & { recorded: Recorded } {
  const recorded: Recorded = { sent: [], failed: [], logged: [] };
  const out = new OutboxSender({
    outbox: s.outbox,
    pacing: s.pacing,
    threads: s.threads,
    poster,
    holder: 'gw-test',
    postsPerSecond: 200,
    onSent: (item, info) => void recorded.sent.push({ item, messageId: info.messageId, ...(info.threadId !== undefined && { threadId: info.threadId }) }),
    onFailed: (item, error) => void recorded.failed.push({ item, error }),
    log: (level, data, message) => void recorded.logged.push({ level, data, message }),
    ...extra,
  });
  senders.push(out);
  return Object.assign(out, { recorded });
}

describe('OutboxSender', () => {
  it('GIVEN a 503 then success THEN the message is posted once, on the retry after its backoff, with the same nonce both times', async () => {
    const s = await stores();
    let now = Date.UTC(2026, 11, 5, 9, 0, 0);
    await addItem(s, 'Ferry timetable changes.', 'message', now);
    const poster = new RecordingPoster();
    poster.scripts.send.push({ error: http(503) });
    const nonces: string[] = [];
    const spy = poster.send.bind(poster);
    poster.send = async (channelId, message, options) => {
      nonces.push(options!.nonce!);
      return spy(channelId, message, options);
    };
    const out = sender(s, poster, { now: () => now });
    out.start();
    await out.flush();
    expect(poster.posted).toEqual([]);
    expect(out.recorded.logged.map((l) => l.message)).toEqual(['feed item announcement failed; trying again']);
    expect(out.recorded.logged[0]!.data).toMatchObject({ code: 'HTTP_503', attempt: 1, retryAt: now + OUTBOX_RULES.firstRetryMs });
    expect(await s.outbox.nextDueAt(undefined)).toBe(now + OUTBOX_RULES.firstRetryMs);
    // Not before its backoff.
    now += OUTBOX_RULES.firstRetryMs - 1;
    await out.flush();
    expect(nonces).toHaveLength(1);
    now += 1;
    await out.flush();
    expect(nonces).toHaveLength(2);
    expect(nonces[1]).toBe(nonces[0]);
    expect(nonces[0]!.length).toBeLessThanOrEqual(25);
    expect(poster.posted).toHaveLength(1);
    expect(poster.posted[0]).toMatchObject({ kind: 'send', channelId: CHANNEL, message: { embeds: [{ title: 'Harbour Wire', description: '**Ferry timetable changes.**' }] } });
    expect(out.recorded.sent).toHaveLength(1);
    expect(out.recorded.sent[0]!.item.attempts).toBe(1);
    expect(await s.outbox.depth()).toEqual({ pending: 0 });
  });

  it('GIVEN a post answered but not recorded (a crash) THEN the retry with the same nonce gets the first message back: one post', async () => {
    const s = await stores();
    let now = Date.UTC(2026, 11, 5, 9, 0, 0);
    await addItem(s, 'Night buses return.', 'message', now);
    const poster = new RecordingPoster();
    // Posted, then the answer is lost: a timeout after Discord took it.
    poster.scripts.send.push({ error: Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }), posted: true });
    const out = sender(s, poster, { now: () => now });
    out.start();
    await out.flush();
    now += OUTBOX_RULES.firstRetryMs;
    await out.flush();
    expect(poster.posted).toHaveLength(1);
    expect(out.recorded.sent.map((x) => x.messageId)).toEqual(['1400000000000000000']);
  });

  it('GIVEN a refusal (403) or a target that cannot take the post THEN it is failed at once with the code, logged, and never tried again', async () => {
    const s = await stores();
    let now = Date.UTC(2026, 11, 5, 9, 0, 0);
    await addItem(s, 'Council meets on Friday.', 'message', now);
    const poster = new RecordingPoster();
    poster.scripts.send.push({ error: http(403, 50013) });
    const out = sender(s, poster, { now: () => now });
    out.start();
    await out.flush();
    expect(out.recorded.failed.map((f) => f.error)).toEqual(['50013: HTTP 403']);
    expect(out.recorded.logged.map((l) => l.message)).toEqual(['feed item announcement refused: not retried']);
    now += 60 * 60_000;
    await out.flush();
    expect(poster.checks).toHaveLength(1);
    poster.target = { ok: false, code: 'MISSING_PERMISSIONS', missing: ['Create Public Threads'] };
    await addItem(s, 'Lantern festival moves indoors.', 'thread', now);
    await out.flush();
    expect(poster.posted).toEqual([]);
    expect(out.recorded.failed.map((f) => f.error)).toEqual(['50013: HTTP 403', 'MISSING_PERMISSIONS (missing Create Public Threads)']);
    expect(out.recorded.logged.at(-1)).toMatchObject({ level: 'warn', message: 'feed item not announced', data: { code: 'MISSING_PERMISSIONS', missing: ['Create Public Threads'] } });
    expect(await s.outbox.depth()).toEqual({ pending: 0 });
  });

  it('GIVEN a thread per item whose try posted the message and started the thread but lost the answer THEN the retry (Discord 160004) counts as sent and registers the thread', async () => {
    const s = await stores();
    let now = Date.UTC(2026, 11, 5, 9, 0, 0);
    const articleId = await addItem(s, 'Harbour ferry adds a night crossing.', 'thread', now);
    const poster = new RecordingPoster();
    poster.scripts.thread.push({ error: http(502) });
    const out = sender(s, poster, { now: () => now });
    out.start();
    await out.flush();
    expect(out.recorded.sent).toEqual([]);
    now += OUTBOX_RULES.firstRetryMs;
    await out.flush();
    expect(poster.posted).toHaveLength(1);
    expect(poster.posted[0]).toMatchObject({ kind: 'thread', name: 'Harbour ferry adds a night crossing.' });
    const messageId = '1400000000000000000';
    expect(out.recorded.sent.map((x) => [x.messageId, x.threadId])).toEqual([[messageId, messageId]]);
    expect(await s.threads.get(messageId)).toMatchObject({ threadId: messageId, guildId: GUILD, channelId: CHANNEL, messageId, articleId, createdBy: `feed:${FEED}` });
  });

  it('GIVEN a forum post THEN it is posted without a nonce (the endpoint takes none) and its thread registered', async () => {
    const s = await stores();
    const articleId = await addItem(s, 'Quarry road reopens.', 'forum');
    const poster = new RecordingPoster();
    const out = sender(s, poster);
    out.start();
    await out.flush();
    expect(poster.posted).toHaveLength(1);
    expect(poster.posted[0]!.nonce).toBeUndefined();
    expect(poster.posted[0]).toMatchObject({ kind: 'forum', name: 'Quarry road reopens.' });
    expect(await s.threads.get(out.recorded.sent[0]!.threadId!)).toMatchObject({ articleId, createdBy: `feed:${FEED}` });
  });

  it('GIVEN transient failures every time THEN the entry is given up after its last attempt', async () => {
    const s = await stores();
    let now = Date.UTC(2026, 11, 5, 9, 0, 0);
    await addItem(s, 'Storm warning for the weekend.', 'message', now);
    const poster = new RecordingPoster();
    for (let k = 0; k < OUTBOX_RULES.maxAttempts + 2; k++) poster.scripts.send.push({ error: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const out = sender(s, poster, { now: () => now });
    out.start();
    for (let k = 0; k < OUTBOX_RULES.maxAttempts + 2; k++) {
      await out.flush();
      now += OUTBOX_RULES.maxRetryMs;
    }
    expect(poster.scripts.send).toHaveLength(2);
    expect(out.recorded.failed.map((f) => [f.error, f.item.attempts])).toEqual([['ECONNREFUSED: connect ECONNREFUSED', OUTBOX_RULES.maxAttempts - 1]]);
  });

  it('GIVEN two gateways (two holders, two connections) on one database THEN each entry is posted exactly once', async () => {
    const a = await stores();
    const b = await stores();
    const ids: string[] = [];
    for (let k = 0; k < 30; k++) ids.push(await addItem(a, `Story ${k} for two gateways.`));
    const poster = new RecordingPoster();
    const first = sender(a, poster, { holder: 'gw-a' });
    const second = sender(b, poster, { holder: 'gw-b' });
    first.start();
    second.start();
    await Promise.all([first.flush(), second.flush()]);
    await Promise.all([first.flush(), second.flush()]);
    expect(await a.outbox.depth()).toEqual({ pending: 0 });
    const posted = poster.posted.map((p) => p.message.embeds[0]!.description);
    expect(posted).toHaveLength(30);
    expect(new Set(posted).size).toBe(30);
    // Not one asked twice (Discord's nonce would have hidden a second post).
    expect(poster.calls).toHaveLength(30);
    expect([...first.recorded.sent, ...second.recorded.sent].map((x) => x.item.articleId).sort()).toEqual([...ids].sort());
  });

  it('GIVEN a rate of 20 posts a second THEN each post waits for its slot, 50 ms after the one before, and the shared queue is booked past them', async () => {
    const s = await stores();
    for (let k = 0; k < 5; k++) await addItem(s, `Paced story ${k}.`);
    const poster = new RecordingPoster();
    const out = sender(s, poster, { postsPerSecond: 20 });
    const started = Date.now();
    out.start();
    await out.flush();
    const at = poster.posted.map((p) => p.at);
    expect(at).toHaveLength(5);
    // Slot k is booked at least k * 50 ms after the start and a post never goes before its slot. (Gaps
    // between two posts can be shorter when a loaded machine fires the earlier timer late, so the check
    // is against the slots; a timer fires on the monotonic clock while Date.now() is read at the post,
    // hence a millisecond of rounding.)
    for (let k = 0; k < at.length; k++) expect(at[k]!).toBeGreaterThanOrEqual(started + k * 50 - 1);
    // A digest asking for a slot now gets one after the five announcements' slots.
    expect(await s.pacing.reserve(OUTBOX_RULES.paceKey, Date.now(), 50)).toBeGreaterThanOrEqual(started + 5 * 50);
  });

  it('GIVEN a stop while entries wait their turn THEN the post in flight finishes and the rest are handed back untried', async () => {
    const s = await stores();
    for (let k = 0; k < 4; k++) await addItem(s, `Slow story ${k}.`);
    const poster = new RecordingPoster();
    // One post a second: the second entry waits for its slot when the stop comes.
    const out = sender(s, poster, { postsPerSecond: 1 });
    out.start();
    while (poster.posted.length === 0) await new Promise((r) => setTimeout(r, 5));
    await out.stop();
    expect(poster.posted).toHaveLength(1);
    expect(out.recorded.logged.map((l) => l.message)).toContain('feed announcements handed back');
    const taken = await s.outbox.claim(undefined, Date.now(), 'gw-next', 30_000, 10);
    expect(taken.map((t) => t.attempts)).toEqual([0, 0, 0]);
  });
});

describe('classifySendError and outboxNonce', () => {
  it.each([
    [http(500), true, 'HTTP_500'],
    [http(429), true, 'HTTP_429'],
    [http(408), true, 'HTTP_408'],
    [http(403, 50013), false, '50013'],
    [http(404, 10003), false, '10003'],
    [Object.assign(new Error('channel 1 is not available'), { code: 'CHANNEL_NOT_FOUND' }), false, 'CHANNEL_NOT_FOUND'],
    [Object.assign(new Error('aborted'), { name: 'AbortError' }), true, 'AbortError'],
    [Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }), true, 'ECONNRESET'],
  ])('%s -> transient %s, code %s', (err, transient, code) => {
    expect(classifySendError(err)).toMatchObject({ transient, code });
  });

  it('makes a nonce of at most 25 characters, the same for an entry, different across entries and databases', () => {
    const at = Date.UTC(2026, 11, 5);
    expect(outboxNonce({ id: 7, createdAt: at })).toBe(outboxNonce({ id: 7, createdAt: at }));
    expect(outboxNonce({ id: 7, createdAt: at })).not.toBe(outboxNonce({ id: 8, createdAt: at }));
    expect(outboxNonce({ id: 7, createdAt: at })).not.toBe(outboxNonce({ id: 7, createdAt: at + 1 }));
    expect(outboxNonce({ id: Number.MAX_SAFE_INTEGER, createdAt: 8.64e15 }).length).toBeLessThanOrEqual(25);
  });
});
