/**
 * Discussion threads started from an article message ("Discuss" button): which article a thread is
 * about, so a question asked in it is answered from that article after any restart.
 */
import { migrate, type Db, type Migration } from './database';

export interface ArticleThread {
  readonly threadId: string;
  readonly guildId: string;
  readonly channelId: string;
  /** The message the thread was started on (one thread per message). */
  readonly messageId: string;
  readonly articleId: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface ThreadStore {
  save(thread: Omit<ArticleThread, 'createdAt'>): ArticleThread;
  get(threadId: string): ArticleThread | undefined;
  byMessage(messageId: string): ArticleThread | undefined;
  remove(threadId: string): boolean;
}

export const THREAD_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'thread -> article links',
    up: (db) =>
      db.exec(`CREATE TABLE article_threads (
        thread_id TEXT PRIMARY KEY,
        guild_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        message_id TEXT NOT NULL UNIQUE,
        article_id TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`),
  },
];

interface Row {
  thread_id: string;
  guild_id: string;
  channel_id: string;
  message_id: string;
  article_id: string;
  created_by: string;
  created_at: string;
}

const fromRow = (r: Row): ArticleThread => ({
  threadId: r.thread_id,
  guildId: r.guild_id,
  channelId: r.channel_id,
  messageId: r.message_id,
  articleId: r.article_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export function createThreadStore(db: Db): ThreadStore {
  migrate(db, 'threads', THREAD_MIGRATIONS);
  const put = db.prepare(`INSERT INTO article_threads
    (thread_id, guild_id, channel_id, message_id, article_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (thread_id) DO UPDATE SET article_id = excluded.article_id`);
  const get = db.prepare('SELECT * FROM article_threads WHERE thread_id = ?');
  const byMessage = db.prepare('SELECT * FROM article_threads WHERE message_id = ?');
  const del = db.prepare('DELETE FROM article_threads WHERE thread_id = ?');
  return {
    save(t) {
      const createdAt = new Date().toISOString();
      put.run(t.threadId, t.guildId, t.channelId, t.messageId, t.articleId, t.createdBy, createdAt);
      return { ...t, createdAt };
    },
    get(threadId) {
      const r = get.get(threadId) as Row | undefined;
      return r && fromRow(r);
    },
    byMessage(messageId) {
      const r = byMessage.get(messageId) as Row | undefined;
      return r && fromRow(r);
    },
    remove: (threadId) => del.run(threadId).changes > 0,
  };
}
