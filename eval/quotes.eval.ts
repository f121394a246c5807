/**
 * `npm run eval -- quotes`: quote extraction and speaker attribution on PolNeAR dev
 * (../shared/eval/quotes/polnear-dev.jsonl), scored by the README's rules (eval/quotes-score.ts), with
 * the README's naive baseline (eval/quotes-naive.ts) run beside Lede in the same run.
 * Lede's predictions go through the same record mapping as `lede quotes --jsonl`.
 */
import { readEvalJsonl } from './data';
import { naiveQuotes } from './quotes-naive';
import {
  FILTERS,
  MODES,
  emptyCounts,
  figures,
  scoreArticle,
  type Counts,
  type Filter,
  type Mode,
  type ScoredQuote,
} from './quotes-score';
import { extractQuotes } from '../src/nlp/quotes/extract';
import { toQuoteRecord } from '../src/nlp/quotes/record';

interface GoldArticle {
  readonly id: string;
  readonly text: string;
  readonly quotes: ReadonlyArray<ScoredQuote & { readonly fragments?: Array<[number, number]> }>;
}

type Table = Record<string, Record<Filter, Counts>>;

const key = (mode: Mode, split: boolean): string => `${mode}${split ? ' split' : ''}`;

function newTable(): Table {
  const t: Table = {};
  for (const mode of MODES) {
    for (const split of [true, false]) {
      const row = {} as Record<Filter, Counts>;
      for (const f of FILTERS) row[f] = emptyCounts();
      t[key(mode, split)] = row;
    }
  }
  return t;
}

function ledeQuotes(text: string): ScoredQuote[] {
  return extractQuotes(text).map((q) => toQuoteRecord(q));
}

const fmt = (n: number): string => n.toFixed(1).padStart(5);

export async function run(): Promise<void> {
  const articles = readEvalJsonl<GoldArticle>('quotes/polnear-dev.jsonl');
  if (!articles) return;
  const systems: Record<string, (text: string) => ScoredQuote[]> = { lede: ledeQuotes, naive: naiveQuotes };
  const tables: Record<string, Table> = {};
  for (const [name, fn] of Object.entries(systems)) {
    const table = newTable();
    for (const a of articles) {
      const pred = fn(a.text);
      for (const mode of MODES) for (const split of [true, false]) scoreArticle(a.text, a.quotes, pred, mode, split, table[key(mode, split)]!);
    }
    tables[name] = table;
  }
  const gold = articles.reduce((n, a) => n + a.quotes.length, 0);
  console.log(`  PolNeAR dev: ${articles.length} articles, ${gold} gold attributions`);
  console.log('  P/R/F1 = quote span match; spk = speaker accuracy on matched; aF1 = attributed F1 (span + speaker)');
  const header = `  ${'mode / subset'.padEnd(26)} ${'lede: P     R    F1   spk   aF1'.padEnd(34)} |  naive: P     R    F1   spk   aF1`;
  console.log(header);
  const rows: Array<[Mode, boolean, readonly Filter[]]> = [
    ['cover0.8', true, FILTERS],
    ['exact', true, FILTERS],
    ['cover0.3', true, FILTERS],
    ['cover0.8', false, FILTERS],
  ];
  for (const [mode, split, filters] of rows) {
    for (const f of filters) {
      const cells = Object.keys(systems).map((name) => {
        const fig = figures(tables[name]![key(mode, split)]![f]);
        return f === 'speech'
          ? `${'  -  '} ${fmt(fig.r)}   -   ${fmt(fig.speakerAcc)}   - `
          : `${fmt(fig.p)} ${fmt(fig.r)} ${fmt(fig.f1)} ${fmt(fig.speakerAcc)} ${fmt(fig.attrF1)}`;
      });
      console.log(`  ${`${key(mode, split)} / ${f}`.padEnd(26)} ${cells.join('    |     ')}`);
    }
  }
  const head = (name: string, f: Filter, k: 'f1' | 'attrF1' | 'r'): string =>
    figures(tables[name]![key('cover0.8', true)]![f])[k].toFixed(1);
  console.log('\n  Headline (split fragments, cover@0.8)            lede    naive   target');
  console.log(`    direct attributed F1                         ${head('lede', 'direct', 'attrF1').padStart(6)}  ${head('naive', 'direct', 'attrF1').padStart(6)}   >= 80`);
  console.log(`    speech-only quote recall                     ${head('lede', 'speech', 'r').padStart(6)}  ${head('naive', 'speech', 'r').padStart(6)}   >= 60`);
  console.log(`    all attributions attributed F1               ${head('lede', 'all', 'attrF1').padStart(6)}  ${head('naive', 'all', 'attrF1').padStart(6)}   >= 40`);
}
