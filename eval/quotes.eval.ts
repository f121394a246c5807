/**
 * `npm run eval -- quotes`: quote extraction and speaker attribution on PolNeAR train and dev
 * (../shared/eval/quotes/polnear-{train,dev}.jsonl; gaps are looked for on train, dev confirms), scored by the README's rules (eval/quotes-score.ts), with
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

interface Split {
  readonly name: string;
  readonly articles: number;
  readonly gold: number;
  readonly tables: Record<string, Table>;
}

function scoreSplit(name: string, file: string, systems: Record<string, (text: string) => ScoredQuote[]>): Split | undefined {
  const articles = readEvalJsonl<GoldArticle>(file);
  if (!articles) return undefined;
  const tables: Record<string, Table> = {};
  for (const [system, fn] of Object.entries(systems)) {
    const table = newTable();
    for (const a of articles) {
      const pred = fn(a.text);
      for (const mode of MODES) for (const split of [true, false]) scoreArticle(a.text, a.quotes, pred, mode, split, table[key(mode, split)]!);
    }
    tables[system] = table;
  }
  return { name, articles: articles.length, gold: articles.reduce((n, a) => n + a.quotes.length, 0), tables };
}

function printTable(s: Split, systems: readonly string[]): void {
  console.log(`  PolNeAR ${s.name}: ${s.articles} articles, ${s.gold} gold attributions`);
  console.log('  P/R/F1 = quote span match; spk = speaker accuracy on matched; aF1 = attributed F1 (span + speaker)');
  console.log(`  ${'mode / subset'.padEnd(26)} ${'lede: P     R    F1   spk   aF1'.padEnd(34)} |  naive: P     R    F1   spk   aF1`);
  const rows: Array<[Mode, boolean]> = [
    ['cover0.8', true],
    ['exact', true],
    ['cover0.3', true],
    ['cover0.8', false],
  ];
  for (const [mode, split] of rows) {
    for (const f of FILTERS) {
      const cells = systems.map((name) => {
        const fig = figures(s.tables[name]![key(mode, split)]![f]);
        return f === 'speech'
          ? `${'  -  '} ${fmt(fig.r)}   -   ${fmt(fig.speakerAcc)}   - `
          : `${fmt(fig.p)} ${fmt(fig.r)} ${fmt(fig.f1)} ${fmt(fig.speakerAcc)} ${fmt(fig.attrF1)}`;
      });
      console.log(`  ${`${key(mode, split)} / ${f}`.padEnd(26)} ${cells.join('    |     ')}`);
    }
  }
}

/** The issue's headline figures (split fragments, cover@0.8) with their targets. */
const HEADLINE: ReadonlyArray<{ label: string; filter: Filter; figure: 'attrF1' | 'r' | 'speakerAcc'; target: number }> = [
  { label: 'direct attributed F1', filter: 'direct', figure: 'attrF1', target: 86 },
  { label: 'direct speaker accuracy', filter: 'direct', figure: 'speakerAcc', target: 94 },
  { label: 'speech-only quote recall', filter: 'speech', figure: 'r', target: 80 },
  { label: 'all attributions attributed F1', filter: 'all', figure: 'attrF1', target: 58 },
];

export async function run(): Promise<void> {
  const systems: Record<string, (text: string) => ScoredQuote[]> = { lede: ledeQuotes, naive: naiveQuotes };
  // Train first: gaps are looked for there; dev confirms that a rule generalizes.
  const splits = [scoreSplit('train', 'quotes/polnear-train.jsonl', systems), scoreSplit('dev', 'quotes/polnear-dev.jsonl', systems)].filter(
    (s): s is Split => s !== undefined,
  );
  if (splits.length === 0) return;
  for (const s of splits) {
    printTable(s, Object.keys(systems));
    console.log('');
  }
  const head = (s: Split, name: string, f: Filter, k: 'attrF1' | 'r' | 'speakerAcc'): number => figures(s.tables[name]![key('cover0.8', true)]![f])[k];
  const cols = splits.map((s) => `${s.name} lede`.padStart(11) + `${s.name} naive`.padStart(12)).join('');
  console.log(`  Headline (split fragments, cover@0.8)     ${cols}   train-dev   target`);
  for (const h of HEADLINE) {
    const cells = splits.map((s) => head(s, 'lede', h.filter, h.figure).toFixed(1).padStart(11) + head(s, 'naive', h.filter, h.figure).toFixed(1).padStart(12)).join('');
    const gap = splits.length === 2 ? (head(splits[0]!, 'lede', h.filter, h.figure) - head(splits[1]!, 'lede', h.filter, h.figure)).toFixed(1) : '-';
    console.log(`    ${h.label.padEnd(36)} ${cells}   ${gap.padStart(9)}   >= ${h.target}`);
  }
}
