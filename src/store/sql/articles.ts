/**
 * Articles and their analyses on SqlClient: every server's articles plus the bundled ones
 * (guild_id NULL, visible in every server). The same queries run on SQLite and PostgreSQL.
 */
import { z } from 'zod';
import type { Span } from '../../article/model';
import type { AddedBetween, AddedListing, AnalysisStore, ArticleListing, ArticleStore, CheckedInsert, FeedItemInsert, FeedItemOptions, NewArticle, StoredArticle } from '../ports';
import { toNumber, type Dialect, type SqlClient } from './client';
import { CLAIM_LEASE_MS, dropOrphanAnalyses, lockArticleTexts, sweepAbandonedWrites, writeAnalysis } from './analysis-writes';
import { autoKey, createTrigger, type SqlMigration } from './migrate';
import { insertOutboxRow } from './outbox';
import { pruneFeedItems, pruneTallies, pruneToCeiling } from './retention';
import { int, opt } from './rows';
import { indexTitle } from './search-rows';

export const ARTICLE_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    description: 'articles per server (guild_id NULL = bundled) and their stored analyses',
    up: (d) => `
      CREATE TABLE articles (
        pk ${autoKey(d)},
        guild_id TEXT,
        id TEXT NOT NULL,
        slug TEXT NOT NULL,
        title TEXT NOT NULL,
        byline TEXT,
        site_name TEXT,
        source TEXT NOT NULL,
        url TEXT,
        url_key TEXT,
        published_at TEXT,
        text TEXT NOT NULL,
        paragraphs TEXT NOT NULL,
        boilerplate TEXT NOT NULL,
        added_by TEXT,
        added_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX articles_scope_id ON articles (${d === 'sqlite' ? 'ifnull' : 'coalesce'}(guild_id, ''), id);
      CREATE INDEX articles_scope_added ON articles (guild_id, added_at);
      CREATE INDEX articles_scope_url ON articles (guild_id, url_key);
      CREATE TABLE analyses (
        article_id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        json TEXT NOT NULL,
        computed_at TEXT NOT NULL
      );`,
  },
  {
    version: 2,
    description: 'a long analysis JSON kept in pieces, each written in its own short transaction',
    // `parts`: NULL when `json` holds the analysis, else the token of its pieces in analysis_parts
    // (json is then ''). Pieces of a write in progress or replaced carry other tokens.
    up: (d) => `
      ALTER TABLE analyses ADD COLUMN parts TEXT;
      CREATE TABLE analysis_parts (
        article_id TEXT NOT NULL,
        token TEXT NOT NULL,
        n INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (article_id, token, n)
      );
      ${createTrigger(d, 'analyses_parts_removed', 'AFTER DELETE', 'analyses', ['DELETE FROM analysis_parts WHERE article_id = OLD.article_id'])}`,
  },
  {
    version: 3,
    description: 'analyses found by version (the recompute after ANALYSIS_VERSION changes) and claims on their recompute',
    // `recompute_claims`: one row per analysis being recomputed by the background catch-up
    // (src/library/reanalyse.ts), so two processes on one database never recompute the same one.
    up: `
      CREATE INDEX analyses_version ON analyses (version);
      CREATE TABLE recompute_claims (
        article_id TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        claimed_at TEXT NOT NULL
      );`,
  },
];

const nullable = opt(z.string());
const spanList = z.array(z.object({ start: z.number().int(), end: z.number().int() }));

const listingRow = z.object({
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
  length: int,
});

const articleRow = listingRow.extend({
  byline: nullable,
  url_key: nullable,
  feed_url: nullable,
  text: z.string(),
  paragraphs: z.string(),
  boilerplate: z.string(),
});

function toListing(raw: unknown): ArticleListing {
  const r = listingRow.parse(raw);
  return {
    id: r.id,
    guildId: r.guild_id,
    slug: r.slug,
    title: r.title,
    source: r.source,
    length: r.length,
    addedAt: r.added_at,
    ...(r.url !== undefined && { url: r.url }),
    ...(r.site_name !== undefined && { siteName: r.site_name }),
    ...(r.published_at !== undefined && { publishedAt: r.published_at }),
    ...(r.added_by !== undefined && { addedBy: r.added_by }),
  };
}

function toArticle(raw: unknown): StoredArticle {
  const r = articleRow.parse(raw);
  const { length: _length, ...listing } = toListing(raw);
  return {
    ...listing,
    text: r.text,
    paragraphs: spanList.parse(JSON.parse(r.paragraphs)) as Span[],
    boilerplate: z.array(z.string()).parse(JSON.parse(r.boilerplate)),
    ...(r.byline !== undefined && { byline: r.byline }),
    ...(r.url_key !== undefined && { urlKey: r.url_key }),
    ...(r.feed_url !== undefined && { feedUrl: r.feed_url }),
  };
}

const LISTING_COLUMNS = 'id, guild_id, slug, title, source, url, site_name, published_at, added_by, added_at, length(text) AS length';
const ARTICLE_COLUMNS = `${LISTING_COLUMNS}, byline, url_key, feed_url, text, paragraphs, boilerplate`;
const VISIBLE = '(guild_id = @guild OR guild_id IS NULL)';
/** Own articles first on ties so a server's copy wins over a bundled one. */
const OWN_FIRST = 'ORDER BY guild_id IS NULL LIMIT 1';
const NEWEST_FIRST = 'ORDER BY added_at DESC, pk DESC';
/**
 * Where a server's member-added articles are counted: SQLite's planner (no statistics: nothing runs
 * ANALYZE) counted them on articles_scope_slug, reading every row of the server to test feed_url
 * (495 ms beside 100,000 feed items); the partial index articles_member_items holds exactly them.
 * PostgreSQL's planner picks that index itself (INDEXED BY is SQLite's).
 */
const memberRows = (d: Dialect): string => (d === 'sqlite' ? 'articles INDEXED BY articles_member_items' : 'articles');

/**
 * The news of a span (`listingsAddedBetween`): the span's rows of the server and the bundled ones,
 * each scope read on articles_scope_added (guild_id, added_at); a first-poll item of the server
 * (feed_first_items, on its primary key) left out; one row per id, its newest copy in the span; the
 * count of them all beside the newest `@limit`; then the listed columns of the copy `get` reads (the
 * server's own, on articles_scope_id, else the bundled row itself) for those rows only. No column
 * stored after `text` is read (SQLite would walk the body's overflow pages to reach it). SQLite's
 * planner, without statistics, picks articles_scope_added for both scopes and articles_scope_id for
 * the server's copy (EXPLAIN QUERY PLAN), so no INDEXED BY is needed here.
 */
const addedBetween = (d: Dialect) => `SELECT a.id, a.guild_id, a.slug, a.title, a.source, a.url, a.site_name, news.added_at, news.total
  FROM (
    SELECT pk, id, added_at, count(*) OVER () AS total FROM (
      SELECT pk, id, added_at, row_number() OVER (PARTITION BY id ORDER BY added_at DESC, pk DESC) AS copy FROM (
        SELECT pk, id, added_at FROM articles WHERE guild_id = @guild AND added_at > @since AND added_at <= @until
        UNION ALL
        SELECT pk, id, added_at FROM articles WHERE guild_id IS NULL AND added_at > @since AND added_at <= @until
      ) span
      WHERE NOT EXISTS (SELECT 1 FROM feed_first_items f WHERE f.guild_id = @guild AND f.article_id = span.id)
    ) copies
    WHERE copy = 1
    ${NEWEST_FIRST} LIMIT @limit
  ) news
  JOIN articles a ON a.pk = coalesce((SELECT own.pk FROM articles own WHERE ${d === 'sqlite' ? 'ifnull' : 'coalesce'}(own.guild_id, '') = @guild AND own.id = news.id), news.pk)
  ORDER BY news.added_at DESC, news.pk DESC`;

/** A listing's heading without its length, and the span's total beside every row. */
const addedRow = listingRow
  .pick({ id: true, guild_id: true, slug: true, title: true, source: true, url: true, site_name: true, added_at: true })
  .extend({ total: int });

function toAdded(raw: unknown): AddedListing {
  const r = addedRow.parse(raw);
  return {
    id: r.id,
    guildId: r.guild_id,
    slug: r.slug,
    title: r.title,
    source: r.source,
    addedAt: r.added_at,
    ...(r.url !== undefined && { url: r.url }),
    ...(r.site_name !== undefined && { siteName: r.site_name }),
  };
}

const SQL = {
  insert: `INSERT INTO articles
    (guild_id, id, slug, title, byline, site_name, source, url, url_key, published_at, text, paragraphs, boilerplate, added_by, added_at, feed_url)
    VALUES (@guild, @id, @slug, @title, @byline, @siteName, @source, @url, @urlKey, @publishedAt, @text, @paragraphs, @boilerplate, @addedBy, @addedAt, @feedUrl)`,
  get: `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE ${VISIBLE} AND id = @id ${OWN_FIRST}`,
  getBundled: `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE guild_id IS NULL AND id = ?`,
  byUrl: `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE ${VISIBLE} AND url_key = @key ${OWN_FIRST}`,
  listAll: `SELECT ${LISTING_COLUMNS} FROM articles WHERE ${VISIBLE} ${NEWEST_FIRST}`,
  /**
   * The newest `@reach` (offset + limit) of the server's own articles and of the bundled ones, each
   * read in the order of articles_scope_added, merged; the listed columns (length(text) reads the
   * text) only for the page's rows. One sort over both scopes sorted every visible row with its
   * length: 260 ms on SQLite, 364 ms on PostgreSQL at 100,000 articles (bench archive).
   */
  page: `SELECT ${LISTING_COLUMNS} FROM articles WHERE pk IN (
      SELECT pk FROM (
        SELECT pk, added_at FROM (SELECT pk, added_at FROM articles WHERE guild_id = @guild ${NEWEST_FIRST} LIMIT @reach) own
        UNION ALL
        SELECT pk, added_at FROM (SELECT pk, added_at FROM articles WHERE guild_id IS NULL ${NEWEST_FIRST} LIMIT @reach) bundled
      ) newest ${NEWEST_FIRST} LIMIT @limit OFFSET @offset)
    ${NEWEST_FIRST}`,
  /** Feed items by their trigger-kept count (one row), members' and bundled articles on their indexes. */
  countVisible: (d: Dialect) => `SELECT (SELECT coalesce(sum(items), 0) FROM feed_item_counts WHERE guild_id = @guild)
      + (SELECT count(*) FROM ${memberRows(d)} WHERE guild_id = @guild AND feed_url IS NULL)
      + (SELECT count(*) FROM articles WHERE guild_id IS NULL) AS n`,
  countOwn: 'SELECT count(*) AS n FROM articles WHERE guild_id = ?',
  /** What the member limit counts (feed items are bounded by the retention policy instead). */
  countMember: (d: Dialect) => `SELECT count(*) AS n FROM ${memberRows(d)} WHERE guild_id = ? AND feed_url IS NULL`,
  /** Kept by triggers (src/store/sql/retention.ts): one row read, not a count of up to the ceiling. */
  countFeed: 'SELECT coalesce(sum(items), 0) AS n FROM feed_item_counts WHERE guild_id = ?',
  remove: 'DELETE FROM articles WHERE guild_id = ? AND id = ?',
  updateBundled: `UPDATE articles SET slug = @slug, title = @title, byline = @byline,
    site_name = @siteName, source = @source, url = @url, url_key = @urlKey, published_at = @publishedAt,
    text = @text, paragraphs = @paragraphs, boilerplate = @boilerplate WHERE guild_id IS NULL AND id = @id`,
  bundledIds: 'SELECT id FROM articles WHERE guild_id IS NULL',
  deleteBundled: 'DELETE FROM articles WHERE guild_id IS NULL AND id = ?',
  /** The first-poll mark (the row FeedsStore.markFirstPollItems writes, in feeds.ts): written here with the item it marks. */
  markFirstPoll: `INSERT INTO feed_first_items (guild_id, article_id, url, added_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (guild_id, article_id) DO NOTHING`,
} as const;

function params(guild: string | null, e: NewArticle) {
  return {
    guild,
    id: e.article.id,
    slug: e.slug,
    title: e.article.title,
    byline: e.article.byline ?? null,
    siteName: e.article.siteName ?? null,
    source: e.article.source,
    url: e.article.url ?? null,
    urlKey: e.urlKey ?? null,
    publishedAt: e.article.publishedAt ?? null,
    text: e.article.text,
    paragraphs: JSON.stringify(e.article.paragraphs.map((p) => ({ start: p.start, end: p.end }))),
    boilerplate: JSON.stringify(e.article.boilerplate),
    addedBy: e.addedBy ?? null,
    addedAt: e.addedAt ?? new Date().toISOString(),
    feedUrl: e.feedUrl ?? null,
  };
}

/**
 * The article as its row reads back (`toArticle`), built from the values just written in this
 * transaction instead of read: a 2,000,000-character article's row took 25 ms to read and check.
 */
function asStored(p: ReturnType<typeof params>, entry: NewArticle): StoredArticle {
  const present = <K extends string, V>(key: K, value: V | null) => (value === null ? {} : ({ [key]: value } as Record<K, V>));
  return {
    id: p.id,
    guildId: p.guild,
    slug: p.slug,
    title: p.title,
    source: p.source,
    addedAt: p.addedAt,
    text: p.text,
    paragraphs: entry.article.paragraphs.map(({ start, end }): Span => ({ start, end })),
    boilerplate: [...entry.article.boilerplate],
    ...present('url', p.url),
    ...present('siteName', p.siteName),
    ...present('publishedAt', p.publishedAt),
    ...present('addedBy', p.addedBy),
    ...present('byline', p.byline),
    ...present('urlKey', p.urlKey),
    ...present('feedUrl', p.feedUrl),
  };
}

const count = (row: { n: unknown } | undefined): number => toNumber(row?.n ?? 0);

/** The instant an item was added (its announcement's creation), from the ISO time stored with it. */
function addedAtMs(addedAt: string): number {
  const t = Date.parse(addedAt);
  if (!Number.isFinite(t)) throw new RangeError(`insertFeedItem: addedAt is not a time: ${JSON.stringify(addedAt)}`);
  return t;
}
const maybe = (row: unknown): StoredArticle | undefined => (row === undefined ? undefined : toArticle(row));

/** Insert an article row and its title search row (in the caller's transaction); the article as stored. */
async function insertRow(tx: SqlClient, guildId: string | null, entry: NewArticle, p = params(guildId, entry)): Promise<StoredArticle> {
  await lockArticleTexts(tx, [entry.article.id]);
  await tx.run(SQL.insert, p);
  await indexTitle(tx, guildId, entry.article.id, entry.article.title, entry.slug);
  return asStored(p, entry);
}

/** The article store on `sql` (its tables come from ARTICLE_MIGRATIONS, run by openStores). */
export function sqlArticleStore(sql: SqlClient): ArticleStore {
  const getOne = async (c: SqlClient, guild: string | null, id: string) =>
    maybe(guild === null ? await c.get(SQL.getBundled, [id]) : await c.get(SQL.get, { guild, id }));
  /** The article visible in the server that `entry` would duplicate: same URL key first, then same content. */
  const duplicateOf = async (tx: SqlClient, guildId: string, entry: NewArticle) => {
    const byKey = entry.urlKey === undefined ? undefined : maybe(await tx.get(SQL.byUrl, { guild: guildId, key: entry.urlKey }));
    if (byKey) return { kind: 'duplicate', by: 'url', article: byKey } as const;
    const same = await getOne(tx, guildId, entry.article.id);
    return same ? ({ kind: 'duplicate', by: 'content', article: same } as const) : undefined;
  };
  return {
    insert(guildId, entry) {
      return sql.transaction((tx) => insertRow(tx, guildId, entry));
    },
    insertChecked(guildId, entry, maxOwn) {
      // Under the server's lock: adds that race (here or in another process) are serialised.
      return sql.transaction(async (tx): Promise<CheckedInsert> => {
        const duplicate = await duplicateOf(tx, guildId, entry);
        if (duplicate) return duplicate;
        if (count(await tx.get(SQL.countMember(tx.dialect), [guildId])) >= maxOwn) return { kind: 'full' };
        return { kind: 'added', article: await insertRow(tx, guildId, entry) };
      }, { lock: `articles:${guildId}` });
    },
    insertFeedItem(guildId, entry, maxFeedItems, options: FeedItemOptions = {}) {
      // The same lock as insertChecked: the count after the insert and the prune that follows see
      // every racing insert of this server, so the ceiling holds whoever adds at the same time.
      // The announcement (or the first-poll mark) goes in the same transaction: a worker that dies
      // here leaves the item and its announcement both written or neither, and a duplicate has neither.
      return sql.transaction(async (tx): Promise<FeedItemInsert> => {
        const duplicate = await duplicateOf(tx, guildId, entry);
        if (duplicate) return duplicate;
        const p = params(guildId, entry);
        const article = await insertRow(tx, guildId, entry, p);
        if (options.announce) await insertOutboxRow(tx, options.announce, article.id, addedAtMs(p.addedAt));
        if (options.firstPoll) await tx.run(SQL.markFirstPoll, [guildId, article.id, entry.feedUrl, options.firstPoll.now]);
        return { kind: 'added', article, pruned: (await pruneToCeiling(tx, guildId, maxFeedItems, p.addedAt)).pruned };
      }, { lock: `articles:${guildId}` });
    },
    pruneFeedItems: (retention, now, forgetLogBefore) => pruneFeedItems(sql, retention, now, forgetLogBefore),
    pruneTallies: (guildId, since) => pruneTallies(sql, guildId, since),
    upsertBundled(entry) {
      return sql.transaction(async (tx) => {
        const p = params(null, entry);
        await lockArticleTexts(tx, [entry.article.id]);
        if ((await tx.run(SQL.updateBundled, p)).changes === 0) await tx.run(SQL.insert, p);
        await indexTitle(tx, null, entry.article.id, entry.article.title, entry.slug);
        return (await getOne(tx, null, entry.article.id))!;
      }, { lock: 'articles:bundled' });
    },
    pruneBundled(keep) {
      return sql.transaction(async (tx) => {
        const gone = (await tx.all<{ id: string }>(SQL.bundledIds)).map((r) => r.id).filter((id) => !keep.has(id));
        await lockArticleTexts(tx, gone);
        let n = 0;
        for (const id of gone) n += (await tx.run(SQL.deleteBundled, [id])).changes;
        return n;
      }, { lock: 'articles:bundled' });
    },
    get: (guildId, id) => getOne(sql, guildId, id),
    findByUrlKey: async (guildId, urlKey) => maybe(await sql.get(SQL.byUrl, { guild: guildId, key: urlKey })),
    listings: async (guildId) => (await sql.all(SQL.listAll, { guild: guildId })).map(toListing),
    async listingsAddedBetween(guildId, since, until, { limit }): Promise<AddedBetween> {
      if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`listingsAddedBetween: limit must be a whole number of at least 1, got ${limit}`);
      const rows = await sql.all(addedBetween(sql.dialect), { guild: guildId, since, until, limit });
      return { listings: rows.map(toAdded), total: rows.length === 0 ? 0 : addedRow.parse(rows[0]).total };
    },
    page: async (guildId, offset, limit) => (await sql.all(SQL.page, { guild: guildId, offset, limit, reach: offset + limit })).map(toListing),
    countVisible: async (guildId) => count(await sql.get(SQL.countVisible(sql.dialect), { guild: guildId })),
    countOwn: async (guildId, origin) =>
      count(await sql.get(origin === 'member' ? SQL.countMember(sql.dialect) : origin === 'feed' ? SQL.countFeed : SQL.countOwn, [guildId])),
    remove: (guildId, id) =>
      sql.transaction(async (tx) => {
        await lockArticleTexts(tx, [id]);
        return (await tx.run(SQL.remove, [guildId, id])).changes > 0;
      }),
  };
}

const analysisRow = z.object({ version: int, json: z.string(), computed_at: z.string(), body: z.string().nullable() });
const olderRow = z.object({ pk: int, guild_id: z.string().nullable(), id: z.string() });
const windowRow = z.object({ low: int.nullable() });

/** A recompute claim older than this belongs to a process that died (one article's recompute takes seconds at most). */
export const RECOMPUTE_LEASE_MS = CLAIM_LEASE_MS;

const ANALYSIS_SQL = {
  countOlder: 'SELECT count(*) AS n FROM analyses WHERE version < ?',
  /** The window: the `span` article rows just below `before`, read on the primary key. */
  window: (bounded: boolean) => `SELECT pk, guild_id, id FROM articles ${bounded ? 'WHERE pk < @before' : ''} ORDER BY pk DESC LIMIT @span`,
  claim: `INSERT INTO recompute_claims (article_id, holder, claimed_at) VALUES (?, ?, ?)
    ON CONFLICT (article_id) DO UPDATE SET holder = excluded.holder, claimed_at = excluded.claimed_at
    WHERE recompute_claims.holder = excluded.holder OR recompute_claims.claimed_at < ?`,
  storedVersion: 'SELECT version FROM analyses WHERE article_id = ?',
  release: 'DELETE FROM recompute_claims WHERE article_id = ? AND holder = ?',
} as const;

/** Stored analyses, keyed by article id (a content hash: one analysis serves every server with that text). */
export function sqlAnalysisStore(sql: SqlClient, now: () => number = Date.now): AnalysisStore {
  return {
    async get(articleId) {
      // One statement, so a write finishing meanwhile cannot pair the row with another write's pieces.
      const rows = await sql.all(
        `SELECT a.version, a.json, a.computed_at, p.body FROM analyses a LEFT JOIN analysis_parts p ON p.article_id = a.article_id AND p.token = a.parts
          WHERE a.article_id = ? ORDER BY p.n`,
        [articleId],
      );
      if (rows.length === 0) return undefined;
      const parsed = rows.map((row) => analysisRow.parse(row));
      const first = parsed[0]!;
      const json = first.body === null ? first.json : parsed.map((r) => r.body).join('');
      return { version: first.version, json, computedAt: first.computed_at };
    },
    async put(articleId, version, json, quotes) {
      // In bounded steps (analysis-writes.ts); the quote search rows change with the analysis, at its last step.
      await writeAnalysis(sql, { articleId, version, json, quotes });
    },
    async pruneOrphans() {
      await sweepAbandonedWrites(sql, now());
      // In bounded steps (analysis-writes.ts); an analysis being written is no orphan yet: the article it is for is stored after it.
      return dropOrphanAnalyses(sql);
    },
    async countOlder(version) {
      return toNumber((await sql.get<{ n: unknown }>(ANALYSIS_SQL.countOlder, [version]))?.n ?? 0);
    },
    async olderAmong(version, before, span) {
      if (!Number.isInteger(span) || span < 1) throw new RangeError(`olderAmong: span must be a whole number of at least 1, got ${span}`);
      const bounded = before !== undefined;
      const params = { span, version, ...(bounded && { before }) };
      // The window read on the primary key, then its rows' analyses by theirs: bounded by `span`, whatever is old.
      const window = ANALYSIS_SQL.window(bounded);
      const low = windowRow.parse((await sql.get(`SELECT min(pk) AS low FROM (${window}) AS w`, params)) ?? { low: null }).low;
      if (low === null) return { articles: [], next: undefined };
      const rows = await sql.all(
        `SELECT w.pk, w.guild_id, w.id FROM (${window}) AS w JOIN analyses s ON s.article_id = w.id WHERE s.version < @version ORDER BY w.pk DESC`,
        params,
      );
      return {
        articles: rows.map((raw) => {
          const r = olderRow.parse(raw);
          return { pk: r.pk, guildId: r.guild_id, id: r.id };
        }),
        next: low,
      };
    },
    async claimRecompute(articleId, version, holder) {
      const at = now();
      return sql.transaction(async (tx) => {
        const taken = (await tx.run(ANALYSIS_SQL.claim, [articleId, holder, new Date(at).toISOString(), new Date(at - RECOMPUTE_LEASE_MS).toISOString()])).changes > 0;
        if (!taken) return false;
        // Read after the claim: a holder that finished wrote the new analysis before giving its claim back.
        const row = await tx.get<{ version: unknown }>(ANALYSIS_SQL.storedVersion, [articleId]);
        if (row !== undefined && toNumber(row.version) < version) return true;
        await tx.run(ANALYSIS_SQL.release, [articleId, holder]);
        return false;
      }, { lock: `recompute:${articleId}` });
    },
    async releaseRecompute(articleId, holder) {
      await sql.run(ANALYSIS_SQL.release, [articleId, holder]);
    },
  };
}
