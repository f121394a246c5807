/**
 * Per-sentence features for summary scoring: the words, terms, names and numbers of each sentence
 * of a segmentation, computed once and shared by every scorer.
 */
import type { Segmentation } from '../segment';
import { termsOf, type TermOccurrence } from './terms';

/** At most this many sentences are scored: the centrality graph is quadratic in it. */
export const MAX_SCORED_SENTENCES = 400;
/** Tokens of one sentence looked at, so one megabyte "sentence" costs no more than a long one. */
const MAX_TOKENS_PER_SENTENCE = 400;

export interface SentenceFeatures {
  /** Index into `seg.sentences`. */
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** The folded sentence text (for patterns), same offsets as the original. */
  readonly folded: string;
  /** Word, number and abbreviation tokens. */
  readonly wordCount: number;
  readonly terms: readonly TermOccurrence[];
  /** Term stem -> count in this sentence. */
  readonly termCounts: ReadonlyMap<string, number>;
  readonly properNouns: number;
  readonly numbers: number;
  /** Lowercase first word (after opening quotes/brackets), '' when the sentence opens with none. */
  readonly firstWord: string;
  /** Paragraph index and whether this is the paragraph's first sentence. */
  readonly paragraph: number;
  readonly opensParagraph: boolean;
  /** The sentence is its paragraph: a line standing alone (a heading, a caption, a sign-off) when it has no full stop. */
  readonly wholeParagraph: boolean;
}

/** Features of the first MAX_SCORED_SENTENCES sentences of `seg`. */
export function sentenceFeatures(seg: Segmentation): SentenceFeatures[] {
  const out: SentenceFeatures[] = [];
  const count = Math.min(seg.sentences.length, MAX_SCORED_SENTENCES);
  for (let i = 0; i < count; i++) {
    const s = seg.sentences[i]!;
    const tokenEnd = Math.min(s.tokenEnd, s.tokenStart + MAX_TOKENS_PER_SENTENCE);
    let wordCount = 0;
    let numbers = 0;
    let firstWord = '';
    for (let t = s.tokenStart; t < tokenEnd; t++) {
      const tok = seg.tokens[t]!;
      if (tok.kind === 'word' || tok.kind === 'abbrev' || tok.kind === 'number') {
        if (wordCount === 0) firstWord = seg.folded.slice(tok.start, tok.end).toLowerCase();
        wordCount++;
        if (tok.kind === 'number') numbers++;
      }
    }
    const terms = termsOf(seg, s.tokenStart, tokenEnd);
    const termCounts = new Map<string, number>();
    let properNouns = 0;
    for (const t of terms) {
      termCounts.set(t.stem, (termCounts.get(t.stem) ?? 0) + 1);
      if (t.proper) properNouns++;
    }
    const para = seg.paragraphs[s.paragraph];
    out.push({
      index: i,
      start: s.start,
      end: s.end,
      folded: seg.folded.slice(s.start, Math.min(s.end, s.start + 4000)),
      wordCount,
      terms,
      termCounts,
      properNouns,
      numbers,
      firstWord,
      paragraph: s.paragraph,
      opensParagraph: para !== undefined && para.sentenceStart === i,
      wholeParagraph: para !== undefined && para.sentenceStart === i && para.sentenceEnd === i + 1 && seg.paragraphs.length > 1,
    });
  }
  return out;
}
