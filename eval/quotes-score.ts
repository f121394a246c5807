/**
 * Scoring of quote extraction exactly as ../shared/eval/README.md describes it, so figures compare
 * with the reference points there:
 * - one-to-one matching, greedy by best score (ties: the tighter prediction first);
 * - modes: cover@0.8 (primary; predicted characters cover >= 80% of the gold characters, fragments
 *   as their union), exact (equal after trimming whitespace, quote marks and edge punctuation),
 *   cover@0.3;
 * - "split fragments": every fragment is its own unit on both sides and inherits the speaker;
 * - speaker accuracy on matched pairs whose gold has a speaker: the spans overlap, or the names match
 *   after dropping titles and honorifics (same tokens, same last token, or one token set inside the other);
 * - attributed F1: a true positive is a span match with a right speaker;
 * - micro-averaged over articles; by kind (gold kind for gold and matched units, predicted kind for
 *   unmatched predictions) and for the speech-only gold subset.
 */

export type Kind = 'direct' | 'mixed' | 'indirect';
export type Span = readonly [number, number];

/** A gold or predicted attribution as both files carry it. */
export interface ScoredQuote {
  readonly start: number;
  readonly end: number;
  readonly fragments?: readonly Span[] | null;
  readonly speaker: string | null;
  readonly speakerStart: number | null;
  readonly speakerEnd: number | null;
  readonly speakerRef?: string | null;
  readonly kind: Kind;
  readonly speechCue?: boolean;
}

export type Mode = 'cover0.8' | 'exact' | 'cover0.3';
export const MODES: readonly Mode[] = ['cover0.8', 'exact', 'cover0.3'];

/** One scoring unit: a whole quote (fragments as a union) or, split, one fragment. */
interface Unit {
  readonly spans: readonly Span[];
  readonly length: number;
  readonly q: ScoredQuote;
}

function normalizeSpans(spans: readonly Span[]): Span[] {
  const s = spans.filter(([a, b]) => b > a).map(([a, b]) => [a, b] as [number, number]).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const sp of s) {
    const last = out[out.length - 1];
    if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
    else out.push([sp[0], sp[1]]);
  }
  return out;
}

function spanLength(spans: readonly Span[]): number {
  return spans.reduce((n, [a, b]) => n + (b - a), 0);
}

function intersection(a: readonly Span[], b: readonly Span[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]![0], b[j]![0]);
    const hi = Math.min(a[i]![1], b[j]![1]);
    if (hi > lo) n += hi - lo;
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return n;
}

export function unitsOf(quotes: readonly ScoredQuote[], split: boolean): Unit[] {
  const units: Unit[] = [];
  for (const q of quotes) {
    const frags: Span[] = q.fragments && q.fragments.length > 0 ? q.fragments.map((f) => [f[0], f[1]] as Span) : [[q.start, q.end]];
    if (split) {
      for (const f of frags) {
        const spans = normalizeSpans([f]);
        if (spans.length > 0) units.push({ spans, length: spanLength(spans), q });
      }
    } else {
      const spans = normalizeSpans(frags);
      if (spans.length > 0) units.push({ spans, length: spanLength(spans), q });
    }
  }
  return units;
}

/** Characters trimmed from both ends before an exact comparison. */
const EDGE = /^[\s"'\u201C\u201D\u2018\u2019\u00AB\u00BB.,;:!?\u2014\u2013\-()\[\]]+|[\s"'\u201C\u201D\u2018\u2019\u00AB\u00BB.,;:!?\u2014\u2013\-()\[\]]+$/g;

function unitText(text: string, u: Unit): string {
  return u.spans.map(([a, b]) => text.slice(a, b)).join(' ').replace(EDGE, '').replace(/\s+/g, ' ');
}

/** Matching score of a predicted unit for a gold unit (0 = no match). */
function pairScore(text: string, mode: Mode, g: Unit, p: Unit): number {
  if (mode === 'exact') return unitText(text, g) === unitText(text, p) ? 1 : 0;
  const cover = intersection(g.spans, p.spans) / g.length;
  return cover >= (mode === 'cover0.8' ? 0.8 : 0.3) ? cover : 0;
}

export interface Pair {
  readonly gold: Unit;
  readonly pred: Unit;
}

/** One-to-one greedy matching by best score; among equal scores the tighter prediction wins. */
export function matchUnits(text: string, mode: Mode, gold: readonly Unit[], pred: readonly Unit[]): Pair[] {
  const cands: Array<{ g: number; p: number; score: number; tight: number }> = [];
  for (let gi = 0; gi < gold.length; gi++) {
    const g = gold[gi]!;
    for (let pi = 0; pi < pred.length; pi++) {
      const p = pred[pi]!;
      if (mode !== 'exact' && intersection(g.spans, p.spans) === 0) continue;
      const score = pairScore(text, mode, g, p);
      if (score > 0) cands.push({ g: gi, p: pi, score, tight: intersection(g.spans, p.spans) / p.length });
    }
  }
  cands.sort((a, b) => b.score - a.score || b.tight - a.tight || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of cands) {
    if (usedG.has(c.g) || usedP.has(c.p)) continue;
    usedG.add(c.g);
    usedP.add(c.p);
    pairs.push({ gold: gold[c.g]!, pred: pred[c.p]! });
  }
  return pairs;
}

/** Titles and honorifics dropped before names are compared. */
const NAME_NOISE = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sen', 'senator', 'rep', 'representative', 'gov', 'governor',
  'president', 'vice', 'former', 'secretary', 'mayor', 'judge', 'justice', 'gen', 'general', 'col', 'lt',
  'sir', 'dame', 'lord', 'lady', 'rev', 'reverend', 'pres', 'candidate', 'nominee', 'democratic', 'republican',
  'the', 'a', 'an', 'st', 'jr', 'sr', 'minister', 'prime', 'chancellor', 'speaker', 'leader', 'chairman',
  'chairwoman', 'chair', 'ceo', 'us', 'u.s', 'u.s.',
]);

function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[\u2019']s\b/g, '')
    .split(/[^\p{L}\p{N}.]+/u)
    .map((t) => t.replace(/\.+$/, ''))
    .filter((t) => t !== '' && !NAME_NOISE.has(t));
}

/** The README's name rule: same tokens, same last token, or one token set inside the other. */
export function namesMatch(a: string, b: string): boolean {
  const x = nameTokens(a);
  const y = nameTokens(b);
  if (x.length === 0 || y.length === 0) return false;
  if (x[x.length - 1] === y[y.length - 1]) return true;
  const sx = new Set(x);
  const sy = new Set(y);
  return [...sx].every((t) => sy.has(t)) || [...sy].every((t) => sx.has(t));
}

/** Whether the predicted speaker is right for the gold one (gold must have a speaker). */
export function speakerRight(gold: ScoredQuote, pred: ScoredQuote): boolean {
  if (pred.speaker === null && !pred.speakerRef) return false;
  if (
    gold.speakerStart !== null && gold.speakerEnd !== null && pred.speakerStart !== null && pred.speakerEnd !== null &&
    Math.min(gold.speakerEnd, pred.speakerEnd) > Math.max(gold.speakerStart, pred.speakerStart)
  ) {
    return true;
  }
  const predName = pred.speakerRef ?? pred.speaker;
  return gold.speaker !== null && predName !== null && predName !== undefined && namesMatch(gold.speaker, predName);
}

export interface Counts {
  gold: number;
  pred: number;
  matched: number;
  /** Matched pairs whose gold has a speaker. */
  judged: number;
  speakerRight: number;
  /** Matched with a right speaker (gold without a speaker: a match counts). */
  attributed: number;
}

export const emptyCounts = (): Counts => ({ gold: 0, pred: 0, matched: 0, judged: 0, speakerRight: 0, attributed: 0 });

export type Filter = 'all' | Kind | 'speech';
export const FILTERS: readonly Filter[] = ['all', 'direct', 'mixed', 'indirect', 'speech'];

function goldIn(filter: Filter, q: ScoredQuote): boolean {
  if (filter === 'all') return true;
  if (filter === 'speech') return q.speechCue === true;
  return q.kind === filter;
}

/** Unmatched predictions count against a subset when their own kind is in it (speech: never judged). */
function unmatchedPredIn(filter: Filter, q: ScoredQuote): boolean {
  if (filter === 'all') return true;
  if (filter === 'speech') return false;
  return q.kind === filter;
}

/** Score one article in one mode, adding to `into[filter]`. */
export function scoreArticle(
  text: string,
  gold: readonly ScoredQuote[],
  pred: readonly ScoredQuote[],
  mode: Mode,
  split: boolean,
  into: Record<Filter, Counts>,
): void {
  const gu = unitsOf(gold, split);
  const pu = unitsOf(pred, split);
  const pairs = matchUnits(text, mode, gu, pu);
  const matchedPred = new Map<Unit, Unit>();
  for (const p of pairs) matchedPred.set(p.pred, p.gold);
  for (const filter of FILTERS) {
    const c = into[filter];
    c.gold += gu.filter((u) => goldIn(filter, u.q)).length;
    for (const u of pu) {
      const g = matchedPred.get(u);
      if (g ? goldIn(filter, g.q) : unmatchedPredIn(filter, u.q)) c.pred++;
    }
    for (const p of pairs) {
      if (!goldIn(filter, p.gold.q)) continue;
      c.matched++;
      if (p.gold.q.speaker === null) {
        c.attributed++;
        continue;
      }
      c.judged++;
      if (speakerRight(p.gold.q, p.pred.q)) {
        c.speakerRight++;
        c.attributed++;
      }
    }
  }
}

export interface Figures {
  p: number;
  r: number;
  f1: number;
  speakerAcc: number;
  attrP: number;
  attrR: number;
  attrF1: number;
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function figures(c: Counts): Figures {
  const p = c.pred ? c.matched / c.pred : 0;
  const r = c.gold ? c.matched / c.gold : 0;
  const ap = c.pred ? c.attributed / c.pred : 0;
  const ar = c.gold ? c.attributed / c.gold : 0;
  return {
    p: 100 * p,
    r: 100 * r,
    f1: 100 * f1(p, r),
    speakerAcc: c.judged ? (100 * c.speakerRight) / c.judged : 0,
    attrP: 100 * ap,
    attrR: 100 * ar,
    attrF1: 100 * f1(ap, ar),
  };
}
