/**
 * Stored analyses, keyed by article id (a content hash, so one analysis serves every server that
 * has the same text). The JSON is opaque here; the library checks `version` against
 * ANALYSIS_VERSION and recomputes when it differs.
 */
import type { Db } from './database';

export interface StoredAnalysis {
  readonly version: number;
  /** The analysis as JSON text, exactly as saved. */
  readonly json: string;
  readonly computedAt: string;
}

export interface AnalysisStore {
  get(articleId: string): StoredAnalysis | undefined;
  put(articleId: string, version: number, json: string): void;
  /** Drop analyses no article refers to any more (after removals). */
  pruneOrphans(): number;
}

/** The SQLite analysis store; its table is created by the 'articles' migrations (createArticleStore). */
export function createAnalysisStore(db: Db): AnalysisStore {
  const getStmt = db.prepare('SELECT version, json, computed_at FROM analyses WHERE article_id = ?');
  const putStmt = db.prepare(`INSERT INTO analyses (article_id, version, json, computed_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, json = excluded.json, computed_at = excluded.computed_at`);
  const prune = db.prepare('DELETE FROM analyses WHERE article_id NOT IN (SELECT id FROM articles)');
  return {
    get(articleId) {
      const row = getStmt.get(articleId) as { version: number; json: string; computed_at: string } | undefined;
      return row && { version: row.version, json: row.json, computedAt: row.computed_at };
    },
    put(articleId, version, json) {
      putStmt.run(articleId, version, json, new Date().toISOString());
    },
    pruneOrphans() {
      return prune.run().changes;
    },
  };
}
