import { describe, expect, it } from 'vitest';
import {
  cronPattern,
  describeDays,
  latestRunAtOrBefore,
  localDateOf,
  nextRunAfter,
  parseDays,
  parseTime,
  timezoneChoices,
  validateTimezone,
} from '../../src/digest/schedule';

const berlin8 = { time: '08:00', timezone: 'Europe/Berlin', days: 'daily' as const };
const iso = (d: Date | undefined) => d?.toISOString();

describe('digest schedule', () => {
  it.each([
    ['08:00', { hour: 8, minute: 0 }],
    ['8:05', { hour: 8, minute: 5 }],
    ['23:59', { hour: 23, minute: 59 }],
    ['18.30', { hour: 18, minute: 30 }],
  ])('parseTime(%s)', (raw, expected) => {
    expect(parseTime(raw)).toEqual(expected);
  });

  it.each(['24:00', '7', '08:60', 'noon', '', '-1:00'])('parseTime(%s) is DIGEST_BAD_TIME', (raw) => {
    expect(() => parseTime(raw)).toThrow(expect.objectContaining({ code: 'DIGEST_BAD_TIME' }));
  });

  it.each([
    ['europe/berlin', 'Europe/Berlin'],
    ['America/New_York', 'America/New_York'],
    ['UTC', 'UTC'],
  ])('validateTimezone(%s) -> %s', (raw, expected) => {
    expect(validateTimezone(raw)).toBe(expected);
  });

  it.each(['Mars/Olympus', '', 'Berlin'])('validateTimezone(%s) is DIGEST_BAD_TIMEZONE', (raw) => {
    expect(() => validateTimezone(raw)).toThrow(expect.objectContaining({ code: 'DIGEST_BAD_TIMEZONE' }));
  });

  it.each([
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['america/argentina/buenos_aires', 'America/Argentina/Buenos_Aires'],
    ['etc/utc', 'UTC'],
  ])('validateTimezone(%s) -> %s (current IANA names kept as written)', (raw, expected) => {
    expect(validateTimezone(raw)).toBe(expected);
  });

  it.each([
    ['EST', 'America/New_York, America/Toronto, America/Detroit'],
    ['pst', 'America/Los_Angeles, America/Vancouver, America/Tijuana'],
    ['IST', 'Asia/Kolkata, Europe/Dublin, Asia/Jerusalem'],
    ['GMT', 'Europe/London, Europe/Dublin, UTC'],
    ['EST5EDT', 'America/New_York'],
    ['US/Pacific', 'America/Los_Angeles'],
  ])('validateTimezone(%s) refuses the abbreviation or alias and names %s', (raw, near) => {
    expect(() => validateTimezone(raw)).toThrow(expect.objectContaining({ code: 'DIGEST_BAD_TIMEZONE', message: expect.stringContaining(`Use the place's zone, for example ${near}.`) }));
  });

  it('GIVEN a city name alone THEN the refusal names its zone', () => {
    expect(() => validateTimezone('Berlin')).toThrow('"Berlin" is not a known time zone; use an IANA name such as Europe/Berlin.');
  });

  it.each<[string, string[]]>([
    ['york', ['America/New_York']],
    ['New York', ['America/New_York']],
    ['america york', ['America/New_York']],
    ['EST', ['America/New_York', 'America/Toronto', 'America/Detroit']],
    ['kolkata', ['Asia/Kolkata']],
  ])('timezoneChoices(%s) starts with %j', (typed, first) => {
    expect(timezoneChoices(typed).slice(0, first.length)).toEqual(first);
  });

  it('timezoneChoices: at most 25, IANA Area/Location names or UTC only', () => {
    for (const typed of ['', 'a', 'e', 'america', 'qq']) {
      const got = timezoneChoices(typed);
      expect(got.length).toBeLessThanOrEqual(25);
      for (const z of got) expect(z === 'UTC' || /^[A-Z][a-z]+\/[A-Za-z0-9_+/-]+$/.test(z)).toBe(true);
    }
    expect(timezoneChoices('qq')).toEqual([]);
  });

  it.each([
    ['daily', 'daily', '0 8 * * *'],
    ['weekdays', 'weekdays', '0 8 * * 1-5'],
    ['Mon, wed fri', [1, 3, 5], '0 8 * * 1,3,5'],
    ['sun,sat', [0, 6], '0 8 * * 0,6'],
    ['mon tue wed thu fri sat sun', 'daily', '0 8 * * *'],
  ])('parseDays(%s)', (raw, days, pattern) => {
    const parsed = parseDays(raw);
    expect(parsed).toEqual(days);
    expect(cronPattern({ time: '08:00', days: parsed })).toBe(pattern);
  });

  it('rejects an unknown day name', () => {
    expect(() => parseDays('mon,funday')).toThrow(expect.objectContaining({ code: 'DIGEST_BAD_DAYS' }));
    expect(describeDays([1, 3, 5])).toBe('Mon, Wed, Fri');
  });

  it('GIVEN 08:00 Europe/Berlin across the March DST change THEN runs are 07:00Z before and 06:00Z after', () => {
    expect(iso(nextRunAfter(berlin8, new Date('2024-03-29T12:00:00Z')))).toBe('2024-03-30T07:00:00.000Z');
    expect(iso(nextRunAfter(berlin8, new Date('2024-03-30T12:00:00Z')))).toBe('2024-03-31T06:00:00.000Z');
  });

  it('GIVEN 08:00 Europe/Berlin across the October DST change THEN runs are 06:00Z before and 07:00Z after', () => {
    expect(iso(nextRunAfter(berlin8, new Date('2024-10-25T12:00:00Z')))).toBe('2024-10-26T06:00:00.000Z');
    expect(iso(nextRunAfter(berlin8, new Date('2024-10-26T12:00:00Z')))).toBe('2024-10-27T07:00:00.000Z');
  });

  it('GIVEN a time inside the spring-forward gap THEN it still runs that day, once', () => {
    const gap = { time: '02:30', timezone: 'Europe/Berlin', days: 'daily' as const };
    const run = nextRunAfter(gap, new Date('2024-03-30T12:00:00Z'))!;
    // 02:30 does not exist on 31 March in Berlin: croner runs at 03:00 CEST (01:00Z), the first valid minute.
    expect(iso(run)).toBe('2024-03-31T01:00:00.000Z');
    expect(localDateOf(run, 'Europe/Berlin')).toBe('2024-03-31');
    expect(iso(nextRunAfter(gap, run))).toBe('2024-04-01T00:30:00.000Z');
  });

  it('latestRunAtOrBefore includes the exact instant and finds yesterday before the hour', () => {
    expect(iso(latestRunAtOrBefore(berlin8, new Date('2024-03-31T06:00:00Z')))).toBe('2024-03-31T06:00:00.000Z');
    expect(iso(latestRunAtOrBefore(berlin8, new Date('2024-03-31T05:59:59Z')))).toBe('2024-03-30T07:00:00.000Z');
    const weekdays = { ...berlin8, days: 'weekdays' as const };
    // Sunday noon: the last weekday run was Friday, more than 25 hours ago.
    expect(latestRunAtOrBefore(weekdays, new Date('2024-03-10T12:00:00Z'))).toBeUndefined();
  });

  it('localDateOf uses the zone, not UTC', () => {
    expect(localDateOf(new Date('2024-03-05T23:30:00Z'), 'Europe/Berlin')).toBe('2024-03-06');
    expect(localDateOf(new Date('2024-03-05T23:30:00Z'), 'America/New_York')).toBe('2024-03-05');
  });
});
