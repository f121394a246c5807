/**
 * The console's implementation of the command contexts: the same commands and router as on
 * Discord, answering into a text stream. The operator is the pseudo user 'console' in the pseudo
 * server 'console' and may do everything (no member permissions apply).
 */
import type { Attachment, Options, Services } from '../core/context';
import type { Reply } from '../core/reply';
import type { Button } from '../core/reply';
import type { MarkdownTextStyle } from '../core/render/markdown-text';
import { renderReplyAsText } from '../core/render/text';
import type { RoutedCommandContext, RoutedComponentContext } from '../core/router';
import { decodeCustomId } from '../core/custom-id';
import { OPTION_TYPE, type ParsedLine } from './console-parse';

export const CONSOLE_GUILD = 'console';

export interface ConsoleSession {
  readonly services: Services;
  readonly user: { readonly id: string; readonly name: string };
  write(text: string): void;
  /** Buttons of the last reply, pressed by typing their number. */
  buttons: Button[];
  /** Message ids, so an `update` replaces "the message the button is on". */
  nextMessageId(): string;
  /** How markdown shows: terminal styles in an interactive terminal, plain text otherwise (default). */
  readonly style?: MarkdownTextStyle;
}

function show(session: ConsoleSession, reply: Reply): void {
  const { text, buttons } = renderReplyAsText(reply, { style: session.style ?? 'plain' });
  if (buttons.length) session.buttons = buttons;
  session.write(`${text}\n`);
}

function optionsOf(parsed: ParsedLine): Options {
  const value = (n: string) => parsed.values.get(n);
  return {
    ...(parsed.subcommand !== undefined && { subcommand: parsed.subcommand }),
    getString: (n) => (typeof value(n) === 'string' ? (value(n) as string) : undefined),
    getInteger: (n) => (typeof value(n) === 'number' ? (value(n) as number) : undefined),
    getBoolean: (n) => (typeof value(n) === 'boolean' ? (value(n) as boolean) : undefined),
    getChannelId: (n) => (parsed.types.get(n) === OPTION_TYPE.channel && value(n) !== undefined ? String(value(n)) : undefined),
    getAttachment: (n): Attachment | undefined => {
      if (parsed.types.get(n) !== OPTION_TYPE.attachment || value(n) === undefined) return undefined;
      const path = String(value(n));
      return { url: '', name: path, size: 0, localPath: path };
    },
  };
}

function base(session: ConsoleSession) {
  return { surface: 'console' as const, guildId: CONSOLE_GUILD, channelId: CONSOLE_GUILD, user: session.user, services: session.services };
}

/**
 * How a console context answers: every reply is shown at once, and `responded` turns true on the
 * first reply or defer (the router reads it to decide between reply and follow-up).
 */
function responder(session: ConsoleSession) {
  let responded = false;
  return {
    say: async (reply: Reply) => {
      responded = true;
      show(session, reply);
    },
    defer: async () => {
      responded = true;
    },
    get responded() {
      return responded;
    },
  };
}

export function consoleCommandContext(session: ConsoleSession, parsed: ParsedLine): RoutedCommandContext {
  const r = responder(session);
  return {
    ...base(session),
    commandName: parsed.command,
    options: optionsOf(parsed),
    defer: r.defer,
    reply: r.say,
    followUp: r.say,
    respondError: r.say,
    get responded() {
      return r.responded;
    },
  };
}

export function consoleComponentContext(session: ConsoleSession, customId: string): RoutedComponentContext {
  const r = responder(session);
  return {
    ...base(session),
    customId,
    args: decodeCustomId(customId).args,
    messageId: session.nextMessageId(),
    update: r.say,
    reply: r.say,
    defer: r.defer,
    respondError: r.say,
    get responded() {
      return r.responded;
    },
  };
}
