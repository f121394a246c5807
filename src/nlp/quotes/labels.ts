/**
 * Labels before a colon that open a paragraph. labelFrame reads a paragraph that starts with
 * `NAME:` as what NAME said (a Q&A transcript's lines, a "NAME: words" headline). Labels in capitals
 * are a transcript's speaker ("RAMOS:", "SMITH:") or a section heading ("ANALYST'S TAKE:", "STAT OF
 * THE WEEK:", "BOOM:"). A label in capitals is a speaker when it reads as a name (no possessive, no
 * function word) and either the article names it inside a paragraph too ("Jorge Ramos asked ...
 * RAMOS:", "the AP reported ... AP:") or a neighbouring paragraph opens with such a label (a
 * transcript's alternating lines).
 */
import { CUE_VERBS } from '../lexicon/speech-verbs';
import { PRONOUNS } from '../lexicon/titles-roles';
import { isCapitalized, isQuoteMark, type QuoteContext } from './context';
import { trimSpan } from './content';
import type { Mention } from './mentions';
import type { Frame } from './frame-types';
import { isTerminal, tokStart } from './word-classes';

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

/** The label of a paragraph that starts with `NAME:` (up to four capitalized tokens), as token indexes; null when it has none. */
function labelAt(ctx: QuoteContext, paragraph: number): { first: number; colon: number } | null {
  const p = ctx.seg.paragraphs[paragraph]!;
  const sents = ctx.seg.sentences;
  const s = p.sentenceStart;
  const first = sents[s];
  if (!first) return null;
  let i = first.tokenStart;
  if (isQuoteMark(ctx, i)) i++;
  let j = i;
  while (j < first.tokenEnd && j < i + 4 && isCapitalized(ctx, j)) j++;
  if (j === i || ctx.words[j] !== ':' || j + 1 >= first.tokenEnd && sents.length <= s + 1) return null;
  const label = ctx.folded.slice(tokStart(ctx, i), ctx.seg.tokens[j - 1]!.end);
  // A label is a name (or surname in capitals), not a heading word like "Update" or a "Q".
  if (/^(?:Q|A|Question|Answer|Update|Note|Editor|Photo|Video|Watch|Read|Related|Source|Sources|Correction)$/i.test(label)) return null;
  if (ctx.words[i]! in PRONOUNS) return null;
  // A heading in capitals ("ANALYST'S TAKE:", "BOOM:") is no speaker; a transcript's "RAMOS:" is.
  if (!labelCanSpeak(ctx, i, j - 1, paragraph)) return null;
  return { first: i, colon: j };
}

/** Most tokens between a comma and the cue of a trailing credit (", News.Az informs"), and after the cue (" via Reuters"). */
const CREDIT_TOKENS = 4;

/**
 * Whether the paragraph ends by crediting its words to a source: ", News.Az informs via Reuters.",
 * ", the agency reported." (a speech cue shortly after a comma, near the end of a sentence, whose
 * subject is not the speaker in person: "as I said" is no credit).
 */
function creditedAtEnd(ctx: QuoteContext, from: number, paragraph: number): boolean {
  const p = ctx.seg.paragraphs[paragraph]!;
  for (let s = p.sentenceStart; s < p.sentenceEnd; s++) {
    const { tokenStart, tokenEnd } = ctx.seg.sentences[s]!;
    let end = tokenEnd;
    while (end > tokenStart && isTerminal(ctx, end - 1)) end--;
    for (let k = Math.max(from, end - CREDIT_TOKENS - 1); k < end; k++) {
      if (CUE_VERBS.get(ctx.words[k]!)?.cls !== 'speech' || (ctx.words[k - 1] ?? '') in PRONOUNS) continue;
      const lead = ctx.words.slice(Math.max(from, k - CREDIT_TOKENS - 1), k);
      if (lead.includes(',') && !lead.includes('as') && !lead.some((_, n) => isQuoteMark(ctx, k - lead.length + n))) return true;
    }
  }
  return false;
}

/**
 * Q&A transcripts and "NAME: words" headlines: a paragraph that starts with `NAME:` is what NAME
 * said, unless the paragraph credits its words to someone else at its end ("Trump: Venezuela agrees
 * to take back migrants, News.Az informs via Reuters." is News.Az's report, not Trump's words).
 */
export function labelFrame(ctx: QuoteContext, paragraph: number): Frame | null {
  const at = labelAt(ctx, paragraph);
  if (!at) return null;
  if (creditedAtEnd(ctx, at.colon + 1, paragraph)) return null;
  const p = ctx.seg.paragraphs[paragraph]!;
  const mention: Mention = { first: at.first, last: at.colon - 1, type: 'name' };
  const span = trimSpan(ctx.folded, ctx.seg.tokens[at.colon]!.end, p.end);
  if (!span) return null;
  return { pattern: 'label', cueFirst: at.colon, cueLast: at.colon, cueClass: 'speech', mention, fragments: [span], sentence: p.sentenceStart, trust: 0.8 };
}
