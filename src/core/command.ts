/**
 * The command contract. One file per command in `commands/`:
 *
 *   export default {
 *     data: new SlashCommandBuilder().setName('summary').setDescription('...'),
 *     heavy: true,                         // counts against the per-user rate limit for heavy work
 *     async execute(ctx) { ... ctx.reply({ embeds: [...] }) },
 *     autocomplete: articleAutocomplete,   // optional
 *     components: { sumpage: async (ctx) => ... },  // optional: button prefixes this command owns
 *   } satisfies Command;
 *
 * A message context-menu command (right-click a message > Apps) is a file of its own too:
 *
 *   export default {
 *     data: new ContextMenuCommandBuilder().setName('Summarize').setType(ApplicationCommandType.Message),
 *     heavy: true,
 *     async execute(ctx) { ... ctx.targetMessage.content, ctx.targetMessage.attachments ... },
 *   } satisfies MessageCommand;
 *
 * Its name is what Discord shows in the menu (spaces and capitals allowed); names are unique per
 * kind, so a menu and a slash command never collide. It runs on Discord only: the console has no
 * messages to right-click, and lists these nowhere but in `/help`'s "on Discord only" line.
 */
import type {
  RESTPostAPIApplicationCommandsJSONBody,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { AutocompleteContext, CommandContext, ComponentContext, MessageCommandContext } from './context';

/** One autocomplete choice: name shown (≤100 chars), value sent back (≤100 chars). */
export interface Choice {
  readonly name: string;
  readonly value: string;
}

export interface Command {
  /** The definition registered with Discord (a SlashCommandBuilder or anything with toJSON()). */
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Heavy commands (fetching, analysing) share a tighter per-user rate limit. */
  readonly heavy?: boolean | ((ctx: CommandContext) => boolean);
  execute(ctx: CommandContext): Promise<void>;
  /** Suggestions for the focused option; must be fast (Discord waits at most 3 s). */
  autocomplete?(ctx: AutocompleteContext): Promise<readonly Choice[]> | readonly Choice[];
  /** Button handlers by customId prefix (unique across all commands). */
  readonly components?: Readonly<Record<string, (ctx: ComponentContext) => Promise<void>>>;
}

/** A message context-menu command: Discord gives it the message it was used on (`ctx.targetMessage`). */
export interface MessageCommand {
  /** The definition registered with Discord (a ContextMenuCommandBuilder of type Message). */
  readonly data: { readonly name: string; toJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody };
  readonly heavy?: boolean | ((ctx: MessageCommandContext) => boolean);
  execute(ctx: MessageCommandContext): Promise<void>;
}

/** Anything in `commands/`: a slash command or a message context-menu command. */
export type AnyCommand = Command | MessageCommand;

/**
 * The kind of a definition by Discord's ApplicationCommandType: 1 (or left out) a slash command,
 * 2 a user menu, 3 a message menu. Numbers, so the core loads nothing of discord.js at run time.
 */
export function definitionKind(definition: RESTPostAPIApplicationCommandsJSONBody): 'slash' | 'message' | 'user' {
  const type: number = definition.type ?? 1;
  return type === 3 ? 'message' : type === 2 ? 'user' : 'slash';
}

export function isMessageCommand(c: AnyCommand): c is MessageCommand {
  return definitionKind(c.data.toJSON()) === 'message';
}

/** The slash commands of a list (what the console parses and `/help` lists). */
export function slashCommands(commands: readonly AnyCommand[]): Command[] {
  return commands.filter((c): c is Command => !isMessageCommand(c));
}

/** The message context-menu commands of a list. */
export function messageCommands(commands: readonly AnyCommand[]): MessageCommand[] {
  return commands.filter(isMessageCommand);
}
