/**
 * Who said what across one server's articles: the speaker index (aliases merged across articles,
 * "Trump" = "President Trump" = "Donald Trump") built from the stored analyses, for `/whosaid` and
 * for speaker autocomplete.
 *
 * Cached per server and keyed by the server's article ids: adding or removing an article changes
 * the key, so the next call rebuilds (from any process that shares the database, with no event to
 * miss). Each article's quotes are kept too, so a rebuild after one add reads one analysis.
 */
import type { Quote } from '../nlp/quotes';
import { buildSpeakerIndex, searchPhrase, suggestSpeakers, type ArticleQuotes, type PhraseHit, type SpeakerEntry } from '../nlp/quotes';
import type { ArticleListing } from '../store/ports';
import type { Library } from './library';

/** What a reply needs to say where a quote comes from (no article text). */
export interface ArticleRef {
  readonly id: string;
  readonly title: string;
  readonly url?: string;
  readonly siteName?: string;
  readonly publishedAt?: string;
  readonly addedAt: string;
  /** null for bundled articles. */
  readonly guildId: string | null;
}

export interface GuildSpeakers {
  /** One entry per speaker, most quoted first. */
  readonly entries: readonly SpeakerEntry<ArticleRef>[];
  /** Every article with its quotes, newest first (the library's order). */
  readonly articles: readonly ArticleQuotes<ArticleRef>[];
}

export interface SpeakerDirectory {
  /** The server's speaker index, rebuilt only when its articles changed. */
  of(guildId: string): Promise<GuildSpeakers>;
  /** Autocomplete: speakers matching what was typed (most quoted first when nothing is typed). */
  suggest(guildId: string, typed: string, limit?: number, articleId?: string): Promise<SpeakerEntry<ArticleRef>[]>;
  /** Drop the cached index of one server (or of all): the next call rebuilds it. */
  invalidate(guildId?: string): void;
}

export interface SpeakerDirectoryOptions {
  /** Servers whose index stays in memory; the least recently used is dropped first. */
  readonly maxGuilds?: number;
  /** Articles whose quotes stay in memory (shared by every server: bundled articles count once). */
  readonly maxArticles?: number;
}

/** Enough for every active server of a mid-sized bot; an index is small (quotes point into analyses). */
const DEFAULT_MAX_GUILDS = 64;
/** A few full servers (500 articles each) plus the bundled ones. */
const DEFAULT_MAX_ARTICLES = 4000;
/** Listings read per page while collecting a server's articles (the library caps a server at 500). */
const LISTING_PAGE = 1000;

/** Map with least-recently-used eviction: get() refreshes, set() evicts past `max`. */
function lru<K, V>(max: number) {
  const m = new Map<K, V>();
  return {
    get(k: K): V | undefined {
      const v = m.get(k);
      if (v !== undefined) {
        m.delete(k);
        m.set(k, v);
      }
      return v;
    },
    set(k: K, v: V): void {
      m.delete(k);
      m.set(k, v);
      while (m.size > max) m.delete(m.keys().next().value as K);
    },
    delete: (k: K) => m.delete(k),
    clear: () => m.clear(),
  };
}

const refOf = (l: ArticleListing): ArticleRef => ({
  id: l.id,
  title: l.title,
  ...(l.url !== undefined && { url: l.url }),
  ...(l.siteName !== undefined && { siteName: l.siteName }),
  ...(l.publishedAt !== undefined && { publishedAt: l.publishedAt }),
  addedAt: l.addedAt,
  guildId: l.guildId,
});

async function allListings(library: Library, guildId: string): Promise<ArticleListing[]> {
  const out: ArticleListing[] = [];
  const first = await library.list(guildId, 0, LISTING_PAGE);
  out.push(...first.items);
  for (let p = 1; p < first.pageCount; p++) out.push(...(await library.list(guildId, p, LISTING_PAGE)).items);
  return out;
}

export function createSpeakerDirectory(library: Library, options: SpeakerDirectoryOptions = {}): SpeakerDirectory {
  const guilds = lru<string, { key: string; value: GuildSpeakers }>(options.maxGuilds ?? DEFAULT_MAX_GUILDS);
  const quotesByArticle = lru<string, readonly Quote[]>(options.maxArticles ?? DEFAULT_MAX_ARTICLES);

  async function quotesOf(guildId: string, id: string): Promise<readonly Quote[]> {
    const cached = quotesByArticle.get(id);
    if (cached) return cached;
    const article = await library.find(guildId, id);
    // Removed between listing and reading: it simply has no quotes in this index.
    const quotes = article ? ((await library.analysis(article)).quotes ?? []) : [];
    quotesByArticle.set(id, quotes);
    return quotes;
  }

  async function of(guildId: string): Promise<GuildSpeakers> {
    const listings = await allListings(library, guildId);
    const key = listings.map((l) => l.id).join(',');
    const cached = guilds.get(guildId);
    if (cached && cached.key === key) return cached.value;
    // In turn rather than all at once: a first build would otherwise ask the store for every row together.
    const articles: ArticleQuotes<ArticleRef>[] = [];
    for (const l of listings) articles.push({ article: refOf(l), quotes: await quotesOf(guildId, l.id) });
    const value: GuildSpeakers = { entries: buildSpeakerIndex(articles), articles };
    guilds.set(guildId, { key, value });
    return value;
  }

  return {
    of,
    async suggest(guildId, typed, limit = 25, articleId) {
      const { entries } = await of(guildId);
      const pool = articleId ? entries.filter((e) => e.quotes.some((q) => q.article.id === articleId)) : entries;
      const names = suggestSpeakers(pool, typed, limit);
      return names.map((n) => pool.find((e) => e.name === n)!).filter(Boolean);
    },
    invalidate(guildId) {
      if (guildId === undefined) guilds.clear();
      else guilds.delete(guildId);
    },
  };
}

const directories = new WeakMap<Library, SpeakerDirectory>();

/** The one speaker directory of a library (commands share it; a new library gets a new one). */
export function speakersOf(library: Library): SpeakerDirectory {
  let d = directories.get(library);
  if (!d) {
    d = createSpeakerDirectory(library);
    directories.set(library, d);
  }
  return d;
}

/** Phrase hits across a server's articles (optionally one article), best first. */
export function searchServerPhrase(index: GuildSpeakers, phrase: string, articleId?: string): PhraseHit<ArticleRef>[] {
  const items = articleId ? index.articles.filter((a) => a.article.id === articleId) : index.articles;
  return searchPhrase(items, phrase);
}

/** Longest choice name and value Discord accepts. */
const MAX_CHOICE_CHARS = 100;

/**
 * Autocomplete choices for a `speaker` option: "Richard Grenell · 3 quotes" (counted in one article
 * when `articleId` is given), value = the canonical name. At most `limit` (Discord: 25).
 */
export async function speakerChoices(
  directory: SpeakerDirectory,
  guildId: string,
  typed: string,
  { articleId, limit = 25 }: { articleId?: string; limit?: number } = {},
): Promise<Array<{ name: string; value: string }>> {
  const out: Array<{ name: string; value: string }> = [];
  for (const e of await directory.suggest(guildId, typed.slice(0, MAX_CHOICE_CHARS), limit, articleId)) {
    if (e.name.length > MAX_CHOICE_CHARS) continue;
    const n = articleId ? e.quotes.filter((q) => q.article.id === articleId).length : e.quotes.length;
    const articles = new Set(e.quotes.map((q) => q.article.id)).size;
    const tail = ` · ${n} quote${n === 1 ? '' : 's'}${!articleId && articles > 1 ? ` in ${articles} articles` : ''}`;
    const name = e.name.length + tail.length <= MAX_CHOICE_CHARS ? `${e.name}${tail}` : e.name;
    out.push({ name, value: e.name });
  }
  return out;
}
