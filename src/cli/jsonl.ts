/**
 * The `--jsonl` batch mode shared by the subcommands (ARCHITECTURE.md): one JSON object per stdin
 * line in, one line out per non-blank line, in input order, written as soon as it is ready (waiting
 * for stdout to drain, so a slow reader bounds memory). A bad line becomes an `{"id","error"}` line
 * and the batch goes on.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { EXIT, type CliIo } from './types';

/** Longest `{"id","text"}` batch line accepted (characters): a larger one gets an error line, not a crash. */
export const MAX_JSONL_LINE = 5_000_000;

/**
 * Run a batch: `handle` turns one non-blank input line into one output line (without the newline)
 * and must not throw for bad input.
 */
export async function runJsonl(io: CliIo, handle: (line: string) => string | Promise<string>): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    if (!io.stdout.write(`${await handle(line)}\n`)) await new Promise<void>((resolve) => io.stdout.once('drain', () => resolve()));
  }
  return EXIT.ok;
}

/** The id of a parsed JSON value when it has a usable one (string or number), else null. */
export function jsonlId(raw: unknown): string | number | null {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? (raw as { id: unknown }).id : null;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

const TextLine = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

export type TextLine = z.infer<typeof TextLine>;

/**
 * One `{"id","text"}` line: the parsed record, or the finished error line to print for it
 * (`{"id":null,"error":"invalid JSON: ..."}`, or the id with `expected {"id","text"}: ...`).
 */
export function parseTextLine(line: string): { ok: true; value: TextLine } | { ok: false; out: string } {
  let raw: unknown;
  try {
    if (line.length > MAX_JSONL_LINE) throw new Error(`line longer than ${MAX_JSONL_LINE} characters`);
    raw = JSON.parse(line);
  } catch (err) {
    return { ok: false, out: JSON.stringify({ id: null, error: `invalid JSON: ${(err as Error).message}` }) };
  }
  const parsed = TextLine.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, out: JSON.stringify({ id: jsonlId(raw), error: `expected {"id","text"}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}` }) };
  }
  return { ok: true, value: parsed.data };
}
