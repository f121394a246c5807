/** Composition root: reads the config, then starts the bot (with a token) or the local console. */
import 'dotenv/config';
import { ConfigError, loadConfig } from './config';

try {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) {
    process.stdout.write('Lede console: not built yet. Set DISCORD_TOKEN in .env to connect to Discord.\n');
  }
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
