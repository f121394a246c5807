/**
 * The database lost while the bot runs (PostgreSQL project only: the server refuses the bot's
 * database and cuts its sessions): commands answer "try again shortly", ephemeral, and the bot
 * recovers by itself once the database is back, with no restart.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { STORE_UNAVAILABLE } from '../../src/core/messages';
import { opt } from '../support/fake-discord';
import { startHarness, TEST_BACKEND, type Harness } from '../support/bot-harness';

let h: Harness;
let admin: pg.Client;
let name: string;
beforeAll(async () => {
  if (TEST_BACKEND !== 'postgres') throw new Error('outage.e2e runs in the postgres project (vitest.config.ts)');
  h = await startHarness();
  name = new URL(h.config.DATABASE_URL!).pathname.slice(1);
  admin = new pg.Client(inject('pgAdminUrl'));
  admin.on('error', () => undefined);
  await admin.connect();
});
afterAll(async () => {
  await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => undefined);
  await admin.end();
  await h.close();
});

const user = { id: '820000000000000001', username: 'reader' };
const add = (text: string, title: string) => h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', text), opt.string('title', title)], user }));

describe('the database lost while the bot runs', () => {
  it('GIVEN the database refusing the bot THEN "try again shortly" (ephemeral); once it is back THEN the same bot answers', async () => {
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    const during = await add('The council met on Monday and agreed to repair the old bridge before winter.', 'During');
    expect(during.ephemeral).toBe(true);
    expect(during.body.content).toBe(STORE_UNAVAILABLE);
    const list = await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'list', user }));
    expect(list.body.content).toBe(STORE_UNAVAILABLE);

    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    const after = await add('The council met on Tuesday and agreed to paint the new bridge in spring.', 'After');
    expect(after.ephemeral).toBe(false);
    expect(after.body.embeds?.[0]?.title).toBe('After');
    const again = await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'list', user }));
    expect(JSON.stringify(again.body.embeds)).toContain('After');
    expect(JSON.stringify(again.body.embeds)).not.toContain('During');
  });
});
