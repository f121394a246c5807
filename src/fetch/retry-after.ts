/**
 * The `Retry-After` response header (RFC 9110 §10.2.3): how long a server that refused us with
 * 429 Too Many Requests or 503 Service Unavailable asks us to wait. Bot protection and rate
 * limiters send it; a client that comes back sooner is the one that gets blocked for good.
 * Pure: the clock is passed in.
 */

/**
 * The longest wait taken from a server. A day is also the poller's longest back-off: a header that
 * asks for longer (a misconfiguration, or a date years ahead) must not park a feed indefinitely,
 * and a feed that stays refused still reaches the failure threshold and is disabled with a reason.
 */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

/**
 * Statuses whose Retry-After is a request to back off. RFC 9110 also allows it on 3xx (a hint for
 * the redirect, which we follow at once) and 413; neither is a request to poll later.
 */
export const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

/**
 * The three HTTP-date forms a recipient must accept (RFC 9110 §5.6.7), all in GMT. Anchored, fixed
 * widths and no nested quantifiers: linear on any input. Date.parse is not used because it reads
 * the asctime form in local time and accepts many strings that are not HTTP-dates.
 */
const HTTP_DATE_FORMS = {
  /** IMF-fixdate, the form servers send: `Sun, 06 Nov 1994 08:49:37 GMT`. */
  imf: new RegExp(`^(?:mon|tue|wed|thu|fri|sat|sun), (\\d{2}) ${MONTH} (\\d{4}) ${TIME} gmt$`, 'i'),
  /** Obsolete RFC 850 form with a two-digit year: `Sunday, 06-Nov-94 08:49:37 GMT`. */
  rfc850: new RegExp(`^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday), (\\d{2})-${MONTH}-(\\d{2}) ${TIME} gmt$`, 'i'),
  /** Obsolete asctime form, day padded with a space: `Sun Nov  6 08:49:37 1994`. */
  asctime: new RegExp(`^(?:mon|tue|wed|thu|fri|sat|sun) ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`, 'i'),
} as const;

/**
 * The wait a `Retry-After` value asks for, in ms from `now`, at most MAX_RETRY_AFTER_MS; undefined
 * when there is no value or it is neither delay-seconds nor an HTTP-date (e.g. `-5`, `1.5`, `abc`).
 * A date already past asks for no wait: 0.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) {
    // A long run of digits becomes Infinity here, which the cap turns into a day.
    return Math.min(MAX_RETRY_AFTER_MS, Number(v) * 1000);
  }
  const at = parseHttpDate(v, now);
  if (at === undefined) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - now));
}

/** An HTTP-date in any of its three forms as epoch ms, or undefined. `now` resolves two-digit years. */
export function parseHttpDate(value: string, now: number): number | undefined {
  let m = HTTP_DATE_FORMS.imf.exec(value);
  if (m) return utc(Number(m[3]), m[2]!, Number(m[1]), m[4]!, m[5]!, m[6]!);
  m = HTTP_DATE_FORMS.rfc850.exec(value);
  if (m) {
    // RFC 9110: a two-digit year more than 50 years in the future means the most recent past such year.
    const yy = Number(m[3]);
    const thisYear = new Date(now).getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + yy;
    if (year > thisYear + 50) year -= 100;
    return utc(year, m[2]!, Number(m[1]), m[4]!, m[5]!, m[6]!);
  }
  m = HTTP_DATE_FORMS.asctime.exec(value);
  if (m) return utc(Number(m[6]), m[1]!, Number(m[2]!.trim()), m[3]!, m[4]!, m[5]!);
  return undefined;
}

function utc(year: number, month: string, day: number, hh: string, mm: string, ss: string): number | undefined {
  const monthIndex = MONTHS.indexOf(month.toLowerCase());
  const [h, min, s] = [Number(hh), Number(mm), Number(ss)];
  // Second 60 is a leap second (allowed by the grammar); 31 Feb and the like are not dates.
  if (h > 23 || min > 59 || s > 60 || day < 1) return undefined;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  const midnight = new Date(0).setUTCFullYear(year, monthIndex, day);
  if (new Date(midnight).getUTCDate() !== day) return undefined;
  return midnight + ((h * 60 + min) * 60 + s) * 1000;
}

/** A wait as people read it: `45 s`, `2 min`, `1 h 30 min`. */
export function describeWait(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
