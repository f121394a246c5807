/**
 * Content spans: where the reported words of an attribution begin and end, and whether they are a
 * direct quotation, mixed, or indirect speech.
 */
import type { QuoteKind } from './types';
import { regionEnd, type QuoteContext } from './context';
import type { QuoteRegion } from './marks';
import { isSpaceCode } from '../segment-tokens';

export type Span = [number, number];

/** Characters trimmed off the end of a span: JavaScript whitespace (`\s`) and . , ; : ! ? dashes. */
function isTrailingPunct(c: number): boolean {
  return isSpaceCode(c) || c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x2014 || c === 0x2013 || c === 0x2d;
}

/** Characters trimmed off the start of a span: JavaScript whitespace (`\s`) and , ; : dashes. */
function isLeadingPunct(c: number): boolean {
  return isSpaceCode(c) || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x2014 || c === 0x2013 || c === 0x2d;
}

/**
 * Trim spaces and edge punctuation outside quotation marks; returns null when nothing is left.
 * A walk over character codes from each end (called for every attribution and fragment).
 */
export function trimSpan(folded: string, start: number, end: number): Span | null {
  let s = start;
  while (s < end && isLeadingPunct(folded.charCodeAt(s))) s++;
  let e = end;
  while (e > start && isTrailingPunct(folded.charCodeAt(e - 1))) e--;
  return e > s ? [s, e] : null;
}

/** The region whose opening mark is at `offset`, if any (binary search over regions in order). */
export function regionOpeningAt(ctx: QuoteContext, offset: number): number {
  let lo = 0;
  let hi = ctx.regions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ctx.regions[mid]!;
    if (r.open === offset) return mid;
    if (r.open < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The regions of a quotation that runs over several paragraphs, starting at region `r`. */
export function regionChain(ctx: QuoteContext, r: number): number[] {
  const chain = [r];
  let k = r;
  while (ctx.regions[k]?.continues && ctx.regions[k + 1]?.continuation && chain.length < 200) {
    k++;
    chain.push(k);
  }
  return chain;
}

/** First region index at or after `offset` (regions are in text order). */
export function firstRegionFrom(ctx: QuoteContext, offset: number): number {
  let lo = 0;
  let hi = ctx.regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.regions[mid]!.open < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Extend `end` to the end of any quotation that starts inside [start, end) and closes later. */
export function extendOverQuotes(ctx: QuoteContext, start: number, end: number, limit: number): number {
  let e = end;
  for (let r = firstRegionFrom(ctx, start); r < ctx.regions.length; r++) {
    const reg = ctx.regions[r]!;
    if (reg.open >= e) break;
    const chainEnd = regionEnd(ctx.regions[regionChain(ctx, r).at(-1)!]!);
    if (chainEnd > e && chainEnd <= limit) e = chainEnd;
  }
  return e;
}

/** Whether [start, end) is exactly one quotation (chain), marks and edge punctuation aside. */
export function directRegions(ctx: QuoteContext, start: number, end: number): QuoteRegion[] | null {
  const span = trimSpan(ctx.folded, start, end);
  if (!span) return null;
  const r = regionOpeningAt(ctx, span[0]);
  if (r < 0) return null;
  const chain = regionChain(ctx, r).map((k) => ctx.regions[k]!);
  const last = chain.at(-1)!;
  const lastEnd = regionEnd(last);
  // The quotation must reach the end of the span (allowing the edge punctuation outside it).
  if (lastEnd < span[1]) return null;
  if (lastEnd > end + 1) return null;
  return chain;
}

/** Kind of a content span: direct if it is one quotation, mixed if it holds a quotation, else indirect. */
export function kindOf(ctx: QuoteContext, start: number, end: number): QuoteKind {
  if (directRegions(ctx, start, end)) return 'direct';
  const r = firstRegionFrom(ctx, start);
  const reg = ctx.regions[r];
  return reg && reg.open < end ? 'mixed' : 'indirect';
}

/** Fragments of a direct quotation: each region's content, marks excluded. */
export function regionFragments(chain: readonly QuoteRegion[]): Span[] {
  return chain.map((r) => [r.start, r.end] as Span).filter(([a, b]) => b > a);
}
