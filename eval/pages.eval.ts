/**
 * Titles, bylines and site names of real pages: ../shared/eval/html/readability-pages.jsonl (the 130
 * test pages of Mozilla Readability with its expected metadata as gold). Each page goes through
 * parseArticle (format html; the records carry no URL, so none is given) and is scored beside a naive
 * baseline read straight from the head: the raw <title> text, <meta name="author"> and og:site_name.
 *
 * - exact: the same string once whitespace runs are collapsed and the ends trimmed (case counts).
 * - contained: exact, or one string holds the other, compared case-insensitively on the same collapsed
 *   text ("New Zealand - Wikipedia" contains "New Zealand"; "Dan Goodin" is contained in
 *   "Dan Goodin - Apr 16, 2015"). An empty answer is never contained.
 * - exact beside a suffix (titles): exact, or the gold is Lede's title plus a separator and a site or
 *   section name of at most 6 words ("How to Build a Terrarium | eHow"): Readability keeps some site
 *   suffixes that Lede drops on purpose, so this line shows how many misses are only that.
 * - bylines with furniture: answers holding a digit, an @, a bullet or a trailing dash (a date, a time,
 *   a handle, an age: "Dan Goodin - Apr 16, 2015", "James Akinaka • 8h"), over all pages.
 * Bylines and site names are scored over the pages whose gold has one; answers on pages whose gold
 * has none are counted apart (a byline where Readability sees none is often a date or a handle).
 */
import { parseArticle } from '../src/article';
import { parseDocument } from '../src/article/html/dom';
import { readEvalJsonl } from './data';
import { report } from '../bench/harness';

interface PageRow {
  id: string;
  html: string;
  title: string | null;
  byline: string | null;
  siteName: string | null;
}

interface Answer {
  title?: string;
  byline?: string;
  siteName?: string;
}

type Field = keyof Answer;

const collapse = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

export function isExact(got: string | null | undefined, want: string | null | undefined): boolean {
  return collapse(got) !== '' && collapse(got) === collapse(want);
}

export function isContained(got: string | null | undefined, want: string | null | undefined): boolean {
  const g = collapse(got).toLowerCase();
  const w = collapse(want).toLowerCase();
  return g !== '' && w !== '' && (g.includes(w) || w.includes(g));
}

const SUFFIX_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' · ', ' :: ', ' » '];
const MAX_SUFFIX_WORDS = 6;

export function isExactBesideSuffix(got: string | null | undefined, want: string | null | undefined): boolean {
  const g = collapse(got);
  const w = collapse(want);
  if (g === '' || g === w) return g !== '';
  return SUFFIX_SEPARATORS.some((sep) => {
    const rest = w.startsWith(g + sep) ? w.slice(g.length + sep.length) : w.endsWith(sep + g) ? w.slice(0, w.length - g.length - sep.length) : undefined;
    return rest !== undefined && rest.replace(/[:|\s]+$/, '').split(' ').filter(Boolean).length <= MAX_SUFFIX_WORDS;
  });
}

/** Lede's answer: the Article's title, byline and site name. */
function lede(row: PageRow, refused: string[]): Answer {
  try {
    const a = parseArticle({ content: row.html, format: 'html', source: `readability-pages:${row.id}` });
    return { title: a.title, ...(a.byline ? { byline: a.byline } : {}), ...(a.siteName ? { siteName: a.siteName } : {}) };
  } catch (err) {
    refused.push(`${row.id} (${err instanceof Error ? err.message : String(err)})`);
    return {}; // a page Lede refuses has no title or byline either
  }
}

/** The naive reading of the head: <title>, <meta name="author">, og:site_name, as written. */
function naive(row: PageRow): Answer {
  const doc = parseDocument(row.html);
  const metaContent = (key: string): string | undefined => {
    const nodes = doc.querySelectorAll('meta');
    for (let i = 0; i < nodes.length; i++) {
      const m = nodes[i]!;
      const k = (m.getAttribute('property') ?? m.getAttribute('name') ?? '').trim().toLowerCase();
      if (k === key && m.getAttribute('content')?.trim()) return collapse(m.getAttribute('content'));
    }
    return undefined;
  };
  const title = collapse(doc.querySelector('title')?.textContent);
  const byline = metaContent('author');
  const siteName = metaContent('og:site_name');
  return { ...(title ? { title } : {}), ...(byline ? { byline } : {}), ...(siteName ? { siteName } : {}) };
}

interface FieldScore {
  gold: number;
  exact: number;
  besideSuffix: number;
  contained: number;
  /** Answers given where the gold has none. */
  extra: number;
  /** Pages whose gold has none. */
  noGold: number;
  misses: string[];
}

const clip = (s: string | undefined, n = 70): string => (s === undefined ? '(none)' : s.length > n ? `${s.slice(0, n - 1)}\u2026` : s);

function scoreField(rows: readonly PageRow[], answers: readonly Answer[], field: Field): FieldScore {
  const sc: FieldScore = { gold: 0, exact: 0, besideSuffix: 0, contained: 0, extra: 0, noGold: 0, misses: [] };
  rows.forEach((row, i) => {
    const want = collapse(row[field]);
    const got = answers[i]![field];
    if (want === '') {
      sc.noGold++;
      if (collapse(got) !== '') sc.extra++;
      return;
    }
    sc.gold++;
    if (isExact(got, want)) sc.exact++;
    if (isExactBesideSuffix(got, want)) sc.besideSuffix++;
    if (isContained(got, want)) sc.contained++;
    if (!isExact(got, want)) sc.misses.push(`${row.id}${isContained(got, want) ? ' (contained)' : ''}: got "${clip(got)}" want "${clip(want)}"`);
  });
  return sc;
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

export async function run(): Promise<void> {
  const rows = readEvalJsonl<PageRow>('html/readability-pages.jsonl');
  if (!rows) return;
  const t0 = performance.now();
  const refused: string[] = [];
  const ours = rows.map((row) => lede(row, refused));
  const ms = performance.now() - t0;
  const base = rows.map(naive);
  console.log(`  ${rows.length} pages, parsed in ${(ms / 1000).toFixed(1)} s; gold is Readability's expected metadata`);
  const labels: Record<Field, string> = { title: 'title', byline: 'byline', siteName: 'site name' };
  const baseNames: Record<Field, string> = { title: 'raw <title>', byline: '<meta name=author>', siteName: 'og:site_name' };
  const misses: Array<[Field, string[]]> = [];
  for (const field of ['title', 'byline', 'siteName'] as const) {
    const a = scoreField(rows, ours, field);
    const b = scoreField(rows, base, field);
    const over = field === 'title' ? '' : ` (${a.gold} pages with one)`;
    report(`${labels[field]}: exact${over}`, `${a.exact}/${a.gold} ${pct(a.exact, a.gold)}`, `${baseNames[field]} ${pct(b.exact, b.gold)}`);
    if (field === 'title') report('title: exact beside a site suffix', `${a.besideSuffix}/${a.gold} ${pct(a.besideSuffix, a.gold)}`, `${baseNames[field]} ${pct(b.besideSuffix, b.gold)}`);
    report(`${labels[field]}: exact or contained`, `${a.contained}/${a.gold} ${pct(a.contained, a.gold)}`, `${baseNames[field]} ${pct(b.contained, b.gold)}`);
    if (field !== 'title') report(`${labels[field]}: given where gold has none`, `${a.extra}/${a.noGold}`, `${baseNames[field]} ${b.extra}/${b.noGold}`);
    misses.push([field, a.misses]);
  }
  const furniture = (answers: readonly Answer[]) => answers.filter((a) => a.byline !== undefined && /\d|@|[•·]|[—–-]\s*$/u.test(a.byline)).length;
  report('bylines with a date, time, handle or bullet', `${furniture(ours)}/${ours.filter((a) => a.byline).length}`, `${baseNames.byline} ${furniture(base)}/${base.filter((a) => a.byline).length}`);
  if (refused.length) console.log(`  refused (${refused.length}): ${refused.join('; ')}`);
  for (const [field, list] of misses) {
    if (list.length === 0) continue;
    console.log(`  ${labels[field]} not exact (${list.length}):`);
    for (const m of list) console.log(`    ${m}`);
  }
}
