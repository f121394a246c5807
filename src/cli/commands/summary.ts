/**
 * `lede summary <file|url|-> [--sentences N] [--json]`: the extractive summary of one article.
 * `lede summary --jsonl [--sentences N]`: batch mode; one `{"id","text"}` per stdin line in, one
 * `{"id","summary":[...]}` per line out, in input order, streamed; a bad line gets `{"id","error"}`
 * and the batch goes on.
 */
import { compactInvisible } from '../../article/invisible';
import { type Article } from '../../article';
import { DEFAULT_SENTENCES, MAX_SENTENCES, MIN_SENTENCES, summarize, type SummaryResult } from '../../nlp/summarize';
import { loadCliArticle } from '../article-source';
import { parseTextLine, runJsonl } from '../jsonl';
import { parseSourceArgs, valueOption, type ParsedArgs, type SourceArgs } from '../source-args';
import { EXIT, type CliCommand } from '../types';

const USAGE = `lede summary <file|url|-> [--sentences N] [--json]
lede summary --jsonl [--sentences N]

  --sentences N   how many sentences (${MIN_SENTENCES}-${MAX_SENTENCES}, default ${DEFAULT_SENTENCES})
  --json          print the summary as JSON (sentences with their spans, keywords, reduction)
  --jsonl         batch: {"id","text"} lines on stdin -> {"id","summary":[...]} lines on stdout`;

interface Options extends SourceArgs {
  sentences: number;
}

export function parseSummaryArgs(args: readonly string[]): ParsedArgs<Options> {
  return parseSourceArgs<Options>(args, { sentences: DEFAULT_SENTENCES, json: false, jsonl: false }, (o, a, next) => {
    const sentences = valueOption(a, '--sentences', next);
    if (!sentences) return false;
    const n = Number(sentences.value);
    if (sentences.value === undefined || !Number.isInteger(n) || n < MIN_SENTENCES || n > MAX_SENTENCES) {
      return `--sentences takes a whole number from ${MIN_SENTENCES} to ${MAX_SENTENCES}`;
    }
    o.sentences = n;
    return undefined;
  });
}

/** One batch line -> one output line (never throws). */
export function summarizeJsonlLine(line: string, sentences: number): string {
  const parsed = parseTextLine(line);
  if (!parsed.ok) return parsed.out;
  const { text } = parsed.value;
  // Invisible characters inside words are read past; the sentences are shown as given.
  const c = compactInvisible(text);
  const result = summarize(c.text, { sentences });
  return JSON.stringify({ id: parsed.value.id, summary: result.sentences.map((s) => text.slice(c.startOf(s.start), c.endOf(s.end))) });
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
    if (options.jsonl) return runJsonl(io, (line) => summarizeJsonlLine(line, options.sentences));
    const article = await loadCliArticle('summary', options.source!, io);
    if (!article) return EXIT.failure;
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
