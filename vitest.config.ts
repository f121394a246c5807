import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores in CI: forks keep native modules (better-sqlite3) isolated per file.
    pool: 'forks',
    // One PostgreSQL server for the run (or TEST_DATABASE_URL's); see test/support/pg-db.ts.
    globalSetup: ['test/global-setup.ts'],
  },
});
