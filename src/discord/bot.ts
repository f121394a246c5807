/**
 * The Discord bot: the production entry point (`startBot(config)`, called by src/index.ts when
 * DISCORD_TOKEN is set). Fewest intents, no pings, REST base from DISCORD_API_URL, commands
 * registered when their definitions changed, and a graceful stop that finishes replies in flight
 * before closing the database.
 */
import { Client, Events, GatewayIntentBits, type ClientOptions, type Interaction } from 'discord.js';
import { clientShardOptions, type Config } from '../config';
import { createMetrics, readStores, serveOps, type Metrics, type OpsServer } from '../ops';
import type { ShardFilter } from '../store/ports';
import { discordPoster } from './digest-poster';
import { autocompleteContext, commandContext, componentContext, discordActions, messageCommandContext, NO_MENTIONS } from './adapter';
import { createCore, type Core, type CoreOptions } from '../core/root';
import { createLogger, type Logger } from '../core/logger';
import { createRateLimiter, RATE_LIMITS } from '../core/rate-limit';
import { registerIfChanged } from './register';
import { createLinkReplier } from './link-replies';
import { answerThreadMessage } from './thread-questions';

/**
 * How long a stop waits for replies in flight, and for the schedulers to hand back their leases,
 * before closing anyway: the whole stop stays within the 10 s an orchestrator gives a process
 * between SIGTERM and SIGKILL.
 */
export const DRAIN_TIMEOUT_MS = 8_000;

export interface Bot {
  readonly client: Client<true>;
  readonly core: Core;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** The shards this process runs (Discord's count and this process's ids, as the client logged in with them). */
  readonly shards: ShardFilter;
  /** /healthz, /readyz and /metrics, when HTTP_PORT is set. */
  readonly ops: OpsServer | undefined;
  /** Finish work in flight (bounded), disconnect, close the database. Idempotent. */
  stop(): Promise<void>;
}

export interface BotOptions extends CoreOptions {
  readonly logger?: Logger;
  readonly metrics?: Metrics;
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
  const shards = clientShardOptions(config);
  return {
    intents: intentsFor(config),
    allowedMentions: NO_MENTIONS,
    // SHARD_COUNT=auto asks Discord for its recommended count at login; SHARD_IDS runs only some shards.
    shards: shards.shards === 'auto' ? 'auto' : [...shards.shards],
    ...('shardCount' in shards && { shardCount: shards.shardCount }),
    ...(config.DISCORD_API_URL && { rest: { api: config.DISCORD_API_URL } }),
  };
}

/**
 * A discord.js Client for `config`. discord.js reads SHARD_COUNT from the environment itself (the
 * variable its ShardingManager sets for child processes) and refuses "auto"; Lede's own reading of
 * it is in the options, so the variable is hidden while the client is built.
 */
function newClient(config: Config): Client {
  const saved = process.env.SHARD_COUNT;
  delete process.env.SHARD_COUNT;
  try {
    return new Client(clientOptions(config));
  } finally {
    if (saved !== undefined) process.env.SHARD_COUNT = saved;
  }
}

export async function startBot(config: Config, options: BotOptions = {}): Promise<Bot> {
  if (!config.DISCORD_TOKEN) throw new Error('startBot needs DISCORD_TOKEN');
  if (config.LEDE_ROLE === 'worker') throw new Error('startBot runs LEDE_ROLE=all or gateway; a worker is started by startWorker');
  const role = config.LEDE_ROLE;
  const logger = options.logger ?? createLogger(config);
  const metrics = options.metrics ?? createMetrics({ role });
  const core = await createCore(config, logger, {
    ...options,
    role,
    observers: { interaction: metrics.interaction, feedPoll: metrics.feedPoll, digestRun: metrics.digestRun, announcement: (outcome) => metrics.announcement(outcome) },
  });
  const { router, services } = core;
  readStores(metrics, core.stores);
  const client = newClient(config);
  let ops: OpsServer | undefined;
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
      const deadline = Date.now() + DRAIN_TIMEOUT_MS;
      // Schedulers first: no new polls, digests or announcements; the ones in flight finish (bounded)
      // and their leases and claims are handed back, so another process takes them at once.
      // The recompute of old analyses ends after its article in flight, not after its backlog.
      const schedulersIdle = Promise.all([core.feeds.stop(), core.digests.stop(), core.articlesFolder.stop(), core.reanalysis.stop()]);
      const drained = await router.drain(DRAIN_TIMEOUT_MS);
      await Promise.race([schedulersIdle, new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())).unref())]);
      if (!drained) logger.warn({ inFlight: router.inFlight }, 'stopped with work still in flight');
      await ops?.close();
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
    // The shards as the client logged in with them (with 'auto', the count Discord recommended).
    const shards: ShardFilter = { count: readyClient.options.shardCount ?? 1, ids: [...((readyClient.options.shards as number[] | undefined) ?? [0])] };
    metrics.readShards(() => shards.ids);
    // Schedulers run once per process, not per shard (DISCORD.md). A gateway posts the digests and
    // feed announcements of the servers of its shards; feed polling is the workers' (or, with
    // LEDE_ROLE=all, this process's), and so are ARTICLES_DIR and the recompute of old analyses.
    const poster = discordPoster(readyClient);
    core.feeds.start({ poll: role === 'all', deliver: { poster, shards } });
    core.digests.start(poster, shards);
    if (role === 'all') {
      core.articlesFolder.start();
      // Analyses stored by an older ANALYSIS_VERSION, recomputed in the background (the quote rows /whosaid searches follow).
      core.reanalysis.start();
    }
    ops = await serveOps(config, {
      metrics,
      stores: core.stores,
      log: logger,
      gatewayReady: () => readyClient.isReady() && readyClient.ws.shards.every((s) => s.status === 0),
    });
    logger.info({ role, instance: core.instance, shards: shards.ids, shardCount: shards.count, user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'ready');
    setImmediate(() => {
      try {
        services.questions.warmUp();
      } catch (err) {
        logger.warn({ err }, 'Q&A warm-up failed; the first question will load it');
      }
    });
    return { client: readyClient, core, logger, metrics, shards, ops, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
