/**
 * The console refuses an over-long piped line without reading it into memory: a generated line of
 * tens of megabytes, then `/article list`, piped into the real `lede console`. The refusal is
 * printed, the next command is answered, and the process's peak memory (max RSS, measured by
 * /usr/bin/time) does not follow the line's length. The pipe's spent chunks are garbage that V8
 * collects only past its external-memory soft limit (64 MB), so the sizes are far enough apart
 * for that noise not to matter: measured 16 MB -> 160 MB, the fixed console grew 15-17 MB, the
 * old one 310 MB.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, expect, it } from 'vitest';
import { startConsole } from '../support/console-process';

const TIME = '/usr/bin/time';
const dir = mkdtempSync(join(tmpdir(), 'lede-longline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;

/** Pipe `megabytes` of one line (generated chunk by chunk, never stored) and `/article list` into `lede console`. */
async function consoleWithLongLine(megabytes: number): Promise<{ code: number | null; stdout: string; maxRssKb: number }> {
  const { child, stdout, stderr, exited } = startConsole({ DATABASE_PATH: join(dir, `lede-${megabytes}.db`), LOG_LEVEL: 'info' }, [TIME, '-f', 'max-rss-kb=%M']);
  const chunk = Buffer.alloc(256 * 1024, 'a');
  for (let sent = 0; sent < megabytes * MB; sent += chunk.length) {
    if (!child.stdin.write(chunk)) await once(child.stdin, 'drain');
  }
  child.stdin.end('\n/article list\n');
  const code = await exited;
  const rss = /max-rss-kb=(\d+)/.exec(stderr());
  if (!rss) throw new Error(`no RSS figure from ${TIME}: ${stderr()}`);
  return { code, stdout: stdout(), maxRssKb: Number(rss[1]) };
}

it.runIf(existsSync(TIME))('GIVEN a piped line of 16 MB and one of 160 MB THEN both refused, the next command answered, and peak memory grows by under 96 MB', async () => {
  const small = await consoleWithLongLine(16);
  const big = await consoleWithLongLine(160);
  // 144 MB more input: the old console kept the whole line as a string (twice over, while joining).
  expect(big.maxRssKb - small.maxRssKb).toBeLessThan(96 * 1024);
  for (const [r, mb] of [[small, 16], [big, 160]] as const) {
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`That line is ${(mb * MB).toLocaleString('en-US')} bytes long; the console reads lines of up to 20,000 characters, so it was skipped.\n`);
    expect(r.stdout).toContain("1. Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S");
  }
}, 120_000);
