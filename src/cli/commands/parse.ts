/**
 * `lede parse <file|url|-> [--json]`: what Lede reads from a source - title and metadata, the
 * boilerplate it moved out of the body, and the body's paragraphs and sentences with their offsets
 * into the article text (the offsets every other command's spans refer to).
 */
import { type Article } from '../../article';
import { segment, type Segmentation } from '../../nlp/segment';
import { loadCliArticle } from '../article-source';
import { EXIT, type CliCommand } from '../types';

const USAGE = `lede parse <file|url|-> [--json]

  <file|url|->  a .txt, .md or .html file, an http(s) URL, or - to read stdin
  --json        machine-readable output: metadata, paragraphs and sentences with offsets into "text"`;

const command: CliCommand = {
  name: 'parse',
  summary: 'Show how an article is read: title, metadata, boilerplate, paragraphs and sentences with offsets',
  usage: USAGE,
  async run(args, io) {
    const flags = args.filter((a) => a.startsWith('-') && a !== '-');
    const positional = args.filter((a) => !a.startsWith('-') || a === '-');
    const unknown = flags.filter((f) => f !== '--json');
    if (unknown.length > 0 || positional.length !== 1) {
      const problem = unknown.length > 0 ? `unknown option ${unknown[0]}` : positional.length === 0 ? 'missing the article to parse' : `expected one source, got ${positional.length}`;
      io.stderr.write(`lede parse: ${problem}.\n\nUsage: ${USAGE}\n`);
      return EXIT.usage;
    }
    const article = await loadCliArticle('parse', positional[0]!, io);
    if (!article) return EXIT.failure;
    const seg = segment(article.text);
    io.stdout.write(flags.includes('--json') ? `${JSON.stringify(toJson(article, seg), null, 2)}\n` : renderText(article, seg));
    return EXIT.ok;
  },
};
export default command;

/** The --json shape: the Article plus sentences; every span is an offset into `text`. */
export function toJson(article: Article, seg: Segmentation) {
  return {
    id: article.id,
    title: article.title,
    byline: article.byline ?? null,
    siteName: article.siteName ?? null,
    source: article.source,
    url: article.url ?? null,
    publishedAt: article.publishedAt ?? null,
    boilerplate: article.boilerplate,
    text: article.text,
    paragraphs: article.paragraphs.map((p, index) => ({ index, start: p.start, end: p.end, text: article.text.slice(p.start, p.end) })),
    sentences: seg.sentences.map((s, index) => ({ index, paragraph: s.paragraph, start: s.start, end: s.end, text: article.text.slice(s.start, s.end) })),
  };
}

function renderText(article: Article, seg: Segmentation): string {
  const lines: string[] = [];
  const field = (label: string, value: string | undefined) => {
    if (value) lines.push(`${`${label}:`.padEnd(11)} ${value}`);
  };
  field('Title', article.title);
  field('Byline', article.byline);
  field('Site', article.siteName);
  field('Published', article.publishedAt);
  field('Source', article.source);
  if (article.url && article.url !== article.source) field('URL', article.url);
  field('Id', article.id);
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  field('Length', `${count(article.text.length, 'character')}, ${count(article.paragraphs.length, 'paragraph')}, ${count(seg.sentences.length, 'sentence')}`);
  if (article.boilerplate.length > 0) {
    lines.push('', 'Boilerplate (moved out of the body):');
    for (const b of article.boilerplate) lines.push(`  - ${b}`);
  }
  seg.paragraphs.forEach((p, pi) => {
    lines.push('', `Paragraph ${pi + 1} [${p.start}-${p.end}]`);
    for (let si = p.sentenceStart; si < p.sentenceEnd; si++) {
      const s = seg.sentences[si]!;
      lines.push(`  ${String(si + 1).padStart(3)}. [${s.start}-${s.end}] ${article.text.slice(s.start, s.end)}`);
    }
  });
  return `${lines.join('\n')}\n`;
}
