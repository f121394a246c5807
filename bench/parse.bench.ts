/**
 * HTML extraction time for a realistic news page: the fixture page's article body repeated to ~60 KB
 * of paragraphs inside a full page of chrome (nav, cookie banner, related links, footer, scripts).
 * Baseline in the same run: parsing the same HTML into a linkedom DOM only (the floor any DOM-based
 * extractor pays). Also the flat path on a hostile page (20,000 nested divs).
 */
import { readFileSync } from 'node:fs';
import { parseArticle } from '../src/article';
import { parseDocument } from '../src/article/html/dom';
import { measure, report } from './harness';

function realisticPage(): string {
  const fixture = readFileSync(new URL('../test/fixtures/html/riverside-park.html', import.meta.url), 'utf8');
  const body = /<div class="story-body">([\s\S]*?)<\/div>\s*<\/article>/.exec(fixture)?.[1] ?? '';
  const chrome = Array.from({ length: 120 }, (_, i) => `<li><a href="/s/${i}">Section ${i}</a></li>`).join('');
  const scripts = `<script>${'var x = {"a": [1,2,3]};'.repeat(2000)}</script>`;
  return fixture
    .replace('<div class="story-body">', `<div class="story-body">${body.repeat(40)}`)
    .replace('<ul>', `<ul>${chrome}`)
    .replace('</head>', `${scripts}</head>`);
}

export async function run(): Promise<void> {
  const page = realisticPage();
  const kb = (page.length / 1024).toFixed(0);
  const dom = await measure('linkedom parse only', () => parseDocument(page), { runs: 15, warmup: 3 });
  const full = await measure('parseArticle (Readability + metadata)', () => parseArticle({ content: page, source: 'bench.html' }), { runs: 15, warmup: 3 });
  const deep = `<html><body>${'<div>'.repeat(20_000)}<p>${'Deep text. '.repeat(100)}</p>${'</div>'.repeat(20_000)}</body></html>`;
  const flat = await measure('parseArticle, 20,000 nested divs (flat path)', () => parseArticle({ content: deep, source: 'deep.html' }), { runs: 7, warmup: 1 });
  report(`baseline: linkedom DOM parse of a ${kb} KB page`, `${dom.medianMs.toFixed(1)} ms`, `median of ${dom.runs}`);
  report(`parseArticle on the same page`, `${full.medianMs.toFixed(1)} ms`, `${(full.medianMs / dom.medianMs).toFixed(1)}x the DOM parse; ${(page.length / 1024 / 1024 / (full.medianMs / 1000)).toFixed(1)} MB/s`);
  report(`hostile page (${(deep.length / 1024).toFixed(0)} KB, 20k nested divs)`, `${flat.medianMs.toFixed(1)} ms`, 'flat path, no DOM');
}
