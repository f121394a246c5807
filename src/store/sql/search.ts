/**
 * The search store on SqlClient: bounded, indexed look-ups over a server's articles and quotes
 * (tables and text indexes in search-schema.ts). The SQL is shared except the text matching:
 * SQLite asks its FTS5 tables (MATCH, newest row first), PostgreSQL its trigram and array indexes.
 */
import { z } from 'zod';
import type { ArticleHeading, FoundQuote, SearchStore, SpeakerForm, SpeakerKeyCount } from '../ports';
import type { SqlClient, SqlValue } from './client';
import { int, opt } from './rows';
import { nameSearchText, replaceQuoteRows, scopeOfRow } from './search-rows';
import { scopeMarker } from './search-schema';

const nullable = opt(z.string());

const headingRow = z.object({
  pk: int,
  id: z.string(),
  guild_id: z.string().nullable(),
  slug: z.string(),
  title: z.string(),
  source: z.string(),
  url: nullable,
  site_name: nullable,
  published_at: nullable,
  added_by: nullable,
  added_at: z.string(),
});

const HEADING_COLUMNS = 'a.pk, a.id, a.guild_id, a.slug, a.title, a.source, a.url, a.site_name, a.published_at, a.added_by, a.added_at';
const VISIBLE = '(a.guild_id = @guild OR a.guild_id IS NULL)';

function toHeading(raw: unknown): ArticleHeading {
  const r = headingRow.parse(raw);
  return {
    id: r.id,
    guildId: r.guild_id,
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
const pkRow = z.object({ pk: int });

/** The search store on `sql` (tables from the 'search' migrations, run by openStores). */
export function sqlSearchStore(sql: SqlClient): SearchStore {
  const sqlite = sql.dialect === 'sqlite';
  /** The server's own scope, then the bundled articles' (''). */
  const scopesOf = (guildId: string): string[] => [guildId, ''];
  const pks = async (query: string, params: Record<string, SqlValue>): Promise<number[]> =>
    (await sql.all(query, params)).map((r) => pkRow.parse(r).pk);

  /** Article rows of one scope whose title words start with every one of `words`, newest rows first. */
  function byWordStarts(scope: string, words: readonly string[], limit: number): Promise<number[]> {
    if (sqlite) {
      const match = [`scope : ${ftsString(scopeMarker(scope))}`, ...words.map((w) => `words : ${ftsString(`  ${w}`)}`)].join(' AND ');
      return pks('SELECT rowid AS pk FROM article_search_fts WHERE article_search_fts MATCH @match ORDER BY rowid DESC LIMIT @limit', { match, limit });
    }
    const { params } = listParams('w', words.map((w) => likeAnywhere(`  ${w}`)));
    const conditions = words.map((_, i) => `words LIKE @w${i}`).join(' AND ');
    return pks(`SELECT pk FROM article_search WHERE scope = @scope AND ${conditions} ORDER BY pk DESC LIMIT @limit`, { ...params, scope, limit });
  }

  /** Article rows of one scope whose lower-case title contains `text` (3+ characters), newest rows first. */
  function byTitleText(scope: string, text: string, limit: number): Promise<number[]> {
    if (sqlite) {
      const match = `scope : ${ftsString(scopeMarker(scope))} AND title : ${ftsString(text)}`;
      return pks('SELECT rowid AS pk FROM article_search_fts WHERE article_search_fts MATCH @match ORDER BY rowid DESC LIMIT @limit', { match, limit });
    }
    return pks('SELECT pk FROM article_search WHERE scope = @scope AND title LIKE @pattern ORDER BY pk DESC LIMIT @limit', {
      scope,
      pattern: likeAnywhere(text),
      limit,
    });
  }

  async function headings(found: ReadonlySet<number>): Promise<ArticleHeading[]> {
    const rows: Array<{ pk: number; added: string; heading: ArticleHeading }> = [];
    for (const part of chunks([...found])) {
      const { sql: list, params } = listParams('k', part);
      for (const raw of await sql.all(`SELECT ${HEADING_COLUMNS} FROM articles a WHERE a.pk IN (${list})`, params)) {
        const r = headingRow.parse(raw);
        rows.push({ pk: r.pk, added: r.added_at, heading: toHeading(raw) });
      }
    }
    // The library's order: newest first (added_at, then row).
    rows.sort((a, b) => (a.added < b.added ? 1 : a.added > b.added ? -1 : b.pk - a.pk));
    return rows.map((r) => r.heading);
  }

  const quoteSelect = `SELECT ${HEADING_COLUMNS}, q.idx, q.words, q.quote`;
  const quoteJoin = `JOIN articles a ON a.id = q.article_id AND ${VISIBLE}`;
  const NEWEST_THEN_TEXT = 'ORDER BY a.added_at DESC, a.pk DESC, q.idx';

  return {
    async articleCandidates(guildId, query, limit) {
      const found = new Set<number>();
      const add = (xs: readonly number[]) => xs.forEach((x) => found.add(x));
      for (const scope of scopesOf(guildId)) {
        if (query.idPrefix !== undefined) {
          // Ids are lower-case hex, so every id starting with the prefix sorts before prefix + 'g'.
          add(
            await pks(`SELECT pk FROM articles WHERE ${scopeOfRow(sql)} = @scope AND id >= @low AND id < @high ORDER BY id LIMIT @limit`, {
              scope,
              low: query.idPrefix,
              high: `${query.idPrefix}g`,
              limit,
            }),
          );
        }
        if (query.words.length > 0) add(await byWordStarts(scope, query.words, limit));
        if (query.text.length >= 3) add(await byTitleText(scope, query.text, limit));
      }
      if (query.text) {
        add(await pks(`SELECT pk FROM articles a WHERE ${VISIBLE} AND a.slug = @slug ORDER BY pk DESC LIMIT @limit`, { guild: guildId, slug: query.text, limit }));
      }
      return headings(found);
    },

    indexQuotes(articleId, version, quotes) {
      return sql.transaction(async (tx) => {
        const stored = await tx.get<{ version: unknown }>('SELECT version FROM analyses WHERE article_id = ?', [articleId]);
        if (stored === undefined || int.parse(stored.version) !== version) return false;
        await replaceQuoteRows(tx, articleId, version, quotes);
        return true;
      });
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
      const keys = new Set<string>();
      for (const scope of scopesOf(guildId)) {
        const rows = await sql.all('SELECT speaker_key FROM speaker_keys WHERE scope = ? ORDER BY quotes DESC LIMIT ?', [scope, limit]);
        rows.forEach((r) => keys.add(keyRow.parse(r).speaker_key));
      }
      return [...keys];
    },

    async speakerKeysByForm(guildId, formKey) {
      const rows = await sql.all("SELECT DISTINCT speaker_key FROM speaker_forms WHERE scope IN (?, '') AND form_key = ?", [guildId, formKey]);
      return rows.map((r) => keyRow.parse(r).speaker_key);
    },

    async speakerKeysByText(guildId, typed, limit) {
      // Shorter than a trigram: only where a word starts (the two spaces before every word).
      const search = nameSearchText(typed).slice(typed.length < 3 ? 0 : 2);
      const keys = new Set<string>();
      for (const scope of scopesOf(guildId)) {
        const rows = sqlite
          ? await sql.all(
              `SELECT n.speaker_key FROM speaker_names_fts f JOIN speaker_names n ON n.id = f.rowid
                WHERE speaker_names_fts MATCH @match ORDER BY f.rowid DESC LIMIT @limit`,
              { match: `scope : ${ftsString(scopeMarker(scope))} AND search : ${ftsString(search)}`, limit },
            )
          : await sql.all('SELECT speaker_key FROM speaker_names WHERE scope = @scope AND search LIKE @pattern ORDER BY id DESC LIMIT @limit', {
              scope,
              pattern: likeAnywhere(search),
              limit,
            });
        rows.forEach((r) => keys.add(keyRow.parse(r).speaker_key));
      }
      return [...keys];
    },

    async speakerFamilies(guildId, lastWords) {
      const keys: SpeakerKeyCount[] = [];
      const forms: SpeakerForm[] = [];
      for (const part of chunks([...new Set(lastWords)])) {
        const { sql: list, params } = listParams('l', part);
        const p = { ...params, guild: guildId };
        for (const raw of await sql.all(
          `SELECT speaker_key, sum(quotes) AS quotes, sum(articles) AS articles, sum(with_last) AS with_last FROM speaker_keys
            WHERE scope IN (@guild, '') AND speaker_last IN (${list}) GROUP BY speaker_key ORDER BY speaker_key`,
          p,
        )) {
          const r = keyCountRow.parse(raw);
          keys.push({ key: r.speaker_key, quotes: r.quotes, articles: r.articles, withLast: r.with_last });
        }
        for (const raw of await sql.all(
          `SELECT speaker_key, form, is_name, sum(quotes) AS quotes FROM speaker_forms
            WHERE scope IN (@guild, '') AND speaker_last IN (${list}) GROUP BY speaker_key, form, is_name ORDER BY speaker_key, is_name DESC, form`,
          p,
        )) {
          const r = formRow.parse(raw);
          forms.push({ key: r.speaker_key, form: r.form, isName: r.is_name === 1, quotes: r.quotes });
        }
      }
      return { keys, forms };
    },

    async speakerKeysOf(articleId) {
      const rows = await sql.all(
        'SELECT speaker_key, count(*) AS n FROM article_quotes WHERE article_id = ? AND speaker_key IS NOT NULL GROUP BY speaker_key',
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
      const inArticle = articleId === undefined ? '' : 'AND q.article_id = @article';
      const rows = await sql.all(
        `${quoteSelect} FROM article_quotes q ${quoteJoin} WHERE q.speaker_key IN (${list}) ${inArticle} ${NEWEST_THEN_TEXT} LIMIT @limit`,
        { ...params, guild: guildId, limit, ...(articleId !== undefined && { article: articleId }) },
      );
      return rows.map(toFound);
    },

    async quotesWithWords(guildId, anyOf, { articleId, keys, limit }) {
      const byKeys = keys === undefined ? { sql: '', params: {} } : listParams('k', keys);
      if (keys !== undefined && keys.length === 0) return [];
      const keyFilter = keys === undefined ? '' : `AND q.speaker_key IN (${byKeys.sql})`;
      const base = { ...byKeys.params, guild: guildId, limit };
      if (articleId !== undefined) {
        // One article: all its quotes (an article's quotes are few); the caller scores them.
        const rows = await sql.all(`${quoteSelect} FROM article_quotes q ${quoteJoin} WHERE q.article_id = @article ${keyFilter} ${NEWEST_THEN_TEXT} LIMIT @limit`, {
          ...base,
          article: articleId,
        });
        return rows.map(toFound);
      }
      if (anyOf.length === 0) return [];
      // SQLite: the most recently indexed matches (FTS5 walks its index newest first), then put in order.
      const rows = sqlite
        ? await sql.all(
            `SELECT * FROM (${quoteSelect}, f.rowid AS fts_row FROM article_quotes_fts f JOIN article_quotes q ON q.qk = f.rowid ${quoteJoin}
              WHERE article_quotes_fts MATCH @match ${keyFilter} ORDER BY f.rowid DESC LIMIT @limit) AS found
             ORDER BY added_at DESC, pk DESC, idx`,
            { ...base, match: `words : (${anyOf.map(ftsString).join(' OR ')})` },
          )
        : await sql.all(
            `${quoteSelect} FROM article_quotes q ${quoteJoin}
              WHERE string_to_array(q.words, ' ') && string_to_array(@words, ' ') ${keyFilter} ${NEWEST_THEN_TEXT} LIMIT @limit`,
            { ...base, words: anyOf.join(' ') },
          );
      return rows.map(toFound);
    },
  };
}
