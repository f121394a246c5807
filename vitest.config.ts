import { defineConfig } from 'vitest/config';

/** The bot's end-to-end files that run the real bot through test/support/bot-harness.ts. */
const BOT_E2E = ['article', 'article-list', 'articles-dir', 'ask', 'autosummary', 'digest', 'feeds', 'feeds-delivery', 'feeds-forgiving', 'hostile', 'injection', 'link-refusals', 'menus', 'quotes', 'retention', 'speakers', 'summary', 'threads', 'whosaid'].map(
  (name) => `test/e2e/${name}.e2e.test.ts`,
);

/** End-to-end files about PostgreSQL itself (a server that stops accepting the bot). */
const POSTGRES_ONLY = ['test/e2e/outage.e2e.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores in CI: forks keep native modules (better-sqlite3) isolated per file.
    pool: 'forks',
    // One PostgreSQL server for the run (or TEST_DATABASE_URL's); see test/support/pg-db.ts.
    globalSetup: ['test/global-setup.ts'],
    projects: [
      // Everything, with the bot on the embedded SQLite file (the contract suite covers both engines itself).
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'], exclude: POSTGRES_ONLY } },
      // The bot's end-to-end files again, with the bot on a real PostgreSQL database (DATABASE_URL).
      { extends: true, test: { name: 'postgres', include: [...BOT_E2E, ...POSTGRES_ONLY], env: { LEDE_TEST_BACKEND: 'postgres' } } },
    ],
  },
});
