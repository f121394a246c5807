/** The contract of one `lede <name>` subcommand (one file per subcommand in src/cli/commands/). */
export interface CliIo {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: Record<string, string | undefined>;
}

export interface CliCommand {
  readonly name: string;
  /** One line for `lede help`. */
  readonly summary: string;
  /** Usage lines shown by `lede help <name>` and on a usage error. */
  readonly usage: string;
  /** Returns the process exit code: 0 ok, 1 failure, 2 usage error or capability not built. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Exit codes shared by every subcommand. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
