/**
 * `lede who <NAME|"phrase"> <files...> [--json]`: who-said-what across articles. The first argument
 * is a speaker when it names someone in the speaker index of these files (any alias: "Trump",
 * "President Trump"); otherwise it is a phrase, and the answer is who said it (tolerant of quote
 * marks, case and small wording differences). `--speaker` / `--phrase` force either reading.
 */
import { type Article } from '../../article';
import { buildSpeakerIndex, extractQuotes, findSpeaker, searchPhrase, toQuoteRecord, type Quote } from '../../nlp/quotes';
import { loadCliArticle } from '../article-source';
import { EXIT, type CliCommand } from '../types';
import { renderQuote } from './quotes';

const USAGE = `lede who <NAME|"phrase"> <files...> [--speaker|--phrase] [--json]

  NAME        what this person said across the files ("Trump" = "President Trump" = "Donald Trump")
  "phrase"    who said these words (a phrase that is not a known speaker)
  --speaker   read the first argument as a name
  --phrase    read the first argument as a phrase
  --json      JSON output`;

interface Loaded {
  readonly article: Article;
  readonly quotes: readonly Quote[];
}

const label = (a: Article): string => `${a.title ?? a.source}${a.publishedAt ? ` (${a.publishedAt.slice(0, 10)})` : ''}`;

const command: CliCommand = {
  name: 'who',
  summary: 'Who said what across articles: a speaker\'s quotes, or who said a phrase',
  usage: USAGE,
  async run(args, io) {
    const flags = new Set(args.filter((a) => a.startsWith('--')));
    const unknown = [...flags].filter((f) => !['--speaker', '--phrase', '--json'].includes(f));
    const rest = args.filter((a) => !a.startsWith('--'));
    if (unknown.length > 0 || rest.length < 2 || (flags.has('--speaker') && flags.has('--phrase'))) {
      io.stderr.write(`lede who: ${unknown.length > 0 ? `unknown option ${unknown[0]}` : 'give a name or a "phrase" and at least one file'}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    const [query, ...sources] = rest as [string, ...string[]];
    const loaded: Loaded[] = [];
    for (const source of sources) {
      const article = await loadCliArticle('who', source, io, { nameSource: true });
      if (!article) return EXIT.failure;
      loaded.push({ article, quotes: extractQuotes(article.text) });
    }
    const index = buildSpeakerIndex(loaded.map((l) => ({ article: l.article, quotes: l.quotes })));
    const speaker = flags.has('--phrase') ? undefined : findSpeaker(index, query);
    if (speaker || flags.has('--speaker')) {
      const items = speaker?.quotes ?? [];
      if (flags.has('--json')) {
        io.stdout.write(JSON.stringify({ speaker: speaker?.name ?? query, aliases: speaker?.aliases ?? [], quotes: items.map((x) => ({ article: x.article.id, title: x.article.title, ...toQuoteRecord(x.quote) })) }, null, 2) + '\n');
        return EXIT.ok;
      }
      if (items.length === 0) {
        io.stdout.write(`No quotes by ${query} in these articles.\n`);
        return EXIT.ok;
      }
      const lines = [`${speaker!.name} (${items.length} quote${items.length === 1 ? '' : 's'}; also written ${speaker!.aliases.filter((a) => a !== speaker!.name).join(', ') || '-'})`, ''];
      items.forEach((x, i) => lines.push(`${i + 1}. ${renderQuote(x.quote)}\n   in ${label(x.article)}`));
      io.stdout.write(lines.join('\n') + '\n');
      return EXIT.ok;
    }
    const hits = searchPhrase(loaded.map((l) => ({ article: l.article, quotes: l.quotes })), query);
    if (flags.has('--json')) {
      io.stdout.write(JSON.stringify({ phrase: query, hits: hits.map((h) => ({ article: h.article.id, title: h.article.title, score: h.score, ...toQuoteRecord(h.quote) })) }, null, 2) + '\n');
      return EXIT.ok;
    }
    if (hits.length === 0) {
      io.stdout.write(`Nobody in these articles said "${query}" (no quote matches it, even loosely).\n`);
      return EXIT.ok;
    }
    const lines = [`Who said "${query}":`, ''];
    hits.forEach((h, i) => lines.push(`${i + 1}. ${renderQuote(h.quote)}\n   in ${label(h.article)}${h.score < 1 ? ` (close match, ${Math.round(h.score * 100)}%)` : ''}`));
    io.stdout.write(lines.join('\n') + '\n');
    return EXIT.ok;
  },
};

export default command;
