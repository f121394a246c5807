/**
 * Writing the search rows (tables in search-schema.ts): an article row's title row, written with
 * the article in the same transaction, and the rows an analysis's quotes are written as (written
 * with the analysis, in bounded steps, by analysis-writes.ts). Counts per server follow by the
 * triggers on `articles` and by the writer, from each article's per-speaker totals.
 */
import { foldedWords } from '../../nlp/folded-words';
import type { IndexedQuote } from '../ports';
import { toNumber, type SqlClient, type SqlValue } from './client';
import { scopeMark } from './search-schema';

/** "  w1  w2": every word after two spaces, so the start of a word is a substring of 3+ characters. */
export function wordStarts(words: Iterable<string>): string {
  let out = '';
  for (const w of words) if (w) out += `  ${w}`;
  return out;
}

/** The words a title row keeps: the matcher's words (the title's, folded, and the slug's parts). */
export function titleSearchWords(title: string, slug: string): string {
  return wordStarts(new Set([...foldedWords(title), ...slug.split('-')]));
}

/** A name as name suggestions search it: lower case, every space doubled, after two spaces. */
export function nameSearchText(form: string): string {
  return `  ${form.toLowerCase().replaceAll(' ', '  ')}`;
}

/** The SQL of `coalesce(guild_id, '')` that each engine's unique index on articles was built with. */
export const scopeOfRow = (c: SqlClient): string => `${c.dialect === 'sqlite' ? 'ifnull' : 'coalesce'}(guild_id, '')`;

/** The heading columns a title row copies from its article row. */
const HEADING = 'id, slug, title, source, url, site_name, published_at, added_by, added_at';

/** What a title row is made of: the article (by id, in one server) and the title and slug it was stored with. */
export interface TitleEntry {
  readonly id: string;
  readonly title: string;
  readonly slug: string;
}

/** Title rows written per statement (three values each). */
const TITLE_BATCH = 300;

/**
 * Write (or refresh) the title rows of articles of one server (null: bundled), in the articles'
 * transaction; the heading columns are copied from the article rows.
 */
export async function indexTitles(c: SqlClient, guildId: string | null, entries: readonly TitleEntry[]): Promise<void> {
  const scope = guildId ?? '';
  for (let i = 0; i < entries.length; i += TITLE_BATCH) {
    const batch = entries.slice(i, i + TITLE_BATCH);
    const params: Record<string, SqlValue> = { scope, mark: scopeMark(scope) };
    const rows = batch.map((e, k) => {
      Object.assign(params, { [`i${k}`]: e.id, [`w${k}`]: titleSearchWords(e.title, e.slug), [`l${k}`]: e.title.toLowerCase() });
      return k === 0 ? `SELECT @i0 AS id, @w0 AS words, @l0 AS lower_title` : `SELECT @i${k}, @w${k}, @l${k}`;
    });
    await c.run(
      `INSERT INTO article_search (pk, scope, scope_mark, words, lower_title, ${HEADING})
        SELECT a.pk, @scope, @mark, v.words, v.lower_title, ${HEADING.split(', ').map((h) => `a.${h}`).join(', ')}
        FROM (${rows.join(' UNION ALL ')}) AS v JOIN articles a ON a.id = v.id WHERE ${scopeOfRow(c).replace('guild_id', 'a.guild_id')} = @scope
        ON CONFLICT (pk) DO UPDATE SET words = excluded.words, lower_title = excluded.lower_title, slug = excluded.slug,
          title = excluded.title, source = excluded.source, url = excluded.url, site_name = excluded.site_name,
          published_at = excluded.published_at, added_by = excluded.added_by, added_at = excluded.added_at`,
      params,
    );
  }
}

/** Write (or refresh) the title row of the article `id` in a server (null: bundled), in the article's transaction. */
export function indexTitle(c: SqlClient, guildId: string | null, id: string, title: string, slug: string): Promise<void> {
  return indexTitles(c, guildId, [{ id, title, slug }]);
}

/** Rows per multi-row INSERT: well under SQLite's 32,766 bound values. */
export const BATCH_ROWS = 200;

export async function insertRows(c: SqlClient, table: string, columns: readonly string[], rows: readonly SqlValue[][]): Promise<void> {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const batch = rows.slice(i, i + BATCH_ROWS);
    await c.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${batch.map(() => tuple).join(', ')}`, batch.flat());
  }
}

/** The title rows of the articles stored before the 'search' migration (its `fill`). */
export async function backfillTitles(tx: SqlClient): Promise<void> {
  const columns = HEADING.split(', ');
  let after = -1;
  for (;;) {
    const rows = await tx.all<Record<string, SqlValue>>(`SELECT pk, guild_id, ${HEADING} FROM articles WHERE pk > ? ORDER BY pk LIMIT 1000`, [after]);
    if (rows.length === 0) return;
    await insertRows(
      tx,
      'article_search',
      ['pk', 'scope', 'scope_mark', 'words', 'lower_title', ...columns],
      rows.map((r) => {
        const scope = (r.guild_id as string | null) ?? '';
        const title = r.title as string;
        return [toNumber(r.pk), scope, scopeMark(scope), titleSearchWords(title, r.slug as string), title.toLowerCase(), ...columns.map((c) => r[c] ?? null)];
      }),
    );
    after = toNumber(rows.at(-1)!.pk);
  }
}

export const QUOTE_COLUMNS = [
  'article_id',
  'idx',
  'speaker_key',
  'speaker_last',
  'multi',
  'with_last',
  'name',
  'name_search',
  'mention',
  'mention_key',
  'mention_search',
  'words',
  'quote',
] as const;

export const FORM_COLUMNS = ['article_id', 'speaker_key', 'form', 'is_name', 'speaker_last', 'form_key', 'search', 'multi', 'with_last', 'quotes'] as const;

/**
 * An analysis's quote rows as the store writes them, built a slice at a time (a long article's
 * 13,000 are written in steps), and the per-speaker totals (`quote_forms` rows) of the rows built
 * so far: every form a quote is filed under, its name (counted) and its mention (an alias).
 */
export interface QuoteRowSet {
  readonly size: number;
  /** The rows of quotes [from, to); each row's idx is its quote's place in the analysis. */
  rows(from: number, to: number): SqlValue[][];
  /** The totals of every row built; all of them must have been built. */
  forms(): SqlValue[][];
}

export function quoteRowSet(articleId: string, quotes: readonly IndexedQuote[]): QuoteRowSet {
  const keys = new Set<string>();
  for (const q of quotes) if (q.speakerKey !== null) keys.add(q.speakerKey);
  const totals = new Map<string, SqlValue[]>();
  let built = 0;
  const count = (key: string, form: string, isName: 0 | 1, last: string, formKey: string, search: string, multi: number, withLast: number) => {
    const id = `${key}\u0000${form}\u0000${isName}`;
    const t = totals.get(id);
    if (!t) totals.set(id, [articleId, key, form, isName, last, formKey, search, multi, withLast, 1]);
    else {
      if (formKey < (t[5] as string)) t[5] = formKey;
      t[9] = (t[9] as number) + 1;
    }
  };
  return {
    size: quotes.length,
    rows(from, to) {
      if (from !== built) throw new RangeError(`quote rows built in order: ${built} next, not ${from}`);
      const out: SqlValue[][] = [];
      for (let idx = from; idx < Math.min(to, quotes.length); idx++) {
        const q = quotes[idx]!;
        const key = q.speakerKey;
        const last = key === null ? null : key.slice(key.lastIndexOf(' ') + 1);
        const multi = key !== null && key.includes(' ') ? 1 : 0;
        const named = key !== null && q.name !== null;
        const mention = named ? q.mention : null;
        // An article that quotes "Donald Trump" and "Trump": counted once when the two merge.
        const withLast = multi === 1 && keys.has(last!) ? 1 : 0;
        const nameSearch = named ? nameSearchText(q.name!) : null;
        const mentionKey = mention === null ? null : (q.mentionKey ?? '');
        const mentionSearch = mention === null ? null : nameSearchText(mention);
        out.push([articleId, idx, named ? key : null, named ? last : null, multi, withLast, named ? q.name : null, nameSearch, mention, mentionKey, mentionSearch, q.words.join(' '), q.json]);
        if (named) {
          count(key, q.name!, 1, last!, key, nameSearch!, multi, withLast);
          if (mention !== null) count(key, mention, 0, last!, mentionKey!, mentionSearch!, multi, withLast);
        }
        built = idx + 1;
      }
      return out;
    },
    forms() {
      if (built !== quotes.length) throw new RangeError(`${quotes.length - built} quote rows not built yet`);
      return [...totals.values()];
    },
  };
}

/** Pages of SQLite's quote index merged after each write of quote rows. */
export const QUOTE_INDEX_MERGE_PAGES = 64;

/**
 * SQLite's quote index (FTS5) merges its segments only when asked (its automerge is off, search
 * v2): left to itself, it merged hundreds of pages inside one insert of a few hundred rows (100 to
 * 470 ms). Every write of quote rows asks for a bounded share (`pages`, about 1 ms each) instead,
 * more than the rows wrote, so the index keeps its few segments per level. PostgreSQL: nothing.
 */
export async function mergeQuoteIndex(c: SqlClient, pages = QUOTE_INDEX_MERGE_PAGES): Promise<void> {
  if (c.dialect === 'sqlite') await c.run("INSERT INTO article_quotes_fts (article_quotes_fts, rank) VALUES ('merge', ?)", [pages]);
}

/**
 * Quote rows of analyses no server holds yet and never indexed (a bulk import: the archive bench),
 * a few statements for the whole batch, marked complete at once; counts follow when the articles
 * are inserted.
 */
export async function insertNewQuoteRows(tx: SqlClient, entries: ReadonlyArray<{ readonly articleId: string; readonly version: number; readonly quotes: readonly IndexedQuote[] }>): Promise<void> {
  const sets = entries.map((e) => quoteRowSet(e.articleId, e.quotes));
  const rows = sets.flatMap((s) => s.rows(0, s.size));
  await insertRows(tx, 'article_quotes', QUOTE_COLUMNS, rows);
  await mergeQuoteIndex(tx, Math.max(QUOTE_INDEX_MERGE_PAGES, rows.length));
  await insertRows(tx, 'quote_forms', FORM_COLUMNS, sets.flatMap((s) => s.forms()));
  await insertRows(tx, 'quote_sets', ['article_id', 'version', 'quotes'], entries.map((e) => [e.articleId, e.version, e.quotes.length]));
}
