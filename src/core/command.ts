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
 */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { AutocompleteContext, CommandContext, ComponentContext } from './context';

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
