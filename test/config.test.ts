import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { clientShardOptions, ConfigError, configuredShards, envSchema, loadConfig, storeTargetOf } from '../src/config';

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
      LEDE_ROLE: 'all',
      SHARD_COUNT: 'auto',
      SHARD_IDS: undefined,
      HTTP_PORT: undefined,
      HTTP_HOST: '127.0.0.1',
      LEASE_SECONDS: 30,
      DISCORD_POSTS_PER_SECOND: 40,
    });
  });

  it('GIVEN every variable blank (a copied .env.example with empty values) THEN the defaults apply', () => {
    const blank = Object.fromEntries(
      ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'DATABASE_PATH', 'DATABASE_URL', 'ARTICLES_DIR',
        'ALLOW_PRIVATE_URLS', 'MESSAGE_CONTENT_INTENT', 'LOG_LEVEL', 'MAX_FETCH_BYTES', 'FETCH_TIMEOUT_MS',
        'FEED_RETENTION_DAYS', 'MAX_FEED_ITEMS_PER_SERVER', 'MAX_MEMBER_ARTICLES_PER_SERVER', 'LEDE_ROLE', 'SHARD_COUNT',
        'SHARD_IDS', 'HTTP_PORT', 'HTTP_HOST', 'LEASE_SECONDS', 'DISCORD_POSTS_PER_SECOND'].map((k) => [k, '  ']),
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
    ['LEDE_ROLE', 'Worker', 'worker'],
    ['LEDE_ROLE', 'all', 'all'],
    ['SHARD_COUNT', ' AUTO ', 'auto'],
    ['SHARD_COUNT', '16', 16],
    ['SHARD_COUNT', '100000', 100_000],
    ['HTTP_PORT', '9464', 9464],
    ['HTTP_HOST', '0.0.0.0', '0.0.0.0'],
    ['HTTP_HOST', '::1', '::1'],
    ['HTTP_HOST', 'metrics.internal', 'metrics.internal'],
    ['LEASE_SECONDS', '5', 5],
    ['LEASE_SECONDS', '60', 60],
    ['DISCORD_POSTS_PER_SECOND', '50', 50],
    ['DISCORD_POSTS_PER_SECOND', '1', 1],
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
    ['LEDE_ROLE', 'both', 'LEDE_ROLE'],
    ['SHARD_COUNT', '0', "must be 'auto' or a whole number of shards from 1 to 100000"],
    ['SHARD_COUNT', '100001', "must be 'auto' or a whole number of shards from 1 to 100000"],
    ['SHARD_COUNT', '2.5', "must be 'auto' or a whole number of shards from 1 to 100000"],
    ['SHARD_COUNT', 'many', "must be 'auto' or a whole number of shards from 1 to 100000"],
    ['SHARD_IDS', '0;1', 'must be shard ids separated by commas, such as 0,1'],
    ['SHARD_IDS', '-1', 'must be shard ids separated by commas, such as 0,1'],
    ['SHARD_IDS', '0,,1', 'must be shard ids separated by commas, such as 0,1'],
    ['HTTP_PORT', '0', 'HTTP_PORT'],
    ['HTTP_PORT', '65536', 'HTTP_PORT'],
    ['HTTP_PORT', 'http', 'HTTP_PORT'],
    ['HTTP_HOST', 'http://0.0.0.0', 'must be an IP address or a host name'],
    ['HTTP_HOST', '127.0.0.1:9464', 'must be an IP address or a host name'],
    ['LEASE_SECONDS', '4', 'LEASE_SECONDS'],
    ['LEASE_SECONDS', '61', 'LEASE_SECONDS'],
    ['DISCORD_POSTS_PER_SECOND', '0', 'DISCORD_POSTS_PER_SECOND'],
    ['DISCORD_POSTS_PER_SECOND', '51', 'DISCORD_POSTS_PER_SECOND'],
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

  it.each([
    [{ LEDE_ROLE: 'gateway' }, 'DISCORD_TOKEN', 'is required with LEDE_ROLE=gateway'],
    [{ SHARD_IDS: '0,1' }, 'SHARD_IDS', 'needs a numeric SHARD_COUNT'],
    [{ SHARD_COUNT: 'auto', SHARD_IDS: '0' }, 'SHARD_IDS', 'needs a numeric SHARD_COUNT'],
    [{ SHARD_COUNT: '4', SHARD_IDS: '3,4' }, 'SHARD_IDS', 'shard ids run from 0 to 3 with SHARD_COUNT=4; 4 is out of range'],
    [{ SHARD_COUNT: '2', SHARD_IDS: '5,0,7' }, 'SHARD_IDS', 'shard ids run from 0 to 1 with SHARD_COUNT=2; 5, 7 are out of range'],
    [{ SHARD_COUNT: '4', SHARD_IDS: '1,2,1' }, 'SHARD_IDS', 'lists shard 1 twice'],
  ])('GIVEN %j THEN a ConfigError at %s says %j', (env, name, fragment) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(`${fragment}`);
    expect(() => loadConfig(env)).toThrow(`at ${name}`);
  });

  it('GIVEN a role THEN only a gateway needs a token: a worker never connects, and all without one is the console', () => {
    expect(loadConfig({ LEDE_ROLE: 'worker' }).DISCORD_TOKEN).toBeUndefined();
    expect(loadConfig({ LEDE_ROLE: 'all' }).DISCORD_TOKEN).toBeUndefined();
    expect(loadConfig({ LEDE_ROLE: 'gateway', DISCORD_TOKEN: 't0ken' })).toMatchObject({ LEDE_ROLE: 'gateway', DISCORD_TOKEN: 't0ken' });
  });

  it.each([
    [{}, { shards: 'auto' }, undefined],
    [{ SHARD_COUNT: '4' }, { shards: [0, 1, 2, 3], shardCount: 4 }, { count: 4, ids: [0, 1, 2, 3] }],
    [{ SHARD_COUNT: '4', SHARD_IDS: ' 2, 3 ' }, { shards: [2, 3], shardCount: 4 }, { count: 4, ids: [2, 3] }],
    [{ SHARD_COUNT: '1' }, { shards: [0], shardCount: 1 }, { count: 1, ids: [0] }],
    [{ SHARD_COUNT: '8', SHARD_IDS: '7,0' }, { shards: [7, 0], shardCount: 8 }, { count: 8, ids: [7, 0] }],
  ])('GIVEN %j THEN the client runs %j and the process owns %j', (env, client, owned) => {
    const config = loadConfig(env);
    expect(clientShardOptions(config)).toEqual(client);
    expect(configuredShards(config)).toEqual(owned);
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
