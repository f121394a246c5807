/**
 * `lede <command> [args]`: the offline CLI over the same core as the bot. Each subcommand is one
 * module in ./commands/<name>.ts, imported only when it is asked for (fast start-up).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config';
import { DatabaseOpenError } from '../store/open-errors';
import { databaseOpenMessage } from './database-messages';
import { EXIT, type CliCommand, type CliIo } from './types';

const COMMANDS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'commands');

export function listCommandNames(): string[] {
  return readdirSync(COMMANDS_DIR)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
    .map((f) => f.slice(0, -3))
    .sort();
}

export async function loadCommand(name: string): Promise<CliCommand | undefined> {
  if (!/^[a-z][a-z-]*$/.test(name) || !listCommandNames().includes(name)) return undefined;
  const mod = (await import(`./commands/${name}.ts`)) as { default?: CliCommand };
  if (!mod.default || typeof mod.default.run !== 'function') {
    throw new Error(`src/cli/commands/${name}.ts does not export a default CliCommand`);
  }
  return mod.default;
}

async function help(io: CliIo, name?: string): Promise<number> {
  if (name) {
    const cmd = await loadCommand(name);
    if (!cmd) {
      io.stderr.write(`lede: unknown command "${name}". Run "lede help" for the list.\n`);
      return EXIT.usage;
    }
    io.stdout.write(`${cmd.summary}\n\n${cmd.usage}\n`);
    return EXIT.ok;
  }
  const lines = ['Lede: summaries, key quotes, who said what and answers, extracted verbatim from articles.', '', 'Commands:'];
  for (const n of listCommandNames()) {
    const cmd = await loadCommand(n);
    if (cmd) lines.push(`  ${n.padEnd(10)} ${cmd.summary}`);
  }
  lines.push('', 'Run "lede help <command>" for its options.');
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}

export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') return help(io, name === 'help' ? rest[0] : undefined);
  const cmd = await loadCommand(name);
  if (!cmd) {
    io.stderr.write(`lede: unknown command "${name}". Run "lede help" for the list.\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) return help(io, name);
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    // Any subcommand that opens the database reports an unusable file the same way, in one line.
    if (err instanceof DatabaseOpenError) {
      io.stderr.write(`${databaseOpenMessage(err)}\n`);
      return EXIT.failure;
    }
    // A bad setting reads the same from every subcommand that loads the configuration.
    if (err instanceof ConfigError) {
      io.stderr.write(`lede ${name}: ${err.message}\n`);
      return EXIT.failure;
    }
    throw err;
  }
}

function defaultIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}
