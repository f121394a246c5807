/**
 * The one command loader, shared by the bot, the console and `npm run deploy-commands`, so what is
 * registered can never drift from what runs. A malformed module is reported by file name.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Command } from './command';

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

function isCommand(value: unknown): value is Command {
  const c = value as Partial<Command> | undefined;
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

/** Every `*.ts`/`*.js` module in `dir` (files starting with '_' are helpers, not commands). */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Command[]> {
  const files = readdirSync(dir)
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .sort();
  const commands: Command[] = [];
  const names = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown };
    if (!isCommand(mod.default)) {
      throw new CommandLoadError(file, 'must `export default { data, execute } satisfies Command`');
    }
    const cmd = mod.default;
    const other = names.get(cmd.data.name);
    if (other) throw new CommandLoadError(file, `command name "${cmd.data.name}" is already used by ${other}`);
    names.set(cmd.data.name, file);
    for (const prefix of Object.keys(cmd.components ?? {})) {
      const owner = prefixes.get(prefix);
      if (owner) throw new CommandLoadError(file, `button prefix "${prefix}" is already used by ${owner}`);
      prefixes.set(prefix, file);
    }
    commands.push(cmd);
  }
  return commands;
}

/** The JSON bodies sent to Discord, in a stable order. */
export function commandDefinitions(commands: readonly Command[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [...commands].sort((a, b) => (a.data.name < b.data.name ? -1 : 1)).map((c) => c.data.toJSON());
}

/** A hash of the definitions: the bot re-registers only when it changes. */
export function definitionsHash(commands: readonly Command[]): string {
  return createHash('sha256').update(JSON.stringify(commandDefinitions(commands))).digest('hex');
}
