/**
 * Terms: how a word of a question or a sentence is reduced for matching. Lowercase, drop a
 * possessive "'s", map irregular forms to their base and regular derivations to their source
 * word ("invasion" -> "invade"), Porter-stem, then map the stem to its word family's
 * representative so "died" meets "death".
 */
import { stemmer } from 'stemmer';
import { IRREGULAR_VERBS, WORD_FAMILIES } from '../lexicon/qa-synonyms';
import { DEMONYM_FAMILIES } from '../lexicon/qa-demonyms';
import { QA_KEEP_TERMS, QA_STOPWORDS } from '../lexicon/qa-stopwords';

/** stem -> the family representative's stem. */
const FAMILY_OF: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const family of [...WORD_FAMILIES, ...DEMONYM_FAMILIES]) {
    const rep = stemmer(family[0]!);
    for (const w of family) m.set(stemmer(w), rep);
  }
  return m;
})();

/** Longest word we stem: beyond it a "word" is noise and stemming it is wasted work. */
const MAX_TERM_CHARS = 40;

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * British spellings to American ones, applied to every word alike so the two meet ("organised" /
 * "organized", "colour" / "color", "centre" / "center"): -ise(d/s/r)/-ising/-isation, -our(s/ed/ing)
 * and -tre(s) in words long enough not to be short words of their own ("rise", "hour", "four").
 */
const BRITISH_ISE = /^(.{3,})is(e|ed|es|er|ers|ing|ation|ations)$/;
const BRITISH_OUR = /^(.{2,}[^aeiou])our(s|ed|ing|ite|ites|able)?$/;
const BRITISH_TRE = /^(.{2,})tre(s)?$/;
function americanSpelling(w: string): string {
  if (w.length < 6) return w;
  let m = BRITISH_ISE.exec(w);
  if (m) return `${m[1]}iz${m[2]}`;
  m = BRITISH_OUR.exec(w);
  if (m) return `${m[1]}or${m[2] ?? ''}`;
  m = BRITISH_TRE.exec(w);
  if (m) return `${m[1]}ter${m[2] ?? ''}`;
  return w;
}

/**
 * The matching key of one word (already lowercased). `bareVerb`: the word is a verb's base form
 * ("did Tugh Temür found his academy"), so an irregular past it looks like ("found" of "find") is not mapped.
 */
export function termOf(lower: string, bareVerb = false): string {
  let w = lower.length > MAX_TERM_CHARS ? lower.slice(0, MAX_TERM_CHARS) : lower;
  // Accents are spelled or dropped at will ("Temür" / "Temur", "café" / "cafe"): match without them.
  if (NON_ASCII.test(w)) w = w.normalize('NFD').replace(COMBINING_MARKS, '');
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  w = americanSpelling(w);
  const base = derivationalBase(bareVerb ? w : (IRREGULAR_VERBS[w] ?? w));
  if (!/^[a-z]/.test(base)) return base;
  const s = stemmer(base);
  return FAMILY_OF.get(s) ?? s;
}

/**
 * Regular derivations the Porter stemmer leaves apart, rewritten to the verb or adjective they come
 * from before stemming, so that a question's "invaded" meets the text's "invasion": Latin
 * nominalizations whose stem changes (-sion after a vowel from -de: invasion, decision, division;
 * -nsion from -nd: expansion, extension; -duction, -scription, -ception, -sumption, -ification),
 * adverbs in -ly after a consonant that the stemmer keeps whole (publicly, rapidly, directly; not
 * -ply/-bly/-lly/-fly words such as supply, assembly, butterfly), and -en verbs made from -th and
 * -ght nouns (strengthen, lengthen, heighten). Words under seven letters are left alone: the
 * patterns would take too many short words that only look derived ("lesion", "tension").
 */
const DERIVATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(.{2,}[aeiou])sions?$/, '$1de'],
  [/^(.{3,}n)sions?$/, '$1d'],
  [/^(.{2,})ductions?$/, '$1duce'],
  [/^(.{2,})scriptions?$/, '$1scribe'],
  [/^(re|con|de|per)ceptions?$/, '$1ceive'],
  [/^(.{2,})sumptions?$/, '$1sume'],
  [/^(.{3,})ifications?$/, '$1ify'],
  [/^(.{4,}[^aeiouylpbfs])ly$/, '$1'],
  [/^(.{2,}(?:th|ght))en(?:s|ed|ing)?$/, '$1'],
];
const MIN_DERIVED_LENGTH = 7;

/** The word a derived form comes from (see DERIVATIONS), or the word itself. */
export function derivationalBase(w: string): string {
  if (w.length < MIN_DERIVED_LENGTH) return w;
  for (const [re, to] of DERIVATIONS) if (re.test(w)) return w.replace(re, to);
  return w;
}

/** A word that carries content for matching (not a function word, not punctuation). */
export function isContentWord(lower: string): boolean {
  if (QA_KEEP_TERMS.has(lower)) return true;
  if (QA_STOPWORDS.has(lower)) return false;
  return /[\p{L}\p{N}]/u.test(lower);
}
