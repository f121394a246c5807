/**
 * What a command sees when it runs: plain interfaces, implemented once for Discord
 * (src/discord/adapter.ts) and once for the console (src/cli/console-context.ts). Commands never
 * touch a discord.js interaction, so the same module answers in both places.
 */
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { DigestRuntime } from '../digest/runtime';
import type { FeedRuntime } from '../feeds/runtime';
import type { Library, QuestionAnswerer } from '../library';
import type { AutoSummaryStore, ThreadStore } from '../store';
import type { PermissionName } from './permissions';
import type { Reply } from './reply';

/** The core a command can reach: the library (articles + analyses), thread links, config, logs. */
export interface Services {
  readonly config: Config;
  readonly library: Library;
  /** Questions about an article (`/ask`, thread @mentions): one answerer, its index cache shared. */
  readonly questions: QuestionAnswerer;
  readonly threads: ThreadStore;
  /** The channels where posted article links get a summary and key quotes (`/autosummary`). */
  readonly autoSummary: AutoSummaryStore;
  readonly logger: Logger;
  /** Followed feeds (`/feed`); absent where feeds are not wired. */
  readonly feeds?: FeedRuntime;
  /** Daily digests (`/digest`); absent where digests are not wired. */
  readonly digests?: DigestRuntime;
}

export interface Attachment {
  readonly url: string;
  readonly name: string;
  /** Declared size in bytes. */
  readonly size: number;
  readonly contentType?: string;
  /** Console only: a local path given as `file:path`. */
  readonly localPath?: string;
}

/** Option values as the user gave them (already type-checked by Discord or by the console parser). */
export interface Options {
  readonly subcommand?: string;
  getString(name: string): string | undefined;
  getInteger(name: string): number | undefined;
  getBoolean(name: string): boolean | undefined;
  getAttachment(name: string): Attachment | undefined;
  /** A channel option: its id. */
  getChannelId(name: string): string | undefined;
}

export interface Invocation {
  /** 'discord' or 'console': for the rare reply that must differ (threads exist only on Discord). */
  readonly surface: 'discord' | 'console';
  /** The server; the console uses the pseudo server 'console'. */
  readonly guildId: string;
  readonly channelId: string;
  readonly user: { readonly id: string; readonly name: string };
  readonly services: Services;
  /** The bot's own permissions in this channel (Discord's app_permissions); undefined in the console. */
  readonly appPermissions?: bigint;
  /** True when used inside a thread (where no thread can be started). */
  readonly inThread?: boolean;
  /** The member's own permissions (Discord only; the console operator may do everything). */
  readonly memberPermissions?: bigint;
}

/** Discord-only actions; absent in the console. */
export interface DiscordActions {
  /** Start a public thread on a message; returns the thread id. */
  startThread(channelId: string, messageId: string, name: string, autoArchiveMinutes: 60 | 1440 | 4320 | 10080): Promise<{ id: string }>;
  /** Post a message in a channel or thread. */
  send(channelId: string, reply: Reply): Promise<{ id: string }>;
  /**
   * The permissions (names as Discord shows them) of `needed` the bot lacks in a channel of this
   * server; undefined when it is not a text or announcement channel of the server that the bot can
   * see (a thread, a forum, a voice channel, another server's channel).
   */
  missingIn(guildId: string, channelId: string, needed: ReadonlyArray<PermissionName>): Promise<string[] | undefined>;
}

export interface CommandContext extends Invocation {
  readonly commandName: string;
  readonly options: Options;
  /**
   * Acknowledge now and answer later (up to 15 minutes). Call it before anything that can take
   * more than about a second (fetching, analysing). The router also defers by itself after 1 s.
   */
  defer(options?: { ephemeral?: boolean }): Promise<void>;
  /** The answer: the first response, or the edit of a deferred one. */
  reply(reply: Reply): Promise<void>;
  /** An extra message after the answer. */
  followUp(reply: Reply): Promise<void>;
  readonly discord?: DiscordActions;
}

/** The message a message context-menu command was used on, as Discord gives it with the interaction. */
export interface TargetMessage {
  readonly id: string;
  readonly channelId: string;
  readonly authorId: string;
  /** Its text (given with the interaction: no privileged intent is needed). */
  readonly content: string;
  /** Its attached files, in message order. */
  readonly attachments: readonly Attachment[];
}

/** A message context-menu command's context: a command without options, and the message it targets. */
export interface MessageCommandContext extends CommandContext {
  readonly targetMessage: TargetMessage;
}

export interface AutocompleteContext extends Invocation {
  readonly commandName: string;
  readonly options: Options;
  /** The option being typed and its partial value. */
  readonly focused: { readonly name: string; readonly value: string };
}

export interface ComponentContext extends Invocation {
  readonly customId: string;
  /** The customId's parts after the prefix (see src/core/custom-id.ts). */
  readonly args: readonly string[];
  /** The message the button is on. */
  readonly messageId: string;
  /** Replace the message the button is on (paging). */
  update(reply: Reply): Promise<void>;
  /** Answer with a new message (usually ephemeral). */
  reply(reply: Reply): Promise<void>;
  /** Acknowledge now, answer later with reply(). */
  defer(options?: { ephemeral?: boolean }): Promise<void>;
  readonly discord?: DiscordActions;
}
