/**
 * Article metadata from a page's head and markup: title, byline, site name and publication date,
 * each from the most reliable source available (Open Graph and article:* meta, JSON-LD, <time>).
 * Read before Readability runs, since Readability rewrites the document.
 */
import { normalizeDate } from '../dates';
import type { DomDocument, DomElement } from './dom';

export interface PageMetadata {
  title?: string;
  byline?: string;
  siteName?: string;
  publishedAt?: string;
}

/** Meta tags per field, most reliable first (name or property attribute, compared lower-case). */
const META_KEYS = {
  title: ['og:title', 'twitter:title', 'dc.title', 'parsely-title', 'sailthru.title'],
  byline: ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl'],
  siteName: ['og:site_name', 'application-name', 'publisher', 'dc.publisher'],
  publishedAt: [
    'article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'date',
    'dc.date.issued', 'dc.date', 'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'article.published', 'cxenseparse:recs:publishtime',
  ],
} as const;

/** JSON-LD @type values that describe an article. */
const ARTICLE_TYPES = new Set(['article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'blogposting', 'opinionnewsarticle', 'report', 'webpage', 'liveblogposting']);
/** JSON-LD blocks larger than this are not parsed (metadata is small; a huge block is not worth the time). */
const MAX_JSON_LD_CHARS = 200_000;
/** Objects visited in one JSON-LD block, to bound hostile nesting. */
const MAX_JSON_LD_NODES = 2_000;

export function readMetadata(doc: DomDocument): PageMetadata {
  const meta = collectMeta(doc);
  const ld = readJsonLd(doc);
  const first = (keys: readonly string[]) => keys.map((k) => meta.get(k)).find((v) => v !== undefined && v.trim() !== '');

  const title = first(META_KEYS.title) ?? ld.headline ?? textOf(doc.querySelector('title')) ?? textOf(doc.querySelector('h1'));
  const byline = cleanByline(ld.author ?? first(META_KEYS.byline)?.replace(/^https?:\/\/\S+$/, '') ?? textOf(doc.querySelector('[rel="author"], [itemprop="author"], .byline, .author-name')));
  const siteName = first(META_KEYS.siteName) ?? ld.publisher;
  const timeEl = doc.querySelector('time[pubdate], [itemprop="datePublished"], article time[datetime], time[datetime]');
  const published = [first(META_KEYS.publishedAt), ld.datePublished, timeEl?.getAttribute('datetime') ?? timeEl?.getAttribute('content') ?? undefined]
    .map((v) => normalizeDate(v))
    .find((v) => v !== undefined);

  return {
    ...(title ? { title } : {}),
    ...(byline ? { byline } : {}),
    ...(siteName ? { siteName: siteName.trim() } : {}),
    ...(published ? { publishedAt: published } : {}),
  };
}

function collectMeta(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  const nodes = doc.querySelectorAll('meta');
  for (let i = 0; i < nodes.length; i++) {
    const m = nodes[i]!;
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = m.getAttribute('content');
    if (key && content && !map.has(key)) map.set(key, content);
  }
  return map;
}

function textOf(el: DomElement | null): string | undefined {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/** "By Jane Doe" / "BY JANE DOE, Reuters" -> "Jane Doe" / "JANE DOE, Reuters". */
export function cleanByline(byline: string | undefined): string | undefined {
  if (!byline) return undefined;
  const t = byline.replace(/\s+/g, ' ').trim().replace(/^by\s+/i, '').trim();
  return t && t.length <= 200 ? t : undefined;
}

interface JsonLdFields {
  headline?: string;
  author?: string;
  publisher?: string;
  datePublished?: string;
}

function readJsonLd(doc: DomDocument): JsonLdFields {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    const raw = scripts[i]!.textContent ?? '';
    if (raw.length > MAX_JSON_LD_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      continue; // broken JSON-LD is common; other sources remain
    }
    const article = findArticleNode(data);
    if (article) return fieldsOf(article);
  }
  return {};
}

type JsonObject = Record<string, unknown>;

/** Breadth-first search for the first object whose @type is an article type (arrays and @graph included). */
function findArticleNode(data: unknown): JsonObject | undefined {
  const queue: unknown[] = [data];
  for (let visited = 0; queue.length > 0 && visited < MAX_JSON_LD_NODES; visited++) {
    const node = queue.shift();
    if (Array.isArray(node)) {
      queue.push(...node.slice(0, 100));
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const obj = node as JsonObject;
    const types = ([] as unknown[]).concat(obj['@type'] ?? []).map((t) => String(t).toLowerCase());
    if (types.some((t) => ARTICLE_TYPES.has(t)) && (obj['headline'] || obj['datePublished'])) return obj;
    if (obj['@graph']) queue.push(obj['@graph']);
    if (obj['mainEntity']) queue.push(obj['mainEntity']);
  }
  return undefined;
}

function fieldsOf(obj: JsonObject): JsonLdFields {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const nameOf = (v: unknown): string | undefined => str(v) ?? (v && typeof v === 'object' && !Array.isArray(v) ? str((v as JsonObject)['name']) : undefined);
  const authors = ([] as unknown[]).concat(obj['author'] ?? []).slice(0, 10).map(nameOf).filter((n): n is string => !!n && !/^https?:/.test(n));
  const out: JsonLdFields = {};
  const headline = str(obj['headline']);
  if (headline) out.headline = headline;
  if (authors.length) out.author = authors.join(', ');
  const publisher = nameOf(obj['publisher']);
  if (publisher) out.publisher = publisher;
  const date = str(obj['datePublished']);
  if (date) out.datePublished = date;
  return out;
}
