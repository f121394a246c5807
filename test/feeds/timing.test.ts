import { describe, expect, it } from 'vitest';
import { backoffDelay, failureDelay, nextPollDelay, POLL_TIMING, shouldDisable, withJitter } from '../../src/feeds/timing';

const MIN = 60_000;

describe('poll timing', () => {
  it('GIVEN random at the extremes THEN jitter stays within ±10%', () => {
    expect(withJitter(1000, () => 0)).toBe(900);
    expect(withJitter(1000, () => 0.5)).toBe(1000);
    expect(withJitter(1000, () => 0.999999)).toBe(1100);
    expect(nextPollDelay(15 * MIN, () => 0.5)).toBe(15 * MIN);
  });

  it.each([
    [1, 15 * MIN],
    [2, 30 * MIN],
    [3, 60 * MIN],
    [7, 960 * MIN],
    [8, 24 * 60 * MIN],
    [40, 24 * 60 * MIN],
  ])('after %i failures the next poll waits %i ms (doubling, capped at a day)', (failures, expected) => {
    expect(backoffDelay(15 * MIN, failures, () => 0.5)).toBe(expected);
  });

  it.each<[string, number, number | undefined, number]>([
    ['no Retry-After: the back-off', 1, undefined, 15 * MIN],
    ['Retry-After shorter than the back-off: the back-off', 1, 60_000, 15 * MIN],
    ['Retry-After 0: the back-off', 1, 0, 15 * MIN],
    ['Retry-After longer than the back-off: Retry-After', 1, 2 * 60 * MIN, 2 * 60 * MIN],
    ['Retry-After longer than a later back-off: Retry-After', 3, 90 * MIN + 1, 90 * MIN + 1],
    ['Retry-After past the longest back-off: a day', 1, 7 * 24 * 60 * MIN, 24 * 60 * MIN],
    ['a negative Retry-After: ignored', 1, -5_000, 15 * MIN],
    ['a non-finite Retry-After: ignored', 2, Number.NaN, 30 * MIN],
    ['an infinite Retry-After: ignored', 2, Number.POSITIVE_INFINITY, 30 * MIN],
  ])('after a failure with %s', (_label, failures, retryAfterMs, expected) => {
    expect(failureDelay(15 * MIN, failures, () => 0.5, retryAfterMs)).toBe(expected);
  });

  it('GIVEN Retry-After THEN the jittered back-off still wins when it is longer, and random is drawn once', () => {
    let draws = 0;
    const high = () => (draws++, 0.999999);
    // Back-off 15 min stretched by 10% = 16.5 min, longer than the 16 min asked.
    expect(failureDelay(15 * MIN, 1, high, 16 * MIN)).toBe(16.5 * MIN);
    expect(draws).toBe(1);
    expect(failureDelay(15 * MIN, 1, () => 0, 14 * MIN)).toBe(14 * MIN);
  });

  it('disables after the threshold, or at once for failures that cannot fix themselves', () => {
    expect(shouldDisable(POLL_TIMING.failuresBeforeDisable - 1, 'FETCH_TIMEOUT')).toBe(false);
    expect(shouldDisable(POLL_TIMING.failuresBeforeDisable, 'FETCH_TIMEOUT')).toBe(true);
    expect(shouldDisable(1, 'FEED_XML_ENTITIES')).toBe(true);
    expect(shouldDisable(1, 'FETCH_BLOCKED_ADDRESS')).toBe(true);
    expect(shouldDisable(1, 'FETCH_CREDENTIALS')).toBe(true);
  });
});
