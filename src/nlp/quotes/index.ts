/**
 * Who said what: quote extraction with speakers (extractQuotes), key quotes (rankKeyQuotes),
 * speaker filtering, the cross-article speaker index and phrase search. Pure: text in, values out.
 */
export type { Quote, QuoteKind, Fragment } from './types';
export { extractQuotes } from './extract';
export { rankKeyQuotes, filterBySpeaker, keyQuoteScore, namedSpeaker, type RankOptions } from './rank';
export {
  buildSpeakerIndex,
  findSpeaker,
  suggestSpeakers,
  quoteSpeaker,
  type SpeakerEntry,
  type ArticleQuotes,
  type QuoteSpeaker,
  type NamedSpeaker,
} from './speaker-index';
export { searchPhrase, phraseWords, type PhraseHit } from './search';
export { toQuoteRecord, type QuoteRecord } from './record';
export { canonicalName, sameSpeaker, nameKey, speakerKey } from './names';
