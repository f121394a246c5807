/**
 * Feed documents -> one neutral shape. feedsmith recognises and parses RSS 2.0 (and 0.9x), Atom
 * 1.0 (and 0.3), RDF (RSS 1.0) and JSON Feed 1.x; its output differs per format, so each format's
 * fields are picked here through small zod schemas (unknown in, typed out) and mapped onto `FeedItem`.
 *
 * Forgiving where feed readers forgive: an XML feed cut off on the way keeps its complete items
 * (truncated.ts), a standalone Atom `<entry>` is a feed of one item, an item without a title is
 * titled by its first words, a permalink guid is the link of an item that has none, and dates in
 * several languages are read (dates.ts).
 */
import { DetectError, MalformedError, ParseError, parseFeed } from 'feedsmith';
import { z } from 'zod';
import { parseFeedDate } from './dates';
import { FeedError } from './errors';
import { collapseWhitespace, decodeEntities, firstWords, htmlToPlainText } from './text';
import { closeTruncatedXml } from './truncated';
import { assertSafeXml, prologEnd } from './xml-safety';

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

/** One entry of a feed, whatever its format. Text fields are plain text; *Html fields are HTML. */
export interface FeedItem {
  /** The publisher's id for the item (RSS guid, Atom id, JSON Feed id, RDF about). */
  readonly guid?: string;
  /** Absolute http(s) link to the item's page. */
  readonly url?: string;
  readonly title: string;
  /** Set when the feed gave the item no title: `title` is then its first words (at most 80 characters). */
  readonly untitled?: true;
  /** ISO 8601 when the feed gives a parseable date. */
  readonly publishedAt?: string;
  readonly author?: string;
  /** The full body when the feed carries one (content:encoded, Atom content, content_html...). */
  readonly contentHtml?: string;
  /** The description / summary: often a teaser. */
  readonly summaryHtml?: string;
}

export interface ParsedFeed {
  readonly format: FeedFormat;
  readonly title: string;
  /** The site the feed belongs to. */
  readonly siteUrl?: string;
  readonly items: readonly FeedItem[];
  /** Set when the document was cut off (or broken) after some items: `items` are the complete ones before the cut. */
  readonly truncated?: true;
}

const str = z.string().optional().catch(undefined);
const text = z.object({ value: z.string().optional(), type: z.string().optional() }).optional().catch(undefined);
const list = <T extends z.ZodType>(item: T) => z.array(item).optional().catch(undefined);
const dc = z.object({ creators: list(z.string()), dates: list(z.string()), titles: list(z.string()) }).optional().catch(undefined);

const rssItem = z.object({
  title: str,
  link: str,
  description: str,
  guid: z.object({ value: z.string().optional(), isPermaLink: z.boolean().optional() }).optional().catch(undefined),
  pubDate: str,
  authors: list(z.object({ name: z.string().optional(), email: z.string().optional() })),
  content: z.object({ encoded: z.string().optional() }).optional().catch(undefined),
  dc,
  rdf: z.object({ about: z.string().optional() }).optional().catch(undefined),
});
const rssFeed = z.object({ title: str, link: str, items: list(z.unknown()) });

const atomEntry = z.object({
  id: str,
  title: text,
  links: list(z.object({ href: z.string().optional(), rel: z.string().optional(), type: z.string().optional() })),
  published: str,
  updated: str,
  summary: text,
  content: text,
  authors: list(z.object({ name: z.string().optional() })),
  dc,
});
const atomFeed = z.object({
  title: text,
  links: list(z.object({ href: z.string().optional(), rel: z.string().optional() })),
  entries: list(z.unknown()),
});

const jsonItem = z.object({
  id: z.union([z.string(), z.number()]).optional().catch(undefined),
  url: str,
  external_url: str,
  title: str,
  content_html: str,
  content_text: str,
  summary: str,
  date_published: str,
  authors: list(z.object({ name: z.string().optional() })),
  author: z.object({ name: z.string().optional() }).optional().catch(undefined),
});
const jsonFeed = z.object({ title: str, home_page_url: str, items: list(z.unknown()) });

/** Resolve a link against the feed's URL; keep only http(s). */
function absoluteUrl(link: string | undefined, base: string | undefined): string | undefined {
  const raw = link?.trim();
  if (!raw) return undefined;
  try {
    const u = base ? new URL(raw, base) : new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A date string as ISO 8601, or undefined when unparseable (see dates.ts for the languages read). */
const isoDate = parseFeedDate;

/**
 * A permalink guid as the item's URL: in RSS 2.0 a guid is a permalink unless it says
 * isPermaLink="false". Only an absolute http(s) URL counts (a guid is an id, not resolved).
 */
function permalink(guid: { value?: string | undefined; isPermaLink?: boolean | undefined } | undefined): string | undefined {
  if (!guid?.value || guid.isPermaLink === false) return undefined;
  const raw = guid.value.trim();
  return /^https?:\/\//i.test(raw) ? absoluteUrl(raw, undefined) : undefined;
}

/**
 * Titles as plain text. Atom says how its titles are encoded (type="html" or "text"); RSS, RDF and
 * JSON Feed titles are meant to be plain, but many publishers escape HTML into them, so a title
 * that contains a tag is treated as HTML.
 */
function plainTitle(value: string | undefined, encoding: 'html' | 'text' | 'guess'): string {
  if (!value) return '';
  const html = encoding === 'html' || (encoding === 'guess' && /<\/?[a-z]/i.test(value));
  return html ? htmlToPlainText(value) : collapseWhitespace(encoding === 'text' ? value : decodeEntities(value));
}

/** An object with only the defined fields (exactOptionalPropertyTypes-friendly). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function rssItems(items: unknown[] | undefined, base: string | undefined): FeedItem[] {
  return (items ?? []).map((raw) => {
    const r = rssItem.safeParse(raw);
    if (!r.success) return { title: '' };
    const it = r.data;
    const guid = it.guid?.value?.trim() || it.rdf?.about?.trim() || undefined;
    const author = it.authors?.[0]?.name ?? it.dc?.creators?.[0] ?? it.authors?.[0]?.email;
    return defined({
      guid,
      url: absoluteUrl(it.link, base) ?? absoluteUrl(it.rdf?.about, base) ?? permalink(it.guid),
      title: plainTitle(it.title ?? it.dc?.titles?.[0], 'guess'),
      publishedAt: isoDate(it.pubDate) ?? isoDate(it.dc?.dates?.[0]),
      author: author ? collapseWhitespace(author) : undefined,
      contentHtml: it.content?.encoded,
      summaryHtml: it.description,
    });
  });
}

/**
 * Whether an Atom text construct holds markup: type="html" or "xhtml" in Atom 1.0, a MIME type
 * such as "text/html" or "application/xhtml+xml" in Atom 0.3.
 */
const isHtmlText = (t: { type?: string | undefined } | undefined) => t?.type !== undefined && /html/i.test(t.type);

/**
 * An Atom title as plain text. Atom 0.3 titles often come escaped (mode="escaped", which feedsmith
 * does not report) with no html type: their tags are guessed and dropped, as for RSS.
 */
function atomTitle(t: { value?: string | undefined; type?: string | undefined } | undefined, atom03: boolean): string {
  return plainTitle(t?.value, isHtmlText(t) ? 'html' : atom03 ? 'guess' : 'text');
}

function atomItems(entries: unknown[] | undefined, base: string | undefined, atom03: boolean): FeedItem[] {
  return (entries ?? []).map((raw) => {
    const r = atomEntry.safeParse(raw);
    if (!r.success) return { title: '' };
    const e = r.data;
    const alternate = e.links?.find((l) => (l.rel ?? 'alternate') === 'alternate') ?? e.links?.[0];
    const isHtml = isHtmlText;
    // Atom text constructs of type="text" are plain: escape them so the HTML article loader keeps them verbatim.
    const asHtml = (t: { value?: string | undefined; type?: string | undefined } | undefined) =>
      t?.value === undefined ? undefined : isHtml(t) ? t.value : escapeHtml(t.value);
    return defined({
      guid: e.id?.trim() || undefined,
      url: absoluteUrl(alternate?.href, base),
      title: atomTitle(e.title, atom03),
      publishedAt: isoDate(e.published) ?? isoDate(e.updated) ?? isoDate(e.dc?.dates?.[0]),
      author: e.authors?.[0]?.name ? collapseWhitespace(e.authors[0].name) : undefined,
      contentHtml: asHtml(e.content),
      summaryHtml: asHtml(e.summary),
    });
  });
}

function jsonItems(items: unknown[] | undefined, base: string | undefined): FeedItem[] {
  return (items ?? []).map((raw) => {
    const r = jsonItem.safeParse(raw);
    if (!r.success) return { title: '' };
    const it = r.data;
    const author = it.authors?.[0]?.name ?? it.author?.name;
    return defined({
      guid: it.id === undefined ? undefined : String(it.id).trim() || undefined,
      url: absoluteUrl(it.url, base) ?? absoluteUrl(it.external_url, base),
      title: plainTitle(it.title, 'guess'),
      publishedAt: isoDate(it.date_published),
      author: author ? collapseWhitespace(author) : undefined,
      contentHtml: it.content_html ?? (it.content_text === undefined ? undefined : textToHtml(it.content_text)),
      summaryHtml: it.summary === undefined ? undefined : escapeHtml(it.summary),
    });
  });
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text with blank-line paragraphs -> HTML paragraphs, so one loader handles every body. */
function textToHtml(s: string): string {
  return s
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

/** A standalone Atom `<entry>` document (the root is an entry) wrapped in a feed, else undefined. */
function entryAsFeed(document: string): string | undefined {
  const body = document.slice(prologEnd(document));
  if (!/^<(?:[\w.-]+:)?entry[\s>/]/.test(body) || !body.includes('http://www.w3.org/2005/Atom')) return undefined;
  return `<feed xmlns="http://www.w3.org/2005/Atom">${body}</feed>`;
}

/**
 * Whether an XML document ends with the end tag of its root element. The feed parser accepts some
 * documents cut off between elements (unclosed elements at the end), so a cut is looked for here
 * too: a document that does not end with its root's end tag goes through the repair.
 */
function rootClosed(document: string): boolean {
  const body = document.slice(prologEnd(document));
  const root = /^<([^\s>/]+)/.exec(body.slice(0, 200))?.[1];
  if (root === undefined) return true;
  // A comment after the root (a cache's timing note) is no cut.
  const tail = body.slice(-(root.length + 200)).trimEnd().replace(/<!--[^]*?-->\s*$/, '').trimEnd();
  const lastEnd = tail.lastIndexOf('</');
  if (tail.endsWith('>') && lastEnd !== -1 && tail.slice(lastEnd).replace(/\s+/g, '') === `</${root}>`) return true;
  // A root that closes itself (<rss version="2.0"/>) is whole too.
  return /^<[^<]*\/>\s*$/.test(body);
}

type Parsed = { format: FeedFormat; feed: unknown };

/** feedsmith's parse with its failures as FeedErrors: MalformedError is returned, for a repair attempt. */
function parseWith(value: unknown, feedUrl: string | undefined): Parsed | 'malformed' {
  try {
    return parseFeed(value as string) as Parsed;
  } catch (err) {
    if (err instanceof MalformedError) return 'malformed';
    if (err instanceof DetectError || err instanceof ParseError) {
      // Well-formed (or not XML at all), but no RSS channel, Atom feed, RDF channel or JSON Feed in it.
      throw new FeedError('FEED_UNRECOGNIZED', 'The document is not an RSS, Atom, RDF or JSON feed.', feedUrl);
    }
    throw new FeedError('FEED_MALFORMED', `The feed could not be parsed: ${(err as Error).message}`, feedUrl);
  }
}

const MALFORMED_XML = 'The feed is not well-formed XML, and no complete item could be read before the point where it breaks off.';

/**
 * Parse a fetched feed document. `feedUrl` resolves relative links. Throws FeedError with
 * FEED_XML_ENTITIES, FEED_MALFORMED (broken JSON, or broken XML with no complete item before the
 * break) or FEED_UNRECOGNIZED (well-formed, but not a feed: a web page, some other XML or JSON).
 */
export function parseFeedDocument(document: string, feedUrl?: string): ParsedFeed {
  assertSafeXml(document, feedUrl);
  const text = document.replace(/^\uFEFF/, '').trimStart();
  let input: unknown = entryAsFeed(text) ?? text;
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      // Parsed once here: feedsmith takes the object as it is.
      input = JSON.parse(text);
    } catch {
      throw new FeedError('FEED_MALFORMED', 'The feed is not well-formed JSON (it may be cut off).', feedUrl);
    }
  }
  let parsed = parseWith(input, feedUrl);
  if (parsed !== 'malformed' && typeof input === 'string' && !rootClosed(input)) parsed = 'malformed';
  let repaired: ReturnType<typeof closeTruncatedXml> = undefined;
  if (parsed === 'malformed') {
    repaired = typeof input === 'string' ? closeTruncatedXml(input) : undefined;
    if (!repaired) throw new FeedError('FEED_MALFORMED', MALFORMED_XML, feedUrl);
    try {
      parsed = parseWith(repaired.text, feedUrl);
    } catch {
      parsed = 'malformed';
    }
    if (parsed === 'malformed') throw new FeedError('FEED_MALFORMED', MALFORMED_XML, feedUrl);
  }
  const feed = toParsedFeed(parsed, feedUrl, typeof input === 'string' && input.includes('http://purl.org/atom/ns#'));
  if (!repaired) return feed;
  let items = feed.items;
  // The item the cut went through is kept only with a title or a link of its own.
  const last = items[items.length - 1];
  if (repaired.partialItem && last && (last.untitled || last.title === '') && last.url === undefined) items = items.slice(0, -1);
  if (items.length === 0) throw new FeedError('FEED_MALFORMED', MALFORMED_XML, feedUrl);
  return { ...feed, items, truncated: true };
}

/** An item the feed gave no title gets its first words as title, marked `untitled`. */
function titled(item: FeedItem): FeedItem {
  if (item.title !== '') return item;
  const body = item.contentHtml ?? item.summaryHtml;
  const words = body === undefined ? '' : firstWords(htmlToPlainText(body));
  return words === '' ? item : { ...item, title: words, untitled: true };
}

function toParsedFeed({ format, feed }: Parsed, feedUrl: string | undefined, atom03: boolean): ParsedFeed {
  if (format === 'atom') {
    const f = atomFeed.parse(feed);
    const site = f.links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href;
    return defined({
      format,
      title: atomTitle(f.title, atom03),
      siteUrl: absoluteUrl(site, feedUrl),
      items: atomItems(f.entries, feedUrl, atom03).map(titled),
    });
  }
  if (format === 'json') {
    const f = jsonFeed.parse(feed);
    return defined({
      format,
      title: plainTitle(f.title, 'guess'),
      siteUrl: absoluteUrl(f.home_page_url, feedUrl),
      items: jsonItems(f.items, feedUrl).map(titled),
    });
  }
  const f = rssFeed.parse(feed);
  return defined({
    format,
    title: plainTitle(f.title, 'guess'),
    siteUrl: absoluteUrl(f.link, feedUrl),
    items: rssItems(f.items, feedUrl).map(titled),
  });
}
