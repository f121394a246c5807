/**
 * Word classes and single-token tests that the cue-frame rules share: finite verbs and the words that
 * sign a clause, words that open a clause's subject or an object, prepositions that govern a name,
 * subordinators, dashes, and where a token starts or whether it ends a sentence.
 */
import { CUE_VERBS } from '../lexicon/speech-verbs';
import { isCapitalized, isWord, type QuoteContext } from './context';

/**
 * Finite verbs and subject pronouns: an adjunct has none of its own, so meeting one means the
 * content has begun ("said on Monday the plan was dead and that ..." has no adjunct).
 */
export const CLAUSE_SIGNS = new Set([
  'is', 'are', 'was', 'were', 'will', 'would', 'has', 'have', 'had', 'can', 'could', 'should', 'may', 'might',
  'must', 'did', 'does', 'do', 'he', 'she', 'they', 'we', 'i', 'it',
]);

/** Irregular past forms that follow a relative "that" ("the meeting that he held that ..."). */
const IRREGULAR_PAST = new Set([
  'held', 'had', 'led', 'ran', 'made', 'took', 'gave', 'saw', 'met', 'heard', 'got', 'left', 'began', 'won', 'lost',
  'called', 'sent', 'brought', 'wrote', 'read', 'spoke', 'chose', 'set', 'put', 'cut', 'hit', 'came', 'went', 'drew',
]);

/** Finite auxiliaries and copulas: a subject right before one is a clause's subject. */
export const FINITE_AUX = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'did', 'does', 'do']);

/** Forms of "be" that make a past participle passive ("was told", "were first reported"). */
export const PASSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'been', 'be', 'being']);

/** Words that open a complement clause's subject ("that the plan", "that he", "that Smith"). */
export const SUBJECT_OPENERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'no', 'some', 'all', 'he', 'she', 'they', 'we', 'i', 'it', 'there']);

/** Subject pronouns: after a cue they open its clause ("announced he would run"). */
export const NOMINATIVE_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);

/** Determiners that open an object noun phrase ("announced his candidacy", "denied the report"). */
export const OBJECT_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'this', 'these', 'those', 'any']);

/** Words before a name that make it the object of a phrase, not the subject ("In Paris, ..."). */
export const NAME_GOVERNORS = new Set([
  'in', 'on', 'at', 'from', 'of', 'for', 'with', 'by', 'to', 'near', 'after', 'before', 'during', 'into', 'than',
  'like', 'about', 'against', 'under', 'over', 'via', 'since', 'until', 'outside', 'inside',
]);

/**
 * Words that open a subordinate clause or a prepositional phrase: a cue after one belongs to that
 * clause ("..., when a dozen states held contests", "..., after the mayor said"), not to a tail.
 */
export const SUBORDINATORS = new Set([...NAME_GOVERNORS, 'when', 'while', 'as', 'though', 'although', 'because', 'if', 'since', 'until', 'unless', 'whereas', 'where', 'whether']);

/** Words before a subjectless "asked" ("When asked whether ...", "Lee was asked if ..."). */
export const ASKED_LEADS = new Set(['when', 'if', 'after', 'once', 'before', 'while', 'as', ...PASSIVE_AUX]);

/** Dashes that set off an attribution ("― Julie Diaz", "— he said"). */
export const DASHES = new Set(['\u2014', '\u2015', '\u2013', '-', '--']);

/** Offset where token `i` starts. */
export function tokStart(ctx: QuoteContext, i: number): number {
  return ctx.seg.tokens[i]!.start;
}

/** Token `k` ends a sentence or a clause: ".", "!", "?" or ";". */
export function isTerminal(ctx: QuoteContext, k: number): boolean {
  return ctx.seg.tokens[k]?.kind === 'punct' && ['.', '!', '?', ';'].includes(ctx.words[k]!);
}

/** A lowercase finite verb form outside quotations ("returned", "rallied", "took", "asks", "had"). */
export function isFiniteVerb(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k];
  if (w === undefined || !isWord(ctx, k) || isCapitalized(ctx, k) || ctx.regionOf[k]! >= 0) return false;
  const cue = CUE_VERBS.get(w);
  if (cue) return cue.form === 'past' || cue.form === 'third';
  return FINITE_AUX.has(w) || IRREGULAR_PAST.has(w) || (w.length > 3 && w.endsWith('ed'));
}

/** Whether tokens [from, to) hold a finite verb outside quotations. */
export function hasFiniteVerb(ctx: QuoteContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isFiniteVerb(ctx, k)) return true;
  return false;
}

/** A lowercase word that may be a present-tense verb ("remains", "costs"): enough to call a phrase a clause. */
export function isThirdPersonLike(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k]!;
  return isWord(ctx, k) && !isCapitalized(ctx, k) && ctx.regionOf[k]! < 0 && w.length > 3 && w.endsWith('s') && !w.endsWith('ss');
}

/** A verb form that shows a "that" right before it is relative ("the meeting that ended"). */
export function isVerbLike(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k];
  if (w === undefined || !isWord(ctx, k) || isCapitalized(ctx, k)) return false;
  return (w.length > 3 && w.endsWith('ed')) || IRREGULAR_PAST.has(w) || (CLAUSE_SIGNS.has(w) && !SUBJECT_OPENERS.has(w));
}

/** Whether token `k` opens the subject of a complement clause ("the", "he", "Smith", "prices"?: not known). */
export function opensSubject(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k];
  return w !== undefined && (SUBJECT_OPENERS.has(w) || SUBJECT_OPENERS.has(withoutContraction(w)) || (isCapitalized(ctx, k) && isWord(ctx, k)) || ctx.seg.tokens[k]?.kind === 'number');
}

/** A pronoun with its contracted verb dropped ("he's" -> "he", "they're" -> "they", "it'll" -> "it"). */
export function withoutContraction(w: string): string {
  return w.replace(/['\u2019](?:s|re|ll|d|ve|m)$/, '');
}
