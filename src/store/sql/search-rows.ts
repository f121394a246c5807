/**
 * Writing the search rows (tables in search-schema.ts): an article row's title row, written with
 * the article in the same transaction, and an analysis's quote rows, written with the analysis.
 * Counts per server follow by the triggers on `articles` and by `replaceQuoteRows` itself.
 */
import { foldedWords } from '../../nlp/folded-words';
import type { IndexedQuote } from '../ports';
import { toNumber, type SqlClient, type SqlValue } from './client';
import { scopeMark, speakerDelta } from './search-schema';

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
const BATCH_ROWS = 200;

async function insertRows(c: SqlClient, table: string, columns: readonly string[], rows: readonly SqlValue[][]): Promise<void> {
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

const QUOTE_COLUMNS = [
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

function quoteRows(articleId: string, quotes: readonly IndexedQuote[]): SqlValue[][] {
  const keys = new Set(quotes.map((q) => q.speakerKey).filter((k): k is string => k !== null));
  return quotes.map((q, idx) => {
    const key = q.speakerKey;
    const last = key === null ? null : key.slice(key.lastIndexOf(' ') + 1);
    const multi = key !== null && key.includes(' ');
    const named = key !== null && q.name !== null;
    const mention = named ? q.mention : null;
    return [
      articleId,
      idx,
      named ? key : null,
      named ? last : null,
      multi ? 1 : 0,
      // An article that quotes "Donald Trump" and "Trump": counted once when the two merge.
      multi && keys.has(last!) ? 1 : 0,
      named ? q.name : null,
      named ? nameSearchText(q.name!) : null,
      mention,
      mention === null ? null : (q.mentionKey ?? ''),
      mention === null ? null : nameSearchText(mention),
      q.words.join(' '),
      q.json,
    ];
  });
}

/**
 * Quote rows of analyses no server holds yet and never indexed (a bulk import: the archive bench),
 * a few statements for the whole batch; counts follow when the articles are inserted.
 */
export async function insertNewQuoteRows(tx: SqlClient, entries: ReadonlyArray<{ readonly articleId: string; readonly version: number; readonly quotes: readonly IndexedQuote[] }>): Promise<void> {
  await insertRows(tx, 'article_quotes', QUOTE_COLUMNS, entries.flatMap((e) => quoteRows(e.articleId, e.quotes)));
  await insertRows(tx, 'quote_sets', ['article_id', 'version', 'quotes'], entries.map((e) => [e.articleId, e.version, e.quotes.length]));
}

/**
 * Replace the quote rows of an analysis (`quotes` undefined: remove them, the analysis waits for
 * the backfill), keeping every server's speaker counts in step. Run inside the analysis's transaction.
 */
export async function replaceQuoteRows(tx: SqlClient, articleId: string, version: number, quotes: readonly IndexedQuote[] | undefined): Promise<void> {
  const id = { id: articleId };
  // The library analyses an article before storing it: then no server holds it yet, no count
  // moves, and (first analysis) there are no rows to replace.
  const state = await tx.get<{ held: unknown; indexed: unknown }>(
    `SELECT (SELECT count(*) FROM articles WHERE id = @id) AS held, (SELECT count(*) FROM quote_sets WHERE article_id = @id) AS indexed`,
    id,
  );
  const held = toNumber(state?.held ?? 0) > 0;
  if (toNumber(state?.indexed ?? 0) > 0) {
    if (held) for (const statement of speakerDelta(-1, 'r.id = @id')) await tx.run(statement, id);
    await tx.run('DELETE FROM article_quotes WHERE article_id = ?', [articleId]);
    await tx.run('DELETE FROM quote_sets WHERE article_id = ?', [articleId]);
  }
  if (quotes === undefined) return;
  await insertRows(tx, 'article_quotes', QUOTE_COLUMNS, quoteRows(articleId, quotes));
  await tx.run('INSERT INTO quote_sets (article_id, version, quotes) VALUES (?, ?, ?)', [articleId, version, quotes.length]);
  if (held) for (const statement of speakerDelta(1, 'r.id = @id')) await tx.run(statement, id);
}
