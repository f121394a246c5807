/**
 * Run a CLI subcommand against in-memory streams: what it wrote to stdout and stderr, and its exit
 * code. `stdin` is the text piped in (none at all when omitted).
 */
import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/types';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runWithIo(
  run: (io: CliIo) => Promise<number>,
  options: { stdin?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  const code = await run({ stdin, stdout, stderr, env: options.env ?? {} });
  return { code, out, err };
}
