/**
 * The real bot (startBot, as src/index.ts runs it) against a fake Discord on loopback: what it
 * registers, and what it sends back for /article add|list|show|remove, autocomplete and paging.
 */
import { describe, expect, it } from 'vitest';
import { articleIdOf } from '../../src/article/model';
import { commandDefinitions, loadCommands } from '../../src/core/loader';
import { opt, PERMS, MEMBER_PERMISSIONS, type SentInteraction } from '../support/fake-discord';
import type { Harness } from '../support/bot-harness';
import { botPerFile, userFactory } from '../support/bot-per-file';
import { expectWithinLimits } from './limits';

const SEED_ID = '20400ca2c14b17f1';
let h: Harness;
/** A different user per call, so the per-user rate limit does not interfere (it has its own test). */
const someone = userFactory(200000000000000000n, 'reader');
const admin = () => ({ user: someone(), memberPermissions: MEMBER_PERMISSIONS | PERMS.ManageGuild });

const answerOf = async (i: SentInteraction) => h.fake.answer(i);

botPerFile((started) => (h = started));

describe('registration and gateway', () => {
  it('GIVEN a first start THEN every command (incl. /article) is registered in the guild with one PUT, and the bot identified with Guilds|GuildMessages only', async () => {
    const put = h.fake.calls.filter((c) => c.method === 'PUT');
    expect(put.map((c) => c.path)).toEqual([`/applications/${h.fake.applicationId}/guilds/${h.fake.guild.id}/commands`]);
    const expected = commandDefinitions(await loadCommands()).map((c) => c.name);
    expect(expected).toContain('article');
    expect(put[0]!.body.map((c: { name: string }) => c.name)).toEqual(expected);
    expect(h.fake.identifiedIntents).toBe(1 | 512);
  });
});

describe('/article list and show', () => {
  it('GIVEN /article list THEN the seed article is listed in the first response, within 3 s', async () => {
    const i = h.fake.slash({ name: 'article', subcommand: 'list', user: someone() });
    const cb = await h.fake.callback(i);
    expect(cb.at - i.sentAt).toBeLessThan(3000);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.embeds[0].description).toContain("Trump announces Venezuela's agreement");
    expect(cb.body.data.embeds[0].description).toContain(SEED_ID);
  });

  it('GIVEN /article show article:venezuela THEN the card has the title, the lead sentences and a Discuss button', async () => {
    const a = await answerOf(h.fake.slash({ name: 'article', subcommand: 'show', options: [opt.string('article', 'venezuela')], user: someone() }));
    expect(a.ephemeral).toBe(false);
    const e = a.body.embeds[0];
    expect(e.title).toBe("Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S");
    expect(e.description.startsWith('Trump: Venezuela agrees to take back all detained illegal migrants from the U.S. and arrange their transportation')).toBe(true);
    expect(a.body.components[0].components[0]).toMatchObject({ custom_id: `adiscuss:${SEED_ID}`, label: 'Discuss' });
  });

  it('GIVEN an unknown article id THEN an ephemeral "no article matches"', async () => {
    const a = await answerOf(h.fake.slash({ name: 'article', subcommand: 'show', options: [opt.string('article', 'ffffffffffffffff')], user: someone() }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toContain('No article in this server matches “ffffffffffffffff”');
  });

  it('GIVEN an article option of 6,000 characters THEN a clear ephemeral refusal, quickly', async () => {
    const i = h.fake.slash({ name: 'article', subcommand: 'show', options: [opt.string('article', 'x'.repeat(6000))], user: someone() });
    const a = await answerOf(i);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('`article` is too long (at most 2048 characters).');
  });

  it('GIVEN the command used in a DM THEN it says it works in servers only', async () => {
    const a = await answerOf(h.fake.slash({ name: 'article', subcommand: 'list', guildId: null, user: someone() }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toContain('inside servers');
  });
});

describe('autocomplete', () => {
  it.each([
    ['venez', 'slug prefix'],
    ['20400c', 'id prefix'],
    ['migrants trump', 'title words'],
  ])('GIVEN "%s" (%s) THEN the seed article is offered, value = its id', async (typed) => {
    const i = h.fake.autocomplete({ name: 'article', subcommand: 'show', options: [opt.string('article', typed, true)], user: someone() });
    const cb = await h.fake.callback(i);
    expect(cb.at - i.sentAt).toBeLessThan(3000);
    expect(cb.body.type).toBe(8);
    const choices = cb.body.data.choices as Array<{ name: string; value: string }>;
    expect(choices[0]!.value).toBe(SEED_ID);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('GIVEN a pasted URL THEN the first choice offers to load it', async () => {
    const cb = await h.fake.callback(
      h.fake.autocomplete({ name: 'article', subcommand: 'show', options: [opt.string('article', 'https://example.com/story', true)], user: someone() }),
    );
    expect(cb.body.data.choices[0]).toEqual({ name: 'Load https://example.com/story', value: 'https://example.com/story' });
  });
});

describe('/article add', () => {
  const text = 'Hello @everyone and @here. The mayor said the new bridge opens in May. Officials agreed on the budget on Tuesday.';

  it('GIVEN pasted text containing @everyone THEN it is added, shown publicly, and nobody is pinged', async () => {
    const a = await answerOf(
      h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', text), opt.string('title', 'Bridge opens in May')], user: someone() }),
    );
    expect(a.ephemeral).toBe(false);
    expect(a.body.embeds[0].title).toBe('Bridge opens in May');
    expect(a.body.embeds[0].description).toContain('@everyone');
    expect(a.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(a.body.embeds[0].footer.text).toContain(articleIdOf(text));
  });

  it('GIVEN the same text again THEN nothing is added and the reply points at the existing article', async () => {
    const a = await answerOf(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', text)], user: someone() }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toContain(`already has this article (the same text): \`${articleIdOf(text)}\``);
  });

  it('GIVEN no source, or two sources THEN a usage hint', async () => {
    const none = await answerOf(h.fake.slash({ name: 'article', subcommand: 'add', options: [], user: someone() }));
    expect(none.body.content).toContain('Give exactly one of `url`');
    const two = await answerOf(
      h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', 'a b c'), opt.string('url', 'https://x.test/')], user: someone() }),
    );
    expect(two.ephemeral).toBe(true);
    expect(two.body.content).toContain('Give exactly one of `url`');
  });

  it('GIVEN a Markdown attachment THEN the reply is deferred, then edited with the article', async () => {
    const url = h.fake.serve('/attachments/1/budget.md', '# City budget passes\n\nThe council approved the budget on Monday. "It is a fair plan," said Mayor Ana Ruiz.\n');
    const i = h.fake.slash({
      name: 'article',
      subcommand: 'add',
      options: [opt.attachment('file', '900')],
      attachments: { '900': { filename: 'budget.md', size: 96, url, content_type: 'text/markdown' } },
      user: someone(),
    });
    const cb = await h.fake.callback(i);
    expect(cb.body.type).toBe(5);
    const a = await answerOf(i);
    expect(a.via).toBe('PATCH');
    expect(a.body.embeds[0].title).toBe('City budget passes');
    expect(a.body.embeds[0].fields[0]).toMatchObject({ name: 'Source', value: 'Uploaded file budget.md' });
  });

  it('GIVEN a 100 MB attachment THEN it is refused by its declared size, without downloading it', async () => {
    const path = '/attachments/2/huge.txt';
    const a = await answerOf(
      h.fake.slash({
        name: 'article',
        subcommand: 'add',
        options: [opt.attachment('file', '901')],
        attachments: { '901': { filename: 'huge.txt', size: 100 * 1024 * 1024, url: h.fake.url(path), content_type: 'text/plain' } },
        user: someone(),
      }),
    );
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('huge.txt is 100 MB; the largest file I read is 5.0 MB.');
    expect(h.fake.calls.some((c) => c.path === path)).toBe(false);
  });

  it('GIVEN an attachment that lies about its size THEN the download stops at the cap', async () => {
    const url = h.fake.serve('/attachments/4/liar.txt', () => Buffer.alloc(6 * 1024 * 1024, 'a'), 'text/plain');
    const a = await answerOf(
      h.fake.slash({
        name: 'article',
        subcommand: 'add',
        options: [opt.attachment('file', '903')],
        attachments: { '903': { filename: 'liar.txt', size: 120, url, content_type: 'text/plain' } },
        user: someone(),
      }),
    );
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('The page or file is larger than I am allowed to download.');
  });

  it('GIVEN an image attachment THEN it is refused by type', async () => {
    const a = await answerOf(
      h.fake.slash({
        name: 'article',
        subcommand: 'add',
        options: [opt.attachment('file', '902')],
        attachments: { '902': { filename: 'photo.png', size: 1000, url: h.fake.url('/attachments/3/photo.png'), content_type: 'image/png' } },
        user: someone(),
      }),
    );
    expect(a.body.content).toBe('I read text (.txt), Markdown (.md) and HTML (.html) files; photo.png is none of those.');
  });

  it('GIVEN a loopback URL (ALLOW_PRIVATE_URLS=true) THEN it is fetched and added; the same URL again is a duplicate', async () => {
    const url = h.fake.serve(
      '/news/harbour.html',
      '<html><head><title>Harbour reopens</title><meta property="og:site_name" content="Coast News"></head><body><article><h1>Harbour reopens</h1><p>The harbour reopened on Friday after repairs that took two years and cost the city far more than planned.</p><p>"We are back in business," said harbour master Tom Berg at the ceremony on the pier.</p></article></body></html>',
      'text/html; charset=utf-8',
    );
    const first = await answerOf(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('url', url)], user: someone() }));
    expect(first.ephemeral).toBe(false);
    expect(first.body.embeds[0].title).toBe('Harbour reopens');
    expect(first.body.embeds[0].url).toBe(url);
    const again = h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('url', `${url}?utm_source=x#top`)], user: someone() });
    const dup = await answerOf(again);
    expect(dup.ephemeral).toBe(true);
    expect(dup.body.content).toContain('(the same link)');
    // The public "thinking…" deferral was replaced by a message only the user sees.
    expect(h.fake.callsFor(again).some((c) => c.method === 'DELETE')).toBe(true);
  });

  it.each([
    ['a link that answers 404', { url: '/news/missing.html' }, 'The site answered with HTTP 404.'],
    ['text that is only whitespace and punctuation', { text: ' .... ' }, 'I found no article text there, only markup, punctuation or boilerplate.'],
  ])('GIVEN %s THEN a clear ephemeral error', async (_what, input, message) => {
    const option = 'url' in input ? opt.string('url', h.fake.url(input.url)) : opt.string('text', input.text);
    const a = await answerOf(h.fake.slash({ name: 'article', subcommand: 'add', options: [option], user: someone() }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe(message);
  });

  it('GIVEN a reference matching two articles equally THEN both are listed to choose from', async () => {
    for (const t of ['Storm hits the north coast', 'Storm hits the south coast']) {
      await answerOf(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', `${t}. Winds reached 120 km/h.`), opt.string('title', t)], user: someone() }));
    }
    const a = await answerOf(h.fake.slash({ name: 'article', subcommand: 'show', options: [opt.string('article', 'storm hits')], user: someone() }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toMatch(/^Several articles match “storm hits”:\n• Storm hits the (south|north) coast \(`[0-9a-f]{16}`\)\n• Storm hits the (south|north) coast/);
  });

  it('GIVEN a pasted URL in show THEN it is loaded on the fly and added', async () => {
    const url = h.fake.serve('/news/rain.txt', 'Rain returns\n\nRain fell across the valley on Sunday, ending a dry spell of forty days.\n');
    const a = await answerOf(h.fake.slash({ name: 'article', subcommand: 'show', options: [opt.string('article', url)], user: someone() }));
    expect(a.body.content).toBe('Loaded from the link and added to this server’s articles.');
    expect(a.body.embeds[0].title).toBe('Rain returns');
  });

  it('GIVEN text of 6,000 characters THEN it is added within limits', async () => {
    const long = Array.from({ length: 120 }, (_, k) => `Sentence number ${k} tells of the long river.`).join(' ').slice(0, 6000);
    const a = await answerOf(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', long), opt.string('title', 'Long text')], user: someone() }));
    expect(a.body.embeds[0].title).toBe('Long text');
    expectWithinLimits(a.body);
  });
});

describe('/article remove', () => {
  it('GIVEN a member without Manage Server THEN refused; WITH it THEN removed; bundled articles stay', async () => {
    const text = 'A short note about the ferry timetable. The ferry leaves at noon every day.';
    await answerOf(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', text)], user: someone() }));
    const id = articleIdOf(text);
    const refused = await answerOf(h.fake.slash({ name: 'article', subcommand: 'remove', options: [opt.string('article', id)], user: someone() }));
    expect(refused.body.content).toBe('You need the Manage Server permission in this server to do that.');
    const removed = await answerOf(h.fake.slash({ name: 'article', subcommand: 'remove', options: [opt.string('article', id)], ...admin() }));
    expect(removed.body.content).toContain(`(\`${id}\`) from this server’s articles`);
    const bundled = await answerOf(h.fake.slash({ name: 'article', subcommand: 'remove', options: [opt.string('article', SEED_ID)], ...admin() }));
    expect(bundled.body.content).toContain('bundled with Lede');
  });
});

describe('paging', () => {
  it('GIVEN more than 10 articles THEN the list has Next, and a click (even after a restart) shows page 2', async () => {
    for (let k = 0; k < 12; k++) {
      await answerOf(
        h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', `Item ${k}. The council met about matter ${k} today.`)], user: someone() }),
      );
    }
    const list = await answerOf(h.fake.slash({ name: 'article', subcommand: 'list', user: someone() }));
    const [prev, next] = list.body.components[0].components;
    // Page and part of the page (a page of very long links comes in parts: article-list.e2e.test.ts).
    expect(prev).toMatchObject({ custom_id: `alist:${h.fake.guild.id}:0:0`, disabled: true });
    expect(next.custom_id).toBe(`alist:${h.fake.guild.id}:1:0`);
    expect(list.body.embeds[0].footer.text).toMatch(/^Page 1 of 2/);

    h = await h.restart();
    expect(h.fake.calls.filter((c) => c.method === 'PUT')).toHaveLength(1); // definitions unchanged: no re-registration
    const click = h.fake.click({ customId: next.custom_id, messageId: '1', user: someone() });
    const cb = await h.fake.callback(click);
    expect(cb.body.type).toBe(7);
    expect(cb.body.data.embeds[0].footer.text).toMatch(/^Page 2 of 2/);
    expect(cb.body.data.components[0].components[1].disabled).toBe(true);
    // A button sent before pages had parts (`alist:<guild>:<page>`) still works.
    const old = await h.fake.callback(h.fake.click({ customId: `alist:${h.fake.guild.id}:1`, messageId: '1', user: someone() }));
    expect(old.body.data.embeds[0].footer.text).toMatch(/^Page 2 of 2/);
  });

  it('GIVEN a paging button from another server THEN it is refused as stale', async () => {
    const cb = await h.fake.callback(h.fake.click({ customId: 'alist:123456789012345678:1', messageId: '1', user: someone() }));
    expect(cb.body.data.content).toContain('old message');
    expect(cb.body.data.flags).toBe(64);
  });
});

describe('counts in words', () => {
  it('GIVEN a one-sentence article THEN its card says "1 sentence", not "1 sentences"', async () => {
    const text = 'Ferry tickets cost more from Monday.';
    const a = await answerOf(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', text), opt.string('title', 'Ferry fares')], user: someone() }));
    expect(a.body.embeds[0].fields.find((f: { name: string }) => f.name === 'Length').value).toBe('6 words · 1 sentence · 1 min read');
  });
});

describe('a link in angle brackets (how Discord users keep a link from showing a preview)', () => {
  it('GIVEN article:<https://…> THEN the link inside is loaded on the fly; typed in autocomplete it is offered without the brackets', async () => {
    const url = h.fake.serve('/news/snow.txt', 'Snow arrives\n\nSnow fell across the hills on Monday, closing two mountain roads.\n');
    const a = await answerOf(h.fake.slash({ name: 'article', subcommand: 'show', options: [opt.string('article', `<${url}>`)], user: someone() }));
    expect(a.body.content).toBe('Loaded from the link and added to this server’s articles.');
    expect(a.body.embeds[0].title).toBe('Snow arrives');
    const cb = await h.fake.callback(
      h.fake.autocomplete({ name: 'article', subcommand: 'show', options: [opt.string('article', '<https://example.com/story>', true)], user: someone() }),
    );
    expect(cb.body.data.choices[0]).toEqual({ name: 'Load https://example.com/story', value: 'https://example.com/story' });
  });

  it('GIVEN /article add url:<https://…> THEN the link inside is read and added', async () => {
    const url = h.fake.serve('/news/hail.txt', 'Hail in the valley\n\nHail damaged orchards across the valley on Tuesday afternoon.\n');
    const a = await answerOf(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('url', `<${url}>`)], user: someone() }));
    expect(a.body.embeds[0].title).toBe('Hail in the valley');
    expect(a.body.embeds[0].url).toBe(url);
  });
});
