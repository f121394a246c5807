/**
 * The search store on SqlClient: bounded, indexed look-ups over a server's articles and quotes
 * (tables and text indexes in search-schema.ts). The SQL is shared except the text matching:
 * SQLite asks its FTS5 tables (MATCH, newest row first), PostgreSQL its trigram and array indexes.
 */
import { z } from 'zod';
import type { ArticleHeading, ArticleSearch, FoundQuote, SearchStore, SpeakerForm, SpeakerKeyCount } from '../ports';
import { toNumber, type SqlClient, type SqlValue } from './client';
import { int, opt } from './rows';
import { writeAnalysis } from './analysis-writes';
import { nameSearchText, scopeOfRow } from './search-rows';
import { scopeMark } from './search-schema';

const nullable = opt(z.string());

const headingRow = z.object({
  pk: int,
  id: z.string(),
  scope: z.string(),
  slug: z.string(),
  title: z.string(),
  source: z.string(),
  url: nullable,
  site_name: nullable,
  published_at: nullable,
  added_by: nullable,
  added_at: z.string(),
});

/** Read from the title rows (alias `a`), which carry each article's heading: no article row is read. */
const HEADING_COLUMNS = 'a.pk, a.id, a.scope, a.slug, a.title, a.source, a.url, a.site_name, a.published_at, a.added_by, a.added_at';
const VISIBLE = "a.scope IN (@guild, '')";

function toHeading(raw: unknown): ArticleHeading {
  const r = headingRow.parse(raw);
  return {
    id: r.id,
    guildId: r.scope === '' ? null : r.scope,
    slug: r.slug,
    title: r.title,
    source: r.source,
    addedAt: r.added_at,
    ...(r.url !== undefined && { url: r.url }),
    ...(r.site_name !== undefined && { siteName: r.site_name }),
    ...(r.published_at !== undefined && { publishedAt: r.published_at }),
    ...(r.added_by !== undefined && { addedBy: r.added_by }),
  };
}

const quoteRow = headingRow.extend({ idx: int, words: z.string(), quote: z.string() });
const toFound = (raw: unknown): FoundQuote => {
  const r = quoteRow.parse(raw);
  return { article: toHeading(raw), idx: r.idx, words: r.words, json: r.quote };
};

/**
 * Quote rows are read only from complete sets: an analysis's rows are written in bounded steps
 * (analysis-writes.ts) under a claim, and the claim goes when the last step marks the set complete,
 * so a set being written (or left half-written by a process that died, its claim still there) is
 * never seen in part. The claims are a few rows at most: testing them cost 0.3 ms per speaker list
 * on PostgreSQL at 100,000 articles, testing the complete mark itself 2 ms.
 */
const completeSet = (articleId: string): string => `NOT EXISTS (SELECT 1 FROM quote_writes w WHERE w.article_id = ${articleId})`;

/** An FTS5 string: double quotes doubled. */
const ftsString = (s: string): string => `"${s.replaceAll('"', '""')}"`;
/** A LIKE pattern matching `s` anywhere (PostgreSQL's default escape character is the backslash). */
const likeAnywhere = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Named placeholders `@p0, @p1...` for a list, and their values. */
function listParams(prefix: string, values: readonly SqlValue[]): { sql: string; params: Record<string, SqlValue> } {
  const params: Record<string, SqlValue> = {};
  values.forEach((v, i) => (params[`${prefix}${i}`] = v));
  return { sql: values.map((_, i) => `@${prefix}${i}`).join(', '), params };
}

/**
 * A quote row sorted costs about this many article index entries walked (see walkFor), measured
 * at 100,000 articles: SQLite walks an index entry in ~1 us and sorts a quote row in ~4 us;
 * PostgreSQL walks one (a nested-loop probe) in ~7 us and sorts one in ~4.5 us.
 */
const SORT_COST = { sqlite: 4, postgres: 0.6 } as const;

/** Values per IN list: keeps each statement well under either engine's bound-value limit. */
const IN_CHUNK = 500;
function chunks<T>(xs: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

const keyCountRow = z.object({ speaker_key: z.string(), quotes: int, articles: int, with_last: int });
const formRow = z.object({ speaker_key: z.string(), form: z.string(), is_name: int, quotes: int });
const keyRow = z.object({ speaker_key: z.string() });

/** The search store on `sql` (tables from the 'search' migrations, run by openStores). */
export function sqlSearchStore(sql: SqlClient): SearchStore {
  const sqlite = sql.dialect === 'sqlite';
  /** The server's own scope, then the bundled articles' (''). */
  const scopesOf = (guildId: string): string[] => [guildId, ''];
  /**
   * The ways an article row of one scope can match `query`, each a SELECT of at most @limit row
   * keys (newest rows first), with its parameters; `n` keeps parameter names apart per scope.
   */
  function candidateWays(scope: string, n: number, query: ArticleSearch): { selects: string[]; params: Record<string, SqlValue> } {
    const selects: string[] = [];
    const params: Record<string, SqlValue> = { [`s${n}`]: scope };
    if (query.idPrefix !== undefined) {
      // Ids are lower-case hex, so every id starting with the prefix sorts before prefix + 'g'.
      Object.assign(params, { low: query.idPrefix, high: `${query.idPrefix}g` });
      selects.push(`SELECT pk FROM articles WHERE ${scopeOfRow(sql)} = @s${n} AND id >= @low AND id < @high ORDER BY id LIMIT @limit`);
    }
    if (sqlite) {
      const inScope = `scope : ${ftsString(scopeMark(scope))}`;
      const fts = (m: string) => `SELECT rowid AS pk FROM article_search_fts WHERE article_search_fts MATCH @${m} ORDER BY rowid DESC LIMIT @limit`;
      if (query.words.length > 0) {
        params[`w${n}`] = [inScope, ...query.words.map((w) => `words : ${ftsString(`  ${w}`)}`)].join(' AND ');
        selects.push(fts(`w${n}`));
      }
      if (query.substring && query.text.length >= 3) {
        params[`t${n}`] = `${inScope} AND title : ${ftsString(query.text)}`;
        selects.push(fts(`t${n}`));
      }
      return { selects, params };
    }
    const newest = (m: string) => `SELECT pk FROM article_search WHERE scope = @s${n} AND ${m} ORDER BY pk DESC LIMIT @limit`;
    if (query.words.length > 0) {
      // Folded words are letters and digits only, so each quoted as a prefix term is safe.
      params[`w${n}`] = query.words.map((w) => `'${w}':*`).join(' & ');
      selects.push(newest(`words_tsv @@ to_tsquery('simple', @w${n})`));
    }
    if (query.substring && query.text.length >= 3) {
      params[`t${n}`] = likeAnywhere(query.text);
      selects.push(newest(`lower_title LIKE @t${n}`));
    }
    return { selects, params };
  }

  const quoteSelect = `SELECT ${HEADING_COLUMNS}, q.idx, q.words, q.quote`;
  /** The keys of a quote row in the server's order (what quotesInScopes sorts and cuts). */
  const quoteKeys = 'SELECT q.qk AS qk, a.pk AS pk, a.added_at AS added_at, q.idx AS idx';
  const NEWEST_THEN_TEXT = 'ORDER BY a.added_at DESC, a.pk DESC, q.idx';

  /** How many quotes the server's articles hold under `keys` (from the counts, not the rows). */
  async function quotesUnder(guildId: string, keys: readonly string[]): Promise<number> {
    const { sql: list, params } = listParams('k', keys);
    const row = await sql.get<{ n: unknown }>(`SELECT coalesce(sum(quotes), 0) AS n FROM speaker_keys WHERE scope IN (@guild, '') AND speaker_key IN (${list})`, {
      ...params,
      guild: guildId,
    });
    return toNumber(row?.n ?? 0);
  }

  /**
   * The keys of a speaker's quote rows in one scope, two ways. Sorting: every row of the speaker's
   * (materialized, so neither engine turns it into a walk), then sorted. Walking: the scope's
   * articles newest first until the list is full (SQLite keeps no statistics, so CROSS JOIN puts
   * the articles first; PostgreSQL's planner chooses, and walks when the speaker is common).
   */
  /** A clause that keeps a subquery from being merged into the query around it (each engine's idiom). */
  const FENCE = sqlite ? 'LIMIT -1' : 'OFFSET 0';
  const speakerRows = (walk: boolean, list: string, extra = '') => (scope: string) =>
    walk
      ? `${quoteKeys} FROM article_search a CROSS JOIN article_quotes q
          WHERE a.id = q.article_id AND a.scope = ${scope} AND q.speaker_key IN (${list}) ${extra} AND ${completeSet('q.article_id')}`
      : `${quoteKeys} FROM (SELECT qk, article_id, idx FROM article_quotes WHERE speaker_key IN (${list}) ${extra} ${FENCE}) AS q
          CROSS JOIN article_search a WHERE a.id = q.article_id AND a.scope = ${scope} AND ${completeSet('q.article_id')}`;

  /**
   * Whether a speaker's list should walk the newest articles: walking reads about
   * limit x span / quotes article index entries, sorting joins and sorts every one of the
   * speaker's quotes, which costs about SORT_COST times as much per row; so walk when
   * SORT_COST x quotes^2 > limit x span. The span of row
   * keys bounds the server's article count from above (two index reads), which only ever favours sorting.
   */
  async function walkFor(guildId: string, quotes: number, limit: number): Promise<boolean> {
    if (quotes <= limit) return false;
    const span = await sql.get<{ n: unknown }>('SELECT coalesce(max(pk) - min(pk) + 1, 0) AS n FROM article_search WHERE scope = ?', [guildId]);
    return SORT_COST[sql.dialect] * quotes * quotes > limit * toNumber(span?.n ?? 0);
  }

  /**
   * Quote rows of the server in the library's order, at most @limit. `light(scope)` selects the
   * keys only (qk, pk, added_at, idx: index entries) from one scope; each scope's walk is cut at
   * @limit, the two are merged, and only the rows kept are read in full.
   */
  async function quotesInScopes(guildId: string, light: (scope: string) => string, params: Record<string, SqlValue>): Promise<FoundQuote[]> {
    const parts = scopesOf(guildId).map((_, n) => `SELECT * FROM (${light(`@s${n}`)} ${NEWEST_THEN_TEXT} LIMIT @limit) AS s${n}`);
    const rows = await sql.all(
      `SELECT ${HEADING_COLUMNS}, q.idx, q.words, q.quote
        FROM (SELECT * FROM (${parts.join(' UNION ALL ')}) AS u ORDER BY added_at DESC, pk DESC, idx LIMIT @limit) AS l
        JOIN article_quotes q ON q.qk = l.qk JOIN article_search a ON a.pk = l.pk
        ORDER BY l.added_at DESC, l.pk DESC, l.idx`,
      { ...params, s0: guildId, s1: '' },
    );
    return rows.map(toFound);
  }

  return {
    async articleCandidates(guildId, query, limit) {
      const selects: string[] = [];
      const params: Record<string, SqlValue> = { guild: guildId, limit };
      scopesOf(guildId).forEach((scope, n) => {
        const ways = candidateWays(scope, n, query);
        selects.push(...ways.selects);
        Object.assign(params, ways.params);
      });
      if (query.text) {
        params.slug = query.text;
        selects.push('SELECT pk FROM articles WHERE (guild_id = @guild OR guild_id IS NULL) AND slug = @slug ORDER BY pk DESC LIMIT @limit');
      }
      if (selects.length === 0) return [];
      // One statement: every way's candidates, then their headings (the scope checked again: two
      // servers may share a mark in SQLite's index).
      const union = selects.map((s, i) => `SELECT pk FROM (${s}) AS w${i}`).join(' UNION ALL ');
      const rows = (await sql.all(`SELECT ${HEADING_COLUMNS} FROM article_search a WHERE a.pk IN (${union}) AND ${VISIBLE}`, params)).map((raw) => {
        const r = headingRow.parse(raw);
        return { pk: r.pk, added: r.added_at, heading: toHeading(raw) };
      });
      // The library's order: newest first (added_at, then row).
      rows.sort((a, b) => (a.added < b.added ? 1 : a.added > b.added ? -1 : b.pk - a.pk));
      return rows.map((r) => r.heading);
    },

    async indexQuotes(articleId, version, quotes) {
      // In bounded steps, like an analysis's own write (analysis-writes.ts), while the stored analysis has `version`.
      return (await writeAnalysis(sql, { articleId, version, quotes, onlyIfStored: true })) === 'written';
    },

    async unindexed(after, limit) {
      const rows = await sql.all(
        `SELECT a.pk, a.guild_id, a.id FROM articles a
          WHERE a.pk > @after AND NOT EXISTS (SELECT 1 FROM quote_sets s WHERE s.article_id = a.id) ORDER BY a.pk LIMIT @limit`,
        { after, limit },
      );
      return rows.map((raw) => {
        const r = z.object({ pk: int, guild_id: z.string().nullable(), id: z.string() }).parse(raw);
        return { pk: r.pk, guildId: r.guild_id, id: r.id };
      });
    },

    async topSpeakerKeys(guildId, limit) {
      const top = (n: number) => `SELECT * FROM (SELECT speaker_key FROM speaker_keys WHERE scope = @s${n} ORDER BY quotes DESC LIMIT @limit) AS t${n}`;
      const rows = await sql.all(`${top(0)} UNION ALL ${top(1)}`, { s0: guildId, s1: '', limit });
      return [...new Set(rows.map((r) => keyRow.parse(r).speaker_key))];
    },

    async speakerKeysByForm(guildId, formKey) {
      const rows = await sql.all("SELECT DISTINCT speaker_key FROM speaker_forms WHERE scope IN (?, '') AND form_key = ?", [guildId, formKey]);
      return rows.map((r) => keyRow.parse(r).speaker_key);
    },

    async speakerKeysByText(guildId, typed, limit) {
      // Shorter than a trigram: only where a word starts (the two spaces before every word).
      const search = nameSearchText(typed).slice(typed.length < 3 ? 0 : 2);
      const byScope = (n: number) =>
        sqlite
          ? `SELECT * FROM (SELECT n.speaker_key FROM speaker_names_fts f JOIN speaker_names n ON n.id = f.rowid
              WHERE speaker_names_fts MATCH @match AND n.scope = @s${n} ORDER BY f.rowid DESC LIMIT @limit) AS t${n}`
          : `SELECT * FROM (SELECT speaker_key FROM speaker_names WHERE scope = @s${n} AND search LIKE @match ORDER BY id DESC LIMIT @limit) AS t${n}`;
      const rows = await sql.all(`${byScope(0)} UNION ALL ${byScope(1)}`, {
        s0: guildId,
        s1: '',
        limit,
        match: sqlite ? `search : ${ftsString(search)}` : likeAnywhere(search),
      });
      return [...new Set(rows.map((r) => keyRow.parse(r).speaker_key))];
    },

    async speakerKeys(guildId, lastWords) {
      const out: SpeakerKeyCount[] = [];
      for (const part of chunks([...new Set(lastWords)])) {
        const { sql: list, params } = listParams('l', part);
        for (const raw of await sql.all(
          `SELECT speaker_key, sum(quotes) AS quotes, sum(articles) AS articles, sum(with_last) AS with_last FROM speaker_keys
            WHERE scope IN (@guild, '') AND speaker_last IN (${list}) GROUP BY speaker_key`,
          { ...params, guild: guildId },
        )) {
          const r = keyCountRow.parse(raw);
          out.push({ key: r.speaker_key, quotes: r.quotes, articles: r.articles, withLast: r.with_last });
        }
      }
      return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },

    async speakerForms(guildId, keys) {
      const out: SpeakerForm[] = [];
      for (const part of chunks([...new Set(keys)])) {
        const { sql: list, params } = listParams('k', part);
        for (const raw of await sql.all(
          `SELECT speaker_key, form, is_name, sum(quotes) AS quotes FROM speaker_forms
            WHERE scope IN (@guild, '') AND speaker_key IN (${list}) GROUP BY speaker_key, form, is_name`,
          { ...params, guild: guildId },
        )) {
          const r = formRow.parse(raw);
          out.push({ key: r.speaker_key, form: r.form, isName: r.is_name === 1, quotes: r.quotes });
        }
      }
      const order = (f: SpeakerForm) => `${f.key}\u0000${f.isName ? 0 : 1}\u0000${f.form}`;
      return out.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
    },

    async speakerKeysOf(articleId) {
      const rows = await sql.all(
        `SELECT speaker_key, count(*) AS n FROM article_quotes WHERE article_id = ? AND speaker_key IS NOT NULL AND ${completeSet('article_quotes.article_id')}
          GROUP BY speaker_key`,
        [articleId],
      );
      return new Map(rows.map((raw) => {
        const r = z.object({ speaker_key: z.string(), n: int }).parse(raw);
        return [r.speaker_key, r.n] as const;
      }));
    },

    async quotesBy(guildId, keys, { articleId, limit }) {
      if (keys.length === 0) return [];
      const { sql: list, params } = listParams('k', keys);
      if (articleId !== undefined) {
        return quotesInScopes(guildId, speakerRows(false, list, 'AND article_id = @article'), { ...params, limit, article: articleId });
      }
      const walk = await walkFor(guildId, await quotesUnder(guildId, keys), limit);
      return quotesInScopes(guildId, speakerRows(walk, list), { ...params, limit });
    },

    async quotesWithWords(guildId, anyOf, { articleId, keys, limit }) {
      if (keys !== undefined && keys.length === 0) return [];
      const byKeys = keys === undefined ? { sql: '', params: {} } : listParams('k', keys);
      const keyFilter = keys === undefined ? '' : `AND q.speaker_key IN (${byKeys.sql})`;
      const base = { ...byKeys.params, limit };
      const join = (scope: string) => `JOIN article_search a ON a.id = q.article_id AND a.scope = ${scope}`;
      if (articleId !== undefined) {
        // One article: all its quotes (an article's quotes are few); the caller scores them.
        return quotesInScopes(guildId, (scope) => `${quoteKeys} FROM article_quotes q ${join(scope)} WHERE q.article_id = @article ${keyFilter} AND ${completeSet('q.article_id')}`, {
          ...base,
          article: articleId,
        });
      }
      if (anyOf.length === 0) return [];
      // A speaker with few quotes: all of them (the caller scores them), not a walk of every match.
      if (keys !== undefined && (await quotesUnder(guildId, keys)) <= limit) return quotesInScopes(guildId, speakerRows(false, byKeys.sql), base);
      if (sqlite) {
        // The most recently indexed matches (FTS5 walks its index newest first), then put in order.
        const rows = await sql.all(
          `SELECT * FROM (${quoteSelect} FROM article_quotes_fts f JOIN article_quotes q ON q.qk = f.rowid
            JOIN article_search a ON a.id = q.article_id AND ${VISIBLE}
            WHERE article_quotes_fts MATCH @match ${keyFilter} AND ${completeSet('q.article_id')} ORDER BY f.rowid DESC LIMIT @limit) AS found
           ORDER BY added_at DESC, pk DESC, idx`,
          { ...base, guild: guildId, match: `words : (${anyOf.map(ftsString).join(' OR ')})` },
        );
        return rows.map(toFound);
      }
      return quotesInScopes(
        guildId,
        (scope) => `${quoteKeys} FROM article_quotes q ${join(scope)}
          WHERE string_to_array(q.words, ' ') && string_to_array(@words, ' ') ${keyFilter} AND ${completeSet('q.article_id')}`,
        { ...base, words: anyOf.join(' ') },
      );
    },
  };
}
