import { EXIT, type CliCommand } from './types';

/** A subcommand whose capability does not exist yet: says so and exits 2, never prints fake output. */
export function notBuiltYet(name: string, summary: string, usage: string, capability: string): CliCommand {
  return {
    name,
    summary: `${summary} (not built yet)`,
    usage,
    async run(_args, io) {
      io.stderr.write(`lede ${name}: ${capability} is not built yet in this version of Lede.\n`);
      return EXIT.usage;
    },
  };
}
