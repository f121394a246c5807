/**
 * Matching what a person typed in an `article` option against the server's articles: an id or id
 * prefix, a slug (`venezuela`), or words of the title, in that order of trust. Pure and bounded:
 * the query is cut to MAX_QUERY_CHARS and the work is linear in the articles given, which the
 * library takes from the search store (a bounded set of candidates, not the whole server).
 */
import { foldedWords } from '../nlp/folded-words';
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

/** What matching reads of an article: a listing, or the lighter heading the search store returns. */
export type Matchable = Pick<ArticleListing, 'id' | 'slug' | 'title'>;

export interface Match<T extends Matchable = ArticleListing> {
  readonly listing: T;
  readonly score: number;
}

const words = foldedWords;

function scoreOne(l: Matchable, q: string, qWords: readonly string[]): number {
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

/** Query words compared (more say nothing new about a title of at most 256 characters). */
const MAX_QUERY_WORDS = 16;

/** A typed reference as the matcher reads it: the trimmed lower-case text and its folded words. */
export interface ArticleQuery {
  readonly text: string;
  readonly words: readonly string[];
  /** Set when the text can be an id prefix (hex, at least MIN_ID_PREFIX characters). */
  readonly idPrefix?: string;
}

/** How `matchArticles` reads `query`; the search store is asked for candidates from the same reading. */
export function articleQuery(query: string): ArticleQuery {
  const text = query.trim().toLowerCase().slice(0, MAX_QUERY_CHARS);
  const idPrefix = text.length >= MIN_ID_PREFIX && /^[0-9a-f]+$/.test(text) ? text : undefined;
  return { text, words: words(text).slice(0, MAX_QUERY_WORDS), ...(idPrefix !== undefined && { idPrefix }) };
}

/**
 * Listings matching `query`, best first (ties keep the given order: newest first). An empty query
 * matches everything with score 1, so autocomplete shows the newest articles.
 */
export function matchArticles<T extends Matchable>(listings: readonly T[], query: string): Match<T>[] {
  const { text: q, words: qWords } = articleQuery(query);
  if (!q) return listings.map((listing) => ({ listing, score: 1 }));
  const out: Match<T>[] = [];
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
export function pickArticle<T extends Matchable>(matches: readonly Match<T>[]): { best?: T; tied: T[] } {
  const top = matches[0];
  if (!top) return { tied: [] };
  const tied = matches.filter((m) => m.score === top.score).map((m) => m.listing);
  return tied.length === 1 ? { best: top.listing, tied } : { tied };
}
