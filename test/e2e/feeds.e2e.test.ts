/**
 * The real bot against the fake Discord and a feed server on 127.0.0.1: /feed add primes silently
 * (what the feed holds goes into the library, not posted), a new item becomes an article in the library and a silent post in the chosen channel (once),
 * /feed status tells last success, last error and next check, non-feeds are refused clearly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opt, PERMS, MEMBER_PERMISSIONS, type FakeDiscord } from '../support/fake-discord';
import { startHarness, type Harness } from '../support/bot-harness';
import { longBody, rssOf, startFeedServer, type FeedServer } from '../feeds/support/feed-server';
import { closeChecked } from './limits';

const SUPPRESS_NOTIFICATIONS = 1 << 12;
const admin = { user: { id: '400000000000000001', username: 'editor' }, memberPermissions: MEMBER_PERMISSIONS | PERMS.ManageGuild };

let h: Harness;
let feeds: FeedServer;
const items: Array<{ guid: string; link: string; title: string; html: string }> = [
  { guid: 'n1', link: 'https://news.example/n1', title: 'Ferry timetable changes for the summer', html: longBody('n1') },
];

const channelPosts = (fake: FakeDiscord) => fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${fake.channelId}/messages`);

beforeAll(async () => {
  feeds = await startFeedServer();
  feeds.route('/news.xml', { body: () => rssOf('Harbour Wire', items), conditional: true });
  feeds.route('/busy.xml', { status: 503, body: () => 'Checking your browser', contentType: 'text/plain', headers: { 'retry-after': '1800' } });
  feeds.route('/page', { body: () => '<!doctype html><html><body><p>Just a page.</p></body></html>', contentType: 'text/html' });
  feeds.route('/bomb.xml', { body: () => '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>' });
  h = await startHarness();
}, 20_000);

afterAll(async () => {
  await closeChecked(h);
  await feeds?.close();
});

describe('/feed against the fake Discord', () => {
  it('GIVEN /feed add with a channel THEN it is followed, primed, and what the feed holds is in the library but not posted', async () => {
    const a = await h.fake.answer(
      h.fake.slash({ name: 'feed', subcommand: 'add', ...admin, options: [opt.string('url', `${feeds.base}/news.xml`), opt.channel('channel', h.fake.channelId)] }),
    );
    expect(a.ephemeral).toBe(false);
    expect(a.body.content).toBe(
      'Now following **Harbour Wire**. Its latest item is in the library now, not posted (`/summary`, `/quotes` and `/ask` work on it); new items arrive from now on.',
    );
    expect(a.body.embeds[0].description).toContain('**State:** 🟢 active');
    expect(a.body.embeds[0].description).toContain(`**Posts to:** <#${h.fake.channelId}> and the daily digest`);
    expect(channelPosts(h.fake)).toHaveLength(0);
    const list = await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'list', user: { id: '400000000000000009', username: 'r' } }));
    expect(list.body.embeds[0].description).toContain('Ferry timetable changes for the summer');
  });

  it('GIVEN a new item in the feed THEN the next poll adds it to the library and posts it silently, once', async () => {
    items.unshift({ guid: 'n2', link: 'https://news.example/n2', title: 'Night buses return to the old town', html: longBody('n2') });
    const poller = h.bot.core.feeds.poller;
    const later = Date.now() + 60 * 60_000;
    const reports = await poller.pollDue(later);
    expect(reports.map((r) => [r.outcome, r.newItems, r.delivered])).toEqual([['ok', 1, 1]]);
    const posts = channelPosts(h.fake);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.flags & SUPPRESS_NOTIFICATIONS).toBe(SUPPRESS_NOTIFICATIONS);
    expect(posts[0]!.body.embeds[0].title).toBe('Harbour Wire');
    expect(posts[0]!.body.embeds[0].description).toContain('**[Night buses return to the old town](https://news.example/n2)**');
    const list = await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'list', user: { id: '400000000000000010', username: 'r' } }));
    expect(list.body.embeds[0].description).toContain('Night buses return to the old town');
    // Polled again (a 304 now): nothing new, nothing posted.
    const again = await poller.pollDue(later + 60 * 60_000);
    expect(again.map((r) => r.outcome)).toEqual(['not-modified']);
    expect(channelPosts(h.fake)).toHaveLength(1);
    // The digest preview groups it under the feed's title.
    const p = await h.fake.answer(h.fake.slash({ name: 'digest', subcommand: 'preview', user: { id: '400000000000000011', username: 'r' } }));
    expect(p.body.embeds.map((e: { title: string }) => e.title)).toContain('Harbour Wire');
  });

  it('GIVEN /feed status THEN last success, next check and items so far', async () => {
    const a = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'status', ...admin }));
    const d = a.body.embeds[0].description as string;
    expect(d).toMatch(/\*\*Last success:\*\* <t:\d+:R>/);
    expect(d).toMatch(/\*\*Next check:\*\* <t:\d+:R>/);
    expect(d).toContain('**New items so far:** 1');
  });

  it.each([
    ['/page', 'it is not an RSS, Atom, RDF or JSON feed', 'FEED_UNRECOGNIZED'],
    ['/bomb.xml', 'it declares XML entities', 'FEED_XML_ENTITIES'],
    ['/missing.xml', 'The site answered', 'FETCH_HTTP_STATUS'],
  ])('GIVEN %s THEN /feed add refuses it with the reason, ephemerally', async (path, words, code) => {
    const a = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'add', ...admin, options: [opt.string('url', `${feeds.base}${path}`)] }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toContain('I could not use that feed');
    expect(a.body.content).toContain(code);
    if (code !== 'FETCH_HTTP_STATUS') expect(a.body.content).toContain(words);
  });

  it('GIVEN /feed add of a site that answers 503 with Retry-After THEN it is followed, pending, with the wait and the next try said', async () => {
    // Another admin: the heavy-command rate limit is per user.
    const admin2 = { ...admin, user: { id: '400000000000000002', username: 'editor2' } };
    const a = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'add', ...admin2, options: [opt.string('url', `${feeds.base}/busy.xml`)] }));
    expect(a.ephemeral).toBe(false);
    expect(a.body.content).toMatch(
      new RegExp(`^Now following \\*\\*${feeds.base.replace(/[.]/g, '\\.')}/busy\\.xml\\*\\*, but the site is refusing requests for now \\(.*503.*\\)\\. I will try again <t:\\d+:R>; what the feed holds then is recorded, not posted \\(its latest items go into the library\\), and new items arrive after that`),
    );
    const removed = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'remove', ...admin2, options: [opt.string('url', `${feeds.base}/busy.xml`)] }));
    expect(removed.body.content).toContain('Stopped following');
  });

  it('GIVEN a member without Manage Server THEN /feed is refused; an admin can list and remove', async () => {
    const denied = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'list', user: { id: '400000000000000020', username: 'r' } }));
    expect(denied.ephemeral).toBe(true);
    expect(denied.body.content).toContain('Manage Server');
    const list = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'list', ...admin }));
    expect(list.body.embeds[0].title).toBe('Feeds (1 of 25)');
    const removed = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'remove', ...admin, options: [opt.string('url', `${feeds.base}/news.xml`)] }));
    expect(removed.body.content).toBe('Stopped following **Harbour Wire**. Articles it brought stay in the library.');
    const empty = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'list', ...admin }));
    expect(empty.body.content).toContain('This server follows no feeds yet');
  });
});
