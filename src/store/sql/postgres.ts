/**
 * The PostgreSQL adapter of SqlClient (node-postgres): a pool of connections; each transaction
 * holds one connection from BEGIN to COMMIT. A transaction's `lock` is an advisory transaction
 * lock on a hash of the name, released by COMMIT or ROLLBACK, so a per-server check-then-write
 * (the article ceiling, a digest claim) is serialised across every process on the database.
 */
import pg from 'pg';
import { asUnavailable } from '../unavailable';
import { toNumbered, type SqlClient, type SqlParams } from './client';

/** Connections kept per process: commands are short queries; feeds and digests add a few. */
const POOL_SIZE = 10;
/** How long a query may wait for a free connection before it fails (the caller says "try again"). */
const CONNECT_TIMEOUT_MS = 5000;

export interface PostgresClient extends SqlClient {
  readonly pool: pg.Pool;
}

export function openPostgresClient(url: string, options: { readonly poolSize?: number } = {}): PostgresClient {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection that the server drops (restart, failover) must not crash the process: the
  // next query gets a fresh connection, or an error its caller turns into "try again shortly".
  pool.on('error', () => undefined);
  return postgresClient(pool);
}

function over(q: (text: string, values?: unknown[]) => Promise<pg.QueryResult>): Pick<SqlClient, 'all' | 'get' | 'run' | 'exec'> {
  const query = async (sql: string, params?: SqlParams) => {
    const { text, values } = toNumbered(sql, params);
    try {
      return await q(text, values);
    } catch (err) {
      throw asUnavailable(err);
    }
  };
  return {
    all: async <T>(sql: string, params?: SqlParams) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: SqlParams) => (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params?: SqlParams) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    // No values: the simple protocol, which runs several statements in one call (migrations).
    exec: async (sql: string) => {
      try {
        await q(sql);
      } catch (err) {
        throw asUnavailable(err);
      }
    },
  };
}

export function postgresClient(pool: pg.Pool): PostgresClient {
  const self: PostgresClient = {
    dialect: 'postgres',
    pool,
    ...over((text, values) => (values ? pool.query(text, values) : pool.query(text))),
    async transaction(fn, options) {
      const conn = await pool.connect().catch((err: unknown) => {
        throw asUnavailable(err);
      });
      let broken = false;
      // A connection the server cuts while we hold it (between two statements) reports it as an
      // 'error' event: without a listener that event would end the process.
      const onError = (): void => {
        broken = true;
      };
      conn.on('error', onError);
      try {
        await conn.query('BEGIN');
        if (options?.lock) await conn.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [options.lock]);
        const tx: SqlClient = {
          dialect: 'postgres',
          ...over((text, values) => (values ? conn.query(text, values) : conn.query(text))),
          transaction: (inner) => inner(tx), // nested: part of the outer transaction
          close: async () => undefined,
        };
        const out = await fn(tx);
        await conn.query('COMMIT');
        return out;
      } catch (err) {
        try {
          await conn.query('ROLLBACK');
        } catch {
          broken = true; // the connection itself failed: do not return it to the pool
        }
        // BEGIN, the lock and COMMIT run on the connection directly: a cut connection is an outage too.
        throw asUnavailable(err);
      } finally {
        conn.off('error', onError);
        conn.release(broken);
      }
    },
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
  return self;
}
