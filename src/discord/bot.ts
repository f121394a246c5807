/**
 * The Discord bot: the production entry point (`startBot(config)`, called by src/index.ts when
 * DISCORD_TOKEN is set). Fewest intents, no pings, REST base from DISCORD_API_URL, commands
 * registered when their definitions changed, and a graceful stop that finishes replies in flight
 * before closing the database.
 */
import { Client, Events, GatewayIntentBits, type ClientOptions, type Interaction } from 'discord.js';
import type { Config } from '../config';
import { discordPoster } from './digest-poster';
import { autocompleteContext, commandContext, componentContext, discordActions, messageCommandContext, NO_MENTIONS } from './adapter';
import { createCore, type Core, type CoreOptions } from '../core/root';
import { createLogger, type Logger } from '../core/logger';
import { createRateLimiter, RATE_LIMITS } from '../core/rate-limit';
import { registerIfChanged } from './register';
import { createLinkReplier } from './link-replies';
import { answerThreadMessage } from './thread-questions';

/** How long a stop waits for replies in flight before closing anyway. */
export const DRAIN_TIMEOUT_MS = 10_000;

export interface Bot {
  readonly client: Client<true>;
  readonly core: Core;
  readonly logger: Logger;
  /** Finish work in flight (bounded), disconnect, close the database. Idempotent. */
  stop(): Promise<void>;
}

export interface BotOptions extends CoreOptions {
  readonly logger?: Logger;
}

/**
 * The intents Lede needs: guilds (channels, threads) and guild messages (@mentions in threads).
 * With MESSAGE_CONTENT_INTENT=true also Message Content (privileged): every thread message
 * answered, and links posted in channels with `/autosummary on`.
 */
export function intentsFor(config: Pick<Config, 'MESSAGE_CONTENT_INTENT'>): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  if (config.MESSAGE_CONTENT_INTENT) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

export function clientOptions(config: Config): ClientOptions {
  return {
    intents: intentsFor(config),
    allowedMentions: NO_MENTIONS,
    ...(config.DISCORD_API_URL && { rest: { api: config.DISCORD_API_URL } }),
  };
}

export async function startBot(config: Config, options: BotOptions = {}): Promise<Bot> {
  if (!config.DISCORD_TOKEN) throw new Error('startBot needs DISCORD_TOKEN');
  const logger = options.logger ?? createLogger(config);
  const core = await createCore(config, logger, options);
  const { router, services } = core;
  const client = new Client(clientOptions(config));
  const actions = discordActions(client);
  const questionLimiter = createRateLimiter(RATE_LIMITS.heavy);

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (interaction.isChatInputCommand()) void router.command(commandContext(interaction, services, actions));
    else if (interaction.isMessageContextMenuCommand()) void router.messageCommand(messageCommandContext(interaction, services, actions));
    else if (interaction.isAutocomplete()) void router.autocomplete(autocompleteContext(interaction, services));
    else if (interaction.isButton()) void router.component(componentContext(interaction, services, actions));
  });
  const links = createLinkReplier({ client, services });
  client.on(Events.MessageCreate, (message) => {
    if (!message.inGuild() || message.author.bot) return;
    if (message.channel.isThread()) void router.track(answerThreadMessage(message, { client, services, limiter: questionLimiter }));
    else if (config.MESSAGE_CONTENT_INTENT) void router.track(links.handle(message));
  });
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event) => logger.warn({ code: event.code }, 'gateway disconnected'));

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      logger.info({ inFlight: router.inFlight }, 'stopping');
      // Schedulers first: no new polls or digests; the ones in flight finish (bounded) before the database closes.
      // The recompute of old analyses ends after its article in flight, not after its backlog.
      const schedulersIdle = Promise.all([core.feeds.stop(), core.digests.stop(), core.articlesFolder.stop(), core.reanalysis.stop()]);
      const drained = await router.drain(DRAIN_TIMEOUT_MS);
      await Promise.race([schedulersIdle, new Promise((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS).unref())]);
      if (!drained) logger.warn({ inFlight: router.inFlight }, 'stopped with work still in flight');
      await client.destroy();
      await core.work.close();
      await core.stores.close();
      logger.info('stopped');
    })());

  try {
    const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(config.DISCORD_TOKEN);
    const readyClient = await ready;
    const applicationId = config.DISCORD_CLIENT_ID ?? readyClient.application.id;
    const target = { applicationId, ...(config.DISCORD_GUILD_ID && { guildId: config.DISCORD_GUILD_ID }) };
    try {
      const { registered, count } = await registerIfChanged(client.rest, target, core.commands, core.stores.state);
      logger.info({ registered, count, scope: target.guildId ? 'guild' : 'global' }, registered ? 'commands registered' : 'commands unchanged');
    } catch (err) {
      // The bot still answers the commands Discord already has; the next start tries again.
      logger.error({ err }, 'command registration failed');
    }
    // One feed poller and one digest scheduler per process (DISCORD.md: schedulers run once, not per shard).
    const poster = discordPoster(readyClient);
    core.feeds.start(poster);
    core.digests.start(poster);
    core.articlesFolder.start();
    // Analyses stored by an older ANALYSIS_VERSION, recomputed in the background (the quote rows /whosaid searches follow).
    core.reanalysis.start();
    logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'ready');
    setImmediate(() => {
      try {
        services.questions.warmUp();
      } catch (err) {
        logger.warn({ err }, 'Q&A warm-up failed; the first question will load it');
      }
    });
    return { client: readyClient, core, logger, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
