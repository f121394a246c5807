/**
 * The database cannot serve right now: the PostgreSQL server is down, restarting, refusing
 * connections or out of connections, or the SQLite file is held locked by another process past the
 * busy timeout, or its disk failed. Expected and temporary: a command answers "try again shortly"
 * and the next one succeeds once the database is back (the pool reconnects; nothing to restart).
 * Every other database error is a bug and passes through unchanged.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  readonly code = 'STORE_UNAVAILABLE';
  constructor(
    /** The driver's code for it (ECONNREFUSED, 57P01, SQLITE_BUSY...). */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`the database is unavailable (${reason})`, options);
  }
}

/** Network-level codes of a connection that failed or was dropped. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs that mean "not now" rather than "wrong query": connection exceptions (08),
 * operator intervention (57: shutdown, crash recovery, cannot connect now), too many connections
 * (53300), a database that does not allow connections (55000 with that message).
 */
function isPostgresUnavailable(code: string, message: string): boolean {
  return code.startsWith('08') || code.startsWith('57') || code === '53300' || (code === '55000' && /not currently accepting connections|does not allow connections/i.test(message));
}

/** SQLite result codes that mean the file cannot be used right now. */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|PROTOCOL)/;

/** `err` as a StoreUnavailableError when it means the database is unavailable, else `err` itself. */
export function asUnavailable(err: unknown): unknown {
  if (!(err instanceof Error) || err instanceof StoreUnavailableError) return err;
  const code = String((err as { code?: unknown }).code ?? '');
  if (NETWORK_CODES.has(code) || SQLITE_UNAVAILABLE.test(code) || isPostgresUnavailable(code, err.message)) return new StoreUnavailableError(code, { cause: err });
  // node-postgres's own words for a connection it lost or could not get in time.
  if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/i.test(err.message)) {
    return new StoreUnavailableError('CONNECTION_LOST', { cause: err });
  }
  return err;
}
