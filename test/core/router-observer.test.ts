/**
 * The router's observer: told once per interaction (command, menu, button, autocomplete) of its
 * outcome and the time to its first response. Timers and performance.now are faked, so the times
 * are exact: a command that answers after 250 ms reports 250.
 */
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config';
import type { Choice, Command, MessageCommand } from '../../src/core/command';
import type { Options, Services } from '../../src/core/context';
import { encodeCustomId } from '../../src/core/custom-id';
import { BotError } from '../../src/core/errors';
import { md } from '../../src/core/markdown';
import type { Reply } from '../../src/core/reply';
import {
  AUTOCOMPLETE_BUDGET_MS,
  createRouter,
  type InteractionEvent,
  type RoutedAutocompleteContext,
  type RoutedCommandContext,
  type RoutedComponentContext,
  type RoutedMessageCommandContext,
  type RouterOptions,
} from '../../src/core/router';

const services = { config: loadConfig({}), logger: pino({ level: 'silent' }) } as unknown as Services;
const noOptions: Options = {
  getString: () => undefined,
  getInteger: () => undefined,
  getBoolean: () => undefined,
  getAttachment: () => undefined,
  getChannelId: () => undefined,
};
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A context whose answers take `ackMs` to reach "Discord" (or fail, with `failing`), recording what
 * went out; `responded` turns true when an answer is sent, as the adapters do.
 */
function answering(log: string[], { ackMs = 0, failing = false } = {}) {
  let responded = false;
  const answer = (what: string) => async (r?: Reply) => {
    responded = true;
    if (ackMs > 0) await sleep(ackMs);
    if (failing) throw new Error('Unknown interaction');
    log.push(r ? `${what}:${r.content}` : what);
  };
  return {
    surface: 'console' as const,
    guildId: 'g',
    channelId: 'c',
    user: { id: 'u1', name: 'n' },
    services,
    defer: answer('defer'),
    reply: answer('reply'),
    followUp: answer('followUp'),
    update: answer('update'),
    respondError: answer('error'),
    get responded() {
      return responded;
    },
  };
}

function commandContext(commandName: string, log: string[], options?: { ackMs?: number; failing?: boolean }): RoutedCommandContext {
  return Object.assign(answering(log, options), { commandName, options: noOptions });
}

function componentContext(customId: string, log: string[]): RoutedComponentContext {
  return Object.assign(answering(log), { customId, args: [], messageId: 'm' });
}

function autocompleteContext(commandName: string, respond: (choices: readonly Choice[]) => Promise<void>): RoutedAutocompleteContext {
  return { ...answering([]), commandName, options: noOptions, focused: { name: 'article', value: 'a' }, respond };
}

const command = (name: string, execute: Command['execute'], extra: Partial<Command> = {}): Command => ({
  data: { name, toJSON: () => ({ name, description: name }) },
  execute,
  ...extra,
});

const menu = (name: string, execute: MessageCommand['execute']): MessageCommand => ({
  data: { name, toJSON: () => ({ name, type: 3 }) },
  execute,
});

/** A router whose events land in `events`. */
function observed(options: Omit<RouterOptions, 'services' | 'observe'>) {
  const events: InteractionEvent[] = [];
  const router = createRouter({ services, ...options, observe: (e) => events.push(e) });
  return { router, events };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Run `work` to its end while fake time moves on. */
async function settle(work: Promise<void>, ms = 5000): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await work;
}

describe('router observer', () => {
  it('GIVEN a command that answers after 250 ms THEN one ok event with a first response at 250 ms', async () => {
    const { router, events } = observed({
      commands: [command('x', async (c) => { await sleep(250); await c.reply({ content: md`done` }); })],
      autoDeferMs: 1000,
    });
    const log: string[] = [];
    await settle(router.command(commandContext('x', log)));
    expect(log).toEqual(['reply:done']);
    expect(events).toEqual([{ kind: 'command', command: 'x', outcome: 'ok', firstResponseMs: 250 }]);
  });

  it('GIVEN a slow command THEN the auto-defer is its first response, not the later reply', async () => {
    const { router, events } = observed({
      commands: [command('slow', async (c) => { await sleep(1800); await c.reply({ content: md`done` }); })],
      autoDeferMs: 1000,
    });
    const log: string[] = [];
    await settle(router.command(commandContext('slow', log)));
    expect(log).toEqual(['defer', 'reply:done']);
    expect(events).toEqual([{ kind: 'command', command: 'slow', outcome: 'ok', firstResponseMs: 1000 }]);
  });

  it('GIVEN an acknowledgement that takes 400 ms to reach Discord THEN the first response counts when it completes', async () => {
    const { router, events } = observed({ commands: [command('x', async (c) => c.reply({ content: md`hi` }))] });
    const log: string[] = [];
    await settle(router.command(commandContext('x', log, { ackMs: 400 })));
    expect(log).toEqual(['reply:hi']);
    expect(events).toEqual([{ kind: 'command', command: 'x', outcome: 'ok', firstResponseMs: 400 }]);
  });

  it.each([
    ['a typed error', () => new BotError('GUILD_ONLY'), 'refused', 'GUILD_ONLY'],
    ['a bug', () => new TypeError('boom'), 'failed', 'UNEXPECTED'],
  ] as const)('GIVEN a command that throws %s after 30 ms THEN %s with its code, the error message as first response', async (_, error, outcome, code) => {
    const { router, events } = observed({ commands: [command('x', async () => { await sleep(30); throw error(); })] });
    const log: string[] = [];
    await settle(router.command(commandContext('x', log)));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^error:/);
    expect(events).toEqual([{ kind: 'command', command: 'x', outcome, code, firstResponseMs: 30 }]);
  });

  it('GIVEN a command name no command registers THEN it is reported as unknown, not by the name received', async () => {
    const { router, events } = observed({ commands: [command('x', async () => undefined)] });
    await settle(router.command(commandContext('forged-name', [])));
    expect(events).toEqual([{ kind: 'command', command: 'unknown', outcome: 'refused', code: 'STALE_BUTTON', firstResponseMs: 0 }]);
  });

  it('GIVEN a member over the rate limit THEN the refused command is observed with RATE_LIMITED', async () => {
    const { router, events } = observed({
      commands: [command('x', async (c) => c.reply({ content: md`ok` }))],
      rateLimits: { any: { capacity: 1, refillPerSecond: 0.001 }, heavy: { capacity: 1, refillPerSecond: 0.001 } },
    });
    await settle(router.command(commandContext('x', [])));
    await settle(router.command(commandContext('x', [])));
    expect(events.map((e) => [e.outcome, e.code])).toEqual([['ok', undefined], ['refused', 'RATE_LIMITED']]);
  });

  it('GIVEN every answer failing (an expired interaction) THEN the event has no first response', async () => {
    const { router, events } = observed({ commands: [command('x', async (c) => c.reply({ content: md`hi` }))] });
    await settle(router.command(commandContext('x', [], { failing: true })));
    expect(events).toEqual([{ kind: 'command', command: 'x', outcome: 'failed', code: 'UNEXPECTED' }]);
  });

  it('GIVEN a message menu THEN its kind is menu', async () => {
    const { router, events } = observed({ commands: [menu('Summarize', async (c) => { await sleep(5); await c.reply({ content: md`s` }); })] });
    const ctx: RoutedMessageCommandContext = Object.assign(commandContext('Summarize', []), {
      targetMessage: { id: 'm', channelId: 'c', authorId: 'a', content: 'x', attachments: [] },
    });
    await settle(router.messageCommand(ctx));
    expect(events).toEqual([{ kind: 'menu', command: 'Summarize', outcome: 'ok', firstResponseMs: 5 }]);
  });

  it('GIVEN buttons THEN a registered prefix is reported by name and an unknown one as unknown', async () => {
    const { router, events } = observed({
      commands: [command('article', async () => undefined, { components: { page: async (c) => { await sleep(20); await c.update({ content: md`p2` }); } } })],
    });
    const log: string[] = [];
    await settle(router.component(componentContext(encodeCustomId('page', 2), log)));
    await settle(router.component(componentContext(encodeCustomId('gone', 1), log)));
    expect(log[0]).toBe('update:p2');
    expect(events).toEqual([
      { kind: 'component', command: 'page', outcome: 'ok', firstResponseMs: 20 },
      { kind: 'component', command: 'unknown', outcome: 'refused', code: 'STALE_BUTTON', firstResponseMs: 0 },
    ]);
  });

  it('GIVEN autocomplete THEN ok with the time the choices went out, late past the budget, failed on a bug', async () => {
    const { router, events } = observed({
      commands: [
        command('quick', async () => undefined, { autocomplete: async () => { await sleep(15); return [{ name: 'A', value: 'a' }]; } }),
        command('slow', async () => undefined, { autocomplete: async () => { await sleep(AUTOCOMPLETE_BUDGET_MS + 500); return [{ name: 'B', value: 'b' }]; } }),
        command('buggy', async () => undefined, { autocomplete: () => { throw new TypeError('boom'); } }),
        command('plain', async () => undefined),
      ],
    });
    const sent: (readonly Choice[])[] = [];
    const respond = async (c: readonly Choice[]) => void sent.push(c);
    for (const name of ['quick', 'slow', 'buggy', 'plain', 'nope']) await settle(router.autocomplete(autocompleteContext(name, respond)));
    expect(sent).toEqual([[{ name: 'A', value: 'a' }], [], [], [], []]);
    expect(events).toEqual([
      { kind: 'autocomplete', command: 'quick', outcome: 'ok', firstResponseMs: 15 },
      { kind: 'autocomplete', command: 'slow', outcome: 'late', code: 'AUTOCOMPLETE_LATE', firstResponseMs: AUTOCOMPLETE_BUDGET_MS },
      { kind: 'autocomplete', command: 'buggy', outcome: 'failed', code: 'UNEXPECTED', firstResponseMs: 0 },
      { kind: 'autocomplete', command: 'plain', outcome: 'refused', code: 'STALE_BUTTON', firstResponseMs: 0 },
      { kind: 'autocomplete', command: 'unknown', outcome: 'refused', code: 'STALE_BUTTON', firstResponseMs: 0 },
    ]);
  });

  it('GIVEN autocomplete choices that cannot be delivered THEN no first response is reported', async () => {
    const { router, events } = observed({ commands: [command('q', async () => undefined, { autocomplete: () => [] })] });
    await settle(router.autocomplete(autocompleteContext('q', async () => { throw new Error('Unknown interaction'); })));
    expect(events).toEqual([{ kind: 'autocomplete', command: 'q', outcome: 'ok' }]);
  });

  it('GIVEN the router draining THEN late interactions are observed as SHUTTING_DOWN, under their own names', async () => {
    const { router, events } = observed({
      commands: [command('x', async (c) => c.reply({ content: md`ok` }), { components: { page: async () => undefined } })],
    });
    await router.drain(10);
    await settle(router.command(commandContext('x', [])));
    await settle(router.autocomplete(autocompleteContext('x', async () => undefined)));
    await settle(router.component(componentContext(encodeCustomId('page', 1), [])));
    expect(events.map((e) => [e.kind, e.command, e.outcome, e.code])).toEqual([
      ['command', 'x', 'refused', 'SHUTTING_DOWN'],
      ['autocomplete', 'x', 'refused', 'SHUTTING_DOWN'],
      ['component', 'page', 'refused', 'SHUTTING_DOWN'],
    ]);
  });

  it('GIVEN an observer that throws THEN the member is still answered and the router goes on', async () => {
    const router = createRouter({
      services,
      commands: [command('x', async (c) => c.reply({ content: md`fine` }))],
      observe: () => {
        throw new Error('metrics broke');
      },
    });
    const first: string[] = [];
    const second: string[] = [];
    await settle(router.command(commandContext('x', first)));
    await settle(router.command(commandContext('x', second)));
    expect([first, second]).toEqual([['reply:fine'], ['reply:fine']]);
    expect(router.inFlight).toBe(0);
  });

  it('GIVEN the context a command sees THEN its responded getter stays live through the timing wrapper', async () => {
    const seen: boolean[] = [];
    const { router } = observed({
      commands: [command('x', async (c) => {
        seen.push((c as RoutedCommandContext).responded);
        await c.defer();
        seen.push((c as RoutedCommandContext).responded);
        await c.reply({ content: md`after` });
      })],
    });
    const log: string[] = [];
    await settle(router.command(commandContext('x', log)));
    expect(seen).toEqual([false, true]);
    expect(log).toEqual(['defer', 'reply:after']);
  });
});
