/**
 * `lede summary <file|url|-> [--sentences N] [--json]`: the extractive summary of one article.
 * `lede summary --jsonl [--sentences N]`: batch mode; one `{"id","text"}` per stdin line in, one
 * `{"id","summary":[...]}` per line out, in input order, streamed; a bad line gets `{"id","error"}`
 * and the batch goes on.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { ArticleError, loadArticle, type Article } from '../../article';
import { ConfigError, loadConfig } from '../../config';
import { FetchError, fetchOptionsFromConfig } from '../../fetch';
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

function render(article: Article, result: SummaryResult, sentences: number): string {
  const lines: string[] = [];
  if (article.title) lines.push(article.title, '');
  const meta = [article.siteName, article.byline, article.publishedAt?.slice(0, 10)].filter(Boolean);
  if (meta.length > 0) lines.push(meta.join(' | '), '');
  if (result.tooShort) {
    lines.push(`Too short to summarize: a ${sentences}-sentence summary would not leave anything out.`);
  } else {
    result.sentences.forEach((s, i) => lines.push(`${i + 1}. ${s.text.replace(/\s+/g, ' ')}`));
    lines.push('', `Reduced by ${result.reducedByPercent}% (sentences quoted verbatim from ${article.url ?? article.source}).`);
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
    let article: Article;
    try {
      article = await loadArticle(options.source!, { fetch: fetchOptionsFromConfig(loadConfig(io.env)), stdin: io.stdin });
    } catch (err) {
      if (err instanceof ArticleError || err instanceof FetchError) {
        io.stderr.write(`lede summary: ${err.message} [${err.code}]\n`);
        return EXIT.failure;
      }
      if (err instanceof ConfigError) {
        io.stderr.write(`lede summary: ${err.message}\n`);
        return EXIT.failure;
      }
      throw err;
    }
    const result = summarize(article.text, { sentences: options.sentences, title: article.title });
    if (options.json) {
      const { title, source, url, publishedAt } = article;
      io.stdout.write(JSON.stringify({ title, source, url, publishedAt, ...result }, null, 2) + '\n');
    } else {
      io.stdout.write(render(article, result, options.sentences));
    }
    return EXIT.ok;
  },
};

export default command;
