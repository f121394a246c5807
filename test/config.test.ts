import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('GIVEN an empty environment THEN every default applies and no token means console mode', () => {
    expect(loadConfig({})).toEqual({
      DISCORD_TOKEN: undefined,
      DISCORD_CLIENT_ID: undefined,
      DISCORD_GUILD_ID: undefined,
      DISCORD_API_URL: undefined,
      DATABASE_PATH: 'data/lede.db',
      ARTICLES_DIR: 'data/articles',
      ALLOW_PRIVATE_URLS: false,
      MESSAGE_CONTENT_INTENT: false,
      LOG_LEVEL: 'info',
      MAX_FETCH_BYTES: 5 * 1024 * 1024,
      FETCH_TIMEOUT_MS: 10_000,
    });
  });

  it('GIVEN every variable blank (a copied .env.example with empty values) THEN the defaults apply', () => {
    const blank = Object.fromEntries(
      ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'DATABASE_PATH', 'ARTICLES_DIR',
        'ALLOW_PRIVATE_URLS', 'MESSAGE_CONTENT_INTENT', 'LOG_LEVEL', 'MAX_FETCH_BYTES', 'FETCH_TIMEOUT_MS'].map((k) => [k, '  ']),
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
});
