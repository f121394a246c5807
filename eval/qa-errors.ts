/**
 * Error listing for question answering on SQuAD dev: every question not answered exactly, sorted
 * into where it was lost, so that the largest general gaps show.
 *
 *   retrieval  the chosen sentence does not hold a gold answer
 *   scoring    it does, and some candidate span of the sentence is a gold answer exactly
 *   shape      it does, and no candidate is: the answer's shape is not generated
 *
 * `npx tsx eval/qa-errors.ts [retrieval|scoring|shape] [type]` prints the counts and the listed
 * questions (type, wh-word and head, question, gold, our span, the sentence).
 */
import { pathToFileURL } from 'node:url';
import { analyzeQuestion, answerQuestion } from '../src/nlp/qa';
import { candidatesOf } from '../src/nlp/qa/candidates';
import { sentenceTags } from '../src/nlp/qa/sentence-tags';
import { readEvalJsonl } from './data';
import { exactMatch, f1Score, indexesFor, normalizeAnswer, sentenceContains, type SquadRow } from './qa-score';

type Where = 'exact' | 'retrieval' | 'scoring' | 'shape';

async function main(): Promise<void> {
  const rows = readEvalJsonl<SquadRow>('qa/squad-dev.jsonl');
  if (!rows) return;
  const only = process.argv[2] ?? '';
  const onlyType = process.argv[3] ?? '';
  const indexes = indexesFor(rows);
  const counts = new Map<string, { n: number; f1Lost: number }>();
  const lines: string[] = [];
  for (const row of rows) {
    const index = indexes.get(row.context)!;
    const r = answerQuestion(index, row.question);
    const q = analyzeQuestion(row.question);
    const got = r.answer ?? r.rejected?.text ?? '';
    const shown = r.found ? got : '';
    const f1 = f1Score(shown, row.answers);
    let where: Where = 'exact';
    if (!exactMatch(shown, row.answers)) {
      const sentence = r.sentence ? index.sentences[r.sentence.index] : undefined;
      if (!sentence || !sentenceContains(r.sentence!.text, row.answers)) where = 'retrieval';
      else {
        const golds = new Set(row.answers.map(normalizeAnswer));
        const cands = candidatesOf(sentence.tokens, sentenceTags(index, sentence.index), q.terms);
        const text = (a: number, b: number): string => index.text.slice(sentence.tokens[a]!.start, sentence.tokens[b - 1]!.end);
        where = cands.some((c) => golds.has(normalizeAnswer(text(c.from, c.to)))) ? 'scoring' : 'shape';
      }
    }
    const key = `${where} ${r.answerType}`;
    const c = counts.get(key) ?? { n: 0, f1Lost: 0 };
    c.n++;
    c.f1Lost += 1 - f1;
    counts.set(key, c);
    if (where === 'exact' || (only && where !== only) || (onlyType && r.answerType !== onlyType)) continue;
    lines.push(
      [
        `[${where}] ${r.answerType} wh=${q.wh} head=${q.head || '-'}${r.found ? '' : ' (refused)'} f1=${f1.toFixed(2)}`,
        `  Q: ${row.question}`,
        `  gold: ${[...new Set(row.answers)].join(' | ')}`,
        `  got:  ${got}`,
        `  S: ${(r.sentence?.text ?? '').slice(0, 300)}`,
      ].join('\n'),
    );
  }
  for (const l of lines) console.log(l);
  console.log('\nwhere lost, by expected type (questions, F1 points lost of the whole file):');
  for (const [k, v] of [...counts.entries()].sort((a, b) => b[1].f1Lost - a[1].f1Lost)) {
    console.log(`  ${k.padEnd(28)} ${String(v.n).padStart(4)}  ${((100 * v.f1Lost) / rows.length).toFixed(1).padStart(5)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
