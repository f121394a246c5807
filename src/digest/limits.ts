/** Discord's message limits (discord.com/developers/docs/resources/message#embed-object-embed-limits) and the digest's own caps. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  /** All embeds of one message together (title + description + fields + footer + author). */
  embedsTotal: 6000,
  embedsPerMessage: 10,
} as const;

export interface DigestCaps {
  /** Articles shown in one digest; the rest are counted in an "and N more" line. */
  readonly maxArticles: number;
  /** Articles shown per feed, so one busy feed cannot crowd out the others (Readwise-style per-source cap). */
  readonly maxPerGroup: number;
  /** Summary sentences per article. */
  readonly summarySentences: number;
  /** Longest summary shown per article (characters); longer ones are cut at a word with "…". */
  readonly maxSummaryChars: number;
  /** Longest quote shown (characters). */
  readonly maxQuoteChars: number;
  /** Messages per digest: a digest is a daily read, not a flood. */
  readonly maxMessages: number;
}

export const DEFAULT_DIGEST_CAPS: DigestCaps = {
  maxArticles: 30,
  maxPerGroup: 6,
  summarySentences: 2,
  maxSummaryChars: 420,
  maxQuoteChars: 240,
  maxMessages: 3,
};
