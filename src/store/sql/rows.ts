/**
 * Reading rows back: every row goes through a zod schema, so a damaged row fails with a name
 * instead of surfacing as `undefined` deep inside a command. Numbers are accepted as numbers or as
 * the numeric strings PostgreSQL uses for bigint.
 */
import { z } from 'zod';

/** A number stored as INTEGER/BIGINT (SQLite gives a number, pg a number via the int8 parser). */
export const int = z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]).pipe(z.number().int());
/** A nullable column read as `undefined` when NULL. */
export const opt = <T extends z.ZodType>(t: T) => t.nullable().transform((v) => v ?? undefined);

/** Drop the keys whose value is undefined (exactOptionalPropertyTypes). */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
