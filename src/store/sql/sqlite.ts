/**
 * The SQLite adapter of SqlClient: one better-sqlite3 connection (opened and checked by
 * `openDatabase`), statements prepared once and cached. better-sqlite3 is synchronous, so a query
 * runs to completion before the promise settles; what needs care is a transaction whose function
 * awaits between statements: while it is open, every other caller waits for it (a queue), so no
 * statement of another request lands inside it. The queue is shared by every connection of this
 * process to the same file: a second connection's BEGIN IMMEDIATE would otherwise block the event
 * loop on the file lock that the first, suspended at an await, can then never release.
 */
import type Database from 'better-sqlite3';
import { openDatabase, type Db } from '../database';
import { asUnavailable } from '../unavailable';
import type { SqlClient, SqlParams } from './client';

/** How many distinct statements are kept prepared (queries are fixed strings; IN-lists vary a little). */
const STATEMENT_CACHE_SIZE = 500;

/** The open transaction's end on a file, while one is open: every connection to it waits. */
interface Gate {
  /** Set while a transaction is open: plain statements wait for it. */
  busy: Promise<void> | null;
  /** The end of the last transaction queued: the next one starts after it (first come, first served). */
  tail: Promise<void>;
}
const gates = new Map<string, Gate>();
function gateOf(file: string): Gate {
  // ':memory:' databases are private to their connection: each gets its own gate.
  if (file === ':memory:' || file === '') return { busy: null, tail: Promise.resolve() };
  let g = gates.get(file);
  if (!g) {
    g = { busy: null, tail: Promise.resolve() };
    gates.set(file, g);
  }
  return g;
}

export function openSqliteClient(path: string): SqlClient & { readonly db: Db } {
  return sqliteClient(openDatabase(path));
}

export function sqliteClient(db: Db): SqlClient & { readonly db: Db } {
  const cache = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  const bind = (params: SqlParams | undefined): unknown[] => (params === undefined ? [] : Array.isArray(params) ? [...params] : [params]);

  const gate = gateOf(db.name);
  const idle = async (): Promise<void> => {
    while (gate.busy) await gate.busy;
  };

  /** A lock held past the busy timeout or a failing disk is "unavailable"; anything else is a bug. */
  const guarded = <T>(f: () => T): T => {
    try {
      return f();
    } catch (err) {
      throw asUnavailable(err);
    }
  };
  const direct = {
    all: <T>(sql: string, params?: SqlParams) => guarded(() => prepared(sql).all(...bind(params)) as T[]),
    get: <T>(sql: string, params?: SqlParams) => guarded(() => prepared(sql).get(...bind(params)) as T | undefined),
    run: (sql: string, params?: SqlParams) => guarded(() => ({ changes: prepared(sql).run(...bind(params)).changes })),
  };

  /** The client handed to a transaction's function: its statements go straight to the connection. */
  const inTransaction: SqlClient = {
    dialect: 'sqlite',
    all: async (sql, params) => direct.all(sql, params),
    get: async (sql, params) => direct.get(sql, params),
    run: async (sql, params) => direct.run(sql, params),
    exec: async (sql) => void db.exec(sql),
    transaction: (fn) => fn(inTransaction), // nested: part of the outer transaction
    close: async () => undefined,
  };

  return {
    dialect: 'sqlite',
    db,
    async all(sql, params) {
      if (gate.busy) await idle();
      return direct.all(sql, params);
    },
    async get(sql, params) {
      if (gate.busy) await idle();
      return direct.get(sql, params);
    },
    async run(sql, params) {
      if (gate.busy) await idle();
      return direct.run(sql, params);
    },
    async exec(sql) {
      if (gate.busy) await idle();
      db.exec(sql);
    },
    async transaction(fn) {
      let release!: () => void;
      const mine = new Promise<void>((r) => (release = r));
      const before = gate.tail;
      gate.tail = before.then(() => mine);
      await before;
      gate.busy = mine;
      try {
        // IMMEDIATE takes the write lock before the first read, so another process cannot slip in
        // between a check and the write that depends on it (the lock name is implied: one writer).
        guarded(() => db.exec('BEGIN IMMEDIATE'));
        try {
          const out = await fn(inTransaction);
          db.exec('COMMIT');
          return out;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      } finally {
        gate.busy = null;
        release();
      }
    },
    async close() {
      if (gate.busy) await idle();
      if (db.open) db.close();
    },
  };
}
