/**
 * `lede quotes <file|url|-> [--speaker NAME] [--all] [--json]`: key quotes of an article with their
 * speakers, verbatim. `lede quotes --jsonl`: batch mode per ARCHITECTURE.md; one `{"id","text"}`
 * per stdin line in, one `{"id","quotes":[...]}` per line out, in input order, streamed; a bad line
 * gets `{"id","error"}` and the batch goes on. Each quote record has the ARCHITECTURE.md fields plus
 * `fragments` ([start,end] pieces when the attribution interrupts the quote; start/end are the
 * overall span) and `confidence`.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { ArticleError, loadArticle, type Article } from '../../article';
import { ConfigError, loadConfig } from '../../config';
import { FetchError, fetchOptionsFromConfig } from '../../fetch';
import { extractQuotes, filterBySpeaker, rankKeyQuotes, toQuoteRecord, type Quote } from '../../nlp/quotes';
import { EXIT, type CliCommand, type CliIo } from '../types';

const USAGE = `lede quotes <file|url|-> [--speaker NAME] [--all] [--limit N] [--json]
lede quotes --jsonl

  --speaker NAME  only quotes by this speaker ("Trump" matches "President Trump", "Donald Trump")
  --all           every attribution in text order, not only the key quotes
  --limit N       how many key quotes (default 5)
  --json          print JSON records (quote, spans, speaker, speakerRef, cue, kind, confidence)
  --jsonl         batch: {"id","text"} lines on stdin -> {"id","quotes":[...]} lines on stdout`;

/** Longest batch line accepted (characters): a larger one gets an error line, not a crash. */
const MAX_JSONL_LINE = 5_000_000;

interface Options {
  source?: string;
  speaker?: string;
  all: boolean;
  limit: number;
  json: boolean;
  jsonl: boolean;
}

type Parsed = { ok: true; options: Options } | { ok: false; message: string };

export function parseQuotesArgs(args: readonly string[]): Parsed {
  const o: Options = { all: false, limit: 5, json: false, jsonl: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') o.json = true;
    else if (a === '--jsonl') o.jsonl = true;
    else if (a === '--all') o.all = true;
    else if (a === '--speaker' || a.startsWith('--speaker=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!v) return { ok: false, message: '--speaker takes a name' };
      o.speaker = v;
    } else if (a === '--limit' || a.startsWith('--limit=')) {
      const v = Number(a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i]);
      if (!Number.isInteger(v) || v < 1 || v > 100) return { ok: false, message: '--limit takes a whole number from 1 to 100' };
      o.limit = v;
    } else if (a.startsWith('--')) return { ok: false, message: `unknown option ${a}` };
    else if (o.source === undefined) o.source = a;
    else return { ok: false, message: `one source only (got "${o.source}" and "${a}")` };
  }
  if (o.jsonl && o.source !== undefined) return { ok: false, message: '--jsonl reads stdin: give no source' };
  if (!o.jsonl && o.source === undefined) return { ok: false, message: 'give a file, a URL or - for stdin' };
  return { ok: true, options: o };
}

const JsonlInput = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

/** One batch line -> one output line (never throws). */
export function quotesJsonlLine(line: string): string {
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
  try {
    return JSON.stringify({ id: parsed.data.id, quotes: extractQuotes(parsed.data.text).map(toQuoteRecord) });
  } catch (err) {
    return JSON.stringify({ id: parsed.data.id, error: `extraction failed: ${(err as Error).message}` });
  }
}

async function runJsonl(io: CliIo): Promise<number> {
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    io.stdout.write(quotesJsonlLine(line) + '\n');
  }
  return EXIT.ok;
}

/** One quote as a reader sees it: the words verbatim, then who and how. */
export function renderQuote(q: Quote): string {
  const who = q.speakerRef ?? q.speaker ?? 'unknown speaker';
  const as = q.speaker && q.speakerRef && q.speaker !== q.speakerRef ? ` (as "${q.speaker}")` : '';
  const words = q.fragments.map((f) => q.quote.slice(f.start - q.start, f.end - q.start).replace(/\s+/g, ' ')).join(' ... ');
  const body = q.kind === 'direct' ? `"${words.replace(/^["\s]+|["\s]+$/g, '')}"` : words;
  return `${body}\n   - ${who}${as}${q.cue ? `, ${q.cue}` : ''} [${q.kind}, confidence ${q.confidence.toFixed(2)}]`;
}

function render(article: Article, quotes: readonly Quote[], o: Options): string {
  const lines: string[] = [];
  if (article.title) lines.push(article.title, '');
  if (quotes.length === 0) {
    lines.push(o.speaker ? `No quotes by ${o.speaker} in this article.` : 'No quotes found in this article.');
  } else {
    quotes.forEach((q, i) => lines.push(`${i + 1}. ${renderQuote(q)}`));
  }
  return lines.join('\n') + '\n';
}

const command: CliCommand = {
  name: 'quotes',
  summary: 'Key quotes of an article with their speakers, verbatim',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseQuotesArgs(args);
    if (!parsed.ok) {
      io.stderr.write(`lede quotes: ${parsed.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    const { options } = parsed;
    if (options.jsonl) return runJsonl(io);
    let article: Article;
    try {
      article = await loadArticle(options.source!, { fetch: fetchOptionsFromConfig(loadConfig(io.env)), stdin: io.stdin });
    } catch (err) {
      if (err instanceof ArticleError || err instanceof FetchError) {
        io.stderr.write(`lede quotes: ${err.message} [${err.code}]\n`);
        return EXIT.failure;
      }
      if (err instanceof ConfigError) {
        io.stderr.write(`lede quotes: ${err.message}\n`);
        return EXIT.failure;
      }
      throw err;
    }
    const all = extractQuotes(article.text);
    const chosen = options.all
      ? options.speaker ? filterBySpeaker(all, options.speaker) : all
      : rankKeyQuotes(all, { limit: options.limit, ...(options.speaker ? { speaker: options.speaker } : {}) });
    if (options.json) {
      io.stdout.write(JSON.stringify({ title: article.title, source: article.source, url: article.url, quotes: chosen.map(toQuoteRecord) }, null, 2) + '\n');
    } else {
      io.stdout.write(render(article, chosen, options));
    }
    return EXIT.ok;
  },
};

export default command;
