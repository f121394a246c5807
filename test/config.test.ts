import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError, envSchema, loadConfig, storeTargetOf } from '../src/config';

describe('loadConfig', () => {
  it('GIVEN an empty environment THEN every default applies and no token means console mode', () => {
    expect(loadConfig({})).toEqual({
      DISCORD_TOKEN: undefined,
      DISCORD_CLIENT_ID: undefined,
      DISCORD_GUILD_ID: undefined,
      DISCORD_API_URL: undefined,
      DATABASE_PATH: 'data/lede.db',
      DATABASE_URL: undefined,
      ARTICLES_DIR: 'data/articles',
      ALLOW_PRIVATE_URLS: false,
      MESSAGE_CONTENT_INTENT: false,
      LOG_LEVEL: 'info',
      MAX_FETCH_BYTES: 5 * 1024 * 1024,
      FETCH_TIMEOUT_MS: 10_000,
      FEED_RETENTION_DAYS: 365,
      MAX_FEED_ITEMS_PER_SERVER: 100_000,
      MAX_MEMBER_ARTICLES_PER_SERVER: 20_000,
    });
  });

  it('GIVEN every variable blank (a copied .env.example with empty values) THEN the defaults apply', () => {
    const blank = Object.fromEntries(
      ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'DATABASE_PATH', 'DATABASE_URL', 'ARTICLES_DIR',
        'ALLOW_PRIVATE_URLS', 'MESSAGE_CONTENT_INTENT', 'LOG_LEVEL', 'MAX_FETCH_BYTES', 'FETCH_TIMEOUT_MS',
        'FEED_RETENTION_DAYS', 'MAX_FEED_ITEMS_PER_SERVER', 'MAX_MEMBER_ARTICLES_PER_SERVER'].map((k) => [k, '  ']),
    );
    expect(loadConfig(blank)).toEqual(loadConfig({}));
  });

  it.each([
    ['ALLOW_PRIVATE_URLS', 'TRUE', true],
    ['ALLOW_PRIVATE_URLS', 'yes', true],
    ['ALLOW_PRIVATE_URLS', '0', false],
    ['MESSAGE_CONTENT_INTENT', 'true', true],
    ['LOG_LEVEL', 'DEBUG', 'debug'],
    ['MAX_FETCH_BYTES', '2048', 2048],
    ['FETCH_TIMEOUT_MS', ' 500 ', 500],
    ['DISCORD_GUILD_ID', '123456789012345678', '123456789012345678'],
    ['DATABASE_URL', 'postgres://lede:pw@127.0.0.1:5432/lede', 'postgres://lede:pw@127.0.0.1:5432/lede'],
    ['FEED_RETENTION_DAYS', '30', 30],
    ['MAX_FEED_ITEMS_PER_SERVER', '250000', 250_000],
    ['MAX_MEMBER_ARTICLES_PER_SERVER', '1', 1],
  ])('GIVEN %s=%j THEN it parses to %j', (name, value, expected) => {
    expect(loadConfig({ [name]: value })[name as keyof ReturnType<typeof loadConfig>]).toBe(expected);
  });

  it.each([
    ['ALLOW_PRIVATE_URLS', 'maybe', 'must be true or false'],
    ['MAX_FETCH_BYTES', '12', 'MAX_FETCH_BYTES'],
    ['MAX_FETCH_BYTES', 'five', 'MAX_FETCH_BYTES'],
    ['FETCH_TIMEOUT_MS', '999999999', 'FETCH_TIMEOUT_MS'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL'],
    ['DISCORD_CLIENT_ID', 'my-app', 'must be a Discord id'],
    ['DISCORD_API_URL', 'ftp://x', 'must be an http(s) URL'],
    ['DATABASE_URL', 'mysql://db/lede', 'must be a PostgreSQL URL'],
    ['DATABASE_URL', 'postgres://', 'must be a PostgreSQL URL'],
    ['FEED_RETENTION_DAYS', '0', 'FEED_RETENTION_DAYS'],
    ['FEED_RETENTION_DAYS', '1.5', 'FEED_RETENTION_DAYS'],
    ['MAX_FEED_ITEMS_PER_SERVER', '0', 'MAX_FEED_ITEMS_PER_SERVER'],
    ['MAX_MEMBER_ARTICLES_PER_SERVER', 'lots', 'MAX_MEMBER_ARTICLES_PER_SERVER'],
  ])('GIVEN %s=%j THEN a ConfigError names the problem', (name, value, fragment) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(name);
    expect((error as ConfigError).message).toContain(fragment);
  });

  it('GIVEN DATABASE_URL THEN the stores go to PostgreSQL, else to the SQLite file', () => {
    expect(storeTargetOf(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }))).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
    expect(storeTargetOf(loadConfig({ DATABASE_PATH: '/x/l.db' }))).toEqual({ kind: 'sqlite', path: '/x/l.db' });
  });

  it('GIVEN .env.example THEN it lists exactly the variables of the schema', () => {
    const listed = readFileSync(new URL('../.env.example', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => l.slice(0, l.indexOf('=')));
    expect(listed.sort()).toEqual(Object.keys(envSchema.shape).sort());
  });
});
