/**
 * An analysis's quotes as the search store keeps them: each quote's speaker key, name and mention
 * by the speaker index's own rule (`quoteSpeaker`), its phrase-search words, and the quote as JSON.
 */
import { nameKey, phraseWords, quoteSpeaker, type Quote } from '../nlp/quotes';
import type { IndexedQuote } from '../store/ports';

export function indexedQuotes(quotes: readonly Quote[]): IndexedQuote[] {
  return quotes.map((q) => {
    const who = quoteSpeaker(q);
    return {
      speakerKey: who?.key ?? null,
      name: who?.name ?? null,
      mention: who?.mention ?? null,
      mentionKey: who?.mention ? nameKey(who.mention).join(' ') : null,
      words: phraseWords(q.quote),
      json: JSON.stringify(q),
    };
  });
}
