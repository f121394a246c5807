/**
 * `lede ask "<question>" <file|url|-> [--json]`: the answer to a question about an article, with
 * the sentence it comes from; or "not found in the article" with the closest sentence as a hint.
 *
 * `lede ask --jsonl`: batch mode for evaluation and pipelines. Each stdin line
 * `{"id","context","question"}` gives one output line `{"id","answer","sentence"}`, in input
 * order, streamed. `answer` is null when the answer is not found in the context (then `sentence`
 * is the closest sentence, or null when nothing in the context matches the question). A line that
 * is not valid JSON or lacks a field gives `{"id","error"}` (id null when unknown); the run goes on.
 */
import { z } from 'zod';
import { compactInvisible, type CompactedText } from '../../article/invisible';
import { extractQuotes } from '../../nlp/quotes/extract';
import { analyzeQuestion, answerQuestion, prepareIndex, type AnswerResult, type QaIndex, type QuoteLike } from '../../nlp/qa';
import { loadCliArticle } from '../article-source';
import { jsonlId, runJsonl } from '../jsonl';
import { EXIT, type CliCommand, type CliIo } from '../types';

const USAGE = `lede ask "<question>" <file|url|-> [--json]
lede ask --jsonl

  "<question>"  a question about the article ("Who did Grenell meet?")
  <file|url|->  a .txt, .md or .html file, an http(s) URL, or - to read stdin
  --json        machine-readable output: answer, offsets, source sentence, confidence
  --jsonl       batch mode: stdin lines {"id","context","question"} -> stdout lines
                {"id","answer","sentence"} in input order; "answer" is null when not found;
                a malformed line gives {"id","error"}`;

/** Longest context accepted in batch mode (characters): beyond it the line is an error, not a stall. */
export const MAX_BATCH_CONTEXT_CHARS = 2_000_000;

const BatchLine = z.object({
  id: z.union([z.string(), z.number()]),
  context: z.string().max(MAX_BATCH_CONTEXT_CHARS),
  question: z.string(),
});

/** Quotes are extracted only for who-said questions: the rest never need them. */
function quotesFor(question: string, index: QaIndex): readonly QuoteLike[] | undefined {
  if (!analyzeQuestion(question).quoteQuery) return undefined;
  return extractQuotes(index.text, index.segmentation);
}

/** Answer one question against an indexed text (quotes extracted when the question needs them). */
export function ask(index: QaIndex, question: string): AnswerResult {
  const quotes = quotesFor(question, index);
  return answerQuestion(index, question, quotes ? { quotes } : {});
}

const command: CliCommand = {
  name: 'ask',
  summary: 'Answer a question from an article, with the sentence the answer comes from',
  usage: USAGE,
  async run(args, io) {
    if (args.includes('--jsonl')) {
      if (args.length !== 1) return usageError(io, '--jsonl takes no other argument');
      return runBatch(io);
    }
    const flags = args.filter((a) => a.startsWith('--'));
    const positional = args.filter((a) => !a.startsWith('--'));
    const unknown = flags.filter((f) => f !== '--json');
    if (unknown.length > 0) return usageError(io, `unknown option ${unknown[0]}`);
    if (positional.length !== 2) return usageError(io, positional.length < 2 ? 'expected a question and an article' : `expected a question and one article, got ${positional.length - 1} sources`);
    const [question, source] = positional as [string, string];
    if (question.trim() === '') return usageError(io, 'the question is empty');
    const article = await loadCliArticle('ask', source, io);
    if (!article) return EXIT.failure;
    const result = ask(prepareIndex(article.text), question);
    io.stdout.write(flags.includes('--json') ? `${JSON.stringify(result, null, 2)}\n` : renderText(result));
    return EXIT.ok;
  },
};
export default command;

function usageError(io: CliIo, problem: string): number {
  io.stderr.write(`lede ask: ${problem}.\n\nUsage: ${USAGE}\n`);
  return EXIT.usage;
}

/** The human-readable answer: the span, then its sentence; or a clearly labelled hint. */
export function renderText(r: AnswerResult): string {
  const lines: string[] = [];
  if (r.found && r.answer !== null) {
    if (r.quotes && r.quotes.length > 0 && r.answerType === 'quote' && r.quotes[0]!.quote === r.answer) {
      lines.push(`Quotes (${r.quotes[0]!.speaker ?? 'unknown speaker'}):`);
      for (const q of r.quotes) lines.push(`  "${q.quote}"  [${q.start}-${q.end}]`);
    } else {
      lines.push(`Answer: ${r.answer}  [${r.answerStart}-${r.answerEnd}]`);
      if (r.quotes && r.quotes.length > 0) lines.push(`Quote: "${r.quotes[0]!.quote}"`);
    }
    if (r.sentence) lines.push(`Sentence ${r.sentence.index + 1}: ${r.sentence.text}`);
    lines.push(`Confidence: ${r.confidence.toFixed(2)}`);
  } else {
    lines.push('Not found in the article.');
    if (r.sentence) lines.push(`Closest sentence (a hint, not an answer) ${r.sentence.index + 1}: ${r.sentence.text}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Batch mode: one output line per input line, in order, written as soon as it is answered. */
function runBatch(io: CliIo): Promise<number> {
  // Questions about the same context usually come together (SQuAD lists them so): keep its index.
  let lastContext: string | null = null;
  let lastIndex: QaIndex | null = null;
  let lastCompact: CompactedText | null = null;
  return runJsonl(io, (line) => {
    let out: Record<string, unknown>;
    let id: unknown = null;
    try {
      const json = JSON.parse(line) as unknown;
      id = jsonlId(json);
      const parsed = BatchLine.safeParse(json);
      if (!parsed.success) {
        out = { id, error: z.prettifyError(parsed.error).replace(/\n/g, ' ') };
      } else {
        const { context, question } = parsed.data;
        if (context !== lastContext || !lastIndex || !lastCompact) {
          // Invisible characters inside words are read past; answers are shown as given.
          lastCompact = compactInvisible(context);
          lastIndex = prepareIndex(lastCompact.text);
          lastContext = context;
        }
        const r = ask(lastIndex, question);
        const c = lastCompact;
        const answer = r.found && r.answerStart !== null && r.answerEnd !== null ? context.slice(c.startOf(r.answerStart), c.endOf(r.answerEnd)) : null;
        const sentence = r.sentence ? context.slice(c.startOf(r.sentence.start), c.endOf(r.sentence.end)) : null;
        out = { id: parsed.data.id, answer, sentence };
      }
    } catch (err) {
      out = { id, error: err instanceof SyntaxError ? `not JSON: ${err.message}` : String(err) };
    }
    return JSON.stringify(out);
  });
}
