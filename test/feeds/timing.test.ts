import { describe, expect, it } from 'vitest';
import { backoffDelay, nextPollDelay, POLL_TIMING, shouldDisable, withJitter } from '../../src/feeds/timing';

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

  it('disables after the threshold, or at once for failures that cannot fix themselves', () => {
    expect(shouldDisable(POLL_TIMING.failuresBeforeDisable - 1, 'FETCH_TIMEOUT')).toBe(false);
    expect(shouldDisable(POLL_TIMING.failuresBeforeDisable, 'FETCH_TIMEOUT')).toBe(true);
    expect(shouldDisable(1, 'FEED_XML_ENTITIES')).toBe(true);
    expect(shouldDisable(1, 'FETCH_BLOCKED_ADDRESS')).toBe(true);
  });
});
