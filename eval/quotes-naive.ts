/**
 * The naive baseline of ../shared/eval/README.md, run beside Lede in the same evaluation: text in
 * double quotes of 4+ words (paired left to right within a paragraph), attributed only by the three
 * surface patterns `"...," X said`, `"..." said X` and `X said: "..."`. Everything is `direct`.
 */
import { foldForAnalysis } from '../src/nlp/fold';
import type { ScoredQuote } from './quotes-score';

/** A speaker as the naive rule sees it: a run of capitalized words, or a personal pronoun. */
const NAME = String.raw`(?:[\w.'\-]+(?: [\w.'\-]+){0,3}?)`;
const AFTER_X_SAID = new RegExp(String.raw`^,? (${NAME}) (?:said|says)\b`);
const AFTER_SAID_X = new RegExp(String.raw`^,? (?:said|says) (${NAME})`);
const BEFORE_X_SAID = new RegExp(String.raw`(${NAME}) (?:said|says)[:,] ?$`);

export function naiveQuotes(text: string): ScoredQuote[] {
  const folded = foldForAnalysis(text);
  const out: ScoredQuote[] = [];
  let paraStart = 0;
  for (const para of folded.split(/\n/)) {
    let open = -1;
    for (let i = 0; i < para.length; i++) {
      if (para[i] !== '"') continue;
      if (open < 0) {
        open = i;
        continue;
      }
      const start = paraStart + open;
      const end = paraStart + i + 1;
      open = -1;
      const inner = folded.slice(start + 1, end - 1).trim();
      if (inner.split(/\s+/).length < 4) continue;
      let speaker: string | null = null;
      let speakerStart: number | null = null;
      const after = folded.slice(end, end + 60);
      const before = folded.slice(Math.max(paraStart, start - 60), start);
      const m1 = AFTER_X_SAID.exec(after) ?? AFTER_SAID_X.exec(after);
      const m2 = m1 ? null : BEFORE_X_SAID.exec(before);
      if (m1) {
        speaker = m1[1]!;
        speakerStart = end + m1[0].lastIndexOf(speaker);
      } else if (m2) {
        speaker = m2[1]!;
        speakerStart = start - before.length + m2.index;
      }
      out.push({
        start,
        end,
        speaker,
        speakerStart,
        speakerEnd: speakerStart === null || speaker === null ? null : speakerStart + speaker.length,
        kind: 'direct',
      });
    }
    paraStart += para.length + 1;
  }
  return out;
}
