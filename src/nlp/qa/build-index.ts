/**
 * prepareIndex: the question-independent part of question answering, computed once per article.
 * Linear in the text: one pass over the segmenter's tokens.
 */
import { segment, type Segmentation } from '../segment';
import type { QaIndex, QaSentence, QaToken } from './model';
import { isContentWord, termOf } from './terms';

/** Tokens of one sentence past this are not indexed: a "sentence" that long is not prose. */
export const MAX_TOKENS_PER_SENTENCE = 400;
/** Sentences past this are not indexed (bounded work on hostile or book-length input). */
export const MAX_SENTENCES = 5000;

export function prepareIndex(text: string, seg: Segmentation = segment(text)): QaIndex {
  const { folded } = seg;
  const sentences: QaSentence[] = [];
  const sentenceFrequency = new Map<string, number>();
  const knownNames = new Set<string>();
  let totalLength = 0;
  for (let si = 0; si < seg.sentences.length && si < MAX_SENTENCES; si++) {
    const s = seg.sentences[si]!;
    const tokens: QaToken[] = [];
    const termCounts = new Map<string, number>();
    let length = 0;
    let wordsSeen = 0;
    const last = Math.min(s.tokenEnd, s.tokenStart + MAX_TOKENS_PER_SENTENCE);
    for (let ti = s.tokenStart; ti < last; ti++) {
      const t = seg.tokens[ti]!;
      const surface = folded.slice(t.start, t.end);
      const lower = surface.toLowerCase();
      const wordLike = t.kind === 'word' || t.kind === 'number' || t.kind === 'abbrev';
      const term = wordLike ? termOf(lower) : lower;
      const content = wordLike && isContentWord(lower);
      tokens.push({ start: t.start, end: t.end, text: surface, lower, term, kind: t.kind, content });
      // A capital inside the sentence (not its first word, not after a quote or colon) marks a name.
      if (wordLike) {
        const prev = ti > s.tokenStart ? folded.slice(seg.tokens[ti - 1]!.start, seg.tokens[ti - 1]!.end) : '';
        if (wordsSeen > 0 && /^\p{Lu}/u.test(surface) && !/^["':(\[]$/.test(prev)) knownNames.add(lower);
        wordsSeen++;
      }
      if (content) {
        length++;
        termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
      }
    }
    for (const term of termCounts.keys()) sentenceFrequency.set(term, (sentenceFrequency.get(term) ?? 0) + 1);
    totalLength += length;
    sentences.push({ index: si, start: s.start, end: s.end, tokens, termCounts, length });
  }
  return {
    text,
    folded,
    sentences,
    sentenceFrequency,
    averageLength: sentences.length ? totalLength / sentences.length : 0,
    tags: new Map(),
    knownNames,
    segmentation: seg,
  };
}
