/**
 * Start the real bot (the production `startBot`, with the env a deployment would have) against a
 * FakeDiscord, in a fresh database: a temp SQLite file, or, when the run's project sets
 * LEDE_TEST_BACKEND=postgres, a fresh database on the real PostgreSQL server of the test run,
 * migrated first as an operator would (`lede migrate`). `close()` destroys the client before the
 * fake stops.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config';
import { startBot, type Bot, type BotOptions } from '../../src/discord/bot';
import { migrateAll, openClient } from '../../src/store/open';
import { FakeDiscord } from './fake-discord';
import { freshPgDatabase } from './pg-db';

export interface Harness {
  readonly fake: FakeDiscord;
  readonly bot: Bot;
  readonly config: Config;
  readonly dir: string;
  /** Stop the bot (keeping the database) and start it again on the same fake. */
  restart(): Promise<Harness>;
  close(): Promise<void>;
}

export function testEnv(fake: FakeDiscord, dir: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAx.fake.token-for-tests-only-000000000',
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_GUILD_ID: fake.guild.id,
    DISCORD_API_URL: fake.apiUrl,
    ALLOW_PRIVATE_URLS: 'true',
    DATABASE_PATH: join(dir, 'lede.db'),
    LOG_LEVEL: 'silent',
    ...env,
  };
}

/** The backend the e2e tests of this run use (the vitest project sets it). */
export const TEST_BACKEND: 'sqlite' | 'postgres' = process.env.LEDE_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

/** A fresh PostgreSQL database, migrated, for one harness (and its restarts). */
export async function postgresEnv(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const db = await freshPgDatabase();
  const sql = await openClient({ kind: 'postgres', url: db.url });
  try {
    await migrateAll(sql, 'test database');
  } finally {
    await sql.close();
  }
  return { env: { DATABASE_URL: db.url }, drop: db.drop };
}

export async function startHarness(
  options: { env?: Record<string, string>; fake?: FakeDiscord; dir?: string; bot?: BotOptions; database?: { env: Record<string, string>; drop: () => Promise<void> } } = {},
): Promise<Harness> {
  const fake = options.fake ?? (await new FakeDiscord().start());
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'lede-e2e-'));
  const database = options.database ?? (TEST_BACKEND === 'postgres' && !options.env?.DATABASE_PATH ? await postgresEnv() : { env: {}, drop: async () => undefined });
  const config = loadConfig(testEnv(fake, dir, { ...database.env, ...options.env }));
  const bot = await startBot(config, options.bot ?? {});
  const harness: Harness = {
    fake,
    bot,
    config,
    dir,
    async restart() {
      await bot.stop();
      return startHarness({ ...options, fake, dir, database });
    },
    async close() {
      await bot.stop();
      await fake.stop();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
