import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, describeWait, parseHttpDate, parseRetryAfter } from '../../src/fetch/retry-after';

/** The injected clock: Tuesday 5 March 2024, 12:00:00 GMT. */
const NOW = Date.parse('2024-03-05T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each<[string, string | undefined, number | undefined]>([
    ['delay-seconds', '120', 120_000],
    ['zero (retry at once)', '0', 0],
    ['surrounding spaces', ' 120 ', 120_000],
    ['a negative number', '-5', undefined],
    ['words', 'abc', undefined],
    ['a fraction', '1.5', undefined],
    ['a plus sign', '+120', undefined],
    ['an exponent', '1e3', undefined],
    ['a unit', '120 s', undefined],
    ['empty', '', undefined],
    ['no header', undefined, undefined],
    ['a huge number of seconds (capped at a day)', '99999999999', MAX_RETRY_AFTER_MS],
    ['400 digits (Infinity, capped)', '9'.repeat(400), MAX_RETRY_AFTER_MS],
    ['one second under the cap', String(MAX_RETRY_AFTER_MS / 1000 - 1), MAX_RETRY_AFTER_MS - 1000],
    ['an IMF-fixdate 90 s ahead', 'Tue, 05 Mar 2024 12:01:30 GMT', 90_000],
    ['an IMF-fixdate in lower case', 'tue, 05 mar 2024 12:01:30 gmt', 90_000],
    ['an RFC 850 date 90 s ahead', 'Tuesday, 05-Mar-24 12:01:30 GMT', 90_000],
    ['an asctime date 90 s ahead', 'Tue Mar  5 12:01:30 2024', 90_000],
    ['a date in the past (retry at once)', 'Tue, 05 Mar 2024 11:00:00 GMT', 0],
    ['a date a year ahead (capped at a day)', 'Wed, 05 Mar 2025 12:00:00 GMT', MAX_RETRY_AFTER_MS],
    ['an RFC 850 year more than 50 years ahead (read as last century, so past)', 'Wednesday, 05-Mar-75 12:00:00 GMT', 0],
    ['an RFC 850 year 50 years ahead (kept, capped)', 'Monday, 05-Mar-74 12:00:00 GMT', MAX_RETRY_AFTER_MS],
    ['31 February', 'Sat, 31 Feb 2024 12:00:00 GMT', undefined],
    ['hour 24', 'Tue, 05 Mar 2024 24:00:00 GMT', undefined],
    ['a zone other than GMT', 'Tue, 05 Mar 2024 12:01:30 +0000', undefined],
    ['an ISO date (not an HTTP-date)', '2024-03-05T12:01:30Z', undefined],
    ['a date with trailing text', 'Tue, 05 Mar 2024 12:01:30 GMT; retry', undefined],
  ])('GIVEN %s (%j) THEN %j ms', (_label, value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it('GIVEN a leap second THEN it is read as the next second', () => {
    expect(parseHttpDate('Sun, 31 Dec 2023 23:59:60 GMT', NOW)).toBe(Date.parse('2024-01-01T00:00:00Z'));
  });

  it('GIVEN any string THEN it answers undefined or a whole wait from 0 to the cap', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.stringMatching(/^[0-9 \-:,A-Za-z]{0,40}$/)), (value) => {
        const ms = parseRetryAfter(value, NOW);
        if (ms === undefined) return true;
        return Number.isInteger(ms) && ms >= 0 && ms <= MAX_RETRY_AFTER_MS;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('describeWait', () => {
  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [120_000, '2 min'],
    [90 * 60_000, '1 h 30 min'],
    [MAX_RETRY_AFTER_MS, '24 h'],
  ])('%i ms reads %s', (ms, expected) => {
    expect(describeWait(ms)).toBe(expected);
  });
});
