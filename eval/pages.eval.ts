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
 *   section name of at most 6 words ("How to Build a Terrarium | eHow"), or such a name in brackets
 *   ("Weekly Edition [LWN.net]"): Readability keeps some site
 *   suffixes that Lede drops on purpose, so this line shows how many misses are only that.
 * - bylines with furniture: answers holding a digit, an @, a bullet or a trailing dash (a date, a time,
 *   a handle, an age: "Dan Goodin - Apr 16, 2015", "James Akinaka • 8h"), over all pages.
 * Bylines and site names are scored over the pages whose gold has one; answers on pages whose gold
 * has none are counted apart (a byline where Readability sees none is often a date or a handle).
 *
 * Bodies: Lede's article text (boilerplate left out, as the Article keeps it) against the text Mozilla
 * Readability itself extracts from the same page (its raw `textContent`, run on the same linkedom DOM
 * that src/article/html/extract.ts builds), beside the naive whole <body> text. Tokens are lowercase
 * runs of letters and digits; precision, recall and F1 come from the multiset overlap, averaged over the
 * pages both Lede and Readability extract. Pages where either gives nothing are counted apart, and the
 * paragraphs Lede moves to boilerplate are counted so the reach of those rules shows.
 */
import { Readability } from '@mozilla/readability';
import { parseArticle } from '../src/article';
import { parseDocument, type DomNode } from '../src/article/html/dom';
import { extractHtml, MAX_DOM_ELEMENTS } from '../src/article/html/extract';
import { normalizeParagraph } from '../src/article/whitespace';
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
  const bracketed = w.startsWith(g) ? /^\s*[[(（]([^[\]()（）]+)[\])）]$/u.exec(w.slice(g.length)) : null;
  if (bracketed && bracketed[1]!.split(' ').filter(Boolean).length <= MAX_SUFFIX_WORDS) return true;
  return SUFFIX_SEPARATORS.some((sep) => {
    const rest = w.startsWith(g + sep) ? w.slice(g.length + sep.length) : w.endsWith(sep + g) ? w.slice(0, w.length - g.length - sep.length) : undefined;
    return rest !== undefined && rest.replace(/[:|\s]+$/, '').split(' ').filter(Boolean).length <= MAX_SUFFIX_WORDS;
  });
}

interface LedePage {
  answer: Answer;
  /** The article text, undefined when Lede refuses the page. */
  text?: string;
  boilerplate: number;
}

/** Lede's answer: the Article's title, byline and site name, and its body text. */
function lede(row: PageRow, refused: string[]): LedePage {
  try {
    const a = parseArticle({ content: row.html, format: 'html', source: `readability-pages:${row.id}` });
    const answer = { title: a.title, ...(a.byline ? { byline: a.byline } : {}), ...(a.siteName ? { siteName: a.siteName } : {}) };
    return { answer, text: a.text, boilerplate: a.boilerplate.length };
  } catch (err) {
    refused.push(`${row.id} (${err instanceof Error ? err.message : String(err)})`);
    return { answer: {}, boilerplate: 0 }; // a page Lede refuses has no title or byline either
  }
}

/** Readability's own body text: its raw textContent on the DOM Lede builds; undefined when it finds none. */
function readabilityText(html: string): string | undefined {
  try {
    const reader = new Readability<DomNode>(parseDocument(html) as never, {
      maxElemsToParse: MAX_DOM_ELEMENTS,
      serializer: (node) => node as unknown as DomNode,
    });
    return reader.parse()?.textContent ?? undefined;
  } catch {
    return undefined;
  }
}

/** Lowercase runs of letters and digits. */
export function tokensOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface TokenScore {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of `got` against `want` from the multiset overlap of their tokens. */
export function tokenF1(got: readonly string[], want: readonly string[]): TokenScore {
  const counts = new Map<string, number>();
  for (const t of want) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of got) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      overlap++;
      counts.set(t, n - 1);
    }
  }
  const precision = got.length === 0 ? 0 : overlap / got.length;
  const recall = want.length === 0 ? 0 : overlap / want.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
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

interface BodyScore {
  scored: number;
  lede: TokenScore;
  naive: TokenScore;
  refused: string[];
  worst: Array<TokenScore & { id: string }>;
  boilerplate: number;
  boilerplatePages: number;
  /** Moved by the rules of src/article/boilerplate.ts (the rest are the extractor's captions, byline and date lines). */
  byRules: number;
  byRulesPages: number;
}

const mean = (scores: readonly TokenScore[]): TokenScore => {
  const avg = (k: keyof TokenScore) => (scores.length === 0 ? 0 : scores.reduce((sum, s) => sum + s[k], 0) / scores.length);
  return { precision: avg('precision'), recall: avg('recall'), f1: avg('f1') };
};

/** Lede's body and the naive whole <body> text against Readability's text, page by page. */
function scoreBodies(rows: readonly PageRow[], pages: readonly LedePage[]): BodyScore {
  const ledeScores: Array<TokenScore & { id: string }> = [];
  let byRules = 0;
  let byRulesPages = 0;
  const naiveScores: TokenScore[] = [];
  const refused: string[] = [];
  rows.forEach((row, i) => {
    if (pages[i]!.boilerplate > 0) {
      // The Article's boilerplate is the extractor's own lines (normalized, empty ones dropped), then the rules'.
      const extractorMoved = (extractHtml(row.html).boilerplate ?? []).filter((p) => normalizeParagraph(p).length > 0).length;
      byRules += pages[i]!.boilerplate - extractorMoved;
      if (pages[i]!.boilerplate > extractorMoved) byRulesPages++;
    }
    const want = tokensOf(readabilityText(row.html) ?? '');
    const got = tokensOf(pages[i]!.text ?? '');
    if (want.length === 0 || got.length === 0) {
      refused.push(`${row.id} (${got.length === 0 ? 'Lede' : ''}${got.length === 0 && want.length === 0 ? ' and ' : ''}${want.length === 0 ? 'Readability' : ''})`);
      return;
    }
    ledeScores.push({ id: row.id, ...tokenF1(got, want) });
    naiveScores.push(tokenF1(tokensOf(parseDocument(row.html).body?.textContent ?? ''), want));
  });
  const worst = [...ledeScores].sort((a, b) => a.f1 - b.f1).slice(0, 5);
  const boilerplate = pages.reduce((sum, p) => sum + p.boilerplate, 0);
  const boilerplatePages = pages.filter((p) => p.boilerplate > 0).length;
  return { scored: ledeScores.length, lede: mean(ledeScores), naive: mean(naiveScores), refused, worst, boilerplate, boilerplatePages, byRules, byRulesPages };
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

export async function run(): Promise<void> {
  const rows = readEvalJsonl<PageRow>('html/readability-pages.jsonl');
  if (!rows) return;
  const t0 = performance.now();
  const refused: string[] = [];
  const pages = rows.map((row) => lede(row, refused));
  const ours = pages.map((p) => p.answer);
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
  const body = scoreBodies(rows, pages);
  const f = (x: number): string => (100 * x).toFixed(1);
  const prf = (s: TokenScore): string => `${f(s.precision)} / ${f(s.recall)} / ${f(s.f1)}`;
  report(`body vs Readability: token P / R / F1 (${body.scored} pages)`, prf(body.lede), `whole <body> text ${prf(body.naive)}`);
  report('body: pages where Lede or Readability gives none', `${body.refused.length}/${rows.length}`);
  report('body: paragraphs moved to boilerplate', `${body.boilerplate} on ${body.boilerplatePages} pages`, 'captions, byline and date lines included');
  report('body: of those, by the boilerplate rules', `${body.byRules} on ${body.byRulesPages} pages`);
  if (body.refused.length) console.log(`  body not scored: ${body.refused.join('; ')}`);
  console.log('  body: lowest F1 (id, P, R, F1):');
  for (const w of body.worst) console.log(`    ${w.id}: ${prf(w)}`);
  if (refused.length) console.log(`  refused (${refused.length}): ${refused.join('; ')}`);
  for (const [field, list] of misses) {
    if (list.length === 0) continue;
    console.log(`  ${labels[field]} not exact (${list.length}):`);
    for (const m of list) console.log(`    ${m}`);
  }
}
