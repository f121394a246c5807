/**
 * Who-said questions answered from the quote index: "What did Grenell say (about the visit)?"
 * returns that speaker's quotes (those about the topic first); "Who said the visit was a big
 * gift?" returns the speaker of the quote that best matches the phrase, tolerating small wording
 * differences (matching is on stemmed content words, not characters).
 */
import { PRONOUNS } from '../lexicon/titles-roles';
import type { AnswerQuote, QaIndex, QuoteLike, QuoteQuery } from './model';
import { sameName } from './names';
import { isContentWord, termOf } from './terms';

/** Share of the asked phrase's content words a quote must contain to be the one asked about. */
export const PHRASE_MATCH_MIN = 0.6;
/** Quotes returned for "What did X say?" at most. */
const MAX_QUOTES = 5;

function contentTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? []) {
    if (isContentWord(w)) out.add(termOf(w));
  }
  return out;
}

function share(of: ReadonlySet<string>, inside: ReadonlySet<string>): number {
  if (of.size === 0) return 0;
  let n = 0;
  for (const t of of) if (inside.has(t)) n++;
  return n / of.size;
}

export interface QuoteAnswer {
  readonly quotes: readonly AnswerQuote[];
  /** The text to show as the short answer: the speaker (phrase questions) or the first quote. */
  readonly answer: string;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
}

/** Who said it: the resolved name, else the mention unless it is a bare pronoun (an unresolved "she" names nobody). */
const namedSpeaker = (q: QuoteLike): string | null =>
  q.speakerRef ?? (q.speaker && !Object.hasOwn(PRONOUNS, q.speaker.toLowerCase()) ? q.speaker : null);

const toAnswerQuote = (q: QuoteLike): AnswerQuote => ({ quote: q.quote, start: q.start, end: q.end, speaker: namedSpeaker(q) });

/** Answer a who-said question from the quotes, or null when none fits. */
export function answerFromQuotes(index: QaIndex, query: QuoteQuery, quotes: readonly QuoteLike[]): QuoteAnswer | null {
  if (query.speaker) {
    const theirs = quotes.filter((q) => sameName(query.speaker!, q.speakerRef) || sameName(query.speaker!, q.speaker));
    if (theirs.length === 0) return null;
    const topic = query.topic ? contentTerms(query.topic) : null;
    // With a topic, quotes that mention it (or whose sentence does) come first; article order otherwise.
    const ranked = theirs
      .map((q, i) => {
        const around = index.folded.slice(Math.max(0, q.start - 200), Math.min(index.folded.length, q.end + 200));
        const score = topic ? share(topic, contentTerms(q.quote)) + 0.5 * share(topic, contentTerms(around)) : 0;
        return { q, i, score };
      })
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, MAX_QUOTES);
    const first = ranked[0]!.q;
    const onTopic = topic === null || ranked[0]!.score > 0;
    return {
      quotes: ranked.map((r) => toAnswerQuote(r.q)),
      answer: first.quote,
      start: first.start,
      end: first.end,
      confidence: (onTopic ? 0.9 : 0.6) * (first.confidence ?? 1),
    };
  }
  if (query.phrase) {
    const asked = contentTerms(query.phrase);
    let best: { q: QuoteLike; score: number } | null = null;
    for (const q of quotes) {
      const score = share(asked, contentTerms(q.quote));
      if (score >= PHRASE_MATCH_MIN && (!best || score > best.score)) best = { q, score };
    }
    if (!best) return null;
    const who = namedSpeaker(best.q);
    if (!who) return null;
    return {
      quotes: [toAnswerQuote(best.q)],
      answer: who,
      start: best.q.speakerStart ?? best.q.start,
      end: best.q.speakerEnd ?? best.q.end,
      confidence: best.score * (best.q.confidence ?? 1),
    };
  }
  return null;
}
