/**
 * Penalties: what a reader does not want in a summary. Each rule multiplies a sentence's score by a
 * factor in [0, 1]; a factor of 0 means the sentence is never picked. Static rules look at the
 * sentence alone; the opener rule depends on the selection (a sentence opening with "He" or "But"
 * is fine right after the sentence it continues).
 */
import { BOILERPLATE_RULES, CAPTION_LABEL_EXCEPTIONS, UNRESOLVED_OPENERS } from '../lexicon/summary-boilerplate';
import type { SentenceFeatures } from './features';

export interface Penalty {
  readonly id: string;
  readonly factor: number;
}

/** Fewer words than this is a fragment, a heading or a line of furniture ("News.Az"). */
export const MIN_WORDS = 6;
/** Below this a sentence is still thin: a lighter penalty. */
export const SHORT_WORDS = 10;
/** More words than this is usually a run-on (captions glued together) and too long for a chat reply. */
export const LONG_WORDS = 55;
/** Beyond this it is rejected outright. */
export const MAX_WORDS = 110;

/**
 * The last character of `s` before its trailing closing quotes and brackets (' " ) ]), or -1:
 * what `/[.!?]['")\]]*$/` and its kin look at, read from the end instead of scanning from the start.
 */
export function finalCharCode(s: string): number {
  let i = s.length - 1;
  while (i >= 0) {
    const c = s.charCodeAt(i);
    if (c !== 0x27 && c !== 0x22 && c !== 0x29 && c !== 0x5d) break;
    i--;
  }
  return i >= 0 ? s.charCodeAt(i) : -1;
}

/** Ends with a full stop, a question mark or an exclamation mark (closers aside). */
function endsTerminal(f: SentenceFeatures): boolean {
  const c = finalCharCode(f.folded);
  return c === 0x2e || c === 0x3f || c === 0x21;
}

/** Length and shape rules, as data: [id, test, factor, reason]. */
export const SHAPE_RULES: ReadonlyArray<readonly [string, (f: SentenceFeatures) => boolean, number, string]> = [
  ['fragment', (f) => f.wordCount < MIN_WORDS, 0, 'too short to stand alone'],
  ['short', (f) => f.wordCount >= MIN_WORDS && f.wordCount < SHORT_WORDS, 0.7, 'thin: little information'],
  ['overlong', (f) => f.wordCount > MAX_WORDS, 0, 'a run-on: usually several captions or lines glued together'],
  ['long', (f) => f.wordCount > LONG_WORDS && f.wordCount <= MAX_WORDS, 0.6, 'long: hard to read in a reply, often a glued caption'],
  ['question', (f) => finalCharCode(f.folded) === 0x3f, 0.3, 'a question raises a point, it does not state the news'],
  ['no-terminal', (f) => !endsTerminal(f) && !f.wholeParagraph, 0.35, 'no final punctuation: a caption or a cut line'],
  ['heading', (f) => !endsTerminal(f) && f.wholeParagraph, 0.05, 'a line standing alone with no full stop: a heading or a sign-off ("News.Az")'],
  ['opens-with-quote', (f) => /^['"]/.test(f.folded), 0.7, 'a bare quotation: the summary should say who said it'],
  ['starts-lowercase', (f) => /^['"(\[]?\p{Ll}/u.test(f.folded), 0.3, 'a cut: the tail of a sentence split at an abbreviation or a number ("pm on Friday, police said.")'],
  // A match is at most seven characters (" with ."), so only the sentence's last seven are searched.
  ['cut-ending', (f) => /\s(?:a|an|the|of|to|with|and|or)\s?\.$/i.test(f.folded.slice(-7)), 0.3, 'a cut: the head of a sentence split at a number ("shot with a .")'],
  ['exclamation', (f) => finalCharCode(f.folded) === 0x21, 0.6, 'exclamations are colour, not news'],
];

/** The static penalties that apply to a sentence (empty when it is clean). */
export function staticPenalties(f: SentenceFeatures): Penalty[] {
  const out: Penalty[] = [];
  for (const rule of BOILERPLATE_RULES) {
    if (!rule.pattern.test(f.folded)) continue;
    if (rule.id === 'caption-label' && CAPTION_LABEL_EXCEPTIONS.test(captionLabelContext(f.folded))) continue;
    out.push({ id: rule.id, factor: rule.factor });
  }
  for (const [id, test, factor] of SHAPE_RULES) if (test(f)) out.push({ id, factor });
  return out;
}

/** The words around the first caption-label colon, to tell "Mr Wang said: Big" from "Skilful: The". */
function captionLabelContext(folded: string): string {
  const m = /[a-z0-9)] [A-Z][a-z'-]+(?: [a-z'-]+)?: [A-Z]/.exec(folded);
  return m ? m[0] : '';
}

/**
 * Penalties that do not apply to the lede (the story's first real sentence), with why. Daily Mail
 * copy glues the photo caption into the lede ("... (pictured posed by model) A taxi driver in ..."):
 * the caption wording marks the sentence, but the lede is still the sentence that tells the story.
 */
export const LEDE_EXEMPT_PENALTIES: ReadonlySet<string> = new Set(['caption-marker']);

/**
 * Product of the static penalty factors (for the lede, without LEDE_EXEMPT_PENALTIES), in the
 * order staticPenalties lists them. A fragment or a run-on is 0 whatever else applies, so its
 * patterns are not run; past a factor of 0 nothing can change the product either.
 */
export function staticFactor(f: SentenceFeatures, isLede = false): number {
  if (f.wordCount < MIN_WORDS || f.wordCount > MAX_WORDS) return 0;
  let factor = 1;
  for (const rule of BOILERPLATE_RULES) {
    if (!rule.pattern.test(f.folded)) continue;
    if (rule.id === 'caption-label' && CAPTION_LABEL_EXCEPTIONS.test(captionLabelContext(f.folded))) continue;
    if (isLede && LEDE_EXEMPT_PENALTIES.has(rule.id)) continue;
    factor *= rule.factor;
    if (factor === 0) return 0;
  }
  for (const [id, test, ruleFactor] of SHAPE_RULES) {
    if (!test(f) || (isLede && LEDE_EXEMPT_PENALTIES.has(id))) continue;
    factor *= ruleFactor;
    if (factor === 0) return 0;
  }
  return factor;
}

/**
 * A sentence of the story itself, as opposed to furniture (a byline, a timestamp, "News.Az") or a
 * fragment: only these count when ranking positions, so a page that opens with three lines of
 * furniture still gives its real lede the lede's prior.
 */
export function isStorySentence(f: SentenceFeatures): boolean {
  return isStoryWithFactor(f, staticFactor(f));
}

/** isStorySentence when the sentence's staticFactor is already known (scoring computes it once). */
export function isStoryWithFactor(f: SentenceFeatures, factor: number): boolean {
  return f.wordCount >= MIN_WORDS && factor > 0;
}

/**
 * The opener penalty: a sentence that opens with a pronoun or a connector needs the sentence
 * before it. 1 when the previous sentence is already in the summary or the opener is clean.
 */
export function openerFactor(f: SentenceFeatures, previousSelected: boolean): number {
  if (previousSelected) return 1;
  return UNRESOLVED_OPENERS[f.firstWord]?.factor ?? 1;
}
