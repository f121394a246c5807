/**
 * Small key-value state the bot keeps between restarts (for example the hash of the slash command
 * definitions last registered, so the bot re-registers only when they change).
 */
import { migrate, type Db, type Migration } from './database';

export interface StateStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  delete(key: string): void;
}

export const STATE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'key-value bot state',
    up: (db) => db.exec('CREATE TABLE bot_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL)'),
  },
];

export function createStateStore(db: Db): StateStore {
  migrate(db, 'bot_state', STATE_MIGRATIONS);
  const getStmt = db.prepare('SELECT value FROM bot_state WHERE key = ?');
  const setStmt = db.prepare(`INSERT INTO bot_state (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
  const delStmt = db.prepare('DELETE FROM bot_state WHERE key = ?');
  return {
    get: (key) => (getStmt.get(key) as { value: string } | undefined)?.value,
    set: (key, value) => void setStmt.run(key, value, new Date().toISOString()),
    delete: (key) => void delStmt.run(key),
  };
}
