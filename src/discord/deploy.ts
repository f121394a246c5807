/**
 * `npm run deploy-commands`: register the slash commands and message menus (the same loader as the bot) in
 * DISCORD_GUILD_ID when set (instant), else globally (Discord may take up to an hour to show them).
 * The bot does this by itself on start when definitions change; this script is for doing it now.
 */
import 'dotenv/config';
import { REST } from 'discord.js';
import { ConfigError, loadConfig } from '../config';
import { loadCommands } from '../core/loader';
import { registerCommands, registeredNames } from './register';

try {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN || !config.DISCORD_CLIENT_ID) {
    process.stderr.write('deploy-commands needs DISCORD_TOKEN and DISCORD_CLIENT_ID (see .env.example).\n');
    process.exit(2);
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  const commands = await loadCommands();
  const target = { applicationId: config.DISCORD_CLIENT_ID, ...(config.DISCORD_GUILD_ID && { guildId: config.DISCORD_GUILD_ID }) };
  const count = await registerCommands(rest, target, commands);
  process.stdout.write(`Registered ${count} command(s) (${registeredNames(commands)}) ${target.guildId ? `in server ${target.guildId}` : 'globally (may take up to an hour to appear)'}.\n`);
} catch (err) {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `deploy-commands failed: ${(err as Error).message}`}\n`);
  process.exit(1);
}
