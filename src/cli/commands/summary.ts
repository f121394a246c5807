/**
 * `lede summary <file|url|-> [--sentences N] [--json]`: the extractive summary of one article.
 * `lede summary --jsonl [--sentences N]`: batch mode; one `{"id","text"}` per stdin line in, one
 * `{"id","summary":[...]}` per line out, in input order, streamed; a bad line gets `{"id","error"}`
 * and the batch goes on.
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { DEFAULT_SENTENCES, MAX_SENTENCES, MIN_SENTENCES, summarize, type SummaryResult } from '../../nlp/summarize';
import { EXIT, type CliCommand, type CliIo } from '../types';

const USAGE = `lede summary <file|url|-> [--sentences N] [--json]
lede summary --jsonl [--sentences N]

  --sentences N   how many sentences (${MIN_SENTENCES}-${MAX_SENTENCES}, default ${DEFAULT_SENTENCES})
  --json          print the summary as JSON (sentences with their spans, keywords, reduction)
  --jsonl         batch: {"id","text"} lines on stdin -> {"id","summary":[...]} lines on stdout`;

/** Longest batch line accepted (characters): a larger one gets an error line, not a crash. */
const MAX_JSONL_LINE = 5_000_000;

interface Options {
  source?: string;
  sentences: number;
  json: boolean;
  jsonl: boolean;
}

type Parsed = { ok: true; options: Options } | { ok: false; message: string };

export function parseSummaryArgs(args: readonly string[]): Parsed {
  const options: Options = { sentences: DEFAULT_SENTENCES, json: false, jsonl: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') options.json = true;
    else if (a === '--jsonl') options.jsonl = true;
    else if (a === '--sentences' || a.startsWith('--sentences=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      const n = Number(value);
      if (value === undefined || !Number.isInteger(n) || n < MIN_SENTENCES || n > MAX_SENTENCES) {
        return { ok: false, message: `--sentences takes a whole number from ${MIN_SENTENCES} to ${MAX_SENTENCES}` };
      }
      options.sentences = n;
    } else if (a.startsWith('--')) return { ok: false, message: `unknown option ${a}` };
    else if (options.source === undefined) options.source = a;
    else return { ok: false, message: `one source only (got "${options.source}" and "${a}")` };
  }
  if (options.jsonl && options.source !== undefined) return { ok: false, message: '--jsonl reads stdin: give no source' };
  if (!options.jsonl && options.source === undefined) return { ok: false, message: 'give a file, a URL or - for stdin' };
  return { ok: true, options };
}

const JsonlInput = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

/** One batch line -> one output line (never throws). */
export function summarizeJsonlLine(line: string, sentences: number): string {
  let raw: unknown;
  try {
    if (line.length > MAX_JSONL_LINE) throw new Error(`line longer than ${MAX_JSONL_LINE} characters`);
    raw = JSON.parse(line);
  } catch (err) {
    return JSON.stringify({ id: null, error: `invalid JSON: ${(err as Error).message}` });
  }
  const parsed = JsonlInput.safeParse(raw);
  if (!parsed.success) {
    const id = typeof raw === 'object' && raw !== null && 'id' in raw ? (raw as { id: unknown }).id : null;
    return JSON.stringify({ id: typeof id === 'string' || typeof id === 'number' ? id : null, error: `expected {"id","text"}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}` });
  }
  const result = summarize(parsed.data.text, { sentences });
  return JSON.stringify({ id: parsed.data.id, summary: result.sentences.map((s) => s.text) });
}

async function runJsonl(io: CliIo, sentences: number): Promise<number> {
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    io.stdout.write(summarizeJsonlLine(line, sentences) + '\n');
  }
  return EXIT.ok;
}

interface Loaded {
  title?: string;
  text: string;
  source: string;
  url?: string;
}

async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Load through the article loader (src/article) when this build has it: it fetches URLs safely,
 * extracts HTML and separates title and boilerplate. Without it, files and stdin are read as plain
 * text with a leading one-line heading taken as the title.
 */
async function loadSource(source: string, io: CliIo): Promise<Loaded> {
  const loaderPath = '../../article/index';
  const mod = (await import(/* @vite-ignore */ loaderPath).catch(() => undefined)) as
    | { loadArticle?: (source: string, opts?: unknown) => Promise<unknown> }
    | undefined;
  if (mod && typeof mod.loadArticle === 'function') {
    const stdinText = source === '-' ? await readStdin(io) : undefined;
    const article = (await mod.loadArticle(source, stdinText !== undefined ? { text: stdinText } : undefined)) as Partial<Loaded>;
    if (article && typeof article.text === 'string') {
      return { title: article.title, text: article.text, source: article.source ?? source, url: article.url };
    }
  }
  if (/^https?:\/\//i.test(source)) throw new Error('loading URLs needs the article loader, which this build does not have');
  const raw = source === '-' ? await readStdin(io) : await readFile(source, 'utf8');
  return { ...splitHeading(raw), source };
}

/** A first line that is short and has no final punctuation, followed by a body, is a title. */
function splitHeading(raw: string): { title?: string; text: string } {
  const text = raw.replace(/^\uFEFF/, '');
  const m = /^[ \t]*([^\n]{1,150})\n[ \t]*\n/.exec(text);
  if (m && !/[.!?:;,"'\u201D]\s*$/.test(m[1]!)) return { title: m[1]!.trim(), text: text.slice(m[0].length) };
  return { text };
}

function render(loaded: Loaded, result: SummaryResult, sentences: number): string {
  const lines: string[] = [];
  if (loaded.title) lines.push(loaded.title, '');
  if (result.tooShort) {
    lines.push(`Too short to summarize: a ${sentences}-sentence summary would not leave anything out.`);
  } else {
    result.sentences.forEach((s, i) => lines.push(`${i + 1}. ${s.text.replace(/\s+/g, ' ')}`));
    lines.push('', `Reduced by ${result.reducedByPercent}% (sentences quoted verbatim from ${loaded.url ?? loaded.source}).`);
  }
  if (result.keywords.length > 0) lines.push(`Keywords: ${result.keywords.join(', ')}`);
  return lines.join('\n') + '\n';
}

const command: CliCommand = {
  name: 'summary',
  summary: 'Extractive summary of an article: verbatim sentences, keywords, "reduced by N%"',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseSummaryArgs(args);
    if (!parsed.ok) {
      io.stderr.write(`lede summary: ${parsed.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    const { options } = parsed;
    if (options.jsonl) return runJsonl(io, options.sentences);
    let loaded: Loaded;
    try {
      loaded = await loadSource(options.source!, io);
    } catch (err) {
      const code = (err as { code?: string }).code;
      io.stderr.write(`lede summary: cannot load ${options.source}: ${code ? `${code}: ` : ''}${(err as Error).message}\n`);
      return EXIT.failure;
    }
    const result = summarize(loaded.text, { sentences: options.sentences, title: loaded.title });
    if (options.json) {
      io.stdout.write(JSON.stringify({ title: loaded.title, source: loaded.source, url: loaded.url, ...result }, null, 2) + '\n');
    } else {
      io.stdout.write(render(loaded, result, options.sentences));
    }
    return EXIT.ok;
  },
};

export default command;
