/**
 * Links the bot never reads, through the real bot: a scheme other than http(s), and a user name or
 * password in the link. Each gets its own words (src/core/messages.ts), naming the scheme, and a
 * link with credentials is never requested, so the credentials go nowhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opt, PERMS, MEMBER_PERMISSIONS } from '../support/fake-discord';
import { startHarness, type Harness } from '../support/bot-harness';

const CREDENTIALS_WORDS =
  'I refuse links with a user name or password in them (the `user:password@` part), and I never send those credentials anywhere. Paste the link without them.';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 20_000);
afterAll(() => h?.close());

let nextUser = 0;
/** A fresh user per command: the per-user rate limit is not what these tests are about. */
const user = () => ({ id: `91000000000000000${nextUser++}`, username: 'reader' });
const add = (url: string) => h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('url', url)], user: user() }));

describe('/article add url: links that are not read', () => {
  it.each([
    ['gopher://example.com/1/news', 'gopher'],
    ['file:///etc/passwd', 'file'],
    ['data:text/html,<p>The mayor said hello.</p>', 'data'],
    ['ftp://example.com/article.txt', 'ftp'],
  ])('GIVEN %s THEN an ephemeral refusal naming the %s scheme', async (url, scheme) => {
    const a = await add(url);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe(`I only read http:// and https:// links, not \`${scheme}:\` links.`);
  });

  it.each([['alice@'], ['alice:hunter2@']])('GIVEN a link with %s THEN a refusal of credentials, and the page is never requested', async (userinfo) => {
    const page = h.fake.serve('/news/members-only.txt', 'Members only\n\nThe council agreed the budget on Tuesday evening.');
    const a = await add(page.replace('://', `://${userinfo}`));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe(CREDENTIALS_WORDS);
    expect(h.fake.calls.some((c) => c.path === '/news/members-only.txt')).toBe(false);
  });
});

describe('/feed add url: links that are not read', () => {
  const admin = () => ({ user: user(), memberPermissions: MEMBER_PERMISSIONS | PERMS.ManageGuild });

  it('GIVEN a gopher feed address THEN it is refused as not http(s), naming the scheme', async () => {
    const a = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'add', ...admin(), options: [opt.string('url', 'gopher://example.com/1/feed')] }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('I only read http:// and https:// links, not `gopher:` links.');
  });

  it('GIVEN a feed address with credentials THEN it is refused, never requested, and not followed', async () => {
    const feed = h.fake.serve('/feeds/private.xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>Private</title></channel></rss>', 'application/rss+xml');
    const a = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'add', ...admin(), options: [opt.string('url', feed.replace('://', '://alice:hunter2@'))] }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('I refuse links with a user name or password in them (the `user:password@` part), and I never send those credentials anywhere. Paste the link without them.');
    expect(h.fake.calls.some((c) => c.path === '/feeds/private.xml')).toBe(false);
    const list = await h.fake.answer(h.fake.slash({ name: 'feed', subcommand: 'list', ...admin() }));
    expect(JSON.stringify(list.body)).not.toContain('hunter2');
    expect(JSON.stringify(list.body)).not.toContain('private.xml');
  });
});
