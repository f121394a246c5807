/**
 * The per-article view the quote rules work on: tokens with their lowercase words, which token lies
 * inside which quotation, and the sentence of each token. Built once per article in linear time.
 */
import type { Segmentation } from '../segment';
import { CUE_VERBS } from '../lexicon/speech-verbs';
import { pairQuoteMarks, type QuoteRegion } from './marks';

export interface QuoteContext {
  readonly seg: Segmentation;
  readonly folded: string;
  readonly regions: readonly QuoteRegion[];
  /** Lowercase text of each token. */
  readonly words: readonly string[];
  /** Region index holding each token (marks included), or -1. */
  readonly regionOf: Int32Array;
  /** Sentence index of each token. */
  readonly sentenceOf: Int32Array;
  /** 1 for a word or abbreviation token that starts with a capital letter (see isCapitalized). */
  readonly capital: Uint8Array;
}

export function buildContext(seg: Segmentation): QuoteContext {
  const regions = pairQuoteMarks(seg);
  const { tokens, folded } = seg;
  const words: string[] = new Array<string>(tokens.length);
  const regionOf = new Int32Array(tokens.length).fill(-1);
  // The rules ask "capitalized?" of the same tokens many times (names, frames, labels): answer once.
  const capital = new Uint8Array(tokens.length);
  let r = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    words[i] = folded.slice(t.start, t.end).toLowerCase();
    if (t.kind === 'word' || t.kind === 'abbrev') {
      const ch = folded[t.start]!;
      if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) capital[i] = 1;
    }
    while (r < regions.length && regionEnd(regions[r]!) <= t.start) r++;
    const reg = regions[r];
    if (reg && t.start >= reg.open && t.end <= regionEnd(reg)) regionOf[i] = r;
  }
  const sentenceOf = new Int32Array(tokens.length);
  seg.sentences.forEach((s, si) => sentenceOf.fill(si, s.tokenStart, s.tokenEnd));
  return { seg, folded, regions, words, regionOf, sentenceOf, capital };
}

/** End offset of a region including its closing mark. */
export function regionEnd(r: QuoteRegion): number {
  return r.close >= 0 ? r.close + 1 : r.end;
}

/** A word or abbreviation token that starts with a capital letter (false out of range). */
export function isCapitalized(ctx: QuoteContext, i: number): boolean {
  return ctx.capital[i] === 1;
}

export function isWord(ctx: QuoteContext, i: number): boolean {
  const k = ctx.seg.tokens[i]?.kind;
  return k === 'word' || k === 'abbrev';
}

export function tokenText(ctx: QuoteContext, i: number): string {
  return ctx.words[i] ?? '';
}

/** Whether token i is a double or single quotation mark. */
export function isQuoteMark(ctx: QuoteContext, i: number): boolean {
  return ctx.seg.tokens[i]?.kind === 'quote';
}

/** Index of the first token starting at or after `offset`. */
export function tokenAtOrAfter(ctx: QuoteContext, offset: number): number {
  const toks = ctx.seg.tokens;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Token `k` is a finite verb of saying ("said", "says", "told"): the cue a tail attribution turns on. */
export function isFiniteSpeechCue(ctx: QuoteContext, k: number): boolean {
  const cue = CUE_VERBS.get(ctx.words[k] ?? '');
  return cue !== undefined && cue.cls === 'speech' && (cue.form === 'past' || cue.form === 'third');
}

/**
 * The sentence a tail attribution after the quotation closing at `closeToken` may sit in: the
 * quotation's own sentence, or ('"...?" Lee asked.') the next one of the same paragraph when it starts
 * right after the mark; -1 when neither.
 */
export function tailSentenceAfter(ctx: QuoteContext, closeToken: number): number {
  const k = closeToken + 1;
  if (k >= ctx.seg.tokens.length) return -1;
  const s = ctx.sentenceOf[k]!;
  const own = ctx.sentenceOf[closeToken]!;
  if (s === own) return s;
  const sent = ctx.seg.sentences[s]!;
  return sent.tokenStart === k && sent.paragraph === ctx.seg.sentences[own]!.paragraph ? s : -1;
}
