/** Publication dates as sources write them -> ISO 8601. */

/** Earliest and latest plausible publication dates: anything outside is a parsing accident. */
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST_AHEAD_MS = 2 * 24 * 3600 * 1000; // time zones and scheduled posts

/**
 * Normalize a date string: a date-only value stays 'YYYY-MM-DD' (no invented midnight), anything
 * with a time becomes a UTC ISO timestamp. Unparseable or implausible values give undefined.
 */
export function normalizeDate(value: string | undefined | null, now = Date.now()): string | undefined {
  if (!value) return undefined;
  const v = value.trim().slice(0, 100);
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const ms = dateOnly ? Date.UTC(+dateOnly[1]!, +dateOnly[2]! - 1, +dateOnly[3]!) : Date.parse(v);
  if (!Number.isFinite(ms) || ms < EARLIEST || ms > now + LATEST_AHEAD_MS) return undefined;
  return dateOnly ? v : new Date(ms).toISOString();
}
