/**
 * The small stores on SqlClient: bot state (key-value) and discussion threads.
 */
import { z } from 'zod';
import type { ArticleThread, StateStore, ThreadStore } from '../ports';
import type { SqlClient } from './client';
import type { SqlMigration } from './migrate';

export const STATE_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    description: 'key-value bot state',
    up: 'CREATE TABLE bot_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL)',
  },
];

export const THREAD_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    description: 'thread -> article links',
    up: `CREATE TABLE article_threads (
      thread_id TEXT PRIMARY KEY,
      guild_id TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      message_id TEXT NOT NULL UNIQUE,
      article_id TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`,
  },
];

export function sqlStateStore(sql: SqlClient): StateStore {
  return {
    get: async (key) => z.object({ value: z.string() }).optional().parse(await sql.get('SELECT value FROM bot_state WHERE key = ?', [key]))?.value,
    set: async (key, value) =>
      void (await sql.run(
        `INSERT INTO bot_state (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [key, value, new Date().toISOString()],
      )),
    delete: async (key) => void (await sql.run('DELETE FROM bot_state WHERE key = ?', [key])),
  };
}

const threadRow = z
  .object({
    thread_id: z.string(),
    guild_id: z.string(),
    channel_id: z.string(),
    message_id: z.string(),
    article_id: z.string(),
    created_by: z.string(),
    created_at: z.string(),
  })
  .transform(
    (r): ArticleThread => ({
      threadId: r.thread_id,
      guildId: r.guild_id,
      channelId: r.channel_id,
      messageId: r.message_id,
      articleId: r.article_id,
      createdBy: r.created_by,
      createdAt: r.created_at,
    }),
  );

export function sqlThreadStore(sql: SqlClient): ThreadStore {
  const one = (row: unknown) => (row === undefined ? undefined : threadRow.parse(row));
  return {
    async save(t) {
      const createdAt = new Date().toISOString();
      await sql.run(
        `INSERT INTO article_threads (thread_id, guild_id, channel_id, message_id, article_id, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (thread_id) DO UPDATE SET article_id = excluded.article_id`,
        [t.threadId, t.guildId, t.channelId, t.messageId, t.articleId, t.createdBy, createdAt],
      );
      return { ...t, createdAt };
    },
    get: async (threadId) => one(await sql.get('SELECT * FROM article_threads WHERE thread_id = ?', [threadId])),
    byMessage: async (messageId) => one(await sql.get('SELECT * FROM article_threads WHERE message_id = ?', [messageId])),
    remove: async (threadId) => (await sql.run('DELETE FROM article_threads WHERE thread_id = ?', [threadId])).changes > 0,
  };
}
