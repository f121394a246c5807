/** Limits that keep one server from exhausting the bot. Each with the reason for its value. */
export const LIBRARY_LIMITS = {
  /** Own articles per server (bundled ones do not count): ample for a news server, small enough that
   *  a full listing for autocomplete stays a sub-millisecond query. */
  maxArticlesPerGuild: 500,
  /** Longest body analysed, in characters (~60,000 words). The longest news features run to ~20,000
   *  words; analysis is synchronous (~0.4 s for 500 KB measured), so this bounds how long one add can
   *  hold the bot's event loop while other servers wait. */
  maxArticleChars: 400_000,
  /** Longest title kept: Discord embed titles stop at 256 characters. */
  maxTitleChars: 256,
  /** Longest slug: short handles are what people type in `article:`. */
  maxSlugChars: 60,
} as const;
