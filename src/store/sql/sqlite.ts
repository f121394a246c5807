/**
 * The SQLite adapter of SqlClient: one better-sqlite3 connection (opened and checked by
 * `openDatabase`), statements prepared once and cached. better-sqlite3 is synchronous, so a query
 * runs to completion before the promise settles; what needs care is a transaction whose function
 * awaits between statements: while it is open, every other caller waits for it (a queue), so no
 * statement of another request lands inside it. The queue is shared by every connection of this
 * process to the same file: a second connection's BEGIN IMMEDIATE would otherwise block the event
 * loop on the file lock that the first, suspended at an await, can then never release.
 *
 * WAL checkpoints (copying the log back into the database file and syncing it) run in a thread of
 * their own (wal-checkpointer.mjs): SQLite's automatic one runs inside the COMMIT that crosses
 * 1,000 pages, so the commit of a long article's row took 50-80 ms of the event loop on a busy disk.
 */
import { statSync } from 'node:fs';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
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

/** The WAL's size at which its checkpointer thread starts (SQLite's own automatic checkpoint: 1,000 pages). */
const CHECKPOINTER_FROM_BYTES = 4 * 1024 * 1024;
/** While the database is written, a checkpoint is asked for at most this often. */
const CHECKPOINT_EVERY_MS = 200;
/** SQLite's default wal_autocheckpoint, put back if the checkpointer thread fails. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/** Checkpoints of one connection's file, asked of a thread of their own (started once the WAL has grown). */
interface Checkpoints {
  /** Told after a write is committed. */
  wrote(): void;
  /** Ask for one now, whatever the time since the last; resolves once it is done (or there is no thread). */
  now(): Promise<void>;
  close(): Promise<void>;
}

function walCheckpoints(db: Db): Checkpoints {
  const file = db.name;
  db.pragma('wal_autocheckpoint = 0');
  let worker: Worker | undefined;
  let failed = false;
  let closing = false;
  let inFlight: Promise<void> | undefined;
  let lastAsked = -Infinity;
  const fail = () => {
    failed = true;
    worker = undefined;
    inFlight = undefined;
    // Without its thread, the connection checkpoints itself again (on the event loop, as SQLite does by default).
    if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  };
  const start = (): Worker => {
    const w = new Worker(new URL('./wal-checkpointer.mjs', import.meta.url), { workerData: { path: file } });
    w.unref();
    w.on('error', fail);
    w.on('exit', () => (closing ? undefined : fail()));
    return w;
  };
  const ask = (): Promise<void> => {
    const w = worker!;
    lastAsked = performance.now();
    inFlight = new Promise<void>((resolve) => {
      const done = () => {
        w.off('message', done);
        w.off('exit', done);
        inFlight = undefined;
        resolve();
      };
      w.on('message', done);
      w.on('exit', done);
      w.postMessage('checkpoint');
    });
    return inFlight;
  };
  const walBytes = (): number => {
    try {
      return statSync(`${file}-wal`).size;
    } catch {
      return 0;
    }
  };
  return {
    wrote() {
      if (failed || inFlight || performance.now() - lastAsked < CHECKPOINT_EVERY_MS) return;
      if (!worker) {
        lastAsked = performance.now();
        if (walBytes() < CHECKPOINTER_FROM_BYTES) return;
        worker = start();
      }
      void ask();
    },
    async now() {
      if (failed || closing) return;
      worker ??= start();
      await (inFlight ?? ask());
    },
    async close() {
      closing = true;
      const w = worker;
      worker = undefined;
      if (!w) return;
      const exited = once(w, 'exit');
      w.postMessage('stop');
      const timer = setTimeout(() => void w.terminate(), 2000);
      await exited.catch(() => undefined);
      clearTimeout(timer);
    },
  };
}

export function openSqliteClient(path: string): SqlClient & { readonly db: Db; readonly checkpoint: () => Promise<void> } {
  const db = openDatabase(path);
  // ':memory:' has no WAL (and no file a second connection could open).
  return sqliteClient(db, path === ':memory:' || path === '' ? undefined : walCheckpoints(db));
}

export function sqliteClient(db: Db, checkpoints?: Checkpoints): SqlClient & { readonly db: Db; readonly checkpoint: () => Promise<void> } {
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
  /** After a statement outside a transaction: a write (RETURNING ones read too) is committed by now. */
  const after = <T>(sql: string, out: T): T => {
    if (checkpoints && !prepared(sql).readonly) checkpoints.wrote();
    return out;
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
    checkpoint: async () => checkpoints?.now(),
    async all(sql, params) {
      // Checked again after each wait, in the same tick as the statement (inline, not in a helper that
      // would add a tick): a transaction queued behind the one that ended may begin in the ticks between,
      // and the statement would land inside it on this connection, or meet its lock on another.
      while (gate.busy) await idle();
      return after(sql, direct.all(sql, params));
    },
    async get(sql, params) {
      while (gate.busy) await idle();
      return after(sql, direct.get(sql, params));
    },
    async run(sql, params) {
      while (gate.busy) await idle();
      return after(sql, direct.run(sql, params));
    },
    async exec(sql) {
      while (gate.busy) await idle();
      db.exec(sql);
      checkpoints?.wrote();
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
          checkpoints?.wrote();
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
      while (gate.busy) await idle();
      await checkpoints?.close();
      if (db.open) db.close();
    },
  };
}
