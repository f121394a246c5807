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
  return {
    summaryOf(article) {
      const result = summarize(article.text, { sentences: n, title: article.title, keywords: 0 });
      return result.tooShort || result.sentences.length === 0 ? opening(article.text, n) : result.sentences.map((s) => s.text);
    },
    topQuoteOf(article): DigestQuote | undefined {
      const quotes = options.quotesOf?.(article) ?? extractQuotes(article.text);
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
  /** A server's stored quotes for an article (from its analysis); undefined to extract them from the text. */
  readonly loadQuotes?: (guildId: string, article: DigestArticle) => Promise<readonly Quote[] | undefined>;
}

/**
 * Parts for one digest at a time: the stored quotes of the articles it shows are read first (the
 * store is async, composition is not), then held only by the parts that digest is composed with.
 */
export function nlpDigestPartsLoader(options: NlpPartsLoaderOptions = {}): DigestPartsLoader {
  return async (guildId, articles) => {
    const quotes = new Map<string, readonly Quote[] | undefined>();
    for (const a of articles) quotes.set(a.id, await options.loadQuotes?.(guildId, a));
    return nlpDigestParts({ ...(options.sentences !== undefined && { sentences: options.sentences }), quotesOf: (a) => quotes.get(a.id) });
  };
}
