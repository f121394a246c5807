/**
 * Labels in capitals before a colon: a transcript's speaker ("RAMOS:", "SMITH:") or a section
 * heading ("ANALYST'S TAKE:", "STAT OF THE WEEK:", "BOOM:"). A label in capitals is a speaker when
 * it reads as a name (no possessive, no function word) and either the article names it inside a
 * paragraph too ("Jorge Ramos asked ... RAMOS:", "the AP reported ... AP:") or a neighbouring
 * paragraph opens with such a label (a transcript's alternating lines).
 */
import { isCapitalized, isQuoteMark, type QuoteContext } from './context';

/** Words that make a label in capitals a heading, not a name. */
const HEADING_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'is', 'it', 'its', 'what', 'why', 'how',
  'who', 'when', 'where', 'this', 'that', 'week', 'day', 'news', 'more', 'take', 'next', 'latest', 'update',
  'byline', 'email', 'look', 'watch', 'read', 'breaking', 'exclusive', 'video', 'photos', 'photo', 'busted',
  'boom', 'stat', 'bottom', 'line', 'quote', 'fact', 'check', 'analysis', 'opinion', 'editorial', 'note',
]);

/** How many paragraphs away another label in capitals makes a transcript ("(BEGIN VIDEO CLIP)" lines between). */
const TRANSCRIPT_REACH = 3;

/**
 * Capitalized words of each article that stand inside a paragraph, not at its start where a label
 * would be, lowercased: built once per article, on the first label in capitals.
 */
const runningNames = new WeakMap<QuoteContext, Set<string>>();

function runningNameSet(ctx: QuoteContext): Set<string> {
  let set = runningNames.get(ctx);
  if (set) return set;
  set = new Set();
  const starts = new Set<number>();
  for (const p of ctx.seg.paragraphs) {
    const sent = ctx.seg.sentences[p.sentenceStart];
    if (!sent) continue;
    // Up to the colon of a label: "JAKE TAPPER:" does not vouch for itself.
    let colon = sent.tokenStart;
    while (colon < sent.tokenEnd && colon < sent.tokenStart + 6 && ctx.words[colon] !== ':') colon++;
    if (ctx.words[colon] === ':') for (let k = sent.tokenStart; k < colon; k++) starts.add(k);
  }
  for (let i = 0; i < ctx.seg.tokens.length; i++) if (isCapitalized(ctx, i) && !starts.has(i)) set.add(ctx.words[i]!);
  runningNames.set(ctx, set);
  return set;
}

function isUpper(ctx: QuoteContext, first: number, last: number): boolean {
  const s = ctx.folded.slice(ctx.seg.tokens[first]!.start, ctx.seg.tokens[last]!.end);
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

/** Whether paragraph `p` opens with a label in capitals and a colon that reads as a name (up to five tokens). */
function opensWithCapsLabel(ctx: QuoteContext, p: number): boolean {
  const para = ctx.seg.paragraphs[p];
  if (!para) return false;
  const sent = ctx.seg.sentences[para.sentenceStart];
  if (!sent) return false;
  let i = sent.tokenStart;
  if (isQuoteMark(ctx, i)) i++;
  let j = i;
  // "GOV. MARY FALLIN:": the period of an abbreviated title belongs to the label.
  while (j < sent.tokenEnd && j < i + 5 && (isCapitalized(ctx, j) || (ctx.words[j] === '.' && j > i))) j++;
  if (j === i || ctx.words[j] !== ':' || !isUpper(ctx, i, j - 1)) return false;
  for (let k = i; k < j; k++) if (HEADING_WORDS.has(ctx.words[k]!)) return false;
  return true;
}

/**
 * Whether the label of tokens [first, last] in paragraph `p` may be a speaker: any label not in
 * capitals passes (other rules judge it); one in capitals must read as a name, and be named
 * elsewhere in the article or stand among other labelled lines.
 */
export function labelCanSpeak(ctx: QuoteContext, first: number, last: number, p: number): boolean {
  if (!isUpper(ctx, first, last)) return true;
  for (let k = first; k <= last; k++) {
    const w = ctx.words[k]!;
    if (HEADING_WORDS.has(w) || /['\u2019]/.test(w)) return false;
  }
  for (let q = p - TRANSCRIPT_REACH; q <= p + TRANSCRIPT_REACH; q++) if (q !== p && opensWithCapsLabel(ctx, q)) return true;
  return runningNameSet(ctx).has(ctx.words[last]!);
}
