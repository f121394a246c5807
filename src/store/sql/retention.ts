/**
 * The retention policy's SQL: feed items (articles with `feed_url` set) are pruned oldest first
 * when a server holds more than its ceiling, and by age; member-added articles (`feed_url` NULL)
 * are never touched here. Every prune removes the analyses no article refers to any more and is
 * counted in `article_prunes` (per server, feed, reason and UTC day), which `/feed status` and the
 * `/article list` footer read. The same queries run on SQLite and PostgreSQL.
 */
import { z } from 'zod';
import type { FeedRetention, PruneReason, PrunedCount, PruneTally } from '../ports';
import { toNumber, type SqlClient, type SqlValue } from './client';
import type { Dialect } from './client';
import type { SqlMigration } from './migrate';
import { int } from './rows';
import { lockArticleTexts } from './analysis-writes';

/**
 * Its own namespace, after 'articles' (it alters that table): the feature's steps never compete
 * for version numbers with other changes to the articles namespace.
 */
/**
 * Triggers keep `feed_item_counts` equal to each server's number of feed items, whichever path adds
 * or deletes one (an insert, a prune, `/article remove`): the ceiling check after an insert reads one
 * row instead of counting 100,000 (21 ms on PostgreSQL, 2.6 ms on SQLite, measured), under a lock.
 */
function feedCountTriggers(d: Dialect): string {
  const add = `INSERT INTO feed_item_counts (guild_id, items) VALUES (NEW.guild_id, 1)
        ON CONFLICT (guild_id) DO UPDATE SET items = feed_item_counts.items + 1`;
  const take = 'UPDATE feed_item_counts SET items = items - 1 WHERE guild_id = OLD.guild_id';
  if (d === 'sqlite') {
    return `
      CREATE TRIGGER articles_feed_count_ai AFTER INSERT ON articles WHEN NEW.feed_url IS NOT NULL BEGIN ${add}; END;
      CREATE TRIGGER articles_feed_count_ad AFTER DELETE ON articles WHEN OLD.feed_url IS NOT NULL BEGIN ${take}; END;`;
  }
  return `
      CREATE FUNCTION articles_feed_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${add}; ELSE ${take}; END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER articles_feed_count_ai AFTER INSERT ON articles FOR EACH ROW WHEN (NEW.feed_url IS NOT NULL) EXECUTE FUNCTION articles_feed_count();
      CREATE TRIGGER articles_feed_count_ad AFTER DELETE ON articles FOR EACH ROW WHEN (OLD.feed_url IS NOT NULL) EXECUTE FUNCTION articles_feed_count();`;
}

export const RETENTION_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    description: 'feed items marked by their feed (backfilled from source "feed:<url>"), counted per server, and the prune log',
    // Feed items were stored with source 'feed:<url>' and no adder; member adds always name their
    // member (added_by), so a pasted file called "feed:x" is not mistaken for a feed item.
    up: (d) => `
      ALTER TABLE articles ADD COLUMN feed_url TEXT;
      UPDATE articles SET feed_url = substr(source, 6)
        WHERE guild_id IS NOT NULL AND added_by IS NULL AND substr(source, 1, 5) = 'feed:' AND length(source) > 5;
      CREATE INDEX articles_feed_items ON articles (guild_id, added_at, pk) WHERE feed_url IS NOT NULL;
      CREATE INDEX articles_feed_age ON articles (added_at, pk) WHERE feed_url IS NOT NULL;
      CREATE INDEX articles_member_items ON articles (guild_id) WHERE feed_url IS NULL;
      CREATE INDEX articles_id ON articles (id);
      CREATE TABLE feed_item_counts (
        guild_id TEXT PRIMARY KEY,
        items INTEGER NOT NULL
      );
      INSERT INTO feed_item_counts (guild_id, items)
        SELECT guild_id, count(*) FROM articles WHERE feed_url IS NOT NULL GROUP BY guild_id;
      ${feedCountTriggers(d)}
      CREATE TABLE article_prunes (
        guild_id TEXT NOT NULL,
        feed_url TEXT NOT NULL,
        reason TEXT NOT NULL,
        day TEXT NOT NULL,
        pruned INTEGER NOT NULL,
        last_at TEXT NOT NULL,
        PRIMARY KEY (guild_id, feed_url, reason, day)
      );
      CREATE INDEX article_prunes_day ON article_prunes (day);`,
  },
];

/** Rows deleted per transaction by the periodic prune: short enough that commands never wait long for the lock. */
export const PRUNE_BATCH = 500;
/** Ids per orphan-analysis statement (the `orphanAnalyses` placeholders). */
const IDS_PER_STATEMENT = 50;

const SQL = {
  countFeedItems: 'SELECT items AS n FROM feed_item_counts WHERE guild_id = ?',
  oldestOfGuild: 'SELECT pk, id FROM articles WHERE guild_id = ? AND feed_url IS NOT NULL ORDER BY added_at, pk LIMIT ?',
  olderThan: 'SELECT pk, id FROM articles WHERE feed_url IS NOT NULL AND added_at < ? ORDER BY added_at, pk LIMIT ?',
  overCeiling: 'SELECT guild_id FROM feed_item_counts WHERE items > ?',
  /** IDS_PER_STATEMENT placeholders: one statement shape, prepared once (a short list repeats its last id). */
  orphanAnalyses: `DELETE FROM analyses WHERE article_id IN (${Array(IDS_PER_STATEMENT).fill('?').join(', ')})
    AND NOT EXISTS (SELECT 1 FROM articles WHERE articles.id = analyses.article_id)`,
  log: `INSERT INTO article_prunes (guild_id, feed_url, reason, day, pruned, last_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (guild_id, feed_url, reason, day) DO UPDATE SET pruned = article_prunes.pruned + excluded.pruned,
      last_at = CASE WHEN excluded.last_at > article_prunes.last_at THEN excluded.last_at ELSE article_prunes.last_at END`,
  forgetLog: 'DELETE FROM article_prunes WHERE day < ?',
  tallies: `SELECT feed_url, reason, sum(pruned) AS n, max(last_at) AS last_at FROM article_prunes
    WHERE guild_id = ? AND day >= ? GROUP BY feed_url, reason ORDER BY feed_url, reason`,
} as const;

const deletedRow = z.object({ guild_id: z.string(), feed_url: z.string(), id: z.string() });
const tallyRow = z.object({ feed_url: z.string(), reason: z.enum(['ceiling', 'age']), n: int, last_at: z.string() });

/** The UTC day of an ISO 8601 time, the prune log's unit. */
const dayOf = (iso: string): string => iso.slice(0, 10);

/** Count deleted rows by server and feed. */
function tally(rows: readonly unknown[], reason: PruneReason): PrunedCount[] {
  const byKey = new Map<string, { guildId: string; feedUrl: string; count: number }>();
  for (const raw of rows) {
    const r = deletedRow.parse(raw);
    const key = JSON.stringify([r.guild_id, r.feed_url]);
    const t = byKey.get(key) ?? { guildId: r.guild_id, feedUrl: r.feed_url, count: 0 };
    t.count++;
    byKey.set(key, t);
  }
  return [...byKey.values()].map((t) => ({ ...t, reason }));
}

const chosenRow = z.object({ pk: int, id: z.string() });

/**
 * Delete the rows `choose` picks, after locking their texts (lockArticleTexts: a write of the same
 * analysis finishing meanwhile would count the server's quotes after the row went). The rows are
 * picked first and deleted by key, so exactly the locked ones go; one that another transaction
 * removed in between is simply not there any more.
 */
async function deleteChosen(tx: SqlClient, choose: string, params: readonly SqlValue[]): Promise<unknown[]> {
  const chosen = (await tx.all(choose, params)).map((r) => chosenRow.parse(r));
  if (chosen.length === 0) return [];
  await lockArticleTexts(tx, chosen.map((c) => c.id));
  const deleted: unknown[] = [];
  for (let i = 0; i < chosen.length; i += IDS_PER_STATEMENT) {
    const pks = chosen.slice(i, i + IDS_PER_STATEMENT).map((c) => c.pk);
    deleted.push(...(await tx.all(`DELETE FROM articles WHERE pk IN (${pks.map(() => '?').join(', ')}) RETURNING guild_id, feed_url, id`, pks)));
  }
  return deleted;
}

/** After deleting `rows`: drop their analyses unless another server still has the same text, and log the counts. */
async function settle(tx: SqlClient, rows: readonly unknown[], reason: PruneReason, at: string): Promise<PrunedCount[]> {
  const ids = [...new Set(rows.map((r) => deletedRow.parse(r).id))];
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
    const chunk = ids.slice(i, i + IDS_PER_STATEMENT);
    await tx.run(SQL.orphanAnalyses, Array.from({ length: IDS_PER_STATEMENT }, (_, k) => chunk[Math.min(k, chunk.length - 1)]!));
  }
  const counts = tally(rows, reason);
  for (const c of counts) await tx.run(SQL.log, [c.guildId, c.feedUrl, reason, dayOf(at), c.count, at]);
  return counts;
}

/**
 * Inside a transaction that holds the server's lock: delete the server's oldest feed items beyond
 * `max` (at most `limit` of them). Resolves to what went, and whether the server is within `max` now.
 */
export async function pruneToCeiling(tx: SqlClient, guildId: string, max: number, at: string, limit = Number.MAX_SAFE_INTEGER): Promise<{ pruned: PrunedCount[]; within: boolean }> {
  const over = toNumber((await tx.get<{ n: unknown }>(SQL.countFeedItems, [guildId]))?.n ?? 0) - max;
  if (over <= 0) return { pruned: [], within: true };
  const rows = await deleteChosen(tx, SQL.oldestOfGuild, [guildId, Math.min(over, limit)]);
  return { pruned: await settle(tx, rows, 'ceiling', at), within: over <= limit };
}

/** Add `next` into `into`, merging counts of the same server, feed and reason. */
function merge(into: PrunedCount[], next: readonly PrunedCount[]): void {
  for (const c of next) {
    const i = into.findIndex((t) => t.guildId === c.guildId && t.feedUrl === c.feedUrl && t.reason === c.reason);
    if (i === -1) into.push(c);
    else into[i] = { ...into[i]!, count: into[i]!.count + c.count };
  }
}

/** The periodic prune (ArticleStore.pruneFeedItems): by age first, then any server above the ceiling. */
export async function pruneFeedItems(sql: SqlClient, retention: FeedRetention, now: string, forgetLogBefore: string): Promise<PrunedCount[]> {
  const out: PrunedCount[] = [];
  for (;;) {
    // No server lock needed: whatever else deletes meanwhile, an item past the age limit only ever goes once.
    const batch = await sql.transaction(async (tx) => {
      const rows = await deleteChosen(tx, SQL.olderThan, [retention.before, PRUNE_BATCH]);
      merge(out, await settle(tx, rows, 'age', now));
      return rows.length;
    }, { lock: 'articles:retention' });
    if (batch < PRUNE_BATCH) break;
  }
  const max = retention.maxPerServer;
  const servers = max === undefined ? [] : await sql.all<{ guild_id: string }>(SQL.overCeiling, [max]);
  for (const { guild_id: guildId } of servers) {
    for (;;) {
      // Under the server's lock, like an insert: a count taken here cannot race one taken there.
      const step = await sql.transaction((tx) => pruneToCeiling(tx, guildId, max!, now, PRUNE_BATCH), { lock: `articles:${guildId}` });
      merge(out, step.pruned);
      if (step.within) break;
    }
  }
  await sql.run(SQL.forgetLog, [dayOf(forgetLogBefore)]);
  return out;
}

/** The prune log of one server from the UTC day of `since` on (ArticleStore.pruneTallies). */
export async function pruneTallies(sql: SqlClient, guildId: string, since: string): Promise<PruneTally[]> {
  return (await sql.all(SQL.tallies, [guildId, dayOf(since)])).map((raw) => {
    const r = tallyRow.parse(raw);
    return { feedUrl: r.feed_url, reason: r.reason, count: r.n, lastAt: r.last_at };
  });
}
