/**
 * What kind of thing a capitalized run names: a person, an organization, a place, only a
 * nationality adjective ("the South American nation"), or a common word that is capitalized
 * because it opens the sentence ("Tickets cost 12 euros."). The extractor uses it so that a "who"
 * answer is a person or an organization and a "which country" answer is a country: a run of the
 * wrong kind is never answered, however close it sits to the question's words.
 */
import { FEMININE_GIVEN_NAMES, MASCULINE_GIVEN_NAMES } from '../lexicon/quote-first-names';
import { DEMONYM_FAMILIES } from '../lexicon/qa-demonyms';
import {
  COUNTRIES,
  DEMONYM_ADJECTIVES,
  DEMONYM_ENDING,
  ORGANIZATION_LAST_WORDS,
  PLACE_LAST_WORDS,
  REGIONS,
} from '../lexicon/qa-names';
import { NAME_TITLES } from '../lexicon/qa-patterns';
import type { QaToken } from './model';

export type NameKind = 'person' | 'organization' | 'place' | 'demonym' | 'common' | 'unknown';

/** Adjectives made from places, from the demonym families (every word after the place itself). */
const FAMILY_ADJECTIVES: ReadonlySet<string> = new Set(DEMONYM_FAMILIES.flatMap((f) => f.slice(1)));
/** Direction words that open a regional adjective ("South American", "Central Asian"). */
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'central', 'latin', 'northern', 'southern', 'eastern', 'western', 'middle', 'sub-saharan', 'pan']);
/** Role nouns that, written before a name, make it a person's ("envoy Richard Grenell"). */
const ROLE_BEFORE = new Set([...NAME_TITLES, 'envoy', 'official', 'spokesman', 'spokeswoman', 'leader', 'chief', 'director', 'ambassador', 'founder', 'author', 'coach', 'singer', 'actor', 'actress', 'player', 'writer', 'artist', 'scientist', 'engineer', 'economist', 'lawyer', 'judge', 'dr.', 'mr.', 'mrs.', 'ms.']);
const OPENING_MARKS = new Set(['"', "'", '(', '[', '\u201C', '\u2018', ':', '-', '\u2014', '\u2013']);
const DETERMINERS = new Set(['the', 'a', 'an']);

const isWordy = (t: QaToken): boolean => t.kind === 'word' || t.kind === 'number' || t.kind === 'abbrev';
const isLowerWord = (t: QaToken | undefined): boolean => t !== undefined && t.kind === 'word' && /^\p{Ll}/u.test(t.text);

/** The run's words as written, lowercased, one space between words, without a leading "the". */
export function runText(tokens: readonly QaToken[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (i > from && t.start > tokens[i - 1]!.end) out += ' ';
    out += t.lower;
  }
  return out.replace(/^the /, '');
}

function isDemonymWord(lower: string, followedByNoun: boolean): boolean {
  if (DEMONYM_ADJECTIVES.has(lower) || FAMILY_ADJECTIVES.has(lower)) return true;
  return followedByNoun && DEMONYM_ENDING.test(lower);
}

/** The first word of the sentence, or the first after an opening quote or bracket. */
function opensSentence(tokens: readonly QaToken[], at: number): boolean {
  for (let k = at - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (isWordy(t)) return false;
    if (!OPENING_MARKS.has(t.text)) return false;
  }
  return true;
}

/**
 * The kind of the run [from, to) of a sentence's tokens. `runFrom` is where the capitalized run
 * began before its title was cut ("US envoy | Richard Grenell"); `knownNames` holds the words the
 * article writes capitalized inside a sentence (so a sentence's first word is known to be a name).
 */
export function nameKind(tokens: readonly QaToken[], from: number, to: number, runFrom: number, knownNames: ReadonlySet<string>): NameKind {
  const words: QaToken[] = [];
  for (let i = from; i < to; i++) if (isWordy(tokens[i]!) && !DETERMINERS.has(tokens[i]!.lower)) words.push(tokens[i]!);
  if (words.length === 0) return 'unknown';
  const text = runText(tokens, from, to);
  if (COUNTRIES.has(text) || REGIONS.has(text)) return 'place';
  const last = words[words.length - 1]!.lower;
  const followedByNoun = isLowerWord(tokens[to]);
  // "South American", "Venezuelan", "Republican" before a noun: an adjective, not a name.
  if (words.every((w, k) => isDemonymWord(w.lower, followedByNoun) || (k < words.length - 1 && DIRECTIONS.has(w.lower))) && isDemonymWord(last, followedByNoun)) return 'demonym';
  if (ORGANIZATION_LAST_WORDS.has(last)) return 'organization';
  if (PLACE_LAST_WORDS.has(last)) return 'place';
  const first = words[0]!.lower;
  const titled = runFrom < from || (from > 0 && ROLE_BEFORE.has(tokens[from - 1]!.lower));
  if (titled || FEMININE_GIVEN_NAMES.has(first) || MASCULINE_GIVEN_NAMES.has(first)) return 'person';
  if (words.length === 1 && /^\p{Lu}{2,6}$/u.test(words[0]!.text)) return 'organization';
  // A lone capitalized word opening the sentence that the article never capitalizes elsewhere is
  // an ordinary word ("Tickets cost 12 euros."), not a name.
  if (words.length === 1 && opensSentence(tokens, from) && !knownNames.has(first)) return 'common';
  return 'unknown';
}
