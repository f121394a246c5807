/**
 * The speaker before a cue where the plain mention rules do not reach it: the subject before a
 * comma- or dash-enclosed insertion ("Okafor, at a later press briefing, said"), a role phrase that
 * opens its clause before an appositive name, the subject of the clause a gerund attaches to
 * (", saying"), the antecedent of a relative pronoun ("Lee, who said"), a second speaker joined to a
 * first ("... and one in four said"), and the modifiers between a subject and its cue.
 */
import { CUE_MODIFIERS, CUE_VERBS } from '../lexicon/speech-verbs';
import { ROLE_OPENERS } from '../lexicon/titles-roles';
import { isCapitalized, isQuoteMark, isWord, type QuoteContext } from './context';
import { mentionEndingAt, mentionStartingAt, subjectPhraseEndingAt, type Mention } from './mentions';
import { isMannerAdverb } from './insertions';
import { CLAUSE_SIGNS, DASHES, FINITE_AUX, NAME_GOVERNORS, SUBORDINATORS, hasFiniteVerb, isFiniteVerb } from './word-classes';
import { TIME_ANCHORS } from './time-adjuncts';

/** Most modifiers skipped between subject and cue ("has also repeatedly said"). */
const MAX_MODIFIERS = 4;
/** Longest comma-enclosed insertion between a subject and its cue ("Okafor, at a later press briefing, said"). */
const MAX_INSERTION_TOKENS = 32;
/** Most commas inside one insertion ("Maria Lopez, 54, a nurse who ..., said": two). */
const MAX_INSERTION_COMMAS = 3;

/**
 * The subject of a cue set off by a comma-enclosed insertion that ends at the comma `close`
 * ("Okafor, at a later press briefing, said", "Maria Lopez, 54, a nurse who has lived on the street
 * for two decades, said"): the name right before the insertion's first comma. The insertion may hold
 * a few commas of its own; a name only counts at the last comma reached when it opens its clause
 * (sentence start, after a quotation or comma) and is no preposition's object. A role subject that
 * opens the sentence counts too ("The transit workers' union, which represents drivers, warned").
 */
export function subjectBeforeInsertion(ctx: QuoteContext, close: number, ts: number): { speaker: Mention; phraseFirst: number } | null {
  let commas = 0;
  for (let k = close - 1; k >= ts && k >= close - MAX_INSERTION_TOKENS; k--) {
    if (ctx.regionOf[k]! >= 0) return null;
    if (ctx.words[k] !== ',') continue;
    const named = mentionEndingAt(ctx, k - 1, ts);
    // A name governed by a preposition ("In Hudson, the supporter retorted") closes an adverbial, not a subject.
    const governed = named !== null && NAME_GOVERNORS.has(ctx.words[named.first - 1] ?? '');
    if (named && named.type === 'name' && commas === 0 && !governed) return { speaker: named, phraseFirst: named.first };
    // "the senator's spokeswoman, Ann Lee, said": a role that opens its clause, then the name in
    // apposition to it; the name is the speaker's.
    if (named && (named.type === 'role' || governed) && commas === 0) {
      const appositive = mentionStartingAt(ctx, k + 1, close - 1);
      // "One delegate not on the slate, Kelly Smith, told", "The director of the museum, Ann Lee,
      // said": a verbless phrase that opens the sentence, then the name in apposition to it.
      const first = named.type === 'role' ? phraseStart(ctx, named.last, ts) : -1;
      const opening = first < 0 ? openingPhraseStart(ctx, ts, k) : first;
      if (appositive && appositive.type === 'name' && appositive.last === close - 1 && opening >= 0) return { speaker: appositive, phraseFirst: opening };
    }
    commas++;
    if (named && named.type !== 'pronoun') {
      const before = ctx.words[named.first - 1];
      const opensClause = named.first === ts || before === ',' || isQuoteMark(ctx, named.first - 1);
      // A role opens the subject at the sentence start or right after a quotation (`"...," a source,
      // who was not authorized to speak, told ...`).
      const roleOpens = named.first === ts || isQuoteMark(ctx, named.first - 1);
      if (opensClause && !NAME_GOVERNORS.has(before ?? '') && (named.type === 'name' || roleOpens)) return { speaker: named, phraseFirst: named.first };
    }
    if (commas >= MAX_INSERTION_COMMAS) return null;
  }
  return null;
}

/** Most tokens of a subject phrase that opens a sentence before an appositive name. */
const MAX_OPENING_PHRASE_TOKENS = 10;

/**
 * `ts` when the tokens [ts, end) are a noun phrase that can open the sentence as its subject: a
 * determiner or capitalized word first (no preposition or subordinator), a few words, no verb, no
 * cue and no quotation ("One delegate not on the slate", "The director of the museum"); else -1.
 */
function openingPhraseStart(ctx: QuoteContext, ts: number, end: number): number {
  if (end - ts > MAX_OPENING_PHRASE_TOKENS || end <= ts) return -1;
  const w0 = ctx.words[ts]!;
  if (!(ROLE_OPENERS.has(w0) || isCapitalized(ctx, ts)) || NAME_GOVERNORS.has(w0) || SUBORDINATORS.has(w0) || TIME_ANCHORS.has(w0)) return -1;
  for (let k = ts; k < end; k++) {
    const w = ctx.words[k]!;
    if (ctx.regionOf[k]! >= 0 || (!isWord(ctx, k) && w !== '.') || CUE_VERBS.has(w) || isFiniteVerb(ctx, k) || CLAUSE_SIGNS.has(w)) return -1;
  }
  return ts;
}

/** Most tokens of a role phrase before an appositive name ("California Rep. Duncan Hunter's chief of staff"). */
const MAX_ROLE_PHRASE_TOKENS = 12;

/**
 * The start of the role phrase whose head ends at `roleLast`, read back to the comma, quotation
 * mark or sentence start that opens it ("California Rep. Duncan Hunter's chief of staff"); -1 when
 * the phrase opens no clause (it is some verb's or preposition's object).
 */
function phraseStart(ctx: QuoteContext, roleLast: number, ts: number): number {
  let k = roleLast;
  while (k >= ts && k > roleLast - MAX_ROLE_PHRASE_TOKENS && ctx.regionOf[k]! < 0 && (isWord(ctx, k) || ctx.words[k] === '.')) {
    if (NAME_GOVERNORS.has(ctx.words[k]!) && ctx.words[k] !== 'of') return -1;
    if (CUE_VERBS.has(ctx.words[k]!)) return -1;
    k--;
  }
  return k < ts || ctx.words[k] === ',' || isQuoteMark(ctx, k) ? k + 1 : -1;
}

/** An auxiliary with a contracted "not" ("wouldn't", "didn't", "isn't"). */
function isNegatedAux(w: string): boolean {
  return w.length > 3 && (w.endsWith("n't") || w.endsWith('n\u2019t'));
}

/** Skip modifiers backwards from the token before a cue; returns the subject's last token and the skipped words. */
export function skipModifiers(ctx: QuoteContext, cue: number, ts: number): { last: number; skipped: string[] } {
  const skipped: string[] = [];
  let k = cue - 1;
  // An adverb of manner ("Lee gingerly said") or a negated auxiliary ("Lee wouldn't say") only before
  // a verb of saying: before a verb of belief or evidence ("they occasionally find", "can't find") it
  // is more often a description than a report.
  const speech = CUE_VERBS.get(ctx.words[cue]!)?.cls === 'speech';
  while (k >= ts && skipped.length < MAX_MODIFIERS && (CUE_MODIFIERS.has(ctx.words[k]!) || speech && (isNegatedAux(ctx.words[k]!) || isMannerAdverb(ctx, k, ts, CUE_MODIFIERS))) && ctx.regionOf[k]! < 0) {
    skipped.push(ctx.words[k]!);
    k--;
  }
  return { last: k, skipped };
}

/** How far back a gerund cue looks for the finite verb of its clause (", saying" after a long clause). */
const MAX_GERUND_SUBJECT_REACH = 60;

/** Words that open a clause running alongside the main one, whose subject the gerund may share ("as Lee echoed it, saying"); not "after", whose clause is only background. */
const CLAUSE_OPENING_SUBORDINATORS = new Set(['where', 'while', 'as', 'whereas']);

/**
 * The subject of the clause a ", saying" / "by saying" attaches to: the mention right before the
 * nearest finite verb that opens its clause (at the sentence start, after a comma, dash, quotation
 * or "and"/"but"). "Hours later, Trump returned the compliment, telling ..." -> Trump, not "Hours";
 * "WASHINGTON (UPI) - In response to ..., the mayor's aide rallied supporters, saying" -> the aide.
 */
export function clauseSubject(ctx: QuoteContext, ts: number, gerund: number): Mention | null {
  const floor = Math.max(ts, gerund - MAX_GERUND_SUBJECT_REACH);
  for (let v = gerund - 2; v > floor; v--) {
    if (!isFiniteVerb(ctx, v)) continue;
    let k = v - 1;
    while (k > floor && CUE_MODIFIERS.has(ctx.words[k]!) && !FINITE_AUX.has(ctx.words[k]!)) k--;
    // "The mayor, who had opposed the plan, signed it": the subject before a comma-enclosed insertion.
    if (ctx.words[k] === ',') {
      const inserted = subjectBeforeInsertion(ctx, k, floor);
      if (inserted) return inserted.speaker;
      continue;
    }
    const m = mentionEndingAt(ctx, k, floor);
    if (!m || (m.type === 'pronoun' && ctx.words[m.first] === 'it')) continue;
    const b = m.first - 1;
    const w = ctx.words[b] ?? '';
    // "..., where about 50 protesters had gathered, chanting ...": the nearest clause's subject, a subordinate one's too.
    if (m.first === ts || w === ',' || w === 'and' || w === 'but' || DASHES.has(w) || isQuoteMark(ctx, b) || CLAUSE_OPENING_SUBORDINATORS.has(w)) return m;
    // "the mayor's top aide rallied": a role phrase read back over its possessive to the clause start.
    const phrase = m.type === 'role' ? phraseStart(ctx, m.last, floor) : -1;
    if (phrase >= 0) return { ...m, first: phrase };
  }
  return null;
}

/**
 * The speaker of a cue in a relative clause ("Ann Lee, who said ...", "the mayor, who has long
 * argued that ..."): the antecedent before the comma through "who", so the mention reads as written
 * and resolves to the antecedent. Null when `last` is no "who" after a comma and a mention.
 */
export function relativeSpeaker(ctx: QuoteContext, last: number, ts: number): Mention | null {
  // "the report, which notes that ...": a document speaks through "which", after a comma only.
  const which = ctx.words[last] === 'which' && ctx.words[last - 1] === ',';
  if (ctx.words[last] !== 'who' && !which) return null;
  // "business leaders who say ...": a restrictive clause, with no comma.
  const restrictive = ctx.words[last - 1] !== ',';
  const ante = mentionEndingAt(ctx, restrictive ? last - 1 : last - 2, ts);
  if (!ante || ante.type === 'pronoun') return null;
  // "which" stands for a document or a body ("the AP report, which notes"), not for a person or a place.
  if (which && ante.type === 'name' && ctx.words[ante.first] !== 'the') return null;
  // "told a tenant who suggested that ...": the audience of another cue is no speaker here.
  if (restrictive && CUE_VERBS.has(ctx.words[ante.first - 1] ?? '')) return null;
  // A role phrase read back over a verb ("The plan angered business owners who") starts after it.
  let first = ante.first;
  for (let k = last - 2; k >= ante.first; k--) {
    if (isFiniteVerb(ctx, k)) {
      first = k + 1;
      break;
    }
  }
  // "Voters who said taxes were too high backed Lee": a restrictive clause on the sentence's subject
  // is followed by the main verb, and where its content ends cannot be told without a parse.
  if (restrictive && first === ante.first && !hasFiniteVerb(ctx, ts, ante.first)) return null;
  return { first, last, type: ante.type };
}

/**
 * The subject of a second attribution joined to a first ("One in three said ... and one in four
 * said ...", "..., while a few teachers said ..."): a phrase right after the joiner, when a cue
 * verb earlier in the sentence shows that the joiner ends another attribution's clause.
 */
export function coordinatedSubject(ctx: QuoteContext, last: number, ts: number): Mention | null {
  for (let k = last - 1; k > ts && k >= last - MAX_OTHER_SUBJECT_TOKENS; k--) {
    if (!CLAUSE_JOINERS.has(ctx.words[k]!) || ctx.regionOf[k]! >= 0) continue;
    const subject = subjectPhraseEndingAt(ctx, last, k + 1);
    if (!subject || subject.first !== k + 1) return null;
    for (let c = ts; c < k; c++) {
      const cue = CUE_VERBS.get(ctx.words[c]!);
      if (cue && cue.cls !== 'evidence' && cue.form !== 'gerund' && ctx.regionOf[c]! < 0) return subject;
    }
    return null;
  }
  return null;
}

/** Words that join a second clause to reported speech ("..., while nine in 10 said ..."). */
export const CLAUSE_JOINERS = new Set([',', 'and', 'but', 'while', 'whereas']);

/** Most tokens of the second speaker's subject phrase ("and one in four said"). */
export const MAX_OTHER_SUBJECT_TOKENS = 8;
