/**
 * Verbs of naming with an object and its complement: `Lee called the plan "a disaster"`, `Lee
 * called Trump "unhinged."`, `..., calling him a fraud`, `Lee dubbed the bill "the taxpayer's
 * nightmare"`. What the subject said is the object together with what it was called, so the content
 * runs from the object over the complement to the end of the clause. Only where the complement is
 * plainly the subject's words: a quotation a few words after the verb, or a pronoun object with a
 * noun phrase after it ("calling them liars"). The verb's other uses take nothing: "called for",
 * "called on", "called off", "a group called ...", "was called", "called him a day later".
 */
import { isCapitalized, isQuoteMark, isWord, type QuoteContext } from './context';
import { trimSpan } from './content';
import type { Frame } from './frame-types';
import { subjectOf } from './embedded';
import { CUE_VERBS } from '../lexicon/speech-verbs';

/** Forms of the naming verbs, with whether the form is a gerund. */
const NAMING_FORMS: ReadonlyMap<string, 'finite' | 'gerund'> = new Map(
  [
    ['call', 'calls', 'called', 'calling'],
    ['dub', 'dubs', 'dubbed', 'dubbing'],
    ['label', 'labels', 'labeled', 'labelled', 'labeling', 'labelling'],
    ['brand', 'brands', 'branded', 'branding'],
    ['term', 'terms', 'termed', 'terming'],
  ].flatMap((forms) => forms.map((f): [string, 'finite' | 'gerund'] => [f, f.endsWith('ing') ? 'gerund' : 'finite'])),
);
/** Particles and prepositions after the verb that make it another verb ("called for", "called on", "called off"). */
const NOT_AN_OBJECT = new Set([
  'for', 'on', 'off', 'up', 'out', 'in', 'back', 'to', 'into', 'at', 'by', 'upon', 'from', 'with', 'about', 'over',
  'itself', 'himself', 'herself', 'themselves', 'myself', 'ourselves', 'yourself', 'that', 'this', 'what', 'it.',
]);
/** Object pronouns that a noun-phrase complement may follow without quotation marks ("calling them liars"). */
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'it']);
/** Determiners that open a noun-phrase complement ("a fraud", "an embarrassment"). */
const COMPLEMENT_DETERMINERS = new Set(['a', 'an']);
/** Nouns after "a" that make the phrase a time, not a complement ("called him a day later"). */
const TIME_NOUNS = new Set(['day', 'week', 'month', 'year', 'few', 'couple', 'number', 'lot', 'second', 'minute', 'moment', 'while', 'time']);
/** Copulas and auxiliaries of a passive before the verb ("the plan was called ..."): no speaker there. */
const PASSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** Most tokens of the object before the quoted complement ("called Ford's plans to open a plant in Mexico "..."). */
const MAX_OBJECT_TOKENS = 12;
/** Words of a quotation the embedded rule reports on its own (extract.ts: a full sentence's worth). */
const LONG_QUOTATION_WORDS = 8;
/** Confidence of a naming frame: the verb says whose words they are by implication. */
const NAMING_TRUST = 0.65;

/**
 * The frame of the naming verb at token `v` in sentence `s` (tokens [ts, te)): the subject (the
 * mention before a finite verb, the sentence subject before ", calling"), the object and its
 * complement as content. Null when the verb is no naming here.
 */
export function namingFrame(ctx: QuoteContext, s: number, v: number, ts: number, te: number): Frame | null {
  const form = NAMING_FORMS.get(ctx.words[v]!);
  if (!form || isCapitalized(ctx, v) || v + 2 >= te) return null;
  const obj = v + 1;
  const w = ctx.words[obj]!;
  if (ctx.regionOf[obj]! >= 0 || !isWord(ctx, obj) || NOT_AN_OBJECT.has(w) || CUE_VERBS.has(w)) return null;
  if (form === 'finite' && PASSIVE_AUX.has(ctx.words[v - 1] ?? '')) return null;
  // The complement: a quotation within a few words after the object starts, or after a pronoun object a noun phrase.
  let quoteAt = -1;
  for (let k = obj + 1; k < te && k <= obj + MAX_OBJECT_TOKENS; k++) {
    if (isQuoteMark(ctx, k) && ctx.regionOf[k]! >= 0) {
      quoteAt = k;
      break;
    }
    if (isTerminal(ctx, k) || ctx.words[k] === ',' || ctx.words[k] === ';' || ctx.words[k] === ':') break;
  }
  const next = ctx.words[obj + 1] ?? '';
  const plainComplement = OBJECT_PRONOUNS.has(w) && COMPLEMENT_DETERMINERS.has(next) && isWord(ctx, obj + 2) && !TIME_NOUNS.has(ctx.words[obj + 2]!) ||
    OBJECT_PRONOUNS.has(w) && w !== 'it' && isPluralNoun(ctx, obj + 1);
  if (quoteAt < 0 && !plainComplement) return null;
  // A long quotation under the verb is a quote of its own, which the embedded rule gives the subject
  // as it stands (`Lee called the plan "a gift to the developers who paid for it"`).
  if (quoteAt >= 0 && ctx.regions[ctx.regionOf[quoteAt]!]!.words >= LONG_QUOTATION_WORDS) return null;
  const mention = subjectOf(ctx, v, ts);
  if (!mention) return null;
  const end = clauseEnd(ctx, obj, quoteAt, te);
  const span = trimSpan(ctx.folded, ctx.seg.tokens[obj]!.start, ctx.seg.tokens[end - 1]!.end);
  if (!span || span[0] >= span[1]) return null;
  return { pattern: form === 'gerund' ? 'gerund' : 'head', cueFirst: v, cueLast: v, cueClass: 'speech', mention, fragments: [span], sentence: s, trust: NAMING_TRUST };
}

/** A lowercase plural noun right after a pronoun object ("calling them liars"): a word ending in "s" and then the clause's end. */
function isPluralNoun(ctx: QuoteContext, k: number): boolean {
  const w = ctx.words[k] ?? '';
  if (!isWord(ctx, k) || isCapitalized(ctx, k) || w.length < 4 || !w.endsWith('s') || w.endsWith('ss')) return false;
  const after = ctx.words[k + 1] ?? '';
  return isTerminal(ctx, k + 1) || after === ',' || after === 'and' || after === ';';
}

/**
 * The token after the content: the end of the sentence, or where the clause goes on with another
 * verb of the same subject after the complement ("called her "third-rate" and boycotted ...",
 * "..., calling it "disqualifying" and asserting that ..."), or a ", adding"-like gerund.
 */
function clauseEnd(ctx: QuoteContext, obj: number, quoteAt: number, te: number): number {
  const from = quoteAt >= 0 ? quoteAt : obj + 1;
  for (let k = from + 1; k < te; k++) {
    if (isTerminal(ctx, k) || ctx.words[k] === ';') return k;
    if (ctx.regionOf[k]! >= 0 && !isQuoteMark(ctx, k)) continue;
    const w = ctx.words[k]!;
    if (w !== 'and' && w !== ',' && w !== 'but') continue;
    const n = ctx.words[k + 1] ?? '';
    if (!isWord(ctx, k + 1) || isCapitalized(ctx, k + 1) || ctx.regionOf[k + 1]! >= 0) continue;
    const cue = CUE_VERBS.get(n);
    if (cue && cue.form !== 'base' || (n.length > 4 && (n.endsWith('ed') || n.endsWith('ing')))) return k;
  }
  return te;
}

function isTerminal(ctx: QuoteContext, k: number): boolean {
  return ctx.seg.tokens[k]?.kind === 'punct' && ['.', '!', '?'].includes(ctx.words[k]!);
}
