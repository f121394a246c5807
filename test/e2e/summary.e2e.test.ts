/**
 * /summary through the real bot against the fake Discord: the embed (title, source, date, verbatim
 * sentences in article order, keywords, "reduced by N%", the extracted-from-source footer), the
 * sentence count, "too short", paging of long summaries, a pasted link, and refusals.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadArticle } from '../../src/article';
import { fetchOptionsFromConfig } from '../../src/fetch';
import { articleIdOf } from '../../src/article/model';
import { analyzeArticle } from '../../src/nlp/analyze';
import { summarize } from '../../src/nlp/summarize';
import { opt, type OptionValue } from '../support/fake-discord';
import type { Harness } from '../support/bot-harness';
import { botPerFile, userFactory, addText as addTextAs } from '../support/bot-per-file';
import { expectWithinLimits } from './limits';

const SEED_PATH = join(import.meta.dirname, '..', '..', 'data', 'articles', 'venezuela-agrees-to-take-back-migrants.txt');
const SEED_TITLE = "Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S";
const FOOTER = 'Every sentence is quoted word for word from the source, in article order; nothing is generated.';
let h: Harness;
const someone = userFactory(430000000000000000n, 'reader');
const summary = (options: OptionValue[]) => h.fake.answer(h.fake.slash({ name: 'summary', options, user: someone() }));
const addText = (text: string, title: string) => addTextAs(h, someone(), text, title);

botPerFile((started) => (h = started));

describe('/summary on the seed article', () => {
  it('GIVEN article:venezuela THEN 3 verbatim sentences in article order, keywords, source, "reduced by N%", and the footer', async () => {
    const seed = await loadArticle(SEED_PATH, { fetch: fetchOptionsFromConfig(h.config) });
    const expected = analyzeArticle(seed).summary;
    expect(expected.sentences).toHaveLength(3);
    const a = await summary([opt.string('article', 'venezuela')]);
    expect(a.ephemeral).toBe(false);
    const e = a.body.embeds[0];
    expect(e.author.name).toBe('Summary');
    expect(e.title).toBe(SEED_TITLE);
    expect(e.description).toBe(expected.sentences.map((s) => s.text).join('\n\n'));
    // Each sentence is a verbatim slice of the article, in article order.
    const starts = e.description.split('\n\n').map((s: string) => seed.text.indexOf(s));
    expect(starts.every((s: number) => s >= 0)).toBe(true);
    expect([...starts].sort((x, y) => x - y)).toEqual(starts);
    expect(e.fields).toEqual([
      { name: 'Keywords', value: expected.keywords.join(' · '), inline: false },
      { name: 'Source', value: 'Bundled with Lede', inline: true },
      { name: 'Length', value: `3 of ${analyzeArticle(seed).sentenceCount} sentences · reduced by ${expected.reducedByPercent}%`, inline: true },
    ]);
    expect(expected.keywords).toContain('Richard Grenell');
    expect(expected.reducedByPercent).toBeGreaterThanOrEqual(70);
    expect(e.footer.text).toBe(FOOTER);
    expect(a.body.components).toEqual([]);
  });

  it('GIVEN sentences:1 and sentences:10 THEN that many sentences', async () => {
    const one = await summary([opt.string('article', 'venezuela'), opt.integer('sentences', 1)]);
    expect(one.body.embeds[0].description.split('\n\n')).toHaveLength(1);
    const ten = await summary([opt.string('article', 'venezuela'), opt.integer('sentences', 10)]);
    expect(ten.body.embeds[0].description.split('\n\n')).toHaveLength(10);
    expect(ten.body.embeds[0].fields[2].value).toMatch(/^10 of \d+ sentences · reduced by \d+%$/);
  });

  it('GIVEN sentences:11 (Discord enforces 1-10; the console does not) THEN a usage hint', async () => {
    const a = await summary([opt.string('article', 'venezuela'), opt.integer('sentences', 11)]);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('`sentences` is a whole number from 1 to 10.');
  });

  it('GIVEN an unknown article THEN "no article matches", ephemeral', async () => {
    const a = await summary([opt.string('article', 'moon-landing')]);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('No article in this server matches “moon-landing”. Use `/article list` to see them, or pick one from the suggestions.');
  });
});

describe('/summary on short and long texts', () => {
  const SHORT = 'The ferry leaves at noon. It returns at six.';
  const COUNCIL = `The council met on Tuesday evening to discuss the new bus timetable for the northern districts. Members agreed that buses should run every ten minutes during the morning rush hour. The mayor asked the transport office to publish the new timetable before the summer holidays begin. Several residents complained that the last bus leaves far too early on weekdays. The transport office promised to study a later departure for the final bus of the evening. A decision is expected at the next council meeting in June.`;

  it('GIVEN two short sentences THEN "too short to summarize", not the text again', async () => {
    await addText(SHORT, 'Ferry');
    const a = await summary([opt.string('article', articleIdOf(SHORT))]);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('“Ferry” is too short to summarize: a summary would be most of the text. `/article show` shows it whole.');
  });

  it('GIVEN a short text of more sentences than the /article show card holds THEN the hint says the card shows its opening, not the whole text', async () => {
    const WEATHER = 'Rain today. Wind tonight. Sun tomorrow. Snow on Sunday. Fog on Monday.';
    await addText(WEATHER, 'Weather week');
    const a = await summary([opt.string('article', articleIdOf(WEATHER))]);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('“Weather week” is too short to summarize: a summary would be most of the text. `/article show` shows its first sentences.');
  });

  it('GIVEN six sentences and sentences:10 THEN it names the largest count that works', async () => {
    expect(summarize(COUNCIL, { sentences: 5 }).tooShort).toBe(false);
    expect(summarize(COUNCIL, { sentences: 6 }).tooShort).toBe(true);
    await addText(COUNCIL, 'Council meeting notes');
    const a = await summary([opt.string('article', 'council meeting'), opt.integer('sentences', 10)]);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('“Council meeting notes” is too short for a 10-sentence summary. Ask for `sentences:5` or fewer.');
    const three = await summary([opt.string('article', 'council meeting')]);
    expect(three.body.embeds[0].fields.find((f: { name: string }) => f.name === 'Source').value).toBe('Pasted text');
    expect(three.body.embeds[0].fields.find((f: { name: string }) => f.name === 'Added').value).toBe(new Date().toISOString().slice(0, 10));
  });

  it('GIVEN a 10-sentence summary longer than one embed THEN two pages, each within limits; Next shows the rest', async () => {
    const topics = ['harbour', 'railway', 'school', 'hospital', 'library', 'market', 'bridge', 'river', 'airport', 'stadium', 'museum', 'tunnel', 'factory', 'park'];
    const long = topics
      .map(
        (t, k) =>
          `The ${t} project, which the regional council approved after ${k + 3} years of hearings, studies and public meetings in every district of the province, will cost about ${k + 12} million euros, employ ${k * 7 + 40} local workers during construction, and change how thousands of residents travel, work and spend their weekends, according to planners who presented the ${t} designs to the press on Thursday afternoon in the old town hall.`,
      )
      .join('\n\n');
    await addText(long, 'Province plans');
    const id = articleIdOf(long);
    const expected = summarize(long, { sentences: 10, title: 'Province plans' }).sentences.map((s) => s.text);
    const a = await summary([opt.string('article', id), opt.integer('sentences', 10)]);
    expectWithinLimits(a.body);
    const first = a.body.embeds[0];
    expect(first.footer.text).toBe(`Page 1 of 2 · ${FOOTER}`);
    const next = a.body.components[0].components[1];
    expect(next.custom_id).toBe(`spage:${id}:10:1`);
    const cb = await h.fake.callback(h.fake.click({ customId: next.custom_id, messageId: '1', user: someone() }));
    expect(cb.body.type).toBe(7);
    expectWithinLimits(cb.body.data);
    const second = cb.body.data.embeds[0];
    expect(second.footer.text).toBe(`Page 2 of 2 · ${FOOTER}`);
    expect([...first.description.split('\n\n'), ...second.description.split('\n\n')]).toEqual(expected);
  });

  it('GIVEN a pasted link THEN it is loaded, added, and summarized with its title, link and date', async () => {
    const url = h.fake.serve(
      '/news/port.html',
      `<html><head><title>Port expands</title><meta property="article:published_time" content="2025-03-04T08:00:00Z"></head><body><article><h1>Port expands</h1>${COUNCIL.replace(/council/g, 'port authority')
        .split('. ')
        .map((s) => `<p>${s.replace(/\.$/, '')}.</p>`)
        .join('')}</article></body></html>`,
      'text/html; charset=utf-8',
    );
    const a = await summary([opt.string('article', url)]);
    expect(a.body.content).toBe('Loaded from the link and added to this server’s articles.');
    const e = a.body.embeds[0];
    expect(e.title).toBe('Port expands');
    expect(e.url).toBe(url);
    expect(e.fields.find((f: { name: string }) => f.name === 'Published').value).toBe('2025-03-04');
    expect(e.fields.find((f: { name: string }) => f.name === 'Source').value).toBe(`[127.0.0.1](${url})`);
  });
});
