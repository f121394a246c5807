/**
 * The one environment schema. Every variable Lede reads is declared here, parsed once at start,
 * and handed to the rest of the program as a typed, frozen `Config`. `.env.example` lists exactly
 * these variables.
 */
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

export const envSchema = z.object({
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
});

export type Config = Readonly<z.output<typeof envSchema>>;

/** Where the stores live: the PostgreSQL server of DATABASE_URL when set, else the SQLite file DATABASE_PATH. */
export function storeTargetOf(config: Pick<Config, 'DATABASE_PATH' | 'DATABASE_URL'>): { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string } {
  return config.DATABASE_URL ? { kind: 'postgres', url: config.DATABASE_URL } : { kind: 'sqlite', path: config.DATABASE_PATH };
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
