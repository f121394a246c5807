/**
 * The one command loader, shared by the bot, the console and `npm run deploy-commands`, so what is
 * registered can never drift from what runs. A malformed module is reported by file name.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { definitionKind, type AnyCommand } from './command';

export const COMMANDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'commands');

export class CommandLoadError extends Error {
  override readonly name = 'CommandLoadError';
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

function isCommand(value: unknown): value is AnyCommand {
  const c = value as Partial<AnyCommand> | undefined;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.data === 'object' &&
    c.data !== null &&
    typeof c.data.name === 'string' &&
    typeof c.data.toJSON === 'function' &&
    typeof c.execute === 'function'
  );
}

/** How a kind is named in errors. */
const KIND_LABEL = { slash: 'command name', message: 'message menu name' } as const;

/**
 * Every `*.ts`/`*.js` module in `dir` (files starting with '_' are helpers, not commands): slash
 * commands and message context-menu commands (definition type 3). Names are unique per kind (a
 * menu "Summarize" and a command "/summarize" could both exist); button prefixes across all.
 */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<AnyCommand[]> {
  const files = readdirSync(dir)
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .sort();
  const commands: AnyCommand[] = [];
  const names = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown };
    if (!isCommand(mod.default)) {
      throw new CommandLoadError(file, 'must `export default { data, execute } satisfies Command`');
    }
    const cmd = mod.default;
    const kind = definitionKind(cmd.data.toJSON());
    if (kind === 'user') throw new CommandLoadError(file, 'user context-menu commands are not supported (a command is a slash command or a message menu)');
    const key = `${kind}:${cmd.data.name}`;
    const other = names.get(key);
    if (other) throw new CommandLoadError(file, `${KIND_LABEL[kind]} "${cmd.data.name}" is already used by ${other}`);
    names.set(key, file);
    for (const prefix of Object.keys(('components' in cmd && cmd.components) || {})) {
      const owner = prefixes.get(prefix);
      if (owner) throw new CommandLoadError(file, `button prefix "${prefix}" is already used by ${owner}`);
      prefixes.set(prefix, file);
    }
    commands.push(cmd);
  }
  return commands;
}

/** The JSON bodies sent to Discord (one PUT replaces them all), in a stable order: slash commands, then message menus, each by name. */
export function commandDefinitions(commands: readonly AnyCommand[]): RESTPostAPIApplicationCommandsJSONBody[] {
  const keyed = commands.map((c) => {
    const definition = c.data.toJSON();
    return { definition, key: `${definitionKind(definition) === 'slash' ? 0 : 1}:${c.data.name}` };
  });
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((k) => k.definition);
}

/** A hash of the definitions: the bot re-registers only when it changes (a new menu changes it too). */
export function definitionsHash(commands: readonly AnyCommand[]): string {
  return createHash('sha256').update(JSON.stringify(commandDefinitions(commands))).digest('hex');
}
