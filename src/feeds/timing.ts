/**
 * When a feed is polled next: a base interval spread with jitter (so a thousand feeds added at
 * once do not hit their hosts in the same second), exponential back-off after failures (longer
 * when the server asked for it with Retry-After), and the point at which a feed is disabled.
 * Pure: the random source is passed in.
 */
import type { FeedErrorCode } from './errors';

export const POLL_TIMING = {
  /** How often a healthy feed is fetched (MonitoRSS default for free tiers is 10-20 minutes). */
  intervalMs: 15 * 60_000,
  /** Each delay is stretched or shrunk by up to this fraction, at random. */
  jitter: 0.1,
  /** Back-off doubles per consecutive failure up to this ceiling. */
  maxBackoffMs: 24 * 60 * 60_000,
  /** Consecutive failures (about four days with back-off) after which a feed is disabled. */
  failuresBeforeDisable: 10,
} as const;

/**
 * Failures that will not fix themselves by waiting: polling again only repeats the refusal, so the
 * feed is disabled at once with the code kept.
 */
export const PERMANENT_FAILURES: ReadonlySet<string> = new Set<FeedErrorCode | string>([
  'FEED_XML_ENTITIES', // the publisher serves an entity bomb: never parse it
  'FETCH_BLOCKED_ADDRESS', // the host resolves to a private/loopback address
  'FETCH_BAD_URL', // not an http(s) URL
  'FETCH_CREDENTIALS', // a redirect to a link with a user name or password (was FETCH_BAD_URL)
]);

/** Spread `delayMs` by up to ±jitter using `random()` in [0, 1). */
export function withJitter(delayMs: number, random: () => number, jitter: number = POLL_TIMING.jitter): number {
  return Math.round(delayMs * (1 + jitter * (2 * random() - 1)));
}

/** The delay before the next poll after a success. */
export function nextPollDelay(intervalMs: number, random: () => number): number {
  return withJitter(intervalMs, random);
}

/** The delay before the next poll after `failures` consecutive failures (1 = the first). */
export function backoffDelay(intervalMs: number, failures: number, random: () => number): number {
  const exp = Math.min(30, Math.max(0, failures - 1));
  return withJitter(Math.min(POLL_TIMING.maxBackoffMs, intervalMs * 2 ** exp), random);
}

/**
 * The delay before the next poll after `failures` consecutive failures, when the server may have
 * said how long to wait (`retryAfterMs`, from Retry-After on a 429 or 503): the longer of the two.
 * Coming back before the asked time is what turns a rate limit into a block, and the back-off still
 * applies when the server asks for less. The asked wait is capped at the longest back-off so a feed
 * is checked at least daily whatever the header says; an invalid value (negative, not finite) is
 * ignored. `random` is drawn once either way.
 */
export function failureDelay(intervalMs: number, failures: number, random: () => number, retryAfterMs?: number): number {
  const backoff = backoffDelay(intervalMs, failures, random);
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs <= 0) return backoff;
  return Math.max(backoff, Math.min(POLL_TIMING.maxBackoffMs, Math.round(retryAfterMs)));
}

/** Whether a feed with `failures` consecutive failures, the last with `code`, is disabled. */
export function shouldDisable(failures: number, code: string): boolean {
  return PERMANENT_FAILURES.has(code) || failures >= POLL_TIMING.failuresBeforeDisable;
}
