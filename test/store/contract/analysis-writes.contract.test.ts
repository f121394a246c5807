/**
 * An analysis and its quote rows are written in bounded steps (src/store/sql/analysis-writes.ts):
 * each step its own short transaction with a turn of the event loop before it, so other commands
 * run in between, while readers never see a set in part, and a write that stops (a process killed
 * mid-write) leaves nothing visible and nothing that the next write or the sweep does not clear.
 * One contract, run on SQLite and on PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { articleIdOf, type Article } from '../../../src/article/model';
import { openClient } from '../../../src/store/open';
import type { IndexedQuote, Stores } from '../../../src/store/ports';
import { CLAIM_LEASE_MS, sweepAbandonedWrites, WRITE_STEPS, writeAnalysis, type WriteStep } from '../../../src/store/sql/analysis-writes';
import type { SqlClient } from '../../../src/store/sql/client';
import { BACKENDS, freshStores } from './backends';

const RUIZ = { key: 'ana ruiz', name: 'Ana Ruiz', mention: 'Mayor Ana Ruiz', mentionKey: 'ana ruiz' };

function article(text: string, title: string): Article {
  return { id: articleIdOf(text), title, source: 'text', text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [] };
}

/** `n` quotes of Ana Ruiz about the harbour, each with its own word (`tag` + k), numbered from 0. */
function quotes(n: number, tag: string): IndexedQuote[] {
  return Array.from({ length: n }, (_, k) => ({
    speakerKey: RUIZ.key,
    name: RUIZ.name,
    mention: RUIZ.mention,
    mentionKey: RUIZ.mentionKey,
    words: ['the', 'harbour', `${tag}${k}`],
    json: JSON.stringify({ quote: `the harbour ${tag}${k}`, k }),
  }));
}

/** An analysis JSON of `chars` characters (a long article's is megabytes). */
const longJson = (chars: number, mark: string) => JSON.stringify({ mark, filler: 'x'.repeat(chars - 24 - mark.length) });

/** What searches show of the harbour quotes in server g: counts, lists by speaker and by word, the article's keys. */
async function visible(stores: Stores, articleId: string) {
  return {
    counts: await stores.search.speakerKeys('g', ['ruiz']),
    bySpeaker: (await stores.search.quotesBy('g', [RUIZ.key], { limit: 5000 })).length,
    byWord: (await stores.search.quotesWithWords('g', ['harbour'], { limit: 5000 })).length,
    inArticle: (await stores.search.quotesWithWords('g', [], { articleId, limit: 5000 })).length,
    keysOf: [...(await stores.search.speakerKeysOf(articleId))],
  };
}
const nothing = { counts: [], bySpeaker: 0, byWord: 0, inArticle: 0, keysOf: [] };
const all = (n: number) => ({ counts: [{ key: RUIZ.key, quotes: n, articles: 1, withLast: 0 }], bySpeaker: n, byWord: n, inArticle: n, keysOf: [[RUIZ.key, n]] });

/** A counter the event loop advances once per turn (a setImmediate that re-arms itself), until stopped. */
function turnCounter(): { readonly value: () => number; readonly stop: () => void } {
  let turns = 0;
  let timer = setImmediate(function tick() {
    turns++;
    timer = setImmediate(tick);
  });
  return { value: () => turns, stop: () => clearImmediate(timer) };
}

async function rowCount(sql: SqlClient, table: string, articleId: string): Promise<number> {
  return Number((await sql.get<{ n: unknown }>(`SELECT count(*) AS n FROM ${table} WHERE article_id = ?`, [articleId]))?.n);
}

describe.each(BACKENDS)('analysis writes on %s', (backend) => {
  it('GIVEN an analysis larger than a step, written again for an article a server holds THEN bounded steps with the loop turning between them and another write in between; searches show none of its quotes until the last step, then all of them', async () => {
    const { stores, target } = await freshStores(backend);
    const sql = await openClient(target);
    try {
      const a = article('The harbour reopens after the storm.', 'Harbour reopens');
      await stores.analyses.put(a.id, 1, '{"first":true}', quotes(300, 'old'));
      await stores.articles.insert('g', { article: a, slug: 'harbour' });
      expect(await visible(stores, a.id)).toEqual(all(300));

      const fresh = quotes(450, 'new');
      const json = longJson(600_000, 'second');
      const turns = turnCounter();
      const steps: Array<WriteStep & { turn: number }> = [];
      const seen: Array<Awaited<ReturnType<typeof visible>>> = [];
      const stored: Array<number | undefined> = [];
      let otherWrite = false;
      const outcome = await writeAnalysis(sql, { articleId: a.id, version: 2, json, quotes: fresh }, {
        async onStep(step) {
          steps.push({ ...step, turn: turns.value() });
          if (step.kind === 'finish' || step.kind === 'cleanup') return;
          seen.push(await visible(stores, a.id));
          stored.push((await stores.analyses.get(a.id))?.version);
          if (step.kind === 'insert rows' && !otherWrite) {
            // Another server's write, between two steps of this one: it does not wait for the whole write.
            await stores.articles.insert('h', { article: article('Another story.', 'Another story'), slug: 'another' });
            otherWrite = true;
          }
        },
      });
      turns.stop();
      expect(outcome).toBe('written');
      expect(otherWrite).toBe(true);

      const kinds = steps.map((s) => s.kind).filter((k) => k !== 'merge');
      expect(kinds).toEqual(['claim', 'delete rows', 'delete rows', 'delete pieces', 'insert rows', 'insert rows', 'insert rows', 'insert piece', 'insert piece', 'insert piece', 'finish']);
      expect(steps.filter((s) => s.kind === 'delete rows').map((s) => s.size)).toEqual([WRITE_STEPS.deleteRows, 300 - WRITE_STEPS.deleteRows]);
      expect(steps.filter((s) => s.kind === 'insert rows').map((s) => s.size)).toEqual([200, 200, 50]);
      expect(steps.filter((s) => s.kind === 'insert piece').map((s) => s.size)).toEqual([WRITE_STEPS.jsonPiece, WRITE_STEPS.jsonPiece, json.length - 2 * WRITE_STEPS.jsonPiece]);
      // SQLite merges its quote index a bounded share after every step that wrote or deleted rows.
      expect(steps.filter((s) => s.kind === 'merge').length).toBe(backend === 'sqlite' ? 5 : 0);
      // The loop turned before every step after the claim.
      for (let k = 1; k < steps.length; k++) expect(steps[k]!.turn).toBeGreaterThan(steps[k - 1]!.turn);

      // Until the last step: none of the article's quotes (the earlier set went out of sight at the claim), the earlier analysis.
      expect(seen.length).toBe(steps.length - 1);
      for (const s of seen) expect(s).toEqual(nothing);
      expect(new Set(stored)).toEqual(new Set([1]));
      // After it: every new quote, the new analysis read back from its pieces.
      expect(await visible(stores, a.id)).toEqual(all(450));
      expect(await stores.analyses.get(a.id)).toMatchObject({ version: 2, json });
      expect(await rowCount(sql, 'article_quotes', a.id)).toBe(450);
      expect(await rowCount(sql, 'quote_writes', a.id)).toBe(0);
      // A later short analysis goes back into the row; the pieces go.
      await stores.analyses.put(a.id, 3, '{"third":true}', quotes(2, 'third'));
      expect(await stores.analyses.get(a.id)).toMatchObject({ version: 3, json: '{"third":true}' });
      expect(await rowCount(sql, 'analysis_parts', a.id)).toBe(0);
      expect(await visible(stores, a.id)).toEqual(all(2));
    } finally {
      await sql.close();
    }
  });

  it('GIVEN a write that stops mid-way (its process killed) THEN none of its rows are seen, the article waits for the catch-up, and the next write or the sweep clears what it left', async () => {
    const { stores, target } = await freshStores(backend);
    const sql = await openClient(target);
    try {
      const a = article('The council votes on the harbour budget.', 'Council votes');
      await stores.analyses.put(a.id, 1, '{"first":true}', quotes(3, 'old'));
      await stores.articles.insert('g', { article: a, slug: 'council' });
      const crash = new Error('killed');
      let inserted = 0;
      const stop = async (step: WriteStep) => {
        if (step.kind === 'insert rows' && ++inserted === 2) throw crash;
      };
      await expect(writeAnalysis(sql, { articleId: a.id, version: 2, json: longJson(300_000, 'second'), quotes: quotes(500, 'new') }, { onStep: stop })).rejects.toBe(crash);
      expect(await rowCount(sql, 'article_quotes', a.id)).toBe(400);
      expect(await visible(stores, a.id)).toEqual(nothing);
      expect(await stores.analyses.get(a.id)).toMatchObject({ version: 1, json: '{"first":true}' });
      // The article has no complete set: the search catch-up lists it, and indexing the stored analysis clears the rest first.
      expect((await stores.search.unindexed(-1, 10)).map((u) => [u.guildId, u.id])).toEqual([['g', a.id]]);
      expect(await stores.search.indexQuotes(a.id, 2, quotes(1, 'stale'))).toBe(false);
      expect(await stores.search.indexQuotes(a.id, 1, quotes(3, 'again'))).toBe(true);
      expect(await visible(stores, a.id)).toEqual(all(3));
      expect(await rowCount(sql, 'article_quotes', a.id)).toBe(3);
      expect(await stores.search.unindexed(-1, 10)).toEqual([]);

      // A fresh article's write that stops: nothing stored is affected; once its claim is past the
      // lease, the sweep clears its rows and pieces (and a live claim is left alone).
      const b = article('A story never stored.', 'Never stored');
      inserted = 0;
      await expect(writeAnalysis(sql, { articleId: b.id, version: 1, json: longJson(600_000, 'b'), quotes: quotes(700, 'b') }, {
        onStep: async (step) => {
          if (step.kind === 'insert piece') throw crash;
        },
      })).rejects.toBe(crash);
      expect([await rowCount(sql, 'article_quotes', b.id), await rowCount(sql, 'analysis_parts', b.id), await rowCount(sql, 'quote_writes', b.id)]).toEqual([700, 1, 1]);
      expect(await stores.analyses.get(b.id)).toBeUndefined();
      expect(await sweepAbandonedWrites(sql, Date.now())).toBe(0);
      expect(await rowCount(sql, 'article_quotes', b.id)).toBe(700);
      expect(await sweepAbandonedWrites(sql, Date.now() + CLAIM_LEASE_MS + 1000)).toBe(1);
      expect([await rowCount(sql, 'article_quotes', b.id), await rowCount(sql, 'analysis_parts', b.id), await rowCount(sql, 'quote_writes', b.id)]).toEqual([0, 0, 0]);
      expect(await visible(stores, a.id)).toEqual(all(3));
    } finally {
      await sql.close();
    }
  });

  it('GIVEN two writes of the same analysis at once (two servers adding the same text) THEN the later takes over, the earlier stops, and one whole set is stored', async () => {
    const { stores, target } = await freshStores(backend);
    const sql = await openClient(target);
    try {
      const a = article('Both servers add this story.', 'Shared story');
      let second: Promise<unknown> | undefined;
      const first = writeAnalysis(sql, { articleId: a.id, version: 1, json: longJson(300_000, 'one'), quotes: quotes(600, 'one') }, {
        async onStep(step) {
          if (step.kind !== 'insert rows' || second !== undefined) return;
          // Halfway through the first write, the second starts (the first goes on once it has claimed) and runs to its end.
          let claimed!: () => void;
          const claim = new Promise<void>((resolve) => (claimed = resolve));
          second = writeAnalysis(sql, { articleId: a.id, version: 1, json: longJson(300_000, 'two'), quotes: quotes(500, 'two') }, {
            onStep: (s) => (s.kind === 'claim' ? claimed() : undefined),
          });
          await claim;
        },
      });
      expect(await first).toBe('superseded');
      expect(await second).toBe('written');
      await stores.articles.insert('g', { article: a, slug: 'shared' });
      expect(await visible(stores, a.id)).toEqual(all(500));
      expect(await rowCount(sql, 'article_quotes', a.id)).toBe(500);
      expect(JSON.parse((await stores.analyses.get(a.id))!.json)).toMatchObject({ mark: 'two' });
      expect(await rowCount(sql, 'analysis_parts', a.id)).toBe(2);
    } finally {
      await sql.close();
    }
  });

  it('GIVEN an analysis removed while it is written again (its last article removed) THEN the write stops and leaves nothing', async () => {
    const { stores, target } = await freshStores(backend);
    const sql = await openClient(target);
    try {
      const a = article('Removed while indexed.', 'Removed story');
      await stores.analyses.put(a.id, 1, '{"first":true}', quotes(3, 'old'));
      await stores.articles.insert('g', { article: a, slug: 'removed' });
      let removed = false;
      const outcome = await writeAnalysis(sql, { articleId: a.id, version: 2, json: longJson(300_000, 'second'), quotes: quotes(500, 'new') }, {
        onStep: async (step) => {
          if (step.kind !== 'insert rows' || removed) return;
          removed = true;
          await stores.articles.remove('g', a.id);
          // A write in progress keeps its analysis from being pruned as an orphan; deleting it (as retention does) stops the write.
          expect(await stores.analyses.pruneOrphans()).toBe(0);
          await sql.run('DELETE FROM analyses WHERE article_id = ?', [a.id]);
        },
      });
      expect(outcome).toBe('superseded');
      expect(await stores.analyses.get(a.id)).toBeUndefined();
      expect([await rowCount(sql, 'article_quotes', a.id), await rowCount(sql, 'analysis_parts', a.id), await rowCount(sql, 'quote_writes', a.id)]).toEqual([0, 0, 0]);
    } finally {
      await sql.close();
    }
  });
});
