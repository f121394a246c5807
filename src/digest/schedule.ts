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

/** IANA "Area/Location" names ("Europe/Berlin", "America/Argentina/Buenos_Aires"): the only zone names taken, with UTC. */
const AREA_LOCATION = /^(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)(?:\/[A-Za-z0-9_+-]+)+$/i;

/**
 * Abbreviations people type for a zone, and the IANA zones they usually mean. An abbreviation is
 * refused: "EST" is a fixed UTC-5 all year (Intl reads it as America/Panama), so a digest set for
 * 08:00 EST would come an hour late in New York all summer; "IST" is India, Ireland or Israel.
 */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  EST: ['America/New_York', 'America/Toronto', 'America/Detroit'],
  EDT: ['America/New_York', 'America/Toronto', 'America/Detroit'],
  ET: ['America/New_York', 'America/Toronto', 'America/Detroit'],
  CST: ['America/Chicago', 'America/Mexico_City', 'America/Winnipeg', 'Asia/Shanghai'],
  CDT: ['America/Chicago', 'America/Mexico_City', 'America/Winnipeg'],
  CT: ['America/Chicago', 'America/Mexico_City', 'America/Winnipeg'],
  MST: ['America/Denver', 'America/Phoenix', 'America/Edmonton'],
  MDT: ['America/Denver', 'America/Edmonton', 'America/Boise'],
  MT: ['America/Denver', 'America/Phoenix', 'America/Edmonton'],
  PST: ['America/Los_Angeles', 'America/Vancouver', 'America/Tijuana'],
  PDT: ['America/Los_Angeles', 'America/Vancouver', 'America/Tijuana'],
  PT: ['America/Los_Angeles', 'America/Vancouver', 'America/Tijuana'],
  AKST: ['America/Anchorage'],
  AKDT: ['America/Anchorage'],
  HST: ['Pacific/Honolulu'],
  AST: ['America/Halifax', 'America/Puerto_Rico', 'Asia/Riyadh'],
  ADT: ['America/Halifax'],
  NST: ['America/St_Johns'],
  NDT: ['America/St_Johns'],
  GMT: ['Europe/London', 'Europe/Dublin', 'UTC'],
  BST: ['Europe/London'],
  WET: ['Europe/Lisbon', 'Atlantic/Canary'],
  WEST: ['Europe/Lisbon', 'Atlantic/Canary'],
  CET: ['Europe/Berlin', 'Europe/Paris', 'Europe/Rome', 'Europe/Madrid'],
  CEST: ['Europe/Berlin', 'Europe/Paris', 'Europe/Rome', 'Europe/Madrid'],
  MET: ['Europe/Berlin', 'Europe/Paris', 'Europe/Rome'],
  EET: ['Europe/Athens', 'Europe/Helsinki', 'Europe/Kyiv', 'Africa/Cairo'],
  EEST: ['Europe/Athens', 'Europe/Helsinki', 'Europe/Kyiv'],
  MSK: ['Europe/Moscow'],
  IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  PKT: ['Asia/Karachi'],
  ICT: ['Asia/Bangkok', 'Asia/Ho_Chi_Minh'],
  WIB: ['Asia/Jakarta'],
  SGT: ['Asia/Singapore'],
  HKT: ['Asia/Hong_Kong'],
  PHT: ['Asia/Manila'],
  JST: ['Asia/Tokyo'],
  KST: ['Asia/Seoul'],
  AEST: ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Brisbane'],
  AEDT: ['Australia/Sydney', 'Australia/Melbourne'],
  ACST: ['Australia/Adelaide', 'Australia/Darwin'],
  ACDT: ['Australia/Adelaide'],
  AWST: ['Australia/Perth'],
  NZST: ['Pacific/Auckland'],
  NZDT: ['Pacific/Auckland'],
  BRT: ['America/Sao_Paulo'],
  ART: ['America/Argentina/Buenos_Aires'],
  SAST: ['Africa/Johannesburg'],
  WAT: ['Africa/Lagos'],
  CAT: ['Africa/Maputo', 'Africa/Harare'],
  EAT: ['Africa/Nairobi', 'Africa/Addis_Ababa'],
};

/** Current IANA names of zones renamed since the ICU data Node ships (which lists only the old ones). */
const RENAMED: readonly string[] = [
  'Asia/Kolkata', 'Europe/Kyiv', 'Asia/Ho_Chi_Minh', 'Asia/Yangon', 'Asia/Kathmandu', 'America/Nuuk', 'Atlantic/Faroe', 'Pacific/Kanton',
  'America/Argentina/Buenos_Aires',
];

/** Every zone offered and taken: UTC, then the IANA Area/Location names Intl knows, then the current names of renamed ones. */
let zoneList: readonly string[] | undefined;
export function timezoneNames(): readonly string[] {
  zoneList ??= ['UTC', ...new Set([...Intl.supportedValuesOf('timeZone').filter((z) => AREA_LOCATION.test(z)), ...RENAMED])];
  return zoneList;
}

/** Shown when nothing is typed yet: the zones most servers use. */
const COMMON_ZONES = [
  'UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles',
  'America/Sao_Paulo', 'Asia/Kolkata', 'Asia/Shanghai', 'Asia/Tokyo', 'Australia/Sydney', 'Africa/Lagos',
];

/** The parts of a zone name people type ("america", "new", "york"). */
const zoneWords = (z: string): string[] => z.toLowerCase().split(/[/_-]+/).filter(Boolean);

/**
 * Zone names for what someone typed, at most `limit`: an abbreviation's usual zones first ("est" ->
 * America/New_York ...), then names holding every typed word, those whose words start with them
 * first ("york" -> America/New_York, "america york" too, "berlin" -> Europe/Berlin).
 */
export function timezoneChoices(typed: string, limit = 25): string[] {
  const q = typed.trim().toLowerCase();
  if (q === '') return COMMON_ZONES.slice(0, limit);
  const words = q.split(/[\s/_,-]+/).filter(Boolean);
  const zones = timezoneNames();
  const byAbbreviation = ABBREVIATIONS[q.toUpperCase()] ?? [];
  const prefix: string[] = [];
  const inside: string[] = [];
  for (const z of zones) {
    const lower = z.toLowerCase();
    if (!words.every((w) => lower.includes(w))) continue;
    const parts = zoneWords(z);
    (words.every((w) => parts.some((p) => p.startsWith(w))) ? prefix : inside).push(z);
  }
  return [...new Set([...byAbbreviation, ...prefix, ...inside])].slice(0, limit);
}

/** The IANA zones to suggest for a name that is not one (an abbreviation, "US/Eastern", "Berlin"). */
export function zonesNear(raw: string, limit = 4): string[] {
  const name = raw.trim();
  const abbreviation = ABBREVIATIONS[name.toUpperCase()];
  if (abbreviation) return abbreviation.slice(0, limit);
  try {
    // An old alias Intl still knows ("US/Eastern", "EST5EDT") names one real zone.
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    if (AREA_LOCATION.test(resolved)) return [resolved];
  } catch {
    // not a zone at all: suggest by its words
  }
  return name === '' ? [] : timezoneChoices(name, limit);
}

/**
 * The IANA name of a time zone as listed ("europe/berlin" -> "Europe/Berlin"): an Area/Location name
 * that Intl knows, or UTC. Abbreviations (EST, PST, CET...) and other aliases are refused with the
 * IANA zones near them: they do not follow summer time, or are ambiguous.
 */
export function validateTimezone(raw: string): string {
  const name = raw.trim();
  if (/^(?:utc|etc\/utc)$/i.test(name)) return 'UTC';
  let known = false;
  try {
    known = name !== '' && new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone !== '';
  } catch {
    known = false;
  }
  if (known && AREA_LOCATION.test(name)) {
    const listed = timezoneNames().find((z) => z.toLowerCase() === name.toLowerCase());
    return listed ?? new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  }
  const near = zonesNear(name);
  if (known || ABBREVIATIONS[name.toUpperCase()]) {
    throw new ScheduleError(
      'DIGEST_BAD_TIMEZONE',
      `"${raw}" is not an IANA time zone name: an abbreviation or alias does not follow a place's summer time (EST stays UTC-5 while New York moves to UTC-4) and may mean several places. Use the place's zone, for example ${near.join(', ') || 'Europe/Berlin or America/New_York'}.`,
    );
  }
  throw new ScheduleError(
    'DIGEST_BAD_TIMEZONE',
    `"${raw}" is not a known time zone; use an IANA name such as ${near.length ? near.join(', ') : 'Europe/Berlin or America/New_York'}.`,
  );
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
