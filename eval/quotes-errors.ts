/**
 * `npx tsx eval/quotes-errors.ts [train|dev] [direct|mixed|indirect|speech|all] [wrong|missed|spurious] [N]`:
 * the errors behind the quote figures, for finding rule gaps (on train) and checking them (on dev).
 * Scored as eval/quotes.eval.ts scores (split fragments, cover@0.8). Prints, per error, the sentence
 * around it with the gold and the predicted speaker. Not run by `npm run eval`; reads ../shared/eval only.
 */
import { readEvalJsonl } from './data';
import { matchUnits, speakerRight, unitsOf, type ScoredQuote } from './quotes-score';
import { extractQuotes } from '../src/nlp/quotes/extract';
import { toQuoteRecord } from '../src/nlp/quotes/record';

interface GoldArticle {
  readonly id: string;
  readonly text: string;
  readonly quotes: ReadonlyArray<ScoredQuote & { cue?: string | null }>;
}

const [split = 'train', filter = 'direct', what = 'wrong', limitArg = '60'] = process.argv.slice(2);
const limit = Number(limitArg);
const articles = readEvalJsonl<GoldArticle>(`quotes/polnear-${split}.jsonl`) ?? [];

const inFilter = (q: ScoredQuote): boolean =>
  filter === 'all' ? true : filter === 'speech' ? q.speechCue === true : q.kind === filter;

function context(text: string, start: number, end: number): string {
  const a = Math.max(0, text.lastIndexOf('\n', start - 1) + 1, start - 300);
  let b = text.indexOf('\n', end);
  if (b < 0 || b - end > 300) b = Math.min(text.length, end + 300);
  return `${text.slice(a, start)}⟦${text.slice(start, end)}⟧${text.slice(end, b)}`.replace(/\s+/g, ' ');
}

let shown = 0;
let total = 0;
for (const a of articles) {
  const pred = extractQuotes(a.text).map((q) => toQuoteRecord(q));
  const gu = unitsOf(a.quotes, true);
  const pu = unitsOf(pred, true);
  const pairs = matchUnits(a.text, 'cover0.8', gu, pu);
  const matchedG = new Set(pairs.map((p) => p.gold));
  const matchedP = new Set(pairs.map((p) => p.pred));
  const items: string[] = [];
  if (what === 'wrong') {
    for (const p of pairs) {
      if (!inFilter(p.gold.q) || p.gold.q.speaker === null || speakerRight(p.gold.q, p.pred.q)) continue;
      const g = p.gold.q as ScoredQuote & { cue?: string | null };
      const pr = p.pred.q as ScoredQuote & { cue?: string | null };
      items.push(`gold: ${g.speaker} [${g.cue ?? ''}]   lede: ${pr.speaker ?? '∅'}${pr.speakerRef && pr.speakerRef !== pr.speaker ? ` → ${pr.speakerRef}` : ''} [${pr.cue ?? ''}]\n  ${context(a.text, p.gold.spans[0]![0], p.gold.spans[0]![1])}`);
    }
  } else if (what === 'missed') {
    for (const u of gu) {
      if (matchedG.has(u) || !inFilter(u.q)) continue;
      const g = u.q as ScoredQuote & { cue?: string | null };
      items.push(`gold ${g.kind}: ${g.speaker} [${g.cue ?? ''}]\n  ${context(a.text, u.spans[0]![0], u.spans[0]![1])}`);
    }
  } else {
    for (const u of pu) {
      if (matchedP.has(u) || !inFilter(u.q)) continue;
      items.push(`lede ${u.q.kind}: ${u.q.speaker ?? '∅'}\n  ${context(a.text, u.spans[0]![0], u.spans[0]![1])}`);
    }
  }
  total += items.length;
  for (const it of items) {
    if (shown >= limit) break;
    shown++;
    console.log(`[${a.id}] ${it}\n`);
  }
}
console.log(`${total} ${what} (${filter}) on ${split}; ${shown} shown`);
