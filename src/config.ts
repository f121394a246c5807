/**
 * The one environment schema. Every variable Lede reads is declared here, parsed once at start,
 * and handed to the rest of the program as a typed, frozen `Config`. `.env.example` lists exactly
 * these variables.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

/** `.env` lines such as `MAX_FETCH_BYTES=` mean "not set": a blank value falls back to the default. */
function blankIsUnset<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);
}

const booleanFlag = blankIsUnset(
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' }))
    .default('false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes'),
);

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const snowflake = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .refine((v) => v === undefined || /^\d{17,20}$/.test(v), {
    message: 'must be a Discord id (17 to 20 digits)',
  });

/** Discord asks bots to shard from 2,500 servers a shard; 100,000 shards is far past any bot. */
const MAX_SHARDS = 100_000;

/** How many shards the gateway splits into: Discord's recommendation (`auto`) or a fixed number. */
const shardCount = blankIsUnset(
  z
    .string()
    .trim()
    .toLowerCase()
    .default('auto')
    .transform((v, ctx): 'auto' | number => {
      if (v === 'auto') return v;
      const n = /^\d{1,6}$/.test(v) ? Number(v) : NaN;
      if (n >= 1 && n <= MAX_SHARDS) return n;
      ctx.addIssue({ code: 'custom', message: `must be 'auto' or a whole number of shards from 1 to ${MAX_SHARDS}` });
      return z.NEVER;
    }),
);

/** The shards this process runs, such as `0,1`: each a whole number, none twice. */
const shardIds = blankIsUnset(
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const parts = v.split(',').map((p) => p.trim());
      if (!parts.every((p) => /^\d{1,6}$/.test(p))) {
        ctx.addIssue({ code: 'custom', message: 'must be shard ids separated by commas, such as 0,1' });
        return z.NEVER;
      }
      const ids = parts.map(Number);
      const twice = ids.find((id, i) => ids.indexOf(id) !== i);
      if (twice !== undefined) {
        ctx.addIssue({ code: 'custom', message: `lists shard ${twice} twice` });
        return z.NEVER;
      }
      return Object.freeze(ids) as readonly number[];
    }),
);

/** A port number to listen on; unset (the default) means no server. */
const port = blankIsUnset(z.coerce.number().int().min(1).max(65_535).optional());

/** Where the operations server listens: an IP address or a host name, never a URL or a list. */
const host = blankIsUnset(
  z
    .string()
    .trim()
    .default('127.0.0.1')
    .refine((v) => isIP(v) !== 0 || /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(v), {
      message: 'must be an IP address or a host name, such as 127.0.0.1 or 0.0.0.0',
    }),
);

const schemaFields = z.object({
  DISCORD_TOKEN: optionalString,
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_URL: optionalString.refine(
    (v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v),
    { message: 'must be an http(s) URL such as http://127.0.0.1:8080/api' },
  ),
  DATABASE_PATH: blankIsUnset(z.string().trim().min(1).default('data/lede.db')),
  DATABASE_URL: optionalString.refine((v) => v === undefined || (/^postgres(ql)?:\/\/\S+$/.test(v) && URL.canParse(v)), {
    message: 'must be a PostgreSQL URL such as postgres://lede:secret@127.0.0.1:5432/lede (leave it empty to use the SQLite file DATABASE_PATH)',
  }),
  ARTICLES_DIR: blankIsUnset(z.string().trim().min(1).default('data/articles')),
  ALLOW_PRIVATE_URLS: booleanFlag,
  /**
   * Ask Discord for the privileged Message Content intent (also on in the Developer Portal, Bot page).
   * Off by default: Lede needs no privileged intent (menus get the message with the interaction, thread
   * questions arrive by @mention). On, it answers every message in article threads and offers
   * `/autosummary` (replies to article links posted in chosen channels), which must read what members post.
   */
  MESSAGE_CONTENT_INTENT: booleanFlag,
  LOG_LEVEL: blankIsUnset(
    z.string().trim().toLowerCase().pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])).default('info'),
  ),
  MAX_FETCH_BYTES: blankIsUnset(z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(5 * 1024 * 1024)),
  FETCH_TIMEOUT_MS: blankIsUnset(z.coerce.number().int().min(100).max(120_000).default(10_000)),
  /**
   * Days a feed item stays in a server's library (then it is pruned; member-added articles stay
   * until removed). A year: what a news server looks back on (MonitoRSS also remembers a feed's
   * items 12 months); at most ten years.
   */
  FEED_RETENTION_DAYS: blankIsUnset(z.coerce.number().int().min(1).max(3650).default(365)),
  /**
   * Feed items one server keeps; past it the oldest feed items are pruned as new ones arrive. 100,000:
   * 25 busy feeds (~10 items a day each) for a year with room to spare; it bounds the database of one
   * server, not what it can read (new items always get in).
   */
  MAX_FEED_ITEMS_PER_SERVER: blankIsUnset(z.coerce.number().int().min(1).max(10_000_000).default(100_000)),
  /**
   * Articles members of one server may add (feed items do not count); past it `/article add` is
   * refused with this number, never silently. 20,000: ten links a day for five years. Nothing else
   * bounds what members (or a script run by one) store, since member adds are never pruned.
   */
  MAX_MEMBER_ARTICLES_PER_SERVER: blankIsUnset(z.coerce.number().int().min(1).max(1_000_000).default(20_000)),
  /**
   * What this process does. `all` (the default): everything in one process, today's single bot.
   * `gateway`: the Discord connection for its shards (commands, the digests and feed announcements of
   * the servers on those shards). `worker`: feed polling and ingestion, writing announcements to the
   * outbox; it never connects to Discord, so it needs no token. Any number of each on one database.
   */
  LEDE_ROLE: blankIsUnset(z.string().trim().toLowerCase().pipe(z.enum(['all', 'gateway', 'worker'])).default('all')),
  /** Shards in all (`auto`: Discord's recommended count, every shard in this process). */
  SHARD_COUNT: shardCount,
  /** The shards this process runs (of a numeric SHARD_COUNT); unset: all of them. */
  SHARD_IDS: shardIds,
  /** Port of /healthz, /readyz and /metrics; unset: no server. */
  HTTP_PORT: port,
  /** Address the operations server binds: loopback unless the operator opens it on purpose. */
  HTTP_HOST: host,
  /**
   * Seconds a process holds a feed poll, a digest claim or an announcement before another may take
   * it over. A live holder renews well within it; a crashed one's work moves on after at most this
   * long. 30 s: a crash costs half a minute; 5 s at least, so a slow database round trip does not
   * lose a live lease; at most a minute, the hand-over the issue promises.
   */
  LEASE_SECONDS: blankIsUnset(z.coerce.number().int().min(5).max(60).default(30)),
  /**
   * Messages per second that digests and feed announcements take from Discord, all processes of the
   * bot together (one paced queue through the database). Discord allows a bot about 50 requests a
   * second in all; 40 leaves room for interaction replies and retries.
   */
  DISCORD_POSTS_PER_SECOND: blankIsUnset(z.coerce.number().int().min(1).max(50).default(40)),
});

/**
 * The schema with the checks that read two variables at once. Each issue names the variable to
 * change, as the single-variable messages do.
 */
export const envSchema = schemaFields.superRefine((env, ctx) => {
  if (env.LEDE_ROLE === 'gateway' && env.DISCORD_TOKEN === undefined) {
    ctx.addIssue({ code: 'custom', path: ['DISCORD_TOKEN'], message: 'is required with LEDE_ROLE=gateway (a gateway connects to Discord)' });
  }
  if (env.SHARD_IDS === undefined) return;
  if (env.SHARD_COUNT === 'auto') {
    ctx.addIssue({
      code: 'custom',
      path: ['SHARD_IDS'],
      message: "needs a numeric SHARD_COUNT (with SHARD_COUNT=auto Discord chooses the count, so shard ids cannot be named)",
    });
    return;
  }
  const count = env.SHARD_COUNT;
  const outside = env.SHARD_IDS.filter((id) => id >= count);
  if (outside.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['SHARD_IDS'],
      message: `shard ids run from 0 to ${count - 1} with SHARD_COUNT=${count}; ${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} out of range`,
    });
  }
});

export type Config = Readonly<z.output<typeof envSchema>>;

/** Where the stores live: the PostgreSQL server of DATABASE_URL when set, else the SQLite file DATABASE_PATH. */
export function storeTargetOf(config: Pick<Config, 'DATABASE_PATH' | 'DATABASE_URL'>): { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string } {
  return config.DATABASE_URL ? { kind: 'postgres', url: config.DATABASE_URL } : { kind: 'sqlite', path: config.DATABASE_PATH };
}

/**
 * The shard options of the discord.js client: `shards: 'auto'` (discord.js asks Discord how many and
 * runs them all), or the listed shards of a fixed count (all of them when SHARD_IDS is unset). A plain
 * object, so this floor needs no discord.js; it fits ClientOptions as it is.
 */
export function clientShardOptions(
  config: Pick<Config, 'SHARD_COUNT' | 'SHARD_IDS'>,
): { readonly shards: 'auto' } | { readonly shards: readonly number[]; readonly shardCount: number } {
  const filter = configuredShards(config);
  return filter === undefined ? { shards: 'auto' } : { shards: filter.ids, shardCount: filter.count };
}

/**
 * The shards this process runs, when the configuration fixes them (the store's ShardFilter shape);
 * undefined with SHARD_COUNT=auto, where only the connected client knows the count.
 */
export function configuredShards(config: Pick<Config, 'SHARD_COUNT' | 'SHARD_IDS'>): { readonly count: number; readonly ids: readonly number[] } | undefined {
  if (config.SHARD_COUNT === 'auto') return undefined;
  const count = config.SHARD_COUNT;
  return { count, ids: config.SHARD_IDS ?? Array.from({ length: count }, (_, i) => i) };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly details: string) {
    super(`Invalid configuration:\n${details}`);
  }
}

/** Parse an environment (default: process.env). Throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) throw new ConfigError(z.prettifyError(result.error));
  return Object.freeze(result.data);
}
