/**
 * Full analysis throughput: everything Lede computes for an article it is given, on one core.
 * That is `analyzeArticle` (segmentation, quotes, summary, language) as the worker job runs it,
 * plus the question index the bot builds for the article's first question (`prepareIndex` on the
 * article's text, as src/library/questions.ts calls it). MB/s of article text, median of several
 * runs, on the ~1 MB corpus of the bundled and fixture articles; segmentation alone on the same
 * corpus is the in-run floor. Target >= 3 MB/s.
 *
 * When the evaluation data exists (../shared/eval, never copied here), a second line runs the same
 * work on its news texts (PolNeAR dev, CNN/DailyMail dev): real stories of real length.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/article/model';
import { parseArticle } from '../src/article/parse';
import { analyzeArticle } from '../src/nlp/analyze';
import { prepareIndex } from '../src/nlp/qa';
import { segment } from '../src/nlp/segment';
import { measure, report } from './harness';
import { announceCorpus, buildCorpus } from './corpus';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const EVAL_DIR = join(root, '..', 'shared', 'eval');
const EVAL_FILES = ['quotes/polnear-dev.jsonl', 'summaries/cnndm-dev.jsonl'];

/** Each text parsed as a plain-text article once (parsing is its own job and its own bench). */
function articlesOf(texts: readonly string[]): Article[] {
  const parsed = new Map<string, Article>();
  return texts.map((t) => {
    let a = parsed.get(t);
    if (!a) parsed.set(t, (a = parseArticle({ content: t, format: 'text', source: 'bench' })));
    return a;
  });
}

/** The work the bot does for one new article: its stored analysis and its question index. */
function fullAnalysis(article: Article): number {
  const analysis = analyzeArticle(article);
  const index = prepareIndex(article.text);
  return analysis.quotes.length + index.sentences.length;
}

/** The article bodies of the evaluation files present, or [] when there are none. */
function evalTexts(): string[] {
  const out: string[] = [];
  for (const f of EVAL_FILES) {
    const path = join(EVAL_DIR, f);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const text = (JSON.parse(line) as { text?: unknown }).text;
      if (typeof text === 'string' && text.trim() !== '') out.push(text);
    }
  }
  return out;
}

async function line(label: string, articles: readonly Article[], runs: number): Promise<void> {
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  const mbps = (ms: number): number => chars / 1e6 / (ms / 1000);
  const full = await measure(label, () => articles.forEach(fullAnalysis), { runs, warmup: 2 });
  const seg = await measure(`${label} segment`, () => articles.forEach((a) => segment(a.text)), { runs, warmup: 2 });
  report(
    `lede: full analysis, ${label}`,
    `${mbps(full.medianMs).toFixed(2)} MB/s`,
    `median ${full.medianMs.toFixed(0)} ms of ${full.runs} (range ${full.minMs.toFixed(0)}-${full.maxMs.toFixed(0)}); by CPU time ${mbps(full.medianCpuMs).toFixed(2)} MB/s; target >= 3 MB/s`,
  );
  report('  baseline: segment() alone, same texts', `${mbps(seg.medianMs).toFixed(2)} MB/s`, `full analysis costs ${(full.medianMs / seg.medianMs).toFixed(1)}x segmentation`);
}

export async function run(): Promise<void> {
  const corpus = buildCorpus();
  if (!announceCorpus(corpus)) return;
  console.log('  full analysis = analyzeArticle (segment, quotes, summary, language) + prepareIndex (question index)');
  await line('bench corpus', articlesOf(corpus.docs), 7);

  const texts = evalTexts();
  if (texts.length === 0) return;
  const articles = articlesOf(texts);
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  console.log(`  news texts: ${articles.length} stories from ../shared/eval (PolNeAR dev, CNN/DM dev), ${(chars / 1e6).toFixed(2)} MB`);
  await line('news stories', articles, 5);
}
