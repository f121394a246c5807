/**
 * A real `lede console` process for end-to-end tests: stdin a pipe the test writes command lines
 * into, stdout and stderr collected as they come. No Discord token, so `bin/lede.js console` runs
 * the local console over the database and folder `env` names.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface ConsoleProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** All stdout so far. */
  stdout(): string;
  /** All stderr so far. */
  stderr(): string;
  /** The exit code, once the process has closed. */
  readonly exited: Promise<number | null>;
}

/**
 * Start the console with `env` over the test's environment (DISCORD_TOKEN blank). `wrapper` runs it
 * under another command (`['/usr/bin/time', '-f', '...']` to read its peak memory).
 */
export function startConsole(env: Record<string, string>, wrapper: readonly string[] = []): ConsoleProcess {
  const command = [...wrapper, process.execPath, 'bin/lede.js', 'console'];
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env: { ...process.env, DISCORD_TOKEN: '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const exited = once(child, 'close').then(([code]) => code as number | null);
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}
