/**
 * The poller's timer loop on the async store: idle() covers the whole tick (the poll and the look-up
 * of the next due feed), so the stores can be closed after it; a store that cannot answer that
 * look-up is reported, not left as an unhandled rejection.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedPoller } from '../../src/feeds/poller';
import { openStores } from '../../src/store/open';
import type { FeedsStore, Stores } from '../../src/store/ports';
import { makeArticle } from './support/make-article';

let stores: Stores;

beforeEach(async () => {
  stores = await openStores({ kind: 'sqlite', path: ':memory:' });
});
afterEach(async () => {
  await stores.close();
});

/** The real feeds store with `nextDueAt` replaced. */
const withNextDueAt = (nextDueAt: FeedsStore['nextDueAt']): FeedsStore => Object.assign(Object.create(stores.feeds) as FeedsStore, { nextDueAt });

function pollerOn(store: FeedsStore, errors: Array<[unknown, { url: string; stage: string }]> = []): FeedPoller {
  return new FeedPoller({
    store,
    fetchFeed: () => Promise.reject(new Error('no feeds in this test')),
    makeArticle,
    deliver: () => undefined,
    onError: (err, context) => void errors.push([err, context]),
  });
}

describe('FeedPoller loop', () => {
  it('GIVEN stop() while the store is asked for the next due feed THEN idle() resolves only after the answer', async () => {
    let asked!: () => void;
    let release!: () => void;
    const askedNow = new Promise<void>((resolve) => (asked = resolve));
    let answered = false;
    const poller = pollerOn(
      withNextDueAt(async () => {
        asked();
        await new Promise<void>((resolve) => (release = resolve));
        answered = true;
        return undefined;
      }),
    );
    poller.start();
    await askedNow;
    poller.stop();
    let idle = false;
    const idleDone = poller.idle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(idle).toBe(false);
    release();
    await idleDone;
    expect(answered).toBe(true);
  });

  it('GIVEN a store that cannot answer the next due feed THEN the error is reported as a tick error and polling goes on', async () => {
    const failure = new Error('connection lost');
    let calls = 0;
    const errors: Array<[unknown, { url: string; stage: string }]> = [];
    const poller = pollerOn(
      withNextDueAt(async () => {
        calls++;
        throw failure;
      }),
      errors,
    );
    poller.start();
    while (calls === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await poller.idle();
    // Still running: a wake() polls again and asks again.
    poller.wake();
    while (calls === 1) await new Promise((resolve) => setTimeout(resolve, 5));
    poller.stop();
    await poller.idle();
    expect(errors).toEqual([
      [failure, { url: '*', stage: 'tick' }],
      [failure, { url: '*', stage: 'tick' }],
    ]);
  });
});
