/**
 * The retention policy in the store: feed items pruned oldest first past a server's ceiling (in
 * the insert's own transaction, so racing inserts never overshoot) and by age, never a member's
 * article; orphaned analyses go with them; every prune is counted in the prune log. One contract,
 * run on SQLite and on PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { articleIdOf, type Article } from '../../../src/article/model';
import { openClient, storesOver, migrateAll } from '../../../src/store/open';
import { ARTICLE_MIGRATIONS } from '../../../src/store/sql/articles';
import { migrateSql } from '../../../src/store/sql/migrate';
import { PRUNE_BATCH } from '../../../src/store/sql/retention';
import { BACKENDS, freshStores, freshTarget, storesOn } from './backends';

const FEED_A = 'https://a.test/feed.xml';
const FEED_B = 'https://b.test/feed.xml';

function article(text: string, extra: Partial<Article> = {}): Article {
  return { id: articleIdOf(text), title: text, source: 'text', text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [], ...extra };
}

/** The k-th minute of 1 March 2026, as stored. */
const at = (k: number) => new Date(Date.UTC(2026, 2, 1, 0, k)).toISOString();

const feedItem = (text: string, feedUrl: string, k: number) => ({ article: article(text, { source: `feed:${feedUrl}` }), slug: 's', addedAt: at(k), feedUrl });

describe.each(BACKENDS)('retention on %s', (backend) => {
  it('GIVEN a server at its ceiling of feed items THEN each new item prunes the oldest feed item, never a member add, and the log counts it', async () => {
    const { stores } = await freshStores(backend);
    await stores.articles.insertChecked('g', { article: article('Member, oldest of all.'), slug: 'm', addedBy: 'u1', addedAt: at(0) }, 10);
    for (let k = 1; k <= 3; k++) {
      const out = await stores.articles.insertFeedItem('g', feedItem(`Item ${k}.`, k === 1 ? FEED_B : FEED_A, k), 3);
      expect(out).toMatchObject({ kind: 'added', pruned: [], article: { feedUrl: k === 1 ? FEED_B : FEED_A } });
    }
    const fourth = await stores.articles.insertFeedItem('g', feedItem('Item 4.', FEED_A, 4), 3);
    expect(fourth).toMatchObject({ kind: 'added', pruned: [{ guildId: 'g', feedUrl: FEED_B, reason: 'ceiling', count: 1 }] });
    const fifth = await stores.articles.insertFeedItem('g', feedItem('Item 5.', FEED_A, 5), 3);
    expect(fifth).toMatchObject({ kind: 'added', pruned: [{ guildId: 'g', feedUrl: FEED_A, reason: 'ceiling', count: 1 }] });
    expect((await stores.articles.listings('g')).map((l) => l.title)).toEqual(['Item 5.', 'Item 4.', 'Item 3.', 'Member, oldest of all.']);
    expect([await stores.articles.countOwn('g'), await stores.articles.countOwn('g', 'member'), await stores.articles.countOwn('g', 'feed')]).toEqual([4, 1, 3]);
    // A duplicate (same URL key, or same text) is found, stored nowhere, and prunes nothing.
    expect(await stores.articles.insertFeedItem('g', feedItem('Item 5.', FEED_B, 6), 3)).toMatchObject({ kind: 'duplicate', by: 'content' });
    expect(await stores.articles.pruneTallies('g', at(0))).toEqual([
      { feedUrl: FEED_A, reason: 'ceiling', count: 1, lastAt: at(5) },
      { feedUrl: FEED_B, reason: 'ceiling', count: 1, lastAt: at(4) },
    ]);
    expect(await stores.articles.pruneTallies('other', at(0))).toEqual([]);
    // A feed item removed by hand leaves room: the count follows every delete, so the next item prunes nothing.
    expect(await stores.articles.remove('g', articleIdOf('Item 3.'))).toBe(true);
    expect(await stores.articles.countOwn('g', 'feed')).toBe(2);
    expect(await stores.articles.insertFeedItem('g', feedItem('Item 7.', FEED_A, 7), 3)).toMatchObject({ kind: 'added', pruned: [] });
    expect(await stores.articles.countOwn('g', 'feed')).toBe(3);
  });

  it('GIVEN feed items do not count toward the member limit THEN a member can still add next to a full ceiling, and members are refused at theirs', async () => {
    const { stores } = await freshStores(backend);
    for (let k = 1; k <= 3; k++) await stores.articles.insertFeedItem('g', feedItem(`Item ${k}.`, FEED_A, k), 3);
    expect((await stores.articles.insertChecked('g', { article: article('Mine.'), slug: 'm', addedBy: 'u' }, 1)).kind).toBe('added');
    expect(await stores.articles.insertChecked('g', { article: article('Mine too.'), slug: 'm', addedBy: 'u' }, 1)).toEqual({ kind: 'full' });
    expect((await stores.articles.get('g', articleIdOf('Mine.')))?.feedUrl).toBeUndefined();
  });

  it('GIVEN a pruned item whose text another server also holds THEN its analysis stays until the last copy goes', async () => {
    const { stores } = await freshStores(backend);
    await stores.articles.insertFeedItem('g1', feedItem('Shared.', FEED_A, 1), 1);
    await stores.articles.insertFeedItem('g2', feedItem('Shared.', FEED_A, 1), 1);
    await stores.analyses.put(articleIdOf('Shared.'), 1, '{}');
    await stores.analyses.put(articleIdOf('Newer.'), 1, '{}');
    await stores.articles.insertFeedItem('g1', feedItem('Newer.', FEED_A, 2), 1);
    expect(await stores.analyses.get(articleIdOf('Shared.'))).toBeDefined();
    await stores.articles.insertFeedItem('g2', feedItem('Other.', FEED_A, 3), 1);
    expect(await stores.analyses.get(articleIdOf('Shared.'))).toBeUndefined();
    expect(await stores.analyses.get(articleIdOf('Newer.'))).toBeDefined();
  });

  it('GIVEN 20 feed items racing into one server from two connections with a ceiling of 5 THEN never more than 5 are kept: the 5 newest, 15 pruned', async () => {
    const { stores, target } = await freshStores(backend);
    const other = await storesOn(target);
    await stores.articles.insertChecked('g', { article: article('A member article.'), slug: 'm', addedBy: 'u', addedAt: at(0) }, 10);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, k) => (k % 2 ? other : stores).articles.insertFeedItem('g', feedItem(`Race ${k + 1}.`, FEED_A, k + 1), 5)),
    );
    expect(outcomes.filter((o) => o.kind === 'added')).toHaveLength(20);
    const pruned = outcomes.flatMap((o) => (o.kind === 'added' ? o.pruned : [])).reduce((n, p) => n + p.count, 0);
    expect(pruned).toBe(15);
    expect(await stores.articles.countOwn('g', 'feed')).toBe(5);
    expect((await stores.articles.listings('g')).map((l) => l.title)).toEqual(['Race 20.', 'Race 19.', 'Race 18.', 'Race 17.', 'Race 16.', 'A member article.']);
    expect((await stores.articles.pruneTallies('g', at(0))).map((t) => t.count)).toEqual([15]);
  });

  it('GIVEN feed items older than the retention THEN the periodic prune removes them in every server, in batches, with their analyses, and keeps member adds of any age', async () => {
    const { stores } = await freshStores(backend);
    await stores.articles.insertChecked('g1', { article: article('Member, ancient.'), slug: 'm', addedBy: 'u', addedAt: '2020-01-01T00:00:00.000Z' }, 10);
    const old = PRUNE_BATCH + 7;
    for (let k = 0; k < old; k++) await stores.articles.insert(k % 2 ? 'g1' : 'g2', feedItem(`Old ${k}.`, k < 3 ? FEED_B : FEED_A, k));
    await stores.analyses.put(articleIdOf('Old 0.'), 1, '{}');
    await stores.articles.insertFeedItem('g1', feedItem('Fresh.', FEED_A, 24 * 60), 100_000);
    const now = at(24 * 60 + 5);
    const went = await stores.articles.pruneFeedItems({ before: at(24 * 60), maxPerServer: 100_000 }, now, at(0));
    expect(went.sort((a, b) => (a.guildId + a.feedUrl < b.guildId + b.feedUrl ? -1 : 1))).toEqual([
      { guildId: 'g1', feedUrl: FEED_A, reason: 'age', count: (old - 1) / 2 - 1 },
      { guildId: 'g1', feedUrl: FEED_B, reason: 'age', count: 1 },
      { guildId: 'g2', feedUrl: FEED_A, reason: 'age', count: (old + 1) / 2 - 2 },
      { guildId: 'g2', feedUrl: FEED_B, reason: 'age', count: 2 },
    ]);
    expect((await stores.articles.listings('g1')).map((l) => l.title)).toEqual(['Fresh.', 'Member, ancient.']);
    expect(await stores.articles.countOwn('g2')).toBe(0);
    expect(await stores.analyses.get(articleIdOf('Old 0.'))).toBeUndefined();
    expect(await stores.articles.pruneTallies('g2', now)).toEqual([
      { feedUrl: FEED_A, reason: 'age', count: (old + 1) / 2 - 2, lastAt: now },
      { feedUrl: FEED_B, reason: 'age', count: 2, lastAt: now },
    ]);
    // Nothing left to prune: a second run finds nothing.
    expect(await stores.articles.pruneFeedItems({ before: at(24 * 60), maxPerServer: 100_000 }, now, at(0))).toEqual([]);
  });

  it('GIVEN a ceiling lowered below what a server holds THEN the periodic prune brings it down, oldest first, and old log days are forgotten', async () => {
    const { stores } = await freshStores(backend);
    for (let k = 1; k <= 6; k++) await stores.articles.insertFeedItem('g', feedItem(`Item ${k}.`, FEED_A, k), 100);
    await stores.articles.insertFeedItem('h', feedItem('Item 1.', FEED_A, 1), 100);
    expect(await stores.articles.pruneFeedItems({ before: at(0), maxPerServer: 2 }, at(10), at(0))).toEqual([{ guildId: 'g', feedUrl: FEED_A, reason: 'ceiling', count: 4 }]);
    expect((await stores.articles.listings('g')).map((l) => l.title)).toEqual(['Item 6.', 'Item 5.']);
    expect(await stores.articles.countOwn('h')).toBe(1);
    expect(await stores.articles.pruneTallies('g', at(0))).toEqual([{ feedUrl: FEED_A, reason: 'ceiling', count: 4, lastAt: at(10) }]);
    // The log is by UTC day: a window that starts the next day sees nothing, and a run that forgets that day drops it.
    expect(await stores.articles.pruneTallies('g', '2026-03-02T00:00:00.000Z')).toEqual([]);
    await stores.articles.pruneFeedItems({ before: at(0), maxPerServer: 2 }, at(10), '2026-03-02T00:00:00.000Z');
    expect(await stores.articles.pruneTallies('g', at(0))).toEqual([]);
  });

  it('GIVEN a database from before retention THEN the migration marks the feed items by their feed, and only them', async () => {
    const target = await freshTarget(backend);
    const sql = await openClient(target);
    try {
      await migrateSql(sql, 'articles', ARTICLE_MIGRATIONS, 'test');
      const row = (guild: string | null, id: string, source: string, addedBy: string | null) =>
        sql.run(
          `INSERT INTO articles (guild_id, id, slug, title, source, text, paragraphs, boilerplate, added_by, added_at)
           VALUES (?, ?, 's', 't', ?, 'x', '[]', '[]', ?, '2024-01-01T00:00:00.000Z')`,
          [guild, id, source, addedBy],
        );
      await row('g', 'a1', `feed:${FEED_A}`, null);
      await row('g', 'a2', 'attachment:feed:notes.txt', 'u1');
      await row('g', 'a3', 'feed:odd-name.txt', 'u1');
      await row('g', 'a4', 'https://news.test/x', 'u1');
      await row(null, 'a5', 'data/articles/x.txt', null);
      await migrateAll(sql, 'test');
      const stores = storesOver(sql);
      expect((await stores.articles.get('g', 'a1'))?.feedUrl).toBe(FEED_A);
      for (const id of ['a2', 'a3', 'a4']) expect((await stores.articles.get('g', id))?.feedUrl).toBeUndefined();
      expect([await stores.articles.countOwn('g', 'feed'), await stores.articles.countOwn('g', 'member')]).toEqual([1, 3]);
      // The backfilled item is counted toward the ceiling: a ceiling of 1 prunes it for the next item.
      const next = await stores.articles.insertFeedItem('g', feedItem('Next.', FEED_A, 1), 1);
      expect(next).toMatchObject({ kind: 'added', pruned: [{ guildId: 'g', feedUrl: FEED_A, reason: 'ceiling', count: 1 }] });
      expect(await stores.articles.get('g', 'a1')).toBeUndefined();
    } finally {
      await sql.close();
    }
  });
});
