/**
 * The paced queue's slots on SqlClient: one row per key holding the next free instant. A
 * reservation is one upsert, atomic on both engines (SQLite's single writer; PostgreSQL's row lock
 * on the conflicting row), so processes sharing the database never get the same slot.
 */
import type { PacingStore } from '../ports';
import { toNumber, type SqlClient } from './client';
import type { SqlMigration } from './migrate';

export const PACING_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    description: 'paced queues shared by processes (scheduled posts under Discord\'s global rate)',
    up: 'CREATE TABLE pacing (key TEXT PRIMARY KEY, next_at BIGINT NOT NULL)',
  },
];

const RESERVE = `INSERT INTO pacing (key, next_at) VALUES (@key, CAST(@now AS BIGINT) + CAST(@interval AS BIGINT))
  ON CONFLICT (key) DO UPDATE SET next_at =
    (CASE WHEN pacing.next_at > CAST(@now AS BIGINT) THEN pacing.next_at ELSE CAST(@now AS BIGINT) END) + CAST(@interval AS BIGINT)
  RETURNING next_at`;

export function sqlPacingStore(sql: SqlClient): PacingStore {
  return {
    async reserve(key, now, intervalMs) {
      if (!Number.isFinite(now) || !Number.isFinite(intervalMs) || intervalMs < 0) throw new RangeError(`reserve: bad time or interval (${now}, ${intervalMs})`);
      const interval = Math.round(intervalMs);
      const row = await sql.get<{ next_at: unknown }>(RESERVE, { key, now: Math.round(now), interval });
      if (row === undefined) throw new Error('reserve: the database returned no slot');
      return toNumber(row.next_at) - interval;
    },
  };
}
