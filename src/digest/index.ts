/**
 * Digests: per-server schedules (IANA zone, DST-safe via croner), pure composition within
 * Discord's limits, and an idempotent scheduler with an injectable clock.
 */
export { systemClock, ManualClock, type Clock } from './clock';
export {
  parseTime,
  formatTime,
  validateTimezone,
  parseDays,
  describeDays,
  cronPattern,
  nextRunAfter,
  latestRunAtOrBefore,
  localDateOf,
  longLocalDate,
  ScheduleError,
  type DigestSchedule,
  type DigestDays,
  type ScheduleErrorCode,
} from './schedule';
export { composeDigest, shownArticles, renderArticle, MANUAL_GROUP, BUNDLED_GROUP, DIGEST_FOOTER, type Digest, type DigestArticle, type DigestEmbed, type DigestMessage, type DigestParts, type DigestQuote } from './compose';
export { DISCORD_LIMITS, DEFAULT_DIGEST_CAPS, type DigestCaps } from './limits';
export { digestToText } from './render-text';
export {
  DigestScheduler,
  DIGEST_RULES,
  digestWindowStart,
  type DigestWindow,
  type ChannelCheck,
  type ChannelProblem,
  type DigestSender,
  type DigestArticleSource,
  type DigestPartsLoader,
  type DigestStatus,
  type TickReport,
  type TickSummary,
  type DigestPacing,
  SCHEDULED_POSTS_KEY,
  summarizeTick,
  digestNonce,
} from './scheduler';
export { nlpDigestParts, nlpDigestPartsLoader } from './parts';
export { createDigestRuntime, type DigestRuntime, type DigestRuntimeDeps, type DigestSettingsInput } from './runtime';
