/**
 * The analysis of a text no server holds any more goes in bounded steps (dropOrphanAnalyses in
 * src/store/sql/analysis-writes.ts): its quote rows a step's worth at a time, each step its own
 * short transaction, the analysis itself last; a server adding the text again mid-way keeps the
 * analysis whole, and the search catch-up indexes it again. One contract, on SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { articleIdOf, type Article } from '../../../src/article/model';
import { openClient } from '../../../src/store/open';
import type { IndexedQuote } from '../../../src/store/ports';
import { dropOrphanAnalyses, WRITE_STEPS, type WriteStep } from '../../../src/store/sql/analysis-writes';
import type { SqlClient } from '../../../src/store/sql/client';
import { BACKENDS, freshStores } from './backends';

const article = (text: string): Article => ({ id: articleIdOf(text), title: 'Harbour', source: 'text', text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [] });

/** `n` quotes of Ana Ruiz, each with its own word. */
const quotes = (n: number): IndexedQuote[] =>
  Array.from({ length: n }, (_, k) => ({ speakerKey: 'ana ruiz', name: 'Ana Ruiz', mention: null, mentionKey: null, words: ['harbour', `w${k}`], json: `{"k":${k}}` }));

async function rows(sql: SqlClient, table: string, articleId: string): Promise<number> {
  return Number((await sql.get<{ n: unknown }>(`SELECT count(*) AS n FROM ${table} WHERE article_id = ?`, [articleId]))?.n);
}

describe.each(BACKENDS)('orphan analyses on %s', (backend) => {
  it('GIVEN the last server removing an article of 1,000 quotes THEN its rows go 250 a step, the analysis last, and nothing of it stays', async () => {
    const { stores, target } = await freshStores(backend);
    const sql = await openClient(target);
    try {
      const a = article('The harbour reopens after the storm.');
      const kept = article('The ferry timetable is back.');
      await stores.analyses.put(a.id, 3, '{"a":1}', quotes(1000));
      await stores.analyses.put(kept.id, 3, '{"kept":1}', quotes(3));
      await stores.articles.insert('g', { article: a, slug: 'harbour' });
      await stores.articles.insert('h', { article: a, slug: 'harbour' });
      await stores.articles.insert('g', { article: kept, slug: 'ferry' });
      await stores.articles.remove('g', a.id);
      // Another server still holds it: not an orphan.
      expect(await dropOrphanAnalyses(sql)).toBe(0);
      expect(await rows(sql, 'article_quotes', a.id)).toBe(1000);
      await stores.articles.remove('h', a.id);
      const steps: WriteStep[] = [];
      const left: number[] = [];
      expect(
        await dropOrphanAnalyses(sql, {
          onStep: async (s) => {
            steps.push(s);
            left.push(await rows(sql, 'article_quotes', a.id));
          },
        }),
      ).toBe(1);
      expect(WRITE_STEPS.deleteRows).toBe(250);
      expect(steps.map((s) => [s.kind, s.size])).toEqual([['claim', 0], ['delete rows', 250], ['delete rows', 250], ['delete rows', 250], ['delete rows', 250], ['finish', 0]]);
      expect(left).toEqual([1000, 750, 500, 250, 0, 0]);
      for (const table of ['analyses', 'article_quotes', 'quote_writes', 'quote_sets', 'quote_forms']) expect(await rows(sql, table, a.id)).toBe(0);
      // The other text's analysis and counts are untouched.
      expect(await stores.analyses.get(kept.id)).toMatchObject({ version: 3, json: '{"kept":1}' });
      expect(await stores.search.speakerKeys('g', ['ruiz'])).toEqual([{ key: 'ana ruiz', quotes: 3, articles: 1, withLast: 0 }]);
      expect(await stores.search.speakerKeys('h', ['ruiz'])).toEqual([]);
    } finally {
      await sql.close();
    }
  });

  it('GIVEN a server adding the text again while its orphan analysis is being dropped THEN the analysis stays whole, the claim goes, and the catch-up lists the article to index again', async () => {
    const { stores, target } = await freshStores(backend);
    const sql = await openClient(target);
    try {
      const a = article('The harbour reopens after the storm, again.');
      await stores.analyses.put(a.id, 3, '{"whole":true}', quotes(600));
      await stores.articles.insert('g', { article: a, slug: 'harbour' });
      await stores.articles.remove('g', a.id);
      let added = false;
      const dropped = await dropOrphanAnalyses(sql, {
        onStep: async (s) => {
          if (s.kind === 'delete rows' && !added) {
            added = true;
            await stores.articles.insert('h', { article: a, slug: 'harbour' });
          }
        },
      });
      expect(dropped).toBe(0);
      expect(await stores.analyses.get(a.id)).toMatchObject({ version: 3, json: '{"whole":true}' });
      expect(await rows(sql, 'quote_writes', a.id)).toBe(0);
      expect(await rows(sql, 'article_quotes', a.id)).toBe(350);
      // Its set is out of sight (no counts) until the catch-up writes it again.
      expect(await stores.search.speakerKeys('h', ['ruiz'])).toEqual([]);
      expect((await stores.search.unindexed(0, 10)).map((u) => [u.guildId, u.id])).toEqual([['h', a.id]]);
      expect(await stores.search.indexQuotes(a.id, 3, quotes(600))).toBe(true);
      expect(await stores.search.speakerKeys('h', ['ruiz'])).toEqual([{ key: 'ana ruiz', quotes: 600, articles: 1, withLast: 0 }]);
    } finally {
      await sql.close();
    }
  });
});
