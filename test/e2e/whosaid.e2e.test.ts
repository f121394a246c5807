/**
 * /whosaid through the real bot against the fake Discord: a person's quotes across the server's
 * articles (with article and date, aliases merged), who said a phrase (tolerant of quote marks and
 * small wording differences), both together, one article only, paging, speaker autocomplete, and
 * every refusal; and a database whose analyses an older version of the rules stored, recomputed in
 * the background after the start.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/article';
import { createLibrary, inProcessWork } from '../../src/library';
import { ANALYSIS_VERSION } from '../../src/nlp/analyze';
import { openStores, type StoreTarget } from '../../src/store/open';
import { FakeDiscord, MEMBER_PERMISSIONS, opt, PERMS, type OptionValue } from '../support/fake-discord';
import { postgresEnv, startHarness, TEST_BACKEND, type Harness } from '../support/bot-harness';
import { botPerFile, userFactory, addText as addTextAs } from '../support/bot-per-file';

const SEED_ID = '20400ca2c14b17f1';
const SEED_TITLE = "Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S";
const IN_SEED = `in *${SEED_TITLE}* · bundled with Lede`;
const FOOTER = 'words verbatim from the sources; speakers found by rules, “unknown speaker” when unsure';
const ACROSS = 'Who said what · across this server’s articles';
let h: Harness;
const someone = userFactory(420000000000000000n, 'asker');
const whosaid = (options: OptionValue[]) => h.fake.answer(h.fake.slash({ name: 'whosaid', options, user: someone() }));
const addText = (text: string, title: string) => addTextAs(h, someone(), text, title);
const today = () => new Date().toISOString().slice(0, 10);

botPerFile((started) => (h = started));

const GRENELL_SEED = `> there were no financial or other concessions promised to Maduro
— **Richard Grenell** (said) · reported speech
${IN_SEED}

> “The only award for Maduro was my physical presence, the first senior US official to visit the country in years”
— **Richard Grenell** (quoted as saying) · as “he”
${IN_SEED}

> “It was a big gift to him to have a visit by an envoy of President Trump”
— **Richard Grenell** · as “he”
${IN_SEED}`;

describe('/whosaid speaker', () => {
  it('GIVEN speaker:Grenell THEN what Richard Grenell said, each quote with its article and date', async () => {
    const a = await whosaid([opt.string('speaker', 'Grenell')]);
    expect(a.ephemeral).toBe(false);
    const e = a.body.embeds[0];
    expect(e.author.name).toBe(ACROSS);
    expect(e.title).toBe('What Richard Grenell said');
    expect(e.description).toBe(`3 quotes in 1 article · also written Grenell\n\n${GRENELL_SEED}`);
    expect(e.footer.text).toBe(FOOTER);
    expect(a.body.components).toEqual([]);
  });

  it('GIVEN a second article quoting "envoy Richard Grenell" THEN his quotes across both, newest article first', async () => {
    const text = '"We expect more flights next week," envoy Richard Grenell told reporters on Monday. The flights are paid by Venezuela.';
    await addText(text, 'More deportation flights expected');
    const a = await whosaid([opt.string('speaker', 'richard grenell')]);
    const e = a.body.embeds[0];
    expect(e.title).toBe('What Richard Grenell said');
    expect(e.description).toBe(
      `4 quotes in 2 articles · also written Grenell\n\n> “We expect more flights next week”\n— **Richard Grenell** (told)\nin *More deportation flights expected* · added ${today()}\n\n${GRENELL_SEED}`,
    );
  });

  it('GIVEN article: THEN only that article’s quotes', async () => {
    const a = await whosaid([opt.string('speaker', 'Grenell'), opt.string('article', SEED_ID)]);
    const e = a.body.embeds[0];
    expect(e.author.name).toBe(`Who said what · in ${SEED_TITLE}`);
    expect(e.description.startsWith('3 quotes in 1 article · ')).toBe(true);
  });

  it('GIVEN a speaker nobody quotes THEN an ephemeral answer naming the most quoted', async () => {
    const a = await whosaid([opt.string('speaker', 'Angela Merkel')]);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe(
      'No quotes by “Angela Merkel” in this server’s articles. Most quoted: Richard Grenell (4), Trump (3), White House (2), Claudia Sheinbaum (1), Mexico (1), News.Az (1), Nicolas Maduro (1), Trump administration (1).',
    );
  });

  it('GIVEN neither speaker nor phrase THEN a usage hint', async () => {
    const a = await whosaid([]);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('Give `speaker` (what a person said), `phrase` (who said these words), or both.');
  });

  it('GIVEN a speaker option of 101 characters THEN refused as too long', async () => {
    const a = await whosaid([opt.string('speaker', 'x'.repeat(101))]);
    expect(a.body.content).toBe('`speaker` is too long (at most 100 characters).');
  });
});

describe('/whosaid phrase', () => {
  it('GIVEN a phrase in other quote marks, other case and two words different THEN Grenell’s quote, marked as a close match', async () => {
    const a = await whosaid([opt.string('phrase', '“it was a BIG gift to have a visit”')]);
    const e = a.body.embeds[0];
    expect(e.title).toBe('Who said “it was a BIG gift to have a visit”');
    expect(e.description).toBe(
      `1 quote in 1 article\n\n> “It was a big gift to him to have a visit by an envoy of President Trump”\n— **Richard Grenell** · as “he”\n${IN_SEED} · close match (78%)`,
    );
  });

  it('GIVEN a phrase and a speaker THEN only that speaker’s matching quotes', async () => {
    const a = await whosaid([opt.string('speaker', 'Trump'), opt.string('phrase', 'illegal aliens')]);
    const e = a.body.embeds[0];
    expect(e.title).toBe('Who said “illegal aliens” (Trump)');
    expect(e.description.split('\n')[0]).toBe('2 quotes in 1 article');
  });

  it('GIVEN a phrase nobody said THEN an ephemeral "no quote matches"', async () => {
    const a = await whosaid([opt.string('phrase', 'the capital of France')]);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('No quote in this server’s articles matches “the capital of France”, even loosely. Try fewer or different words.');
  });

  it('GIVEN a phrase the speaker did not say THEN it says so and suggests leaving out speaker', async () => {
    const a = await whosaid([opt.string('speaker', 'Maduro'), opt.string('phrase', 'big gift')]);
    expect(a.body.content).toBe('No quote by Nicolas Maduro in this server’s articles matches “big gift”, even loosely. Try fewer or different words, or leave out `speaker`.');
  });

  it('GIVEN a phrase of punctuation only THEN a usage hint', async () => {
    const a = await whosaid([opt.string('phrase', '“ … ”')]);
    expect(a.body.content).toBe('`phrase` needs words to look for, for example `phrase: big gift`.');
  });
});

describe('/whosaid paging and autocomplete', () => {
  const BERG = [
    'The first ferry will leave at six',
    'The second ferry will leave at nine in the morning',
    'Tickets will cost four euros for adults and two for children',
    'The cafe on the pier will open again in the spring',
    'We are hiring two more deckhands for the summer season',
    'The old pier will be rebuilt with money from the region',
    'Nobody will lose their job because of the new timetable',
  ];

  it('GIVEN seven quotes by one person THEN two pages; Next shows the last two, the state in the button id', async () => {
    const text = BERG.map((q, k) => (k === 0 ? `"${q}," harbour master Tom Berg said on Monday.` : `"${q}," Berg said.`)).join('\n');
    await addText(text, 'Harbour master’s week');
    const a = await whosaid([opt.string('speaker', 'Berg')]);
    const e = a.body.embeds[0];
    expect(e.footer.text).toBe(`Page 1 of 2 · ${FOOTER}`);
    expect(e.description.split('\n\n').slice(1).map((b: string) => b.split('\n')[0])).toEqual(BERG.slice(0, 5).map((q) => `> “${q}”`));
    const next = a.body.components[0].components[1];
    expect(next.custom_id).toBe('wsay:-:Tom Berg::1');
    const cb = await h.fake.callback(h.fake.click({ customId: next.custom_id, messageId: '1', user: someone() }));
    expect(cb.body.type).toBe(7);
    const page2 = cb.body.data.embeds[0];
    expect(page2.footer.text).toBe(`Page 2 of 2 · ${FOOTER}`);
    expect(page2.description).toBe(
      `7 quotes in 1 article · also written Berg\n\n${BERG.slice(5)
        .map((q) => `> “${q}”\n— **Tom Berg** (said)\nin *Harbour master’s week* · added ${today()}`)
        .join('\n\n')}`,
    );
  });

  it('GIVEN a page button for an article since removed THEN "removed", ephemeral', async () => {
    const cb = await h.fake.callback(h.fake.click({ customId: 'wsay:ffffffffffffffff:Tom Berg::1', messageId: '1', user: someone() }));
    expect(cb.body.data.flags).toBe(64);
    expect(cb.body.data.content).toBe('That article has been removed from this server; `/article list` shows the ones it has.');
  });

  it('GIVEN "gre" typed in speaker THEN Richard Grenell with his count across articles, within 3 s', async () => {
    const i = h.fake.autocomplete({ name: 'whosaid', options: [opt.string('speaker', 'gre', true)], user: someone() });
    const cb = await h.fake.callback(i);
    expect(cb.at - i.sentAt).toBeLessThan(3000);
    expect(cb.body.data.choices).toEqual([{ name: 'Richard Grenell · 4 quotes in 2 articles', value: 'Richard Grenell' }]);
  });

  it('GIVEN an article removed THEN its speakers leave the index', async () => {
    const removed = await h.fake.answer(
      h.fake.slash({ name: 'article', subcommand: 'remove', options: [opt.string('article', 'Harbour master’s week')], user: someone(), memberPermissions: MEMBER_PERMISSIONS | PERMS.ManageGuild }),
    );
    expect(removed.body.content).toMatch(/^Removed \*\*Harbour master’s week\*\* \(`[0-9a-f]{16}`\) from this server’s articles\.$/);
    const cb = await h.fake.callback(h.fake.autocomplete({ name: 'whosaid', options: [opt.string('speaker', 'ber', true)], user: someone() }));
    expect(cb.body.data.choices).toEqual([]);
  });
});

describe('article titles with markup characters', () => {
  it('GIVEN a linked article titled "Ferry *news* update" THEN /whosaid and /ask show the title as text with its address, no backslash inside a link label', async () => {
    const page = `<html><head><title>Ferry *news* update</title></head><body><article><h1>Ferry *news* update</h1>
<p>The harbour board met on Thursday to plan the new ferry timetable for the winter months.</p>
<p>"The first ferry will leave at six every morning," Ole Brekke, the harbour master, said after the meeting.</p>
<p>The timetable starts in November and runs until the end of March, the board said in a statement.</p></article></body></html>`;
    const url = h.fake.serve('/news/ferry-news.html', page, 'text/html; charset=utf-8');
    await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('url', url)], user: someone() }));
    const a = await whosaid([opt.string('speaker', 'Ole Brekke')]);
    // Discord shows escapes inside a link label as written: the label is text here, the address after it.
    expect(a.body.embeds[0].description).toContain(`— **Ole Brekke** (said)\nin Ferry \\*news\\* update (<${url}>) · added ${today()}`);
    const asked = await h.fake.answer(
      h.fake.slash({ name: 'ask', options: [opt.string('question', 'When will the first ferry leave?'), opt.string('article', 'ferry news update')], user: someone() }),
    );
    expect(asked.body.embeds[0].description.split('\n')[0]).toBe(`From Ferry \\*news\\* update (<${url}>)`);
  });
});

describe('analyses stored by an older version of the rules', () => {
  const BRIDGE = '"The bridge will reopen by the first of May," the mayor said on Monday. The council approved the money last week.';

  /**
   * A database as the version before left it: the article in the fake's server, its analysis of
   * version ANALYSIS_VERSION - 1 with the mayor's quote credited to nobody (as before role speakers
   * were filed under their role), so its quote rows hold no speaker.
   */
  async function oldDatabase(guildId: string): Promise<{ dir: string; database: { env: Record<string, string>; drop: () => Promise<void> } }> {
    const dir = mkdtempSync(join(tmpdir(), 'lede-e2e-'));
    let target: StoreTarget = { kind: 'sqlite', path: join(dir, 'lede.db') };
    let database: { env: Record<string, string>; drop: () => Promise<void> } = { env: {}, drop: async () => undefined };
    if (TEST_BACKEND === 'postgres') {
      database = await postgresEnv();
      target = { kind: 'postgres', url: database.env.DATABASE_URL! };
    }
    const stores = await openStores(target);
    try {
      const library = createLibrary({
        articles: stores.articles,
        analyses: stores.analyses,
        search: stores.search,
        load: async () => parseArticle({ content: BRIDGE, format: 'text', source: 'text', title: 'Bridge repairs' }),
        analyze: inProcessWork.analyze,
      });
      const { article, analysis } = await library.add(guildId, { kind: 'text', text: BRIDGE }, '420000000000000999');
      const quotes = analysis.quotes.map((q) => ({ ...q, speaker: null, speakerStart: null, speakerEnd: null, speakerRef: null }));
      const rows = quotes.map((q) => ({ speakerKey: null, name: null, mention: null, mentionKey: null, words: ['the', 'bridge', 'will', 'reopen'], json: JSON.stringify(q) }));
      await stores.analyses.put(article.id, ANALYSIS_VERSION - 1, JSON.stringify({ ...analysis, version: ANALYSIS_VERSION - 1, quotes }), rows);
    } finally {
      await stores.close();
    }
    return { dir, database };
  }

  it('GIVEN a database whose analysis an older version stored THEN after the start /whosaid speaker:the mayor finds the role speaker the new rules give', async () => {
    const fake = await new FakeDiscord().start();
    const { dir, database } = await oldDatabase(fake.guild.id);
    const old = await startHarness({ fake, dir, database });
    try {
      const report = await old.bot.core.reanalysis.done!;
      expect({ ...report, ms: 0 }).toEqual({ stale: 1, recomputed: 1, failed: 0, skipped: 0, stopped: false, ms: 0 });
      const a = await old.fake.answer(old.fake.slash({ name: 'whosaid', options: [opt.string('speaker', 'the mayor')], user: someone() }));
      expect(a.ephemeral).toBe(false);
      const e = a.body.embeds[0];
      expect(e.title).toBe('What the mayor said');
      expect(e.description).toBe(`1 quote in 1 article\n\n> “The bridge will reopen by the first of May”\n— **the mayor** (said)\nin *Bridge repairs* · added ${today()}`);
      // Who said it: the new rules' speaker, not the old rows' unknown one.
      const p = await old.fake.answer(old.fake.slash({ name: 'whosaid', options: [opt.string('phrase', 'the bridge will reopen')], user: someone() }));
      expect(p.body.embeds[0].description.split('\n').slice(0, 4)).toEqual(['1 quote in 1 article', '', '> “The bridge will reopen by the first of May”', '— **the mayor** (said)']);
    } finally {
      await old.close();
    }
  });
});
