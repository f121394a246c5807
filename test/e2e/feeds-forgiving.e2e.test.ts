/**
 * The real bot against the fake Discord and a feed server on 127.0.0.1: a feed cut off mid-item is
 * followed (its whole items and the cut item with a title and link go into the library), `/feed
 * status` says which items had no readable date, and a feed with no whole item is refused with
 * FEED_MALFORMED's words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opt, PERMS, MEMBER_PERMISSIONS } from '../support/fake-discord';
import { startHarness, type Harness } from '../support/bot-harness';
import { longBody, startFeedServer, type FeedServer } from '../feeds/support/feed-server';
import { closeChecked } from './limits';

const admin = { user: { id: '400000000000000031', username: 'editor' }, memberPermissions: MEMBER_PERMISSIONS | PERMS.ManageGuild };
const reader = { user: { id: '400000000000000032', username: 'reader' } };

let h: Harness;
let feeds: FeedServer;

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Cut Wire</title><link>https://cut.example/</link>\n';
const item = (n: number, title: string, pubDate: string) =>
  `<item><title>${title}</title><link>https://cut.example/story/${n}</link><guid isPermaLink="false">c${n}</guid><pubDate>${pubDate}</pubDate><content:encoded><![CDATA[${longBody(`cut-${n}`)}]]></content:encoded></item>\n`;

beforeAll(async () => {
  feeds = await startFeedServer();
  feeds.route('/cut.xml', {
    body: () =>
      `${HEAD}${item(1, 'Lighthouse keeper retires after forty years', 'Seg, 04 Mar 2024 10:00:00 -0300')}${item(2, 'Harbour school gets a rowing club', 'yesterday evening')}<item><title>Storm warning for the wee`,
  });
  feeds.route('/headless.xml', { body: () => `${HEAD}<item><title>Storm warning for the wee` });
  h = await startHarness();
}, 20_000);

afterAll(async () => {
  await closeChecked(h);
  await feeds?.close();
});

describe('/feed and a feed cut off mid-item', () => {
  it('GIVEN /feed add of a cut-off feed THEN it is followed, its whole items are in the library, and status says one had no readable date', async () => {
    const a = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'add', ...admin, options: [opt.string('url', `${feeds.base}/cut.xml`)] }));
    expect(a.ephemeral).toBe(false);
    expect(a.body.content).toBe(
      'Now following **Cut Wire**. Its latest 2 items are in the library now, not posted (`/summary`, `/quotes` and `/ask` work on them); new items arrive from now on.',
    );
    const description = a.body.embeds[0].description as string;
    expect(description).toContain('**Dates:** 1 of the 2 items in the last check had no readable date; the time each was first seen is used');
    const list = await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'list', ...reader }));
    const listed = list.body.embeds[0].description as string;
    expect(listed).toContain('Lighthouse keeper retires after forty years');
    expect(listed).toContain('Harbour school gets a rowing club');
    expect(listed).not.toContain('Storm warning');
  });

  it('GIVEN /feed add of a feed cut before its first whole item THEN it is refused with FEED_MALFORMED, ephemerally', async () => {
    const a = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'add', ...admin, options: [opt.string('url', `${feeds.base}/headless.xml`)] }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe(
      'I could not use that feed: it is not well-formed XML or JSON, and no complete item could be read from it (a feed cut off after some whole items is read) (`FEED_MALFORMED`). Nothing was added.',
    );
  });
});
