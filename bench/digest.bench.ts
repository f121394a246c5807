/**
 * Digest: composing a digest of 100 articles (from 5 feeds plus hand-added ones) with the real
 * parts (extractive 2-sentence summary + top key quote per article), beside the in-run baseline of
 * composing the same digest without summaries or quotes (grouping, markdown and splitting only).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeDigest, type DigestArticle, type DigestParts } from '../src/digest/compose';
import { nlpDigestParts } from '../src/digest/parts';
import { measure, report } from './harness';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function texts(): string[] {
  const dirs = [join(root, 'data', 'articles'), join(root, 'test', 'fixtures', 'summaries')];
  const fixtures = join(root, 'test', 'fixtures', 'articles');
  const flat = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(d, f), 'utf8')));
  const nested = readdirSync(fixtures, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => readFileSync(join(fixtures, e.name, 'source.txt'), 'utf8'));
  return [...flat, ...nested];
}

export async function run(): Promise<void> {
  const corpus = texts();
  const feeds = Array.from({ length: 5 }, (_, i) => ({ url: `https://feed${i}.example/rss`, title: `Feed ${i}` }));
  // 100 distinct articles: corpus texts with a distinguishing first line, so nothing is cached by identity.
  const articles: Array<DigestArticle & { text: string }> = Array.from({ length: 100 }, (_, i) => {
    const body = corpus[i % corpus.length]!;
    return {
      id: `a${i}`,
      title: `Article ${i}: ${body.split('\n')[0]!.slice(0, 80)}`,
      url: `https://news.example/${i}`,
      text: `Report number ${i} from the newsroom.\n\n${body}`,
      addedAt: new Date(Date.UTC(2024, 2, 5, 0, i)).toISOString(),
      ...(i % 6 !== 5 && { feed: feeds[i % feeds.length]! }),
    };
  });
  const words = articles.reduce((n, a) => n + a.text.split(/\s+/).length, 0);
  const real = nlpDigestParts();
  const bare: DigestParts = { summaryOf: () => [], topQuoteOf: () => undefined };
  const heading = 'Daily digest · Tuesday, 5 March 2024';

  // Caps off (every article rendered) and the default caps (what a server gets).
  const all = { maxArticles: 100, maxPerGroup: 100, maxMessages: 100 };
  const full = await measure('compose 100, summaries+quotes, all shown', () => composeDigest({ articles, parts: real, heading, caps: all }), { runs: 7, warmup: 1 });
  const fullBare = await measure('compose 100, no summaries, all shown', () => composeDigest({ articles, parts: bare, heading, caps: all }), { runs: 21, warmup: 3 });
  const capped = await measure('compose 100, default caps', () => composeDigest({ articles, parts: real, heading }), { runs: 7, warmup: 1 });
  const cappedBare = await measure('compose 100, default caps, bare', () => composeDigest({ articles, parts: bare, heading }), { runs: 21, warmup: 3 });
  const d = composeDigest({ articles, parts: real, heading })!;
  const dAll = composeDigest({ articles, parts: real, heading, caps: all })!;

  report(`digest of 100 articles (${words} words), all rendered`, `${full.medianMs.toFixed(1)} ms`, `${dAll.messages.length} messages; range ${full.minMs.toFixed(1)}-${full.maxMs.toFixed(1)}`);
  report('  baseline: same, without summaries and quotes', `${fullBare.medianMs.toFixed(2)} ms`, `ratio x${(full.medianMs / Math.max(fullBare.medianMs, 1e-3)).toFixed(0)}`);
  report(`digest of 100 articles, default caps (${d.shownCount} shown)`, `${capped.medianMs.toFixed(1)} ms`, `${d.messages.length} messages, ${d.messages.reduce((n, m) => n + m.embeds.length, 0)} embeds`);
  report('  baseline: same caps, without summaries and quotes', `${cappedBare.medianMs.toFixed(2)} ms`, `ratio x${(capped.medianMs / Math.max(cappedBare.medianMs, 1e-3)).toFixed(0)}`);
}
