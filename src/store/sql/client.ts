/**
 * The one SQL surface every store is written against, so one set of queries and migrations serves
 * both adapters: the embedded SQLite file (better-sqlite3) and PostgreSQL (pg). Queries use `?`
 * placeholders in order, or `@name` placeholders with an object; each driver turns them into its own
 * form. The SQL itself is the common subset both engines run the same way (ON CONFLICT upserts,
 * RETURNING, COALESCE, text timestamps, integer flags); the few places that differ ask `dialect`.
 */
export type Dialect = 'sqlite' | 'postgres';

/** Values a query binds: text, numbers and NULL (booleans are stored as 0/1, times as ISO text). */
export type SqlValue = string | number | null;
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

export interface SqlClient {
  readonly dialect: Dialect;
  /** Every row of a query. */
  all<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]>;
  /** The first row of a query, or undefined. */
  get<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T | undefined>;
  /** A statement that returns no rows; `changes` is the number of rows it touched. */
  run(sql: string, params?: SqlParams): Promise<{ readonly changes: number }>;
  /** Several statements with no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Run `fn` in one transaction on one connection; it commits when `fn` resolves and rolls back when
   * it throws. `lock` names a lock held until the end (per server, per feed...): on SQLite the
   * transaction takes the database's write lock before its first read (BEGIN IMMEDIATE), on
   * PostgreSQL an advisory transaction lock on the name, so check-then-write sequences (a limit, a
   * claim) cannot interleave with another process doing the same.
   */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>, options?: { readonly lock?: string }): Promise<T>;
  close(): Promise<void>;
}

/** Numbers come back as numbers from SQLite and as strings for bigint/count from PostgreSQL. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  throw new TypeError(`expected a number from the database, got ${JSON.stringify(value)}`);
}

/**
 * `sql` with its `?` or `@name` placeholders turned into PostgreSQL's `$1, $2...`, and the values in
 * that order. Placeholders are never inside string literals in Lede's queries (values are always bound).
 */
export function toNumbered(sql: string, params: SqlParams | undefined): { text: string; values: SqlValue[] } {
  if (params === undefined) return { text: sql, values: [] };
  if (Array.isArray(params)) {
    let k = 0;
    const text = sql.replace(/\?/g, () => `$${++k}`);
    if (k !== params.length) throw new RangeError(`query has ${k} placeholders but ${params.length} values`);
    return { text, values: [...params] };
  }
  const named = params as Readonly<Record<string, SqlValue>>;
  const order = new Map<string, number>();
  const values: SqlValue[] = [];
  const text = sql.replace(/@([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => {
    if (!(name in named)) throw new RangeError(`missing value for @${name}`);
    let k = order.get(name);
    if (k === undefined) {
      values.push(named[name]!);
      k = values.length;
      order.set(name, k);
    }
    return `$${k}`;
  });
  return { text, values };
}
