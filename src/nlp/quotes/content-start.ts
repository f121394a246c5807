/**
 * Where the content of a cue starts and what may open it: the audience ("told reporters"), an
 * adjunct ("said in a statement that", "said on Friday he"), a parenthetical adverb, "that" or a
 * colon after the cue; an object a cue takes as its content ("announced his candidacy") and a
 * one-word answer ("said yes").
 */
import { AUDIENCE_WORDS, CUE_VERBS } from '../lexicon/speech-verbs';
import { PRONOUNS } from '../lexicon/titles-roles';
import { isCapitalized, isQuoteMark, isWord, type QuoteContext } from './context';
import { descriptorStartingAt, mentionStartingAt } from './mentions';
import { CLAUSE_SIGNS, NOMINATIVE_PRONOUNS, OBJECT_DETERMINERS, isTerminal, isVerbLike, opensSubject } from './word-classes';
import { afterTimeAdjunct, timeAdjunctAfter } from './time-adjuncts';

/** Prepositions and time words that open an adjunct between a cue and its content ("said in a statement that"). */
export const ADJUNCT_OPENERS = new Set([
  'in', 'on', 'at', 'during', 'via', 'after', 'before', 'from', 'with', 'over', 'to', 'through', 'earlier',
  'later', 'last', 'this', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'today', 'yesterday', 'tonight', 'recently', 'previously', 'again', 'publicly', 'privately', 'repeatedly',
  'also', 'then', 'afterward', 'afterwards', 'separately', 'late', 'early', 'of', 'several', 'when', 'while',
  'outside', 'inside', 'near', 'following', 'amid', 'ahead', 'behind', 'throughout', 'upon', 'under', 'for',
  'about', 'regarding',
]);
/** Adverbs set off by commas right after a cue ("said, however, that"). */
const PARENTHETICAL_ADVERBS = new Set(['however', 'though', 'moreover', 'again', 'too', 'also', 'nonetheless', 'nevertheless', 'furthermore', 'instead']);
/** Most words of a state or country in apposition to a place ("Buffalo, New York, that"). */
const MAX_PLACE_TOKENS = 3;
/** Most tokens an adjunct may take before its "that", comma or colon ("after a closed-door meeting with the mayor and her staff that"). */
const MAX_ADJUNCT_TOKENS = 16;
/** Relative pronouns that open a comma-enclosed clause inside an adjunct ("after the meeting, which ran late, that"). */
export const RELATIVE_OPENERS = new Set(['which', 'who', 'where', 'when', 'whose']);

/** Most tokens of a relative clause inside an adjunct ("that he attended", "that ended the strike"). */
const MAX_RELATIVE_TOKENS = 6;

/** Words after a cue that show it takes no clause here ("said to be", "agreed to", "told of"). */
export const NOT_CLAUSE_START = new Set(['to', 'about', 'of', 'for', 'by', 'with', 'as', 'so', 'in', 'on', 'at', 'up', 'off', 'out', 'it.', 'nothing', 'anything', 'something', 'little', 'much', 'more', 'yes', 'no']);

/** Verbs whose audience object comes right after them ("told reporters", "assured him"). */
export const TAKES_AUDIENCE = new Set(['tell', 'inform', 'assure', 'warn', 'remind', 'ask', 'urge', 'promise', 'write']);

/** Index of the token after `i` that starts the content (skipping audience, adjuncts, "that"). */
export function contentStartAfterCue(ctx: QuoteContext, cue: number, lemma: string, te: number): { at: number; marker: 'that' | 'colon' | 'quote' | 'bare' } {
  let j = cue + 1;
  if (TAKES_AUDIENCE.has(lemma) && j < te) {
    // "told the local weekly, "..."": any short phrase closed by the comma before a quotation is the audience.
    const aud = mentionStartingAt(ctx, j, te - 1) ?? descriptorStartingAt(ctx, j, te - 1);
    // "told his supporters, "..."" / "told his staff that": a phrase closed by the content's marker.
    const after = aud ? aud.last + 1 : -1;
    const closedByMarker = aud !== null && (ctx.words[after] === 'that' || ctx.words[after] === ':' || (ctx.words[after] === ',' && isQuoteMark(ctx, after + 1)) ||
      (lemma === 'ask' && QUESTION_OPENERS.has(ctx.words[after] ?? '') && ctx.words[after] !== 'about') ||
      // "told the paper she would ...": a subject pronoun can only open the clause.
      (NOMINATIVE_PRONOUNS.has(ctx.words[after] ?? '') && isWord(ctx, after + 1)));
    if (aud && (AUDIENCE_WORDS.has(ctx.words[j]!) || aud.type !== 'role' || ctx.words[aud.last] === 'reporters' || closedByMarker)) j = aud.last + 1;
    else if (!aud) j = audienceBeforePronoun(ctx, j, te);
  }
  // "He said, however, that ...": a parenthetical adverb between the cue and its content.
  if (ctx.words[j] === ',' && PARENTHETICAL_ADVERBS.has(ctx.words[j + 1] ?? '') && ctx.words[j + 2] === ',') j += 3;
  // "pointed out that ...", "points to the polls": the particle belongs to the cue.
  if (lemma === 'point' && (ctx.words[j] === 'out' || ctx.words[j] === 'to') && j + 1 < te) j++;
  // "said on Friday he met ...", "told reporters last week the plan was dead": a time adjunct, then a
  // clause with a subject of its own.
  const afterTime = timeAdjunctAfter(ctx, j, te);
  if (afterTime > j && opensSubject(ctx, afterTime) && ctx.words[afterTime] !== 'that' && afterTime + 1 < te) j = afterTime;
  // An adjunct ended by "that", a comma or a colon.
  else if (j < te && ADJUNCT_OPENERS.has(ctx.words[j]!) && ctx.words[j - 1] !== 'to') {
    const end = adjunctEnd(ctx, j, te);
    if (end >= 0) j = end;
    // "said on Friday he met ...": a time adjunct, then the clause with no "that".
    else j = afterTimeAdjunct(ctx, j, te);
    // "said during a visit to Hilo, Hawaii, that ...": a place's state or country set off
    // by commas is still the adjunct's.
    if (end >= 0 && ctx.words[j] === ',') {
      let k = j + 1;
      while (k < te && k <= j + MAX_PLACE_TOKENS && isCapitalized(ctx, k) && isWord(ctx, k)) k++;
      if (k > j + 1 && ctx.words[k] === ',' && ctx.words[k + 1] === 'that') j = k + 1;
    }
  }
  if (ctx.words[j] === ',' && j + 1 < te && isQuoteMark(ctx, j + 1)) return { at: j + 1, marker: 'quote' };
  // "He added, that there is ...": a stray comma before the complementizer.
  if (ctx.words[j] === ',' && ctx.words[j + 1] === 'that' && j === cue + 1 && !isVerbLike(ctx, j + 2)) return { at: j + 2, marker: 'that' };
  if (ctx.words[j] === 'that') return { at: j + 1, marker: 'that' };
  if (ctx.words[j] === ':') return { at: j + 1, marker: 'colon' };
  if (j < te && isQuoteMark(ctx, j)) return { at: j, marker: 'quote' };
  return { at: j, marker: 'bare' };
}

/** Most words of a plain audience phrase before the clause's pronoun ("told the local paper she ..."). */
const MAX_PLAIN_AUDIENCE_WORDS = 3;

/**
 * After a verb that takes an audience, a short phrase opened by a determiner and closed by a subject
 * pronoun ("told the paper she would ...", "assured the local board they had ..."): the token of the
 * pronoun, where the clause starts; `j` when the words are no such phrase.
 */
function audienceBeforePronoun(ctx: QuoteContext, j: number, te: number): number {
  if (!OBJECT_DETERMINERS.has(ctx.words[j] ?? '')) return j;
  for (let m = j + 1; m < te && m <= j + MAX_PLAIN_AUDIENCE_WORDS; m++) {
    const w = ctx.words[m]!;
    if (NOMINATIVE_PRONOUNS.has(w)) return m > j + 1 && isWord(ctx, m + 1) ? m : j;
    if (!isWord(ctx, m) || ctx.regionOf[m]! >= 0 || CUE_VERBS.has(w) || CLAUSE_SIGNS.has(w) || AUDIENCE_STOPS.has(w)) return j;
  }
  return j;
}

/** Words that cannot sit inside a short audience phrase. */
const AUDIENCE_STOPS = new Set(['that', 'to', 'of', 'about', 'for', 'and', 'or', 'but']);

/**
 * The "that" at `k` inside an adjunct is a relative pronoun, not the complementizer, when a verb
 * follows it ("after the meeting that ended the strike that ...") or a short subject and a past verb
 * follow and then a second "that" opening a clause ("after the meeting that he attended that ...").
 * Returns the token to resume scanning at, or -1 when this "that" starts the content.
 */
function relativeThatEnd(ctx: QuoteContext, k: number, te: number): number {
  if (isVerbLike(ctx, k + 1)) return k + 2;
  const limit = Math.min(te - 1, k + MAX_RELATIVE_TOKENS);
  for (let m = k + 2; m <= limit; m++) {
    const w = ctx.words[m]!;
    if (w === ',' || w === ':' || isQuoteMark(ctx, m)) return -1;
    if (w === 'that') return isVerbLike(ctx, m - 1) && opensSubject(ctx, m + 1) ? m : -1;
  }
  return -1;
}

/**
 * The token that ends an adjunct opened at `j` ("in a statement that", "after the meeting, which ran
 * late, that", "after the meeting that he attended that"): its "that", comma or colon; -1 when the
 * words after `j` are the content itself. Bounded by MAX_ADJUNCT_TOKENS.
 */
function adjunctEnd(ctx: QuoteContext, j: number, te: number): number {
  const limit = Math.min(te, j + MAX_ADJUNCT_TOKENS);
  let inRelative = false;
  for (let k = j + 1; k < limit; k++) {
    const w = ctx.words[k]!;
    if (w === ':') return k;
    if (w === ',') {
      if (k + 1 >= te) return -1;
      if (!RELATIVE_OPENERS.has(ctx.words[k + 1]!)) return k;
      // A comma-enclosed relative clause: resume after its closing comma.
      let c = k + 2;
      while (c < limit && ctx.words[c] !== ',' && !isQuoteMark(ctx, c)) c++;
      if (c >= limit || ctx.words[c] !== ',') return -1;
      if (ctx.words[c + 1] !== 'that') return c;
      k = c;
      continue;
    }
    if (w === 'that') {
      const resume = relativeThatEnd(ctx, k, te);
      if (resume < 0) return k;
      if (ctx.words[resume] === 'that') return resume;
      inRelative = true;
      k = resume - 1;
      continue;
    }
    if (isQuoteMark(ctx, k) || CUE_VERBS.has(w)) return -1;
    if (!inRelative && CLAUSE_SIGNS.has(w)) return -1;
  }
  return -1;
}

/** Words that open the question after "asked" ("asked whether ...", "asked about the plan"). */
export const QUESTION_OPENERS = new Set(['whether', 'if', 'what', 'who', 'whom', 'which', 'how', 'why', 'when', 'where', 'about']);

/** Whether token `k` opens a noun phrase that a cue can take as its object. */
export function opensObjectPhrase(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k];
  if (w === undefined || ctx.regionOf[k]! >= 0) return false;
  // "described themselves as liberals": a reflexive object with its "as" phrase is the description.
  const reflexive = REFLEXIVES.has(w) && ctx.words[k + 1] === 'as';
  return OBJECT_DETERMINERS.has(w) || reflexive || (isCapitalized(ctx, k) && isWord(ctx, k) && !(w in PRONOUNS));
}

/**
 * Whether the words at `k` after "say" are a one-word answer: "yes" or "no" that ends the clause
 * ("said yes.", "said no, but ...") or says no to something ("said no to the war").
 */
export function isOneWordAnswer(ctx: QuoteContext, k: number, te: number): boolean {
  const w = ctx.words[k];
  if ((w !== 'yes' && w !== 'no') || ctx.regionOf[k]! >= 0) return false;
  const next = ctx.words[k + 1];
  return k + 1 >= te || isTerminal(ctx, k + 1) || next === ',' || next === 'to';
}

/** Reflexive pronouns that a verb of describing takes as its object ("described himself as"). */
const REFLEXIVES = new Set(['himself', 'herself', 'themselves', 'itself', 'myself', 'ourselves']);
