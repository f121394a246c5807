/**
 * Time adjuncts around a cue ("on Monday", "late Tuesday", "earlier this month", "ten days ago"):
 * where one ends after a cue or after a tail's cue, and where one starts before a cue ("The union on
 * Monday warned"). Read from a small closed vocabulary, a few tokens at most.
 */
import type { QuoteContext } from './context';
import { opensSubject } from './word-classes';

/** Time words that end an adjunct between a subject and its cue ("The union on Monday warned", "The mayor last week said"). */
export const TIME_ANCHORS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'ago',
]);
/** Words that may precede a time anchor inside that adjunct ("on Monday", "earlier this month", "late Tuesday"). */
const TIME_LEADS = new Set([
  'on', 'last', 'this', 'earlier', 'later', 'late', 'early', 'next', 'that', 'same', 'the', 'previous', 'days', 'weeks', 'months', 'years', 'two', 'three', 'few', 'a', 'than', 'less', 'more', 'past',
  // "on Thursday evening", "Monday night"
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);
/** Most tokens of such a time adjunct. */
const MAX_TIME_ADJUNCT_TOKENS = 6;

/**
 * The token after a time adjunct that starts at `j` ("on Friday", "last week", "earlier this year",
 * "Monday"): it ends at its anchor word; `j` when there is none.
 */
export function timeAdjunctAfter(ctx: QuoteContext, j: number, te: number): number {
  for (let k = j; k < te && k < j + MAX_TIME_ADJUNCT_TOKENS; k++) {
    if (ctx.regionOf[k]! >= 0) return j;
    const w = ctx.words[k]!;
    if (TIME_ANCHORS.has(w)) return k + 1;
    if (!TIME_LEADS.has(w) || w === 'that') return j;
  }
  return j;
}

/** First token of a time adjunct ending at `last` ("on Monday", "earlier this month"), or -1. */
export function timeAdjunctStart(ctx: QuoteContext, last: number, ts: number): number {
  if (last < ts || !TIME_ANCHORS.has(ctx.words[last]!) || ctx.regionOf[last]! >= 0) return -1;
  let first = last;
  while (first - 1 >= ts && first - 1 > last - MAX_TIME_ADJUNCT_TOKENS && TIME_LEADS.has(ctx.words[first - 1]!) && ctx.regionOf[first - 1]! < 0) first--;
  // "the" alone does not open a time adjunct ("the night said" is no sentence); it must follow another lead.
  while (first < last && ctx.words[first] === 'the') first++;
  return first;
}

/**
 * The token after a time adjunct that opens at `j` right after a cue and is followed by the subject
 * of the content clause ("said on Friday he", "said late Tuesday the plan"); `j` when there is none.
 */
export function afterTimeAdjunct(ctx: QuoteContext, j: number, te: number): number {
  const k = timeAdjunctEnd(ctx, j, te);
  if (k === j || k >= te || !opensSubject(ctx, k) || ctx.words[k] === 'the' && TIME_ANCHORS.has(ctx.words[k + 1] ?? '')) return j;
  return k;
}

/** Number words that count time ("ten days ago", "two weeks later"). */
const TIME_COUNTS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'few', 'many']);

/** The token after a time adjunct that opens at `j` ("on Friday", "late Tuesday", "ten days ago"); `j` when none opens there. */
export function timeAdjunctEnd(ctx: QuoteContext, j: number, te: number): number {
  let k = j;
  let end = j;
  while (k < te && k < j + MAX_TIME_ADJUNCT_TOKENS && ctx.regionOf[k]! < 0) {
    const w = ctx.words[k]!;
    if (!TIME_LEADS.has(w) && !TIME_ANCHORS.has(w) && !TIME_COUNTS.has(w) && ctx.seg.tokens[k]!.kind !== 'number') break;
    k++;
    if (TIME_ANCHORS.has(w)) end = k;
  }
  return end;
}
