/**
 * Feed discovery: people paste a site's address, not its feed's. Sites announce their feeds in the
 * page head as `<link rel="alternate" type="application/rss+xml" href="...">` (the RSS autodiscovery
 * convention, also used for Atom and JSON Feed). A linear scan of the `<link>` tags, no DOM.
 */

/** Feed media types announced by autodiscovery links, in order of preference. */
export const FEED_LINK_TYPES: readonly string[] = [
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/rdf+xml',
  'application/json', // JSON Feed before application/feed+json was registered
];

/** Only the start of a page is scanned: the head, where autodiscovery links live. */
const MAX_SCAN_CHARS = 512 * 1024;
/** Longest `<link>` tag considered. */
const MAX_TAG_CHARS = 2000;

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  // name="value" | name='value' | name=value; the pieces are simple character classes, so no backtracking blow-up.
  for (const m of tag.matchAll(/([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    attrs.set(m[1]!.toLowerCase(), (m[2] ?? m[3] ?? m[4] ?? '').trim());
  }
  return attrs;
}

/** The feed URLs a page announces, absolute, best type first, then in document order. */
export function discoverFeedLinks(html: string, pageUrl: string): string[] {
  const text = html.slice(0, MAX_SCAN_CHARS);
  const lower = text.toLowerCase();
  const found: Array<{ url: string; rank: number; order: number }> = [];
  for (let i = lower.indexOf('<link'); i !== -1; i = lower.indexOf('<link', i + 5)) {
    const end = lower.indexOf('>', i);
    if (end === -1 || end - i > MAX_TAG_CHARS) continue;
    const a = attributes(text.slice(i + 5, end));
    const rel = (a.get('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (a.get('type') ?? '').toLowerCase().split(';')[0]!.trim();
    const rank = FEED_LINK_TYPES.indexOf(type);
    const href = a.get('href');
    if (!rel.includes('alternate') || rank === -1 || !href) continue;
    try {
      const url = new URL(href.replace(/&amp;/g, '&'), pageUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
      if (!found.some((f) => f.url === url.href)) found.push({ url: url.href, rank, order: found.length });
    } catch {
      continue;
    }
  }
  return found.sort((x, y) => x.rank - y.rank || x.order - y.order).map((f) => f.url);
}
