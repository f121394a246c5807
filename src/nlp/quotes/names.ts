/**
 * Canonical speaker names: titles, roles and honorifics stripped ("US envoy Richard Grenell" ->
 * "Richard Grenell", "Mexican President Claudia Sheinbaum" -> "Claudia Sheinbaum"), possessives and
 * determiners dropped from organisations ("the White House" -> "White House"), and the comparison
 * used to merge aliases ("Trump" = "President Trump" = "Donald Trump").
 */
import { FEMININE_GIVEN_NAMES, MASCULINE_GIVEN_NAMES } from '../lexicon/quote-first-names';
import { FEMININE_WORDS, MASCULINE_WORDS, NOT_SPEAKERS, ROLE_OPENERS, TITLES } from '../lexicon/titles-roles';
import { COUNTRIES, ORGANIZATION_LAST_WORDS, PLACE_LAST_WORDS, REGIONS } from '../lexicon/qa-names';

export type Gender = 'm' | 'f' | null;

function words(mention: string): string[] {
  return mention.split(/\s+/).filter((w) => w !== '');
}

const isCap = (w: string): boolean => /^\p{Lu}/u.test(w);
const bare = (w: string): string => w.toLowerCase().replace(/[.,]+$/, '');

/**
 * The person's name inside a name mention: the trailing run of capitalized words that are not
 * titles. Falls back to the mention without its determiner (organisations: "White House").
 */
export function canonicalName(mention: string): string | null {
  // Party-state tags and ages in parentheses ("Rep. Tom Hale (R-Ore.)") are not part of the name.
  // A relative pronoun after the name ("Ann Lee, who") is not part of it either.
  const ws = words(mention.replace(/,\s*who$/i, '').replace(/\s*\([^()]*\)\s*$/, '').replace(/[\u2019']s$/, ''));
  let first = ws.length;
  for (let i = ws.length - 1; i >= 0; i--) {
    const w = ws[i]!;
    if (!isCap(w) && !/^(?:de|da|van|von|der|al|bin|la|le)$/.test(w)) break;
    if (TITLES.has(bare(w)) && i < ws.length - 1) break;
    first = i;
  }
  const name = ws.slice(first);
  if (name.length > 0 && !(name.length === 1 && TITLES.has(bare(name[0]!)))) return name.join(' ');
  // Organisations and roles: keep a capitalized phrase without its determiner.
  const rest = ROLE_OPENERS.has(bare(ws[0] ?? '')) ? ws.slice(1) : ws;
  return rest.some(isCap) ? rest.join(' ') : null;
}

/** Gender hint of a name mention from its given name or title; null when unknown. */
export function genderOf(mention: string): Gender {
  for (const w of words(mention).map(bare)) {
    if (FEMININE_WORDS.has(w)) return 'f';
    if (MASCULINE_WORDS.has(w)) return 'm';
  }
  const name = canonicalName(mention);
  const given = name ? bare(words(name)[0] ?? '') : '';
  if (name && words(name).length >= 2) {
    if (FEMININE_GIVEN_NAMES.has(given) && !MASCULINE_GIVEN_NAMES.has(given)) return 'f';
    if (MASCULINE_GIVEN_NAMES.has(given) && !FEMININE_GIVEN_NAMES.has(given)) return 'm';
  }
  return null;
}

/** Lowercase, accent-free tokens of a name, titles dropped: the key used to compare names. */
export function nameKey(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2019']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '' && !TITLES.has(t));
}

/** Words that only point at a noun ("the mayor", "a spokeswoman", "its director"), never part of a key. */
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those']);

/**
 * The key a speaker is filed and found under: the name's words without titles ("President Trump"
 * -> trump), or, for a role named without a name ("the mayor", "a spokeswoman", "the city council"),
 * the role's words without the determiner (mayor; spokeswoman; city council). `nameKey` gives no
 * key for "the mayor" (a title alone), so such a speaker could be listed but never asked for.
 */
export function speakerKey(nameOrRole: string): string[] {
  const key = nameKey(nameOrRole).filter((t) => !DETERMINERS.has(t));
  if (key.length > 0) return key;
  return nameOrRole
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2019']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '' && !DETERMINERS.has(t));
}

/** Same person: same last token and no conflicting given names ("Trump" ~ "Donald Trump", not "Eric Trump"). */
export function sameSpeaker(a: string, b: string): boolean {
  const x = nameKey(a);
  const y = nameKey(b);
  if (x.length === 0 || y.length === 0) return false;
  if (x.at(-1) !== y.at(-1)) return false;
  if (x.length === 1 || y.length === 1) return true;
  return x[0] === y[0] || x[0]![0] === y[0]![0] && (x[0]!.length === 1 || y[0]!.length === 1);
}

/** The states of the United States, whose names news uses bare ("in Iowa", "New Hampshire voters"). */
const US_STATES: ReadonlySet<string> = new Set([
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida',
  'georgia', 'hawaii', 'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine',
  'maryland', 'massachusetts', 'michigan', 'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska',
  'nevada', 'new hampshire', 'new jersey', 'new mexico', 'new york', 'north carolina', 'north dakota', 'ohio',
  'oklahoma', 'oregon', 'pennsylvania', 'rhode island', 'south carolina', 'south dakota', 'tennessee', 'texas',
  'utah', 'vermont', 'virginia', 'washington', 'west virginia', 'wisconsin', 'wyoming',
]);
/** First words of place names of two words or more ("New Hampshire", "North Carolina", "Fort Worth"). */
const PLACE_OPENERS: ReadonlySet<string> = new Set(['new', 'north', 'south', 'east', 'west', 'fort', 'lake', 'mount', 'san', 'santa', 'los', 'las']);
/** Capitalized sentence openers that are no part of a name ("Another said ...", "Instead, Lee ..."). */
const NON_NAME_OPENERS: ReadonlySet<string> = new Set([
  'another', 'instead', 'over', 'last', 'next', 'first', 'such', 'other', 'each', 'every', 'many', 'most', 'some',
  'few', 'several', 'both', 'all', 'during', 'under', 'without', 'within', 'despite', 'among', 'across',
  // sentence adverbs (a list: surnames end in -ly too, "Kelly", "Connolly")
  'suddenly', 'finally', 'meanwhile', 'similarly', 'additionally', 'ultimately', 'initially', 'currently',
  'fortunately', 'unfortunately', 'clearly', 'certainly', 'apparently', 'eventually', 'originally', 'frankly',
  'honestly', 'obviously', 'separately', 'notably', 'importantly', 'interestingly', 'specifically', 'generally',
]);

/**
 * Whether a name can be the antecedent of "he" or "she": a person's, not a place's ("Mexico",
 * "Cook County"), an organisation's ("Fox News", "the Labour Party"), an acronym's ("GOP", "DNC")
 * or a line of page furniture in capitals ("READ MORE"). Unknown single names pass: most speakers
 * named once by surname are people.
 */
export function isPersonLike(name: string): boolean {
  if (!isSpeakerLike(name)) return false;
  const ws = words(name);
  const letters = name.replace(/[^\p{L}]/gu, '');
  // An acronym ("GOP", "NATO"): an organisation, not "he" or "she".
  if (letters !== '' && letters === letters.toUpperCase() && letters.length <= 4) return false;
  if (ws.length > 1 && PLACE_OPENERS.has(bare(ws[0]!))) return false;
  return !ORGANIZATION_LAST_WORDS.has(bare(ws.at(-1)!));
}

/**
 * Whether a name can speak at all: a person or an organisation ("Judicial Watch", "New Hampshire
 * Public Radio"), not a place ("Iowa", "North Korea", "Cook County"), a shouted heading in
 * capitals ("READ MORE") or a sentence opener run into a name ("Another", "Instead").
 */
export function isSpeakerLike(name: string): boolean {
  // "the Harbor Ledger": the determiner is no part of the name.
  const ws = words(name).filter((w, i) => i > 0 || !DETERMINERS.has(w.toLowerCase()));
  if (ws.length === 0) return false;
  const letters = name.replace(/[^\p{L}]/gu, '');
  // A shouted heading in capitals ("READ MORE"); a transcript label ("RAMOS") is one word.
  if (letters !== '' && letters === letters.toUpperCase() && ws.length > 1) return false;
  const lower = ws.map(bare).join(' ');
  if (COUNTRIES.has(lower) || REGIONS.has(lower) || US_STATES.has(lower)) return false;
  // A sentence-opening word run into a name ("Another", "Instead", "Suddenly I").
  const opener = bare(ws[0]!);
  if (NON_NAME_OPENERS.has(opener) || NOT_SPEAKERS.has(opener)) return false;
  return !PLACE_LAST_WORDS.has(bare(ws.at(-1)!));
}
