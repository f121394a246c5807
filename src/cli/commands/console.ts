import { ConfigError, loadConfig } from '../../config';
import { runConsole } from '../console';
import { EXIT, type CliCommand } from '../types';

export default {
  name: 'console',
  summary: 'Type slash commands as in Discord and read the replies here (no Discord needed)',
  usage: `lede console
  Reads commands such as "/article list" or "/article show article:venezuela" from the terminal,
  or line by line from stdin when it is not a terminal.`,
  async run(_args, io) {
    try {
      return await runConsole(io, loadConfig(io.env));
    } catch (err) {
      if (err instanceof ConfigError) {
        io.stderr.write(`${err.message}\n`);
        return EXIT.failure;
      }
      throw err;
    }
  },
} satisfies CliCommand;
