/**
 * Tail attributions, set off after their content (`"...," X said.`, `..., X said.`, the inversion
 * `"...," said X.` and the middle `"A," she said, "B."`): the comma, dash or mark that sets one off,
 * whether the words before it are reported speech or only an opening phrase, what may follow the cue
 * (an audience, an adjunct, the speaker's appositives, a second fragment), and the frame itself.
 */
import { CLAUSE_WITHOUT_THAT, CUE_VERBS, NOUNLIKE_LEMMAS, type CueClass } from '../lexicon/speech-verbs';
import { ROLE_OPENERS, TITLES } from '../lexicon/titles-roles';
import { isCapitalized, isQuoteMark, isWord, type QuoteContext } from './context';
import { directRegions, trimSpan, type Span } from './content';
import { mentionStartingAt, type Mention } from './mentions';
import type { Frame, FramePattern } from './frame-types';
import { ASKED_LEADS, CLAUSE_SIGNS, DASHES, NAME_GOVERNORS, SUBORDINATORS, isFiniteVerb, isTerminal, isThirdPersonLike, tokStart } from './word-classes';
import { TIME_ANCHORS, timeAdjunctEnd } from './time-adjuncts';
import { ADJUNCT_OPENERS, TAKES_AUDIENCE } from './content-start';
import { contentToEnd, sentenceBounds } from './content-end';

/** Fewest words of reported speech before a tail attribution. */
const MIN_TAIL_CLAUSE_WORDS = 3;
/** Pronouns and possessives that can only open a clause's subject right after "said". */
const CLAUSE_SUBJECT_WORDS = new Set(['he', 'she', 'they', 'we', 'i', 'his', 'their', 'our', 'my']);

/**
 * The comma, dash or closing mark that sets off a tail attribution before `mention`, allowing up to
 * three plain words between ("Hilo fire Chief Ana Reyes"): -1 when there is none.
 */
export function tailBoundary(ctx: QuoteContext, mention: Mention, ts: number): number {
  for (let b = mention.first - 1; b >= ts && b >= mention.first - 4; b--) {
    const w = ctx.words[b]!;
    if (w === ',' || DASHES.has(w) || (isQuoteMark(ctx, b) && ctx.regionOf[b]! >= 0 && ctx.regions[ctx.regionOf[b]!]!.close === ctx.seg.tokens[b]!.start)) return b;
    if (w === '.' && TITLES.has(ctx.words[b - 1] ?? '')) continue;
    if (!isWord(ctx, b) || ctx.regionOf[b]! >= 0 || CUE_VERBS.has(w) || w === 'that' || SUBORDINATORS.has(w)) return -1;
  }
  return -1;
}

/**
 * `Lee was calm: "We signed it," he said.`: when the words before a tail are a quotation that a
 * colon introduces, the narrator's words before the colon are no part of the content; the
 * quotation's opening mark starts it. Null when the tail follows no such quotation.
 */
function introducedQuotationStart(ctx: QuoteContext, ts: number, boundary: number): number | null {
  // The quotation closes at the boundary, or right before its comma ('"...," he said').
  const close = isQuoteMark(ctx, boundary) ? boundary : ctx.words[boundary] === ',' && isQuoteMark(ctx, boundary - 1) ? boundary - 1 : -1;
  if (close < 0 || ctx.regionOf[close]! < 0) return null;
  const region = ctx.regionOf[close]!;
  let open = close - 1;
  while (open > ts && ctx.regionOf[open - 1] === region) open--;
  return open - 1 >= ts && ctx.words[open - 1] === ':' && ctx.regionOf[open - 1]! < 0 ? tokStart(ctx, open) : null;
}

/**
 * Tail frames: content before the mention (from the sentence start), and for a middle attribution
 * the rest of the sentence as a second fragment. `boundary` is the comma or mark before the attribution.
 */
export function tailFrame(
  ctx: QuoteContext, s: number, cue: number, attrLast: number, mention: Mention, pattern: FramePattern,
  cls: CueClass, ts: number, te: number, boundary: number,
): Frame | null {
  const { start } = sentenceBounds(ctx, s);
  const firstEnd = isQuoteMark(ctx, boundary) ? ctx.seg.tokens[boundary]!.end : tokStart(ctx, boundary);
  const first = trimSpan(ctx.folded, introducedQuotationStart(ctx, ts, boundary) ?? start, firstEnd);
  if (!first || boundary <= ts) return null;
  // Reported speech before a tail must be a clause, not an apposition ("Her neighbor, Thomas Reyes, said").
  const firstDirect = directRegions(ctx, first[0], first[1]) !== null;
  // A lone opening phrase or a short subject ("In his town, Okafor said, ...", "The roads, he
  // said, will ...") is content only as the first half of a middle attribution.
  const leadPhrase = !firstDirect && (wordCount(ctx, first) < MIN_TAIL_CLAUSE_WORDS || !isClauseBeforeTail(ctx, ts, boundary));
  // What follows the attribution: the end, an audience or adjunct then the end ("told USA Today.",
  // "said Monday.", "said several months after her release."), or ", <second fragment>".
  let k = attrLast + 1;
  const lemma = CUE_VERBS.get(ctx.words[cue]!)?.lemma ?? '';
  if (TAKES_AUDIENCE.has(lemma) && k < te) {
    const aud = mentionStartingAt(ctx, k, te - 1);
    if (aud) k = aud.last + 1;
  }
  // The tail's adjunct runs to the end of the sentence, however long ("said on Thursday during a
  // speech at the Council on ... in New York"). After a quotation the words there can only be
  // adjuncts ("told MSNBC when asked about claims that ..."): only content right after the cue
  // ("said that", "said: "...") makes it something else.
  const afterQuotation = firstDirect;
  const adjunctStart = k;
  // After reported speech, a clause right after the cue makes the words before it an adverbial, not
  // content ("When asked about it, Cruz said he knows ...", "In his email, Lee said the council ...").
  if (!firstDirect && pattern === 'tail' && k < te && !isTerminal(ctx, k) && !opensTailAdjunct(ctx, k) && !shortAudienceToEnd(ctx, k, te, lemma)) return null;
  // After a quotation too, a pronoun or possessive subject right after "said" opens the cue's own
  // clause (`"Go! Go!," the coach said his team was "finishing strong."`): the head rule
  // takes it, and the quotation before is left to the other rules.
  if (firstDirect && pattern === 'tail' && k === cue + 1 && CLAUSE_WITHOUT_THAT.has(lemma) && CLAUSE_SUBJECT_WORDS.has(ctx.words[k] ?? '') && k + 1 < te && isWord(ctx, k + 1)) return null;
  while (k < te && ctx.words[k] !== ',' && ctx.words[k] !== ':' && !isTerminal(ctx, k)) {
    const reg = ctx.regionOf[k]!;
    // A short title in quotation marks ("on CNN's "State of the Union."") is part of the adjunct.
    if (isQuoteMark(ctx, k) && reg >= 0 && ctx.regions[reg]!.words <= 5 && ctx.regions[reg]!.close >= 0) {
      while (k + 1 < te && ctx.regionOf[k + 1] === reg) k++;
      k++;
      continue;
    }
    if (isQuoteMark(ctx, k)) break;
    if (afterQuotation) {
      if (k === adjunctStart && ctx.words[k] === 'that') break;
      k++;
      continue;
    }
    const other = CUE_VERBS.get(ctx.words[k]!);
    if (ctx.words[k] === 'that' || (other?.cls === 'speech' && !NOUNLIKE_LEMMAS.has(other.lemma))) break;
    k++;
  }
  const fragments: Span[] = [first];
  const base = { pattern, cueFirst: cue, cueLast: cue, cueClass: cls, mention, sentence: s, trust: mention.type === 'pronoun' ? 0.85 : 0.92 };
  // "Despite the rain, Lee said he would go.": an opening phrase alone is no content; the head rule reads the clause.
  if (k >= te || isTerminal(ctx, k)) return leadPhrase ? null : { ...base, fragments };
  if (ctx.words[k] === ',' || ctx.words[k] === ':') {
    const next = afterSpeakerAppositive(ctx, k + 1, te, pattern);
    // ", adding ..." starts another frame; the gerund rule takes it.
    if (next < te && CUE_VERBS.get(ctx.words[next]!)?.form === 'gerund') return { ...base, fragments };
    const firstIsQuote = directRegions(ctx, first[0], first[1]) !== null;
    // After a quotation only another quotation continues it; after reported speech, the rest of the clause.
    // After a speaker's appositive the content may go on with a name ("..., said Ann Lee, an aide, Teck wants ...").
    const skipped = next > k + 1;
    if (next < te && (firstIsQuote ? isQuoteMark(ctx, next) : !isCapitalized(ctx, next) || isQuoteMark(ctx, next) || skipped)) {
      const second = contentToEnd(ctx, next, s);
      if (second) fragments.push(second);
    }
    if (leadPhrase && (ctx.words[k] !== ',' || fragments.length < 2)) return null;
    // "In a statement, Lopez said, "...": an opening phrase is no half of a quotation.
    if (leadPhrase && directRegions(ctx, fragments[1]![0], fragments[1]![1])) return { ...base, fragments: [fragments[1]!] };
    return { ...base, fragments };
  }
  if (leadPhrase) return null;
  // Something else follows ("Trump said Clinton lied" after a comma): a head frame, not a tail.
  if (pattern === 'tail') return null;
  return { ...base, fragments };
}

/** Fewest words of a capitalized quotation that may hold a clause's verb (shorter ones are titles). */
const MIN_QUOTED_CLAUSE_WORDS = 6;
/** Words that open an adverbial before a tail attribution, besides prepositions ("Despite ...", "When asked ..."). */
const ADVERBIAL_OPENERS = new Set([...SUBORDINATORS, 'despite', 'amid', 'following', 'upon']);

/**
 * After an inverted cue and its speaker's comma (`"...," said Ann Lee, executive director of the
 * union.`, `The plan, said Ann Lee, a planner in the city, will fail.`), a phrase with no verb before
 * its own comma is the speaker's appositive: the token after it (its comma's next token, or the
 * sentence end); `k` when the words at `k` go on with the content.
 */
function afterSpeakerAppositive(ctx: QuoteContext, k: number, te: number, pattern: FramePattern): number {
  if (pattern !== 'inverted') return k;
  let at = k;
  // Two in a row at most ("Ann Lee, director of the union, a group that has ...,").
  for (let n = 0; n < MAX_SPEAKER_APPOSITIVES && at < te && ctx.regionOf[at]! < 0; n++) {
    // A second one must open as a noun phrase does ("a union that ..."), not as the content goes on.
    if (n > 0 && !ROLE_OPENERS.has(ctx.words[at]!)) return at;
    let j = at;
    let relative = false;
    for (; j < te && !isTerminal(ctx, j) && ctx.words[j] !== ','; j++) {
      // A relative clause inside the phrase ("a union that has endorsed her") has verbs of its own.
      if ((j > at || ctx.words[j] !== 'that') && RELATIVE_WORDS.has(ctx.words[j]!)) relative = true;
      if (ctx.regionOf[j]! >= 0 || (!relative && (isFiniteVerb(ctx, j) || CLAUSE_SIGNS.has(ctx.words[j]!) || /n['’]t$/.test(ctx.words[j]!)))) return at;
    }
    at = ctx.words[j] === ',' ? j + 1 : te;
  }
  return at;
}

/** Most appositives read after an inverted speaker. */
const MAX_SPEAKER_APPOSITIVES = 2;
/** Words that open a relative clause inside an appositive. */
const RELATIVE_WORDS = new Set(['who', 'whose', 'which', 'that']);

/**
 * Whether reported speech before a tail attribution reads as a clause rather than a phrase that
 * opens the sentence ("In a statement, her adviser, Jake Moss, said: ...", "At the town hall in
 * Hudson, New Hampshire, the teacher retorted: ...", "Despite the rain, Lee said ...", "Wednesday on
 * CNN, Lee said ..."): one that opens with a preposition, a subordinator or a day needs a verb of
 * its own ("In Iraq, the roads are closed, he said") or a quotation, which may hold the verb
 * (`During the call, the leaders "agreed to ...," the aide said`).
 */
function isClauseBeforeTail(ctx: QuoteContext, ts: number, boundary: number): boolean {
  let k = ts;
  while (k < boundary && !isWord(ctx, k)) k++;
  const w = ctx.words[k] ?? '';
  // "Asked whether he would run, Lee said ...", "When asked about it, Lee said ...": the question is
  // someone else's words (askedFrame), not the speaker's.
  if (CUE_VERBS.get(w)?.lemma === 'ask' || (ASKED_LEADS.has(w) && CUE_VERBS.get(ctx.words[k + 1] ?? '')?.lemma === 'ask')) return false;
  if (!NAME_GOVERNORS.has(w) && !ADVERBIAL_OPENERS.has(w) && !TIME_ANCHORS.has(w)) return true;
  for (; k < boundary; k++) if (isFiniteVerb(ctx, k) || isThirdPersonLike(ctx, k) || quotesWords(ctx, k)) return true;
  return false;
}

/** Token `k` opens a quotation of someone's words, not a title ("on ABC's "Good Morning America""): lowercase or long. */
function quotesWords(ctx: QuoteContext, k: number): boolean {
  const r = ctx.regionOf[k]!;
  if (r < 0 || !isQuoteMark(ctx, k)) return false;
  return ctx.regions[r]!.words >= MIN_QUOTED_CLAUSE_WORDS || (isWord(ctx, k + 1) && !isCapitalized(ctx, k + 1));
}

/** Words (letter and digit runs) in span [a, b). */
function wordCount(ctx: QuoteContext, [a, b]: Span): number {
  return (ctx.folded.slice(a, b).match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** Most words of an audience and adjunct that end a tail ("told her.", "told a Senate panel Wednesday."). */
const MAX_TAIL_AUDIENCE_WORDS = 6;

/**
 * Whether the words from `k` to the end of the sentence are only the audience of a verb that takes
 * one, with a short adjunct ("..., the president told her.", "..., Lee told a Senate panel
 * Wednesday."): a few words, no verb, no "that" and no quotation.
 */
function shortAudienceToEnd(ctx: QuoteContext, k: number, te: number, lemma: string): boolean {
  if (!TAKES_AUDIENCE.has(lemma)) return false;
  let words = 0;
  for (let j = k; j < te && !isTerminal(ctx, j); j++) {
    const w = ctx.words[j]!;
    if (ctx.regionOf[j]! >= 0 || w === 'that' || CLAUSE_SIGNS.has(w) || isFiniteVerb(ctx, j) || (CUE_VERBS.has(w) && !isCapitalized(ctx, j))) return false;
    if (!isWord(ctx, j) && ctx.seg.tokens[j]!.kind !== 'number' && w !== '.') return false;
    if (++words > MAX_TAIL_AUDIENCE_WORDS) return false;
  }
  return true;
}

/** Whether token `k` after a tail cue opens an adjunct of it ("in a statement", "Monday", "flatly", "of the plan"). */
export function opensTailAdjunct(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k]!;
  if (w === ',' || w === ':' || DASHES.has(w) || w === '(' || ctx.seg.tokens[k]!.kind === 'number') return true;
  if (isQuoteMark(ctx, k)) return true;
  return ADJUNCT_OPENERS.has(w) || TIME_ANCHORS.has(w) || SUBORDINATORS.has(w) || (w.length > 3 && w.endsWith('ly')) ||
    timeAdjunctEnd(ctx, k, ctx.seg.sentences[ctx.sentenceOf[k]!]!.tokenEnd) > k;
}
