/**
 * Flat text extraction for pages a DOM cannot safely take (100,000 nested divs, hundreds of thousands
 * of elements): one linear scan that keeps text, breaks paragraphs at block elements, skips page
 * chrome (nav, header, footer, aside, forms) and scripts, and reads the title from <title> or
 * og:title. Entities are decoded in one linear pass over the flat result (decodeTextEntities).
 * Inline markup that carries words is read as in the DOM path (inline.ts): <q> gets quote marks,
 * <sup>/<sub> keep their characters, <math> is its alttext, TeX annotation or tokens.
 */
import { parseHTML } from 'linkedom';
import type { ExtractedParts } from '../build';
import { quoteMark, RUBY_ANNOTATION, scriptText } from './inline';
import { scanHtml } from './scan';

/** Elements that end a paragraph in flat mode. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul', 'body',
]);
/** Page chrome whose whole content is skipped. */
const SKIPPED_ELEMENTS = new Set([
  'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'svg', 'head', 'dialog',
  // not raw text to the parser (scan.ts), but never article text either
  'noscript', 'template', 'iframe', 'noembed', 'noframes', 'object',
]);
const PARAGRAPH_BREAK = '\n\n';
/** Inline elements read whole (their text rewritten when they close); deeper nesting is read as plain text. */
const MAX_CAPTURE_DEPTH = 8;

/** An open <sup>, <sub> or <math> whose text is gathered from `start` in the output. */
interface Capture {
  readonly name: 'sup' | 'sub' | 'math';
  readonly start: number;
  readonly alt?: string;
  tex?: string;
}

const attribute = (raw: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]{0,2000})"|'([^']{0,2000})')`, 'i').exec(raw)?.slice(1).find((v) => v !== undefined);

export function extractFlat(html: string): ExtractedParts {
  const out: string[] = [];
  let skipDepth = 0;
  let title: string | undefined;
  let ogTitle: string | undefined;
  let quoteDepth = 0;
  const captures: Capture[] = [];
  /** Inside a math <annotation>: its text is TeX (kept aside) or another encoding (dropped). */
  let annotation: 'tex' | 'other' | undefined;
  /** A formula just ended: a word right after it gets a space. */
  let padNext = false;
  scanHtml(html, {
    text(t) {
      if (skipDepth > 0) return;
      if (annotation !== undefined) {
        const math = captures[captures.length - 1];
        if (annotation === 'tex' && math) math.tex = (math.tex ?? '') + t;
        return;
      }
      if (padNext && /^[\p{L}\p{N}]/u.test(t)) out.push(' ');
      padNext = false;
      out.push(t);
    },
    rawText(name, content) {
      if (name === 'title' && title === undefined) title = content;
    },
    tag(t) {
      if (t.kind === 'open' && t.name === 'meta' && ogTitle === undefined && /property\s*=\s*["']?og:title/i.test(t.raw)) {
        ogTitle = /content\s*=\s*"([^"]{0,500})"|content\s*=\s*'([^']{0,500})'/i.exec(t.raw)?.slice(1).find((v) => v !== undefined);
      }
      if ((SKIPPED_ELEMENTS.has(t.name) || RUBY_ANNOTATION.has(t.name)) && !t.selfClosing) {
        if (t.kind === 'open') skipDepth++;
        else if (skipDepth > 0) skipDepth--;
        return;
      }
      if (skipDepth > 0) return;
      if (BLOCK_ELEMENTS.has(t.name)) out.push(PARAGRAPH_BREAK);
      inline(t.kind, t.name, t.raw, t.selfClosing);
    },
  });
  function inline(kind: 'open' | 'close', name: string, raw: string, selfClosing: boolean): void {
    const top = captures[captures.length - 1];
    if (name === 'q' && !selfClosing) {
      if (kind === 'open') out.push(quoteMark(quoteDepth++, false));
      else if (quoteDepth > 0) out.push(quoteMark(--quoteDepth, true));
    } else if (name === 'annotation' && top?.name === 'math') {
      annotation = kind === 'open' && !selfClosing ? (/encoding\s*=\s*["']?application\/x-tex/i.test(raw) ? 'tex' : 'other') : undefined;
    } else if ((name === 'sup' || name === 'sub' || name === 'math') && !selfClosing) {
      if (kind === 'open') {
        if (captures.length < MAX_CAPTURE_DEPTH) {
          const alt = name === 'math' ? attribute(raw, 'alttext') : undefined;
          captures.push({ name, start: out.length, ...(alt?.trim() ? { alt } : {}) });
        }
      } else if (top?.name === name) {
        captures.pop();
        annotation = undefined;
        const inner = out.splice(top.start).join('');
        if (name === 'math') {
          const before = out.length > 0 ? out[out.length - 1]! : '';
          const pad = before !== '' && !/[\s([{“‘"']$/.test(before) ? ' ' : '';
          out.push(pad + (top.alt ?? top.tex ?? inner).replace(/\s+/g, ' ').trim());
          padNext = true;
        } else out.push(scriptText(name as 'sup' | 'sub', inner));
      }
    }
  }
  const decode = (s: string) => decodeTextEntities(s);
  const paragraphs = decode(out.join('')).split(/\n\s*\n/);
  const chosen = ogTitle ?? title;
  return { ...(chosen ? { title: decode(chosen) } : {}), paragraphs };
}

/** Longest run after '&' (or '&#') read as one reference: the longest HTML entity name has 31 letters. */
const MAX_REFERENCE_RUN = 40;
/** Distinct references decoded per page; real pages use tens, the rest of a hostile page's stay verbatim. */
const MAX_DISTINCT_REFERENCES = 4_096;

/**
 * Decode HTML character references in flat text, in linear time. Parsing the whole text made linkedom
 * build a text node per reference (~1.3 s per MB of '&amp;'); instead each distinct reference
 * ('&amp;', '&#8212;', '&copy' without ';') is decoded once by linkedom, so the table and the legacy
 * no-';' rules are the parser's own, and the text is rebuilt in one pass.
 */
export function decodeTextEntities(text: string): string {
  if (!text.includes('&')) return text;
  const decoded = new Map<string, string | undefined>();
  for (let amp = text.indexOf('&'); amp !== -1; amp = text.indexOf('&', amp + 1)) {
    const end = referenceEnd(text, amp);
    if (end > amp + 1 && decoded.size < MAX_DISTINCT_REFERENCES) decoded.set(text.slice(amp, end), undefined);
  }
  decodeDistinct(decoded);
  const parts: string[] = [];
  let i = 0;
  for (let amp = text.indexOf('&'); amp !== -1; amp = text.indexOf('&', i)) {
    const end = referenceEnd(text, amp);
    const value = end > amp + 1 ? decoded.get(text.slice(amp, end)) : undefined;
    if (value === undefined) {
      parts.push(text.slice(i, amp + 1));
      i = amp + 1;
    } else {
      parts.push(text.slice(i, amp), value);
      i = end;
    }
  }
  parts.push(text.slice(i));
  return parts.join('');
}

/** Where the reference starting at the '&' at `amp` ends: '#' or 'x' prefix, a letter/digit run, an optional ';'. */
function referenceEnd(text: string, amp: number): number {
  let k = amp + 1;
  if (text.charCodeAt(k) === 35 /* # */) k++;
  const runStart = k;
  while (k < text.length && k - runStart < MAX_REFERENCE_RUN && isAlnum(text.charCodeAt(k))) k++;
  if (k === runStart) return amp + 1; // a bare '&' (or '&#') is text
  return text.charCodeAt(k) === 59 /* ; */ ? k + 1 : k;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Fill in each reference's text with one linkedom parse of all of them (references hold no '<'). */
function decodeDistinct(refs: Map<string, string | undefined>): void {
  if (refs.size === 0) return;
  const keys = [...refs.keys()];
  const { document } = parseHTML(`<!doctype html><html><body>${keys.map((k) => `<p>${k}</p>`).join('')}</body></html>`);
  const cells = document.querySelectorAll('p');
  if (cells.length !== keys.length) return; // cannot happen with letters, digits, '#' and ';'; keep them verbatim if it does
  keys.forEach((k, n) => refs.set(k, cells[n]!.textContent ?? undefined));
}
