/**
 * The article store: every server's articles plus the bundled ones (guild_id NULL, visible in
 * every server). Rows are parsed back through a zod schema, so a damaged row is an error with a
 * name, not a silent `undefined` deep inside a command.
 */
import { z } from 'zod';
import type { Article, Span } from '../article/model';
import { migrate, type Db, type Migration } from './database';

/** An article as the bot keeps it: the parsed article plus who added it, where, and when. */
export interface StoredArticle extends Article {
  /** The server it belongs to; null for bundled articles (visible in every server). */
  readonly guildId: string | null;
  /** A short handle typed by people: the file name of a bundled article, else a slug of the title. */
  readonly slug: string;
  /** Normalized URL used for duplicate detection (see `urlKey`). */
  readonly urlKey?: string;
  readonly addedBy?: string;
  /** ISO 8601 time it was added. */
  readonly addedAt: string;
}

/** The light view used by lists and autocomplete (no body text). */
export interface ArticleListing {
  readonly id: string;
  readonly guildId: string | null;
  readonly slug: string;
  readonly title: string;
  readonly source: string;
  readonly url?: string;
  readonly siteName?: string;
  readonly publishedAt?: string;
  readonly addedBy?: string;
  readonly addedAt: string;
  /** Length of the body in characters. */
  readonly length: number;
}

export interface NewArticle {
  readonly article: Article;
  readonly slug: string;
  readonly urlKey?: string;
  readonly addedBy?: string;
  readonly addedAt?: string;
}

/** What `insertChecked` did: stored the entry, found it already there, or found the server full. */
export type CheckedInsert =
  | { readonly kind: 'added'; readonly article: StoredArticle }
  | { readonly kind: 'duplicate'; readonly by: 'url' | 'content'; readonly article: StoredArticle }
  | { readonly kind: 'full' };

export interface ArticleStore {
  /** Insert into a server (or bundled when guildId is null). Throws if (guild, id) already exists. */
  insert(guildId: string | null, entry: NewArticle): StoredArticle;
  /**
   * Insert into a server unless an article with the entry's URL key or id is already visible there
   * (then that one is returned as the duplicate) or the server has `maxOwn` articles. The checks and
   * the write are one IMMEDIATE transaction, so adds that raced (in this process or another one on
   * the same database) cannot exceed the limit or store the same article twice.
   */
  insertChecked(guildId: string, entry: NewArticle, maxOwn: number): CheckedInsert;
  /** Insert or refresh a bundled article, keeping its original addedAt. */
  upsertBundled(entry: NewArticle): StoredArticle;
  /** Delete bundled articles whose id is not in `keep`; returns how many went. */
  pruneBundled(keep: ReadonlySet<string>): number;
  /** An article visible in the server (its own or bundled). */
  get(guildId: string, id: string): StoredArticle | undefined;
  /** The server's own article with this normalized URL, else a bundled one. */
  findByUrlKey(guildId: string, urlKey: string): StoredArticle | undefined;
  /** Every article visible in the server, newest first, without text. */
  listings(guildId: string): ArticleListing[];
  /** One page of listings, newest first. */
  page(guildId: string, offset: number, limit: number): ArticleListing[];
  /** Number of articles visible in the server (own + bundled). */
  countVisible(guildId: string): number;
  /** Number of the server's own articles (what the per-server limit counts). */
  countOwn(guildId: string): number;
  /** Remove one of the server's own articles. Bundled articles cannot be removed. */
  remove(guildId: string, id: string): boolean;
}

export const ARTICLE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'articles per server (guild_id NULL = bundled) and their stored analyses',
    up: (db) => {
      db.exec(`
        CREATE TABLE articles (
          pk INTEGER PRIMARY KEY,
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
        CREATE UNIQUE INDEX articles_scope_id ON articles (ifnull(guild_id, ''), id);
        CREATE INDEX articles_scope_added ON articles (guild_id, added_at);
        CREATE INDEX articles_scope_url ON articles (guild_id, url_key);
        CREATE TABLE analyses (
          article_id TEXT PRIMARY KEY,
          version INTEGER NOT NULL,
          json TEXT NOT NULL,
          computed_at TEXT NOT NULL
        );
      `);
    },
  },
];

const nullable = z
  .string()
  .nullable()
  .transform((v) => v ?? undefined);

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
  length: z.number().int(),
});

const articleRow = listingRow.extend({
  byline: nullable,
  url_key: nullable,
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
  };
}

const LISTING_COLUMNS = 'id, guild_id, slug, title, source, url, site_name, published_at, added_by, added_at, length(text) AS length';
const ARTICLE_COLUMNS = `${LISTING_COLUMNS}, byline, url_key, text, paragraphs, boilerplate`;
/** Own articles first on ties so a server's copy wins over a bundled one. */
const VISIBLE = '(guild_id = @guild OR guild_id IS NULL)';

/** The SQLite article store. Runs its migrations ('articles' namespace) on creation. */
export function createArticleStore(db: Db): ArticleStore {
  migrate(db, 'articles', ARTICLE_MIGRATIONS);
  const insertStmt = db.prepare(`INSERT INTO articles
    (guild_id, id, slug, title, byline, site_name, source, url, url_key, published_at, text, paragraphs, boilerplate, added_by, added_at)
    VALUES (@guild, @id, @slug, @title, @byline, @siteName, @source, @url, @urlKey, @publishedAt, @text, @paragraphs, @boilerplate, @addedBy, @addedAt)`);
  const getStmt = db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE ${VISIBLE} AND id = @id
    ORDER BY guild_id IS NULL LIMIT 1`);
  const getBundled = db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE guild_id IS NULL AND id = ?`);
  const byUrl = db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE ${VISIBLE} AND url_key = @key
    ORDER BY guild_id IS NULL LIMIT 1`);
  const listAll = db.prepare(`SELECT ${LISTING_COLUMNS} FROM articles WHERE ${VISIBLE} ORDER BY added_at DESC, pk DESC`);
  const pageStmt = db.prepare(`SELECT ${LISTING_COLUMNS} FROM articles WHERE ${VISIBLE}
    ORDER BY added_at DESC, pk DESC LIMIT @limit OFFSET @offset`);
  const countVisible = db.prepare(`SELECT count(*) AS n FROM articles WHERE ${VISIBLE}`);
  const countOwn = db.prepare('SELECT count(*) AS n FROM articles WHERE guild_id = ?');
  const removeStmt = db.prepare('DELETE FROM articles WHERE guild_id = ? AND id = ?');
  const updateBundled = db.prepare(`UPDATE articles SET slug = @slug, title = @title, byline = @byline,
    site_name = @siteName, source = @source, url = @url, url_key = @urlKey, published_at = @publishedAt,
    text = @text, paragraphs = @paragraphs, boilerplate = @boilerplate WHERE guild_id IS NULL AND id = @id`);
  const bundledIds = db.prepare('SELECT id FROM articles WHERE guild_id IS NULL');
  const deleteBundled = db.prepare('DELETE FROM articles WHERE guild_id IS NULL AND id = ?');

  const params = (guild: string | null, e: NewArticle) => ({
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
  });
  const count = (row: unknown) => (row as { n: number }).n;

  return {
    insert(guildId, entry) {
      insertStmt.run(params(guildId, entry));
      const row = guildId === null ? getBundled.get(entry.article.id) : getStmt.get({ guild: guildId, id: entry.article.id });
      return toArticle(row);
    },
    insertChecked(guildId, entry, maxOwn) {
      const check = db.transaction((): CheckedInsert => {
        const byKey = entry.urlKey === undefined ? undefined : byUrl.get({ guild: guildId, key: entry.urlKey });
        if (byKey !== undefined) return { kind: 'duplicate', by: 'url', article: toArticle(byKey) };
        const same = getStmt.get({ guild: guildId, id: entry.article.id });
        if (same !== undefined) return { kind: 'duplicate', by: 'content', article: toArticle(same) };
        if (count(countOwn.get(guildId)) >= maxOwn) return { kind: 'full' };
        insertStmt.run(params(guildId, entry));
        return { kind: 'added', article: toArticle(getStmt.get({ guild: guildId, id: entry.article.id })) };
      });
      // IMMEDIATE takes the write lock before the reads, so another process cannot slip in between.
      return check.immediate();
    },
    upsertBundled(entry) {
      return db.transaction(() => {
        const p = params(null, entry);
        if (updateBundled.run(p).changes === 0) insertStmt.run(p);
        return toArticle(getBundled.get(entry.article.id));
      })();
    },
    pruneBundled(keep) {
      return db.transaction(() => {
        let n = 0;
        for (const { id } of bundledIds.all() as Array<{ id: string }>) {
          if (!keep.has(id)) n += deleteBundled.run(id).changes;
        }
        return n;
      })();
    },
    get(guildId, id) {
      const row = getStmt.get({ guild: guildId, id });
      return row === undefined ? undefined : toArticle(row);
    },
    findByUrlKey(guildId, urlKey) {
      const row = byUrl.get({ guild: guildId, key: urlKey });
      return row === undefined ? undefined : toArticle(row);
    },
    listings(guildId) {
      return listAll.all({ guild: guildId }).map(toListing);
    },
    page(guildId, offset, limit) {
      return pageStmt.all({ guild: guildId, offset, limit }).map(toListing);
    },
    countVisible(guildId) {
      return count(countVisible.get({ guild: guildId }));
    },
    countOwn(guildId) {
      return count(countOwn.get(guildId));
    },
    remove(guildId, id) {
      return removeStmt.run(guildId, id).changes > 0;
    },
  };
}
