/**
 * The search rows' tables (migration namespace 'search'), so autocomplete, `/whosaid` and speaker
 * suggestions are indexed queries instead of a scan of every article in memory:
 *
 * - `article_search`: one row per article row (per server), the folded title words and slug parts
 *   ("  w1  w2": every word after two spaces, so a word start is a 3-character substring) and the
 *   lower-case title, for word-prefix and substring matching, with the article's heading (title,
 *   source, dates...) so searches never read an article row: in SQLite the columns after a long
 *   text would cost a walk through its overflow pages.
 * - `article_quotes` + `quote_sets`: one row per quote of an analysis (per article id: analyses are
 *   shared by every server holding that text), with its speaker key, name, mention, phrase words
 *   and the quote as JSON; `quote_sets` marks an analysis's set as complete (also when it has no
 *   quotes): the rows are written in bounded steps (analysis-writes.ts) under a claim
 *   (`quote_writes`, there until the set is complete), and searches skip the rows of claimed
 *   articles. `quote_forms` totals a complete set per speaker form (a few rows per article).
 * - `speaker_keys` and `speaker_forms`: per server ('' = bundled) the quote and article counts of
 *   each speaker key and of each name or mention written for it, kept by triggers on `articles`
 *   (an article added or removed, however: prune, remove, bundled refresh) and by the quote rows'
 *   writer from the articles' `quote_forms`, so "most quoted" and a speaker's totals are read, not counted.
 * - `speaker_names`: the names and mentions ever seen per server, for typed-name suggestions.
 *
 * Text indexes differ by engine: SQLite keeps FTS5 tables beside them (trigram for titles and
 * names, unicode61 words for quotes; contentless, written by triggers); PostgreSQL has pg_trgm GIN
 * indexes, a tsvector of the title words and a GIN index on the quote's word array.
 */
import type { Dialect } from './client';
import { autoKey, createTrigger as trigger, type SqlMigration } from './migrate';

/** Private-use characters: never in a title, so a scope mark cannot match text. */
const MARK_BASE = 0xe000;
const MARK_DIGITS = 6400;

/**
 * A server's mark in SQLite's title index ('' = bundled): three private-use characters from a hash
 * of its id, so the FTS5 trigram index reads it as one token and a query for one server walks that
 * server's rows only. Two servers sharing a mark (one chance in 2.6e11) cost spare candidates, not
 * wrong answers: results are checked against the row's scope.
 */
export function scopeMark(scope: string): string {
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < scope.length; i++) h = Math.imul(h ^ scope.charCodeAt(i), 0x01000193) >>> 0;
  let mark = '';
  for (let k = 0; k < 3; k++) {
    mark += String.fromCharCode(MARK_BASE + (h % MARK_DIGITS));
    h = Math.floor(h / MARK_DIGITS) + k * 7919;
  }
  return mark;
}

/**
 * The statements that add (+1) or take away (-1) the quotes of the article rows `where` selects
 * (alias `r`) to or from their servers' speaker counts, read from the articles' per-speaker totals
 * (`quote_forms`: a few rows per article, however many quotes it has, and only for a complete set of
 * quote rows). One text serves the triggers (`r.pk = NEW.pk`) and the quote rows' writer (`r.id = @id`).
 */
export function speakerDelta(sign: 1 | -1, where: string): string[] {
  const from = `FROM articles r JOIN quote_forms f ON f.article_id = r.id WHERE ${where}`;
  // Rows go in key order, so two transactions counting the same speakers lock them in the same order.
  // Every quote with a speaker has one name form (is_name = 1): the key's totals are its name forms'.
  const statements = [
    `INSERT INTO speaker_keys (scope, speaker_key, speaker_last, multi, quotes, articles, with_last)
      SELECT coalesce(r.guild_id, ''), f.speaker_key, min(f.speaker_last), min(f.multi), ${sign} * sum(f.quotes), ${sign}, ${sign} * max(f.with_last)
      ${from} AND f.is_name = 1 GROUP BY coalesce(r.guild_id, ''), f.speaker_key ORDER BY 1, 2
      ON CONFLICT (scope, speaker_key) DO UPDATE SET quotes = speaker_keys.quotes + excluded.quotes,
        articles = speaker_keys.articles + excluded.articles, with_last = speaker_keys.with_last + excluded.with_last`,
    `INSERT INTO speaker_forms (scope, speaker_key, form, is_name, speaker_last, form_key, quotes)
      SELECT coalesce(r.guild_id, ''), f.speaker_key, f.form, f.is_name, min(f.speaker_last), min(f.form_key), ${sign} * sum(f.quotes)
      ${from} GROUP BY coalesce(r.guild_id, ''), f.speaker_key, f.form, f.is_name ORDER BY 1, 2, 3, 4
      ON CONFLICT (scope, speaker_key, form, is_name) DO UPDATE SET quotes = speaker_forms.quotes + excluded.quotes`,
  ];
  if (sign < 0) {
    // One article row per server: the rows its quotes touched, where they fell to nothing.
    const touched = `(SELECT DISTINCT coalesce(r.guild_id, '') AS scope, f.speaker_key ${from})`;
    statements.push(
      `DELETE FROM speaker_keys WHERE quotes <= 0 AND (scope, speaker_key) IN ${touched}`,
      `DELETE FROM speaker_forms WHERE quotes <= 0 AND (scope, speaker_key) IN ${touched}`,
    );
  } else {
    statements.push(
      `INSERT INTO speaker_names (scope, speaker_key, form, search)
        SELECT DISTINCT coalesce(r.guild_id, ''), f.speaker_key, f.form, f.search ${from} ORDER BY 1, 2, 3
        ON CONFLICT (scope, speaker_key, form) DO NOTHING`,
    );
  }
  return statements;
}

/**
 * Every form a quote row is written under, as a row of the quote rows `q` (its name, counted, and
 * its mention, an alias): what `quote_forms` totals per article. Used by the migration that made
 * the totals; the writer (analysis-writes.ts) totals the same forms as it writes the rows.
 */
const QUOTE_ROW_FORMS = `SELECT q.article_id, q.speaker_key, q.name AS form, 1 AS is_name, q.speaker_last, q.speaker_key AS form_key,
      q.name_search AS search, q.multi, q.with_last FROM article_quotes q WHERE q.speaker_key IS NOT NULL
    UNION ALL SELECT q.article_id, q.speaker_key, q.mention, 0, q.speaker_last, q.mention_key, q.mention_search, q.multi, q.with_last
      FROM article_quotes q WHERE q.speaker_key IS NOT NULL AND q.mention IS NOT NULL`;

/**
 * Version 1's counting statements, read from every quote row of the article (a 2,000,000-character
 * article's 13,000 rows took 80 ms to add and 260 ms to take away, in one statement): kept as
 * shipped, since version 1 creates its triggers from them and version 2 replaces them.
 */
function speakerDeltaFromRows(sign: 1 | -1, where: string): string[] {
  const from = `FROM articles r JOIN article_quotes q ON q.article_id = r.id WHERE ${where} AND q.speaker_key IS NOT NULL`;
  const forms = `SELECT coalesce(r.guild_id, '') AS scope, q.speaker_key AS speaker_key, q.name AS form, 1 AS is_name,
      q.speaker_last AS speaker_last, q.speaker_key AS form_key, q.name_search AS search ${from}
    UNION ALL SELECT coalesce(r.guild_id, ''), q.speaker_key, q.mention, 0, q.speaker_last, q.mention_key, q.mention_search
      ${from} AND q.mention IS NOT NULL`;
  const statements = [
    `INSERT INTO speaker_keys (scope, speaker_key, speaker_last, multi, quotes, articles, with_last)
      SELECT coalesce(r.guild_id, ''), q.speaker_key, min(q.speaker_last), min(q.multi), ${sign} * count(*), ${sign}, ${sign} * max(q.with_last)
      ${from} GROUP BY coalesce(r.guild_id, ''), q.speaker_key ORDER BY 1, 2
      ON CONFLICT (scope, speaker_key) DO UPDATE SET quotes = speaker_keys.quotes + excluded.quotes,
        articles = speaker_keys.articles + excluded.articles, with_last = speaker_keys.with_last + excluded.with_last`,
    `INSERT INTO speaker_forms (scope, speaker_key, form, is_name, speaker_last, form_key, quotes)
      SELECT scope, speaker_key, form, is_name, min(speaker_last), min(form_key), ${sign} * count(*) FROM (${forms}) AS f
      WHERE true GROUP BY scope, speaker_key, form, is_name ORDER BY 1, 2, 3, 4
      ON CONFLICT (scope, speaker_key, form, is_name) DO UPDATE SET quotes = speaker_forms.quotes + excluded.quotes`,
  ];
  if (sign < 0) {
    const touched = `(SELECT DISTINCT coalesce(r.guild_id, '') AS scope, q.speaker_key ${from})`;
    statements.push(
      `DELETE FROM speaker_keys WHERE quotes <= 0 AND (scope, speaker_key) IN ${touched}`,
      `DELETE FROM speaker_forms WHERE quotes <= 0 AND (scope, speaker_key) IN ${touched}`,
    );
  } else {
    statements.push(
      `INSERT INTO speaker_names (scope, speaker_key, form, search)
        SELECT DISTINCT scope, speaker_key, form, search FROM (${forms}) AS f WHERE true ORDER BY 1, 2, 3
        ON CONFLICT (scope, speaker_key, form) DO NOTHING`,
    );
  }
  return statements;
}

/** The body statements of the triggers on `articles`: counts follow every article row added or removed. */
function articleTriggerBodies(delta: typeof speakerDelta): { insert: string[]; remove: string[] } {
  return {
    insert: delta(1, 'r.pk = NEW.pk'),
    // BEFORE DELETE: the row is still there for the join.
    remove: [...delta(-1, 'r.pk = OLD.pk'), 'DELETE FROM article_search WHERE pk = OLD.pk'],
  };
}

/** What goes with an analysis (version 1; version 2 adds its speaker totals). */
const ANALYSIS_DELETE = ['DELETE FROM article_quotes WHERE article_id = OLD.article_id', 'DELETE FROM quote_sets WHERE article_id = OLD.article_id'];

/** SQLite's text indexes: contentless FTS5 tables written by triggers on the rows they index. */
function sqliteTextIndexes(): string {
  const fts = (name: string, columns: string, tokenize: string) =>
    `CREATE VIRTUAL TABLE ${name} USING fts5(${columns}, content='', contentless_delete=1, tokenize='${tokenize}');`;
  return `
    ${fts('article_search_fts', 'scope, words, title', 'trigram case_sensitive 1')}
    CREATE TRIGGER article_search_fts_ai AFTER INSERT ON article_search BEGIN
      INSERT INTO article_search_fts (rowid, scope, words, title) VALUES (NEW.pk, NEW.scope_mark, NEW.words, NEW.lower_title);
    END;
    CREATE TRIGGER article_search_fts_ad AFTER DELETE ON article_search BEGIN
      DELETE FROM article_search_fts WHERE rowid = OLD.pk;
    END;
    CREATE TRIGGER article_search_fts_au AFTER UPDATE ON article_search BEGIN
      DELETE FROM article_search_fts WHERE rowid = OLD.pk;
      INSERT INTO article_search_fts (rowid, scope, words, title) VALUES (NEW.pk, NEW.scope_mark, NEW.words, NEW.lower_title);
    END;
    ${fts('article_quotes_fts', 'words', 'unicode61 remove_diacritics 0')}
    CREATE TRIGGER article_quotes_fts_ai AFTER INSERT ON article_quotes BEGIN
      INSERT INTO article_quotes_fts (rowid, words) VALUES (NEW.qk, NEW.words);
    END;
    CREATE TRIGGER article_quotes_fts_ad AFTER DELETE ON article_quotes BEGIN
      DELETE FROM article_quotes_fts WHERE rowid = OLD.qk;
    END;
    ${fts('speaker_names_fts', 'search', 'trigram case_sensitive 1')}
    CREATE TRIGGER speaker_names_fts_ai AFTER INSERT ON speaker_names BEGIN
      INSERT INTO speaker_names_fts (rowid, search) VALUES (NEW.id, NEW.search);
    END;`;
}

/**
 * PostgreSQL's text indexes: the title's words as a tsvector ('simple': the words as folded, no
 * stemming), whose prefix queries (`ven:*`) find word starts exactly; trigrams for title
 * substrings and typed names; the quote's word array for phrases.
 */
function postgresTextIndexes(): string {
  return `
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    ALTER TABLE article_search ADD COLUMN words_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED;
    CREATE INDEX article_search_words ON article_search USING gin (words_tsv);
    CREATE INDEX article_search_title ON article_search USING gin (lower_title gin_trgm_ops);
    CREATE INDEX article_quotes_words ON article_quotes USING gin (string_to_array(words, ' '));
    CREATE INDEX speaker_names_search ON speaker_names USING gin (search gin_trgm_ops);`;
}

function searchSchema(d: Dialect): string {
  const pk = d === 'sqlite' ? 'INTEGER' : 'BIGINT';
  const bodies = articleTriggerBodies(speakerDeltaFromRows);
  return `
    CREATE TABLE article_search (
      pk ${pk} PRIMARY KEY,
      scope TEXT NOT NULL,
      scope_mark TEXT NOT NULL,
      words TEXT NOT NULL,
      lower_title TEXT NOT NULL,
      id TEXT NOT NULL,
      slug TEXT NOT NULL,
      title TEXT NOT NULL,
      source TEXT NOT NULL,
      url TEXT,
      site_name TEXT,
      published_at TEXT,
      added_by TEXT,
      added_at TEXT NOT NULL
    );
    CREATE INDEX article_search_scope ON article_search (scope, pk);
    CREATE INDEX article_search_id ON article_search (id, scope, added_at, pk);
    CREATE INDEX article_search_added ON article_search (scope, added_at, pk);
    CREATE INDEX articles_scope_slug ON articles (guild_id, slug);
    CREATE TABLE quote_sets (
      article_id TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      quotes INTEGER NOT NULL
    );
    CREATE TABLE article_quotes (
      qk ${autoKey(d)},
      article_id TEXT NOT NULL,
      idx INTEGER NOT NULL,
      speaker_key TEXT,
      speaker_last TEXT,
      multi INTEGER NOT NULL,
      with_last INTEGER NOT NULL,
      name TEXT,
      name_search TEXT,
      mention TEXT,
      mention_key TEXT,
      mention_search TEXT,
      words TEXT NOT NULL,
      quote TEXT NOT NULL,
      UNIQUE (article_id, idx)
    );
    CREATE INDEX article_quotes_speaker ON article_quotes (speaker_key, article_id, idx, qk);
    CREATE TABLE speaker_keys (
      scope TEXT NOT NULL,
      speaker_key TEXT NOT NULL,
      speaker_last TEXT NOT NULL,
      multi INTEGER NOT NULL,
      quotes INTEGER NOT NULL,
      articles INTEGER NOT NULL,
      with_last INTEGER NOT NULL,
      PRIMARY KEY (scope, speaker_key)
    );
    CREATE INDEX speaker_keys_count ON speaker_keys (scope, quotes);
    CREATE INDEX speaker_keys_last ON speaker_keys (scope, speaker_last);
    CREATE TABLE speaker_forms (
      scope TEXT NOT NULL,
      speaker_key TEXT NOT NULL,
      form TEXT NOT NULL,
      is_name INTEGER NOT NULL,
      speaker_last TEXT NOT NULL,
      form_key TEXT NOT NULL,
      quotes INTEGER NOT NULL,
      PRIMARY KEY (scope, speaker_key, form, is_name)
    );
    CREATE INDEX speaker_forms_key ON speaker_forms (scope, form_key);
    CREATE TABLE speaker_names (
      id ${autoKey(d)},
      scope TEXT NOT NULL,
      speaker_key TEXT NOT NULL,
      form TEXT NOT NULL,
      search TEXT NOT NULL,
      UNIQUE (scope, speaker_key, form)
    );
    CREATE INDEX speaker_names_scope ON speaker_names (scope, id);
    ${d === 'sqlite' ? sqliteTextIndexes() : postgresTextIndexes()}
    ${trigger(d, 'articles_search_added', 'AFTER INSERT', 'articles', bodies.insert)}
    ${trigger(d, 'articles_search_removed', 'BEFORE DELETE', 'articles', bodies.remove)}
    ${trigger(d, 'analyses_search_removed', 'AFTER DELETE', 'analyses', ANALYSIS_DELETE)}`;
}

/**
 * Version 2: the quote rows of an analysis are written in bounded steps (analysis-writes.ts), so a
 * set is marked complete (`quote_sets`) only by its last step, and searches skip the rows of an
 * article while a write holds its claim. Speaker counts come from per-article totals (`quote_forms`, written with the mark) instead
 * of every quote row, so adding or removing a long article's row stays a few rows' work. A write in
 * progress holds a claim (`quote_writes`): its steps check it, a newer write of the same analysis
 * takes it over, and a claim left by a process that died marks rows to clear. SQLite's quote index
 * merges its segments only when a write asks, a bounded share each time (search-rows.ts).
 */
function quoteTotalsSchema(d: Dialect): string {
  const bodies = articleTriggerBodies(speakerDelta);
  const replace = (name: string, when: 'AFTER INSERT' | 'BEFORE DELETE' | 'AFTER DELETE', table: string, body: readonly string[]) =>
    `${d === 'sqlite' ? `DROP TRIGGER ${name};` : `DROP TRIGGER ${name} ON ${table}; DROP FUNCTION ${name}();`}
    ${trigger(d, name, when, table, body)}`;
  return `
    CREATE TABLE quote_forms (
      article_id TEXT NOT NULL,
      speaker_key TEXT NOT NULL,
      form TEXT NOT NULL,
      is_name INTEGER NOT NULL,
      speaker_last TEXT NOT NULL,
      form_key TEXT NOT NULL,
      search TEXT NOT NULL,
      multi INTEGER NOT NULL,
      with_last INTEGER NOT NULL,
      quotes INTEGER NOT NULL,
      PRIMARY KEY (article_id, speaker_key, form, is_name)
    )${d === 'sqlite' ? ' WITHOUT ROWID' : ''};
    INSERT INTO quote_forms (article_id, speaker_key, form, is_name, speaker_last, form_key, search, multi, with_last, quotes)
      SELECT article_id, speaker_key, form, is_name, min(speaker_last), min(form_key), min(search), min(multi), max(with_last), count(*)
      FROM (${QUOTE_ROW_FORMS}) AS f WHERE EXISTS (SELECT 1 FROM quote_sets s WHERE s.article_id = f.article_id)
      GROUP BY article_id, speaker_key, form, is_name;
    ${d === 'sqlite' ? "INSERT INTO article_quotes_fts (article_quotes_fts, rank) VALUES ('automerge', 0);" : ''}
    CREATE TABLE quote_writes (
      article_id TEXT PRIMARY KEY,
      token TEXT NOT NULL,
      started_at TEXT NOT NULL
    );
    ${replace('articles_search_added', 'AFTER INSERT', 'articles', bodies.insert)}
    ${replace('articles_search_removed', 'BEFORE DELETE', 'articles', bodies.remove)}
    ${replace('analyses_search_removed', 'AFTER DELETE', 'analyses', [
      ...ANALYSIS_DELETE,
      'DELETE FROM quote_forms WHERE article_id = OLD.article_id',
      // A write of it in progress stops at its next step (its claim is gone), leaving nothing behind.
      'DELETE FROM quote_writes WHERE article_id = OLD.article_id',
    ])}`;
}

/** Filled by `fill`: every article's title row (its words are folded in JS, like the matcher's). */
export type TitleBackfill = NonNullable<SqlMigration['fill']>;

/** The 'search' namespace; `fill` indexes the titles of articles stored before it (see search-rows.ts). */
export function searchMigrations(fill: TitleBackfill): readonly SqlMigration[] {
  return [
    {
      version: 1,
      description: 'search rows: article titles, quotes and per-server speaker counts, with their text indexes',
      up: searchSchema,
      fill,
    },
    {
      version: 2,
      description: 'quote rows written in bounded steps: complete sets only, speaker counts from per-article totals, write claims',
      up: quoteTotalsSchema,
    },
  ];
}
