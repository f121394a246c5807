/**
 * A server's digest schedule: a local time, an IANA time zone and the days it runs. Time-zone and
 * DST arithmetic is croner's: it turns "08:00 Europe/Berlin on weekdays" into UTC instants,
 * including the spring-forward gap (a time that does not exist runs at the first valid minute)
 * and the autumn overlap (a time that happens twice runs once).
 */
import { Cron } from 'croner';
import type { DigestDays, DigestSchedule } from '../store/ports';

// The schedule's shape is what the store keeps, so it is defined with the store's ports.
export type { DigestDays, DigestSchedule } from '../store/ports';

export type ScheduleErrorCode = 'DIGEST_BAD_TIME' | 'DIGEST_BAD_TIMEZONE' | 'DIGEST_BAD_DAYS';

export class ScheduleError extends Error {
  override readonly name = 'ScheduleError';
  constructor(
    readonly code: ScheduleErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Parse "8:00", "08:00" or "23:59" into {hour, minute}. */
export function parseTime(raw: string): { hour: number; minute: number } {
  const m = /^\s*(\d{1,2})[:.h](\d{2})\s*$/i.exec(raw);
  const hour = m ? Number(m[1]) : NaN;
  const minute = m ? Number(m[2]) : NaN;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) {
    throw new ScheduleError('DIGEST_BAD_TIME', `"${raw}" is not a time of day; use HH:MM on a 24-hour clock, e.g. 08:00 or 18:30.`);
  }
  return { hour, minute };
}

/** "HH:MM" with leading zeros. */
export function formatTime(t: { hour: number; minute: number }): string {
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** The canonical IANA name of a time zone ("europe/berlin" -> "Europe/Berlin"), validated by Intl. */
export function validateTimezone(raw: string): string {
  const name = raw.trim();
  try {
    if (name === '') throw new RangeError('empty');
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw new ScheduleError('DIGEST_BAD_TIMEZONE', `"${raw}" is not a known time zone; use an IANA name such as Europe/Berlin or America/New_York.`);
  }
}

/** Day names people type, each mapped to cron's day number (0 = Sunday). */
const DAY_NAMES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [0, ['sun', 'sunday']],
  [1, ['mon', 'monday']],
  [2, ['tue', 'tues', 'tuesday']],
  [3, ['wed', 'wednesday']],
  [4, ['thu', 'thur', 'thurs', 'thursday']],
  [5, ['fri', 'friday']],
  [6, ['sat', 'saturday']],
];

export const DAY_LABELS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** "daily", "weekdays", or a list of day names ("mon,wed,fri", "Tue Thu"). */
export function parseDays(raw: string | undefined): DigestDays {
  const s = (raw ?? 'daily').trim().toLowerCase();
  if (s === '' || s === 'daily' || s === 'every day' || s === 'everyday') return 'daily';
  if (s === 'weekdays' || s === 'workdays' || s === 'mon-fri') return 'weekdays';
  const days = new Set<number>();
  for (const word of s.split(/[\s,;/]+/).filter((w) => w !== '')) {
    const found = DAY_NAMES.find(([, names]) => names.includes(word));
    if (!found) {
      throw new ScheduleError('DIGEST_BAD_DAYS', `"${word}" is not a day; use daily, weekdays, or day names such as mon,wed,fri.`);
    }
    days.add(found[0]);
  }
  if (days.size === 7) return 'daily';
  return [...days].sort((a, b) => a - b);
}

/** "daily", "weekdays" or "Mon, Wed, Fri". */
export function describeDays(days: DigestDays): string {
  if (days === 'daily' || days === 'weekdays') return days;
  return days.map((d) => DAY_LABELS[d]).join(', ');
}

/** The cron pattern of a schedule, e.g. "0 8 * * 1-5". */
export function cronPattern(s: Pick<DigestSchedule, 'time' | 'days'>): string {
  const { hour, minute } = parseTime(s.time);
  const dow = s.days === 'daily' ? '*' : s.days === 'weekdays' ? '1-5' : s.days.length === 0 ? '*' : s.days.join(',');
  return `${minute} ${hour} * * ${dow}`;
}

function cronOf(s: Pick<DigestSchedule, 'time' | 'days' | 'timezone'>): Cron {
  return new Cron(cronPattern(s), { timezone: s.timezone, paused: true });
}

/** The next run strictly after `after`. */
export function nextRunAfter(s: Pick<DigestSchedule, 'time' | 'days' | 'timezone'>, after: Date): Date | undefined {
  return cronOf(s).nextRun(after) ?? undefined;
}

/** The latest run at or before `now`, looking back at most 25 hours (longer than any local day). */
export function latestRunAtOrBefore(s: Pick<DigestSchedule, 'time' | 'days' | 'timezone'>, now: Date): Date | undefined {
  const runs = cronOf(s).nextRuns(3, new Date(now.getTime() - 25 * 60 * 60_000));
  let latest: Date | undefined;
  for (const r of runs) if (r.getTime() <= now.getTime()) latest = r;
  return latest;
}

/** The calendar date ("YYYY-MM-DD") of `instant` in time zone `tz`. */
export function localDateOf(instant: Date, tz: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A human date for headings, e.g. "Tuesday 5 March 2024", in the schedule's zone. */
export function longLocalDate(instant: Date, tz: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}
