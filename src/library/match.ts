/**
 * Matching what a person typed in an `article` option against the server's articles: an id or id
 * prefix, a slug (`venezuela`), or words of the title, in that order of trust. Pure and bounded:
 * the query is cut to MAX_QUERY_CHARS and the work is linear in the number of articles.
 */
import type { ArticleListing } from '../store/ports';

/** Longer input cannot match a title (titles are capped at 256) and would only cost time. */
export const MAX_QUERY_CHARS = 256;
/** Shortest hex prefix treated as an id (shorter ones match too many ids by chance). */
export const MIN_ID_PREFIX = 4;

/** How a listing matched; higher tiers are more trusted. Values are the ranking order. */
export const MATCH_TIER = {
  id: 100,
  idPrefix: 90,
  slug: 85,
  title: 80,
  slugPrefix: 70,
  titleWords: 50,
  substring: 30,
} as const;

export interface Match {
  readonly listing: ArticleListing;
  readonly score: number;
}

const words = (s: string): string[] =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function scoreOne(l: ArticleListing, q: string, qWords: readonly string[]): number {
  if (l.id === q) return MATCH_TIER.id;
  if (q.length >= MIN_ID_PREFIX && /^[0-9a-f]+$/.test(q) && l.id.startsWith(q)) return MATCH_TIER.idPrefix;
  if (l.slug === q) return MATCH_TIER.slug;
  const title = l.title.toLowerCase();
  if (title === q) return MATCH_TIER.title;
  if (l.slug.startsWith(q)) return MATCH_TIER.slugPrefix;
  if (qWords.length > 0) {
    const tWords = new Set([...words(l.title), ...l.slug.split('-')]);
    const all = qWords.every((w) => [...tWords].some((t) => t.startsWith(w)));
    if (all) return MATCH_TIER.titleWords + Math.min(9, qWords.length);
  }
  if (q.length >= 3 && title.includes(q)) return MATCH_TIER.substring;
  return 0;
}

/**
 * Listings matching `query`, best first (ties keep the given order: newest first). An empty query
 * matches everything with score 1, so autocomplete shows the newest articles.
 */
export function matchArticles(listings: readonly ArticleListing[], query: string): Match[] {
  const q = query.trim().toLowerCase().slice(0, MAX_QUERY_CHARS);
  if (!q) return listings.map((listing) => ({ listing, score: 1 }));
  const qWords = words(q).slice(0, 16);
  const out: Match[] = [];
  for (const listing of listings) {
    const score = scoreOne(listing, q, qWords);
    if (score > 0) out.push({ listing, score });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * The one article a reference means, or the equally good candidates when it is ambiguous. A single
 * best match wins; several tied matches are returned for the user to choose from.
 */
export function pickArticle(matches: readonly Match[]): { best?: ArticleListing; tied: ArticleListing[] } {
  const top = matches[0];
  if (!top) return { tied: [] };
  const tied = matches.filter((m) => m.score === top.score).map((m) => m.listing);
  return tied.length === 1 ? { best: top.listing, tied } : { tied };
}
