/**
 * HTML -> article parts. Mozilla Readability (Firefox Reader View's extractor, the best-kept
 * main-content heuristic) on a linkedom DOM (light and fast; jsdom is far heavier) finds the body;
 * metadata comes from the page head (metadata.ts); the body becomes paragraphs (blocks.ts).
 *
 * Hostile pages are measured first in one linear pass (measure.ts): a DOM of 100,000 nested divs
 * makes Readability recurse past the stack and take seconds, so pages deeper, bigger or more nested
 * than the limits below take the flat path (flat.ts) instead: bounded time, still the page's text.
 * "Bigger" counts every node the DOM would hold, not only elements: linkedom keeps each text
 * fragment the parser reports as a node of its own, and a page of bare '<' or '&amp;' is one node
 * per few bytes.
 */
import { Readability } from '@mozilla/readability';
import type { ExtractedParts } from '../build';
import { normalizeDate } from '../dates';
import { blocksOf, type Blocks } from './blocks';
import { parseDocument, type DomDocument, type DomNode } from './dom';
import { extractFlat } from './flat';
import { cleanByline } from '../byline';
import { readMetadata } from './metadata';
import { measureHtml } from './measure';
import { cleanTitle } from './title';

/** Nesting beyond this is not a real article page (real pages stay under ~60); Readability is superlinear in depth. */
export const MAX_DOM_DEPTH = 300;
/**
 * Elements beyond this take the flat path; also Readability's own element cap. An element costs
 * Readability far more than a text node (style, class and visibility checks on every pass): 25,000
 * empty <p> took 2 s. The largest real page in Readability's corpus has 9,888 elements, the next 4,287.
 */
export const MAX_DOM_ELEMENTS = 15_000;
/**
 * DOM nodes (elements, text fragments, comments; measure.ts) beyond this take the flat path.
 * linkedom makes a text node of every fragment the parser reports: each character reference, each
 * '&' and each stray '<' may split the text. Readability costs ~20 µs per node and up to four passes
 * that serialize and re-parse the page, superlinear through garbage collection: 50,000 text nodes of
 * bare '<' took 1.2 s, 2,000,000 took 120 s and 2.7 GB. The 130 real pages of Readability's test
 * corpus have at most 24,535 nodes (a 1 MB Wikipedia article), most under 13,000.
 */
export const MAX_DOM_NODES = 30_000;
/**
 * Nesting (measure.ts: the sum of squared node depths) beyond this takes the flat path. Readability
 * reads the text under every element below each element it cleans, so depth multiplies its work:
 * 15,000 tiny elements under 290 divs took 15 s. The largest real page in Readability's corpus
 * measures 5.07 million (the 1 MB Wikipedia article), the next 2.76 million; at this limit,
 * paragraphs under 20, 50 or 100 divs took 0.15-0.5 s. A bare chain of ~260 divs reaches it alone.
 */
export const MAX_DOM_NESTING = 6_000_000;

/** Page chrome removed before the fallback DOM extraction (Readability has its own rules for these). */
const CHROME_SELECTOR = [
  'nav', 'header', 'footer', 'aside', 'form', 'dialog', '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]',
  '[role="complementary"]', '[role="dialog"]', '[aria-modal="true"]', '[class*="cookie"]', '[id*="cookie"]', '[class*="consent"]',
  '[class*="related"]', '[class*="share"]', '[class*="newsletter"]', '[class*="subscribe"]',
].join(', ');

export type HtmlMethod = 'readability' | 'dom' | 'flat';

export interface HtmlExtraction extends ExtractedParts {
  /** How the body was found: Readability, the whole DOM minus chrome, or the flat scan for hostile pages. */
  readonly method: HtmlMethod;
}

export function extractHtml(html: string, url?: string): HtmlExtraction {
  const host = hostOf(url);
  const shape = measureHtml(html);
  if (shape.maxDepth > MAX_DOM_DEPTH || shape.elements > MAX_DOM_ELEMENTS || shape.nodes > MAX_DOM_NODES || shape.nesting > MAX_DOM_NESTING) {
    const flat = extractFlat(html);
    return { ...flat, ...(flat.title ? { title: cleanTitle(flat.title, undefined, host) } : {}), method: 'flat' };
  }

  const doc = parseDocument(html);
  const meta = readMetadata(doc, url);
  const readable = runReadability(doc);
  let method: HtmlMethod = 'readability';
  let blocks: Blocks | undefined = readable?.content ? blocksOf(readable.content) : undefined;
  if (!blocks || blocks.paragraphs.length === 0) {
    method = 'dom';
    blocks = wholePageBlocks(html);
  }

  const siteName = meta.siteName ?? readable?.siteName ?? undefined;
  const title = meta.title ?? (readable?.title ? cleanTitle(readable.title, meta.siteNames, meta.host) : undefined);
  const byline = meta.byline ?? cleanByline(readable?.byline) ?? meta.pageByline;
  const publishedAt = meta.publishedAt ?? normalizeDate(readable?.publishedTime);

  // Lines that repeat metadata (the byline, a bare date) are moved out of the body.
  const moved: string[] = [...blocks.captions];
  const paragraphs = blocks.paragraphs.filter((p, i) => {
    const t = p.replace(/\s+/g, ' ').trim();
    const isByline = byline !== undefined && cleanByline(t)?.toLowerCase() === byline.toLowerCase();
    const isDateLine = i < 3 && t.length <= 60 && normalizeDate(t.replace(/^(?:published|updated|posted)(?: on)?:?\s*/i, '')) !== undefined;
    if (isByline || isDateLine) moved.push(t);
    return !(isByline || isDateLine);
  });

  return {
    ...(title ? { title } : {}),
    ...(byline ? { byline } : {}),
    ...(siteName ? { siteName } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    paragraphs,
    boilerplate: moved,
    method,
  };
}

interface ReadableResult {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  content?: DomNode | null;
}

function runReadability(doc: DomDocument): ReadableResult | null {
  try {
    const reader = new Readability<DomNode>(doc as never, {
      maxElemsToParse: MAX_DOM_ELEMENTS,
      serializer: (node) => node as unknown as DomNode, // keep the DOM node: no serialize + re-parse
    });
    return reader.parse() as ReadableResult | null;
  } catch {
    return null; // Readability gives up on some pages; the DOM fallback still has the text
  }
}

/** The whole body minus page chrome, for pages Readability finds nothing in (short or unusual pages). */
function wholePageBlocks(html: string): Blocks {
  const doc = parseDocument(html);
  const chrome = doc.querySelectorAll(CHROME_SELECTOR);
  for (let i = chrome.length - 1; i >= 0; i--) chrome[i]!.remove();
  return doc.body ? blocksOf(doc.body) : { paragraphs: [], captions: [] };
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
