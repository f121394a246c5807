/**
 * Structured logs (pino) that never contain a token: the bot token is redacted by path, and
 * interaction/webhook tokens, which discord.js puts in request URLs and error messages, are scrubbed
 * from every serialized error.
 */
import { pino, type Logger } from 'pino';
import type { Config } from '../config';

/** Request paths that carry a secret: /interactions/{id}/{token}/..., /webhooks/{app}/{token}/... */
const TOKEN_IN_PATH = /(\/(?:interactions|webhooks)\/\d+\/)[A-Za-z0-9_.~%-]+/g;
/** A bot token (three base64url parts joined by dots), wherever it appears. */
const BOT_TOKEN = /[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}/g;

export function scrubSecrets(text: string): string {
  return text.replace(TOKEN_IN_PATH, '$1[token]').replace(BOT_TOKEN, '[token]');
}

function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const e = err as Error & { code?: unknown; status?: unknown; url?: unknown; method?: unknown };
  return {
    type: err.name,
    message: scrubSecrets(err.message),
    ...(e.code !== undefined && { code: e.code }),
    ...(typeof e.status === 'number' && { status: e.status }),
    ...(typeof e.method === 'string' && { method: e.method }),
    ...(typeof e.url === 'string' && { url: scrubSecrets(e.url) }),
    ...(err.stack && { stack: scrubSecrets(err.stack) }),
  };
}

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      name: 'lede',
      level: config.LOG_LEVEL,
      redact: { paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'], censor: '[token]' },
      serializers: { err: serializeError, error: serializeError },
    },
    destination as pino.DestinationStream | undefined,
  );
}

export type { Logger };
