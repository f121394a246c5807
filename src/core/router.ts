/**
 * The router: the single place where an interaction (from Discord or from the console) becomes a
 * command call, and the single error boundary. It checks the per-user rate limits, defers by itself
 * when a command has not answered within AUTO_DEFER_MS, turns every failure into one short
 * ephemeral message (src/core/messages.ts), and keeps count of work in flight so shutdown can
 * wait for it. Since every interaction passes here, it is also where each one's outcome and the time
 * to its first response are observed (for /metrics), through a plain callback.
 */
import type { Logger } from 'pino';
import { messageCommands, slashCommands, type AnyCommand, type Choice, type Command, type MessageCommand } from './command';
import type { AutocompleteContext, CommandContext, ComponentContext, MessageCommandContext, Services } from './context';
import { decodeCustomId } from './custom-id';
import { BotError } from './errors';
import { LIMITS, truncate } from './limits';
import { describeError } from './messages';
import { createRateLimiter, RATE_LIMITS, type RateLimitOptions } from './rate-limit';
import { trustedMarkdown } from './markdown';
import type { Reply } from './reply';

/** Discord allows 3 s for the first response; deferring at 1 s leaves room for a slow network. */
export const AUTO_DEFER_MS = 1000;
/** Autocomplete cannot be deferred: answer with no choices rather than miss Discord's 3 s. */
export const AUTOCOMPLETE_BUDGET_MS = 2000;

/** What the router needs beyond the command's view: to know whether it answered, and to fail. */
export interface Responding {
  /** True once a first response (reply or defer) went out. */
  readonly responded: boolean;
  /** Send an error the right way for the current state (ephemeral reply, or replace a deferral). */
  respondError(reply: Reply): Promise<void>;
}
export type RoutedCommandContext = CommandContext & Responding;
export type RoutedMessageCommandContext = MessageCommandContext & Responding;
export type RoutedComponentContext = ComponentContext & Responding;
export type RoutedAutocompleteContext = AutocompleteContext & { respond(choices: readonly Choice[]): Promise<void> };

/** What reached the router: a slash command, a message menu, a button, or autocomplete. */
export type InteractionKind = 'command' | 'menu' | 'component' | 'autocomplete';

/**
 * How an interaction ended. `ok`: it ran to the end. `refused`: an expected failure, explained to
 * the member (rate limit, stale button, article not found, database down...). `failed`: a bug, the
 * generic apology sent. `late`: autocomplete missed its budget and answered with no choices.
 */
export type InteractionOutcome = 'ok' | 'refused' | 'failed' | 'late';

/** One interaction, observed once when the router is done with it. */
export interface InteractionEvent {
  readonly kind: InteractionKind;
  /**
   * The command's name (slash command, menu, or the command autocompleted), or a button's custom-id
   * prefix; `unknown` for a name or prefix no command registers (stale, or forged), so the values
   * stay a small known set.
   */
  readonly command: string;
  readonly outcome: InteractionOutcome;
  /** The failure's stable code (RATE_LIMITED, STALE_BUTTON, UNEXPECTED...) when the outcome is not ok. */
  readonly code?: string;
  /**
   * Milliseconds from the router taking the interaction to the first response (defer, reply, update,
   * or autocomplete choices) completing; absent when none went out. Discord allows 3 s.
   */
  readonly firstResponseMs?: number;
}

/** Told of every interaction; must not throw (a throw is logged and ignored). */
export type InteractionObserver = (event: InteractionEvent) => void;

/** The name an event reports for a command or prefix no command registers. */
export const UNKNOWN_COMMAND = 'unknown';

export interface RouterOptions {
  readonly commands: readonly AnyCommand[];
  readonly services: Services;
  /** Per-user limits; `false` for a surface with one trusted operator (the console), which is never refused. */
  readonly rateLimits?: { readonly any: RateLimitOptions; readonly heavy: RateLimitOptions } | false;
  readonly autoDeferMs?: number;
  /** Called once per interaction with its outcome and first-response time (the composition root feeds /metrics). */
  readonly observe?: InteractionObserver;
}

export interface Router {
  readonly commands: ReadonlyMap<string, Command>;
  /** Message context-menu commands by name (their own namespace: names are unique per kind). */
  readonly messageCommands: ReadonlyMap<string, MessageCommand>;
  command(ctx: RoutedCommandContext): Promise<void>;
  /** A message context-menu command: the same rate limits, auto-defer and error boundary as a slash command. */
  messageCommand(ctx: RoutedMessageCommandContext): Promise<void>;
  autocomplete(ctx: RoutedAutocompleteContext): Promise<void>;
  component(ctx: RoutedComponentContext): Promise<void>;
  /** Count other work (thread answers) as in flight, so shutdown waits for it too. */
  track(work: Promise<void>): Promise<void>;
  /** Refuse new work from now on (SHUTTING_DOWN) and wait up to `timeoutMs` for work in flight. */
  drain(timeoutMs: number): Promise<boolean>;
  readonly inFlight: number;
}

export function createRouter(options: RouterOptions): Router {
  const { services } = options;
  const log: Logger = services.logger;
  const slash = slashCommands(options.commands);
  const commands = new Map(slash.map((c) => [c.data.name, c]));
  const menus = new Map(messageCommands(options.commands).map((c) => [c.data.name, c]));
  const components = new Map<string, (ctx: ComponentContext) => Promise<void>>();
  for (const c of slash) for (const [prefix, h] of Object.entries(c.components ?? {})) components.set(prefix, h);
  const limits = options.rateLimits === false ? undefined : (options.rateLimits ?? RATE_LIMITS);
  const anyLimit = limits && createRateLimiter(limits.any);
  const heavyLimit = limits && createRateLimiter(limits.heavy);
  const autoDeferMs = options.autoDeferMs ?? AUTO_DEFER_MS;
  let closing = false;
  const running = new Set<Promise<void>>();
  let idle: (() => void) | undefined;

  function report(event: InteractionEvent): void {
    if (!options.observe) return;
    try {
      options.observe(event);
    } catch (err) {
      log.warn({ err, command: event.command }, 'interaction observer failed');
    }
  }

  function track(work: Promise<void>): Promise<void> {
    running.add(work);
    return work.finally(() => {
      running.delete(work);
      if (running.size === 0) idle?.();
    });
  }

  /** Answer a failure; returns its code and whether it was expected (refused) or a bug (failed). */
  async function fail(ctx: Responding, err: unknown, context: Record<string, unknown>): Promise<{ code: string; expected: boolean }> {
    const { code, text, expected } = describeError(err);
    // An outage is expected (the member is told to retry) but the operator must see it.
    if (code === 'STORE_UNAVAILABLE') log.warn({ ...context, code, err }, 'database unavailable');
    else if (expected) log.info({ ...context, code }, 'command refused');
    else log.error({ ...context, err }, 'command failed');
    try {
      // The failure table's own words; the values it quotes are escaped there (messages.ts).
      await ctx.respondError({ content: trustedMarkdown(text), ephemeral: true });
    } catch (replyErr) {
      log.warn({ ...context, err: replyErr }, 'could not deliver the error message');
    }
    return { code, expected };
  }

  function checkRate(userId: string, heavy: boolean): void {
    if (!anyLimit || !heavyLimit) return;
    const wait = anyLimit.take(userId) || (heavy ? heavyLimit.take(userId) : 0);
    if (wait > 0) throw new BotError('RATE_LIMITED', { retryAfterMs: wait });
  }

  /** A slash command or a message menu: found by `find`, then the same checks for both. */
  async function runCommand<C extends RoutedCommandContext>(
    kind: 'command' | 'menu',
    routed: C,
    find: (name: string) => { heavy?: boolean | ((ctx: C) => boolean); execute(ctx: C): Promise<void> } | undefined,
  ): Promise<void> {
    const started = performance.now();
    const watched = watchFirstResponse(routed, COMMAND_ANSWERS, started);
    const ctx = watched.ctx;
    const context = { command: ctx.commandName, sub: ctx.options.subcommand, guild: ctx.guildId, user: ctx.user.id };
    const command = find(ctx.commandName) ? ctx.commandName : UNKNOWN_COMMAND;
    let ended: Pick<InteractionEvent, 'outcome' | 'code'> = { outcome: 'ok' };
    let timer: NodeJS.Timeout | undefined;
    try {
      if (closing) throw new BotError('SHUTTING_DOWN');
      if (!ctx.guildId) throw new BotError('GUILD_ONLY');
      const cmd = find(ctx.commandName);
      if (!cmd) throw new BotError('STALE_BUTTON');
      const heavy = typeof cmd.heavy === 'function' ? cmd.heavy(ctx) : cmd.heavy === true;
      checkRate(ctx.user.id, heavy);
      timer = setTimeout(() => {
        if (!ctx.responded) ctx.defer().catch((err: unknown) => log.warn({ ...context, err }, 'auto-defer failed'));
      }, autoDeferMs);
      await cmd.execute(ctx);
      log.debug({ ...context, ms: Math.round(performance.now() - started) }, 'command done');
    } catch (err) {
      ended = outcomeOf(await fail(ctx, err, { ...context, ms: Math.round(performance.now() - started) }));
    } finally {
      clearTimeout(timer);
    }
    report({ kind, command, ...ended, ...watched.firstResponse() });
  }

  async function runComponent(routed: RoutedComponentContext): Promise<void> {
    const watched = watchFirstResponse(routed, COMPONENT_ANSWERS, performance.now());
    const ctx = watched.ctx;
    const context = { customId: ctx.customId, guild: ctx.guildId, user: ctx.user.id };
    let command = UNKNOWN_COMMAND;
    let ended: Pick<InteractionEvent, 'outcome' | 'code'> = { outcome: 'ok' };
    try {
      const prefix = decodeCustomId(ctx.customId).prefix;
      const handler = components.get(prefix);
      if (handler) command = prefix;
      if (closing) throw new BotError('SHUTTING_DOWN');
      if (!handler || !ctx.guildId) throw new BotError('STALE_BUTTON');
      checkRate(ctx.user.id, false);
      await handler(ctx);
    } catch (err) {
      ended = outcomeOf(await fail(ctx, err, context));
    }
    report({ kind: 'component', command, ...ended, ...watched.firstResponse() });
  }

  async function runAutocomplete(ctx: RoutedAutocompleteContext): Promise<void> {
    const started = performance.now();
    let choices: readonly Choice[] = [];
    const cmd = commands.get(ctx.commandName);
    const command = cmd ? ctx.commandName : UNKNOWN_COMMAND;
    let ended: Pick<InteractionEvent, 'outcome' | 'code'> = { outcome: 'ok' };
    try {
      if (closing) ended = { outcome: 'refused', code: 'SHUTTING_DOWN' };
      else if (!ctx.guildId) ended = { outcome: 'refused', code: 'GUILD_ONLY' };
      else if (!cmd?.autocomplete) ended = { outcome: 'refused', code: 'STALE_BUTTON' };
      else {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<typeof LATE>((resolve) => {
          timer = setTimeout(() => resolve(LATE), AUTOCOMPLETE_BUDGET_MS);
        });
        const found = await Promise.race([Promise.resolve(cmd.autocomplete(ctx)), late]).finally(() => clearTimeout(timer));
        if (found === LATE) ended = { outcome: 'late', code: 'AUTOCOMPLETE_LATE' };
        else choices = found;
      }
    } catch (err) {
      ended = { outcome: 'failed', code: 'UNEXPECTED' };
      log.error({ err, command: ctx.commandName, option: ctx.focused.name }, 'autocomplete failed');
    }
    const fitted = choices
      .filter((c) => c.value.length > 0 && c.value.length <= LIMITS.choiceName)
      .slice(0, LIMITS.choices)
      .map((c) => ({ name: truncate(c.name, LIMITS.choiceName) || c.value, value: c.value }));
    let firstResponseMs: number | undefined;
    try {
      await ctx.respond(fitted);
      firstResponseMs = performance.now() - started;
    } catch (err) {
      log.warn({ err, command: ctx.commandName }, 'could not deliver autocomplete choices');
    }
    report({ kind: 'autocomplete', command, ...ended, ...(firstResponseMs !== undefined && { firstResponseMs }) });
  }

  return {
    commands,
    messageCommands: menus,
    track,
    command: (ctx) => track(runCommand('command', ctx, (name) => commands.get(name))),
    messageCommand: (ctx) => track(runCommand<RoutedMessageCommandContext>('menu', ctx, (name) => menus.get(name))),
    component: (ctx) => track(runComponent(ctx)),
    autocomplete: (ctx) => track(runAutocomplete(ctx)),
    async drain(timeoutMs) {
      closing = true;
      if (running.size === 0) return true;
      let timer: NodeJS.Timeout | undefined;
      const done = await Promise.race([
        new Promise<boolean>((resolve) => (idle = () => resolve(true))),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
      ]);
      clearTimeout(timer);
      return done;
    },
    get inFlight() {
      return running.size;
    },
  };
}

/** Autocomplete's budget ran out (told apart from a command that found no choices). */
const LATE = Symbol('late');

/** The calls that answer a command or a menu: whichever completes first is its first response. */
const COMMAND_ANSWERS = ['defer', 'reply', 'followUp', 'respondError'] as const;
/** The calls that answer a button. */
const COMPONENT_ANSWERS = ['defer', 'reply', 'update', 'respondError'] as const;

function outcomeOf(failure: { code: string; expected: boolean }): Pick<InteractionEvent, 'outcome' | 'code'> {
  return { outcome: failure.expected ? 'refused' : 'failed', code: failure.code };
}

/**
 * The same context, with its answering calls timed: the first one to complete marks the first
 * response. Completion, not the call, because Discord's 3 s run until the acknowledgement reaches
 * it, and a call that fails (an expired interaction) answered nothing. A Proxy rather than a copy:
 * the adapters' `responded` is a live getter, which a spread would freeze.
 */
function watchFirstResponse<C extends object>(
  ctx: C,
  answers: readonly string[],
  started: number,
): { ctx: C; firstResponse(): { firstResponseMs?: number } } {
  let at: number | undefined;
  const timed = new Map<PropertyKey, unknown>();
  const watched = new Proxy(ctx, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function' || typeof prop !== 'string' || !answers.includes(prop)) return value;
      let wrapped = timed.get(prop);
      if (wrapped === undefined) {
        wrapped = async (...args: unknown[]) => {
          const result: unknown = await (value as (...a: unknown[]) => unknown).apply(target, args);
          at ??= performance.now();
          return result;
        };
        timed.set(prop, wrapped);
      }
      return wrapped;
    },
  });
  return { ctx: watched, firstResponse: () => (at === undefined ? {} : { firstResponseMs: at - started }) };
}
