import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import type { Command } from '../../src/core/command';
import type { Options, Services } from '../../src/core/context';
import { BotError } from '../../src/core/errors';
import { CommandLoadError, definitionsHash, loadCommands } from '../../src/core/loader';
import { createRateLimiter } from '../../src/core/rate-limit';
import { md } from '../../src/core/markdown';
import type { Reply } from '../../src/core/reply';
import { createRouter, type RoutedCommandContext } from '../../src/core/router';
import { UNEXPECTED } from '../../src/core/messages';

const services = { config: loadConfig({}), logger: pino({ level: 'silent' }) } as unknown as Services;
const noOptions: Options = {
  getString: () => undefined,
  getInteger: () => undefined,
  getBoolean: () => undefined,
  getAttachment: () => undefined,
  getChannelId: () => undefined,
};

/** A recording context: what the command and the router did, in order. */
function context(commandName: string, userId = 'u1') {
  const log: string[] = [];
  let responded = false;
  const ctx: RoutedCommandContext = {
    surface: 'console',
    guildId: 'g',
    channelId: 'c',
    user: { id: userId, name: 'n' },
    services,
    commandName,
    options: noOptions,
    defer: async () => {
      responded = true;
      log.push('defer');
    },
    reply: async (r: Reply) => {
      responded = true;
      log.push(`reply:${r.content}`);
    },
    followUp: async (r: Reply) => void log.push(`followUp:${r.content}`),
    respondError: async (r: Reply) => {
      responded = true;
      log.push(`error${r.ephemeral ? '(ephemeral)' : ''}:${r.content}`);
    },
    get responded() {
      return responded;
    },
  };
  return { ctx, log };
}

const command = (name: string, execute: Command['execute'], extra: Partial<Command> = {}): Command => ({
  data: { name, toJSON: () => ({ name, description: name }) },
  execute,
  ...extra,
});

describe('router', () => {
  it('GIVEN a command that throws a typed error THEN one ephemeral message with its words', async () => {
    const router = createRouter({ commands: [command('x', async () => { throw new BotError('GUILD_ONLY'); })], services });
    const { ctx, log } = context('x');
    await router.command(ctx);
    expect(log).toEqual(['error(ephemeral):Lede works inside servers; this command cannot be used in direct messages.']);
  });

  it('GIVEN a command with a bug THEN the generic message, and the router keeps working', async () => {
    const router = createRouter({
      commands: [command('bad', async () => { throw new TypeError('boom'); }), command('ok', async (c) => c.reply({ content: md`fine` }))],
      services,
    });
    const bad = context('bad');
    await router.command(bad.ctx);
    expect(bad.log).toEqual([`error(ephemeral):${UNEXPECTED}`]);
    const ok = context('ok');
    await router.command(ok.ctx);
    expect(ok.log).toEqual(['reply:fine']);
  });

  it('GIVEN a slow command THEN the router defers by itself before it answers', async () => {
    const router = createRouter({
      commands: [command('slow', async (c) => { await new Promise((r) => setTimeout(r, 60)); await c.reply({ content: md`done` }); })],
      services,
      autoDeferMs: 10,
    });
    const { ctx, log } = context('slow');
    await router.command(ctx);
    expect(log).toEqual(['defer', 'reply:done']);
  });

  it('GIVEN more commands than the bucket holds THEN RATE_LIMITED, per user', async () => {
    const router = createRouter({
      commands: [command('x', async (c) => c.reply({ content: md`ok` }))],
      services,
      rateLimits: { any: { capacity: 2, refillPerSecond: 0.001 }, heavy: { capacity: 1, refillPerSecond: 0.001 } },
    });
    const results: string[][] = [];
    for (const user of ['a', 'a', 'a', 'b']) {
      const { ctx, log } = context('x', user);
      await router.command(ctx);
      results.push(log);
    }
    expect(results.map((r) => r[0]!.slice(0, 20))).toEqual(['reply:ok', 'reply:ok', 'error(ephemeral):You', 'reply:ok']);
  });

  it('GIVEN drain THEN it waits for work in flight and refuses new work', async () => {
    let release!: () => void;
    const router = createRouter({
      commands: [command('wait', async (c) => { await new Promise<void>((r) => (release = r)); await c.reply({ content: md`finished` }); })],
      services,
    });
    const first = context('wait');
    const running = router.command(first.ctx);
    await new Promise((r) => setTimeout(r, 5));
    const draining = router.drain(1000);
    const late = context('wait');
    await router.command(late.ctx);
    expect(late.log).toEqual(['error(ephemeral):I am restarting right now. Please try again in a few seconds.']);
    release();
    expect(await draining).toBe(true);
    await running;
    expect(first.log).toEqual(['reply:finished']);
  });

  it('GIVEN autocomplete choices over the limits THEN at most 25, names cut to 100, overlong values dropped', async () => {
    const choices = [{ name: 'n'.repeat(150), value: 'v'.repeat(101) }, ...Array.from({ length: 30 }, (_, k) => ({ name: 'x'.repeat(120), value: `id${k}` }))];
    const router = createRouter({ commands: [command('x', async () => undefined, { autocomplete: () => choices })], services });
    let sent: readonly { name: string; value: string }[] = [];
    const { ctx } = context('x');
    await router.autocomplete({ ...ctx, focused: { name: 'article', value: '' }, respond: async (c) => void (sent = c) });
    expect(sent).toHaveLength(25);
    expect(sent[0]!.value).toBe('id0');
    expect(sent.every((c) => c.name.length <= 100)).toBe(true);
  });
});

describe('rate limiter', () => {
  it('GIVEN capacity 2 at 1/s THEN the third take waits ~1 s, and a second later it is free again', () => {
    const rl = createRateLimiter({ capacity: 2, refillPerSecond: 1 });
    expect([rl.take('a', 0), rl.take('a', 0), rl.take('a', 0)]).toEqual([0, 0, 1000]);
    expect(rl.take('a', 1000)).toBe(0);
  });
});

describe('command loader', () => {
  it('GIVEN the commands folder THEN /article is among the commands, names are unique, and the definition hash is stable', async () => {
    const commands = await loadCommands();
    const names = commands.map((c) => c.data.name);
    expect(names).toContain('article');
    expect(new Set(names).size).toBe(names.length);
    expect(definitionsHash(commands)).toBe(definitionsHash(await loadCommands()));
  });

  it('GIVEN a module without execute THEN the error names the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-cmds-'));
    try {
      writeFileSync(join(dir, 'broken.ts'), 'export default { data: { name: "broken", toJSON() { return {}; } } };\n');
      await expect(loadCommands(dir)).rejects.toThrow(new CommandLoadError('broken.ts', 'must `export default { data, execute } satisfies Command`'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
