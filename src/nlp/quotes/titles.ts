/**
 * Quoted titles inside a narrator's sentence: `he said on "Harbour Morning."`, `star of the cooking
 * show "Bread Wars."`, `on River Radio's "Weekend Ledger,"`. A short quotation whose
 * words are all capitalized (small joining words aside), set in a sentence that is not itself in
 * title case, right after a word of the narrator's (a preposition, a noun, a possessive): the name
 * of a show, a book or a group, nobody's words. A quotation that opens its sentence or follows
 * punctuation ("Your Honor," I said) is left to the speech rules.
 */
import { isCapitalized, isQuoteMark, isWord, tokenAtOrAfter, type QuoteContext } from './context';

/** Most words of a quoted title ("Plan for Safer Streets", "Keepers of the Lighthouse"). */
const MAX_TITLE_WORDS = 5;
/** Fewest capitalized words: a lone capitalized word may be a name or a shout ("Judge"). */
const MIN_TITLE_CAPITALS = 2;
/** Lowercase words a title may hold between its capitalized ones. */
const TITLE_JOINERS = new Set(['of', 'the', 'a', 'an', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', '&']);
/** Punctuation a title may carry inside its closing mark (American style: `"Bread Wars."`). */
const TRAILING_MARKS = new Set(['.', ',']);

/** Whether the quotation region `r` is a title set in a narrator's sentence. */
export function isQuotedTitle(ctx: QuoteContext, r: number): boolean {
  const reg = ctx.regions[r]!;
  if (reg.close < 0 || reg.continues || reg.continuation || reg.words > MAX_TITLE_WORDS) return false;
  const open = tokenAtOrAfter(ctx, reg.open);
  const before = open - 1;
  const s = ctx.sentenceOf[open]!;
  const sent = ctx.seg.sentences[s]!;
  // Right after a word of the narrator's sentence.
  if (before < sent.tokenStart || !isWord(ctx, before) || ctx.regionOf[before]! >= 0) return false;
  let capitals = 0;
  let k = open + 1;
  for (; k < sent.tokenEnd && ctx.regionOf[k] === r && !isQuoteMark(ctx, k); k++) {
    const w = ctx.words[k]!;
    if (isWord(ctx, k)) {
      if (isCapitalized(ctx, k)) capitals++;
      else if (!TITLE_JOINERS.has(w) || k === open + 1) return false;
    } else if (!(TRAILING_MARKS.has(w) && isQuoteMark(ctx, k + 1)) && ctx.seg.tokens[k]!.kind !== 'number') {
      return false;
    }
  }
  if (capitals < MIN_TITLE_CAPITALS) return false;
  // A headline is in title case throughout; a title stands out of a sentence with lowercase words
  // (looked for in the few words before it, so that a long sentence costs no more).
  for (let j = before; j >= sent.tokenStart && j > before - CONTEXT_TOKENS; j--) {
    if (ctx.regionOf[j]! < 0 && isWord(ctx, j) && !isCapitalized(ctx, j) && !TITLE_JOINERS.has(ctx.words[j]!)) return true;
  }
  return false;
}

/** Tokens before a title searched for a lowercase word of the narrator's. */
const CONTEXT_TOKENS = 12;
