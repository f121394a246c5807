/**
 * Terms: how a word of a question or a sentence is reduced for matching. Lowercase, drop a
 * possessive "'s", map irregular forms to their base, Porter-stem, then map the stem to its word
 * family's representative so "died" meets "death".
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

/** The matching key of one word (already lowercased). */
export function termOf(lower: string): string {
  let w = lower.length > MAX_TERM_CHARS ? lower.slice(0, MAX_TERM_CHARS) : lower;
  // Accents are spelled or dropped at will ("Temür" / "Temur", "café" / "cafe"): match without them.
  if (NON_ASCII.test(w)) w = w.normalize('NFD').replace(COMBINING_MARKS, '');
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  const base = IRREGULAR_VERBS[w] ?? w;
  if (!/^[a-z]/.test(base)) return base;
  const s = stemmer(base);
  return FAMILY_OF.get(s) ?? s;
}

/** A word that carries content for matching (not a function word, not punctuation). */
export function isContentWord(lower: string): boolean {
  if (QA_KEEP_TERMS.has(lower)) return true;
  if (QA_STOPWORDS.has(lower)) return false;
  return /[\p{L}\p{N}]/u.test(lower);
}
