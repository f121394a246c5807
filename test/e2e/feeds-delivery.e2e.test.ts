/**
 * Feed delivery as MonitoRSS users expect it, through the real bot, the fake Discord (text, forum and
 * locked channels) and a feed server on 127.0.0.1: following a feed puts its latest 10 items in the
 * library at once (silently, not in the digest); each followed feed posts a message, a message with a
 * thread per item (answering @mentions about the item), or a forum post per item; include/exclude
 * keywords (whole words) choose what a server takes; `/feed edit` changes all of it; `/feed list`
 * and `/feed status` show it, and a missing permission is said before anything is tried.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_TYPES, FakeDiscord, MEMBER_PERMISSIONS, opt, PERMS, snowflake, type RestCall } from '../support/fake-discord';
import { startHarness, type Harness } from '../support/bot-harness';
import { rssOf, startFeedServer, type FeedServer } from '../feeds/support/feed-server';
import { closeChecked } from './limits';

const SUPPRESS_NOTIFICATIONS = 1 << 12;
let adminNo = 0;
/** A fresh admin per /feed add: adding is a heavy command, rate-limited per member. */
const admin = () => ({ user: { id: `4100000000000000${String(++adminNo).padStart(2, '0')}`, username: `editor${adminNo}` }, memberPermissions: MEMBER_PERMISSIONS | PERMS.ManageGuild });
let readerNo = 0;
const reader = () => ({ user: { id: `4200000000000000${String(++readerNo).padStart(2, '0')}`, username: `reader${readerNo}` } });

const channels = {
  general: snowflake(),
  news: snowflake(),
  forum: snowflake(),
  locked: snowflake(),
  lockedForum: snowflake(),
  taggedForum: snowflake(),
  staffOnlyForum: snowflake(),
};
/** Tags of the forums that require one: Lede may apply only the ones not moderated (it lacks Manage Threads). */
const tags = { staff: snowflake(), talk: snowflake(), news: snowflake(), pinned: snowflake() };

/** A body long enough not to be a teaser (about 1,000 characters), with none of the keywords the tests use. */
function bodyOf(seed: string): string {
  const s = `Report ${seed} opens with a plain sentence about the weather on Tuesday. "We expect rain by noon," said Ines Maro, the forecaster. `;
  return `<p>${s.repeat(4)}</p><p>${s.repeat(4)}</p>`;
}
type Item = { guid: string; link: string; title: string; html: string };
const item = (guid: string, title: string, html = bodyOf(guid)): Item => ({ guid, link: `https://wire.example/${guid}`, title, html });

let h: Harness;
let feeds: FeedServer;
let clock = Date.now();
/** Poll every feed as if an hour had passed. */
const pollLater = () => h.bot.core.feeds.poller.pollDue((clock += 60 * 60_000));

const twelve: Item[] = Array.from({ length: 12 }, (_, k) => item(`t${k}`, `Tidewater report number ${k} for the week`)).reverse();
const harbour: Item[] = [item('h0', 'Harbour ferry timetable for the winter')];
const forum: Item[] = [item('f0', 'Quarry road closes for repairs')];
const locked: Item[] = [item('l0', 'Lighthouse keeper retires')];
const tagged: Item[] = [item('g0', 'Granary roof repaired')];

const after = (start: number) => h.fake.calls.slice(start);
const postsTo = (calls: readonly RestCall[], channelId: string) => calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`);
const threadsFrom = (calls: readonly RestCall[], channelId: string) => calls.filter((c) => c.method === 'POST' && new RegExp(`^/channels/${channelId}/messages/\\d+/threads$`).test(c.path));
const forumPosts = (calls: readonly RestCall[], channelId: string) => calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channelId}/threads`);

async function articleList(): Promise<string> {
  const a = await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'list', ...reader() }));
  const pages: string[] = [a.body.embeds[0].description];
  return pages.join('\n');
}

async function ask(threadId: string, question: string): Promise<RestCall> {
  const before = h.fake.calls.length;
  h.fake.postMessage({ channelId: threadId, content: `<@${h.fake.botUser.id}> ${question}`, mentionBot: true, user: reader().user });
  return h.fake.waitFor(() => after(before).find((c) => c.method === 'POST' && c.path === `/channels/${threadId}/messages`), 5000, `an answer in ${threadId}`);
}

beforeAll(async () => {
  feeds = await startFeedServer();
  feeds.route('/twelve.xml', { body: () => rssOf('Tidewater Weekly', twelve) });
  feeds.route('/harbour.xml', { body: () => rssOf('Harbour Wire', harbour) });
  feeds.route('/forum.xml', { body: () => rssOf('Quarry Notes', forum) });
  feeds.route('/locked.xml', { body: () => rssOf('Lamp Post', locked) });
  feeds.route('/tagged.xml', { body: () => rssOf('Granary Gazette', tagged) });
  const guildId = snowflake();
  const fake = await new FakeDiscord([
    {
      id: guildId,
      name: 'Newsroom',
      channels: [
        { id: channels.general, name: 'general' },
        { id: channels.news, name: 'news' },
        { id: channels.forum, name: 'stories', type: CHANNEL_TYPES.forum },
        { id: channels.locked, name: 'locked', botDeny: PERMS.CreatePublicThreads },
        { id: channels.lockedForum, name: 'locked-stories', type: CHANNEL_TYPES.forum, botDeny: PERMS.SendMessages },
        {
          id: channels.taggedForum,
          name: 'tagged-stories',
          type: CHANNEL_TYPES.forum,
          requireTag: true,
          tags: [
            { id: tags.staff, name: 'Staff news', moderated: true },
            { id: tags.talk, name: 'Discussion' },
            { id: tags.news, name: '📰 News' },
          ],
        },
        { id: channels.staffOnlyForum, name: 'staff-stories', type: CHANNEL_TYPES.forum, requireTag: true, tags: [{ id: tags.pinned, name: 'Announcements', moderated: true }] },
      ],
    },
  ]).start();
  h = await startHarness({ fake });
}, 30_000);

afterAll(async () => {
  await closeChecked(h);
  await feeds?.close();
});

describe('following a feed gives something to read at once', () => {
  it('GIVEN /feed add of a feed of 12 items THEN its latest 10 are in the library at once, nothing is posted, and /summary works on one', async () => {
    const start = h.fake.calls.length;
    const a = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'add', ...admin(), options: [opt.string('url', `${feeds.base}/twelve.xml`), opt.channel('channel', channels.general)] }));
    expect(a.body.content).toBe(
      'Now following **Tidewater Weekly**. Its latest 10 items are in the library now, not posted (`/summary`, `/quotes` and `/ask` work on them); new items arrive from now on.',
    );
    expect(postsTo(after(start), channels.general)).toEqual([]);
    const list = await articleList();
    for (let k = 2; k < 12; k++) expect(list).toContain(`Tidewater report number ${k} for the week`);
    expect(list).not.toContain('Tidewater report number 0 for the week');
    expect(list).not.toContain('Tidewater report number 1 for the week');
    const s = await h.fake.answer(h.fake.slash({ name: 'summary', options: [opt.string('article', 'Tidewater report number 7')], ...reader() }));
    expect(s.ephemeral).toBe(false);
    expect(s.body.embeds[0].title).toBe('Tidewater report number 7 for the week');
    const q = await h.fake.answer(h.fake.slash({ name: 'quotes', options: [opt.string('article', 'Tidewater report number 7')], ...reader() }));
    expect(q.body.embeds[0].description).toContain('We expect rain by noon');
  });

  it('GIVEN the first-poll items THEN the digest leaves them out as old news, and takes the next new item', async () => {
    const preview = async () => JSON.stringify((await h.fake.answer(h.fake.slash({ name: 'digest', subcommand: 'preview', ...reader() }))).body);
    expect(await preview()).not.toContain('Tidewater report');
    twelve.unshift(item('t12', 'Tidewater report number 12 for the week'));
    const start = h.fake.calls.length;
    const reports = await pollLater();
    expect(reports.find((r) => r.url === `${feeds.base}/twelve.xml`)).toMatchObject({ outcome: 'ok', newItems: 1, delivered: 1 });
    const posts = postsTo(after(start), channels.general);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.flags & SUPPRESS_NOTIFICATIONS).toBe(SUPPRESS_NOTIFICATIONS);
    expect(posts[0]!.body.embeds[0].description).toContain('Tidewater report number 12 for the week');
    expect(threadsFrom(after(start), channels.general)).toEqual([]);
    const p = await preview();
    expect(p).toContain('Tidewater report number 12 for the week');
    expect(p).not.toContain('Tidewater report number 11 for the week');
  });
});

describe('a thread per item, with keyword filters', () => {
  const harbourUrl = () => `${feeds.base}/harbour.xml`;

  it('GIVEN delivery:thread without a channel, or bad keywords THEN a clear usage error and nothing is followed', async () => {
    const noChannel = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'add', ...admin(), options: [opt.string('url', harbourUrl()), opt.string('delivery', 'thread')] }));
    expect(noChannel.ephemeral).toBe(true);
    expect(noChannel.body.content).toBe('`delivery:thread` needs a `channel` to post in.');
    const badWord = await h.fake.answer(
      h.fake.slash({ name: 'feed', subcommand: 'add', ...admin(), options: [opt.string('url', harbourUrl()), opt.string('include', 'harbour, ***')] }),
    );
    expect(badWord.ephemeral).toBe(true);
    expect(badWord.body.content).toBe('The keyword "\\*\\*\\*" in `include` has no letters or digits. Separate keywords with commas, for example `include:harbour, city council`.');
    const list = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'list', ...admin() }));
    expect(list.body.embeds[0].title).toBe('Feeds (1 of 25)');
  });

  it('GIVEN /feed add delivery:thread include/exclude THEN new items that pass get a message and a thread named after them; the others are neither posted nor stored', async () => {
    const a = await h.fake.answer(
      h.fake.slash({
        name: 'feed',
        subcommand: 'add',
        ...admin(),
        options: [
          opt.string('url', harbourUrl()),
          opt.channel('channel', channels.news),
          opt.string('delivery', 'thread'),
          opt.string('include', 'harbour, city council, art'),
          opt.string('exclude', 'football'),
        ],
      }),
    );
    expect(a.body.content).toBe(
      'Now following **Harbour Wire**. Its latest item is in the library now, not posted (`/summary`, `/quotes` and `/ask` work on it); new items arrive from now on.',
    );
    const d = a.body.embeds[0].description as string;
    expect(d).toContain(`**Posts to:** <#${channels.news}> (a thread per item) and the daily digest`);
    expect(d).toContain('**Only items with:** **harbour**, **city council**, **art** (whole words, in the title or text)');
    expect(d).toContain('**Leaving out items with:** **football**');
    expect(d).not.toContain('Cannot post');

    const long = `Harbour ${'and quay '.repeat(20)}works begin`;
    harbour.unshift(
      item('h1', 'Harbour ferry adds a night crossing'),
      item('h2', 'City Council approves the spring plan'),
      item('h3', 'Football club buys harbour land'),
      item('h4', 'Harbourside cafe reopens'),
      item('h5', 'Artisans open a market', bodyOf('h5').replace('plain sentence', 'plain article')),
      item('h6', long),
    );
    const start = h.fake.calls.length;
    await pollLater();
    const posts = postsTo(after(start), channels.news);
    expect(posts).toHaveLength(3);
    expect(posts.map((p) => ['Harbour and quay', 'City Council approves', 'Harbour ferry adds'].findIndex((t) => p.body.embeds[0].description.includes(t)))).toEqual([0, 1, 2]);
    const threads = threadsFrom(after(start), channels.news);
    expect(threads.map((t) => t.body.name)).toEqual([`Harbour ${'and quay '.repeat(10).trimEnd()}…`, 'City Council approves the spring plan', 'Harbour ferry adds a night crossing']);
    expect(threads[0]!.body.name.length).toBeLessThanOrEqual(100);
    // Each thread is started on its item's message.
    const sent = posts.map((p) => [...h.fake.messages.values()].find((m) => m.channel_id === channels.news && m.embeds?.[0]?.description === p.body.embeds[0].description)!.id);
    expect(threads.map((t) => t.path)).toEqual(sent.map((id) => `/channels/${channels.news}/messages/${id}/threads`));
    const list = await articleList();
    expect(list).toContain('Harbour ferry adds a night crossing');
    expect(list).toContain('City Council approves the spring plan');
    expect(list).not.toContain('Football club buys harbour land');
    expect(list).not.toContain('Harbourside cafe reopens');
    expect(list).not.toContain('Artisans open a market');
  });

  it('GIVEN an @mention question in an item thread THEN it is answered about that item', async () => {
    const thread = [...h.fake.threads.values()].find((t) => t.name === 'Harbour ferry adds a night crossing')!;
    const post = await ask(thread.id, 'Who said we expect rain by noon?');
    expect(post.body.embeds[0].title).toBe('Ines Maro');
    expect(post.body.embeds[0].description).toContain('From [Harbour ferry adds a night crossing](https://wire.example/h1)');
  });

  it('GIVEN /feed edit to exclude-only THEN include is cleared, the new exclude applies from the next poll, and list and status show it', async () => {
    const e = await h.fake.answer(
      h.fake.slash({ name: 'feed', subcommand: 'edit', ...admin(), options: [opt.string('feed', harbourUrl()), opt.string('exclude', 'budget, football'), opt.string('clear', 'include')] }),
    );
    expect(e.ephemeral).toBe(false);
    expect(e.body.content).toBe('Updated **Harbour Wire**. Changes apply to new items from the next check.');
    const d = e.body.embeds[0].description as string;
    expect(d).not.toContain('Only items with');
    expect(d).toContain('**Leaving out items with:** **budget**, **football**');
    harbour.unshift(item('h7', 'Budget talks stall again'), item('h8', 'Snow expected on the ridge'));
    const start = h.fake.calls.length;
    await pollLater();
    expect(threadsFrom(after(start), channels.news).map((t) => t.body.name)).toEqual(['Snow expected on the ridge']);
    const list = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'list', ...admin() }));
    expect(list.body.embeds[0].description).toContain(`**Harbour Wire** → <#${channels.news}> (a thread per item)\n   <${harbourUrl()}>\n   not **budget**, **football**`);
    const status = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'status', ...admin(), options: [opt.string('url', harbourUrl())] }));
    expect(status.body.embeds).toHaveLength(1);
    expect(status.body.embeds[0].description).toContain('**Leaving out items with:** **budget**, **football**');
    expect(status.body.embeds[0].description).toContain(`**Posts to:** <#${channels.news}> (a thread per item) and the daily digest`);
  });

  it('GIVEN /feed edit without a change, of a feed not followed, or include and clear together THEN a clear error', async () => {
    const none = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'edit', ...admin(), options: [opt.string('feed', harbourUrl())] }));
    expect(none.body.content).toBe('Say what to change: `channel`, `delivery`, `include`, `exclude`, or `clear`.');
    const unknown = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'edit', ...admin(), options: [opt.string('feed', `${feeds.base}/other.xml`), opt.string('include', 'x')] }));
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.body.content).toBe('This server does not follow that feed; `/feed list` shows the ones it does.');
    const both = await h.fake.answer(
      h.fake.slash({ name: 'feed', subcommand: 'edit', ...admin(), options: [opt.string('feed', harbourUrl()), opt.string('include', 'x'), opt.string('clear', 'filters')] }),
    );
    expect(both.body.content).toBe('Give `include` or clear it, not both.');
    const threadWithout = await h.fake.answer(
      h.fake.slash({ name: 'feed', subcommand: 'edit', ...admin(), options: [opt.string('feed', harbourUrl()), opt.string('clear', 'channel'), opt.string('delivery', 'thread')] }),
    );
    expect(threadWithout.body.content).toBe('`delivery:thread` needs a `channel` to post in.');
  });
});

describe('a forum post per item', () => {
  const forumUrl = () => `${feeds.base}/forum.xml`;

  it('GIVEN a forum channel without delivery:forum, or delivery:forum in a text channel THEN refused with what to do', async () => {
    const forumAsText = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'add', ...admin(), options: [opt.string('url', forumUrl()), opt.channel('channel', channels.forum)] }));
    expect(forumAsText.ephemeral).toBe(true);
    expect(forumAsText.body.content).toBe(`<#${channels.forum}> is a forum channel: it takes posts, not messages. Use \`delivery:forum\` to make each item a post there.`);
    const textAsForum = await h.fake.answer(
      h.fake.slash({ name: 'feed', subcommand: 'add', ...admin(), options: [opt.string('url', forumUrl()), opt.channel('channel', channels.general), opt.string('delivery', 'forum')] }),
    );
    expect(textAsForum.body.content).toBe(
      `\`delivery:forum\` needs a forum channel, and <#${channels.general}> is not one. Pick a forum in \`channel\`, or use \`delivery:thread\` for a thread per item.`,
    );
    const list = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'list', ...admin() }));
    expect(list.body.embeds[0].title).toBe('Feeds (2 of 25)');
  });

  it('GIVEN delivery:forum in a forum channel THEN each new item is one post named after it, silent, answering @mentions about it', async () => {
    const a = await h.fake.answer(
      h.fake.slash({ name: 'feed', subcommand: 'add', ...admin(), options: [opt.string('url', forumUrl()), opt.channel('channel', channels.forum), opt.string('delivery', 'forum')] }),
    );
    expect(a.body.embeds[0].description).toContain(`**Posts to:** <#${channels.forum}> (a forum post per item) and the daily digest`);
    forum.unshift(item('f1', 'Quarry road reopens to traffic'));
    const start = h.fake.calls.length;
    await pollLater();
    const posts = forumPosts(after(start), channels.forum);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.status).toBe(201);
    expect(posts[0]!.body.name).toBe('Quarry road reopens to traffic');
    expect(posts[0]!.body.auto_archive_duration).toBe(1440);
    expect(posts[0]!.body.message.flags & SUPPRESS_NOTIFICATIONS).toBe(SUPPRESS_NOTIFICATIONS);
    expect(posts[0]!.body.message.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(posts[0]!.body.message.embeds[0].title).toBe('Quarry Notes');
    expect(posts[0]!.body.message.embeds[0].description).toContain('**[Quarry road reopens to traffic](https://wire.example/f1)**');
    expect(postsTo(after(start), channels.forum)).toEqual([]);
    const post = [...h.fake.threads.values()].find((t) => t.parent_id === channels.forum && t.name === 'Quarry road reopens to traffic')!;
    const answer = await ask(post.id, 'Who said we expect rain by noon?');
    expect(answer.body.embeds[0].title).toBe('Ines Maro');
    expect(answer.body.embeds[0].description).toContain('From [Quarry road reopens to traffic](https://wire.example/f1)');
  });

  it('GIVEN include keywords only THEN only the items holding one, in the title or the text, become posts', async () => {
    const e = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'edit', ...admin(), options: [opt.string('feed', forumUrl()), opt.string('include', 'quarry, gravel')] }));
    expect(e.body.embeds[0].description).toContain('**Only items with:** **quarry**, **gravel** (whole words, in the title or text)');
    expect(e.body.embeds[0].description).not.toContain('Leaving out');
    forum.unshift(
      item('f2', 'Quarry blast scheduled for Friday'),
      item('f3', 'Orchard opens its gates'),
      item('f4', 'Road crews at work', bodyOf('f4').replace('about the weather', 'about gravel')),
      item('f5', 'Quarrymen choir sings'),
    );
    const start = h.fake.calls.length;
    await pollLater();
    expect(forumPosts(after(start), channels.forum).map((c) => c.body.name)).toEqual(['Road crews at work', 'Quarry blast scheduled for Friday']);
  });
});

describe('missing permissions', () => {
  it('GIVEN a thread per item where the bot may not create threads THEN /feed add says which permission, nothing is tried, the item still reaches the library, and /feed status shows it', async () => {
    const a = await h.fake.answer(
      h.fake.slash({ name: 'feed', subcommand: 'add', ...admin(), options: [opt.string('url', `${feeds.base}/locked.xml`), opt.channel('channel', channels.locked), opt.string('delivery', 'thread')] }),
    );
    expect(a.body.content).toContain(`\n⚠️ I cannot post in <#${channels.locked}> yet (missing Create Public Threads); new items still reach the library and the digest.`);
    expect(a.body.embeds[0].description).toContain(`**Cannot post:** ⚠️ missing Create Public Threads in <#${channels.locked}>; new items still reach the library and the digest.`);
    locked.unshift(item('l1', 'Lantern festival moves indoors'));
    const start = h.fake.calls.length;
    await pollLater();
    expect(postsTo(after(start), channels.locked)).toEqual([]);
    expect(threadsFrom(after(start), channels.locked)).toEqual([]);
    expect(await articleList()).toContain('Lantern festival moves indoors');
    const status = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'status', ...admin(), options: [opt.string('url', `${feeds.base}/locked.xml`)] }));
    expect(status.body.embeds[0].description).toContain(`**Cannot post:** ⚠️ missing Create Public Threads in <#${channels.locked}>`);
    // The whole list of statuses says it too, and only for that feed.
    const all = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'status', ...admin() }));
    expect(all.body.embeds.filter((e: { description: string }) => e.description.includes('Cannot post')).map((e: { title: string }) => e.title)).toEqual(['Lamp Post']);
  });

  it('GIVEN /feed edit to a forum where the bot may not post THEN it names Send Messages (Create Posts); back to a channel it can use, the warning goes', async () => {
    const e = await h.fake.answer(
      h.fake.slash({ name: 'feed', subcommand: 'edit', ...admin(), options: [opt.string('feed', `${feeds.base}/locked.xml`), opt.channel('channel', channels.lockedForum), opt.string('delivery', 'forum')] }),
    );
    expect(e.body.content).toBe(
      `Updated **Lamp Post**. Changes apply to new items from the next check.\n⚠️ I cannot post in <#${channels.lockedForum}> yet (missing Send Messages (Create Posts)); new items still reach the library and the digest.`,
    );
    locked.unshift(item('l2', 'Lamp repairs finished early'));
    const start = h.fake.calls.length;
    await pollLater();
    expect(forumPosts(after(start), channels.lockedForum)).toEqual([]);
    const back = await h.fake.answer(
      h.fake.slash({ name: 'feed', subcommand: 'edit', ...admin(), options: [opt.string('feed', `${feeds.base}/locked.xml`), opt.channel('channel', channels.general), opt.string('delivery', 'message')] }),
    );
    expect(back.body.content).toBe('Updated **Lamp Post**. Changes apply to new items from the next check.');
    expect(back.body.embeds[0].description).toContain(`**Posts to:** <#${channels.general}> and the daily digest`);
    const cleared = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'edit', ...admin(), options: [opt.string('feed', `${feeds.base}/locked.xml`), opt.string('clear', 'channel')] }));
    expect(cleared.body.embeds[0].description).toContain('**Posts to:** the library and the daily digest');
  });
});

describe('a forum that requires a tag on each post', () => {
  it('GIVEN a forum whose only tag is moderated THEN /feed add says so and what to change, and follows nothing', async () => {
    const a = await h.fake.answer(
      h.fake.slash({ name: 'feed', subcommand: 'add', ...admin(), options: [opt.string('url', `${feeds.base}/tagged.xml`), opt.channel('channel', channels.staffOnlyForum), opt.string('delivery', 'forum')] }),
    );
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe(
      `<#${channels.staffOnlyForum}> requires a tag on every post, and has no tag I may apply. Add a tag that is not moderated (a tag with "News" or "Feed" in its name is the one I use), give me Manage Threads there, or turn off "Require people to select tags when posting".`,
    );
    const list = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'list', ...admin() }));
    expect(JSON.stringify(list.body)).not.toContain('Granary Gazette');
  });

  it('GIVEN a forum with a moderated tag, a plain one and a news one THEN each post carries the news tag and Discord takes it', async () => {
    const a = await h.fake.answer(
      h.fake.slash({ name: 'feed', subcommand: 'add', ...admin(), options: [opt.string('url', `${feeds.base}/tagged.xml`), opt.channel('channel', channels.taggedForum), opt.string('delivery', 'forum')] }),
    );
    expect(a.body.embeds[0].description).toContain(`**Posts to:** <#${channels.taggedForum}> (a forum post per item) and the daily digest`);
    expect(a.body.content).not.toContain('⚠️');
    tagged.unshift(item('g1', 'Granary opens for the harvest'));
    const start = h.fake.calls.length;
    await pollLater();
    const posts = forumPosts(after(start), channels.taggedForum);
    expect(posts.map((p) => [p.status, p.body.name, p.body.applied_tags])).toEqual([[201, 'Granary opens for the harvest', [tags.news]]]);
    expect([...h.fake.threads.values()].find((t) => t.name === 'Granary opens for the harvest')!.applied_tags).toEqual([tags.news]);
  });
});
