/**
 * Attributions whose speaker phrase is too long for the cue rules' bounded look back from the verb:
 * the subject is read forward from where it must start instead, and may run on with an affiliation,
 * an appositive or a relative clause before its verb.
 * - after a quotation that opens its sentence: `"...," Ann Lee of the Center for Energy Studies wrote
 *   in May.`, `"...," Ann Lee, who chairs the board said.`, `"...," a narrator in the video states.`;
 * - before a quotation that ends it, after a comma: `A council aide who asked not to be named said
 *   Friday, "..."`, `Lee shot back, "..."`, `After the vote, the mayor concluded, "..."`.
 * Each look is bounded by the sentence and a fixed number of tokens.
 */
import { CUE_MODIFIERS, CUE_VERBS } from '../lexicon/speech-verbs';
import { PRONOUNS, ROLE_NOUNS } from '../lexicon/titles-roles';
import { isCapitalized, isFiniteSpeechCue, isQuoteMark, isWord, tailSentenceAfter, tokenAtOrAfter, type QuoteContext } from './context';
import type { Span } from './content';
import type { Frame } from './frame-types';
import { endsAttribution, opensSentence } from './open-slot';
import { descriptorStartingAt, mentionStartingAt, type Mention } from './mentions';
import { canSpeak } from './leadin';

/** Most tokens from the start of the subject to its verb ("nuclear experts Ann Lee and Bo Chen of the Institute for ..."). */
const MAX_SUBJECT_TOKENS = 28;
/** Most tokens after the verb when the attribution is a sentence of its own ("said as she opened the roll call."). */
const MAX_OWN_SENTENCE_REST = 8;
/** Trust of a tail read this way (a cue right after a short subject gets 0.92). */
const LONG_TAIL_TRUST = 0.75;
/** Trust of a comma lead-in (`Lee shot back, "..."`). */
const COMMA_LEADIN_TRUST = 0.6;
/** Most tokens between the verb of a comma lead-in and its comma ("concluded so eloquently and timelessly"). */
const MAX_LEADIN_TAIL = 6;

/** The same after a verb of saying, whose adjuncts run longer ("announced on the club's website, in bold red letters,"). */
const MAX_CUE_LEADIN_TAIL = 12;

/** Relative pronouns: the first verb after one is the relative clause's, not the sentence's. */
const RELATIVES = new Set(['who', 'which', 'whose', 'whom', 'that']);
/** Words that open a clause of their own: a verb after one is not the subject's. */
const CLAUSE_OPENERS = new Set(['when', 'while', 'as', 'because', 'although', 'though', 'if', 'since', 'until', 'whereas', 'after', 'before', 'so', 'where']);
/** Auxiliaries of a passive ("was told by"): the subject of such a verb is spoken to, not speaking. */
const PASSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** Auxiliaries and forms of "be" and "have": the verb of a relative clause as much as any ("who is chairman of ..."). */
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'does', 'did', 'may', 'might', 'should', 'must']);
/** Subject pronouns that can speak ("it" speaks only through a lexicon cue after a quotation). */
const SPEAKER_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we']);
/** Determiners of a plain noun phrase no role list knows ("a narrator in the video"). */
const PHRASE_DETERMINERS = new Set(['a', 'an', 'the', 'one', 'another']);
/** Finite verbs with no -ed or -s that introduce words ("Lee shot back, ..."). */
const IRREGULAR_VERBS = new Set(['shot', 'wrote', 'told', 'said', 'put', 'sang', 'spoke', 'swore', 'cut', 'broke', 'went', 'began', 'read', 'chimed']);
/** Particles of phrasal verbs of speech ("shot back", "chimed in", "went on", "spoke up"). */
const PARTICLES = new Set(['back', 'in', 'on', 'up', 'out']);
/** Words ending in -s or -ed that are no verb after a subject. */
const NOT_VERBS = new Set(['was', 'has', 'is', 'does', 'his', 'its', 'this', 'us', 'as', 'thus', 'plus', 'less', 'unless', 'news', 'always', 'perhaps', 'indeed', 'need']);

function isSpeechCue(ctx: QuoteContext, k: number): boolean {
  return isFiniteSpeechCue(ctx, k) && isWord(ctx, k) && !isCapitalized(ctx, k);
}

/** A lowercase word that reads as a finite verb: a lexicon cue, -ed, third-person -s, or a common irregular past. */
function isVerbLike(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k];
  if (w === undefined || !isWord(ctx, k) || isCapitalized(ctx, k) || ctx.regionOf[k]! >= 0 || NOT_VERBS.has(w)) return false;
  const cue = CUE_VERBS.get(w);
  if (cue) return cue.form === 'past' || cue.form === 'third';
  if (IRREGULAR_VERBS.has(w)) return true;
  return /^[a-z]{2,}(?:ed|[^su's]s)$/.test(w);
}

/**
 * A plain noun phrase from `k`: a determiner and lowercase words, hyphenated compounds and a
 * possessive among them ("a narrator in the video" is read up to "narrator"), as a role.
 */
function plainPhrase(ctx: QuoteContext, k: number, hi: number): Mention | null {
  if (!PHRASE_DETERMINERS.has(ctx.words[k] ?? '')) return null;
  let last = k;
  for (let j = k + 1; j <= hi && j <= k + 5; j++) {
    const w = ctx.words[j]!;
    if (w === '-' && ctx.seg.tokens[j - 1]!.end === ctx.seg.tokens[j]!.start) continue;
    // "the 43-year-old": a number glued into a compound.
    if (ctx.seg.tokens[j]!.kind === 'number' && ctx.words[j + 1] === '-' && ctx.seg.tokens[j]!.end === ctx.seg.tokens[j + 1]!.start) continue;
    if (!isWord(ctx, j) || isCapitalized(ctx, j) || ctx.regionOf[j]! >= 0 || isVerbLike(ctx, j) || RELATIVES.has(w) || CLAUSE_OPENERS.has(w)) break;
    if (['of', 'in', 'at', 'for', 'from', 'with', 'on', 'and', 'to'].includes(w)) break;
    last = j;
  }
  return last > k ? { first: k, last, type: 'role' } : null;
}

/** The speaker mention that starts at `k`: a name or role phrase, a descriptor and a name, or a plain noun phrase. */
function speakerAt(ctx: QuoteContext, k: number, hi: number): Mention | null {
  // "US Senator Ann Lee": the country's initials in capitals are no pronoun "us".
  if (ctx.folded.slice(ctx.seg.tokens[k]?.start ?? 0, ctx.seg.tokens[k]?.end ?? 0) === 'US') {
    const named = mentionStartingAt(ctx, k + 1, hi);
    return named && named.type !== 'pronoun' ? { ...named, first: k } : null;
  }
  const m = mentionStartingAt(ctx, k, hi) ?? descriptorStartingAt(ctx, k, hi) ?? plainPhrase(ctx, k, hi);
  if (!m) return null;
  if (m.type === 'pronoun') return SPEAKER_PRONOUNS.has(ctx.words[m.first]!) ? m : null;
  // "the senator's spokeswoman, Ann Lee, ...": the name in apposition is the speaker.
  if (m.type === 'role' && ctx.words[m.last + 1] === ',') {
    const named = mentionStartingAt(ctx, m.last + 2, hi);
    if (named && named.type === 'name' && ctx.words[named.last + 1] === ',') return named;
  }
  return m;
}

/**
 * The main verb after the speaker mention `m` (at most `limit`, exclusive): the first verb of
 * saying that is not inside a relative clause ("Lee, who chairs the board said", "the aide who
 * spoke anonymously said") nor passive; any finite verb right after the mention (and its
 * adverbs). -1 when a clause of another subject or a quotation comes first.
 */
function mainVerb(ctx: QuoteContext, m: Mention, limit: number): number {
  let j = m.last + 1;
  while (j < limit && (CUE_MODIFIERS.has(ctx.words[j]!) || (ctx.words[j]!.endsWith('ly') && !isCapitalized(ctx, j)))) j++;
  if (j < limit && isVerbLike(ctx, j)) return j;
  let relative = false;
  let relativeVerb = false;
  let appositive = false;
  for (let k = m.last + 1; k < limit; k++) {
    const w = ctx.words[k]!;
    if (isQuoteMark(ctx, k)) {
      // A short title in quotation marks ("wearing "Vote Lee" pins") is part of the phrase.
      const reg = ctx.regionOf[k]!;
      if (reg < 0 || ctx.regions[reg]!.words > 5 || ctx.regions[reg]!.close < 0) return -1;
      while (k + 1 < limit && ctx.regionOf[k + 1] === reg) k++;
      continue;
    }
    if (w === ';' || w === ':' || w === '!' || w === '?' || w === '(' || w === ')') return -1;
    if (w === ',') {
      appositive = !appositive;
      relative = false;
      continue;
    }
    if (!isWord(ctx, k)) continue;
    if (RELATIVES.has(w) && k > m.last + 1) {
      relative = true;
      relativeVerb = false;
      continue;
    }
    // A clause of its own ("..., the crowd roared as the mayor said"): its verb is not the subject's.
    if (!relative && CLAUSE_OPENERS.has(w)) return -1;
    if ((w === 'and' || w === 'but') && (ctx.words[k + 1]! in PRONOUNS || PHRASE_DETERMINERS.has(ctx.words[k + 1]!))) return -1;
    if (relative && !relativeVerb && AUXILIARIES.has(w)) {
      relativeVerb = true;
      continue;
    }
    if (!isVerbLike(ctx, k)) continue;
    if (relative && !relativeVerb) {
      relativeVerb = true;
      continue;
    }
    if (!isSpeechCue(ctx, k)) continue;
    const before = ctx.words[k - 1]!;
    if (before === 'to' || PASSIVE_AUX.has(before) || ctx.words[k + 1] === 'by') return -1;
    return k;
  }
  return -1;
}

/**
 * The attribution after a quotation that opens its sentence and hands over with a comma, "?" or
 * "!", when its subject is too long for the tail rules: the speaker phrase starts right after the
 * closing mark and runs to the first verb of saying outside a relative clause; what follows the
 * verb is its adjunct ("wrote in December", "said as he launched the roll call"), unless the verb
 * takes content of its own ("said that ...", "said: "...").
 */
export function longSubjectTailFrame(ctx: QuoteContext, closeToken: number, fragments: Span[]): Frame | null {
  return forwardSubjectTail(ctx, closeToken, fragments) ?? describedInvertedTail(ctx, closeToken, fragments);
}

function forwardSubjectTail(ctx: QuoteContext, closeToken: number, fragments: Span[]): Frame | null {
  // A nested quotation may close with it (`"... asked, 'How do we win?'" Lee said`).
  const inner = isQuoteMark(ctx, closeToken - 1) ? ctx.words[closeToken - 2] : ctx.words[closeToken - 1];
  if (inner !== ',' && inner !== '?' && inner !== '!') return null;
  if (!opensSentence(ctx, closeToken)) return null;
  const k = closeToken + 1;
  const s = tailSentenceAfter(ctx, closeToken);
  if (s < 0) return null;
  const sent = ctx.seg.sentences[s]!;
  const te = sent.tokenEnd;
  const limit = Math.min(te, k + MAX_SUBJECT_TOKENS);
  const m = speakerAt(ctx, k, limit - 1);
  if (!m) return null;
  const v = mainVerb(ctx, m, limit);
  if (v < 0 || !isSpeechCue(ctx, v)) return null;
  const next = ctx.words[v + 1];
  if (next === 'that' || next === ':' || isQuoteMark(ctx, v + 1)) return null;
  // In a sentence of its own ("...?" Lee ...) the attribution must be nearly all of it: a longer
  // sentence reports something new ("Lee acknowledged the question and moved on to the budget."),
  // unless an adjunct opens right after the verb ("said of the meeting he had with her last week.").
  if (s !== ctx.sentenceOf[closeToken] && te - v - 1 > MAX_OWN_SENTENCE_REST && !endsAttribution(ctx, v + 1, te) && next !== 'of' && next !== 'about') return null;
  return { pattern: 'tail', cueFirst: v, cueLast: v, cueClass: 'speech', mention: m, fragments, sentence: s, trust: LONG_TAIL_TRUST };
}

/** Most tokens of a descriptor before a name after an inverted cue ("62-year-old retired teacher", "9/11 widow"). */
const MAX_DESCRIPTOR_TOKENS = 9;
/** Trust of an inverted cue whose speaker is a name after a descriptor no role list knows. */
const DESCRIBED_TRUST = 0.8;

/**
 * `"...," said 9/11 widow Ann Dale.`, `"...," says 62-year-old retiree Ann Dale of Springfield.`: an
 * inverted verb of saying right after the quotation, then a descriptor of numbers, compounds and
 * lowercase words that no speaker rule reads, then the name (the speaker). The attribution must end
 * with the name's phrase: the sentence end, a comma or an adjunct.
 */
function describedInvertedTail(ctx: QuoteContext, closeToken: number, fragments: Span[]): Frame | null {
  const v = closeToken + 1;
  const s = ctx.sentenceOf[closeToken]!;
  if (ctx.sentenceOf[v] !== s || !isSpeechCue(ctx, v) || !opensSentence(ctx, closeToken)) return null;
  const inner = ctx.words[closeToken - 1];
  if (inner !== ',' && inner !== '?' && inner !== '!') return null;
  const te = ctx.seg.sentences[s]!.tokenEnd;
  // "said a 2008 campaign veteran": a determiner may open the descriptor; the phrase is then the speaker.
  const determiner = ctx.words[v + 1] === 'a' || ctx.words[v + 1] === 'an' || ctx.words[v + 1] === 'the';
  for (let j = v + (determiner ? 2 : 1); j < te && j <= v + MAX_DESCRIPTOR_TOKENS; j++) {
    const t = ctx.seg.tokens[j]!;
    const w = ctx.words[j]!;
    if (isCapitalized(ctx, j)) {
      if (j === v + 1) return null;
      const found = mentionStartingAt(ctx, j, te - 1);
      if (!found || found.type === 'pronoun' || (found.type === 'role' && !determiner)) return null;
      // After a determiner the name is a modifier ("a 2010 Okafor veteran"): the phrase runs on over its head noun.
      let last = found.last;
      if (determiner) {
        while (last + 1 < te && last < found.last + 2 && isWord(ctx, last + 1) && !isCapitalized(ctx, last + 1) && !endsAttribution(ctx, last + 1, te) && !RELATIVES.has(ctx.words[last + 1]!)) last++;
        if (last === found.last && !ROLE_NOUNS.has(ctx.words[last]!)) return null;
      }
      const m: Mention = determiner ? { first: v + 1, last, type: 'role' } : found;
      let end = m.last + 1;
      // "of Springfield": where the speaker comes from.
      if (ctx.words[end] === 'of' && isCapitalized(ctx, end + 1)) {
        end += 2;
        while (end < te && isCapitalized(ctx, end)) end++;
      }
      if (end < te && !endsAttribution(ctx, end, te)) return null;
      return { pattern: 'inverted', cueFirst: v, cueLast: v, cueClass: 'speech', mention: m, fragments, sentence: s, trust: DESCRIBED_TRUST };
    }
    // Numbers and what glues them into compounds ("9/11", "62-year-old"), and lowercase words.
    const glued = (w === '-' || w === '/') && ctx.seg.tokens[j - 1]!.end === t.start;
    if (t.kind === 'number' || glued) continue;
    if (!isWord(ctx, j) || ctx.regionOf[j]! >= 0 || RELATIVES.has(w) || CLAUSE_OPENERS.has(w) || CUE_VERBS.has(w) || w in PRONOUNS || PHRASE_DETERMINERS.has(w)) return null;
  }
  return null;
}

/** Words that open an adverbial before the subject ("After the vote, Lee ..."). */
const ADVERBIAL_OPENERS = new Set([
  'with', 'in', 'on', 'at', 'after', 'before', 'during', 'when', 'while', 'as', 'since', 'although', 'though', 'if',
  'because', 'once', 'asked', 'for', 'from', 'despite', 'amid', 'following', 'later', 'earlier', 'last', 'this', 'then',
  'now', 'still', 'instead', 'meanwhile', 'finally', 'yet', 'again', 'but', 'and', 'so',
]);
/** Dashes that set off an aside inside an opening adverbial. */
const DASHES = new Set(['-', '--', '\u2013', '\u2014', '\u2015']);
/** Most commas of an opening adverbial stepped over to find the subject. */
const MAX_OPENING_COMMAS = 3;

/**
 * The attribution before a quotation that a comma introduces and that runs to the end of its
 * sentence: `SUBJECT VERB [a short adjunct], "..."` with a person as the subject (at the start of
 * the sentence or after an opening adverbial), whatever the verb ("Lee shot back, "...""), and a
 * subject as long as a relative clause ("A council aide who asked not to be named said Friday, "..."").
 * The quotation must be a sentence of its own (it opens with a capital): a phrase after a comma
 * ("..., "a historic step."") is an apposition, not the subject's words.
 */
export function commaLeadInFrame(ctx: QuoteContext, open: number, fragments: Span[]): Frame | null {
  const comma = open - 1;
  if (ctx.words[comma] !== ',' || !isCapitalized(ctx, open + 1)) return null;
  const s = ctx.sentenceOf[open]!;
  if (ctx.sentenceOf[comma] !== s) return null;
  // The quotation runs to the end of the narrator's sentence.
  const close = tokenAtOrAfter(ctx, Math.max(...fragments.map(([, b]) => b)));
  const after = close + 1;
  if (after < ctx.seg.tokens.length && ctx.sentenceOf[after] === ctx.sentenceOf[close] && !['.', '!', '?'].includes(ctx.words[after]!)) return null;
  const ts = ctx.seg.sentences[s]!.tokenStart;
  if (comma - ts > MAX_SUBJECT_TOKENS + 16) return null;
  for (let k = ts; k < comma; k++) if (ctx.regionOf[k]! >= 0) return null;
  // The subject at the start, or after up to three commas of an opening adverbial.
  // The subject at the start, or after the comma or dash that ends an opening adverbial (the
  // nearest few to the quotation: "When Lee noted that ... ― as was true ... ― Kim boasted, "..."").
  const starts: number[] = [];
  for (let k = comma - 1; k > ts && starts.length < MAX_OPENING_COMMAS; k--) if (ctx.words[k] === ',' || DASHES.has(ctx.words[k]!)) starts.unshift(k + 1);
  // "Recently she announced ...": an adverb with no comma of its own.
  if (ctx.words[ts]!.endsWith('ly') && ctx.words[ts + 1] !== ',') starts.unshift(ts + 1);
  // The sentence's own subject first, unless a listed opener starts an adverbial.
  if (!ADVERBIAL_OPENERS.has(ctx.words[ts]!)) starts.unshift(ts);
  for (const start of starts) {
    // "However, as Ann Lee of the ... told the Ledger, "..."": an "as" clause names the source.
    const at = ctx.words[start] === 'as' ? start + 1 : start;
    const m = speakerAt(ctx, at, comma - 1);
    if (!m || (m.type !== 'pronoun' && !canSpeak(ctx, m))) continue;
    const v = mainVerb(ctx, m, comma);
    if (v < 0) continue;
    // A verb no lexicon lists must follow the subject at once ("Lee shot back,"); a verb of saying may come after a long subject.
    let adverbs = m.last + 1;
    while (adverbs < v && (CUE_MODIFIERS.has(ctx.words[adverbs]!) || ctx.words[adverbs]!.endsWith('ly'))) adverbs++;
    if (adverbs !== v && !isSpeechCue(ctx, v)) continue;
    if (PASSIVE_AUX.has(ctx.words[v]!)) continue;
    let last = v;
    if (PARTICLES.has(ctx.words[v + 1] ?? '') && !CUE_VERBS.has(ctx.words[v]!)) last = v + 1;
    if (comma - last - 1 > (isSpeechCue(ctx, v) ? MAX_CUE_LEADIN_TAIL : MAX_LEADIN_TAIL)) continue;
    let clean = true;
    for (let k = last + 1; k < comma; k++) {
      const w = ctx.words[k]!;
      if (w === 'that' || (!isWord(ctx, k) && w !== ',' && w !== '(' && w !== ')' && ctx.seg.tokens[k]!.kind !== 'number')) clean = false;
    }
    // "Lee signed the bill, "..."": an object after a verb no lexicon lists makes it an action.
    if (!CUE_VERBS.has(ctx.words[v]!) && last + 1 < comma && ctx.words[last + 1] !== ',' && !/ly$/.test(ctx.words[last + 1]!) && !['so', 'again', 'then', 'later'].includes(ctx.words[last + 1]!)) clean = false;
    if (!clean) continue;
    return { pattern: 'head', cueFirst: v, cueLast: last, cueClass: 'speech', mention: m, fragments, sentence: s, trust: isSpeechCue(ctx, v) ? LONG_TAIL_TRUST : COMMA_LEADIN_TRUST };
  }
  return null;
}

/** Words that open a subordinate clause at the start of a sentence ("When Lee noted that ..., Kim boasted, "...""). */
const SUBORDINATE_OPENERS = new Set(['when', 'after', 'as', 'while', 'although', 'though', 'if', 'before', 'once', 'because', 'since', 'until', 'whereas']);

/** Whether sentence `s` opens with a subordinate clause ("When ...", "But after ..."). */
export function opensWithSubordinator(ctx: QuoteContext, s: number): boolean {
  const sent = ctx.seg.sentences[s]!;
  let at = sent.tokenStart;
  while (at < sent.tokenEnd && (ctx.words[at] === 'but' || ctx.words[at] === 'and')) at++;
  return SUBORDINATE_OPENERS.has(ctx.words[at] ?? '');
}

/**
 * Where the main clause starts when frame `f`'s cue lies in a subordinate clause that opens its
 * sentence and the main clause introduces a quotation of its own subject with a comma or a colon:
 * "When Lee noted that the fees rose, Kim boasted, "That makes me smart."", "After Lee said that
 * ..., Kim said: "...""). The cue's reported speech ends before that clause; -1 otherwise.
 */
export function mainClauseAfterCue(ctx: QuoteContext, f: Frame, leadIn: (open: number) => Frame | null): number {
  const sent = ctx.seg.sentences[f.sentence]!;
  if (!opensWithSubordinator(ctx, f.sentence) || f.cueFirst < 0) return -1;
  const end = Math.max(...f.fragments.map(([, b]) => b));
  for (let k = f.cueLast + 1; k < sent.tokenEnd && ctx.seg.tokens[k]!.start < end; k++) {
    if (!isQuoteMark(ctx, k) || ctx.regionOf[k]! < 0 || ctx.regions[ctx.regionOf[k]!]!.open !== ctx.seg.tokens[k]!.start) continue;
    const sep = ctx.words[k - 1];
    if (sep !== ',' && sep !== ':') return -1;
    const lead = leadIn(k);
    return lead && lead.mention && lead.mention.first > f.cueLast + 1 ? lead.mention.first : -1;
  }
  return -1;
}
