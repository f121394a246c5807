/**
 * Limits that keep one server from exhausting the bot. Each with the reason for its value. How many
 * articles a server keeps is not here: that is the retention policy (src/library/retention.ts),
 * set in the configuration (FEED_RETENTION_DAYS, MAX_FEED_ITEMS_PER_SERVER, MAX_MEMBER_ARTICLES_PER_SERVER).
 */
export const LIBRARY_LIMITS = {
  /** Longest body analysed, in characters (~300,000 words, a long book; the longest news features run
   *  to ~20,000 words). Parsing and analysis run in the worker pool (src/workers), so no add holds the
   *  event loop; this bounds one job instead: ~1.6 s of a worker at this size (measured on 2 cores),
   *  every stage linear in the text (bench/hostile.bench.ts), within the pool's time and heap limits. */
  maxArticleChars: 2_000_000,
  /** Longest title kept: Discord embed titles stop at 256 characters. */
  maxTitleChars: 256,
  /** Longest slug: short handles are what people type in `article:`. */
  maxSlugChars: 60,
} as const;
