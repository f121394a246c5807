/**
 * Quotations embedded in a clause whose verb is no cue for a clause of its own: `Lee called the
 * plan "a gift to the developers"`, `Lee thanked the crews for "working through the night"`, `Lee
 * blasted the board, calling it "a rubber stamp for the mayor"`. The quoted words are the subject's:
 * the speaker is the verb's subject (the name right before it, or the sentence's subject before a
 * ", calling ..." gerund). A participle after a noun ("a group called "Friends of the River"") has
 * no subject of its own and gives nothing. The look back from the quotation is a dozen tokens.
 */
import { isCapitalized, isQuoteMark, isWord, type QuoteContext } from './context';
import type { Span } from './content';
import type { Frame } from './frame-types';
import { canSpeak, subjectMention } from './leadin';
import { mentionEndingAt, type Mention } from './mentions';
import { CUE_MODIFIERS, CUE_VERBS } from '../lexicon/speech-verbs';

/** Most tokens between the verb and the quotation ("called Ford's plans to open a plant in Mexico "..."). */
const MAX_EMBED_GAP = 14;
/** Trust of such an attribution: the verb says whose words they are only by implication. */
const EMBED_TRUST = 0.6;

/**
 * Verbs of naming, judging and committing whose object or complement may quote the subject's
 * words: every form (base, -s, past, -ing).
 */
const EMBED_VERBS: ReadonlySet<string> = new Set(
  [
    ['call', 'calls', 'called', 'calling'], ['label', 'labels', 'labeled', 'labelled', 'labeling', 'labelling'],
    ['dub', 'dubs', 'dubbed', 'dubbing'], ['brand', 'brands', 'branded', 'branding'], ['term', 'terms', 'termed', 'terming'],
    ['describe', 'describes', 'described', 'describing'], ['thank', 'thanks', 'thanked', 'thanking'],
    ['praise', 'praises', 'praised', 'praising'], ['criticize', 'criticizes', 'criticized', 'criticizing'],
    ['criticise', 'criticises', 'criticised', 'criticising'], ['blast', 'blasts', 'blasted', 'blasting'],
    ['slam', 'slams', 'slammed', 'slamming'], ['accuse', 'accuses', 'accused', 'accusing'], ['blame', 'blames', 'blamed', 'blaming'],
    ['mock', 'mocks', 'mocked', 'mocking'], ['condemn', 'condemns', 'condemned', 'condemning'],
    ['denounce', 'denounces', 'denounced', 'denouncing'], ['decry', 'decries', 'decried', 'decrying'],
    ['hail', 'hails', 'hailed', 'hailing'], ['tout', 'touts', 'touted', 'touting'], ['vow', 'vows', 'vowed', 'vowing'],
    ['pledge', 'pledges', 'pledged', 'pledging'], ['promise', 'promises', 'promised', 'promising'],
    ['defend', 'defends', 'defended', 'defending'], ['dismiss', 'dismisses', 'dismissed', 'dismissing'],
    ['urge', 'urges', 'urged', 'urging'], ['attack', 'attacks', 'attacked', 'attacking'],
    ['characterize', 'characterizes', 'characterized', 'characterizing'], ['refer', 'refers', 'referred', 'referring'],
  ].flat(),
);

/** Tokens that end the look back: another clause or sentence part begins there. */
const STOPS = new Set([';', ':', '(', ')', ',', '.', 'which', 'who', 'whom', 'whose', 'where']);
/** Words before a gerund that tie it to the sentence subject ("..., calling it", "by calling it"). */
const GERUND_LEADS = new Set([',', 'by', 'while', 'after', 'before', 'when', 'and', '\u2014']);
/** Punctuation after which a mention opens its clause ("Even its backers hedged: Ann Lee called it ..."). */
const CLAUSE_BREAKS = new Set([',', ':', ';', '\u2014', '\u2013']);
/** Auxiliaries between a subject and its verb ("is labeling", "has called"). */
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'did', 'does', 'do']);
/** Most modifiers and auxiliaries skipped back from the verb. */
const MAX_MODIFIERS = 4;

function isEmbedVerb(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k]!;
  if (!isWord(ctx, k) || isCapitalized(ctx, k) || ctx.regionOf[k]! >= 0) return false;
  if (EMBED_VERBS.has(w)) return true;
  const cue = CUE_VERBS.get(w);
  return cue !== undefined && cue.cls === 'speech';
}

/** The subject of the verb at `v`: the mention right before it (over adverbs and auxiliaries), or for a gerund the sentence's subject. */
export function subjectOf(ctx: QuoteContext, v: number, ts: number): Mention | null {
  const w = ctx.words[v]!;
  if (w.endsWith('ing')) {
    if (GERUND_LEADS.has(ctx.words[v - 1] ?? '')) return subjectMention(ctx, ts, v);
    // "with the teachers' union calling her ...": the absolute phrase's own subject.
    const own = mentionEndingAt(ctx, v - 1, ts);
    return own && own.type !== 'pronoun' && ctx.words[own.first - 1] === 'with' && canSpeak(ctx, own) ? own : null;
  }
  let k = v - 1;
  for (let n = 0; n < MAX_MODIFIERS && k >= ts && (CUE_MODIFIERS.has(ctx.words[k]!) || AUXILIARIES.has(ctx.words[k]!)); n++) k--;
  const m = mentionEndingAt(ctx, k, ts);
  if (!m || !canSpeak(ctx, m)) return null;
  // "a group called "...": a participle after a noun phrase that is no subject (it follows a verb or preposition).
  if (m.type !== 'pronoun' && m.first > ts && !isQuoteMark(ctx, m.first - 1) && !CLAUSE_BREAKS.has(ctx.words[m.first - 1]!) && !AUXILIARIES.has(ctx.words[v - 1] ?? '')) {
    const before = ctx.words[m.first - 1]!;
    if (!['and', 'but', 'then', 'so', 'also'].includes(before)) return null;
  }
  return m;
}

/** The frame of an unattributed quotation (opening mark token `open`) embedded under a verb whose subject is its speaker. */
export function embeddedFrame(ctx: QuoteContext, open: number, fragments: Span[]): Frame | null {
  const s = ctx.sentenceOf[open]!;
  const ts = ctx.seg.sentences[s]!.tokenStart;
  if (open <= ts) return null;
  for (let k = open - 1; k >= ts && k >= open - MAX_EMBED_GAP; k--) {
    const w = ctx.words[k]!;
    if (ctx.regionOf[k]! >= 0 || STOPS.has(w)) return null;
    if (!isEmbedVerb(ctx, k)) continue;
    const mention = subjectOf(ctx, k, ts);
    if (!mention) return null;
    return { pattern: 'head', cueFirst: k, cueLast: k, cueClass: 'speech', mention, fragments, sentence: s, trust: EMBED_TRUST };
  }
  return null;
}
