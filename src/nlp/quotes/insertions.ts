/**
 * Subjects that the cue rules' look back from the verb misses because something stands between the
 * subject and its cue:
 * - a comma- or dash-enclosed insertion with no name at its end ("Economists in Ohio, like their
 *   peers, say ...", "Many speakers at the rally — including two pastors — said ...", "Supporters of
 *   the bill, however, say ...");
 * - an adverb of manner ("Lee gingerly said", "The mayor however said").
 * Each look is bounded by a fixed number of tokens.
 */
import { CUE_VERBS } from '../lexicon/speech-verbs';
import { PRONOUNS, ROLE_NOUNS } from '../lexicon/titles-roles';
import { isCapitalized, isQuoteMark, isWord, type QuoteContext } from './context';
import { mentionEndingAt, subjectPhraseEndingAt, type Mention } from './mentions';

/** Longest insertion read between a subject and its cue (as in subjects.ts). */
const MAX_INSERTION_TOKENS = 32;
/** Dashes that set off an insertion. */
const DASHES = new Set(['\u2014', '\u2013', '-', '--']);
/** Words that make an insertion a clause of its own ("..., the plan is dead, ...") rather than an apposition or adjunct. */
const FINITE = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'did', 'does', 'do']);
/** Words before a phrase that make it a preposition's object, not a subject ("In Ohio, ..."). */
const GOVERNORS = new Set([
  'in', 'on', 'at', 'from', 'of', 'for', 'with', 'by', 'to', 'near', 'after', 'before', 'during', 'into', 'than',
  'like', 'about', 'against', 'under', 'over', 'via', 'since', 'until', 'outside', 'inside', 'when', 'while', 'as',
  'if', 'because', 'although', 'though', 'that', 'which', 'who',
]);
/** Conjunctions and adverbs that may open a sentence before its subject ("But economists, like ..., say"). */
const LEADS = new Set(['but', 'and', 'yet', 'still', 'so', 'now', 'meanwhile', 'instead', 'indeed', 'also']);
/** Adverbs set off by no commas between a subject and its cue that end in no "-ly" ("Lee however said"). */
const PLAIN_ADVERBS = new Set(['however', 'nonetheless', 'nevertheless', 'therefore', 'too', 'soon', 'since', 'only']);
/** Auxiliaries of a perfect, the only place "long" modifies a cue ("has long said"). */
const PERFECT_AUX = new Set(['has', 'have', 'had']);

/** A dash that sets off words: not a hyphen inside a compound ("two-thirds"). */
function isDash(ctx: QuoteContext, k: number): boolean {
  if (!DASHES.has(ctx.words[k] ?? '')) return false;
  const t = ctx.seg.tokens;
  return !(t[k - 1] !== undefined && t[k + 1] !== undefined && t[k - 1]!.end === t[k]!.start && t[k]!.end === t[k + 1]!.start);
}

/**
 * The subject of a cue whose previous token `close` (a comma or dash) ends an insertion: the mention
 * or subject phrase that opens the clause right before the insertion's first mark. The insertion is
 * an apposition or an adjunct (no finite verb, no quotation, no sentence punctuation); the subject
 * must open the sentence (after an opening conjunction at most) and be no preposition's object.
 */
export function subjectBeforeEnclosure(ctx: QuoteContext, close: number, ts: number): Mention | null {
  const mark = ctx.words[close];
  if (mark === undefined || ctx.regionOf[close]! >= 0) return null;
  const dash = isDash(ctx, close);
  if (mark !== ',' && !dash) return null;
  let open = -1;
  for (let k = close - 1; k > ts && k >= close - MAX_INSERTION_TOKENS; k--) {
    const w = ctx.words[k]!;
    if (ctx.regionOf[k]! >= 0 || isQuoteMark(ctx, k) || w === '.' && !isWord(ctx, k - 1) || w === ';' || w === ':' || w === '(' || w === ')') return null;
    if (FINITE.has(w) || CUE_VERBS.get(w)?.form === 'past' && !isCapitalized(ctx, k)) return null;
    if (dash ? isDash(ctx, k) : w === ',') {
      open = k;
      break;
    }
    // A dash-enclosed insertion may hold commas ("— including Muslims, Christians, Jews —").
    if (!dash && isDash(ctx, k)) return null;
  }
  if (open <= ts || close - open < 2) return null;
  const end = open - 1;
  const named = mentionEndingAt(ctx, end, ts);
  if (named && named.type !== 'pronoun' && opensClause(ctx, named.first, ts)) return named;
  const phrase = subjectPhraseEndingAt(ctx, end, ts);
  return phrase && opensClause(ctx, phrase.first, ts) ? phrase : null;
}

/** Whether a subject starting at `first` opens its sentence (after an opening conjunction at most). */
function opensClause(ctx: QuoteContext, first: number, ts: number): boolean {
  if (first === ts) return true;
  const before = ctx.words[first - 1] ?? '';
  if (GOVERNORS.has(before)) return false;
  return first - 1 === ts && (LEADS.has(before) || isQuoteMark(ctx, ts));
}

/**
 * Whether token `k` is an adverb between a subject and its cue ("gingerly", "however", "has long
 * said"): a lowercase word in "-ly" (or a plain sentence adverb) that is no role noun ("family",
 * "ally"), with a mention or an auxiliary right before it.
 */
export function isMannerAdverb(ctx: QuoteContext, k: number, ts: number, modifiers: ReadonlySet<string>): boolean {
  const w = ctx.words[k];
  if (w === undefined || k <= ts || !isWord(ctx, k) || isCapitalized(ctx, k) || ctx.regionOf[k]! >= 0) return false;
  if (ROLE_NOUNS.has(w) || w in PRONOUNS || CUE_VERBS.has(w)) return false;
  const prev = ctx.words[k - 1] ?? '';
  if (w === 'long') return PERFECT_AUX.has(prev);
  if (!PLAIN_ADVERBS.has(w) && !(w.length > 4 && w.endsWith('ly'))) return false;
  return modifiers.has(prev) || mentionEndingAt(ctx, k - 1, ts) !== null;
}

/** Longest restrictive relative clause read between a subject and its cue ("who wrote to her on Thursday"). */
const MAX_RELATIVE_TOKENS = 16;

/**
 * The subject of a cue that a restrictive relative clause separates from it ("The groups who wrote
 * to her on Thursday say ...", "Voters who backed Lee in 2012 said ..."): the mention or subject
 * phrase right before "who", opening its sentence. The clause holds no comma or quotation; a cue
 * right after "who" is the relative clause's own ("voters who said ...") and is not read here.
 */
export function subjectBeforeRelative(ctx: QuoteContext, last: number, ts: number): { subject: Mention; who: number } | null {
  for (let k = last; k > ts && k > last - MAX_RELATIVE_TOKENS; k--) {
    const w = ctx.words[k]!;
    if (ctx.regionOf[k]! >= 0 || !isWord(ctx, k) && ctx.seg.tokens[k]!.kind !== 'number' && ctx.words[k] !== '.' && ctx.words[k] !== "'") return null;
    if (w !== 'who') continue;
    if (k === last) return null;
    const named = mentionEndingAt(ctx, k - 1, ts);
    if (named && named.type !== 'pronoun' && opensClause(ctx, named.first, ts)) return { subject: named, who: k };
    const phrase = subjectPhraseEndingAt(ctx, k - 1, ts);
    return phrase && opensClause(ctx, phrase.first, ts) ? { subject: phrase, who: k } : null;
  }
  return null;
}

/** Most tokens of the subject of an absolute "with" clause ("with 47 percent of Cuban American voters saying"). */
const MAX_WITH_SUBJECT_TOKENS = 10;

/**
 * The subject of a gerund cue in an absolute "with" clause ("..., with 30 percent of voters saying
 * they ...", "with Lee telling reporters that ..."): the whole phrase between "with" and the gerund,
 * when a mention or a subject phrase spans it.
 */
export function withClauseSubject(ctx: QuoteContext, gerund: number, ts: number): Mention | null {
  for (let k = gerund - 1; k > ts && k >= gerund - MAX_WITH_SUBJECT_TOKENS; k--) {
    if (ctx.regionOf[k]! >= 0) return null;
    if (ctx.words[k] !== 'with') continue;
    if (k + 1 >= gerund) return null;
    const named = mentionEndingAt(ctx, gerund - 1, k + 1);
    if (named && named.first === k + 1 && !(named.type === 'pronoun' && ctx.words[named.first] === 'it')) return named;
    const phrase = subjectPhraseEndingAt(ctx, gerund - 1, k + 1);
    return phrase && phrase.first === k + 1 ? phrase : null;
  }
  return null;
}
