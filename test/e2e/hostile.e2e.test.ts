/**
 * Hostile and unlucky input against the real bot: private addresses, bursts, shutdown with work in
 * flight. Each gets a clear answer, bounded work, and the bot stays up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { opt } from '../support/fake-discord';
import { startHarness, type Harness } from '../support/bot-harness';
import { HOSTILE_TEXT } from '../support/hostile';
import { createArticlePool } from '../../src/workers';
import { expectNoPings } from './limits';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const listOk = async (harness: Harness, userId: string) => {
  const a = await harness.fake.answer(harness.fake.slash({ name: 'article', subcommand: 'list', user: { id: userId, username: 'x' } }));
  return a.body.embeds?.[0]?.title as string | undefined;
};

describe('hostile input', () => {
  it('GIVEN ALLOW_PRIVATE_URLS unset and the cloud metadata URL THEN an ephemeral refusal, nothing fetched, bot stays up', async () => {
    h = await startHarness({ env: { ALLOW_PRIVATE_URLS: 'false' } });
    for (const [sub, name] of [
      ['add', 'url'],
      ['show', 'article'],
    ] as const) {
      const i = h.fake.slash({ name: 'article', subcommand: sub, options: [opt.string(name, 'http://169.254.169.254/latest/meta-data/')], user: { id: `40000000000000000${sub === 'add' ? 1 : 2}`, username: 'x' } });
      const a = await h.fake.answer(i);
      expect(a.ephemeral).toBe(true);
      expect(a.body.content).toBe('That link points to a private, local or cloud-internal network address, which I never fetch from.');
    }
    // Loopback (the fake itself) is refused the same way.
    const local = h.fake.serve('/news/local.txt', 'Local\n\nA local page that must not be fetched.');
    const a = await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('url', local)], user: { id: '400000000000000003', username: 'x' } }));
    expect(a.body.content).toContain('private, local or cloud-internal');
    expect(h.fake.calls.some((c) => c.path === '/news/local.txt')).toBe(false);
    expect(await listOk(h, '400000000000000004')).toMatch(/^Articles in this server/);
  });

  it('GIVEN a burst of 50 commands from one user THEN every one is answered within 3 s, the excess is rate limited, others are served', async () => {
    h = await startHarness();
    const user = { id: '500000000000000001', username: 'spammer' };
    const sent = Array.from({ length: 50 }, () => h!.fake.slash({ name: 'article', subcommand: 'list', user }));
    const callbacks = await Promise.all(sent.map((i) => h!.fake.callback(i)));
    for (const [k, cb] of callbacks.entries()) expect(cb.at - sent[k]!.sentAt).toBeLessThan(3000);
    const served = callbacks.filter((cb) => cb.body.data.embeds?.length).length;
    const limited = callbacks.filter((cb) => (cb.body.data.content ?? '').startsWith('You are sending commands faster than I can read.'));
    expect(served).toBeGreaterThanOrEqual(10);
    expect(served).toBeLessThanOrEqual(12);
    expect(served + limited.length).toBe(50);
    for (const cb of limited) expect(cb.body.data.flags).toBe(64);
    expect(await listOk(h, '500000000000000002')).toMatch(/^Articles in this server/);
    expectNoPings(h.fake);
  });

  it('GIVEN heavy commands (adds) THEN a tighter per-user limit applies', async () => {
    h = await startHarness();
    const user = { id: '600000000000000001', username: 'adder' };
    const answers = [];
    for (let k = 0; k < 6; k++) {
      answers.push(await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', `Note ${k}. The river rose by ${k} metres overnight.`)], user })));
    }
    expect(answers.slice(0, 4).every((a) => a.body.embeds?.length === 1)).toBe(true);
    expect(answers[4]!.body.content).toMatch(/^You are sending commands faster than I can read\. Try again in \d+ s\.$/);
  });

  it('GIVEN a stop while a slow add is in flight THEN the reply is finished before the client and database close', async () => {
    h = await startHarness();
    const url = h.fake.serve('/news/slow.txt', 'Slow news\n\nThe slow page finally arrived after a long wait at the gate.', 'text/plain', { delayMs: 400 });
    const i = h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('url', url)], user: { id: '700000000000000001', username: 'x' } });
    await h.fake.callback(i); // deferred
    const stopped = h.bot.stop();
    await stopped;
    const edit = h.fake.calls.find((c) => c.method === 'PATCH' && c.path.includes(i.token));
    expect(edit?.body.embeds[0].title).toBe('Slow news');
    // The database was closed after the reply went out: a query now fails.
    await expect(h.bot.core.stores.articles.countOwn('x')).rejects.toThrow(/not open|after calling end/);
  });

  it('GIVEN an article whose analysis runs past the pool\'s time limit THEN the member is told so, nothing is stored, and the next add works', async () => {
    // A 100 ms limit (production: 30 s) and a 2 MB text whose analysis takes about a second here:
    // ten times the limit, so a faster machine still runs past it.
    h = await startHarness({ bot: { work: createArticlePool({ jobTimeoutMs: 100 }) } });
    const url = h.fake.serve('/news/names.txt', `Names\n\n${HOSTILE_TEXT['names and pronouns']!(2_000_000)}`);
    const user = (n: number) => ({ id: `70000000000000001${n}`, username: 'x' });
    const slow = await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('url', url)], user: user(0) }), 30_000);
    expect(slow.ephemeral).toBe(true);
    expect(slow.body.content).toBe('Reading that article took longer than 100 ms, so I stopped. Ordinary articles, even very long ones, take a few seconds; this one looks built to be hard to read.');
    expect(await h.bot.core.stores.articles.countOwn(h.fake.guild.id)).toBe(0);
    const next = await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', 'The ferry runs again. "We are back," the mayor said.')], user: user(1) }), 30_000);
    expect(next.body.embeds?.[0]?.title).toBe('The ferry runs again');
  }, 60_000);
});
