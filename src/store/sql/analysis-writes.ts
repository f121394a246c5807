/**
 * Writing an analysis and its quote rows without holding the event loop or the database for long.
 * A 2,000,000-character article's analysis is 5 MB of JSON and 13,000 quote rows: written in one
 * transaction, that was 200-500 ms of synchronous SQLite work during which nothing else ran. Here
 * the work is cut into steps of bounded size, each its own short transaction, with a turn of the
 * event loop between two steps, so other servers' commands (reads and writes) run in between:
 *
 * 1. claim: the write registers itself (`quote_writes`, a fresh token) and takes the article's
 *    earlier set out of sight (its counts taken away, its complete mark removed);
 * 2. the rows left by that set or by a write that stopped are deleted, a few hundred per step;
 * 3. the new quote rows are inserted, a few hundred per step (on SQLite each such step, and each
 *    delete, is followed by a bounded share of the quote index's merging, a step of its own);
 * 4. a long JSON is stored in pieces (`analysis_parts`), one per step;
 * 5. finish: in one small transaction, the set is marked complete (`quote_sets`) with its
 *    per-speaker totals (`quote_forms`), the servers holding the article count it, and the
 *    analysis row points at the new JSON; the claim goes.
 *
 * An article's rows that are not a complete set always have a claim beside them (the claim comes
 * with the mark taken away and goes with the mark put back, or with the last rows a sweep clears),
 * so searches read the rows of articles without a claim (search.ts), and the analysis row changes
 * only in the last step: readers see the earlier state or the new one, never a half-written set
 * (between the claim and the last step, none of the article's quotes). Every step checks, under the
 * article's lock, that the claim is still its own: a newer write of the same analysis (another
 * server adding the same text, here or in another process) takes the claim over and the older one
 * stops. A process killed mid-write leaves its claim and some rows: the article (if stored) has no
 * complete set, so the search catch-up (`SearchStore.unindexed`) indexes it again after the next
 * start, and the next write of that analysis, or `sweepAbandonedWrites`, clears what was left.
 * Small analyses (the usual news article) are written in the claim's transaction, as one.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { IndexedQuote } from '../ports';
import { toNumber, type SqlClient } from './client';
import { FORM_COLUMNS, insertRows, mergeQuoteIndex, QUOTE_COLUMNS, QUOTE_INDEX_MERGE_PAGES, quoteRowSet } from './search-rows';
import { speakerDelta } from './search-schema';

/** The size of each step (each well under 50 ms of SQLite work on a busy 2-core machine). */
export const WRITE_STEPS = {
  /** Quote rows inserted per step (one multi-row INSERT; 13,000 rows took 180 ms in one go). */
  quoteRows: 200,
  /** Quote rows deleted per step. */
  deleteRows: 250,
  /** Characters of analysis JSON per stored piece, one piece per step; JSON up to this stays in the analysis row. */
  jsonPiece: 256 * 1024,
  /** JSON pieces deleted per step. */
  deletePieces: 4,
} as const;

/** A claim older than this belongs to a write that died (a write takes seconds). */
export const CLAIM_LEASE_MS = 10 * 60 * 1000;

export interface AnalysisWrite {
  readonly articleId: string;
  readonly version: number;
  /** The analysis as JSON, stored with the set; undefined: the stored analysis stays (indexing it). */
  readonly json?: string;
  /** The quote rows; undefined: the article's rows go and it waits for the search backfill. */
  readonly quotes: readonly IndexedQuote[] | undefined;
  /** Write only while the stored analysis has `version` (indexing an analysis stored earlier). */
  readonly onlyIfStored?: boolean;
}

/**
 * 'written'; 'stale': `onlyIfStored` and the stored analysis has another version (or none);
 * 'superseded': a newer write of the same analysis took over, and completes it.
 */
export type WriteOutcome = 'written' | 'stale' | 'superseded';

/** What a step was, for tests that check the shape of a write: its kind and how many rows or characters. */
export interface WriteStep {
  readonly kind: 'claim' | 'delete rows' | 'delete pieces' | 'insert rows' | 'merge' | 'insert piece' | 'finish' | 'cleanup';
  readonly size: number;
}

export interface WriteOptions {
  /** Told after each step's transaction commits (tests); a throw here stops the write as a crash would. */
  readonly onStep?: (step: WriteStep) => void | Promise<void>;
}

const lockOf = (articleId: string) => `quotes:${articleId}`;

/**
 * Inside a transaction that adds or deletes `articles` rows: take the lock every analysis write of
 * those texts takes, so that the row's speaker counts (added or taken away by the triggers on
 * `articles`, from the text's complete quote set) and a write's last step (which counts the set for
 * every server holding the text) never run at the same time. Without it, on PostgreSQL, a server
 * adding a text while another server's write of the same analysis finishes saw neither the other's
 * rows nor its set, or both, and counted the quotes never or twice. Several ids are locked in one
 * order (by the lock's hash), so two transactions locking overlapping sets cannot deadlock. SQLite
 * runs one write transaction at a time: nothing to do there.
 */
export async function lockArticleTexts(tx: SqlClient, articleIds: readonly string[]): Promise<void> {
  if (tx.dialect !== 'postgres' || articleIds.length === 0) return;
  const keys = [...new Set(articleIds)].map(lockOf);
  await tx.run(
    `SELECT pg_advisory_xact_lock(h) FROM (SELECT hashtextextended(k, 0) AS h FROM (VALUES ${keys.map(() => '(?::text)').join(', ')}) AS v (k) ORDER BY h) AS ordered`,
    keys,
  );
}

const SQL = {
  claim: `INSERT INTO quote_writes (article_id, token, started_at) VALUES (?, ?, ?)
    ON CONFLICT (article_id) DO UPDATE SET token = excluded.token, started_at = excluded.started_at`,
  holder: 'SELECT token FROM quote_writes WHERE article_id = ?',
  release: 'DELETE FROM quote_writes WHERE article_id = ? AND token = ?',
  storedVersion: 'SELECT version, parts FROM analyses WHERE article_id = ?',
  complete: 'SELECT 1 AS one FROM quote_sets WHERE article_id = ?',
  /** Rows of the article, at most `limit + 1` counted (is it more than one step's worth?). */
  someRows: 'SELECT count(*) AS n FROM (SELECT 1 AS one FROM article_quotes WHERE article_id = ? LIMIT ?) AS r',
  deleteRows: 'DELETE FROM article_quotes WHERE qk IN (SELECT qk FROM article_quotes WHERE article_id = ? LIMIT ?)',
  /** Pieces of the article's JSON that no stored analysis row points at (`keep`: the one that does, or ''). */
  strayPieces: 'SELECT count(*) AS n FROM analysis_parts WHERE article_id = ? AND token <> ?',
  deleteStrayPieces: `DELETE FROM analysis_parts WHERE (article_id, token, n) IN
    (SELECT article_id, token, n FROM analysis_parts WHERE article_id = ? AND token <> ? LIMIT ?)`,
  deletePieces: `DELETE FROM analysis_parts WHERE (article_id, token, n) IN
    (SELECT article_id, token, n FROM analysis_parts WHERE article_id = ? AND token = ? LIMIT ?)`,
  insertPiece: 'INSERT INTO analysis_parts (article_id, token, n, body) VALUES (?, ?, ?, ?)',
  putAnalysis: `INSERT INTO analyses (article_id, version, json, parts, computed_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, json = excluded.json, parts = excluded.parts, computed_at = excluded.computed_at`,
  markComplete: 'INSERT INTO quote_sets (article_id, version, quotes) VALUES (?, ?, ?)',
  abandoned: 'SELECT article_id, token FROM quote_writes WHERE started_at < ? ORDER BY started_at LIMIT ?',
  /** Analyses no server holds and no write is under way for (a write's article is stored after it). */
  orphans: `SELECT article_id FROM analyses WHERE article_id NOT IN (SELECT id FROM articles)
    AND article_id NOT IN (SELECT article_id FROM quote_writes) ORDER BY article_id LIMIT ?`,
  held: 'SELECT 1 AS one FROM articles WHERE id = ? LIMIT 1',
  /** The analysis row; the triggers on `analyses` take its remaining quote rows, its JSON pieces and its claim. */
  deleteAnalysis: 'DELETE FROM analyses WHERE article_id = ?',
} as const;

/** Orphan analyses looked at per pass of dropOrphanAnalyses. */
const ORPHANS_PER_PASS = 50;

/** Take the article's complete set out of sight: its servers' counts, its totals, its mark (its rows stay, unread). */
async function unmark(tx: SqlClient, articleId: string): Promise<void> {
  if (!(await tx.get(SQL.complete, [articleId]))) return;
  for (const statement of speakerDelta(-1, 'r.id = @id')) await tx.run(statement, { id: articleId });
  await tx.run('DELETE FROM quote_forms WHERE article_id = ?', [articleId]);
  await tx.run('DELETE FROM quote_sets WHERE article_id = ?', [articleId]);
}

/**
 * Write an analysis's quote rows (and, with `json`, the analysis) in bounded steps; see the top of
 * this file. `sql` is the store's client (each step is its own transaction), not a transaction's.
 */
export async function writeAnalysis(sql: SqlClient, write: AnalysisWrite, options: WriteOptions = {}): Promise<WriteOutcome> {
  const { articleId, version, json, quotes } = write;
  const token = randomUUID();
  const lock = lockOf(articleId);
  const set = quotes === undefined ? undefined : quoteRowSet(articleId, quotes);
  const inline = json === undefined || json.length <= WRITE_STEPS.jsonPiece;
  const small = inline && (set?.size ?? 0) <= WRITE_STEPS.quoteRows;
  const told = async (kind: WriteStep['kind'], size: number) => options.onStep?.({ kind, size });

  /** The stored analysis row's version and the token of its JSON pieces ('' when it has none), if there is a row. */
  const storedRow = async (tx: SqlClient): Promise<{ version: number; parts: string } | undefined> => {
    const row = await tx.get<{ version: unknown; parts: unknown }>(SQL.storedVersion, [articleId]);
    return row === undefined ? undefined : { version: toNumber(row.version), parts: typeof row.parts === 'string' ? row.parts : '' };
  };
  const isStale = (stored: { version: number } | undefined) => write.onlyIfStored === true && stored?.version !== version;
  const strayPieces = async (tx: SqlClient, keep: string): Promise<number> => toNumber((await tx.get<{ n: unknown }>(SQL.strayPieces, [articleId, keep]))?.n ?? 0);

  /**
   * The last step: mark the set complete, count it, point the analysis row at its JSON, release
   * the claim. 'stale' when indexing and the stored analysis changed meanwhile; else the token of
   * the JSON pieces it replaced ('' for none).
   */
  const finish = async (tx: SqlClient): Promise<'stale' | { replaced: string }> => {
    const stored = await storedRow(tx);
    if (isStale(stored)) return 'stale';
    if (set) {
      await insertRows(tx, 'quote_forms', FORM_COLUMNS, set.forms());
      await tx.run(SQL.markComplete, [articleId, version, set.size]);
      for (const statement of speakerDelta(1, 'r.id = @id')) await tx.run(statement, { id: articleId });
    }
    let replaced = '';
    if (json !== undefined) {
      await tx.run(SQL.putAnalysis, [articleId, version, inline ? json : '', inline ? null : token, new Date().toISOString()]);
      if (stored !== undefined && stored.parts !== token) replaced = stored.parts;
    }
    await tx.run(SQL.release, [articleId, token]);
    return { replaced };
  };

  // 1. Claim (and, for a small analysis with nothing left to clear, the whole write in this transaction).
  const claimed = await sql.transaction(async (tx): Promise<'stale' | 'claimed' | { replaced: string }> => {
    const stored = await storedRow(tx);
    if (isStale(stored)) return 'stale';
    await tx.run(SQL.claim, [articleId, token, new Date().toISOString()]);
    await unmark(tx, articleId);
    if (!small) return 'claimed';
    const rows = toNumber((await tx.get<{ n: unknown }>(SQL.someRows, [articleId, WRITE_STEPS.deleteRows + 1]))?.n ?? 0);
    if (rows > WRITE_STEPS.deleteRows || (await strayPieces(tx, stored?.parts ?? '')) > 0) return 'claimed';
    if (rows > 0) await tx.run('DELETE FROM article_quotes WHERE article_id = ?', [articleId]);
    if (set) await insertRows(tx, 'article_quotes', QUOTE_COLUMNS, set.rows(0, set.size));
    if (rows > 0 || (set?.size ?? 0) > 0) await mergeQuoteIndex(tx);
    return finish(tx); // not stale: checked above, in this transaction
  }, { lock });
  if (claimed === 'stale') return 'stale';
  await told('claim', claimed === 'claimed' ? 0 : (set?.size ?? 0));
  if (claimed !== 'claimed') {
    if (claimed.replaced !== '') await deletePieces(sql, articleId, claimed.replaced, told);
    return 'written';
  }

  /** One step: its own transaction under the article's lock, if the claim is still this write's; false when it is not. */
  const step = async <T>(kind: WriteStep['kind'], size: (out: T) => number, body: (tx: SqlClient) => Promise<T>): Promise<{ out: T } | undefined> => {
    await nextTurn();
    const result = await sql.transaction(async (tx) => {
      const holder = await tx.get<{ token: unknown }>(SQL.holder, [articleId]);
      if (holder?.token !== token) return undefined;
      return { out: await body(tx) };
    }, { lock });
    if (result) await told(kind, size(result.out));
    return result;
  };

  /** After each step that wrote or deleted quote rows: a bounded share of the quote index's merging, as a step of its own. */
  const merge = async () => sql.dialect !== 'sqlite' || (await step('merge', () => QUOTE_INDEX_MERGE_PAGES, mergeQuoteIndex)) !== undefined;

  // 2. What an earlier set or a stopped write left: its rows, and JSON pieces no analysis row points at.
  for (;;) {
    const done = await step<number>('delete rows', (n) => n, async (tx) => (await tx.run(SQL.deleteRows, [articleId, WRITE_STEPS.deleteRows])).changes);
    if (!done) return 'superseded';
    if (done.out > 0 && !(await merge())) return 'superseded';
    if (done.out < WRITE_STEPS.deleteRows) break;
  }
  for (;;) {
    const done = await step<number>('delete pieces', (n) => n, async (tx) =>
      (await tx.run(SQL.deleteStrayPieces, [articleId, (await storedRow(tx))?.parts ?? '', WRITE_STEPS.deletePieces])).changes);
    if (!done) return 'superseded';
    if (done.out < WRITE_STEPS.deletePieces) break;
  }
  // 3. The new rows.
  if (set) {
    for (let from = 0; from < set.size; from += WRITE_STEPS.quoteRows) {
      const rows = set.rows(from, from + WRITE_STEPS.quoteRows);
      if (!(await step('insert rows', () => rows.length, (tx) => insertRows(tx, 'article_quotes', QUOTE_COLUMNS, rows)))) return 'superseded';
      if (!(await merge())) return 'superseded';
    }
  }
  // 4. A long JSON, in pieces.
  if (json !== undefined && !inline) {
    for (let n = 0, at = 0; at < json.length; n++, at += WRITE_STEPS.jsonPiece) {
      const piece = json.slice(at, at + WRITE_STEPS.jsonPiece);
      if (!(await step('insert piece', () => piece.length, (tx) => tx.run(SQL.insertPiece, [articleId, token, n, piece])))) return 'superseded';
    }
  }
  // 5. Finish.
  const finished = await step('finish', () => set?.size ?? 0, finish);
  if (!finished) return 'superseded';
  if (finished.out === 'stale') return 'stale'; // its claim stays: sweepAbandonedWrites clears its rows
  if (finished.out.replaced !== '') await deletePieces(sql, articleId, finished.out.replaced, told);
  return 'written';
}

/** The pieces of a JSON no analysis row points at any more, a few per step (no claim needed: nothing reads them). */
async function deletePieces(sql: SqlClient, articleId: string, token: string, told: (kind: WriteStep['kind'], size: number) => Promise<void>): Promise<void> {
  for (;;) {
    await nextTurn();
    const n = (await sql.run(SQL.deletePieces, [articleId, token, WRITE_STEPS.deletePieces])).changes;
    await told('cleanup', n);
    if (n < WRITE_STEPS.deletePieces) return;
  }
}

/**
 * Clear what writes that died left behind (claims older than the lease): their rows and JSON
 * pieces, in bounded steps, then the claim. An article stored meanwhile has no complete set and is
 * indexed again by the search catch-up. At most `limit` claims; returns how many were cleared.
 */
export async function sweepAbandonedWrites(sql: SqlClient, now: number, limit = 20): Promise<number> {
  const claims = await sql.all<{ article_id: string; token: string }>(SQL.abandoned, [new Date(now - CLAIM_LEASE_MS).toISOString(), limit]);
  let cleared = 0;
  for (const c of claims) {
    // Taken over as a write of "nothing": the same steps clear the rows, then the claim goes.
    const token = randomUUID();
    const lock = lockOf(c.article_id);
    const taken = await sql.transaction(async (tx) => {
      const holder = await tx.get<{ token: unknown }>(SQL.holder, [c.article_id]);
      if (holder?.token !== c.token) return false; // a live write took it over meanwhile
      await tx.run(SQL.claim, [c.article_id, token, new Date().toISOString()]);
      return true;
    }, { lock });
    if (!taken) continue;
    let mine = true;
    for (let more = true; more && mine; ) {
      await nextTurn();
      mine = await sql.transaction(async (tx) => {
        if ((await tx.get<{ token: unknown }>(SQL.holder, [c.article_id]))?.token !== token) return false;
        // A claimed article has no complete set (its claim took it out of sight): every row is the dead write's.
        const rows = (await tx.run(SQL.deleteRows, [c.article_id, WRITE_STEPS.deleteRows])).changes;
        if (rows > 0) await mergeQuoteIndex(tx);
        const keep = await tx.get<{ parts: unknown }>(SQL.storedVersion, [c.article_id]);
        const pieces = (await tx.run(SQL.deleteStrayPieces, [c.article_id, typeof keep?.parts === 'string' ? keep.parts : '', WRITE_STEPS.deletePieces])).changes;
        more = rows === WRITE_STEPS.deleteRows || pieces === WRITE_STEPS.deletePieces;
        if (!more) await tx.run(SQL.release, [c.article_id, token]);
        return true;
      }, { lock });
    }
    if (mine) cleared++;
  }
  return cleared;
}

/**
 * Delete the analyses no server holds any more (the last server removed the article), each with
 * its quote rows taken away in bounded steps like a write's: a 2,000,000-character article has
 * 13,000 rows, which one DELETE removed in a single 200 ms transaction that held every other
 * server's command. Each analysis is claimed as a write would be (so a write of the same text
 * starting meanwhile takes it over and this stops), and every step checks, under the text's lock,
 * that no server has added the text again; if one has, the claim goes and the analysis stays whole
 * (its JSON is only deleted in the last step), and the search catch-up indexes it again, as after
 * any write that stopped. Returns how many analyses were deleted.
 */
export async function dropOrphanAnalyses(sql: SqlClient, options: WriteOptions = {}): Promise<number> {
  let dropped = 0;
  for (;;) {
    const ids = await sql.all<{ article_id: string }>(SQL.orphans, [ORPHANS_PER_PASS]);
    let pass = 0;
    for (const { article_id: id } of ids) if (await dropOrphan(sql, id, options)) pass++;
    dropped += pass;
    // A full page with nothing dropped would be read again as it is: stop rather than loop.
    if (ids.length < ORPHANS_PER_PASS || pass === 0) return dropped;
  }
}

async function dropOrphan(sql: SqlClient, articleId: string, options: WriteOptions): Promise<boolean> {
  const token = randomUUID();
  const lock = lockOf(articleId);
  const told = async (kind: WriteStep['kind'], size: number) => options.onStep?.({ kind, size });
  /** Under the lock: still no server holds the text and the claim is `token`'s (or, to claim, no one's). */
  const stillOrphan = async (tx: SqlClient, claiming: boolean): Promise<boolean> => {
    if (await tx.get(SQL.held, [articleId])) return false;
    const holder = (await tx.get<{ token: unknown }>(SQL.holder, [articleId]))?.token;
    return claiming ? holder === undefined : holder === token;
  };
  const claimed = await sql.transaction(async (tx) => {
    if (!(await stillOrphan(tx, true)) || !(await tx.get(SQL.storedVersion, [articleId]))) return false;
    await tx.run(SQL.claim, [articleId, token, new Date().toISOString()]);
    await unmark(tx, articleId); // no server holds it: only its totals and its mark go
    return true;
  }, { lock });
  if (!claimed) return false;
  await told('claim', 0);
  for (;;) {
    await nextTurn();
    const step = await sql.transaction(async (tx): Promise<{ state: 'gone' | 'more' | 'done'; rows: number }> => {
      if (!(await stillOrphan(tx, false))) {
        // Added again (or a write took over): the analysis stays; an added article is indexed again by the catch-up.
        await tx.run(SQL.release, [articleId, token]);
        return { state: 'gone', rows: 0 };
      }
      const rows = (await tx.run(SQL.deleteRows, [articleId, WRITE_STEPS.deleteRows])).changes;
      if (rows > 0) await mergeQuoteIndex(tx);
      if (rows === WRITE_STEPS.deleteRows) return { state: 'more', rows };
      await tx.run(SQL.deleteAnalysis, [articleId]);
      return { state: 'done', rows };
    }, { lock });
    if (step.state === 'gone') return false;
    await told(step.state === 'more' ? 'delete rows' : 'finish', step.rows);
    if (step.state === 'done') return true;
  }
}
