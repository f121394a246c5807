/**
 * `lede quotes <file|url|-> [--speaker NAME] [--all] [--json]`: key quotes of an article with their
 * speakers, verbatim. `lede quotes --jsonl`: batch mode per ARCHITECTURE.md; one `{"id","text"}`
 * per stdin line in, one `{"id","quotes":[...]}` per line out, in input order, streamed; a bad line
 * gets `{"id","error"}` and the batch goes on. Each quote record has the ARCHITECTURE.md fields plus
 * `fragments` ([start,end] pieces when the attribution interrupts the quote; start/end are the
 * overall span) and `confidence`.
 */
import { type Article } from '../../article';
import { compactInvisible, type CompactedText } from '../../article/invisible';
import { NOT_ENGLISH } from '../../core/messages';
import { looksEnglish } from '../../nlp/language';
import { segment } from '../../nlp/segment';
import { extractQuotes, filterBySpeaker, namedSpeaker, rankKeyQuotes, toQuoteRecord, type Quote, type QuoteRecord } from '../../nlp/quotes';
import { loadCliArticle } from '../article-source';
import { parseTextLine, runJsonl } from '../jsonl';
import { parseSourceArgs, valueOption, type ParsedArgs, type SourceArgs } from '../source-args';
import { EXIT, type CliCommand } from '../types';

const USAGE = `lede quotes <file|url|-> [--speaker NAME] [--all] [--limit N] [--json]
lede quotes --jsonl

  --speaker NAME  only quotes by this speaker ("Trump" matches "President Trump", "Donald Trump")
  --all           every attribution in text order, not only the key quotes
  --limit N       how many key quotes (default 5)
  --json          print JSON records (quote, spans, speaker, speakerRef, cue, kind, confidence)
  --jsonl         batch: {"id","text"} lines on stdin -> {"id","quotes":[...]} lines on stdout`;

interface Options extends SourceArgs {
  speaker?: string;
  all: boolean;
  limit: number;
}

export function parseQuotesArgs(args: readonly string[]): ParsedArgs<Options> {
  return parseSourceArgs<Options>(args, { all: false, limit: 5, json: false, jsonl: false }, (o, a, next) => {
    if (a === '--all') {
      o.all = true;
      return undefined;
    }
    const speaker = valueOption(a, '--speaker', next);
    if (speaker) {
      if (!speaker.value) return '--speaker takes a name';
      o.speaker = speaker.value;
      return undefined;
    }
    const limit = valueOption(a, '--limit', next);
    if (limit) {
      const v = Number(limit.value);
      if (!Number.isInteger(v) || v < 1 || v > 100) return '--limit takes a whole number from 1 to 100';
      o.limit = v;
      return undefined;
    }
    return false;
  });
}

/** One batch line -> one output line (never throws). */
export function quotesJsonlLine(line: string): string {
  const parsed = parseTextLine(line);
  if (!parsed.ok) return parsed.out;
  const { id, text } = parsed.value;
  try {
    // Invisible characters inside words are read past; offsets stay into `text` as given.
    const c = compactInvisible(text);
    const quotes = extractQuotes(c.text).map(toQuoteRecord).map((q) => recordInOriginal(q, c, text));
    return JSON.stringify({ id, quotes });
  } catch (err) {
    return JSON.stringify({ id, error: `extraction failed: ${(err as Error).message}` });
  }
}

/** A record of the compacted text with its offsets and strings taken from the text as given. */
function recordInOriginal(q: QuoteRecord, c: CompactedText, text: string): QuoteRecord {
  if (c.text === text) return q;
  const start = c.startOf(q.start);
  const end = c.endOf(q.end);
  const speakerStart = q.speakerStart === null ? null : c.startOf(q.speakerStart);
  const speakerEnd = q.speakerEnd === null ? null : c.endOf(q.speakerEnd);
  return {
    ...q,
    quote: text.slice(start, end),
    start,
    end,
    fragments: q.fragments.map(([a, b]) => [c.startOf(a), c.endOf(b)]),
    speaker: speakerStart !== null && speakerEnd !== null ? text.slice(speakerStart, speakerEnd) : q.speaker,
    speakerStart,
    speakerEnd,
  };
}

/** One quote as a reader sees it: the words verbatim, then who and how. */
export function renderQuote(q: Quote): string {
  const who = namedSpeaker(q) ?? 'unknown speaker';
  const as = q.speaker && q.speakerRef && q.speaker !== q.speakerRef ? ` · as "${q.speaker}"` : '';
  const words = q.fragments.map((f) => q.quote.slice(f.start - q.start, f.end - q.start).replace(/\s+/g, ' ')).join(' ... ');
  const body = q.kind === 'direct' ? `"${words.replace(/^["\s]+|["\s]+$/g, '')}"` : words;
  return `${body}\n   - ${who}${q.cue ? ` (${q.cue})` : ''}${as} [${q.kind}, confidence ${q.confidence.toFixed(2)}]`;
}

function render(article: Article, quotes: readonly Quote[], o: Options): string {
  const lines: string[] = [];
  if (article.title) lines.push(article.title, '');
  if (quotes.length === 0) {
    lines.push(o.speaker ? `No quotes by ${o.speaker} in this article.` : 'No quotes found in this article.');
    if (!looksEnglish(segment(article.text))) lines.push(NOT_ENGLISH);
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
    if (options.jsonl) return runJsonl(io, quotesJsonlLine);
    const article = await loadCliArticle('quotes', options.source!, io);
    if (!article) return EXIT.failure;
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
