/**
 * Who said what across one server's articles, for `/whosaid` and speaker autocomplete: indexed
 * queries on the search store's rows (quotes stored as rows when an analysis is stored, speaker
 * counts per server), ranked here by the speaker index's own rules (aliases merged across
 * articles: "Trump" = "President Trump" = "Donald Trump"). Nothing is kept in memory between
 * calls, so the work per call is bounded however many articles a server holds: it reads the
 * families of speakers it needs and at most a few hundred candidate quotes.
 *
 * Analyses stored before the search rows existed (or stored by a writer that did not index them),
 * and articles never analysed, are indexed once per process before the first answer (`catchUp`).
 */
import type { Article } from '../article/model';
import type { Analysis } from '../nlp/analyze';
import { findSpeaker, phraseWords, searchPhrase, speakerKey, suggestSpeakers, type PhraseHit, type Quote } from '../nlp/quotes';
import type { ArticleHeading, ArticleStore, FoundQuote, SearchStore } from '../store/ports';
import { quoteSchema } from './analysis-schema';
import { indexedQuotes } from './quote-rows';
import { groupSpeakerKeys, lastWord, speakerSummaries, type SpeakerSummary } from './speaker-summaries';

export type { SpeakerSummary } from './speaker-summaries';

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

/** A quote with the article it comes from. */
export interface SpeakerQuote {
  readonly article: ArticleRef;
  readonly quote: Quote;
}

/** One speaker's quotes: the newest `items`, and the totals of all of them. */
export interface SpeakerQuotes {
  /** Newest article first, then text order; at most MAX_LISTED_QUOTES. */
  readonly items: readonly SpeakerQuote[];
  readonly total: number;
  readonly articles: number;
}

export interface SpeakerDirectory {
  /** The speaker a typed name means: one with that alias, else the same person (`findSpeaker`'s rule). */
  find(guildId: string, typed: string): Promise<SpeakerSummary | undefined>;
  /** The most quoted speakers of the server, most first. */
  mostQuoted(guildId: string, limit: number): Promise<SpeakerSummary[]>;
  /** Autocomplete: speakers matching what was typed (most quoted first when nothing is typed), optionally only those quoted in one article. */
  suggest(guildId: string, typed: string, limit?: number, articleId?: string): Promise<SpeakerSummary[]>;
  /** A speaker's quotes in the server (or in one article). */
  quotesOf(guildId: string, speaker: SpeakerSummary, articleId?: string): Promise<SpeakerQuotes>;
  /** Quotes containing `phrase` (approximately), best first, optionally one speaker's or in one article. */
  searchPhrase(guildId: string, phrase: string, options?: { readonly articleId?: string; readonly speaker?: SpeakerSummary }): Promise<PhraseHit<ArticleRef>[]>;
  /** How many quotes each speaker key has in an article. */
  quotesIn(articleId: string): Promise<ReadonlyMap<string, number>>;
  /** Index every article whose quotes are not indexed yet (once per process; later calls wait for it). */
  catchUp(): Promise<number>;
}

export interface SpeakerDirectoryDeps {
  readonly search: SearchStore;
  readonly articles: ArticleStore;
  /** The library's analysis (stored, or computed and stored with its quote rows). */
  readonly analysis: (article: Article) => Promise<Analysis>;
  readonly log?: (level: 'info' | 'warn' | 'error', data: Record<string, unknown>, message: string) => void;
}

/**
 * Speaker keys read to rank speakers: the most quoted and the typed-name matches, each up to this.
 * Every speaker of a server with fewer keys is ranked, so small servers see exactly the full index.
 */
export const SPEAKER_CANDIDATES = 50;
/** Quotes a speaker’s list shows at most (20 pages); the header still counts them all. */
export const MAX_LISTED_QUOTES = 100;
/** Quotes a phrase is compared with at most: the most recently indexed ones holding its rarest words. */
export const PHRASE_CANDIDATES = 300;
/** Articles indexed per batch by the catch-up. */
const CATCH_UP_BATCH = 100;
/** Phrase words compared (searchPhrase's own cut) and the share that may differ. */
const MAX_PHRASE_WORDS = 40;
const PHRASE_TOLERANCE = 0.34;

const refOf = (h: ArticleHeading): ArticleRef => ({
  id: h.id,
  title: h.title,
  ...(h.url !== undefined && { url: h.url }),
  ...(h.siteName !== undefined && { siteName: h.siteName }),
  ...(h.publishedAt !== undefined && { publishedAt: h.publishedAt }),
  addedAt: h.addedAt,
  guildId: h.guildId,
});

/** JSON text as a value, or undefined when it is not JSON (the schema then refuses it). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The words a quote must hold at least one of to be within the phrase tolerance: a match differs
 * in at most `allowed` of the phrase's words, so it holds one of any `allowed + 1` of them; the
 * longest are taken (long words are the rare ones, so the candidates are few).
 */
export function phraseAnchors(phrase: string): string[] {
  const needle = phraseWords(phrase).slice(0, MAX_PHRASE_WORDS);
  const allowed = Math.floor(needle.length * PHRASE_TOLERANCE);
  const longest = [...needle].sort((a, b) => b.length - a.length).slice(0, allowed + 1);
  return [...new Set(longest)];
}

export function createSpeakerDirectory(deps: SpeakerDirectoryDeps): SpeakerDirectory {
  const { search } = deps;
  let caughtUp: Promise<number> | undefined;

  async function indexBacklog(): Promise<number> {
    const done = new Set<string>();
    let after = -1;
    let indexed = 0;
    for (;;) {
      const batch = await search.unindexed(after, CATCH_UP_BATCH);
      if (batch.length === 0) return indexed;
      for (const u of batch) {
        after = u.pk;
        if (done.has(u.id)) continue;
        done.add(u.id);
        // '' is no server: get() then finds the bundled article.
        const article = await deps.articles.get(u.guildId ?? '', u.id);
        if (!article) continue;
        try {
          const analysis = await deps.analysis(article);
          if (await search.indexQuotes(article.id, analysis.version, indexedQuotes(analysis.quotes))) indexed++;
        } catch (err) {
          deps.log?.('warn', { err, articleId: u.id }, 'quotes not indexed: the analysis failed');
        }
      }
    }
  }

  function catchUp(): Promise<number> {
    caughtUp ??= indexBacklog().then(
      (n) => {
        if (n > 0) deps.log?.('info', { articles: n }, 'quotes of earlier articles indexed');
        return n;
      },
      (err: unknown) => {
        caughtUp = undefined; // try again on the next call
        throw err;
      },
    );
    return caughtUp;
  }

  /**
   * The speakers holding one of `keys`, and every speaker whose key ends with one of `lastWords`.
   * Whole families are read for their counts (merging depends on them); names only for those kept.
   */
  async function summariesOf(guildId: string, keys: Iterable<string>, lastWords: readonly string[] = []): Promise<SpeakerSummary[]> {
    const wanted = new Set(keys);
    const whole = new Set(lastWords);
    const families = new Set(whole);
    for (const k of wanted) families.add(lastWord(k));
    if (families.size === 0) return [];
    const groups = groupSpeakerKeys(await search.speakerKeys(guildId, [...families])).filter(
      (g) => g.some((k) => wanted.has(k.key)) || whole.has(lastWord(g[0]!.key)),
    );
    if (groups.length === 0) return [];
    return speakerSummaries(groups, await search.speakerForms(guildId, groups.flatMap((g) => g.map((k) => k.key))));
  }

  function quotesFrom(found: readonly FoundQuote[]): SpeakerQuote[] {
    const out: SpeakerQuote[] = [];
    for (const f of found) {
      const parsed = quoteSchema.safeParse(parseJson(f.json));
      if (parsed.success) out.push({ article: refOf(f.article), quote: parsed.data });
      else deps.log?.('warn', { articleId: f.article.id, idx: f.idx }, 'stored quote unreadable: left out');
    }
    return out;
  }

  return {
    catchUp,

    async find(guildId, typed) {
      await catchUp();
      // Speakers with this alias, and every one with the same last name ("the same person").
      const words = speakerKey(typed);
      const byAlias = await search.speakerKeysByForm(guildId, words.join(' '));
      return findSpeaker(await summariesOf(guildId, byAlias, words.slice(-1)), typed);
    },

    async mostQuoted(guildId, limit) {
      await catchUp();
      return (await summariesOf(guildId, await search.topSpeakerKeys(guildId, SPEAKER_CANDIDATES))).slice(0, limit);
    },

    async suggest(guildId, typed, limit = 25, articleId) {
      await catchUp();
      let pool: SpeakerSummary[];
      if (articleId) {
        const inArticle = await search.speakerKeysOf(articleId);
        pool = (await summariesOf(guildId, inArticle.keys())).filter((e) => e.keys.some((k) => inArticle.has(k)));
      } else {
        // The most quoted, and names containing what was typed (where a word starts, under three
        // characters): together a superset of the suggestions in all but the largest servers.
        const t = typed.trim().toLowerCase();
        const keys = new Set(await search.topSpeakerKeys(guildId, SPEAKER_CANDIDATES));
        if (t) for (const k of await search.speakerKeysByText(guildId, t, SPEAKER_CANDIDATES)) keys.add(k);
        // A title typed with the name ("president trump"): the name's last word finds the speaker too.
        const last = speakerKey(t).at(-1);
        if (t.includes(' ') && last && last !== t) for (const k of await search.speakerKeysByText(guildId, last, SPEAKER_CANDIDATES)) keys.add(k);
        pool = await summariesOf(guildId, keys);
      }
      const names = suggestSpeakers(pool, typed, limit);
      return names.map((n) => pool.find((e) => e.name === n)!);
    },

    async quotesOf(guildId, speaker, articleId) {
      await catchUp();
      const items = quotesFrom(await search.quotesBy(guildId, speaker.keys, { ...(articleId !== undefined && { articleId }), limit: MAX_LISTED_QUOTES }));
      if (articleId !== undefined) return { items, total: items.length, articles: items.length > 0 ? 1 : 0 };
      return { items, total: speaker.quotes, articles: speaker.articles };
    },

    async searchPhrase(guildId, phrase, { articleId, speaker } = {}) {
      await catchUp();
      const found = await search.quotesWithWords(guildId, phraseAnchors(phrase), {
        limit: PHRASE_CANDIDATES,
        ...(articleId !== undefined && { articleId }),
        ...(speaker !== undefined && { keys: speaker.keys }),
      });
      // One item per quote, in the library's order: ties keep it, as over the whole server.
      return searchPhrase(
        quotesFrom(found).map((q) => ({ article: q.article, quotes: [q.quote] })),
        phrase,
      );
    },

    quotesIn: (articleId) => search.speakerKeysOf(articleId),
  };
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
  const inArticle = articleId ? await directory.quotesIn(articleId) : undefined;
  for (const e of await directory.suggest(guildId, typed.slice(0, MAX_CHOICE_CHARS), limit, articleId)) {
    if (e.name.length > MAX_CHOICE_CHARS) continue;
    const n = inArticle ? e.keys.reduce((sum, k) => sum + (inArticle.get(k) ?? 0), 0) : e.quotes;
    const tail = ` · ${n} quote${n === 1 ? '' : 's'}${!articleId && e.articles > 1 ? ` in ${e.articles} articles` : ''}`;
    const name = e.name.length + tail.length <= MAX_CHOICE_CHARS ? `${e.name}${tail}` : e.name;
    out.push({ name, value: e.name });
  }
  return out;
}
