/**
 * The real bot as `npm start` runs it: `node bin/start.js` in a process of its own (its worker pool
 * inside it), with a deployment's environment, against a FakeDiscord on loopback in the bench's
 * process. What a bench reads from it: first-response times as the fake receives them, and the
 * process's resident memory from /proc (the bot's heap, its worker threads and native memory
 * such as SQLite's page cache, all together, as an operator's `ps` or container limit sees it).
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { FakeDiscord, SentInteraction } from '../test/support/fake-discord';
import { testEnv } from '../test/support/bot-harness';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** How long a start may take before the bench gives up on it (a 100,000-article database included). */
const START_TIMEOUT_MS = 120_000;

export interface Memory {
  /** Resident set size now (VmRSS), bytes. */
  readonly rss: number;
  /** The largest resident set size so far (VmHWM), bytes. */
  readonly peak: number;
}

export interface BotProcess {
  readonly pid: number;
  memory(): Memory;
  /** SIGTERM, as an operator stops it; resolves with the exit code (0 when it stopped cleanly). */
  stop(): Promise<number | null>;
}

/** Resident memory of process `pid` as the kernel counts it (Linux /proc). */
export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
    if (!m) throw new Error(`/proc/${pid}/status has no ${field} line`);
    return Number(m[1]) * 1024;
  };
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

export const mb = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

/**
 * Start the bot on `fake` with `env` over the test environment (DATABASE_PATH or DATABASE_URL, the
 * retention settings) and LOG_LEVEL info, the configuration's default; resolves once it logs
 * "ready" (connected and its commands registered).
 */
export async function startBotProcess(fake: FakeDiscord, dir: string, env: Record<string, string>): Promise<BotProcess> {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(process.execPath, ['bin/start.js'], {
    cwd: ROOT,
    env: { ...process.env, ...testEnv(fake, dir, { LOG_LEVEL: 'info', ...env }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The last lines only, for a failed start's message; the output is read so its pipe never fills.
  let tail: string[] = [];
  let ready = false;
  const onData = (d: Buffer): void => {
    const text = d.toString('utf8');
    if (text.includes('"msg":"ready"')) ready = true;
    tail = [...tail, ...text.split('\n').filter(Boolean)].slice(-20);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  let code: number | null | undefined;
  void exited.then((c) => (code = c));
  const t0 = Date.now();
  while (!ready) {
    if (code !== undefined) throw new Error(`the bot exited with code ${code} before it was ready:\n${tail.join('\n')}`);
    if (Date.now() - t0 > START_TIMEOUT_MS) {
      child.kill('SIGKILL');
      throw new Error(`the bot was not ready after ${START_TIMEOUT_MS / 1000} s:\n${tail.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const pid = child.pid!;
  return {
    pid,
    memory: () => memoryOf(pid),
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** `npx lede migrate` as an operator runs it before starting the bot on PostgreSQL (SQLite migrates at start). */
export async function migrateAsOperator(env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, ['bin/lede.js', 'migrate'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`lede migrate exited with code ${code}:\n${out}`);
}

let userSeq = 0;
/** A distinct member per interaction: the per-member rate limit stays on and is not what is measured. */
export const nextUser = (): { id: string; username: string } => ({ id: String(700000000000000000n + BigInt(++userSeq)), username: 'archive-reader' });

/** Milliseconds from the interaction's gateway frame to its first response arriving at the fake. */
export async function firstResponse(fake: FakeDiscord, sent: SentInteraction): Promise<{ ms: number; body: any }> {
  const cb = await fake.callback(sent, 30_000);
  return { ms: cb.hr - sent.sentHr, body: cb.body };
}
