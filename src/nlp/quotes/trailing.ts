/**
 * An attribution written as a sentence of its own after a quotation that closed with its own
 * period: `"We will find the money." Lee said.` / `"..." said Lee.` (news copy where the comma
 * became a period). The sentence must be only the attribution and a short adjunct ("Lee said on
 * Friday."): a sentence that goes on with a clause ("Lee said the money was found.") is a new
 * report, not this quotation's credit.
 */
import { isFiniteSpeechCue, isQuoteMark, tailSentenceAfter, type QuoteContext } from './context';
import type { Span } from './content';
import type { Frame } from './frame-types';
import { mentionStartingAt, type Mention } from './mentions';
import { CUE_VERBS } from '../lexicon/speech-verbs';
import { endsAttribution, opensSentence } from './open-slot';

/** Longest attribution sentence, in tokens ("Lee told reporters outside the courthouse on Friday."). */
const MAX_ATTRIBUTION_TOKENS = 16;
/** Trust: a tail attribution whose comma became a period. */
const TRAILING_TRUST = 0.8;
/** Words that may follow the cue in such a sentence: an audience or an adjunct, never a clause. */
const AFTER_CUE = new Set([
  'in', 'on', 'at', 'during', 'to', 'after', 'before', 'as', 'when', 'while', 'with', 'of', 'via', 'from', 'last',
  'this', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today',
  'tonight', 'earlier', 'later', 'recently', 'then', 'again', 'reporters', 'afterward', 'afterwards', 'outside',
]);

function isTerminal(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k];
  return ctx.seg.tokens[k]?.kind === 'punct' && (w === '.' || w === '!' || w === '?');
}

/** Whether tokens from `k` to the sentence end are only an adjunct (or nothing) and no other quotation. */
function onlyAdjunct(ctx: QuoteContext, k: number, te: number): boolean {
  if (k >= te || isTerminal(ctx, k)) return true;
  if (!AFTER_CUE.has(ctx.words[k]!) && ctx.words[k] !== ',') {
    // An audience: "Lee told the Harbor Ledger."
    const audience = mentionStartingAt(ctx, k, te - 1);
    if (!audience || audience.type === 'pronoun') return false;
    return onlyAdjunct(ctx, audience.last + 1, te);
  }
  for (let j = k; j < te; j++) if (isQuoteMark(ctx, j) || ctx.words[j] === 'that') return false;
  return true;
}

/** The attribution sentence right after the quotation closed at token `closeToken`, or null. */
export function trailingSentenceFrame(ctx: QuoteContext, closeToken: number, fragments: Span[]): Frame | null {
  const k = closeToken + 1;
  if (k >= ctx.seg.tokens.length || ctx.sentenceOf[k] === ctx.sentenceOf[closeToken]) return null;
  // The quotation itself ended its sentence: its last word before the mark is a period, "!" or "?".
  if (!isTerminal(ctx, closeToken - 1)) return null;
  const s = ctx.sentenceOf[k]!;
  const sent = ctx.seg.sentences[s]!;
  if (sent.tokenStart !== k || sent.tokenEnd - k > MAX_ATTRIBUTION_TOKENS) return null;
  // Same paragraph only: a new paragraph's first words are not this quotation's credit.
  if (ctx.seg.sentences[ctx.sentenceOf[closeToken]!]!.paragraph !== sent.paragraph) return null;
  const te = sent.tokenEnd;
  let mention: Mention | null = null;
  let cue = -1;
  if (isFiniteSpeechCue(ctx, k)) {
    // "said Lee."
    mention = mentionStartingAt(ctx, k + 1, te - 1);
    if (mention && mention.type !== 'pronoun' && onlyAdjunct(ctx, mention.last + 1, te)) cue = k;
  } else {
    // "Lee said." / "she added."
    const m = mentionStartingAt(ctx, k, te - 1);
    if (m && isFiniteSpeechCue(ctx, m.last + 1) && (m.type !== 'pronoun' || ctx.words[m.first] !== 'it') && onlyAdjunct(ctx, m.last + 2, te)) {
      mention = m;
      cue = m.last + 1;
    }
  }
  if (!mention || cue < 0) return null;
  return { pattern: 'tail', cueFirst: cue, cueLast: cue, cueClass: 'speech', mention, fragments, sentence: s, trust: TRAILING_TRUST };
}

/** Trust of a tail whose verb no lexicon lists ("...," Lee grumbled.). */
const OPEN_SLOT_TRUST = 0.6;
/** Finite verbs that do not end in -ed or -s and may close a quotation ("...," Lee shot back). */
const IRREGULAR_TAIL_VERBS = new Set(['shot', 'spoke', 'wrote', 'told', 'said', 'put', 'sang', 'swore', 'cut', 'broke', 'went', 'began', 'gave', 'bit', 'threw', 'let']);
/** Adverbs between the speaker and the verb ("...," Lee later wrote.). */
const TAIL_ADVERBS = new Set(['later', 'then', 'also', 'quickly', 'simply', 'once', 'again', 'finally', 'angrily', 'quietly', 'flatly']);

function isTailVerb(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k];
  if (w === undefined || ctx.seg.tokens[k]!.kind !== 'word' || w !== ctx.folded.slice(ctx.seg.tokens[k]!.start, ctx.seg.tokens[k]!.end)) return false;
  const cue = CUE_VERBS.get(w);
  if (cue) return cue.form === 'past' || cue.form === 'third';
  return IRREGULAR_TAIL_VERBS.has(w) || /[a-z]{2}(?:ed|[^s]s)$/.test(w);
}

/**
 * A tail attribution whose verb no rule knows, after a quotation that hands over with a comma,
 * "?" or "!": `"...," Lee grumbled.`, `"...?" the mayor shot back at a rally on Friday ...`,
 * `"...," fumed the mayor.` The speaker is the mention right after the quotation (or right after
 * the verb, inverted); whatever follows the verb is the attribution's adjunct. The quotation may
 * end its sentence ("...?" Lee pressed.), the attribution then opens the next one.
 */
export function openSlotTailFrame(ctx: QuoteContext, closeToken: number, fragments: Span[]): Frame | null {
  const inner = ctx.words[closeToken - 1];
  if (inner !== ',' && inner !== '?' && inner !== '!') return null;
  const frame = openSlotTail(ctx, closeToken, fragments);
  // A verb no lexicon lists credits a quotation only as open-slot.ts's rule does: the quotation opens
  // its sentence ('He called the plan "...," Smith fumed' reports Smith's words about it, not its
  // speaker) and no object follows the verb ('"...," Smith signed the bill' is an action).
  if (frame && !CUE_VERBS.has(ctx.words[frame.cueFirst]!) && (!opensSentence(ctx, closeToken) || !endsAttribution(ctx, frame.cueLast + 1, ctx.seg.sentences[frame.sentence]!.tokenEnd))) return null;
  return frame;
}

function openSlotTail(ctx: QuoteContext, closeToken: number, fragments: Span[]): Frame | null {
  const k = closeToken + 1;
  const s = tailSentenceAfter(ctx, closeToken);
  if (s < 0) return null;
  const te = ctx.seg.sentences[s]!.tokenEnd;
  // In a sentence of its own the attribution must be all of it ("...?" Lee pressed.): a longer
  // sentence reports something new ("...?" Lee acknowledged the question and moved on to ...).
  const ownSentence = s !== ctx.sentenceOf[closeToken];
  const base = { pattern: 'tail' as const, cueClass: 'speech' as const, fragments, sentence: s, trust: OPEN_SLOT_TRUST };
  // "...," fumed the mayor.
  if (isTailVerb(ctx, k)) {
    const m = mentionStartingAt(ctx, k + 1, te - 1) ?? describedName(ctx, k + 1, te) ?? (isFiniteSpeechCue(ctx, k) ? plainNounPhrase(ctx, k + 1, te) : null);
    return m && m.type !== 'pronoun' && (!ownSentence || shortRest(ctx, m.last + 1, te)) ? { ...base, cueFirst: k, cueLast: k, mention: m } : null;
  }
  let m = mentionStartingAt(ctx, k, te - 1);
  if (!m) {
    // "one user wrote", "a voice over says": a noun phrase no role list knows, before a verb of saying.
    const np = plainNounPhrase(ctx, k, te);
    if (!np || !isFiniteSpeechCue(ctx, np.last + 1) || (ownSentence && !shortRest(ctx, np.last + 2, te))) return null;
    return { ...base, cueFirst: np.last + 1, cueLast: np.last + 1, mention: np };
  }
  let v = m.last + 1;
  // "the nominee, Ann Lee, tweeted": a role and the name in apposition; the name is the speaker.
  if (m.type === 'role' && ctx.words[v] === ',') {
    const named = mentionStartingAt(ctx, v + 1, te - 1);
    if (named && named.type === 'name' && ctx.words[named.last + 1] === ',') {
      m = named;
      v = named.last + 2;
    }
  } else if (m.type === 'name' && ctx.words[v] === ',') {
    // "Rosa Diaz, 25, said" / "Lee, a lawyer for the town, wrote": an appositive after a name.
    let c = v + 1;
    while (c < te && c <= v + MAX_APPOSITIVE_TOKENS && ctx.words[c] !== ',' && !isQuoteMark(ctx, c)) c++;
    if (ctx.words[c] !== ',') return null;
    v = c + 1;
  }
  while (v < te && TAIL_ADVERBS.has(ctx.words[v]!)) v++;
  if (!isTailVerb(ctx, v) || (ownSentence && !shortRest(ctx, v + 1, te))) return null;
  // "it" speaks only through a verb of saying ("...," it added.); other pronouns through any verb.
  const pronoun = m.type === 'pronoun' ? ctx.words[m.first]! : '';
  if (pronoun === 'it' ? CUE_VERBS.get(ctx.words[v]!)?.cls !== 'speech' : m.type === 'pronoun' && !['he', 'she', 'they', 'i', 'we'].includes(pronoun)) return null;
  return { ...base, cueFirst: v, cueLast: v, mention: m };
}

/** Most lowercase words of a descriptor before a name ("retired surgeon Ada Okoro"). */
const MAX_DESCRIPTOR_WORDS = 4;

/**
 * The name after a lowercase descriptor that no role list knows, right after an inverted verb:
 * "said retired surgeon Ada Okoro", "said undecided voter Tom Hale". The descriptor
 * is left out of the mention.
 */
function describedName(ctx: QuoteContext, k: number, te: number): Mention | null {
  for (let j = k; j < te && j < k + MAX_DESCRIPTOR_WORDS; j++) {
    const t = ctx.seg.tokens[j]!;
    if (t.kind !== 'word' && t.kind !== 'abbrev') return null;
    const w = ctx.words[j]!;
    if (w !== ctx.folded.slice(t.start, t.end) || j === k && PHRASE_OPENERS.has(w)) {
      // The first capitalized word: the name, when a descriptor came before it.
      if (j === k) return null;
      const m = mentionStartingAt(ctx, j, te - 1);
      return m && m.type === 'name' ? m : null;
    }
    if (w === 'that' || CUE_VERBS.has(w)) return null;
  }
  return null;
}

/** Determiners that open a speaker phrase no role list knows ("one user", "a voice over", "the ad's narrator"). */
const PHRASE_OPENERS = new Set(['the', 'a', 'an', 'one', 'another']);
/** Most words of such a phrase after its determiner. */
const MAX_PHRASE_WORDS = 3;

/**
 * A short noun phrase from token `k`: a determiner and up to three lowercase words (a possessive
 * among them: "the ad's narrator"), as a role mention; its end is the token before a verb of saying
 * or the sentence end. Null when `k` opens no such phrase.
 */
function plainNounPhrase(ctx: QuoteContext, k: number, te: number): Mention | null {
  if (!PHRASE_OPENERS.has(ctx.words[k] ?? '')) return null;
  let last = k;
  for (let j = k + 1; j < te && j <= k + MAX_PHRASE_WORDS; j++) {
    const w = ctx.words[j]!;
    if (ctx.seg.tokens[j]!.kind !== 'word' || isFiniteSpeechCue(ctx, j) || ctx.regionOf[j]! >= 0) break;
    if (w !== ctx.folded.slice(ctx.seg.tokens[j]!.start, ctx.seg.tokens[j]!.end)) break; // lowercase only
    last = j;
  }
  return last > k ? { first: k, last, type: 'role' } : null;
}

/** Longest appositive between a name and its verb after a quotation ("Lee, the mayor of the town, said"). */
const MAX_APPOSITIVE_TOKENS = 12;

/** Most tokens after the verb of an attribution that is a sentence of its own ("Lee asked the panel on Friday."). */
const MAX_OWN_SENTENCE_REST = 6;

/** Tokens from `k` to the sentence end are few, with no "that" (no clause of their own). */
function shortRest(ctx: QuoteContext, k: number, te: number): boolean {
  if (te - k > MAX_OWN_SENTENCE_REST) return false;
  for (let j = k; j < te; j++) if (ctx.words[j] === 'that') return false;
  return true;
}
