/**
 * Open-slot cues: a quotation that opens its sentence and closes on a comma, question or
 * exclamation mark, then a speaker and a verb the lexicon does not know (`"...," Lee fumed.`,
 * `"...," chimed in the senator.`, `"...," she shot back with a laugh.`). The position alone says
 * the verb introduces the quotation, whatever the verb is: news uses hundreds of them (interjected,
 * gushed, implored, emailed, barked), and a list never holds them all. Trusted less than a known cue.
 */
import { CUE_MODIFIERS, CUE_VERBS } from '../lexicon/speech-verbs';
import { ROLE_OPENERS } from '../lexicon/titles-roles';
import { isCapitalized, isWord, type QuoteContext } from './context';
import type { Span } from './content';
import type { Frame } from './frame-types';
import { descriptorStartingAt, mentionEndingAt, mentionStartingAt } from './mentions';

/** How much an open-slot attribution is trusted (a lexicon cue in the same place gets 0.92). */
export const OPEN_SLOT_TRUST = 0.7;

/** Particles of phrasal verbs of speech ("shot back", "chimed in", "went on", "cut in", "spoke up"). */
const PARTICLES = new Set(['back', 'in', 'on', 'up', 'out', 'off']);

/** Irregular past forms that introduce a quotation in this slot ("she shot back", "he went on", "one read"). */
const IRREGULAR_SLOT_VERBS = new Set(['shot', 'went', 'cut', 'broke', 'spoke', 'swore', 'sang', 'threw', 'read', 'put', 'bit', 'began', 'chimed']);

/**
 * Words ending in -s or -ed that are no finite verb of their own here (nouns and adjectives after
 * a name: "Smith's", "news", "United"); a finite verb is lowercase, so most nouns never reach this.
 */
const NOT_SLOT_VERBS = new Set(['was', 'has', 'is', 'does', 'his', 'its', 'this', 'us', 'as', 'thus', 'plus', 'less', 'unless', 'news', 'series', 'always', 'perhaps', 'whereas', 'indeed', 'need', 'agreed', 'speed', 'red', 'bed', 'seed', 'feed']);

/** Punctuation that ends a quoted remark handed to a tail attribution (`,"`, `?"`, `!"`, `—"`). */
const HANDOFF_MARKS = new Set([',', '?', '!', '\u2014', '-', '\u2026']);

/** Most tokens of the speaker between the quotation and an open-slot verb ("former Secretary of State Hillary Rodham Clinton"). */
const MAX_SLOT_SPEAKER_TOKENS = 10;

/** Sentence-ending tokens. */
const TERMINALS = new Set(['.', '!', '?', ';']);
/** Quantifiers that open a plural noun phrase ("Several Republican leaders", "Many GOP donors"). */
const QUANTIFIERS = new Set(['several', 'some', 'many', 'most', 'both', 'all', 'few', 'two', 'three', 'four', 'five']);
/** Words that speak alone as a new, unnamed speaker ("one said", "another added"). */
const UNNAMED = new Set(['one', 'another']);

/** A lowercase word that reads as a finite verb the lexicon lacks: -ed, third-person -s, or an irregular past. */
function isSlotVerb(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k];
  if (w === undefined || !isWord(ctx, k) || isCapitalized(ctx, k) || ctx.regionOf[k]! >= 0) return false;
  if (CUE_VERBS.has(w) || NOT_SLOT_VERBS.has(w) || CUE_MODIFIERS.has(w)) return false;
  if (IRREGULAR_SLOT_VERBS.has(w)) return true;
  if (!/^[a-z]+$/.test(w) || w.length < 4) return false;
  return w.endsWith('ed') || (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is'));
}

/**
 * The last token of a verb and its particle starting at `k` ("shot back" -> the index of "back"),
 * when the attribution ends after the particle; a preposition that opens an adjunct ("emailed on
 * Monday") is no particle.
 */
function verbEnd(ctx: QuoteContext, k: number, te: number): number {
  return k + 1 < te && PARTICLES.has(ctx.words[k + 1]!) && endsAttribution(ctx, k + 2, te) ? k + 1 : k;
}

/**
 * After the attribution the sentence must end, or go on with a comma or an adjunct (a preposition,
 * "as", "when", "while", "before", "after"): a direct object ("Lee signed the bill") is an action,
 * not a cue.
 */
const ADJUNCT_AFTER_SLOT = new Set(['upon', 'with', 'as', 'when', 'while', 'before', 'after', 'at', 'in', 'on', 'to', 'during', 'from', 'into', 'over', 'outside', 'inside', 'amid', 'again', 'then', 'later', 'loudly', 'quietly', 'softly']);

export function endsAttribution(ctx: QuoteContext, k: number, te: number): boolean {
  const w = ctx.words[k];
  if (k >= te || w === undefined) return true;
  if (TERMINALS.has(w) || w === ',' || ADJUNCT_AFTER_SLOT.has(w) || w.endsWith('ly')) return true;
  // "... Lee barked and a guard walked him out": a clause of its own with a subject after "and"/"but"
  // ("signed and sealed the bill" coordinates a second verb: an action).
  if ((w === 'and' || w === 'but') && k + 1 < te) {
    const next = ctx.words[k + 1]!;
    return next in PRONOUN_SUBJECTS || ['a', 'an', 'the', 'then'].includes(next) || isCapitalized(ctx, k + 1);
  }
  // "... beamed Dana Hart of Madison, Alabama.": where the speaker comes from.
  return w === 'of' && isCapitalized(ctx, k + 1);
}

/** Subject pronouns that open a clause of their own after "and" / "but". */
const PRONOUN_SUBJECTS: Readonly<Record<string, true>> = { he: true, she: true, they: true, i: true, we: true, it: true };

/** Whether the quotation that closes at `closeToken` opens its sentence (or its paragraph's sentence run). */
export function opensSentence(ctx: QuoteContext, closeToken: number): boolean {
  const reg = ctx.regionOf[closeToken]!;
  if (reg < 0) return false;
  let open = closeToken;
  while (open - 1 >= 0 && ctx.regionOf[open - 1] === reg) open--;
  const s = ctx.sentenceOf[open]!;
  return open === ctx.seg.sentences[s]!.tokenStart;
}

/**
 * The open-slot attribution after a quotation whose closing mark is token `closeToken`, or null.
 * `"...," NAME VERB` and `"...," VERB NAME`, the verb unknown to the lexicon.
 */
export function openSlotFrame(ctx: QuoteContext, closeToken: number, fragments: Span[]): Frame | null {
  if (!opensSentence(ctx, closeToken)) return null;
  let k = closeToken + 1;
  const handoff = HANDOFF_MARKS.has(ctx.words[closeToken - 1] ?? '') || ctx.words[k] === ',';
  if (!handoff) return null;
  if (ctx.words[k] === ',') k++;
  const s = ctx.sentenceOf[k];
  if (s === undefined) return null;
  // The attribution is in the quotation's paragraph: the next paragraph's first words are its own.
  if (ctx.seg.sentences[s]!.paragraph !== ctx.seg.sentences[ctx.sentenceOf[closeToken]!]!.paragraph) return null;
  const te = ctx.seg.sentences[s]!.tokenEnd;
  if (k >= te) return null;
  const base = { cueClass: 'speech' as const, fragments, sentence: s, trust: OPEN_SLOT_TRUST };
  // "...," VERB NAME: the inverted order, with a name or a role phrase after the verb.
  if (isSlotVerb(ctx, k)) {
    // The particle belongs to the verb when the speaker follows it ("chimed in Lena Park").
    const speakerAt = (at: number) => mentionStartingAt(ctx, at, te - 1) ?? descriptorStartingAt(ctx, at, te - 1);
    const particle = PARTICLES.has(ctx.words[k + 1] ?? '') && speakerAt(k + 2) !== null;
    const v = particle ? k + 1 : k;
    const m = speakerAt(v + 1);
    if (m && m.type !== 'pronoun' && endsAttribution(ctx, m.last + 1, te)) {
      return { ...base, pattern: 'inverted', cueFirst: k, cueLast: v, mention: m };
    }
    return null;
  }
  // "...," NAME VERB: the speaker, then the verb (modifiers allowed: "Lee quietly fumed", "she had
  // emailed"). The first verb-like word decides; the speaker is the mention that ends before it and
  // starts right after the quotation ("the nurse advises", "Ms. Reyes emailed").
  for (let v = k + 1; v < te && v <= k + MAX_SLOT_SPEAKER_TOKENS; v++) {
    if (!isSlotVerb(ctx, v)) {
      // A period inside the speaker is a title's or an initial's ("Ms. Reyes", "John F. Kelly").
      const abbreviation = ctx.words[v] === '.' && isCapitalized(ctx, v + 1);
      if (ctx.regionOf[v]! >= 0 || (TERMINALS.has(ctx.words[v]!) && !abbreviation) || ctx.words[v] === ',') return null;
      continue;
    }
    let before = v - 1;
    while (before > k && (CUE_MODIFIERS.has(ctx.words[before]!) || ctx.words[before]!.endsWith('ly'))) before--;
    const m = mentionEndingAt(ctx, before, k);
    if (!m || m.first !== k || (m.type === 'pronoun' && ctx.words[m.first] === 'it')) return null;
    // "Several growers, ...": a quantifier alone before the word makes that word its noun, not a verb;
    // so does one before an adjective ("Several Republican leaders, ...").
    if (m.first === m.last && ROLE_OPENERS.has(ctx.words[m.first]!) && !UNNAMED.has(ctx.words[m.first]!)) return null;
    if (QUANTIFIERS.has(ctx.words[m.first]!)) return null;
    const last = verbEnd(ctx, v, te);
    if (!endsAttribution(ctx, last + 1, te)) return null;
    return { ...base, pattern: 'tail', cueFirst: v, cueLast: last, mention: m };
  }
  return null;
}
