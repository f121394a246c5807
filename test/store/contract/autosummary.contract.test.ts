/**
 * The channels of automatic summaries (`/autosummary`): one contract, run on SQLite and on
 * PostgreSQL. Times are epoch milliseconds (past 2^31).
 */
import { describe, expect, it } from 'vitest';
import { BACKENDS, freshStores, storesOn } from './backends';

const T0 = Date.UTC(2026, 11, 4, 12, 0, 0);

describe.each(BACKENDS)('auto-summary channels on %s', (backend) => {
  it('GIVEN on, on again, off, off again THEN true, false (first admin and time kept), true, false', async () => {
    const { stores } = await freshStores(backend);
    const news = { guildId: 'g1', channelId: 'c1', enabledBy: 'u1', enabledAt: T0 };
    expect(await stores.autoSummary.enable(news)).toBe(true);
    expect(await stores.autoSummary.enable({ ...news, enabledBy: 'u2', enabledAt: T0 + 5 })).toBe(false);
    expect(await stores.autoSummary.get('c1')).toEqual(news);
    expect(await stores.autoSummary.disable('g1', 'c1')).toBe(true);
    expect(await stores.autoSummary.disable('g1', 'c1')).toBe(false);
    expect(await stores.autoSummary.get('c1')).toBeUndefined();
  });

  it('GIVEN channels of two servers THEN each lists its own, oldest first, and one server cannot turn off another’s', async () => {
    const { stores } = await freshStores(backend);
    await stores.autoSummary.enable({ guildId: 'g1', channelId: 'c2', enabledBy: 'u1', enabledAt: T0 + 10 });
    await stores.autoSummary.enable({ guildId: 'g1', channelId: 'c1', enabledBy: 'u1', enabledAt: T0 });
    await stores.autoSummary.enable({ guildId: 'g2', channelId: 'c3', enabledBy: 'u9', enabledAt: T0 });
    expect((await stores.autoSummary.list('g1')).map((c) => c.channelId)).toEqual(['c1', 'c2']);
    expect(await stores.autoSummary.list('g2')).toEqual([{ guildId: 'g2', channelId: 'c3', enabledBy: 'u9', enabledAt: T0 }]);
    expect(await stores.autoSummary.list('g3')).toEqual([]);
    expect(await stores.autoSummary.disable('g1', 'c3')).toBe(false);
    expect(await stores.autoSummary.get('c3')).toBeDefined();
  });

  it('GIVEN a channel turned on THEN it is still on after the database is opened again', async () => {
    const { stores, target } = await freshStores(backend);
    await stores.autoSummary.enable({ guildId: 'g1', channelId: 'c1', enabledBy: 'u1', enabledAt: T0 });
    await stores.close();
    const again = await storesOn(target);
    expect(await again.autoSummary.get('c1')).toEqual({ guildId: 'g1', channelId: 'c1', enabledBy: 'u1', enabledAt: T0 });
  });
});
