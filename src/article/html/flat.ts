/**
 * Flat text extraction for pages a DOM cannot safely take (100,000 nested divs, hundreds of thousands
 * of elements): one linear scan that keeps text, breaks paragraphs at block elements, skips page
 * chrome (nav, header, footer, aside, forms) and scripts, and reads the title from <title> or
 * og:title. Entities are decoded by parsing the flat result, which has no nesting left.
 */
import { parseHTML } from 'linkedom';
import type { ExtractedParts } from '../build';
import { scanHtml } from './scan';

/** Elements that end a paragraph in flat mode. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul', 'body',
]);
/** Page chrome whose whole content is skipped. */
const SKIPPED_ELEMENTS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'svg', 'math', 'head', 'dialog']);
const PARAGRAPH_BREAK = '\n\n';

export function extractFlat(html: string): ExtractedParts {
  const out: string[] = [];
  let skipDepth = 0;
  let title: string | undefined;
  let ogTitle: string | undefined;
  scanHtml(html, {
    text(t) {
      if (skipDepth === 0) out.push(t);
    },
    rawText(name, content) {
      if (name === 'title' && title === undefined) title = content;
    },
    tag(t) {
      if (t.kind === 'open' && t.name === 'meta' && ogTitle === undefined && /property\s*=\s*["']?og:title/i.test(t.raw)) {
        ogTitle = /content\s*=\s*"([^"]{0,500})"|content\s*=\s*'([^']{0,500})'/i.exec(t.raw)?.slice(1).find((v) => v !== undefined);
      }
      if (SKIPPED_ELEMENTS.has(t.name) && !t.selfClosing) {
        if (t.kind === 'open') skipDepth++;
        else if (skipDepth > 0) skipDepth--;
        return;
      }
      if (BLOCK_ELEMENTS.has(t.name) && skipDepth === 0) out.push(PARAGRAPH_BREAK);
    },
  });
  const decode = (s: string) => decodeEntities(s);
  const paragraphs = decode(out.join('')).split(/\n\s*\n/);
  const chosen = ogTitle ?? title;
  return { ...(chosen ? { title: decode(chosen) } : {}), paragraphs };
}

/** Decode HTML entities in text that contains no tags (a "<" is escaped first so it stays text). */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const { document } = parseHTML(`<!doctype html><html><body><pre>${text.replace(/</g, '&lt;')}</pre></body></html>`);
  return document.querySelector('pre')?.textContent ?? text;
}
