/**
 * Terms: the content words of a sentence as Porter stems, the unit that sentence vectors, salience
 * and keywords share. Function words are dropped; possessives fold onto their noun ("Grenell's" ->
 * "grenell") so a name counts once however it is inflected.
 */
import { stemmer } from 'stemmer';
import { SUMMARY_STOPWORDS } from '../lexicon/summary-stopwords';
import type { Segmentation } from '../segment';

/** Words shorter than this are not stemmed (the Porter rules mangle "was", "his"). */
const MIN_STEM_LENGTH = 4;
/** Longer tokens are noise (URLs glued to text, base64): they never become terms. */
const MAX_TERM_LENGTH = 40;

const stemCache = new Map<string, string>();
/** Bound on the memo so a hostile stream of distinct words cannot grow it without limit. */
const STEM_CACHE_MAX = 50_000;

/** Porter stem of a lowercase word, memoized (the same words recur across sentences and articles). */
export function stemOf(lower: string): string {
  const hit = stemCache.get(lower);
  if (hit !== undefined) return hit;
  const stem = lower.length >= MIN_STEM_LENGTH ? stemmer(lower) : lower;
  if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
  stemCache.set(lower, stem);
  return stem;
}

/** Lowercase word without a trailing possessive ("grenell's" -> "grenell", "migrants'" -> "migrants"). */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  if (lower.endsWith("'s")) return lower.slice(0, -2);
  if (lower.endsWith("'")) return lower.slice(0, -1);
  return lower;
}

/** Whether a lowercase word is a content word (not a function word, has a letter, sane length). */
export function isContentWord(lower: string): boolean {
  return lower.length > 1 && lower.length <= MAX_TERM_LENGTH && !SUMMARY_STOPWORDS.has(lower) && /\p{L}/u.test(lower);
}

/** One content word of a sentence: its stem and where it is. */
export interface TermOccurrence {
  readonly stem: string;
  /** Normalized surface form (lowercase, possessive dropped). */
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /** Capitalized and not the sentence's first word: a name or a proper noun. */
  readonly proper: boolean;
}

/** What a surface form gives as a term: its normalized word, stem and capital; null when not a content word. */
interface SurfaceTerm {
  readonly word: string;
  readonly stem: string;
  readonly capitalized: boolean;
}

const surfaceCache = new Map<string, SurfaceTerm | null>();
/**
 * Longer surfaces are not kept: V8 makes a slice of 13 characters or more a view into the whole
 * article text, and a cached key would keep that text alive. Such words are rare in any case.
 */
const MAX_CACHED_SURFACE = 12;

/** The term of a word token's surface form, memoized like stemOf (news repeats its words). */
function surfaceTerm(surface: string): SurfaceTerm | null {
  const hit = surfaceCache.get(surface);
  if (hit !== undefined) return hit;
  const word = normalizeWord(surface);
  let term: SurfaceTerm | null = null;
  if (isContentWord(word)) {
    const first = surface[0]!;
    term = { word, stem: stemOf(word.replace(/\./g, '')), capitalized: first !== first.toLowerCase() };
  }
  if (surface.length > MAX_CACHED_SURFACE) return term;
  if (surfaceCache.size >= STEM_CACHE_MAX) surfaceCache.clear();
  surfaceCache.set(surface, term);
  return term;
}

/** Content-word occurrences in tokens [from, to) of a segmentation. */
export function termsOf(seg: Segmentation, from: number, to: number): TermOccurrence[] {
  const out: TermOccurrence[] = [];
  let firstWord = true;
  for (let t = from; t < to; t++) {
    const tok = seg.tokens[t]!;
    if (tok.kind !== 'word' && tok.kind !== 'abbrev') continue;
    const term = surfaceTerm(seg.folded.slice(tok.start, tok.end));
    const wasFirst = firstWord;
    firstWord = false;
    if (term === null) continue;
    out.push({ stem: term.stem, word: term.word, start: tok.start, end: tok.end, proper: term.capitalized && !wasFirst });
  }
  return out;
}
