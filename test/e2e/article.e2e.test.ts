import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opt } from '../support/fake-discord';
import { startHarness, type Harness } from '../support/bot-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the bot against a fake Discord', () => {
  it('GIVEN a first start THEN it registers /article in the guild with a PUT', () => {
    const put = h.fake.calls.filter((c) => c.method === 'PUT');
    expect(put.map((c) => c.path)).toEqual([`/applications/${h.fake.applicationId}/guilds/${h.fake.guild.id}/commands`]);
    expect(put[0]!.body.map((c: { name: string }) => c.name)).toEqual(['article']);
  });

  it('GIVEN /article list THEN the seed article is listed within 3 s, without pinging anyone', async () => {
    const i = h.fake.slash({ name: 'article', subcommand: 'list' });
    const cb = await h.fake.callback(i);
    expect(cb.at - i.sentAt).toBeLessThan(3000);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.embeds[0].description).toContain('Trump announces Venezuela');
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});
