/**
 * The real summary and quote for each digest entry: Lede's extractive summarizer (1-2 sentences,
 * verbatim) and the top-ranked key quote with its resolved speaker. Kept apart from composition so
 * composition stays pure and is tested with plain functions.
 */
import { extractQuotes, namedSpeaker, rankKeyQuotes, type Quote } from '../nlp/quotes';
import { segment } from '../nlp/segment';
import { summarize } from '../nlp/summarize';
import type { DigestArticle, DigestParts, DigestQuote } from './compose';
import type { DigestPartsLoader } from './scheduler';

/** Quotes scoring at or under this (see nlp/quotes/rank.ts, 0..~4) are too weak to headline an article. */
const MIN_QUOTE_SCORE = 1;

export interface NlpPartsOptions {
  /** Summary sentences per article (the digest shows 1-2). */
  readonly sentences?: number;
  /** Stored quotes for an article, when the library has them, to avoid extracting again. */
  readonly quotesOf?: (article: DigestArticle) => readonly Quote[] | undefined;
  /**
   * The body of an article whose entry carries none (see DigestArticle.text). An article with neither
   * (removed since its window was read) is shown by its title alone.
   */
  readonly textOf?: (article: DigestArticle) => string | undefined;
}

/** The verbatim opening sentences of a text that is too short to summarize. */
function opening(text: string, sentences: number): string[] {
  return segment(text)
    .sentences.slice(0, sentences)
    .map((s) => text.slice(s.start, s.end).trim())
    .filter((s) => s !== '');
}

export function nlpDigestParts(options: NlpPartsOptions = {}): DigestParts {
  const n = options.sentences ?? 2;
  const textOf = (article: DigestArticle): string => article.text ?? options.textOf?.(article) ?? '';
  return {
    summaryOf(article) {
      const text = textOf(article);
      const result = summarize(text, { sentences: n, title: article.title, keywords: 0 });
      return result.tooShort || result.sentences.length === 0 ? opening(text, n) : result.sentences.map((s) => s.text);
    },
    topQuoteOf(article): DigestQuote | undefined {
      const quotes = options.quotesOf?.(article) ?? extractQuotes(textOf(article));
      const [top] = rankKeyQuotes(quotes, { limit: 1, minScore: MIN_QUOTE_SCORE });
      if (!top) return undefined;
      // The resolved name, else the role as written ("the mayor"); an unresolved pronoun names nobody.
      const speaker = namedSpeaker(top) ?? undefined;
      const speech = top.kind === 'indirect' ? 'reported speech' : top.kind === 'mixed' ? 'partly quoted' : undefined;
      return { quote: top.quote, ...(speaker !== undefined && { speaker }), ...(speech && { speech }) };
    },
  };
}

export interface NlpPartsLoaderOptions {
  /** Summary sentences per article (the digest shows 1-2). */
  readonly sentences?: number;
  /**
   * What a server keeps of an article the digest shows: its body (read when the entry carries none)
   * and its stored quotes (from its analysis; undefined to extract them from the body). Undefined
   * when the article is gone.
   */
  readonly loadStored?: (guildId: string, article: DigestArticle) => Promise<StoredParts | undefined>;
}

/** An article's body and stored quotes, as `loadStored` reads them. */
export interface StoredParts {
  readonly text: string;
  readonly quotes?: readonly Quote[];
}

/**
 * Parts for one digest at a time: the bodies and stored quotes of the articles it shows are read
 * first (the store is async, composition is not), then held only by the parts that digest is
 * composed with.
 */
export function nlpDigestPartsLoader(options: NlpPartsLoaderOptions = {}): DigestPartsLoader {
  return async (guildId, articles) => {
    const stored = new Map<string, StoredParts | undefined>();
    for (const a of articles) stored.set(a.id, await options.loadStored?.(guildId, a));
    return nlpDigestParts({
      ...(options.sentences !== undefined && { sentences: options.sentences }),
      quotesOf: (a) => stored.get(a.id)?.quotes,
      textOf: (a) => stored.get(a.id)?.text,
    });
  };
}
