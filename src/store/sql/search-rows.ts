/**
 * Writing the search rows (tables in search-schema.ts): an article row's title row, written with
 * the article in the same transaction, and an analysis's quote rows, written with the analysis.
 * Counts per server follow by the triggers on `articles` and by `replaceQuoteRows` itself.
 */
import { foldedWords } from '../../nlp/folded-words';
import type { IndexedQuote } from '../ports';
import { toNumber, type SqlClient, type SqlValue } from './client';
import { speakerDelta } from './search-schema';

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

/** Write (or refresh) the title row of the article `id` in a server (null: bundled). */
export async function indexTitle(c: SqlClient, guildId: string | null, id: string, title: string, slug: string): Promise<void> {
  await c.run(
    `INSERT INTO article_search (pk, scope, words, title)
      SELECT pk, @scope, @words, @title FROM articles WHERE ${scopeOfRow(c)} = @scope AND id = @id
      ON CONFLICT (pk) DO UPDATE SET words = excluded.words, title = excluded.title`,
    { scope: guildId ?? '', id, words: titleSearchWords(title, slug), title: title.toLowerCase() },
  );
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
  let after = -1;
  for (;;) {
    const rows = await tx.all<{ pk: unknown; guild_id: string | null; title: string; slug: string }>(
      'SELECT pk, guild_id, title, slug FROM articles WHERE pk > ? ORDER BY pk LIMIT 1000',
      [after],
    );
    if (rows.length === 0) return;
    await insertRows(
      tx,
      'article_search',
      ['pk', 'scope', 'words', 'title'],
      rows.map((r) => [toNumber(r.pk), r.guild_id ?? '', titleSearchWords(r.title, r.slug), r.title.toLowerCase()]),
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
 * Replace the quote rows of an analysis (`quotes` undefined: remove them, the analysis waits for
 * the backfill), keeping every server's speaker counts in step. Run inside the analysis's transaction.
 */
export async function replaceQuoteRows(tx: SqlClient, articleId: string, version: number, quotes: readonly IndexedQuote[] | undefined): Promise<void> {
  const id = { id: articleId };
  for (const statement of speakerDelta(-1, 'r.id = @id')) await tx.run(statement, id);
  await tx.run('DELETE FROM article_quotes WHERE article_id = ?', [articleId]);
  await tx.run('DELETE FROM quote_sets WHERE article_id = ?', [articleId]);
  if (quotes === undefined) return;
  await insertRows(tx, 'article_quotes', QUOTE_COLUMNS, quoteRows(articleId, quotes));
  await tx.run('INSERT INTO quote_sets (article_id, version, quotes) VALUES (?, ?, ?)', [articleId, version, quotes.length]);
  for (const statement of speakerDelta(1, 'r.id = @id')) await tx.run(statement, id);
}
