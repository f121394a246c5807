/**
 * The real bot against the fake Discord and a feed server on 127.0.0.1, with a server at its ceiling
 * of feed items (MAX_FEED_ITEMS_PER_SERVER=2): new items keep arriving and the oldest feed items go,
 * members' articles stay, and `/feed status`, the `/article list` footer and the log say so. Items
 * past FEED_RETENTION_DAYS are pruned by the poller's housekeeping; past the members' own bound
 * `/article add` is refused out loud.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger';
import { opt, PERMS, MEMBER_PERMISSIONS } from '../support/fake-discord';
import { startHarness, type Harness } from '../support/bot-harness';
import { longBody, rssOf, startFeedServer, type FeedServer } from '../feeds/support/feed-server';
import { closeChecked } from './limits';

const admin = { user: { id: '400000000000000001', username: 'editor' }, memberPermissions: MEMBER_PERMISSIONS | PERMS.ManageGuild };
const member = (n: number) => ({ user: { id: `40000000000000010${n}`, username: `reader${n}` } });
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

let h: Harness;
let feeds: FeedServer;
const logLines: Array<Record<string, unknown>> = [];
const items: Array<{ guid: string; link: string; title: string; html: string }> = [];
/** The poller's clock for the next poll (each poll an hour later, so every feed is due again). */
let later = Date.now();

/** A new item in the feed, then a poll of what is due. */
async function publish(n: number) {
  items.unshift({ guid: `n${n}`, link: `https://news.example/n${n}`, title: `Harbour story number ${n}`, html: longBody(`n${n}`) });
  later += 2 * HOUR;
  return h.bot.core.feeds.poller.pollDue(later);
}

async function listed(n: number) {
  const a = await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'list', ...member(n) }));
  const e = a.body.embeds[0];
  return { description: e.description as string, footer: e.footer.text as string };
}

async function feedStatus(): Promise<string> {
  const a = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'status', ...admin }));
  return a.body.embeds[0].description as string;
}

const pruneLogs = () => logLines.filter((l) => String(l.msg).startsWith('feed items pruned')).map((l) => [l.reason, l.count]);

beforeAll(async () => {
  feeds = await startFeedServer();
  feeds.route('/news.xml', { body: () => rssOf('Harbour Wire', items), conditional: true });
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  h = await startHarness({
    env: { MAX_FEED_ITEMS_PER_SERVER: '2', MAX_MEMBER_ARTICLES_PER_SERVER: '1' },
    bot: { logger: createLogger({ LOG_LEVEL: 'info' }, sink) },
  });
}, 20_000);

afterAll(async () => {
  await closeChecked(h);
  await feeds?.close();
});

describe('a server at its ceiling of feed items', () => {
  it('GIVEN a member article and a followed feed THEN the footer states the policy and nothing is pruned yet', async () => {
    const added = await h.fake.answer(
      h.fake.slash({ name: 'article', subcommand: 'add', ...member(1), options: [opt.string('text', 'The ferry pier reopens on Monday after repairs. The council said so.'), opt.string('title', 'Pier reopens')] }),
    );
    expect(added.body.content).toContain('added an article');
    const followed = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'add', ...admin, options: [opt.string('url', `${feeds.base}/news.xml`)] }));
    expect(followed.body.content).toContain('Now following **Harbour Wire**');
    expect((await listed(2)).footer).toBe(
      'Page 1 of 1 · newest first · /article show article:<id> for details\nFeed items kept 365 days, up to 2 (0 now) · none pruned this week · added by members 1 of 1',
    );
  });

  it('GIVEN more new items than the ceiling THEN every one arrives, the oldest feed items go, the member article stays, and the log says so', async () => {
    for (const n of [1, 2]) expect((await publish(n)).map((r) => [r.outcome, r.delivered])).toEqual([['ok', 1]]);
    expect(pruneLogs()).toEqual([]);
    for (const n of [3, 4]) expect((await publish(n)).map((r) => [r.outcome, r.delivered])).toEqual([['ok', 1]]);
    const list = await listed(3);
    expect(list.description).toContain('Harbour story number 4');
    expect(list.description).toContain('Harbour story number 3');
    expect(list.description).not.toContain('Harbour story number 2');
    expect(list.description).not.toContain('Harbour story number 1');
    expect(list.description).toContain('Pier reopens');
    expect(list.footer).toBe(
      'Page 1 of 1 · newest first · /article show article:<id> for details\nFeed items kept 365 days, up to 2 (2 now) · 2 pruned this week · added by members 1 of 1',
    );
    expect(pruneLogs()).toEqual([['ceiling', 1], ['ceiling', 1]]);
    expect(logLines.find((l) => l.reason === 'ceiling')).toMatchObject({ level: 30, feed: `${feeds.base}/news.xml`, ceiling: 2 });
  });

  it('GIVEN /feed status THEN it says the feed is healthy and how many of its items were pruned, why and when', async () => {
    const d = await feedStatus();
    expect(d).toContain('**State:** 🟢 active');
    expect(d).toContain('**New items so far:** 4');
    expect(d).toContain('**Library:** 2 of at most 2 feed items (all feeds), kept 365 days, oldest pruned first; 2 pruned this week');
    expect(d).toMatch(/\*\*Pruned this week:\*\* 2 oldest to stay within 2 feed items \(last <t:\d+:R>\)$/m);
  });

  it('GIVEN the members at their own bound THEN /article add is refused with the number, while feed items still arrive', async () => {
    const refused = await h.fake.answer(
      h.fake.slash({ name: 'article', subcommand: 'add', ...member(4), options: [opt.string('text', 'A second member story about the harbour. It is new.')] }),
    );
    expect(refused.ephemeral).toBe(true);
    expect(refused.body.content).toContain('This server has reached its limit of 1 article added by members (feed items do not count).');
    expect(logLines.some((l) => l.msg === 'article not added: the server reached its limit of articles added by members')).toBe(true);
    expect((await publish(5)).map((r) => r.delivered)).toEqual([1]);
  });

  it('GIVEN a year and a day later THEN the housekeeping prunes the feed items by age, keeps the member article, and /feed status says why', async () => {
    later += 366 * DAY;
    await h.bot.core.feeds.poller.pollDue(later);
    const list = await listed(5);
    expect(list.description).not.toContain('Harbour story');
    expect(list.description).toContain('Pier reopens');
    expect(pruneLogs().at(-1)).toEqual(['age', 2]);
    // The prune log keeps 30 days: the ceiling's prunes of a year before are forgotten, the age prunes are this week's.
    const d = await feedStatus();
    expect(d).toContain('**Library:** 0 of at most 2 feed items (all feeds), kept 365 days, oldest pruned first; 2 pruned this week');
    expect(d).toMatch(/\*\*Pruned this week:\*\* 2 older than 365 days \(last <t:\d+:R>\)$/m);
    expect(d).not.toContain('oldest to stay within');
  });
});
