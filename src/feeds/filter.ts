/**
 * Keyword filters of a followed feed (MonitoRSS's include/exclude): an item is taken when its title
 * or text holds one of the include keywords (when there are any) and none of the exclude keywords.
 * Keywords are matched as whole words, ignoring case and accents: "art" does not match "article",
 * "cafe" matches "Café". A keyword of several words ("city council") matches those words in a row.
 */

export const FILTER_LIMITS = {
  /** Keywords per list (include or exclude). */
  keywords: 20,
  /** Characters per keyword. */
  keywordChars: 60,
  /** Characters of the option as typed. */
  optionChars: 500,
} as const;

/** What is wrong with a keyword list as typed; the command words it. */
export type KeywordProblem =
  | { readonly kind: 'too-long'; readonly max: number }
  | { readonly kind: 'too-many'; readonly max: number }
  | { readonly kind: 'keyword-too-long'; readonly keyword: string; readonly max: number }
  | { readonly kind: 'no-word'; readonly keyword: string };

export type KeywordParse = { readonly ok: true; readonly keywords: string[] } | { readonly ok: false; readonly problem: KeywordProblem };

/** Lower case, accents removed, every run of characters that are not letters or digits one space. */
function words(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Keywords as typed in `include:` or `exclude:`, separated by commas (a keyword may be several
 * words). Blank entries are dropped; the same keyword twice is kept once; an empty option is no keywords.
 */
export function parseKeywords(raw: string): KeywordParse {
  if (raw.length > FILTER_LIMITS.optionChars) return { ok: false, problem: { kind: 'too-long', max: FILTER_LIMITS.optionChars } };
  const keywords: string[] = [];
  const seen = new Set<string>();
  for (const part of raw.split(',')) {
    const keyword = part.replace(/\s+/g, ' ').trim();
    if (keyword === '') continue;
    if (keyword.length > FILTER_LIMITS.keywordChars) return { ok: false, problem: { kind: 'keyword-too-long', keyword, max: FILTER_LIMITS.keywordChars } };
    const key = words(keyword).join(' ');
    if (key === '') return { ok: false, problem: { kind: 'no-word', keyword } };
    if (seen.has(key)) continue;
    seen.add(key);
    keywords.push(keyword);
  }
  if (keywords.length > FILTER_LIMITS.keywords) return { ok: false, problem: { kind: 'too-many', max: FILTER_LIMITS.keywords } };
  return { ok: true, keywords };
}

export interface KeywordFilter {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

/** A text prepared for matching many keywords: its words, one space apart, with a space at each end. */
export interface MatchText {
  readonly spaced: string;
}

export function matchText(...parts: readonly string[]): MatchText {
  return { spaced: ` ${parts.flatMap(words).join(' ')} ` };
}

/** The first of `keywords` the text holds as whole words, if any. */
export function firstMatch(text: MatchText, keywords: readonly string[]): string | undefined {
  return keywords.find((k) => {
    const key = words(k).join(' ');
    return key !== '' && text.spaced.includes(` ${key} `);
  });
}

/** Whether an item passes: one include keyword (when there are any) and no exclude keyword. */
export function passesFilter(filter: KeywordFilter, text: MatchText): boolean {
  if (filter.include && filter.include.length > 0 && firstMatch(text, filter.include) === undefined) return false;
  if (filter.exclude && filter.exclude.length > 0 && firstMatch(text, filter.exclude) !== undefined) return false;
  return true;
}

/** Whether a subscription filters at all. */
export const hasFilter = (filter: KeywordFilter): boolean => (filter.include?.length ?? 0) > 0 || (filter.exclude?.length ?? 0) > 0;
