/**
 * Quotations introduced by a colon with no speech verb before it: the clause before the colon
 * tells whose words follow.
 * - a label: `Rep. Ann Lee (D-Ore.): "..."`, roundup lines `Analysts agree - Mia Brandt: "..."`,
 *   `More from Brandt: "..."`, `Mia Brandt, Data Weekly: "..."`, `Here's Lee in 1992: "..."`;
 * - a clause whose subject is a person: `She then addressed the crowd again: "..."`,
 *   `Lee fired back: "..."`, `The senator had a blunt message for them: "..."`, `Lee's reply: "..."`.
 * Also a comma after an "as" clause that names the source: `As Lee put it, "..."`, `in Lee's
 * words, "..."` (asClauseFrame). The colon may end the paragraph before the quotation. Subjects
 * that are not people ("The timing
 * of the surge did not surprise anyone:") and passive clauses ("Lee was asked:", whose quotation
 * is the asker's) give nothing. Each look is bounded by the clause, a few dozen tokens.
 */
import { isCapitalized, isQuoteMark, isWord, type QuoteContext } from './context';
import type { Span } from './content';
import type { Frame } from './frame-types';
import { mentionEndingAt, mentionStartingAt, type Mention } from './mentions';
import { isSpeakerLike } from './names';
import { CUE_VERBS } from '../lexicon/speech-verbs';
import { PRONOUNS, ROLE_NOUNS } from '../lexicon/titles-roles';

/** Longest lead-in clause read before a colon, in tokens. */
const MAX_LEADIN_TOKENS = 40;
/** Trust of a label line (`NAME: "..."`, `... - NAME: "..."`). */
const LABEL_TRUST = 0.75;
/** Trust of a clause whose subject is the speaker (`She fired back: "..."`). */
const SUBJECT_TRUST = 0.6;

const DASHES = new Set(['-', '--', '\u2013', '\u2014', '\u2015']);
/** Auxiliaries of a passive ("was asked:", "is shown:"). */
const PASSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
/**
 * Participles of a passive whose subject is spoken to, not speaking ("Lee was asked:", "is shown
 * lecturing:"); other participles and adjectives still make the subject the speaker ("Lee was
 * unmoved:", "Lee was emphatic:").
 */
const ADDRESSED = new Set([
  'asked', 'told', 'shown', 'seen', 'heard', 'pressed', 'questioned', 'quoted', 'reminded', 'informed', 'greeted',
  'met', 'confronted', 'interrupted', 'heckled', 'interviewed', 'challenged', 'warned', 'given', 'sent', 'handed',
  'read', 'played', 'presented', 'cited', 'captured', 'filmed', 'recorded', 'overheard', 'caught',
]);
/** Nouns of a possessive subject that still make the possessor the speaker ("Lee's reply:"). */
const OWN_WORDS = new Set(['response', 'reply', 'answer', 'words', 'message', 'statement', 'verdict', 'retort']);
/** Pronouns that can be a speaker in a lead-in ("it" and "there" open clauses about other things). */
const SPEAKER_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we']);

/** The colon token right before quotation mark `open`, in its sentence or ending the paragraph before. */
function colonBefore(ctx: QuoteContext, open: number, paragraph: number): number {
  const k = open - 1;
  if (k < 0 || ctx.words[k] !== ':') return -1;
  const p = ctx.seg.sentences[ctx.sentenceOf[k]!]!.paragraph;
  return p === paragraph || p === paragraph - 1 ? k : -1;
}

/** A mention that can speak: a person's or organisation's name, a personal pronoun, or a role ("the senator"). */
export function canSpeak(ctx: QuoteContext, m: Mention): boolean {
  if (m.type === 'pronoun') return SPEAKER_PRONOUNS.has(ctx.words[m.first]!);
  const text = ctx.folded.slice(ctx.seg.tokens[m.first]!.start, ctx.seg.tokens[m.last]!.end);
  if (m.type === 'role') return ROLE_NOUNS.has(ctx.words[m.last]!);
  return isSpeakerLike(text.replace(/[\u2019']s$/, ''));
}

function isPossessive(ctx: QuoteContext, i: number): boolean {
  const w = ctx.words[i]!;
  return w.endsWith("'s") || w.endsWith('\u2019s');
}

/**
 * A label: the whole clause before the colon is a name (`Rep. Ann Lee (D-Ore.):`), or the name
 * follows an inverted cue (`Stated Lee:`), a dash (`Analysts agree - Mia Brandt:`), "from" (`More from Brandt:`) or "Here's"
 * (`Here's Lee in 1992:`), or comes first with a publication after a comma (`Mia Brandt, Data Weekly:`).
 */
function labelMention(ctx: QuoteContext, ts: number, colon: number): Mention | null {
  const m = mentionEndingAt(ctx, colon - 1, ts);
  // A title-case headline ("Mayor Praises Council's Budget Chief Ann Lee:") is no name label.
  let headline = false;
  for (let k = m ? m.first : colon; k < colon; k++) if (isPossessive(ctx, k)) headline = true;
  if (m && m.type === 'name' && !headline) {
    const before = ctx.words[m.first - 1];
    // ... or after an inverted cue opening the sentence ("Stated Stone:", "Added Lee:").
    const inverted = m.first === ts + 1 && CUE_VERBS.get(before!)?.cls === 'speech';
    if (m.first === ts || inverted || (m.first > ts && (DASHES.has(before!) || before === 'from'))) return m;
  }
  // "Here's Lee in December 1992:": the name after "here's" / "here is", with a short adjunct.
  const w0 = ctx.words[ts];
  const after = w0 === "here's" || w0 === 'here\u2019s' ? ts + 1 : w0 === 'here' && ctx.words[ts + 1] === 'is' ? ts + 2 : -1;
  if (after > 0) {
    const h = mentionStartingAt(ctx, after, colon - 1);
    if (h && h.type === 'name') return h;
  }
  // "Mia Brandt, Data Weekly:": a name, a comma, then only capitalized words (the outlet).
  const first = mentionStartingAt(ctx, ts, colon - 1);
  if (first && first.type === 'name' && ctx.words[first.last + 1] === ',' && first.last + 2 < colon) {
    let k = first.last + 2;
    while (k < colon && (isCapitalized(ctx, k) || ctx.words[k] === '.' || ctx.words[k] === '&')) k++;
    if (k === colon) return first;
  }
  return null;
}

/** Words that open an adverbial before the subject ("With ..., Lee fired back:", "When ..., she said:"). */
const ADVERBIAL_OPENERS = new Set([
  'with', 'without', 'in', 'on', 'at', 'after', 'before', 'during', 'when', 'while', 'as', 'since', 'although',
  'though', 'if', 'because', 'once', 'until', 'even', 'asked', 'for', 'from', 'by', 'despite', 'amid', 'following',
  'later', 'earlier', 'last', 'this', 'then', 'now', 'still', 'instead', 'meanwhile', 'finally', 'yet', 'again',
]);
/** Conjunctions and adverbs skipped at the start of the clause ("But Lee was far less upbeat:"). */
const LEADING_SKIPS = new Set(['but', 'and', 'so', 'yet', 'still', 'then', 'now', 'instead', 'meanwhile', 'finally']);
/** Adverbs between a subject and its verb ("she then addressed", "Lee quickly fired back"). */
const MID_ADVERBS = new Set(['then', 'also', 'later', 'again', 'once', 'still', 'soon', 'finally', 'simply', 'only', 'just', 'even', 'since']);
/** Most adverbs skipped between a subject and its verb. */
const MAX_MID_ADVERBS = 2;

/** A lowercase "-ly" adverb ("subsequently", "quickly"); "only" and "early" are in MID_ADVERBS or no adverb here. */
function isLyAdverb(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k]!;
  return w.length > 4 && w.endsWith('ly') && isWord(ctx, k) && !isCapitalized(ctx, k);
}

/** Finite verbs that do not end in -ed or -s. */
const FINITE_VERBS = new Set([
  'was', 'is', 'had', 'has', 'did', 'does', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must',
  'shot', 'put', 'made', 'took', 'gave', 'went', 'came', 'got', 'spoke', 'wrote', 'said', 'told', 'sent', 'left',
  'began', 'let', 'offered', 'kept', 'struck', 'drew', 'set', 'found', 'felt', 'saw', 'summed', 'ended',
]);
/** Most commas of an opening adverbial scanned for the subject after it. */
const MAX_OPENING_COMMAS = 4;

/** Token `k` reads as a finite verb: -ed, -s (not -ss), or a common irregular or auxiliary form. */
function isFiniteVerb(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k];
  if (w === undefined || !isWord(ctx, k) || isCapitalized(ctx, k)) return false;
  return FINITE_VERBS.has(w) || (w.length > 3 && w.endsWith('ed')) || (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us'));
}

/**
 * The mention at `at` when it is the subject of the clause: a mention that can speak, then (after
 * a comma-enclosed insertion when it opens the sentence, and a few adverbs) a finite verb that is
 * no passive ("Lee was asked:" is the asker's quotation). Possessives speak only through their
 * own words ("Lee's reply:").
 */
function subjectFrom(ctx: QuoteContext, at: number, colon: number, opensSentence: boolean): Mention | null {
  const m = mentionStartingAt(ctx, at, colon - 1);
  if (!m || m.last + 1 >= colon || !canSpeak(ctx, m)) return null;
  let next = m.last + 1;
  if (isPossessive(ctx, m.last)) return OWN_WORDS.has(ctx.words[next]!) && next + 1 === colon ? m : null;
  // "Lee, who signed the bill, interjected:" / "McConnell, R-Ky., delivered a message:".
  if (ctx.words[next] === ',' && opensSentence) {
    let k = next + 1;
    while (k < colon && ctx.words[k] !== ',') k++;
    if (k >= colon) return null;
    next = k + 1;
  }
  // "Lee then said", "Lee subsequently defended": adverbs between the subject and its verb (two at most).
  for (let n = 0; n < MAX_MID_ADVERBS && next < colon && (MID_ADVERBS.has(ctx.words[next]!) || isLyAdverb(ctx, next)); n++) next++;
  if (next >= colon || !isFiniteVerb(ctx, next)) return null;
  if (PASSIVE_AUX.has(ctx.words[next]!)) {
    // "Lee was far less upbeat:" still speaks; "Lee was asked:" / "is shown lecturing:" does not.
    if (ADDRESSED.has(ctx.words[next + 1] ?? '')) return null;
  }
  return m;
}

/**
 * The subject of the clause before the colon when it is a person who then speaks: at the start of
 * the sentence, or right after an opening adverbial that ends in a comma ("With the vote near, Lee
 * fired back:"). "As Lee put it:" names the speaker after "As".
 */
export function subjectMention(ctx: QuoteContext, ts: number, colon: number): Mention | null {
  let at = ts;
  while (at < colon && LEADING_SKIPS.has(ctx.words[at]!)) at++;
  if (ctx.words[at] === 'as') return subjectFrom(ctx, at + 1, colon, false);
  const w = ctx.words[at] ?? '';
  if (!ADVERBIAL_OPENERS.has(w)) {
    // The sentence opens with its subject, or with an adverbial phrase no opener list knows
    // ("Clearly, Lee ...", "Back on home soil, he returned to ...").
    const first = subjectFrom(ctx, at, colon, true);
    if (first) return first;
  }
  let commas = 0;
  for (let k = at + 1; k < colon && commas < MAX_OPENING_COMMAS; k++) {
    // The subject after the opening adverbial's comma, or after a dash that closes an aside
    // ("When the moderators sneered — and they did — Lee called them on it:").
    if (ctx.words[k] !== ',' && !DASHES.has(ctx.words[k]!)) continue;
    commas++;
    const m = subjectFrom(ctx, k + 1, colon, true);
    if (m) return m;
  }
  return null;
}

/**
 * The frame of a quotation (opening mark token `open`) that a colon introduces, or null. The
 * frame's cue is the verb phrase between the subject and the colon (none for a label).
 */
export function leadInFrame(ctx: QuoteContext, open: number, paragraph: number, fragments: Span[]): Frame | null {
  const colon = colonBefore(ctx, open, paragraph);
  if (colon < 0) return null;
  const s = ctx.sentenceOf[colon]!;
  const ts = ctx.seg.sentences[s]!.tokenStart;
  if (colon - ts > MAX_LEADIN_TOKENS || colon === ts) return null;
  // A clause holding its own quotation or "according to" is another rule's: its words are not the label's.
  for (let k = ts; k < colon; k++) if (ctx.regionOf[k]! >= 0) return null;
  // "According to HuffPo:": the source after "according to".
  if (ctx.words[ts] === 'according' && ctx.words[ts + 1] === 'to') {
    const src = mentionStartingAt(ctx, ts + 2, colon - 1);
    return src && src.last === colon - 1 && src.type !== 'pronoun'
      ? { pattern: 'label', cueFirst: colon, cueLast: colon, cueClass: 'speech', mention: src, fragments, sentence: s, trust: LABEL_TRUST }
      : null;
  }
  const label = labelMention(ctx, ts, colon);
  if (label) {
    return { pattern: 'label', cueFirst: colon, cueLast: colon, cueClass: 'speech', mention: label, fragments, sentence: s, trust: LABEL_TRUST };
  }
  const opener = ctx.words[ts] ?? '';
  if (opener in PRONOUNS && !SPEAKER_PRONOUNS.has(opener)) return null;
  const subj = subjectMention(ctx, ts, colon);
  if (!subj) return null;
  return { pattern: 'head', cueFirst: subj.last + 1, cueLast: colon - 1, cueClass: 'speech', mention: subj, fragments, sentence: s, trust: SUBJECT_TRUST };
}

/** Tokens that open the clause before a comma lead-in (its start is the sentence start or one of these). */
const CLAUSE_BOUNDARIES = new Set([',', ';', '\u2014', '\u2013', '--']);
/** Longest "As Lee put it," clause before a quotation, in tokens. */
const MAX_AS_CLAUSE_TOKENS = 16;
/** Most tokens after the verb of such a clause ("As Lee pointed out in December,"). */
const MAX_AS_CLAUSE_TAIL = 5;
/** Trust of an "As Lee put it," attribution. */
const AS_CLAUSE_TRUST = 0.75;

/**
 * The frame of a quotation after a comma that closes an "as" clause naming its source: `As Lee
 * put it, "..."`, `as the Harbor Ledger pointed out in May, "..."`, `in Lee's words, "..."`.
 */
export function asClauseFrame(ctx: QuoteContext, open: number, fragments: Span[]): Frame | null {
  const comma = open - 1;
  if (ctx.words[comma] !== ',') return null;
  const s = ctx.sentenceOf[open]!;
  const ts = ctx.seg.sentences[s]!.tokenStart;
  let c = comma - 1;
  while (c >= ts && c > comma - MAX_AS_CLAUSE_TOKENS && !CLAUSE_BOUNDARIES.has(ctx.words[c]!) && ctx.regionOf[c]! < 0) c--;
  if (c >= ts && !CLAUSE_BOUNDARIES.has(ctx.words[c]!)) return null;
  let at = c + 1;
  while (at < comma && LEADING_SKIPS.has(ctx.words[at]!)) at++;
  const base = { pattern: 'label' as const, cueFirst: comma, cueLast: comma, cueClass: 'speech' as const, fragments, sentence: s, trust: AS_CLAUSE_TRUST };
  // "in Lee's words,"
  if (ctx.words[at] === 'in' && ctx.words[comma - 1] === 'words') {
    const m = mentionStartingAt(ctx, at + 1, comma - 2);
    return m && m.last === comma - 2 && isPossessive(ctx, m.last) && canSpeak(ctx, m) ? { ...base, mention: m } : null;
  }
  if (ctx.words[at] !== 'as') return null;
  const m = mentionStartingAt(ctx, at + 1, comma - 1);
  if (!m || !canSpeak(ctx, m) || m.type === 'pronoun' && ctx.words[m.first] === 'it') return null;
  let v = m.last + 1;
  while (v < comma && MID_ADVERBS.has(ctx.words[v]!)) v++;
  // A verb of saying or thinking ("put it", "pointed out", "wrote"): "As Lee walked in," times the quotation, it does not credit it.
  const verb = ctx.words[v] ?? '';
  if (!isFiniteVerb(ctx, v) || !(CUE_VERBS.has(verb) || verb === 'put' || verb === 'puts')) return null;
  // What follows the verb: "it", "out", an adjunct; nothing quoted, no clause of its own.
  if (comma - v - 1 > MAX_AS_CLAUSE_TAIL) return null;
  for (let k = v + 1; k < comma; k++) if (ctx.words[k] === 'that' || isQuoteMark(ctx, k)) return null;
  return { ...base, mention: m };
}
