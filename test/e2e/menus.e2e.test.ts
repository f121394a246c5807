/**
 * The message menus (right-click a message > Apps): Summarize, Key quotes and Save article,
 * through the real bot against the fake Discord, with no privileged intent: registration as
 * message commands, a linked page served on loopback, an attached file, several links, a message
 * with no article, and `/autosummary on` refused while the Message Content intent is off.
 */
import { describe, expect, it } from 'vitest';
import { opt, MEMBER_PERMISSIONS, PERMS } from '../support/fake-discord';
import type { Harness } from '../support/bot-harness';
import { botPerFile, userFactory } from '../support/bot-per-file';

let h: Harness;
const someone = userFactory(710000000000000000n, 'reader');
const admin = () => ({ user: someone(), memberPermissions: MEMBER_PERMISSIONS | PERMS.ManageGuild });

botPerFile((started) => (h = started));

/** A page about a harbour, written for this test: eight sentences, three of them quotes. */
const HARBOUR_PARAGRAPHS = [
  'The harbour board approved a new ferry route between Lindholm and the island of Vask on Monday evening.',
  '“We expect the first crossing to sail in June, weather permitting,” said Maria Lindqvist, the chair of the board.',
  'The route will carry up to 300 passengers and 40 cars on each crossing, according to the board’s plan.',
  'Fishermen at the old pier have warned that the new ferry could crowd the narrow channel during the herring season.',
  '“Nobody asked us where the boats would turn,” said Olof Berg, who has fished from Lindholm for thirty years.',
  'The board said it would mark a separate lane for fishing boats before the first sailing.',
  'Tickets will cost eight euros for adults and nothing for children under twelve.',
  '“This is the biggest change to the harbour since the bridge opened,” Lindqvist said.',
];
const HARBOUR_HTML = `<html><head><title>Harbour approves ferry to Vask</title></head><body><article><h1>Harbour approves ferry to Vask</h1>${HARBOUR_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

/** A notice about a library, written for this test, as an attached Markdown file. */
const LIBRARY_MD = `# Library extends its opening hours

The town library will open on Sundays from next month, the council announced on Thursday.

“Families asked for it in every survey we ran,” said Tove Ek, the head librarian. The library will open from ten to four on Sundays.

Two new staff members will be hired to cover the extra hours. The reading room will also stay open until nine on weekdays.

“We want the library to be the town’s living room,” said council member Jonas Strand.
`;

/** A market report, written for this test. */
const MARKET_MD = `# Saturday market moves to the square

The Saturday market will move from the car park to the main square in April, the town said on Friday.

Stall holders welcomed the change. “The square brings people who would never walk to the car park,” said baker Lena Holm.

The market will run from eight until one, and parking will be free on Saturday mornings.
`;

const NO_ARTICLE =
  'That message has no article in it: no link to a web page and no attached .txt, .md or .html file. Use Apps › Summarize, Key quotes or Save article on a message that links to an article or carries one as a file.';
const LOADED = 'Loaded from the link and added to this server’s articles.';
const FILE_LOADED = 'Read from the attached file and added to this server’s articles.';

describe('registration', () => {
  it('GIVEN a start THEN the three message menus are registered with the slash commands in one PUT (type 3, servers only), and the bot identified without privileged intents', async () => {
    const put = h.fake.calls.filter((c) => c.method === 'PUT');
    expect(put).toHaveLength(1);
    const menus = put[0]!.body.filter((c: { type?: number }) => c.type === 3);
    expect(menus.map((c: { name: string }) => c.name)).toEqual(['Key quotes', 'Save article', 'Summarize']);
    for (const m of menus) expect(m.contexts).toEqual([0]);
    const slash = put[0]!.body.filter((c: { type?: number }) => c.type !== 3).map((c: { name: string }) => c.name);
    expect(slash).toEqual(expect.arrayContaining(['article', 'autosummary', 'quotes', 'summary']));
    expect(h.fake.identifiedIntents).toBe(1 | 512);
  });
});

describe('Summarize', () => {
  it('GIVEN a message linking to an article THEN the article is loaded, added, and summarized exactly as /summary shows it, publicly', async () => {
    const url = h.fake.serve('/news/harbour.html', HARBOUR_HTML, 'text/html; charset=utf-8');
    const i = h.fake.messageCommand({ name: 'Summarize', targetMessage: { content: `Big news for the island: ${url}` }, user: someone() });
    const cb = await h.fake.callback(i);
    expect(cb.body.type).toBe(5); // deferred while the page is fetched
    const a = await h.fake.answer(i);
    expect(a.ephemeral).toBe(false);
    expect(a.body.content).toBe(LOADED);
    const e = a.body.embeds[0];
    expect(e.author.name).toBe('Summary');
    expect(e.title).toBe('Harbour approves ferry to Vask');
    expect(e.url).toBe(url);
    const slash = await h.fake.answer(h.fake.slash({ name: 'summary', options: [opt.string('article', url)], user: someone() }));
    expect(slash.body.content).toBe(''); // the same link again: already in the server, nothing loaded
    expect(a.body.embeds).toEqual(slash.body.embeds);
    for (const sentence of e.description.split('\n\n')) expect(HARBOUR_PARAGRAPHS.join(' ')).toContain(sentence);
  });

  it('GIVEN a message with two article links and an image THEN the first article link is read and the reply says so', async () => {
    const first = h.fake.serve('/news/harbour-2.html', HARBOUR_HTML.replace('Harbour approves ferry to Vask', 'Ferry to Vask approved'), 'text/html; charset=utf-8');
    const second = h.fake.serve('/news/other.html', HARBOUR_HTML, 'text/html; charset=utf-8');
    const content = `Photo: ${h.fake.url('/img/ferry.png')} — story (${first}), and also **${second}**.`;
    const a = await h.fake.answer(h.fake.messageCommand({ name: 'Summarize', targetMessage: { content }, user: someone() }));
    expect(a.body.content).toBe(`This message has 2 links and files; I read the first: <${first}>.\n${LOADED}`);
    expect(a.body.embeds[0].title).toBe('Ferry to Vask approved');
    expect(h.fake.calls.some((c) => c.path === '/news/other.html')).toBe(false);
  });
});

describe('Key quotes', () => {
  it('GIVEN a message with an attached .md file THEN it is read, added, and its key quotes shown exactly as /quotes shows them', async () => {
    const url = h.fake.serve('/attachments/71/library.md', LIBRARY_MD, 'text/markdown; charset=utf-8');
    const i = h.fake.messageCommand({
      name: 'Key quotes',
      targetMessage: { content: 'Notice from the council', attachments: [{ filename: 'library.md', size: Buffer.byteLength(LIBRARY_MD), url, content_type: 'text/markdown' }] },
      user: someone(),
    });
    const a = await h.fake.answer(i);
    expect(a.ephemeral).toBe(false);
    expect(a.body.content).toBe(FILE_LOADED);
    const e = a.body.embeds[0];
    expect(e.author.name).toBe('Key quotes');
    expect(e.title).toBe('Library extends its opening hours');
    expect(e.description).toContain('> “Families asked for it in every survey we ran”\n— **Tove Ek** (said)');
    expect(e.description).toContain('> “We want the library to be the town’s living room”\n— **Jonas Strand** (said)');
    const slash = await h.fake.answer(h.fake.slash({ name: 'quotes', options: [opt.string('article', 'library extends')], user: someone() }));
    expect(a.body.embeds).toEqual(slash.body.embeds);
  });

  it('GIVEN a message whose only file is an image THEN the clear "no article" error, ephemeral', async () => {
    const a = await h.fake.answer(
      h.fake.messageCommand({
        name: 'Key quotes',
        targetMessage: { content: 'look at this', attachments: [{ filename: 'cat.png', size: 2048, url: h.fake.url('/attachments/72/cat.png'), content_type: 'image/png' }] },
        user: someone(),
      }),
    );
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe(NO_ARTICLE);
  });
});

describe('Save article', () => {
  it('GIVEN a message linking to an article THEN it is added and answered as /article add answers (card, Discuss); saved again THEN "already has this article", ephemeral', async () => {
    const url = h.fake.serve('/news/market.md', MARKET_MD, 'text/markdown; charset=utf-8');
    const user = someone();
    const a = await h.fake.answer(h.fake.messageCommand({ name: 'Save article', targetMessage: { content: `<${url}>` }, user }));
    expect(a.ephemeral).toBe(false);
    expect(a.body.content).toBe(`<@${user.id}> added an article.`);
    const e = a.body.embeds[0];
    expect(e.title).toBe('Saturday market moves to the square');
    const id = /^id ([0-9a-f]{16}) · /.exec(e.footer.text)![1]!;
    expect(a.body.components[0].components[0]).toMatchObject({ custom_id: `adiscuss:${id}`, label: 'Discuss' });
    const again = await h.fake.answer(h.fake.messageCommand({ name: 'Save article', targetMessage: { content: `again: ${url}` }, user: someone() }));
    expect(again.ephemeral).toBe(true);
    expect(again.body.content).toBe(`This server already has this article (the same link): \`${id}\`. Nothing was added.`);
  });

  it('GIVEN a message with only text and a Discord link THEN the clear "no article" error, ephemeral, and nothing fetched', async () => {
    const before = h.fake.calls.length;
    const a = await h.fake.answer(
      h.fake.messageCommand({ name: 'Save article', targetMessage: { content: `I agree with this, see https://discord.com/channels/1/2/3` }, user: someone() }),
    );
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe(NO_ARTICLE);
    expect(h.fake.calls.slice(before).filter((c) => !c.path.startsWith('/interactions/') && !c.path.startsWith('/webhooks/'))).toEqual([]);
  });

  it('GIVEN a link that cannot be read THEN the fetcher’s own words, ephemeral', async () => {
    const a = await h.fake.answer(h.fake.messageCommand({ name: 'Save article', targetMessage: { content: h.fake.url('/news/missing.html') }, user: someone() }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('The site answered with HTTP 404.');
  });
});

/** A short report about a town's cycle path, written for this test: one per case, so none is a duplicate. */
const townReport = (town: string) => `# ${town} opens a new cycle path

The town of ${town} opened a new cycle path along the river on Saturday, the council said.

“Children can now ride to school without crossing the main road,” said mayor Eva Lund.

The path is four kilometres long and lit at night. It cost 1.2 million euros, half of it paid by the region.

Shops near the bridge expect more customers on weekends. “We will add benches and a repair station in the autumn,” said council planner Nils Dahl.
`;

describe.each([
  { menu: 'Summarize', towns: ['Arby', 'Borstad'], author: 'Summary' },
  { menu: 'Key quotes', towns: ['Celle', 'Dorum'], author: 'Key quotes' },
  { menu: 'Save article', towns: ['Eskil', 'Falun'], author: undefined },
])('$menu on each kind of message', ({ menu, towns, author }) => {
  const [linked = '', attached = ''] = towns;
  /** What the public answer says above the embed: the note of a new article, or, for Save, who added it. */
  const said = (userId: string, note: string) => (author ? note : `<@${userId}> added an article.`);

  it(`GIVEN a link THEN loaded through the safe fetcher and answered publicly`, async () => {
    const url = h.fake.serve(`/towns/${linked}.md`, townReport(linked), 'text/markdown; charset=utf-8');
    const user = someone();
    const a = await h.fake.answer(h.fake.messageCommand({ name: menu, targetMessage: { content: `new path! ${url}` }, user }));
    expect(a.ephemeral).toBe(false);
    expect(a.body.content).toBe(said(user.id, LOADED));
    expect(a.body.embeds[0].title).toBe(`${linked} opens a new cycle path`);
    expect(a.body.embeds[0].author?.name).toBe(author);
    expect(h.fake.calls.filter((c) => c.path === `/towns/${linked}.md`)).toHaveLength(1);
  });

  it(`GIVEN an attached .md file THEN read as an upload and answered publicly`, async () => {
    const body = townReport(attached);
    const url = h.fake.serve(`/attachments/73/${attached}.md`, body, 'text/markdown; charset=utf-8');
    const user = someone();
    const a = await h.fake.answer(
      h.fake.messageCommand({ name: menu, targetMessage: { content: '', attachments: [{ filename: `${attached}.md`, size: Buffer.byteLength(body), url, content_type: 'text/markdown' }] }, user }),
    );
    expect(a.ephemeral).toBe(false);
    expect(a.body.content).toBe(said(user.id, FILE_LOADED));
    expect(a.body.embeds[0].title).toBe(`${attached} opens a new cycle path`);
    expect(a.body.embeds[0].author?.name).toBe(author);
  });

  it(`GIVEN a message with no article THEN the clear "no article" error, ephemeral`, async () => {
    const a = await h.fake.answer(h.fake.messageCommand({ name: menu, targetMessage: { content: 'see you all at the meeting tonight' }, user: someone() }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe(NO_ARTICLE);
  });
});

describe('a menu on an article too short to summarize', () => {
  it('GIVEN Summarize on a link to two sentences THEN the private "too short" answer still says the article was added', async () => {
    const url = h.fake.serve('/news/short.txt', 'The ferry leaves at noon today. It returns at six tonight.', 'text/plain; charset=utf-8');
    const a = await h.fake.answer(h.fake.messageCommand({ name: 'Summarize', targetMessage: { content: url }, user: someone() }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content.startsWith(`${LOADED}\n“`)).toBe(true);
    expect(a.body.content).toContain('is too short to summarize');
  });
});

describe('/autosummary without the Message Content intent', () => {
  it('GIVEN MESSAGE_CONTENT_INTENT is off THEN /autosummary on says the operator must enable it, and how', async () => {
    const a = await h.fake.answer(h.fake.slash({ name: 'autosummary', subcommand: 'on', ...admin() }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe(
      'Automatic summaries need to read the messages members post, which Discord allows only with the **Message Content** intent, and it is off for this bot. The bot’s operator can turn it on: in the Discord Developer Portal, on the application’s **Bot** page, enable **Message Content Intent**, then set `MESSAGE_CONTENT_INTENT=true` in the bot’s environment and restart it.',
    );
  });

  it('GIVEN a member without Manage Server THEN /autosummary on needs Manage Server first', async () => {
    const a = await h.fake.answer(h.fake.slash({ name: 'autosummary', subcommand: 'on', user: someone() }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('You need the Manage Server permission in this server to do that.');
  });

  it('GIVEN no channel turned on THEN /autosummary list says so and that the intent is off', async () => {
    const a = await h.fake.answer(h.fake.slash({ name: 'autosummary', subcommand: 'list', user: someone() }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe(
      'Automatic summaries are not on in any channel of this server. Someone with Manage Server turns them on with `/autosummary on channel:`.\n\nThe bot’s **Message Content** intent is off, so these channels get no replies until the operator enables it (Developer Portal › Bot › Message Content Intent, and `MESSAGE_CONTENT_INTENT=true`).',
    );
  });
});
