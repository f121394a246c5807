/**
 * ARTICLES_DIR through the real bot (startBot) and the fake Discord: on a fresh install the bundled
 * seed article is in `/digest preview`; a file dropped into the folder while the bot runs (written
 * in two parts, with a pause shorter than the quiet period) is read once and appears in
 * `/article list`, autocomplete and the next digest; a file removed disappears; with nothing new
 * and no digest ever sent the preview says so; a restart over the same folder does not make the
 * seed news again.
 *
 * Time: the bot's clock is the system clock, set back by ten minutes while `/digest set` is given a
 * run time five minutes ago, so that run is owed (the schedule existed before it) and is sent by a
 * tick at the real time; "tomorrow's" digest is a tick a day ahead.
 */
import { appendFileSync, mkdirSync, mkdtempSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import type { Clock } from '../../src/digest/clock';
import { createArticleLoader, loaderOptionsFromConfig, type AddSource } from '../../src/library';
import { MEMBER_PERMISSIONS, opt, PERMS } from '../support/fake-discord';
import { startHarness, type Harness } from '../support/bot-harness';
import { userFactory } from '../support/bot-per-file';
import { closeChecked } from './limits';

const SEED_TITLE = 'Harbour ferry adds an early boat';
const SEED = `${SEED_TITLE}\n\nThe harbour ferry will add a boat at six in the morning from the first of April, the port authority said on Monday. "We listened to the islanders who asked for an earlier crossing," said Port Director Lena Vogt, who announced the change at a meeting in the ferry terminal.\n\nThe new boat will run on weekdays only. Fares stay the same, and season tickets bought before April remain valid on every crossing.\n`;
const MARKET_TITLE = 'Night market returns to the quay';
const MARKET = `# ${MARKET_TITLE}\n\nThe night market on the old quay returns in May with forty stalls and a stage for local bands, the organisers said on Thursday. "Last summer showed that people want the quay lit up at night," said organiser Jonas Brandt.\n\nThe market opens on Fridays and Saturdays from six until midnight, and the tram runs later on those nights.\n`;

/** The system clock, or the system clock set back by `offset` ms. */
class SettableClock implements Clock {
  offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
}

/** Every article file the bot read (path inside the folder), through the real loader. */
const reads: string[] = [];
let articlesDir: string;
const clock = new SettableClock();
let h: Harness;
const someone = userFactory(500000000000000000n, 'reader');
const admin = () => ({ user: someone(), memberPermissions: MEMBER_PERMISSIONS | PERMS.ManageGuild });

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lede-e2e-'));
  articlesDir = join(dir, 'articles');
  mkdirSync(articlesDir);
  writeFileSync(join(articlesDir, 'ferry.txt'), SEED);
  const real = createArticleLoader(loaderOptionsFromConfig(loadConfig({ ALLOW_PRIVATE_URLS: 'true' })));
  const load = (source: AddSource) => {
    if (source.kind === 'file' && source.path.startsWith(articlesDir)) reads.push(source.path.slice(articlesDir.length + 1));
    return real(source);
  };
  h = await startHarness({ dir, env: { ARTICLES_DIR: articlesDir }, bot: { clock, load } });
}, 20_000);

afterAll(async () => {
  await closeChecked(h);
});

const slash = (subcommand: string, name = 'article', options: unknown[] = [], user: object = { user: someone() }) =>
  h.fake.answer(h.fake.slash({ name, subcommand, options: options as never, ...user }));
const listText = async () => ((await slash('list')).body.embeds[0].description as string) ?? '';
const choices = async (typed: string) =>
  ((await h.fake.callback(h.fake.autocomplete({ name: 'article', subcommand: 'show', options: [opt.string('article', typed, true)], user: someone() }))).body.data.choices as Array<{ name: string; value: string }>).map((c) => c.name);
const preview = () => slash('preview', 'digest');

/** Wait (polling what members see) until `check` holds. */
async function until(check: () => Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A local "HH:MM" five minutes ago in a zone where that is still today (UTC unless it is just after midnight there). */
function runTimeFiveMinutesAgo(): { time: string; timezone: string } {
  const ago = Date.now() - 5 * 60_000;
  for (const timezone of ['UTC', 'Asia/Tokyo', 'America/New_York']) {
    const f = (t: number) => new Intl.DateTimeFormat('en-GB', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t);
    const [dayAgo, time] = f(ago).split(', ') as [string, string];
    const [dayLater] = f(Date.now() + 2 * 60_000).split(', ');
    if (dayAgo === dayLater && time < '23:50') return { time, timezone };
  }
  throw new Error('no zone found');
}

describe('ARTICLES_DIR as news, watched while the bot runs', () => {
  it('GIVEN a fresh install THEN /digest preview shows the bundled seed article under "Loaded by the bot"', async () => {
    const a = await preview();
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toContain('Preview (only you see this): **Daily digest');
    expect(a.body.content).toContain('· 1 new article');
    expect(a.body.embeds.map((e: { title: string }) => e.title)).toEqual(['Loaded by the bot']);
    expect(a.body.embeds[0].description).toContain(`**${SEED_TITLE}**`);
    expect(a.body.embeds[0].description).toContain('— Lena Vogt');
    expect(reads).toEqual(['ferry.txt']);
  });

  it('GIVEN a file written into the folder in two parts (a pause shorter than the quiet period) THEN it is read once, whole, and appears in /article list, autocomplete and the preview', async () => {
    const half = MARKET.indexOf('"Last summer');
    writeFileSync(join(articlesDir, 'market.md'), MARKET.slice(0, half));
    await sleep(200);
    appendFileSync(join(articlesDir, 'market.md'), MARKET.slice(half));
    await until(async () => (await listText()).includes(MARKET_TITLE), 'the new file in /article list');
    expect(await choices('night market')).toEqual([expect.stringMatching(/^Night market returns to the quay · bundled · [0-9a-f]{6}$/)]);
    // Read once: the half-written file never was.
    await sleep(700);
    expect(reads).toEqual(['ferry.txt', 'market.md']);
    const show = await slash('show', 'article', [opt.string('article', 'market')]);
    expect(show.body.embeds[0].title).toContain(MARKET_TITLE);
    expect(JSON.stringify(show.body.embeds[0])).toContain('Jonas Brandt');
    const a = await preview();
    expect(a.body.content).toContain('· 2 new articles');
    expect(a.body.embeds[0].description).toContain(`**${MARKET_TITLE}**`);
    expect(a.body.embeds[0].description).toContain(`**${SEED_TITLE}**`);
  });

  it('GIVEN files removed from the folder THEN their articles disappear; with nothing new and no digest sent THEN the preview says so, with the date it counts from', async () => {
    unlinkSync(join(articlesDir, 'market.md'));
    unlinkSync(join(articlesDir, 'ferry.txt'));
    await until(async () => !(await listText()).includes(MARKET_TITLE) && !(await listText()).includes(SEED_TITLE), 'both articles gone from /article list');
    expect(await choices('night market')).toEqual([]);
    const show = await slash('show', 'article', [opt.string('article', 'market')]);
    expect(show.ephemeral).toBe(true);
    expect(show.body.content).toBe('No article in this server matches “market”. Use `/article list` to see them, or pick one from the suggestions.');
    const before = Math.floor((Date.now() - 24 * 60 * 60_000) / 1000);
    const a = await preview();
    const after = Math.floor((Date.now() - 24 * 60 * 60_000) / 1000);
    const m = /^No digest has been sent yet, and nothing is new since <t:(\d+):f> \(a first digest covers the day before it\), so it would not be posted\. Add articles or feeds and try again\.$/.exec(a.body.content);
    expect(m, a.body.content).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(before);
    expect(Number(m![1])).toBeLessThanOrEqual(after);
  });

  it('GIVEN the seed put back and a digest sent THEN a restart over the same folder does not make it news again; a file added after the digest is in the next one, alone', async () => {
    writeFileSync(join(articlesDir, 'ferry.txt'), SEED);
    await until(async () => (await listText()).includes(SEED_TITLE), 'the seed back in /article list');
    // A run five minutes ago, set ten minutes ago: owed now.
    const { time, timezone } = runTimeFiveMinutesAgo();
    clock.offset = -10 * 60_000;
    const set = await slash('set', 'digest', [opt.channel('channel', h.fake.channelId), opt.string('time', time), opt.string('timezone', timezone)], admin());
    expect(set.body.content).toContain(`Daily digest set: **${time} ${timezone}**`);
    clock.offset = 0;
    const reports = await h.bot.core.digests.scheduler.tick();
    expect(reports.map((r) => [r.outcome, r.articleCount])).toEqual([['sent', 1]]);
    const posts = () => h.fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${h.fake.channelId}/messages`);
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.body.embeds[0].description).toContain(`**${SEED_TITLE}**`);

    // The same folder after a restart: the seed is read again, and is not news.
    h = await h.restart();
    expect(reads.filter((f) => f === 'ferry.txt')).toHaveLength(3);
    const quiet = await preview();
    expect(quiet.body.content).toMatch(/^Nothing new since <t:\d+:f>, so the next digest would not be posted\. Add articles or feeds and try again\.$/);

    writeFileSync(join(articlesDir, 'market.md'), MARKET);
    await until(async () => (await listText()).includes(MARKET_TITLE), 'the new file in /article list');
    const a = await preview();
    expect(a.body.content).toContain('· 1 new article');
    expect(a.body.embeds[0].description).toContain(`**${MARKET_TITLE}**`);
    expect(a.body.embeds[0].description).not.toContain(SEED_TITLE);
    const next = await h.bot.core.digests.scheduler.tick(new Date(Date.now() + 24 * 60 * 60_000));
    expect(next.map((r) => [r.outcome, r.articleCount])).toEqual([['sent', 1]]);
    expect(posts()).toHaveLength(2);
    expect(posts()[1]!.body.embeds[0].description).toContain(`**${MARKET_TITLE}**`);
    expect(posts()[1]!.body.embeds[0].description).not.toContain(SEED_TITLE);
  }, 30_000);
});
