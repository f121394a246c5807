/**
 * Part-of-speech tags and light entity types for one sentence, from wink-nlp's English lite model
 * (about 95% POS accuracy on news, no network, no native code). The model is loaded once, on the
 * first question that needs it (~250 ms), and a sentence is tagged at most once per index (~50 us
 * for a 30-word sentence). Tags are mapped onto Lede's own tokens by character offset, so spans
 * stay exact even where wink splits words differently ("Grenell's" -> "Grenell" + "'s").
 */
import { createRequire } from 'node:module';

/** Universal POS tags as wink emits them, plus 'X' when a token could not be aligned. */
export type PosTag = string;

interface WinkToken {
  readonly start: number;
  readonly end: number;
  readonly pos: string;
  entity: string | null;
}

interface WinkApi {
  readDoc(text: string): {
    tokens(): { out(f?: unknown): string[] };
    entities(): { out(f?: unknown): unknown[] };
  };
  its: { pos: unknown; precedingSpaces: unknown; span: unknown; type: unknown; value: unknown };
}

let wink: WinkApi | null | undefined;

/** Load the model once; null when it cannot be loaded (then callers fall back to capitalization). */
function loadWink(): WinkApi | null {
  if (wink !== undefined) return wink;
  try {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown) => WinkApi;
    const model = require('wink-eng-lite-web-model') as unknown;
    wink = winkNLP(model);
  } catch {
    wink = null;
  }
  return wink;
}

/** Longest text handed to the tagger at once; longer sentences are tagged on their prefix only. */
export const MAX_TAGGED_CHARS = 4000;

function winkTokens(text: string): WinkToken[] {
  const nlp = loadWink();
  if (!nlp) return [];
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out();
  const pos = doc.tokens().out(nlp.its.pos);
  const out: WinkToken[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    // wink keeps the text losslessly; find each token at or just after the cursor.
    const at = text.indexOf(v, cursor);
    if (at < 0 || at - cursor > 64) {
      out.push({ start: -1, end: -1, pos: pos[i] ?? 'X', entity: null });
      continue;
    }
    out.push({ start: at, end: at + v.length, pos: pos[i] ?? 'X', entity: null });
    cursor = at + v.length;
  }
  const spans = doc.entities().out(nlp.its.span) as Array<[number, number]>;
  const types = doc.entities().out(nlp.its.type) as string[];
  for (let e = 0; e < spans.length; e++) {
    const [a, b] = spans[e]!;
    for (let i = a; i <= b && i < out.length; i++) out[i]!.entity = types[e] ?? null;
  }
  return out;
}

/** POS tag and wink entity type (DATE, TIME, DURATION, CARDINAL, ORDINAL, MONEY, PERCENT...) per token. */
export interface TokenTags {
  readonly pos: readonly PosTag[];
  readonly entity: readonly (string | null)[];
}

/**
 * Tag the tokens [start,end) given as offsets into `text` (a sentence's tokens). Tokens past
 * MAX_TAGGED_CHARS, or that wink did not see, get 'X'.
 */
export function tagTokens(text: string, tokens: ReadonlyArray<{ start: number; end: number }>): TokenTags {
  const pos: PosTag[] = new Array<PosTag>(tokens.length).fill('X');
  const entity: (string | null)[] = new Array<string | null>(tokens.length).fill(null);
  if (tokens.length === 0) return { pos, entity };
  const base = tokens[0]!.start;
  const limit = Math.min(tokens[tokens.length - 1]!.end, base + MAX_TAGGED_CHARS);
  const wt = winkTokens(text.slice(base, limit));
  let j = 0;
  for (let i = 0; i < tokens.length; i++) {
    const s = tokens[i]!.start - base;
    const e = tokens[i]!.end - base;
    if (tokens[i]!.start >= limit) break;
    while (j < wt.length && (wt[j]!.start < 0 || wt[j]!.end <= s)) j++;
    if (j >= wt.length) break;
    const w = wt[j]!;
    if (w.start < e) {
      pos[i] = w.pos;
      entity[i] = w.entity;
    }
  }
  return { pos, entity };
}
