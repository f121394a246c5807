/**
 * Scoring of question answering on SQuAD-style rows with the official v1.1 rules (normalize:
 * lowercase, drop punctuation, drop a/an/the, collapse spaces; EM = equal to some gold answer;
 * F1 = best token-overlap F1 over the gold answers), plus sentence accuracy (the returned source
 * sentence contains a gold answer). Shared by eval/qa.eval.ts and the weight fitting (qa-fit.ts),
 * so that what is fitted is exactly what is reported.
 */
import { answerQuestion, prepareIndex, type AnswerResult, type QaIndex } from '../src/nlp/qa';

export interface SquadRow {
  readonly id: string;
  readonly title: string;
  readonly context: string;
  readonly question: string;
  readonly answers: readonly string[];
  readonly answer_starts?: readonly number[];
}

const ARTICLES = new Set(['a', 'an', 'the']);

/** The official SQuAD v1.1 `normalize_answer`. Python's string.punctuation is ASCII punctuation. */
export function normalizeAnswer(s: string): string {
  const lower = s.toLowerCase();
  const noPunct = lower.replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '');
  return noPunct
    .split(/\s+/)
    .filter((w) => w !== '' && !ARTICLES.has(w))
    .join(' ');
}

export function exactMatch(prediction: string, golds: readonly string[]): number {
  const p = normalizeAnswer(prediction);
  return golds.some((g) => normalizeAnswer(g) === p) ? 1 : 0;
}

function f1One(prediction: string, gold: string): number {
  const p = normalizeAnswer(prediction).split(' ').filter(Boolean);
  const g = normalizeAnswer(gold).split(' ').filter(Boolean);
  const counts = new Map<string, number>();
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let same = 0;
  for (const t of p) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      same++;
      counts.set(t, c - 1);
    }
  }
  if (same === 0) return 0;
  const precision = same / p.length;
  const recall = same / g.length;
  return (2 * precision * recall) / (precision + recall);
}

export function f1Score(prediction: string, golds: readonly string[]): number {
  return Math.max(0, ...golds.map((g) => f1One(prediction, g)));
}

/** The sentence contains a gold answer (normalized, on word boundaries). */
export function sentenceContains(sentence: string, golds: readonly string[]): boolean {
  const s = ` ${normalizeAnswer(sentence)} `;
  return golds.some((g) => {
    const n = normalizeAnswer(g);
    return n !== '' && s.includes(` ${n} `);
  });
}

/** Figures over a set of questions, as sums (divide by n for means). */
export interface Tally {
  em: number;
  f1: number;
  sent: number;
  n: number;
}
export const tally = (): Tally => ({ em: 0, f1: 0, sent: 0, n: 0 });

/** One question's outcome: as shown (refusals score 0), and for the answers given only. */
export interface Scored {
  readonly result: AnswerResult;
  readonly em: number;
  readonly f1: number;
  readonly sentOk: number;
}

export function scoreOne(index: QaIndex, row: SquadRow): Scored {
  const result = answerQuestion(index, row.question);
  const shown = result.found ? (result.answer ?? '') : '';
  return {
    result,
    em: exactMatch(shown, row.answers),
    f1: f1Score(shown, row.answers),
    sentOk: sentenceContains(result.sentence?.text ?? '', row.answers) ? 1 : 0,
  };
}

/** Indexes per distinct context, built once (the weights do not enter the index). */
export function indexesFor(rows: readonly SquadRow[]): Map<string, QaIndex> {
  const out = new Map<string, QaIndex>();
  for (const row of rows) if (!out.has(row.context)) out.set(row.context, prepareIndex(row.context));
  return out;
}

/** EM/F1/sentence sums over `rows` (all questions) and over the answers given. */
export function scoreRows(rows: readonly SquadRow[], indexes: ReadonlyMap<string, QaIndex>): { all: Tally; given: Tally } {
  const all = tally();
  const given = tally();
  for (const row of rows) {
    const s = scoreOne(indexes.get(row.context) ?? prepareIndex(row.context), row);
    all.n++;
    all.em += s.em;
    all.f1 += s.f1;
    all.sent += s.sentOk;
    if (s.result.found) {
      given.n++;
      given.em += s.em;
      given.f1 += s.f1;
      given.sent += s.sentOk;
    }
  }
  return { all, given };
}

/**
 * The same questions asked of the wrong text: each row's question paired with a paragraph of a
 * DIFFERENT article, so that an answer there is a false answer (SQuAD v1.1 has only answerable
 * questions, and would never show the cost of answering too much). Deterministic: the titles in
 * sorted order, each row's question asked of the paragraph at the same position (first, second,
 * ...) of the title half-way round the list, so no article is paired with its alphabetical
 * neighbour (often a related subject) and every article is asked about as often as it asks.
 */
export function mismatchedRows(rows: readonly SquadRow[]): SquadRow[] {
  const paragraphs = new Map<string, string[]>();
  for (const r of rows) {
    const list = paragraphs.get(r.title) ?? [];
    if (!list.includes(r.context)) list.push(r.context);
    paragraphs.set(r.title, list);
  }
  const titles = [...paragraphs.keys()].sort();
  if (titles.length < 2) return [];
  const shift = Math.floor(titles.length / 2);
  const position = new Map(titles.map((t, i) => [t, i]));
  return rows.map((r) => {
    const partner = titles[(position.get(r.title)! + shift) % titles.length]!;
    const own = paragraphs.get(r.title)!.indexOf(r.context);
    const theirs = paragraphs.get(partner)!;
    return { id: `${r.id}/mismatched`, title: partner, context: theirs[own % theirs.length]!, question: r.question, answers: [] };
  });
}
