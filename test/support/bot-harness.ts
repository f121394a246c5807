/**
 * Start the real bot (the production `startBot`, with the env a deployment would have) against a
 * FakeDiscord, in a fresh temp database. `close()` destroys the client before the fake stops.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config';
import { startBot, type Bot, type BotOptions } from '../../src/discord/bot';
import { FakeDiscord } from './fake-discord';

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

export async function startHarness(
  options: { env?: Record<string, string>; fake?: FakeDiscord; dir?: string; bot?: BotOptions } = {},
): Promise<Harness> {
  const fake = options.fake ?? (await new FakeDiscord().start());
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'lede-e2e-'));
  const config = loadConfig(testEnv(fake, dir, options.env));
  const bot = await startBot(config, options.bot ?? {});
  const harness: Harness = {
    fake,
    bot,
    config,
    dir,
    async restart() {
      await bot.stop();
      return startHarness({ ...options, fake, dir });
    },
    async close() {
      await bot.stop();
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
