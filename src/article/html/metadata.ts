/**
 * Article metadata from a page's head and markup: title, byline, site name and publication date,
 * each from the most reliable source available (Open Graph, Dublin Core and article:* meta, JSON-LD,
 * <title>, <h1>, <time>). Read before Readability runs, since Readability rewrites the document.
 */
import { cleanByline, joinNames } from '../byline';
import { normalizeDate } from '../dates';
import { isElement, type DomDocument, type DomElement, type DomNode } from './dom';
import { chooseTitle, cleanSiteName, squash, type TitleCandidate } from './title';

export interface PageMetadata {
  /** The headline, chosen among the page's title sources and cleaned of site names (title.ts). */
  title?: string;
  /** From meta tags or JSON-LD: the names the page declares. */
  byline?: string;
  /** From the page's byline markup ([rel=author], .byline...) outside comments: a fallback after Readability's own byline. */
  pageByline?: string;
  siteName?: string;
  publishedAt?: string;
  /** Site names a title may carry (og:site_name, application-name, the JSON-LD publisher...), for cleaning other titles. */
  siteNames: string[];
  /** The page's host: from its URL, else from its canonical link or og:url. */
  host?: string;
}

/** Meta tags per field, most reliable first (name or property attribute, compared lower-case; "dc:" and "dcterms:" read as "dc." and "dcterms."). */
const META_KEYS = {
  title: ['dc.title', 'dcterms.title', 'og:title', 'twitter:title', 'parsely-title', 'sailthru.title'],
  byline: ['dc.creator', 'dcterms.creator', 'author', 'article:author', 'parsely-author', 'sailthru.author', 'citation_author', 'byl'],
  siteName: ['og:site_name', 'application-name', 'publisher', 'dc.publisher'],
  publishedAt: [
    'article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'date',
    'dc.date.issued', 'dc.date', 'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'article.published', 'cxenseparse:recs:publishtime',
  ],
} as const;
/** Further names of the site, used only to recognise it in titles. */
const SITE_NAME_HINTS = ['apple-mobile-web-app-title'];
/** Byline markup in the page, most specific first. */
const PAGE_BYLINE_SELECTORS = ['[itemprop="author"] [itemprop="name"]', '[rel="author"]', '[itemprop="author"]', '.author-name', '.byline'];
/** Class or id words of comment threads: a byline there is a commenter's, not the author's. */
const COMMENT_AREA = /(?:^|[\s_-])(?:comments?|replies|reply|discussion|disqus|canvass)(?:$|[\s_-])/i;
/** Byline elements looked at per selector. */
const MAX_BYLINE_ELEMENTS = 20;
/** Authors named in one byline at most (JSON-LD reads as many). */
const MAX_AUTHORS = 10;
/** <h1> elements that may confirm a title. */
const MAX_H1 = 5;
/**
 * The path of a link to a site's home page: the root, an index file, or a language's root
 * ("/", "index.html", "/en-US/"). A heading that is such a link is the site's logo.
 */
const HOME_PATH = /^\/(?:[a-z]{2}(?:[-_][a-z]{2,4})?\/?)?(?:index\.[a-z]{3,5})?$/i;

/** JSON-LD @type values that describe an article. */
const ARTICLE_TYPES = new Set(['article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'blogposting', 'opinionnewsarticle', 'report', 'webpage', 'liveblogposting']);
/** JSON-LD blocks larger than this are not parsed (metadata is small; a huge block is not worth the time). */
const MAX_JSON_LD_CHARS = 200_000;
/** Objects visited in one JSON-LD block, to bound hostile nesting. */
const MAX_JSON_LD_NODES = 2_000;

export function readMetadata(doc: DomDocument, url?: string): PageMetadata {
  const meta = collectMeta(doc);
  const ld = readJsonLd(doc);
  const values = (key: string): string[] => (meta.get(key) ?? []).filter((v) => v.trim() !== '');
  const first = (keys: readonly string[]) => keys.map((k) => values(k)[0]).find((v) => v !== undefined);

  const host = hostOf(url) ?? hostOf(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined) ?? hostOf(first(['og:url']));
  const siteName = first(META_KEYS.siteName)?.trim() ?? ld.publisher;
  const siteNames = unique([...META_KEYS.siteName, ...SITE_NAME_HINTS].flatMap(values).concat(ld.publisher ?? []).map((v) => v.replace(/\s+/g, ' ').trim()));

  const candidates: TitleCandidate[] = [];
  const metaTitle = first(META_KEYS.title);
  if (metaTitle) candidates.push({ source: 'meta', text: metaTitle });
  if (ld.headline) candidates.push({ source: 'jsonld', text: ld.headline });
  const docTitle = titleElementText(doc);
  if (docTitle) candidates.push({ source: 'title', text: docTitle });
  const h1s = doc.querySelectorAll('h1');
  const logos: string[] = [];
  for (let i = 0, n = 0; i < h1s.length && n < MAX_H1; i++) {
    const t = textOf(h1s[i]!);
    if (t) {
      candidates.push({ source: 'h1', text: t });
      logos.push(...logoNames(h1s[i]!, t));
      n++;
    }
  }
  // Some pages put the headline in application-name: a "site name" that is a title candidate names no site.
  // A logo heading is a title candidate too, but its link home says it names the site.
  const titles = new Set(candidates.map((c) => squash(c.text)));
  const title = chooseTitle(candidates, unique([...siteNames.filter((n) => !titles.has(squash(n))), ...logos]), host);

  const declared = ld.authors.length > 0 ? ld.authors : (META_KEYS.byline.map((k) => values(k).filter((v) => !/^https?:\/\//.test(v.trim()))).find((v) => v.length > 0) ?? []);
  const byline = joinNames(declared.slice(0, MAX_AUTHORS).map((v) => cleanByline(v)).filter((v): v is string => v !== undefined));
  const pageByline = readPageByline(doc);
  const timeEl = doc.querySelector('time[pubdate], [itemprop="datePublished"], article time[datetime], time[datetime]');
  const published = [first(META_KEYS.publishedAt), ld.datePublished, timeEl?.getAttribute('datetime') ?? timeEl?.getAttribute('content') ?? undefined]
    .map((v) => normalizeDate(v))
    .find((v) => v !== undefined);

  return {
    ...(title ? { title } : {}),
    ...(byline ? { byline } : {}),
    ...(pageByline ? { pageByline } : {}),
    ...(siteName ? { siteName: cleanSiteName(siteName, host) } : {}),
    ...(published ? { publishedAt: published } : {}),
    siteNames,
    ...(host ? { host } : {}),
  };
}

/** Meta values by key; a key given by property attributes (Open Graph and RDFa use property) is read from those alone; one attribute may list several keys. */
function collectMeta(doc: DomDocument): Map<string, string[]> {
  const byProperty = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  const nodes = doc.querySelectorAll('meta');
  for (let i = 0; i < nodes.length; i++) {
    const m = nodes[i]!;
    const content = m.getAttribute('content');
    if (!content) continue;
    const property = m.getAttribute('property');
    const keys = property ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '';
    const map = property !== null ? byProperty : byName;
    for (const raw of keys.trim().toLowerCase().split(/\s+/)) {
      if (!raw) continue;
      const key = raw.replace(/^(dc|dcterms?):/, (_, ns: string) => (ns === 'dc' ? 'dc.' : 'dcterms.'));
      const list = map.get(key);
      if (list) list.push(content);
      else map.set(key, [content]);
    }
  }
  return new Map([...byName, ...byProperty]);
}

function textOf(el: DomElement | null): string | undefined {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/**
 * The site's names in a logo heading: an <h1> whose words are all one link to the home page
 * (`<h1><a href="/">Island Post</a></h1>`) names the site, by its text and by the alt text of a
 * logo image inside. A heading that links to an article, or holds words outside its link, is no logo.
 */
function logoNames(h1: DomElement, text: string): string[] {
  const links = h1.querySelectorAll('a[href]');
  if (links.length !== 1) return [];
  const link = links[0]!;
  if (textOf(link) !== text || !HOME_PATH.test(pathOf(link.getAttribute('href') ?? '') ?? '')) return [];
  const alts = link.querySelectorAll('img[alt]');
  const names = [text];
  for (let i = 0; i < alts.length && i < 2; i++) {
    const alt = alts[i]!.getAttribute('alt')?.replace(/\s+/g, ' ').trim();
    if (alt) names.push(alt);
  }
  return names;
}

/** The path of a link, relative or absolute ("index.html" -> "/index.html"), or undefined when it is no web link. */
function pathOf(href: string): string | undefined {
  try {
    const u = new URL(href.trim(), 'https://base.invalid/');
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.pathname : undefined;
  } catch {
    return undefined;
  }
}

/** The first non-empty <title> that is the page's (an <svg> carries <title>s of its own). */
function titleElementText(doc: DomDocument): string | undefined {
  const titles = doc.querySelectorAll('title');
  for (let i = 0; i < titles.length; i++) {
    if (hasAncestor(titles[i]!, (el) => el.localName === 'svg')) continue;
    const t = textOf(titles[i]!);
    if (t) return t;
  }
  return undefined;
}

function hasAncestor(node: DomNode, test: (el: DomElement) => boolean): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (isElement(p) && test(p)) return true;
  return false;
}

/** The first byline in the page's markup that is not in a comment thread and cleans to a name. */
function readPageByline(doc: DomDocument): string | undefined {
  const inComments = (el: DomElement) => COMMENT_AREA.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
  for (const selector of PAGE_BYLINE_SELECTORS) {
    const els = doc.querySelectorAll(selector);
    for (let i = 0; i < els.length && i < MAX_BYLINE_ELEMENTS; i++) {
      const el = els[i]!;
      if (inComments(el) || hasAncestor(el, inComments)) continue;
      const name = cleanByline(el.getAttribute('content') ?? textOf(el));
      if (name) return name;
    }
  }
  return undefined;
}

/** The host of an absolute or protocol-relative URL ("//us.example.com/news/"). */
function hostOf(url: string | undefined): string | undefined {
  if (!url || !/^(?:https?:)?\/\//i.test(url.trim())) return undefined;
  try {
    return new URL(url.trim(), 'https://base.invalid/').hostname || undefined;
  } catch {
    return undefined;
  }
}

function unique(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of list) {
    if (v === '' || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out;
}

interface JsonLdFields {
  headline?: string;
  authors: string[];
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
      data = JSON.parse(withoutCdata(raw));
    } catch {
      continue; // broken JSON-LD is common; other sources remain
    }
    const article = findArticleNode(data);
    if (article) return fieldsOf(article);
  }
  return { authors: [] };
}

/**
 * A script's text without the CDATA wrapper that pages written for XHTML put around it, bare
 * (`<![CDATA[ {...} ]]>`), in line comments (`//<![CDATA[` ... `//]]>`) or in block comments (the
 * same markers each inside a slash-star comment). JSON.parse refuses the text as it stands, but the
 * object inside is the page's metadata, and search engines and Readability read it.
 */
export function withoutCdata(raw: string): string {
  return raw.replace(CDATA_OPEN, '').replace(CDATA_CLOSE, '');
}
const CDATA_OPEN = /^\s*(?:\/\*\s*<!\[CDATA\[\s*\*\/|\/\/[ \t]*<!\[CDATA\[|<!\[CDATA\[)/;
const CDATA_CLOSE = /(?:\/\*\s*\]\]>\s*\*\/|\/\/[ \t]*\]\]>|\]\]>)\s*$/;

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
  const out: JsonLdFields = { authors };
  const headline = str(obj['headline']);
  if (headline) out.headline = headline;
  const publisher = nameOf(obj['publisher']);
  if (publisher) out.publisher = publisher;
  const date = str(obj['datePublished']);
  if (date) out.datePublished = date;
  return out;
}
