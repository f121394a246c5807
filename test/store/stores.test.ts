import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleIdOf, type Article } from '../../src/article/model';
import { openStores, type Stores } from '../../src/store';

function article(text: string, title = 'A title', extra: Partial<Article> = {}): Article {
  return { id: articleIdOf(text), title, source: 'text', text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [], ...extra };
}

const dirs: string[] = [];
const open = (): { stores: Stores; path: string } => {
  const dir = mkdtempSync(join(tmpdir(), 'lede-store-'));
  dirs.push(dir);
  const path = join(dir, 'lede.db');
  return { stores: openStores(path), path };
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('article store', () => {
  it('GIVEN articles in two servers and a bundled one THEN each server sees its own plus the bundled, newest first', () => {
    const { stores } = open();
    stores.articles.upsertBundled({ article: article('Bundled body.', 'Bundled'), slug: 'bundled', addedAt: '2024-01-01T00:00:00.000Z' });
    stores.articles.insert('g1', { article: article('One.'), slug: 'one', addedBy: 'u1', addedAt: '2024-02-01T00:00:00.000Z' });
    stores.articles.insert('g1', { article: article('Two.'), slug: 'two', addedAt: '2024-03-01T00:00:00.000Z' });
    stores.articles.insert('g2', { article: article('Three.'), slug: 'three', addedAt: '2024-04-01T00:00:00.000Z' });
    expect(stores.articles.listings('g1').map((l) => l.slug)).toEqual(['two', 'one', 'bundled']);
    expect(stores.articles.page('g1', 1, 1).map((l) => l.slug)).toEqual(['one']);
    expect(stores.articles.countVisible('g1')).toBe(3);
    expect(stores.articles.countOwn('g1')).toBe(2);
    expect(stores.articles.get('g2', articleIdOf('One.'))).toBeUndefined();
    expect(stores.articles.get('g2', articleIdOf('Bundled body.'))?.guildId).toBeNull();
    stores.close();
  });

  it('GIVEN the same content in one server twice THEN the second insert is refused by the unique index', () => {
    const { stores } = open();
    stores.articles.insert('g1', { article: article('Same.'), slug: 's' });
    expect(() => stores.articles.insert('g1', { article: article('Same.'), slug: 's' })).toThrow(/UNIQUE/);
    stores.articles.insert('g2', { article: article('Same.'), slug: 's' });
    stores.close();
  });

  it('GIVEN insertChecked THEN it adds, or names the URL or content duplicate, or reports the server full, also across two connections to one file', () => {
    const { stores, path } = open();
    const other = openStores(path);
    stores.articles.upsertBundled({ article: article('Bundled body.', 'Bundled'), slug: 'bundled', urlKey: 'https://news.test/bundled' });
    const one = stores.articles.insertChecked('g', { article: article('One.'), slug: 'one', urlKey: 'https://news.test/one' }, 2);
    expect(one).toMatchObject({ kind: 'added', article: { guildId: 'g', slug: 'one', urlKey: 'https://news.test/one' } });
    // The other connection sees the first one's write: same URL with new text, same text under a new URL.
    expect(other.articles.insertChecked('g', { article: article('One, updated.'), slug: 'x', urlKey: 'https://news.test/one' }, 2)).toMatchObject({ kind: 'duplicate', by: 'url', article: { id: articleIdOf('One.') } });
    expect(other.articles.insertChecked('g', { article: article('One.'), slug: 'x', urlKey: 'https://news.test/moved' }, 2)).toMatchObject({ kind: 'duplicate', by: 'content', article: { guildId: 'g' } });
    expect(other.articles.insertChecked('g', { article: article('Elsewhere.'), slug: 'x', urlKey: 'https://news.test/bundled' }, 2)).toMatchObject({ kind: 'duplicate', by: 'url', article: { guildId: null } });
    expect(other.articles.insertChecked('g', { article: article('Two.'), slug: 'two' }, 2).kind).toBe('added');
    // Bundled articles do not count toward the limit; the server's own two do.
    expect(stores.articles.insertChecked('g', { article: article('Three.'), slug: 'three' }, 2)).toEqual({ kind: 'full' });
    expect(stores.articles.insertChecked('h', { article: article('Three.'), slug: 'three' }, 2).kind).toBe('added');
    expect([stores.articles.countOwn('g'), stores.articles.countOwn('h')]).toEqual([2, 1]);
    other.close();
    stores.close();
  });

  it('GIVEN a restart THEN articles, their fields, analyses, state and thread links are all still there', () => {
    const { stores, path } = open();
    const a = article('Body with "quotes".\n\nSecond.', 'T', { url: 'https://x.test/a', byline: 'By Me', publishedAt: '2024-01-02' });
    stores.articles.insert('g1', { article: a, slug: 't', urlKey: 'https://x.test/a', addedBy: 'u9' });
    stores.analyses.put(a.id, 3, '{"x":1}');
    stores.state.set('k', 'v');
    stores.threads.save({ threadId: 't1', guildId: 'g1', channelId: 'c', messageId: 'm', articleId: a.id, createdBy: 'u9' });
    stores.close();
    const again = openStores(path);
    const got = again.articles.get('g1', a.id);
    expect(got).toMatchObject({ title: 'T', url: 'https://x.test/a', byline: 'By Me', publishedAt: '2024-01-02', addedBy: 'u9', text: a.text, slug: 't' });
    expect(got?.paragraphs).toEqual(a.paragraphs);
    expect(again.articles.findByUrlKey('g1', 'https://x.test/a')?.id).toBe(a.id);
    expect(again.analyses.get(a.id)).toMatchObject({ version: 3, json: '{"x":1}' });
    expect(again.state.get('k')).toBe('v');
    expect(again.threads.get('t1')?.articleId).toBe(a.id);
    expect(again.threads.byMessage('m')?.threadId).toBe('t1');
    again.close();
  });

  it('GIVEN a bundled article re-loaded THEN its addedAt is kept, and pruning drops the ones no longer shipped', () => {
    const { stores } = open();
    const a = article('Kept.', 'Old title');
    stores.articles.upsertBundled({ article: a, slug: 'kept', addedAt: '2020-01-01T00:00:00.000Z' });
    stores.articles.upsertBundled({ article: article('Gone.'), slug: 'gone' });
    const again = stores.articles.upsertBundled({ article: { ...a, title: 'New title' }, slug: 'kept' });
    expect(again).toMatchObject({ title: 'New title', addedAt: '2020-01-01T00:00:00.000Z' });
    expect(stores.articles.pruneBundled(new Set([a.id]))).toBe(1);
    expect(stores.articles.listings('any').map((l) => l.slug)).toEqual(['kept']);
    expect(stores.articles.remove('any', a.id)).toBe(false);
    stores.close();
  });

  it('GIVEN a removed article THEN its orphan analysis can be pruned', () => {
    const { stores } = open();
    const a = article('Short-lived.');
    stores.articles.insert('g1', { article: a, slug: 's' });
    stores.analyses.put(a.id, 1, '{}');
    expect(stores.articles.remove('g1', a.id)).toBe(true);
    expect(stores.analyses.pruneOrphans()).toBe(1);
    expect(stores.analyses.get(a.id)).toBeUndefined();
    stores.close();
  });
});
