/**
 * Which servers a gateway process owns: Discord sends a server's events to shard
 * `(guild_id >> 22) % shard_count`, so the process running that shard is the one that answers the
 * server, posts its digest and its feed announcements. The same rule in TypeScript and in SQL.
 */
import type { ShardFilter } from './ports';

/** The shard (of `count`) that Discord gives server `guildId` (a snowflake). */
export function shardOf(guildId: string, count: number): number {
  if (!/^\d{1,20}$/.test(guildId)) throw new RangeError(`not a Discord id: ${JSON.stringify(guildId)}`);
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** Whether the filter owns the server (every server when there is no filter, or one shard in all). */
export function ownsGuild(filter: ShardFilter | undefined, guildId: string): boolean {
  if (filter === undefined || filter.count <= 1) return true;
  return filter.ids.includes(shardOf(guildId, filter.count));
}

/** A filter that owns every server: none at all, for one shard of one (today's single process). */
export function effectiveFilter(filter: ShardFilter | undefined): ShardFilter | undefined {
  return filter === undefined || filter.count <= 1 || new Set(filter.ids).size >= filter.count ? undefined : filter;
}

/**
 * A SQL condition (with a leading " AND ") on the text column `column` holding snowflakes: the
 * rows of the filter's shards; empty for no filter. The numbers are checked integers, written into
 * the statement (they are the process's configuration, not user input). Integer division by 2^22
 * is `>> 22` on both engines.
 */
export function shardCondition(column: string, filter: ShardFilter | undefined): string {
  const f = effectiveFilter(filter);
  if (f === undefined) return '';
  const count = checkedInt(f.count, 'shard count');
  const ids = [...new Set(f.ids.map((id) => checkedInt(id, 'shard id')))].sort((a, b) => a - b);
  if (ids.length === 0) return ' AND 1 = 0';
  return ` AND ((CAST(${column} AS BIGINT) / 4194304) % ${count}) IN (${ids.join(', ')})`;
}

function checkedInt(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number, got ${n}`);
  return n;
}
