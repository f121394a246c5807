/**
 * The channels where automatic summaries of posted links are on (`/autosummary`), on SqlClient.
 * One row per channel (a channel belongs to one server); times are epoch ms (BIGINT on PostgreSQL).
 */
import { z } from 'zod';
import type { AutoSummaryChannel, AutoSummaryStore } from '../ports';
import type { SqlClient } from './client';
import type { SqlMigration } from './migrate';
import { int } from './rows';

export const AUTOSUMMARY_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    description: 'channels where posted article links get a summary and key quotes',
    up: `
      CREATE TABLE auto_summary_channels (
        channel_id TEXT PRIMARY KEY,
        guild_id TEXT NOT NULL,
        enabled_by TEXT NOT NULL,
        enabled_at BIGINT NOT NULL
      );
      CREATE INDEX auto_summary_channels_guild ON auto_summary_channels (guild_id, enabled_at);`,
  },
];

const row = z
  .object({ channel_id: z.string(), guild_id: z.string(), enabled_by: z.string(), enabled_at: int })
  .transform((r): AutoSummaryChannel => ({ guildId: r.guild_id, channelId: r.channel_id, enabledBy: r.enabled_by, enabledAt: r.enabled_at }));

export function sqlAutoSummaryStore(sql: SqlClient): AutoSummaryStore {
  return {
    async enable(c) {
      const r = await sql.run(
        'INSERT INTO auto_summary_channels (channel_id, guild_id, enabled_by, enabled_at) VALUES (?, ?, ?, ?) ON CONFLICT (channel_id) DO NOTHING',
        [c.channelId, c.guildId, c.enabledBy, c.enabledAt],
      );
      return r.changes > 0;
    },
    disable: async (guildId, channelId) =>
      (await sql.run('DELETE FROM auto_summary_channels WHERE guild_id = ? AND channel_id = ?', [guildId, channelId])).changes > 0,
    async get(channelId) {
      const found = await sql.get('SELECT * FROM auto_summary_channels WHERE channel_id = ?', [channelId]);
      return found === undefined ? undefined : row.parse(found);
    },
    list: async (guildId) =>
      (await sql.all('SELECT * FROM auto_summary_channels WHERE guild_id = ? ORDER BY enabled_at, channel_id', [guildId])).map((r) => row.parse(r)),
  };
}
