/**
 * The setup every bot e2e file shares: one real bot against a fake Discord for the whole file,
 * started before its tests; after them, every message the bot sent is checked (no pings, within
 * Discord's limits) and the bot and fake are closed.
 */
import { afterAll, beforeAll } from 'vitest';
import { expectNoPings, expectWithinLimits, sentMessages } from '../e2e/limits';
import { opt } from './fake-discord';
import { startHarness, type Harness } from './bot-harness';

/**
 * Start the file's bot in beforeAll and hand it to `started` (the file keeps it in its `h`);
 * check and close it in afterAll.
 */
export function botPerFile(started: (h: Harness) => void, options: Parameters<typeof startHarness>[0] = {}): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness(options);
    started(h);
  });
  afterAll(async () => {
    if (h) {
      expectNoPings(h.fake);
      for (const m of sentMessages(h.fake)) expectWithinLimits(m);
      await h.close();
    }
  });
}

/**
 * A different user per call (ids counting up from `base`, names `<name><n>`), so the per-user rate
 * limit does not interfere with tests that are not about it.
 */
export function userFactory(base: bigint, name: string): () => { id: string; username: string } {
  let n = 0;
  return () => {
    n++;
    return { id: String(base + BigInt(n)), username: `${name}${n}` };
  };
}

/** `/article add` of pasted text with a title, by `user`; resolves to the bot's answer. */
export function addText(h: Harness, user: { id: string; username: string }, text: string, title: string): ReturnType<Harness['fake']['answer']> {
  return h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', text), opt.string('title', title)], user }));
}
