/**
 * An attribution written as a sentence of its own after a quotation that closed with its own
 * period: `"We will find the money." Lee said.` / `"..." said Lee.` (news copy where the comma
 * became a period). The sentence must be only the attribution and a short adjunct ("Lee said on
 * Friday."): a sentence that goes on with a clause ("Lee said the money was found.") is a new
 * report, not this quotation's credit.
 */
import { isQuoteMark, type QuoteContext } from './context';
import type { Span } from './content';
import type { Frame } from './frames';
import { mentionStartingAt, type Mention } from './mentions';
import { CUE_VERBS } from '../lexicon/speech-verbs';

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

function speechCue(ctx: QuoteContext, k: number): boolean {
  const cue = CUE_VERBS.get(ctx.words[k] ?? '');
  return cue !== undefined && cue.cls === 'speech' && (cue.form === 'past' || cue.form === 'third');
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
  if (speechCue(ctx, k)) {
    // "said Lee."
    mention = mentionStartingAt(ctx, k + 1, te - 1);
    if (mention && mention.type !== 'pronoun' && onlyAdjunct(ctx, mention.last + 1, te)) cue = k;
  } else {
    // "Lee said." / "she added."
    const m = mentionStartingAt(ctx, k, te - 1);
    if (m && speechCue(ctx, m.last + 1) && (m.type !== 'pronoun' || ctx.words[m.first] !== 'it') && onlyAdjunct(ctx, m.last + 2, te)) {
      mention = m;
      cue = m.last + 1;
    }
  }
  if (!mention || cue < 0) return null;
  return { pattern: 'tail', cueFirst: cue, cueLast: cue, cueClass: 'speech', mention, fragments, sentence: s, trust: TRAILING_TRUST };
}
