/**
 * Limits that keep one server from exhausting the bot. Each with the reason for its value. How many
 * articles a server keeps is not here: that is the retention policy (src/library/retention.ts),
 * set in the configuration (FEED_RETENTION_DAYS, MAX_FEED_ITEMS_PER_SERVER, MAX_MEMBER_ARTICLES_PER_SERVER).
 */
export const LIBRARY_LIMITS = {
  /** Longest body analysed, in characters (~60,000 words). The longest news features run to ~20,000
   *  words; analysis is synchronous (~0.4 s for 500 KB measured), so this bounds how long one add can
   *  hold the bot's event loop while other servers wait. */
  maxArticleChars: 400_000,
  /** Longest title kept: Discord embed titles stop at 256 characters. */
  maxTitleChars: 256,
  /** Longest slug: short handles are what people type in `article:`. */
  maxSlugChars: 60,
} as const;
