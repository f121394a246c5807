/**
 * Storing a 2,000,000-character article (the size limit) on SQLite: its analysis (5 MB of JSON) and
 * its ~13,000 quote rows are written in bounded transactions with a turn of the event loop before
 * each, never in one long synchronous write. Checked by the shape of the transactions the library's
 * add makes, read through a recording client; the time each takes is the bench's to report
 * (`npm run bench -- ingest`: the longest event-loop stall while such an article is added).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createArticleLoader, createLibrary, LIBRARY_LIMITS, loaderOptionsFromConfig } from '../../src/library';
import { indexedQuotes } from '../../src/library/quote-rows';
import { migrateAll, storesOver } from '../../src/store/open';
import { WRITE_STEPS } from '../../src/store/sql/analysis-writes';
import type { SqlClient } from '../../src/store/sql/client';
import { openSqliteClient } from '../../src/store/sql/sqlite';
import { longArticle } from '../support/long-article';

/** What one transaction did: the loop's turn it started in, the quote rows and JSON pieces it wrote. */
interface Recorded {
  readonly turn: number;
  quoteRows: number;
  pieces: number[];
  statements: number;
}

/** `inner` with every transaction recorded (the statements its function ran through the transaction's client). */
function recording(inner: SqlClient, turn: () => number): { client: SqlClient; transactions: Recorded[] } {
  const transactions: Recorded[] = [];
  const client: SqlClient = {
    ...inner,
    transaction: (fn, options) =>
      inner.transaction((tx) => {
        const rec: Recorded = { turn: turn(), quoteRows: 0, pieces: [], statements: 0 };
        transactions.push(rec);
        const watched: SqlClient = {
          ...tx,
          async run(sql, params) {
            rec.statements++;
            if (sql.startsWith('INSERT INTO article_quotes (')) rec.quoteRows += (params as readonly unknown[]).length / 13;
            if (sql.startsWith('INSERT INTO analysis_parts')) rec.pieces.push(((params as readonly unknown[])[3] as string).length);
            return tx.run(sql, params);
          },
          async get(sql, params) {
            rec.statements++;
            return tx.get(sql, params);
          },
          async all(sql, params) {
            rec.statements++;
            return tx.all(sql, params);
          },
        };
        return fn(watched);
      }, options),
  };
  return { client, transactions };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lede-long-write-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('storing an article at the size limit on SQLite', () => {
  it('GIVEN a 2,000,000-character article THEN its quote rows and analysis go in bounded transactions, each in a later turn of the event loop, and are found once stored', async () => {
    const sqlite = openSqliteClient(join(dir, 'lede.db'));
    await migrateAll(sqlite, 'test');
    let turns = 0;
    let timer = setImmediate(function tick() {
      turns++;
      timer = setImmediate(tick);
    });
    const { client, transactions } = recording(sqlite, () => turns);
    const stores = storesOver(client);
    try {
      const library = createLibrary({ ...stores, load: createArticleLoader(loaderOptionsFromConfig(loadConfig({}))) });
      const outcome = await library.add('g', { kind: 'text', text: longArticle(LIBRARY_LIMITS.maxArticleChars) }, 'u');
      clearImmediate(timer);
      expect(outcome.article.text.length).toBeGreaterThan(1_999_000);
      const rows = indexedQuotes(outcome.analysis.quotes);
      expect(rows.length).toBeGreaterThan(10_000);
      const json = (await stores.analyses.get(outcome.article.id))!.json;
      expect(json.length).toBeGreaterThan(4_000_000);

      // The quote rows: a step's worth per transaction, all of them.
      const withRows = transactions.filter((t) => t.quoteRows > 0);
      expect(withRows.map((t) => t.quoteRows).reduce((a, b) => a + b, 0)).toBe(rows.length);
      expect(withRows.length).toBe(Math.ceil(rows.length / WRITE_STEPS.quoteRows));
      expect(Math.max(...withRows.map((t) => t.quoteRows))).toBe(WRITE_STEPS.quoteRows);
      // The analysis JSON: one piece per transaction, together the JSON.
      const withPieces = transactions.filter((t) => t.pieces.length > 0);
      expect(withPieces.every((t) => t.pieces.length === 1 && t.pieces[0]! <= WRITE_STEPS.jsonPiece)).toBe(true);
      expect(withPieces.length).toBe(Math.ceil(json.length / WRITE_STEPS.jsonPiece));
      // Nothing else in those transactions but the claim check and the write (and SQLite's merge step is its own).
      expect(Math.max(...[...withRows, ...withPieces].map((t) => t.statements))).toBe(2);
      // Every transaction started in a later turn of the loop than the one before: other servers' work runs in between.
      for (let k = 1; k < transactions.length; k++) expect(transactions[k]!.turn).toBeGreaterThan(transactions[k - 1]!.turn);

      // Stored whole: the speakers' counts and quotes are found.
      const named = rows.filter((r) => r.speakerKey !== null && r.name !== null);
      const keys = [...new Set(named.map((r) => r.speakerKey!))];
      const counts = await stores.search.speakerKeys('g', [...new Set(keys.map((k) => k.slice(k.lastIndexOf(' ') + 1)))]);
      expect(counts.filter((c) => keys.includes(c.key)).map((c) => c.quotes).reduce((a, b) => a + b, 0)).toBe(named.length);
      expect((await stores.search.quotesWithWords('g', [], { articleId: outcome.article.id, limit: 20_000 })).length).toBe(rows.length);
    } finally {
      clearImmediate(timer);
      await stores.close();
    }
  }, 120_000);
});
