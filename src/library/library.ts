/**
 * The library: what the bot knows about each server's articles. Adds (with duplicate detection and
 * the per-server limit), lists, resolves what a person typed into an article, suggests articles for
 * autocomplete, removes, and hands out each article's analysis (computed once, stored, recomputed
 * only when ANALYSIS_VERSION changes or the stored row no longer reads back through its schema;
 * after a change, `reanalysis` recomputes the old ones in the background, so the quote rows that
 * `/whosaid` searches follow the new rules in articles nobody opens).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Article } from '../article/model';
import { ANALYSIS_VERSION, type Analysis } from '../nlp/analyze';
import type { AnalysisStore, ArticleHeading, ArticleListing, ArticleStore, NewArticle, SearchStore, StoredArticle } from '../store/ports';
import { readStoredAnalysis } from './analysis-schema';
import { LibraryError } from './errors';
import { LIBRARY_LIMITS } from './limits';
import { articleQuery, MATCH_TIER, matchArticles, pickArticle, type Match } from './match';
import { DEFAULT_RETENTION, retentionReport, type RetentionPolicy, type RetentionReport } from './retention';
import { slugify } from './slug';
import type { AddSource, ArticleLoader } from './sources';
import { createReanalysis, type Reanalysis, type ReanalysisDeps } from './reanalyse';
import { createSpeakerDirectory, type SpeakerDirectory } from './speakers';
import { looksLikeUrl, urlKey } from './url';
import { inProcessWork, type ArticleWork } from './work';

export interface AddOutcome {
  readonly article: StoredArticle;
  readonly analysis: Analysis;
  /** Set when nothing was added because the server already has it: matched by URL or by content. */
  readonly duplicate?: 'url' | 'content';
}

export interface ResolvedArticle {
  readonly article: StoredArticle;
  /** True when the reference was a URL that was fetched and added just now. */
  readonly loaded: boolean;
}

export interface ListPage {
  readonly items: readonly ArticleListing[];
  /** 0-based page actually shown (clamped into range). */
  readonly page: number;
  readonly pageCount: number;
  readonly total: number;
  /** How the server's library stands against the retention policy (for the list's footer). */
  readonly retention: RetentionReport;
}

/** One autocomplete choice: `name` shown (≤100 chars), `value` sent back (the article id). */
export interface Suggestion {
  readonly name: string;
  readonly value: string;
}

export interface Library {
  add(guildId: string, source: AddSource, userId: string): Promise<AddOutcome>;
  list(guildId: string, page: number, pageSize: number): Promise<ListPage>;
  /** An article by exact id, or ARTICLE_NOT_FOUND. */
  get(guildId: string, id: string): Promise<StoredArticle>;
  /** An article by exact id, or undefined (for buttons whose article may have been removed). */
  find(guildId: string, id: string): Promise<StoredArticle | undefined>;
  /** A stored article by what a person typed (id, id prefix, slug, title words, stored URL); loads nothing. */
  lookup(guildId: string, ref: string): Promise<StoredArticle>;
  /** What a person typed (id, id prefix, slug, title words, or a URL to load) -> one article. */
  resolve(guildId: string, ref: string, userId: string): Promise<ResolvedArticle>;
  /** Autocomplete choices for a partial reference, best first, at most `limit` (≤25). */
  suggest(guildId: string, query: string, limit?: number): Promise<Suggestion[]>;
  remove(guildId: string, ref: string): Promise<StoredArticle>;
  /**
   * The article's analysis: stored, or computed now (and stored) when missing, outdated or
   * unreadable (a stored row that fails the schema is logged and replaced, never thrown).
   */
  analysis(article: Article): Promise<Analysis>;
  /** Put a bundled article in every server (used at start). */
  addBundled(article: Article, slug: string): Promise<StoredArticle>;
  /** Forget bundled articles that are no longer shipped. */
  pruneBundled(keep: ReadonlySet<string>): Promise<number>;
  /** The server's counts against the retention policy, and what it pruned lately. */
  retention(guildId: string): Promise<RetentionReport>;
  /** Who said what across a server's articles (`/whosaid`, speaker autocomplete). */
  readonly speakers: SpeakerDirectory;
  /**
   * The background recompute of every stored analysis older than ANALYSIS_VERSION (reanalyse.ts),
   * through `analyze` (the worker pool), newest articles first, one at a time; the bot starts it
   * once ready and stops it before the pool and the stores close.
   */
  readonly reanalysis: Reanalysis;
}

export interface LibraryDeps {
  readonly articles: ArticleStore;
  readonly analyses: AnalysisStore;
  /** Indexed look-ups for autocomplete, lookup and `/whosaid` (bounded, whatever the library's size). */
  readonly search: SearchStore;
  readonly load: ArticleLoader;
  /** Where analyses are computed: the bot's worker pool, so a long article holds no event loop; default in this thread. */
  readonly analyze?: ArticleWork['analyze'];
  /** What the server keeps: member adds are refused past `maxMemberArticlesPerServer` (feed items are the feed runtime's). */
  readonly retention?: RetentionPolicy;
  /** The clock of the retention report's window; default the system clock. */
  readonly now?: () => number;
  readonly maxArticleChars?: number;
  /** Told after an article is removed from a server (caches keyed by article drop it). */
  readonly onRemoved?: (article: StoredArticle) => void;
  /** The background recompute's pace (tests); default REANALYSIS's window and no pause. */
  readonly reanalysis?: Pick<ReanalysisDeps, 'span' | 'pauseMs' | 'progressEvery' | 'holder'>;
  /** Told when a stored analysis could not be read back (it is recomputed); default: silent. */
  readonly log?: (level: 'info' | 'warn' | 'error', data: Record<string, unknown>, message: string) => void;
}

/**
 * Candidate articles read per way of matching (id prefix, slug, word starts, title substring):
 * the newest that many are ranked by the matcher, so a server with fewer matches ranks them all.
 */
const MATCH_CANDIDATES = 100;

/** Words of a reference the search store looks for (the longest: the rarest, in practice). */
const SEARCHED_WORDS = 3;

/** Discord's limit for autocomplete choices and for a choice's name and value. */
const MAX_CHOICES = 25;
const MAX_CHOICE_CHARS = 100;

/** `text` cut to `max` characters at a word boundary, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function createLibrary(deps: LibraryDeps): Library {
  const { articles, analyses } = deps;
  const policy = deps.retention ?? DEFAULT_RETENTION;
  const maxPerGuild = policy.maxMemberArticlesPerServer;
  const now = deps.now ?? Date.now;
  const maxChars = deps.maxArticleChars ?? LIBRARY_LIMITS.maxArticleChars;
  const analyze = deps.analyze ?? inProcessWork.analyze;

  async function analysis(article: Article): Promise<Analysis> {
    const stored = await analyses.get(article.id);
    if (stored && stored.version === ANALYSIS_VERSION) {
      const read = await readStoredAnalysis(stored.json);
      if (read.ok && read.analysis.version === ANALYSIS_VERSION && read.analysis.articleId === article.id) return read.analysis;
      const reason = read.ok ? 'stored for another version or article' : read.reason;
      deps.log?.('warn', { articleId: article.id, reason }, 'stored analysis unreadable: recomputed');
    }
    const fresh = await analyze(article);
    await analyses.put(article.id, fresh.analysis.version, fresh.json, fresh.quoteRows);
    return fresh.analysis;
  }

  async function get(guildId: string, id: string): Promise<StoredArticle> {
    const found = await articles.get(guildId, id);
    if (!found) throw new LibraryError('ARTICLE_NOT_FOUND', `no article ${id}`, { ref: id });
    return found;
  }

  /** The entry the store keeps for `article` (title cut to what Discord shows). */
  function entryFor(article: Article, userId: string, key: string | undefined): NewArticle {
    const title = article.title.slice(0, LIBRARY_LIMITS.maxTitleChars);
    return { article: { ...article, title }, slug: slugify(title), addedBy: userId, ...(key !== undefined && { urlKey: key }) };
  }

  /** The refusal past the member limit, logged: an admin reading the log sees who hit it. */
  function full(guildId: string, userId: string): LibraryError {
    deps.log?.('warn', { guildId, userId, limit: maxPerGuild }, 'article not added: the server reached its limit of articles added by members');
    return new LibraryError('LIBRARY_FULL', `server has ${maxPerGuild} articles added by members`, { limit: maxPerGuild });
  }

  async function add(guildId: string, source: AddSource, userId: string): Promise<AddOutcome> {
    const requestedKey = source.kind === 'url' ? urlKey(source.url) : undefined;
    // Early checks spare a fetch that cannot be stored; they are repeated at the write, because
    // other adds to this server may finish while this one is loading.
    if (requestedKey) {
      const existing = await articles.findByUrlKey(guildId, requestedKey);
      if (existing) return { article: existing, analysis: await analysis(existing), duplicate: 'url' };
    }
    if ((await articles.countOwn(guildId, 'member')) >= maxPerGuild) throw full(guildId, userId);
    const article = await deps.load(source);
    if (article.text.length > maxChars) {
      throw new LibraryError('ARTICLE_TOO_LONG', `${article.text.length} characters`, { size: article.text.length, limit: maxChars });
    }
    const finalKey = article.url ? urlKey(article.url) : requestedKey;
    if (finalKey && finalKey !== requestedKey) {
      const existing = await articles.findByUrlKey(guildId, finalKey);
      if (existing) return { article: existing, analysis: await analysis(existing), duplicate: 'url' };
    }
    const sameContent = await articles.get(guildId, article.id);
    if (sameContent) return { article: sameContent, analysis: await analysis(sameContent), duplicate: 'content' };
    // Analyse before storing: an article the analysis cannot handle is never half-added.
    const result = await analysis(article);
    // The analysis is stored in bounded steps with the loop turning between them (the store's
    // analysis-writes.ts); the article's row (up to 2,000,000 characters: ~10 ms of SQLite work)
    // waits for one more turn, so other servers' replies never wait for both.
    await nextTurn();
    const outcome = await articles.insertChecked(guildId, entryFor(article, userId, finalKey), maxPerGuild);
    if (outcome.kind === 'full') throw full(guildId, userId);
    if (outcome.kind === 'added') return { article: outcome.article, analysis: result };
    const existing = outcome.article;
    return { article: existing, analysis: existing.id === article.id ? result : await analysis(existing), duplicate: outcome.by };
  }

  async function list(guildId: string, page: number, pageSize: number): Promise<ListPage> {
    const total = await articles.countVisible(guildId);
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const p = Math.min(Math.max(0, Math.trunc(page) || 0), pageCount - 1);
    return { items: await articles.page(guildId, p * pageSize, pageSize), page: p, pageCount, total, retention: await retentionReport(articles, guildId, policy, now()) };
  }

  /**
   * The matcher's ranking of what `ref` may mean, over candidates from the search store (bounded):
   * by id, slug and word starts first; titles merely containing the text (the lowest tier) are
   * read too only when the better matches fall short of `enough`, so a title typed in full never
   * costs a substring search.
   */
  async function ranked(guildId: string, ref: string, enough: number): Promise<Array<Match<ArticleHeading>>> {
    // The longest words find the candidates (rows starting those words are a superset of rows
    // starting all of them); the matcher checks every word.
    const read = articleQuery(ref);
    const query = { ...read, words: [...new Set(read.words)].sort((a, b) => b.length - a.length).slice(0, SEARCHED_WORDS) };
    const first = matchArticles(await deps.search.articleCandidates(guildId, { ...query, substring: false }, MATCH_CANDIDATES), ref);
    if (query.text.length < 3 || first.filter((m) => m.score > MATCH_TIER.substring).length >= enough) return first;
    return matchArticles(await deps.search.articleCandidates(guildId, { ...query, substring: true }, MATCH_CANDIDATES), ref);
  }

  /** The stored article a reference means, without loading anything (URLs match stored URLs only). */
  async function lookup(guildId: string, ref: string): Promise<StoredArticle> {
    const trimmed = ref.trim();
    const key = looksLikeUrl(trimmed) ? urlKey(trimmed) : undefined;
    if (key) {
      const byUrl = await articles.findByUrlKey(guildId, key);
      if (byUrl) return byUrl;
      throw new LibraryError('ARTICLE_NOT_FOUND', 'no article has this URL', { ref: trimmed });
    }
    const exact = await articles.get(guildId, trimmed);
    if (exact) return exact;
    const { best, tied } = pickArticle(await ranked(guildId, trimmed, 1));
    if (best) return get(guildId, best.id);
    if (tied.length > 1) {
      throw new LibraryError('ARTICLE_AMBIGUOUS', `${tied.length} articles match`, {
        ref: trimmed,
        candidates: tied.slice(0, 5),
      });
    }
    throw new LibraryError('ARTICLE_NOT_FOUND', 'no article matches', { ref: trimmed });
  }

  async function resolve(guildId: string, ref: string, userId: string): Promise<ResolvedArticle> {
    const trimmed = ref.trim();
    if (looksLikeUrl(trimmed)) {
      const outcome = await add(guildId, { kind: 'url', url: trimmed }, userId);
      return { article: outcome.article, loaded: outcome.duplicate === undefined };
    }
    return { article: await lookup(guildId, trimmed), loaded: false };
  }

  async function suggest(guildId: string, query: string, limit = MAX_CHOICES): Promise<Suggestion[]> {
    const n = Math.min(limit, MAX_CHOICES);
    const q = query.trim();
    const out: Suggestion[] = [];
    if (looksLikeUrl(q) && q.length <= MAX_CHOICE_CHARS) {
      out.push({ name: clip(`Load ${q}`, MAX_CHOICE_CHARS), value: q });
    }
    // Nothing typed: the newest articles, as the matcher orders a whole library.
    for (const { listing } of q ? await ranked(guildId, q, n) : matchArticles(await articles.page(guildId, 0, n), q)) {
      if (out.length >= n) break;
      out.push({ name: choiceName(listing), value: listing.id });
    }
    return out;
  }

  async function remove(guildId: string, ref: string): Promise<StoredArticle> {
    const found = await lookup(guildId, ref);
    if (found.guildId === null) throw new LibraryError('ARTICLE_BUNDLED', 'bundled articles stay', { ref: found.id });
    await articles.remove(guildId, found.id);
    await analyses.pruneOrphans();
    deps.onRemoved?.(found);
    return found;
  }

  return {
    add,
    list,
    get,
    find: (guildId, id) => articles.get(guildId, id),
    lookup,
    resolve,
    suggest,
    remove,
    analysis,
    addBundled: (article, slug) => articles.upsertBundled({ article, slug }),
    pruneBundled: (keep) => articles.pruneBundled(keep),
    retention: (guildId) => retentionReport(articles, guildId, policy, now()),
    speakers: createSpeakerDirectory({ search: deps.search, articles, analysis, ...(deps.log !== undefined && { log: deps.log }) }),
    reanalysis: createReanalysis({ articles, analyses, analyze, ...deps.reanalysis, ...(deps.log !== undefined && { log: deps.log }) }),
  };
}

/** "Title · site" in at most 100 characters, the id at the end so people can tell copies apart. */
function choiceName(l: ArticleHeading): string {
  const where = l.siteName ?? (l.url ? hostOf(l.url) : l.guildId === null ? 'bundled' : undefined);
  const tail = ` · ${where ? `${where} · ` : ''}${l.id.slice(0, 6)}`;
  return `${clip(l.title, MAX_CHOICE_CHARS - tail.length)}${tail}`;
}

function hostOf(url: string): string | undefined {
  return URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') : undefined;
}
