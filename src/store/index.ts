/**
 * Persistence behind small interfaces. `openStores(path)` opens the database once and creates every
 * store the bot uses (each runs its own migrations); commands only ever see the interfaces, so
 * another database can be put behind them without touching a command.
 */
import { openDatabase, type Db } from './database';
import { createAnalysisStore, type AnalysisStore } from './analyses';
import { createArticleStore, type ArticleStore } from './articles';
import { createStateStore, type StateStore } from './state';
import { createThreadStore, type ThreadStore } from './threads';

export type { ArticleStore, CheckedInsert, StoredArticle, ArticleListing, NewArticle } from './articles';
export type { AnalysisStore, StoredAnalysis } from './analyses';
export type { StateStore } from './state';
export type { ThreadStore, ArticleThread } from './threads';
export { createArticleStore, createAnalysisStore, createStateStore, createThreadStore };
export { DatabaseOpenError, type DatabaseOpenErrorCode, type DatabaseOpenErrorDetails } from './database';

export interface Stores {
  readonly db: Db;
  readonly articles: ArticleStore;
  readonly analyses: AnalysisStore;
  readonly state: StateStore;
  readonly threads: ThreadStore;
  close(): void;
}

/**
 * Open the database at `path` (or ':memory:') and every store on it. Throws DatabaseOpenError when
 * the file cannot be used; the database is closed again before throwing.
 */
export function openStores(path: string): Stores {
  const db = openDatabase(path);
  try {
    return {
      db,
      articles: createArticleStore(db),
      analyses: createAnalysisStore(db),
      state: createStateStore(db),
      threads: createThreadStore(db),
      close() {
        if (db.open) db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
