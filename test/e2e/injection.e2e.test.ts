/**
 * Markdown injection through the real bot against the fake Discord: hostile pasted text and title, a
 * page whose site name, author and title are hostile, and a feed whose title and items are hostile go
 * through every command that shows them (cards, lists, summaries, quotes, who-said, answers, threads,
 * autocomplete, ask's article buttons, feed replies and posts, the digest). Then every message the
 * fake received is checked: no corpus markup is live once Discord has read the escapes, no bidi
 * control is left anywhere, and the verbatim text still shows every character of the source.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownToText } from '../../src/core/render/markdown-text';
import { clip } from '../../src/library';
import { startHarness, type Harness } from '../support/bot-harness';
import { userFactory } from '../support/bot-per-file';
import { MEMBER_PERMISSIONS, opt, PERMS, type FakeDiscord, type SentInteraction } from '../support/fake-discord';
import { expectBidiClean, expectNoLiveInjection, HOSTILE_TITLE, INJECTIONS, visible } from '../support/markdown-injection';
import { rssOf, startFeedServer, type FeedServer } from '../feeds/support/feed-server';
import { sentMessages, closeChecked } from './limits';

const FIRST_SENTENCE = `Read ${INJECTIONS.maskedLink} now, ${INJECTIONS.bold} said on Monday about the harbour bridge.`;
/** One paragraph per line-start construct, the inline ones inside sentences, two attributed quotes. */
const HOSTILE_TEXT = [
  FIRST_SENTENCE,
  `${INJECTIONS.heading} news came from the council chamber on Tuesday afternoon, where members met for six hours.`,
  `"We will reopen the harbour bridge in May, ${INJECTIONS.user} and ${INJECTIONS.everyone}," said Mayor Ana Ruiz.`,
  `${INJECTIONS.subtext} was added to the contract by the city lawyers in March, according to the documents.`,
  `${INJECTIONS.quote} remarks from the council were shared with ${INJECTIONS.spoiler} details and ${INJECTIONS.inlineCode} jokes by staff.`,
  `${INJECTIONS.list} items included the ferry timetable, the tram line and the ${INJECTIONS.channel} channel.`,
  `${INJECTIONS.numbered} points covered the budget of 240 million euros ${INJECTIONS.time} for the bridge.`,
  `The council voted 7 to 2 for the plan ${INJECTIONS.angleMaskedLink}, and the works start ${INJECTIONS.emoji} in April.`,
  `"It is a good day for the city \u202Eevil.exe\u202C and its ferries," councillor Ben Ortiz told reporters.`,
  `Engineers expect construction to last about three years, with ${INJECTIONS.italic} and ${INJECTIONS.underline} and ${INJECTIONS.strike} and ${INJECTIONS.italicUnderscore} notes in the report.`,
  INJECTIONS.fence,
  `${INJECTIONS.quoteAll} of the statement followed at ${INJECTIONS.here} and ${INJECTIONS.command} with ${INJECTIONS.animated} and ${INJECTIONS.unembeddedLink} too.`,
].join('\n\n');

const SITE_NAME = 'Reuters](https://evil.example/x) [Reuters';
const AUTHOR = `[Jane Doe](https://evil.example/author) ${INJECTIONS.user} \u202Eeod\u202C`;
const PAGE_TITLE = `Harbour ${INJECTIONS.maskedLink} \u2067bridge\u2069 ${INJECTIONS.spoiler}`;
/** Feed titles are read as text with tags taken out, so their injections are the ones without `<…>`. */
const FEED_TITLE = `Wire ${INJECTIONS.maskedLink} ${INJECTIONS.bold} \u202Eriw\u202C ${INJECTIONS.everyone} ${INJECTIONS.spoiler}`;
const ITEM_TITLE = `Ferry ${INJECTIONS.maskedLink} ${INJECTIONS.inlineCode} ${INJECTIONS.here} \u200Fnews\u200E`;

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const PAGE = `<!doctype html><html><head><title>${html(PAGE_TITLE)}</title>
<meta property="og:site_name" content="${attr(SITE_NAME)}"><meta name="author" content="${attr(AUTHOR)}"></head>
<body><article><p>${html(FIRST_SENTENCE)} The bridge has been closed since the storm in January, and ferries carried the commuters.</p>
<p>"We will reopen the harbour bridge in May," said Mayor Ana Ruiz, speaking to reporters at the harbour on a windy morning.</p>
<p>The council voted 7 to 2 for the plan, and the works start in April. Engineers expect the repairs to last about three months.</p></article></body></html>`;

const admin = { memberPermissions: MEMBER_PERMISSIONS | PERMS.ManageGuild };
const someone = userFactory(610000000000000000n, 'reader');

let h: Harness;
let feeds: FeedServer;
const feedItems = [{ guid: 'f1', link: 'https://news.example/f1', title: 'First item of the wire', html: '<p>An old item.</p>' }];

beforeAll(async () => {
  feeds = await startFeedServer();
  feeds.route('/wire.xml', { body: () => rssOf(FEED_TITLE, feedItems) });
  h = await startHarness();
}, 20_000);

afterAll(async () => {
  await closeChecked(h);
  await feeds?.close();
});

const answer = (i: SentInteraction) => h.fake.answer(i);
const slash = (name: string, subcommand: string | undefined, options: ReturnType<typeof opt.string>[] = [], extra: object = {}) =>
  answer(h.fake.slash({ name, ...(subcommand && { subcommand }), options, user: someone(), ...extra }));
const storedText = async (id: string) => visible((await h.bot.core.library.get(h.fake.guild.id, id)).text);
const idOf = (footer: string) => /^id ([0-9a-f]{16})/.exec(footer)![1]!;
/** The lines of a rendered description quoted with "> ", without the marker. */
const quotedLines = (description: string) =>
  markdownToText(description)
    .split('\n')
    .filter((l) => l.startsWith('> '))
    .map((l) => l.slice(2));
/** A quote line's words (curly marks and the "…" between fragments taken out). */
const quoteFragments = (line: string) => line.split(' … ').map((f) => f.replace(/^“|”$/g, ''));

let textId = '';
let pageId = '';
let cardMessage = '';

describe('hostile text through every command', () => {
  it('GIVEN /article add of hostile text and title THEN the card shows the title and lead verbatim, escaped', async () => {
    const i = h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', HOSTILE_TEXT), opt.string('title', HOSTILE_TITLE)], user: someone() });
    const a = await answer(i);
    const e = a.body.embeds[0];
    expect(markdownToText(e.title)).toBe(visible(HOSTILE_TITLE));
    expect(markdownToText(e.description).startsWith(FIRST_SENTENCE)).toBe(true);
    textId = idOf(e.footer.text);
    cardMessage = h.fake.originalMessageId(i)!;
  });

  it('GIVEN a page with a hostile site name, author and title THEN Source and By show them as text, and the Source link is the page', async () => {
    const url = h.fake.serve('/news/hostile.html', PAGE, 'text/html; charset=utf-8');
    const a = await slash('article', 'add', [opt.string('url', url)]);
    const e = a.body.embeds[0];
    const field = (name: string) => e.fields.find((f: { name: string }) => f.name === name).value as string;
    expect(markdownToText(e.title)).toBe(visible(PAGE_TITLE));
    expect(markdownToText(field('Source'))).toBe(`${SITE_NAME} (<${url}>)`);
    expect(markdownToText(field('By'))).toBe(visible(AUTHOR));
    pageId = idOf(e.footer.text);
  });

  it('GIVEN /article list and /article show THEN the titles show verbatim', async () => {
    const list = await slash('article', 'list');
    const shown = markdownToText(list.body.embeds[0].description);
    expect(shown).toContain(visible(HOSTILE_TITLE).slice(0, 60));
    expect(shown).toContain(visible(PAGE_TITLE));
    const show = await slash('article', 'show', [opt.string('article', textId)]);
    expect(markdownToText(show.body.embeds[0].title)).toBe(visible(HOSTILE_TITLE));
  });

  it('GIVEN /summary THEN every sentence is the source verbatim, and the title too', async () => {
    for (const id of [textId, pageId]) {
      const a = await slash('summary', undefined, [opt.string('article', id)]);
      const e = a.body.embeds[0];
      const sentences = markdownToText(e.description).split('\n\n');
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      for (const s of sentences) expect(await storedText(id)).toContain(s);
    }
  });

  it('GIVEN /quotes and /whosaid THEN every quote shows every character of the source', async () => {
    const q = await slash('quotes', undefined, [opt.string('article', textId)]);
    expect(markdownToText(q.body.embeds[0].title)).toBe(visible(HOSTILE_TITLE));
    const lines = quotedLines(q.body.embeds[0].description);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const f of lines.flatMap(quoteFragments)) expect(await storedText(textId)).toContain(f);
    expect(lines).toContain(`“We will reopen the harbour bridge in May, ${INJECTIONS.user} and ${INJECTIONS.everyone}”`);
    expect(lines).toContain('“It is a good day for the city evil.exe and its ferries”');
    const w = await slash('whosaid', undefined, [opt.string('speaker', 'Ortiz')]);
    const said = quotedLines(w.body.embeds[0].description);
    expect(said.length).toBeGreaterThanOrEqual(1);
    for (const f of said.flatMap(quoteFragments)) expect(await storedText(textId)).toContain(f);
    const phrase = await slash('whosaid', undefined, [opt.string('phrase', 'reopen the harbour bridge')]);
    expect(quotedLines(phrase.body.embeds[0].description).length).toBeGreaterThanOrEqual(1);
    await slash('quotes', undefined, [opt.string('article', textId), opt.string('speaker', HOSTILE_TITLE.slice(0, 90))]);
  });

  it('GIVEN /ask THEN the answer and the sentence it comes from are the source verbatim', async () => {
    const found = await slash('ask', undefined, [opt.string('question', 'When will the harbour bridge reopen?'), opt.string('article', textId)]);
    expect(markdownToText(found.body.embeds[0].title)).toBe('May');
    expect(quotedLines(found.body.embeds[0].description)).toEqual([`"We will reopen the harbour bridge in May, ${INJECTIONS.user} and ${INJECTIONS.everyone}," said Mayor Ana Ruiz.`]);
    const missing = await slash('ask', undefined, [opt.string('question', 'What colour is the sky over Lisbon?'), opt.string('article', textId)]);
    expect(markdownToText(missing.body.embeds[0].title)).toBe('Not found in the article');
  });

  it('GIVEN /ask without an article, autocomplete, Discuss and a question in the thread THEN labels, names and replies are clean', async () => {
    await slash('ask', undefined, [opt.string('question', 'Who voted?')]);
    await h.fake.callback(h.fake.autocomplete({ name: 'summary', options: [opt.string('article', 'news', true)], user: someone() }));
    await h.fake.callback(h.fake.autocomplete({ name: 'quotes', options: [opt.string('article', textId), opt.string('speaker', '', true)], user: someone() }));
    await answer(h.fake.click({ customId: `adiscuss:${textId}`, messageId: cardMessage, user: someone() }));
    const thread = h.fake.calls.find((c) => c.path.endsWith(`/messages/${cardMessage}/threads`));
    expect(thread?.body.name).toBe(visible(clip(HOSTILE_TITLE, 100)));
    const before = h.fake.calls.length;
    h.fake.postMessage({ channelId: cardMessage, content: `<@${h.fake.botUser.id}> Who voted for the plan?`, mentionBot: true, user: someone() });
    await h.fake.waitFor(() => h.fake.calls.slice(before).find((c) => c.method === 'POST' && c.path === `/channels/${cardMessage}/messages`));
  });

  it('GIVEN two articles with the same hostile title THEN the "several match" answer lists them escaped; remove names it escaped', async () => {
    await slash('article', 'add', [opt.string('text', `${HOSTILE_TEXT}\n\nA second copy with one more sentence at the end.`), opt.string('title', HOSTILE_TITLE)]);
    const several = await slash('summary', undefined, [opt.string('article', 'News login mayor')]);
    expect(several.body.content).toMatch(/^Several articles match/);
    const removed = await slash('article', 'remove', [opt.string('article', pageId)], admin);
    expect(markdownToText(removed.body.content)).toBe(`Removed ${visible(PAGE_TITLE)} (\`${pageId}\`) from this server’s articles.`);
  });
});

describe('hostile feed through /feed, its posts and the digest', () => {
  it('GIVEN /feed add, list, status, autocomplete of a hostile feed THEN its title shows verbatim', async () => {
    const url = `${feeds.base}/wire.xml`;
    const added = await slash('feed', 'add', [opt.string('url', url), opt.channel('channel', h.fake.channelId)], admin);
    expect(markdownToText(added.body.content)).toMatch(new RegExp(`^Now following ${escapeRe(visible(FEED_TITLE))}\\. `));
    expect(markdownToText(added.body.embeds[0].title)).toBe(visible(FEED_TITLE));
    const list = await slash('feed', 'list', [], admin);
    expect(markdownToText(list.body.embeds[0].description)).toContain(`🟢 ${clip(visible(FEED_TITLE), 90)}`);
    await slash('feed', 'status', [], admin);
    await h.fake.callback(h.fake.autocomplete({ name: 'feed', subcommand: 'remove', options: [opt.string('url', 'wire', true)], user: someone(), ...admin }));
  });

  it('GIVEN a new hostile item THEN the feed post and the digest (preview and post) show titles verbatim', async () => {
    feedItems.unshift({ guid: 'f2', link: 'https://news.example/f2', title: ITEM_TITLE, html: `<p>${html(HOSTILE_TEXT.split('\n\n').slice(0, 4).join(' '))}</p>` });
    await h.bot.core.feeds.poller.pollDue(Date.now() + 3_600_000);
    const post = h.fake.calls.find((c) => c.method === 'POST' && c.path === `/channels/${h.fake.channelId}/messages` && c.body.embeds?.length);
    expect(markdownToText(post!.body.embeds[0].title)).toBe(visible(FEED_TITLE));
    expect(markdownToText(post!.body.embeds[0].description)).toContain(visible(ITEM_TITLE));
    const preview = await slash('digest', 'preview');
    expect(preview.ephemeral).toBe(true);
    const digest = (await h.bot.core.digests.preview(h.fake.guild.id))!;
    for (const m of digest.messages) await h.bot.core.digests.poster!.send(h.fake.channelId, m);
    const removed = await slash('feed', 'remove', [opt.string('url', `${feeds.base}/wire.xml`)], admin);
    expect(markdownToText(removed.body.content)).toBe(`Stopped following ${visible(FEED_TITLE)}. Articles it brought stay in the library.`);
  });
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every text the bot sent, with whether Discord renders markdown in it. */
function everythingSent(fake: FakeDiscord): Array<{ where: string; text: string; markdown: boolean }> {
  const out: Array<{ where: string; text: string; markdown: boolean }> = [];
  const message = (m: any, where: string) => {
    if (m.content) out.push({ where: `${where} content`, text: m.content, markdown: true });
    for (const [k, e] of (m.embeds ?? []).entries()) {
      for (const key of ['title', 'description'] as const) if (e[key]) out.push({ where: `${where} embed ${k} ${key}`, text: e[key], markdown: true });
      for (const f of e.fields ?? []) {
        out.push({ where: `${where} embed ${k} field name`, text: f.name, markdown: true });
        out.push({ where: `${where} embed ${k} field ${f.name}`, text: f.value, markdown: true });
      }
      if (e.author?.name) out.push({ where: `${where} embed ${k} author`, text: e.author.name, markdown: false });
      if (e.footer?.text) out.push({ where: `${where} embed ${k} footer`, text: e.footer.text, markdown: false });
    }
    for (const row of m.components ?? []) for (const b of row.components ?? []) out.push({ where: `${where} button`, text: b.label ?? '', markdown: false });
  };
  for (const c of fake.calls) {
    const where = `${c.method} ${c.path.replace(/\/[\w-]{60,}/, '/<token>')}`;
    if (c.method === 'POST' && c.path.endsWith('/callback') && c.body?.type === 8) {
      for (const choice of c.body.data.choices) out.push({ where: `${where} choice`, text: choice.name, markdown: false });
    } else if (c.method === 'POST' && c.path.endsWith('/threads')) {
      out.push({ where: `${where} thread name`, text: c.body.name, markdown: false });
    }
  }
  for (const [k, m] of sentMessages(fake).entries()) message(m, `message ${k}`);
  return out;
}

describe('everything the bot sent', () => {
  it('GIVEN the corpus through every command and post THEN no markup from it is live, no bidi control is left, and it was all exercised', () => {
    const sent = everythingSent(h.fake);
    for (const s of sent) {
      if (s.markdown) expectNoLiveInjection(s.text, s.where);
      else expectBidiClean(s.text, s.where);
    }
    const kinds = new Set(sent.map((s) => s.where.replace(/^message \d+ /, '').replace(/ \d+ /, ' ').replace(/field (?!name).*/, 'field value')));
    for (const kind of ['content', 'embed title', 'embed description', 'embed field name', 'embed field value', 'embed author', 'embed footer', 'button']) {
      expect([...kinds].some((k) => k.endsWith(kind)), kind).toBe(true);
    }
    expect(sent.some((s) => s.where.endsWith('choice') && s.text.includes('News'))).toBe(true);
    expect(sent.some((s) => s.where.endsWith('thread name'))).toBe(true);
  });
});
