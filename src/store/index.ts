/**
 * Persistence as a port. `ports.ts` says what Lede stores (async interfaces); `open.ts` opens the
 * embedded SQLite file or a PostgreSQL server behind them, with one set of queries and migrations
 * (`sql/`). Runtimes and commands only ever see the interfaces.
 */
export type * from './ports';
export { openStores, openClient, migrateAll, pendingMigrations, redactUrl, MIGRATIONS, type StoreTarget } from './open';
export { DatabaseOpenError, type DatabaseOpenErrorCode, type DatabaseOpenErrorDetails } from './open-errors';
