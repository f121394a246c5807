/**
 * prepareIndex: the question-independent part of question answering, computed once per article.
 * Linear in the text: one pass over the segmenter's tokens.
 */
import { segment, type Segmentation } from '../segment';
import type { QaIndex, QaSentence, QaToken } from './model';
import { isContentWord, termOf } from './terms';

/** Tokens of one sentence past this are not indexed: a "sentence" that long is not prose. */
export const MAX_TOKENS_PER_SENTENCE = 400;
/** Sentences past this are not indexed (bounded work on hostile or book-length input). */
export const MAX_SENTENCES = 5000;

/** What a word-like surface form gives every time it occurs: its lowercase form, matching key and role. */
interface WordEntry {
  readonly lower: string;
  readonly term: string;
  readonly content: boolean;
  /** Starts with a capital letter (a name when it is not the sentence's first word). */
  readonly capitalized: boolean;
}

const wordCache = new Map<string, WordEntry>();
/** Bound on the memo so a hostile stream of distinct words cannot grow it without limit. */
const WORD_CACHE_MAX = 50_000;
/**
 * Longer surfaces are not kept: V8 makes a slice of 13 characters or more a view into the whole
 * article text, and a cached key would keep that text alive. Such words are rare in any case.
 */
const MAX_CACHED_SURFACE = 12;

/** The entry of a word, number or abbreviation, memoized: news repeats its words, and stemming is the cost. */
function wordEntry(surface: string): WordEntry {
  const hit = wordCache.get(surface);
  if (hit !== undefined) return hit;
  const lower = surface.toLowerCase();
  const entry: WordEntry = { lower, term: termOf(lower), content: isContentWord(lower), capitalized: /^\p{Lu}/u.test(surface) };
  if (surface.length > MAX_CACHED_SURFACE) return entry;
  if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
  wordCache.set(surface, entry);
  return entry;
}

/** A token that is one of " ' : ( [ alone: a capital after it may open a quotation, a label's text or an aside. */
function opensPhrase(folded: string, t: { start: number; end: number }): boolean {
  if (t.end - t.start !== 1) return false;
  const c = folded.charCodeAt(t.start);
  return c === 0x22 || c === 0x27 || c === 0x3a || c === 0x28 || c === 0x5b;
}

/** Words that open a sentence about the previous sentence's subject. */
const ANAPHORIC_OPENERS = new Set(['he', 'she', 'it', 'they', 'his', 'her', 'its', 'their', 'this', 'that', 'these', 'those', 'there', 'here']);
const PERSONAL_OPENERS = new Set(['he', 'she', 'they', 'his', 'her', 'their', 'it', 'its']);
const DEFINITE_OPENERS = new Set(['the', 'this', 'these', 'that', 'those', 'such']);
const NO_TERMS: ReadonlySet<string> = new Set();
/** Words of an opening phrase before a comma and a pronoun ("In the spring of 1329, he"), at most. */
const MAX_OPENING_PHRASE = 6;
/** Name terms taken over at most (a predecessor listing dozens of names is a list, not a subject). */
const MAX_INHERITED = 24;

/**
 * The name terms a sentence takes over from its predecessor: when it opens with a pronoun ("It
 * is here that...", also after a short phrase and a comma: "In 1329, he founded..."), or with
 * "the/this + common noun" ("The academy was..."), the capitalized
 * words of the previous sentence and what that one inherited itself. Retrieval counts them only
 * where the sentence does not repeat them.
 */
function inheritedNames(tokens: readonly QaToken[], previous: QaSentence | undefined): ReadonlySet<string> {
  if (!previous) return NO_TERMS;
  let k = 0;
  while (k < tokens.length && tokens[k]!.kind === 'punct') k++;
  // "In 1542, he ...", "However, it ...", "On Monday, they ...": a short opening phrase up to a
  // comma, then a personal pronoun, opens the sentence as the pronoun alone would.
  let c = k;
  while (c < tokens.length && c - k < MAX_OPENING_PHRASE && tokens[c]!.kind !== 'punct') c++;
  if (c > k && tokens[c]?.text === ',' && PERSONAL_OPENERS.has(tokens[c + 1]?.lower ?? '')) k = c + 1;
  const first = tokens[k];
  if (!first) return NO_TERMS;
  const second = tokens[k + 1];
  // "The academy ..." after "the Orsini Academy": the noun was just named (or is the subject carried
  // so far); "The mayor ..." after a sentence about residents is a new subject.
  const anaphoric =
    ANAPHORIC_OPENERS.has(first.lower) ||
    (DEFINITE_OPENERS.has(first.lower) && second !== undefined && second.kind === 'word' && /^\p{Ll}/u.test(second.text) && (previous.termCounts.has(second.term) || previous.inherited.has(second.term)));
  if (!anaphoric) return NO_TERMS;
  const out = new Set<string>();
  const capitalized = (t: QaToken | undefined): boolean => t !== undefined && t.content && /^\p{Lu}/u.test(t.text);
  for (let i = 0; i < previous.tokens.length && out.size < MAX_INHERITED; i++) {
    const t = previous.tokens[i]!;
    // The first word's capital is the sentence's, unless the next word continues a name ("Maple Hall").
    if (capitalized(t) && (i > 0 || capitalized(previous.tokens[1]))) out.add(t.term);
  }
  // A predecessor without names of its own passes on what it inherited ("Maple Hall was built ...
  // It burned ... The hall was rebuilt ..."); the set is shared, not copied, so a chain stays linear.
  if (out.size === 0) return previous.inherited;
  // A pronoun continues the subject the predecessor itself carried over ("Tugh Temür ... He adopted
  // Confucian measures ... His most concrete effort ..."): its names join the predecessor's own
  // (bounded by MAX_INHERITED, so the work per sentence stays constant).
  if (PERSONAL_OPENERS.has(first.lower)) for (const t of previous.inherited) if (out.size < MAX_INHERITED) out.add(t);
  return out;
}

export function prepareIndex(text: string, seg: Segmentation = segment(text)): QaIndex {
  const { folded } = seg;
  const sentences: QaSentence[] = [];
  const sentenceFrequency = new Map<string, number>();
  const knownNames = new Set<string>();
  let totalLength = 0;
  for (let si = 0; si < seg.sentences.length && si < MAX_SENTENCES; si++) {
    const s = seg.sentences[si]!;
    const tokens: QaToken[] = [];
    const termCounts = new Map<string, number>();
    let length = 0;
    let wordsSeen = 0;
    const last = Math.min(s.tokenEnd, s.tokenStart + MAX_TOKENS_PER_SENTENCE);
    for (let ti = s.tokenStart; ti < last; ti++) {
      const t = seg.tokens[ti]!;
      const surface = folded.slice(t.start, t.end);
      const wordLike = t.kind === 'word' || t.kind === 'number' || t.kind === 'abbrev';
      if (!wordLike) {
        const lower = surface.toLowerCase();
        tokens.push({ start: t.start, end: t.end, text: surface, lower, term: lower, kind: t.kind, content: false });
        continue;
      }
      const { lower, term, content, capitalized } = wordEntry(surface);
      tokens.push({ start: t.start, end: t.end, text: surface, lower, term, kind: t.kind, content });
      // A capital inside the sentence (not its first word, not after a quote or colon) marks a name.
      if (wordsSeen > 0 && capitalized && !opensPhrase(folded, seg.tokens[ti - 1]!)) knownNames.add(lower);
      wordsSeen++;
      if (content) {
        length++;
        termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
      }
    }
    for (const term of termCounts.keys()) sentenceFrequency.set(term, (sentenceFrequency.get(term) ?? 0) + 1);
    totalLength += length;
    sentences.push({ index: si, start: s.start, end: s.end, tokens, termCounts, length, inherited: inheritedNames(tokens, sentences[sentences.length - 1]) });
  }
  return {
    text,
    folded,
    sentences,
    sentenceFrequency,
    averageLength: sentences.length ? totalLength / sentences.length : 0,
    tags: new Map(),
    knownNames,
    segmentation: seg,
  };
}
