/**
 * Key quotes for `/quotes`: informative, complete, by a named speaker, not trivial. A score per
 * quote from data-table weights, then a pick that keeps one speaker from filling the list.
 */
import { PRONOUNS } from '../lexicon/titles-roles';
import { nameKey, sameSpeaker, speakerKey } from './names';
import type { Quote } from './types';

/** Weights of the ranking signals, each with its reason. */
export const RANK_WEIGHTS = {
  /** The speaker's own words are what a reader wants to see verbatim. */
  direct: 1.0,
  mixed: 0.6,
  indirect: 0.25,
  /** Resolved to a name ("Richard Grenell"), not just "a source" or an unresolved "he". */
  namedSpeaker: 0.8,
  /** Speech cues, not beliefs or polls. */
  speechCue: 0.3,
  /** Complete: a whole sentence (starts with a capital) or a whole reported clause. */
  complete: 0.3,
  confidence: 0.8,
} as const;

/** Content words a quote needs to say something ("No comment." does not). */
const MIN_INFORMATIVE_WORDS = 6;
/** Past this many words a quote is too long to show whole in a list. */
const LONG_QUOTE_WORDS = 80;
/** At most this many quotes per speaker before others get a turn. */
const PER_SPEAKER_FIRST_PASS = 2;

/** Quotes that carry no information whatever their length. */
const TRIVIAL = /^(?:no comment|thank you|thanks|we'?ll see|i don'?t know|yes|no|absolutely|of course)\b/i;

function words(q: Quote): number {
  return (q.quote.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** A 0..~4 score; higher is a better key quote. */
export function keyQuoteScore(q: Quote): number {
  const n = words(q);
  if (n < MIN_INFORMATIVE_WORDS || TRIVIAL.test(q.quote.replace(/^["'\s]+/, ''))) return 0;
  let s = RANK_WEIGHTS[q.kind];
  if (q.speakerRef && nameKey(q.speakerRef).length > 0) s += RANK_WEIGHTS.namedSpeaker;
  if (q.cueClass === 'speech') s += RANK_WEIGHTS.speechCue;
  if (/^["'\s]*\p{Lu}/u.test(q.quote) || q.kind !== 'direct') s += RANK_WEIGHTS.complete;
  s += RANK_WEIGHTS.confidence * q.confidence;
  // Length: the sweet spot is one to three sentences.
  s *= n > LONG_QUOTE_WORDS ? 0.7 : Math.min(1, 0.6 + n / 40);
  return s;
}

export interface RankOptions {
  readonly limit?: number;
  /** Keep only quotes by this speaker (see filterBySpeaker). */
  readonly speaker?: string;
  /** Drop quotes scoring below this. */
  readonly minScore?: number;
}

/** The best quotes for a reader, best first, no speaker taking more than its share early. */
export function rankKeyQuotes(quotes: readonly Quote[], opts: RankOptions = {}): Quote[] {
  const limit = opts.limit ?? 5;
  const pool = (opts.speaker ? filterBySpeaker(quotes, opts.speaker) : quotes)
    .map((q) => ({ q, s: keyQuoteScore(q) }))
    .filter((x) => x.s > (opts.minScore ?? 0))
    .sort((a, b) => b.s - a.s || a.q.start - b.q.start);
  const picked: Quote[] = [];
  const perSpeaker = new Map<string, number>();
  for (const { q } of pool) {
    if (picked.length >= limit) break;
    const key = q.speakerRef ?? q.speaker ?? '';
    if ((perSpeaker.get(key) ?? 0) >= PER_SPEAKER_FIRST_PASS && !opts.speaker) continue;
    perSpeaker.set(key, (perSpeaker.get(key) ?? 0) + 1);
    picked.push(q);
  }
  for (const { q } of pool) {
    if (picked.length >= limit) break;
    if (!picked.includes(q)) picked.push(q);
  }
  return picked;
}

/** Who a quote is by for filtering: the resolved name, else the mention unless it is a bare pronoun (an unresolved "They" is nobody). */
export function namedSpeaker(q: { readonly speaker: string | null; readonly speakerRef?: string | null }): string | null {
  if (q.speakerRef) return q.speakerRef;
  return q.speaker && !Object.hasOwn(PRONOUNS, q.speaker.toLowerCase()) ? q.speaker : null;
}

/**
 * Quotes whose speaker is `name`: canonical or written name, aliases merged ("Trump" = "Donald
 * Trump"). A quote credited to a bare surname counts for a full name only when no other full name
 * in these quotes ends with that surname ("Smith" is not "John Smith" when "Jane Smith" also speaks);
 * a bare surname typed by the user asks for everyone with it.
 */
export function filterBySpeaker(quotes: readonly Quote[], name: string): Quote[] {
  const wanted = speakerKey(name);
  if (wanted.length === 0) return [];
  const fullNames = new Map<string, Set<string>>();
  for (const q of quotes) {
    const key = speakerKey(namedSpeaker(q) ?? '');
    if (key.length < 2) continue;
    const surname = key.at(-1)!;
    if (!fullNames.has(surname)) fullNames.set(surname, new Set());
    fullNames.get(surname)!.add(key.join(' '));
  }
  return quotes.filter((q) => {
    const who = namedSpeaker(q);
    if (!who) return false;
    const key = speakerKey(who);
    if (key.length === 0) return false;
    if (key.join(' ') === wanted.join(' ')) return true;
    if (!sameSpeaker(who, name)) return false;
    return !(key.length === 1 && wanted.length > 1 && (fullNames.get(key[0]!)?.size ?? 0) > 1);
  });
}
