/**
 * /quotes through the real bot against the fake Discord: key quotes verbatim with speaker and cue,
 * the speaker filter, "unknown speaker" when no rule is sure, paging that survives a restart,
 * speaker autocomplete, and every refusal.
 */
import { describe, expect, it } from 'vitest';
import { articleIdOf } from '../../src/article/model';
import { opt, type OptionValue } from '../support/fake-discord';
import type { Harness } from '../support/bot-harness';
import { botPerFile, userFactory } from '../support/bot-per-file';
import { expectWithinLimits } from './limits';

const SEED_ID = '20400ca2c14b17f1';
const SEED_TITLE = "Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S";
const FOOTER_TAIL = 'words verbatim from the source; speakers found by rules, “unknown speaker” when unsure';
let h: Harness;
const someone = userFactory(410000000000000000n, 'quoter');
const quotes = (options: OptionValue[]) => h.fake.answer(h.fake.slash({ name: 'quotes', options, user: someone() }));

botPerFile((started) => (h = started));

const PAGE_1 = `Bundled with Lede

> “Venezuela has agreed to receive, back into their country, all Venezuela illegal aliens who were encamped in the US, including gang members of Tren de Aragua”
— **Trump** (said)

> “We are in the process of removing record numbers of illegal aliens from all countries, and all countries have agreed to accept these illegal aliens back”
— **Trump** (said)

> “The only award for Maduro was my physical presence, the first senior US official to visit the country in years”
— **Richard Grenell** (quoted as saying) · as “he”

> “It was a big gift to him to have a visit by an envoy of President Trump”
— **Richard Grenell** · as “he”

> Trump: Venezuela agrees to take back all detained illegal migrants from the U.S. and arrange their transportation
— **News.Az** (informs) · reported speech`;

describe('/quotes article', () => {
  let nextId = '';

  it('GIVEN the seed article THEN the key quotes, verbatim, with speaker and cue, paged 5 at a time', async () => {
    const a = await quotes([opt.string('article', 'venezuela')]);
    expect(a.ephemeral).toBe(false);
    const e = a.body.embeds[0];
    expect(e.author.name).toBe('Key quotes');
    expect(e.title).toBe(SEED_TITLE);
    expect(e.description).toBe(PAGE_1);
    expect(e.footer.text).toBe(`Page 1 of 3 · 13 key quotes of 13 attributions · ${FOOTER_TAIL}`);
    const [prev, next] = a.body.components[0].components;
    expect(prev).toMatchObject({ custom_id: `qpage:${SEED_ID}::0`, disabled: true });
    expect(next).toMatchObject({ custom_id: `qpage:${SEED_ID}::1`, label: 'Next ▶' });
    nextId = next.custom_id;
  });

  it('GIVEN a click on Next after a restart THEN page 2 replaces the message', async () => {
    h = await h.restart();
    const cb = await h.fake.callback(h.fake.click({ customId: nextId, messageId: '1', user: someone() }));
    expect(cb.body.type).toBe(7);
    const e = cb.body.data.embeds[0];
    expect(e.footer.text).toBe(`Page 2 of 3 · 13 key quotes of 13 attributions · ${FOOTER_TAIL}`);
    expect(e.description.split('\n\n')[1]).toBe(
      "> the top goals for Grenell's trip were to secure the release of detained Americans and deporting Venezuelans back to their home country\n— **Trump administration** (said) · reported speech",
    );
    expect(cb.body.data.components[0].components.map((b: { custom_id: string }) => b.custom_id)).toEqual([`qpage:${SEED_ID}::0`, `qpage:${SEED_ID}::2`]);
  });

  it('GIVEN speaker:Grenell THEN only Richard Grenell’s quotes, the surname and "he" resolved to him', async () => {
    const a = await quotes([opt.string('article', 'venezuela'), opt.string('speaker', 'Grenell')]);
    const e = a.body.embeds[0];
    expect(e.author.name).toBe('Quotes by Richard Grenell');
    expect(e.description).toBe(`Bundled with Lede

> “The only award for Maduro was my physical presence, the first senior US official to visit the country in years”
— **Richard Grenell** (quoted as saying) · as “he”

> “It was a big gift to him to have a visit by an envoy of President Trump”
— **Richard Grenell** · as “he”

> there were no financial or other concessions promised to Maduro
— **Richard Grenell** (said) · reported speech`);
    expect(e.footer.text).toBe(`3 quotes by Richard Grenell · ${FOOTER_TAIL}`);
    expect(a.body.components).toEqual([]);
  });

  it('GIVEN a speaker with no quotes THEN an ephemeral answer naming who is quoted', async () => {
    const a = await quotes([opt.string('article', 'venezuela'), opt.string('speaker', 'Joe Biden')]);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe(
      `No quotes by “Joe Biden” in “${SEED_TITLE}”. Quoted there: Richard Grenell (3), Trump (3), White House (2), Claudia Sheinbaum (1), Mexico (1), News.Az (1), Nicolas Maduro (1), Trump administration (1).`,
    );
  });

  it('GIVEN an unknown article THEN the library’s "no article matches", ephemeral', async () => {
    const a = await quotes([opt.string('article', 'no-such-story')]);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('No article in this server matches “no-such-story”. Use `/article list` to see them, or pick one from the suggestions.');
  });

  it('GIVEN an article with nobody quoted THEN an ephemeral "no quotes"', async () => {
    const text = 'The library will close for repairs from Monday. Books can be returned at the town hall until the end of the month.';
    await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', text), opt.string('title', 'Library closes')], user: someone() }));
    const a = await quotes([opt.string('article', articleIdOf(text))]);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('I found no quotes in “Library closes”: nobody is quoted or reported as saying anything there.');
  });

  it('GIVEN an article in Spanish THEN /quotes and /ask say it does not look like English instead of a bare "nothing"', async () => {
    const text = 'El alcalde dijo que la ciudad abrirá el nuevo puente en mayo. "Vamos a construirlo", afirmó ante los periodistas. La obra costará 40 millones de euros y durará dos años, según el ayuntamiento.';
    await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', text), opt.string('title', 'El puente')], user: someone() }));
    const a = await quotes([opt.string('article', articleIdOf(text))]);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('I found no quotes in “El puente”. This article does not look like English: Lede’s rules read English news, so quotes, speakers and answers are only found in English text.');
    const asked = await h.fake.answer(h.fake.slash({ name: 'ask', options: [opt.string('question', 'Who is building the bridge?'), opt.string('article', articleIdOf(text))], user: someone() }));
    expect(asked.body.embeds[0].title).toBe('Not found in the article');
    expect(asked.body.embeds[0].description).toContain('This article does not look like English: Lede’s rules read English news');
  });

  it('GIVEN a quote nobody is credited with, and one with markdown and @everyone THEN "unknown speaker" (uncertain), characters escaped, nobody pinged', async () => {
    const text = `The river rose two metres overnight and the bridge was closed before dawn.

"This is the worst flood in living memory, and the town will need months to recover."

"Tell @everyone the *new* plan works," said Mayor Ana Ruiz on Tuesday.`;
    await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', text), opt.string('title', 'Flood warning')], user: someone() }));
    const a = await quotes([opt.string('article', articleIdOf(text))]);
    expect(a.body.embeds[0].description).toBe(`Pasted text

> “Tell \\@everyone the \\*new\\* plan works”
— **Ana Ruiz** (said)

> “This is the worst flood in living memory, and the town will need months to recover”
— *unknown speaker* · uncertain attribution`);
    expect(a.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});

describe('a pronoun no rule resolved', () => {
  const TEXT = 'Residents gathered at the ferry landing on Friday morning. "It took far too long to fix the ramp," she said.';

  it('GIVEN "she" with nobody before it THEN /quotes and /ask show unknown speaker, never "she"', async () => {
    await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', TEXT), opt.string('title', 'Ferry landing')], user: someone() }));
    const a = await quotes([opt.string('article', articleIdOf(TEXT))]);
    expect(a.body.embeds[0].description).toBe(`Pasted text

> “It took far too long to fix the ramp”
— *unknown speaker* (said)`);
    const asked = await h.fake.answer(
      h.fake.slash({ name: 'ask', options: [opt.string('question', 'Who said it took far too long to fix the ramp?'), opt.string('article', articleIdOf(TEXT))], user: someone() }),
    );
    expect(asked.body.embeds[0].title).toBe('Not found in the article');
  });
});

describe('/quotes autocomplete', () => {
  it('GIVEN "gre" in speaker with the article chosen THEN that article’s matching speaker, counted there, within 3 s', async () => {
    const i = h.fake.autocomplete({ name: 'quotes', options: [opt.string('article', SEED_ID), opt.string('speaker', 'gre', true)], user: someone() });
    const cb = await h.fake.callback(i);
    expect(cb.at - i.sentAt).toBeLessThan(3000);
    expect(cb.body.data.choices).toEqual([{ name: 'Richard Grenell · 3 quotes', value: 'Richard Grenell' }]);
  });

  it('GIVEN nothing typed and no article yet THEN the server’s speakers, most quoted first', async () => {
    const cb = await h.fake.callback(h.fake.autocomplete({ name: 'quotes', options: [opt.string('speaker', '', true)], user: someone() }));
    const names = (cb.body.data.choices as Array<{ value: string }>).map((c) => c.value);
    expect(names.slice(0, 3)).toEqual(['Richard Grenell', 'Trump', 'White House']);
    expect(names).toContain('Ana Ruiz');
    expect(names.length).toBeLessThanOrEqual(25);
  });

  it('GIVEN the article option focused THEN articles are suggested as in every command', async () => {
    const cb = await h.fake.callback(h.fake.autocomplete({ name: 'quotes', options: [opt.string('article', 'venez', true)], user: someone() }));
    expect(cb.body.data.choices[0].value).toBe(SEED_ID);
  });
});

describe('/quotes on hostile text', () => {
  it('GIVEN 6,000 characters of unpaired quote marks and attributions THEN a bounded answer within Discord limits', async () => {
    const text = `${'"A said, " B told "C, '.repeat(300)}`.slice(0, 6000);
    await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', text), opt.string('title', 'Marks')], user: someone() }));
    const i = h.fake.slash({ name: 'quotes', options: [opt.string('article', articleIdOf(text))], user: someone() });
    const cb = await h.fake.callback(i);
    expect(cb.at - i.sentAt).toBeLessThan(3000);
    const a = await h.fake.answer(i);
    expectWithinLimits(a.body);
    const w = await h.fake.answer(h.fake.slash({ name: 'whosaid', options: [opt.string('phrase', 'A said B told C')], user: someone() }));
    expectWithinLimits(w.body);
  });
});
