/**
 * Composition root (`npm start`): reads the config, then starts what LEDE_ROLE asks: a worker
 * (feed polling, no Discord connection), or the Discord bot (all, or gateway) when DISCORD_TOKEN is
 * set, otherwise the local console over the same commands. SIGINT/SIGTERM stop gracefully within
 * 10 s: replies in flight are finished, leases handed back, then the gateway and the database closed.
 */
import 'dotenv/config';
import { ConfigError, loadConfig } from './config';
import { runConsole } from './cli/console';
import { databaseOpenMessage } from './cli/database-messages';
import { startBot } from './discord/bot';
import { startWorker } from './worker';
import { DatabaseOpenError } from './store';

async function main(): Promise<number> {
  const config = loadConfig();
  if (config.LEDE_ROLE !== 'worker' && !config.DISCORD_TOKEN) {
    return runConsole({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }, config);
  }
  const bot = config.LEDE_ROLE === 'worker' ? await startWorker(config) : await startBot(config);
  // A stray rejection (a library's, or ours) is logged; the bot stays up for every other server.
  process.on('unhandledRejection', (err) => bot.logger.error({ err }, 'unhandled rejection'));
  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      bot.logger.info({ signal }, 'signal received');
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      void bot.stop().then(resolve);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  } else if (err instanceof DatabaseOpenError) {
    process.stderr.write(`${databaseOpenMessage(err)}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`Lede could not start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
