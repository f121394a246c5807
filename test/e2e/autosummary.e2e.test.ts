/**
 * Automatic summaries of posted links, through the real bot (MESSAGE_CONTENT_INTENT=true) against
 * the fake Discord: /autosummary on|off|list, a member's link answered once with the summary and
 * key quotes as a no-ping reply to that message, a bot's message and a channel not opted in
 * ignored, a link that fails answered by nothing, the same link deduplicated, and the per-member
 * and per-channel reply budgets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, MEMBER_PERMISSIONS, opt, PERMS, snowflake, type RestCall } from '../support/fake-discord';
import { startHarness, type Harness } from '../support/bot-harness';
import { userFactory } from '../support/bot-per-file';
import { closeChecked } from './limits';

let h: Harness;
const someone = userFactory(720000000000000000n, 'member');
const admin = () => ({ user: someone(), memberPermissions: MEMBER_PERMISSIONS | PERMS.ManageGuild });
const channel = {
  general: snowflake(),
  links: snowflake(),
  news: snowflake(),
  chat: snowflake(),
  flood: snowflake(),
  crowd: snowflake(),
  locked: snowflake(),
  // Where the sentinel links go (each channel answers 3 in a row, so each serves at most 3 sentinels).
  watch1: snowflake(),
  watch2: snowflake(),
  watch3: snowflake(),
};

beforeAll(async () => {
  const fake = await new FakeDiscord([
    {
      id: snowflake(),
      name: 'Newsroom',
      channels: [
        { id: channel.general, name: 'general' },
        { id: channel.links, name: 'links' },
        { id: channel.news, name: 'news', type: 5 },
        { id: channel.chat, name: 'chat' },
        { id: channel.flood, name: 'flood' },
        { id: channel.crowd, name: 'crowd' },
        { id: channel.locked, name: 'locked', botDeny: PERMS.ReadMessageHistory },
        { id: channel.watch1, name: 'watch-1' },
        { id: channel.watch2, name: 'watch-2' },
        { id: channel.watch3, name: 'watch-3' },
      ],
    },
  ]).start();
  h = await startHarness({ fake, env: { MESSAGE_CONTENT_INTENT: 'true' } });
});

afterAll(async () => {
  await closeChecked(h);
});

/** A report on a bridge, written for this test: seven sentences, two of them quotes. */
const BRIDGE_PARAGRAPHS = [
  'The old swing bridge over the Mill River will close for repairs for six weeks from the first of May, the county said on Tuesday.',
  '“The steel under the deck has rusted faster than anyone expected,” said county engineer Paula Marsh.',
  'Drivers will be sent over the north bridge, which adds about twelve minutes to a trip into town.',
  'A free shuttle boat will carry pedestrians and cyclists across the river every twenty minutes.',
  'Shop owners on River Street fear the closure will keep customers away during the spring market.',
  '“Six weeks is a long time for a small shop,” said baker Tom Reyes, whose shop faces the bridge.',
  'The county promised to reopen the bridge before the summer festival in June.',
];
const bridgeHtml = (title: string) =>
  `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>${BRIDGE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
const servePage = (path: string, title = 'Mill River bridge to close for six weeks') => h.fake.serve(path, bridgeHtml(title), 'text/html; charset=utf-8');

/** The bot's posts in a channel, from call number `from` on. */
const postsIn = (channelId: string, from = 0): RestCall[] =>
  h.fake.calls.slice(from).filter((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`);

/** A member posts `content` in a channel (the intent is on: the text arrives). */
const post = (channelId: string, content: string, user: { id: string; username: string; bot?: boolean } = someone()) =>
  h.fake.postMessage({ channelId, content, messageContentIntent: true, user });

/**
 * Post a fresh link in `channelId` (a watch channel) and wait for its reply: what was posted before
 * it, which needs no fetch to be refused, has been handled by then.
 */
async function sentinel(channelId: string, from: number): Promise<RestCall> {
  const url = servePage(`/sentinel/${snowflake()}.html`);
  const id = post(channelId, url);
  return h.fake.waitFor(() => postsIn(channelId, from).find((c) => c.body?.message_reference?.message_id === id), 8000, 'the sentinel reply');
}

describe('/autosummary', () => {
  it('GIVEN MESSAGE_CONTENT_INTENT=true THEN the bot identified with Guilds | GuildMessages | MessageContent', () => {
    expect(h.fake.identifiedIntents).toBe(1 | 512 | 32768);
  });

  it('GIVEN an admin turns it on in #links THEN a public confirmation saying what it does; again THEN "already on", ephemeral', async () => {
    const a = await h.fake.answer(h.fake.slash({ name: 'autosummary', subcommand: 'on', options: [opt.channel('channel', channel.links)], ...admin() }));
    expect(a.ephemeral).toBe(false);
    expect(a.body.content).toBe(
      `Automatic summaries are on in <#${channel.links}>. When a member posts a link to an article there, I reply to that message with its summary and key quotes (the first link of a message; the same link once in 10 minutes; after a few in a row, at most 3 replies a minute per channel and one a minute per member). Links I cannot read get no reply.`,
    );
    const again = await h.fake.answer(h.fake.slash({ name: 'autosummary', subcommand: 'on', options: [opt.channel('channel', channel.links)], ...admin() }));
    expect(again.ephemeral).toBe(true);
    expect(again.body.content).toBe(`Automatic summaries are already on in <#${channel.links}>. \`/autosummary off\` turns them off.`);
  });

  it('GIVEN a member without Manage Server THEN on and off are refused', async () => {
    for (const subcommand of ['on', 'off']) {
      const a = await h.fake.answer(h.fake.slash({ name: 'autosummary', subcommand, options: [opt.channel('channel', channel.chat)], user: someone() }));
      expect(a.ephemeral).toBe(true);
      expect(a.body.content).toBe('You need the Manage Server permission in this server to do that.');
    }
  });

  it('GIVEN a channel where the bot cannot read message history THEN it is turned on with a warning naming the permission', async () => {
    const a = await h.fake.answer(h.fake.slash({ name: 'autosummary', subcommand: 'on', options: [opt.channel('channel', channel.locked)], ...admin() }));
    expect(a.body.content.endsWith(`\n⚠️ I cannot reply in <#${channel.locked}> yet: missing Read Message History. Until someone grants it, posted links there get no reply.`)).toBe(true);
  });

  it('GIVEN /autosummary on in a thread without a channel THEN refused: threads are not answered', async () => {
    const threadId = snowflake();
    h.fake.dispatch('THREAD_CREATE', {
      id: threadId,
      type: 11,
      guild_id: h.fake.guild.id,
      parent_id: channel.chat,
      name: 'talk',
      owner_id: '720000000000088888',
      message_count: 0,
      member_count: 1,
      rate_limit_per_user: 0,
      flags: 0,
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
      newly_created: true,
    });
    while (!h.bot.client.channels.cache.has(threadId)) await new Promise((resolve) => setTimeout(resolve, 10));
    const a = await h.fake.answer(h.fake.slash({ name: 'autosummary', subcommand: 'on', channelId: threadId, channelType: 11, ...admin() }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('Automatic summaries answer links in text and announcement channels, not in threads. Give `channel:` or use the command in the channel itself.');
    // Named as the channel option (a client that ignores the option's channel types): not a channel that can be answered.
    const named = await h.fake.answer(h.fake.slash({ name: 'autosummary', subcommand: 'on', options: [opt.channel('channel', threadId)], ...admin() }));
    expect(named.body.content).toBe(`<#${threadId}> is not a text channel of this server that I can see. Pick a text or announcement channel.`);
  });

  it('GIVEN no channel option THEN the channel the command was used in; list THEN every channel, oldest first', async () => {
    const a = await h.fake.answer(h.fake.slash({ name: 'autosummary', subcommand: 'on', channelId: channel.news, ...admin() }));
    expect(a.body.content.startsWith(`Automatic summaries are on in <#${channel.news}>.`)).toBe(true);
    for (const c of [channel.flood, channel.crowd, channel.watch1, channel.watch2, channel.watch3]) await h.fake.answer(h.fake.slash({ name: 'autosummary', subcommand: 'on', options: [opt.channel('channel', c)], ...admin() }));
    const list = await h.fake.answer(h.fake.slash({ name: 'autosummary', subcommand: 'list', user: someone() }));
    expect(list.ephemeral).toBe(false);
    const e = list.body.embeds[0];
    expect(e.title).toBe('Automatic summaries (8)');
    const lines = e.description.split('\n');
    expect(lines.map((l: string) => /<#(\d+)>/.exec(l)![1])).toEqual([channel.links, channel.locked, channel.news, channel.flood, channel.crowd, channel.watch1, channel.watch2, channel.watch3]);
    expect(lines[0]).toMatch(new RegExp(`^1\\. <#${channel.links}> · since <t:\\d+:R> by <@\\d+>$`));
    expect(e.footer.text).toBe('A link posted in these channels gets its summary and key quotes as a reply.');
  });
});

describe('a link posted in an opted-in channel', () => {
  it('GIVEN a member posts an article link in #links THEN one reply to that message: the /summary and /quotes embeds, no buttons, no pings', async () => {
    const url = servePage('/news/bridge.html');
    const from = h.fake.calls.length;
    const id = post(channel.links, `The bridge is closing! ${url} what a mess`);
    const reply = await h.fake.waitFor(() => postsIn(channel.links, from)[0], 8000, 'the reply to the posted link');
    expect(reply.body.message_reference).toMatchObject({ message_id: id });
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.body.components).toEqual([]);
    const summary = await h.fake.answer(h.fake.slash({ name: 'summary', options: [opt.string('article', url)], user: someone() }));
    const quotes = await h.fake.answer(h.fake.slash({ name: 'quotes', options: [opt.string('article', url)], user: someone() }));
    expect(summary.body.content).toBe(''); // the reply already added it to the server's articles
    expect(reply.body.embeds).toEqual([...summary.body.embeds, ...quotes.body.embeds]);
    expect(reply.body.embeds.map((e: { author: { name: string } }) => e.author.name)).toEqual(['Summary', 'Key quotes']);
    expect(reply.body.embeds[1].description).toContain('“Six weeks is a long time for a small shop”');
  });

  it('GIVEN the same link posted again within minutes (as written differently) THEN no second reply', async () => {
    const from = h.fake.calls.length;
    post(channel.links, `again: ${h.fake.url('/news/bridge.html')}#comments`);
    await sentinel(channel.watch1, from);
    expect(postsIn(channel.links, from)).toEqual([]);
  });

  it('GIVEN a bot posts a link, and a member posts one in a channel not opted in THEN neither is read nor answered', async () => {
    const fromBot = servePage('/news/from-bot.html');
    const inChat = servePage('/news/in-chat.html');
    const from = h.fake.calls.length;
    post(channel.links, fromBot, { id: '720000000000099999', username: 'otherbot', bot: true });
    post(channel.chat, inChat);
    await sentinel(channel.watch1, from);
    expect(postsIn(channel.links, from)).toEqual([]);
    expect(postsIn(channel.chat, from)).toEqual([]);
    expect(h.fake.calls.slice(from).filter((c) => c.path === '/news/from-bot.html' || c.path === '/news/in-chat.html')).toEqual([]);
  });

  it('GIVEN a link that cannot be loaded (404) or a message without a link THEN no reply (the member did not ask)', async () => {
    const from = h.fake.calls.length;
    post(channel.news, `broken: ${h.fake.url('/news/gone.html')}`);
    post(channel.news, 'no link here, just talk');
    await sentinel(channel.watch1, from);
    expect(h.fake.calls.slice(from).some((c) => c.path === '/news/gone.html' && c.status === 404)).toBe(true);
    expect(postsIn(channel.news, from)).toEqual([]);
  });

  it('GIVEN a channel where the bot lacks Read Message History THEN the link gets no reply', async () => {
    const from = h.fake.calls.length;
    post(channel.locked, servePage('/news/locked.html'));
    await sentinel(channel.watch2, from);
    expect(postsIn(channel.locked, from)).toEqual([]);
  });

  it('GIVEN one member posts four links at once THEN two replies (a burst of 2 per member), the others not even fetched', async () => {
    const member = someone();
    const urls = [1, 2, 3, 4].map((n) => servePage(`/flood/member-${n}.html`));
    const from = h.fake.calls.length;
    for (const url of urls) post(channel.flood, url, member);
    await h.fake.waitFor(() => postsIn(channel.flood, from).length >= 2 && true, 8000, 'two replies');
    await sentinel(channel.watch2, from);
    expect(postsIn(channel.flood, from)).toHaveLength(2);
    expect(h.fake.calls.slice(from).filter((c) => c.path.startsWith('/flood/member-'))).toHaveLength(2);
  });

  it('GIVEN five members post a link each in one channel at once THEN three replies (a burst of 3 per channel)', async () => {
    const urls = [1, 2, 3, 4, 5].map((n) => servePage(`/flood/crowd-${n}.html`));
    const from = h.fake.calls.length;
    for (const url of urls) post(channel.crowd, url);
    await h.fake.waitFor(() => postsIn(channel.crowd, from).length >= 3 && true, 8000, 'three replies');
    await sentinel(channel.watch2, from);
    expect(postsIn(channel.crowd, from)).toHaveLength(3);
    expect(h.fake.calls.slice(from).filter((c) => c.path.startsWith('/flood/crowd-'))).toHaveLength(3);
  });

  it('GIVEN /autosummary off in #links THEN it is off (said once), the list no longer has it, and a posted link gets no reply', async () => {
    const off = await h.fake.answer(h.fake.slash({ name: 'autosummary', subcommand: 'off', options: [opt.channel('channel', channel.links)], ...admin() }));
    expect(off.ephemeral).toBe(false);
    expect(off.body.content).toBe(`Automatic summaries are off in <#${channel.links}>. Articles they added stay in the library.`);
    const again = await h.fake.answer(h.fake.slash({ name: 'autosummary', subcommand: 'off', options: [opt.channel('channel', channel.links)], ...admin() }));
    expect(again.ephemeral).toBe(true);
    expect(again.body.content).toBe(`Automatic summaries were not on in <#${channel.links}>; \`/autosummary list\` shows where they are.`);
    const list = await h.fake.answer(h.fake.slash({ name: 'autosummary', subcommand: 'list', user: someone() }));
    expect(list.body.embeds[0].title).toBe('Automatic summaries (7)');
    const from = h.fake.calls.length;
    post(channel.links, servePage('/news/after-off.html'));
    await sentinel(channel.watch3, from);
    expect(postsIn(channel.links, from)).toEqual([]);
  });
});
