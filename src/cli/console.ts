/**
 * The local console (`npm start` without DISCORD_TOKEN, or `lede console`): type slash commands as
 * in Discord and read the replies as text. Same command modules, router and library as the bot.
 * Reads stdin line by line whether or not it is a terminal, so `echo "/article list" | npm start`
 * works and ends (exit 0) at the end of input. Piped input is split by boundedLines, which skips an
 * over-long line without ever holding it; a terminal keeps readline's line editing. ARTICLES_DIR is
 * watched as the bot watches it: a file saved there while the console runs is in the next command.
 */
import { userInfo } from 'node:os';
import { createInterface, type Interface } from 'node:readline';
import type { Config } from '../config';
import { createCore, type Core, type CoreOptions } from '../core/root';
import { messageCommands, slashCommands, type AnyCommand } from '../core/command';
import { commandDefinitions } from '../core/loader';
import { createLogger } from '../core/logger';
import type { MarkdownTextStyle } from '../core/render/markdown-text';
import { boundedLines, type BoundedLine } from './bounded-lines';
import { consoleCommandContext, consoleComponentContext, type ConsoleSession } from './console-context';
import { ConsoleParseError, parseSlashLine, usageLines, type CommandDefinition } from './console-parse';
import { EXIT, type CliIo } from './types';

/** Longer lines are refused unread: Discord's own longest option is 6000 characters. */
export const MAX_LINE_CHARS = 20_000;

/** The answer to a line over MAX_LINE_CHARS (it has been skipped, not kept). */
export function lineTooLongMessage(bytes: number): string {
  return `That line is ${bytes.toLocaleString('en-US')} bytes long; the console reads lines of up to ${MAX_LINE_CHARS.toLocaleString('en-US')} characters, so it was skipped.`;
}

/**
 * The message context-menu commands, which need a message to right-click: named as Discord-only
 * (the console cannot run them, so they are neither parsed nor listed as commands here).
 */
export function discordOnlyLine(commands: readonly AnyCommand[]): string | undefined {
  const names = messageCommands(commands).map((c) => c.data.name);
  return names.length ? `On Discord only (right-click a message > Apps): ${names.join(', ')}.` : undefined;
}

export async function banner(core: Core, definitions: readonly CommandDefinition[]): Promise<string> {
  const total = (await core.library.list('console', 0, 1)).total;
  return [
    `Lede console: ${total} article${total === 1 ? '' : 's'} available. Type commands as in Discord, for example:`,
    ...definitions.flatMap((d) => usageLines(d).map((l) => `  ${l}`)),
    ...[discordOnlyLine(core.commands)].filter((l) => l !== undefined).map((l) => `  ${l}`),
    '  /help  lists the commands; /quit (or end of input) leaves.',
    'To run Lede on Discord instead: set DISCORD_TOKEN and DISCORD_CLIENT_ID in .env (see .env.example and the',
    'README section "Running the bot on Discord"), then run npm start again.',
  ].join('\n');
}

export async function runConsole(io: CliIo, config: Config, options: CoreOptions = {}): Promise<number> {
  // Logs go to stderr and only when something is wrong: stdout is the conversation.
  const quietLevel = config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace' || config.LOG_LEVEL === 'silent' ? config.LOG_LEVEL : 'error';
  const logger = createLogger({ LOG_LEVEL: quietLevel }, io.stderr);
  // One operator at the keyboard (or piping a script): the per-user rate limits protect a server's
  // members from one another and have no one to protect here.
  const core = await createCore(config, logger, { ...options, rateLimits: false });
  const definitions = commandDefinitions(slashCommands(core.commands)) as unknown as CommandDefinition[];
  let messageCounter = 0;
  const session: ConsoleSession = {
    services: core.services,
    user: { id: 'console', name: safeUserName() },
    write: (text) => io.stdout.write(text),
    buttons: [],
    nextMessageId: () => `console-message-${++messageCounter}`,
    style: terminalStyle(io),
  };
  const interactive = io.stdin.isTTY === true;
  // Started after the load createCore did: what changes from now on (the operator editing a file).
  core.articlesFolder.start();
  io.stdout.write(`${await banner(core, definitions)}\n`);
  const rl = interactive ? createInterface({ input: io.stdin, output: io.stdout, prompt: 'lede> ', terminal: true }) : undefined;
  const lines = rl ? terminalLines(rl) : boundedLines(io.stdin, MAX_LINE_CHARS);
  try {
    rl?.prompt();
    for await (const next of lines) {
      if (next.kind === 'too-long') {
        session.write(`${lineTooLongMessage(next.bytes)}\n`);
      } else {
        const line = next.text.trim();
        if (line === '/quit' || line === '/exit') break;
        await handleLine(line, core, definitions, session);
      }
      rl?.prompt();
    }
  } finally {
    rl?.close();
    await core.articlesFolder.stop();
    await core.router.drain(5000);
    await core.work.close();
    await core.stores.close();
  }
  return EXIT.ok;
}

async function handleLine(line: string, core: Core, definitions: readonly CommandDefinition[], session: ConsoleSession): Promise<void> {
  if (!line || line.startsWith('#')) return;
  if (line === '/help' || line === 'help') {
    session.write(`${[...definitions.flatMap((d) => usageLines(d)), ...[discordOnlyLine(core.commands)].filter((l) => l !== undefined)].join('\n')}\n`);
    return;
  }
  if (/^\d{1,2}$/.test(line)) {
    const button = session.buttons[Number(line) - 1];
    if (!button || !('customId' in button)) {
      session.write(`No button ${line} on the last reply.\n`);
      return;
    }
    await core.router.component(consoleComponentContext(session, button.customId));
    return;
  }
  try {
    const parsed = parseSlashLine(line, definitions);
    await core.router.command(consoleCommandContext(session, parsed));
  } catch (err) {
    if (err instanceof ConsoleParseError) session.write(`${err.message}\n`);
    else throw err;
  }
}

/** A person typing at a terminal: readline's lines, the same refusal past MAX_LINE_CHARS. */
async function* terminalLines(rl: Interface): AsyncGenerator<BoundedLine> {
  for await (const text of rl) {
    yield text.length > MAX_LINE_CHARS ? { kind: 'too-long', bytes: Buffer.byteLength(text) } : { kind: 'line', text };
  }
}

/**
 * Terminal styles (bold, italics, ...) only when a person reads stdout in a terminal that has them:
 * never into a pipe or file, and not when NO_COLOR is set (no-color.org) or TERM is "dumb".
 */
export function terminalStyle(io: Pick<CliIo, 'stdout' | 'env'>): MarkdownTextStyle {
  const tty = (io.stdout as { isTTY?: boolean }).isTTY === true;
  return tty && !io.env.NO_COLOR && io.env.TERM !== 'dumb' ? 'ansi' : 'plain';
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'operator';
  }
}
