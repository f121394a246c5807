/**
 * Extractive summaries and keywords. Pure: text in, verbatim sentences (with their spans) out.
 *
 * summarize() scores every sentence (position, centrality, salience, names and numbers, title),
 * multiplies in the penalties (boilerplate, captions, bylines, questions, fragments, run-ons),
 * picks with MMR so the summary does not repeat itself, and returns the picks in article order.
 */
import { segment, type Segmentation } from '../segment';
import { sentenceFeatures, type SentenceFeatures } from './features';
import { DEFAULT_KEYWORD_COUNT, rankKeywords } from './keywords';
import { MIN_WORDS, staticFactor } from './penalties';
import { keywordStats } from './salience';
import { scoreSentences, type ScoredArticle } from './score';
import { selectSentences } from './select';
import { DEFAULT_WEIGHTS, type SummaryWeights } from './weights';

export { DEFAULT_WEIGHTS, type SummaryWeights } from './weights';
export { staticPenalties, type Penalty } from './penalties';

export interface SummarySentence {
  /** Index into the segmentation's sentences. */
  readonly index: number;
  /** Span in the text (JavaScript string offsets). */
  readonly start: number;
  readonly end: number;
  /** Verbatim: `text.slice(start, end)`. */
  readonly text: string;
  readonly score: number;
}

export interface SummaryResult {
  /** The chosen sentences, in article order; empty when `tooShort`. */
  readonly sentences: SummarySentence[];
  readonly keywords: string[];
  /** 1 - summary characters / body characters, in whole percent (0 when nothing was picked). */
  readonly reducedByPercent: number;
  /** The text is too short to summarize: the reply should say so rather than repeat the text. */
  readonly tooShort: boolean;
}

export interface SummarizeOptions {
  /** How many sentences (1-10, default 3); out-of-range values are clamped. */
  readonly sentences?: number;
  /** A segmentation of the same text, to avoid segmenting twice. */
  readonly seg?: Segmentation;
  /** The article's title: sentences that share its words score higher. */
  readonly title?: string;
  /** Keywords to return (default 8). */
  readonly keywords?: number;
  /** Override the tuned weights (evaluation and tuning only). */
  readonly weights?: Partial<SummaryWeights>;
}

export const DEFAULT_SENTENCES = 3;
export const MIN_SENTENCES = 1;
export const MAX_SENTENCES = 10;
/** Under this many words there is nothing to condense: say "too short" instead. */
export const MIN_WORDS_TO_SUMMARIZE = 60;

function clampCount(n: number | undefined): number {
  if (n === undefined || !Number.isFinite(n)) return DEFAULT_SENTENCES;
  return Math.min(MAX_SENTENCES, Math.max(MIN_SENTENCES, Math.round(n)));
}

/** Summarize `text`: up to `sentences` verbatim sentences, keywords and the reduction. */
export function summarize(text: string, opts: SummarizeOptions = {}): SummaryResult {
  const count = clampCount(opts.sentences);
  const seg = opts.seg ?? segment(text);
  const weights = { ...DEFAULT_WEIGHTS, ...opts.weights };
  const scored = scoreSentences(seg, weights, opts.title);
  const keywords = keywordsOf(scored.features, opts.keywords ?? DEFAULT_KEYWORD_COUNT, scored);
  if (isTooShort(scored, count)) return { sentences: [], keywords, reducedByPercent: 0, tooShort: true };

  const picked = selectSentences({
    features: scored.features,
    scores: scored.scores,
    similarity: scored.similarity,
    count,
    redundancy: weights.redundancy,
    duplicate: weights.duplicate,
  });
  const sentences = picked.map((i) => {
    const f = scored.features[i]!;
    return { index: f.index, start: f.start, end: f.end, text: seg.text.slice(f.start, f.end), score: scored.scores[i]! };
  });
  const bodyChars = seg.text.trim().length;
  const summaryChars = sentences.reduce((n, s) => n + s.text.length, 0);
  const reducedByPercent = bodyChars > 0 && sentences.length > 0 ? Math.max(0, Math.round(100 * (1 - summaryChars / bodyChars))) : 0;
  return { sentences, keywords, reducedByPercent, tooShort: sentences.length === 0 };
}

/**
 * Too short: fewer real sentences (not fragments) than asked + 1, or fewer than
 * MIN_WORDS_TO_SUMMARIZE words in all. A summary must leave something out.
 */
function isTooShort(scored: ScoredArticle, count: number): boolean {
  let words = 0;
  let real = 0;
  for (const f of scored.features) {
    words += f.wordCount;
    if (f.wordCount >= MIN_WORDS) real++;
  }
  return words < MIN_WORDS_TO_SUMMARIZE || real < count + 1;
}

export interface KeywordOptions {
  /** How many keywords (default 8). */
  readonly limit?: number;
  readonly seg?: Segmentation;
}

/** The article's keywords and names, most salient first, as they are spelled in the text. */
export function extractKeywords(text: string, opts: KeywordOptions = {}): string[] {
  const seg = opts.seg ?? segment(text);
  return keywordsOf(sentenceFeatures(seg), opts.limit ?? DEFAULT_KEYWORD_COUNT);
}

/**
 * Keywords from the sentences a reader would keep: bylines, timestamps and captions do not count.
 * With the article's scores at hand, their penalty factors are reused, and so are their term
 * statistics when every sentence is kept (the same sentences give the same statistics); otherwise
 * only the statistics keywords read are gathered.
 */
function keywordsOf(features: readonly SentenceFeatures[], limit: number, scored?: ScoredArticle): string[] {
  const kept = scored ? features.filter((_, i) => scored.factors[i]! > 0) : features.filter((f) => staticFactor(f) > 0);
  const stats = scored && kept.length === features.length ? scored.stats : keywordStats(kept);
  return rankKeywords(kept, stats, limit);
}

/** Scores of every sentence with their parts, for explaining a summary and for tuning. */
export function rankSentences(text: string, opts: { seg?: Segmentation; title?: string; weights?: Partial<SummaryWeights> } = {}): ScoredArticle {
  const seg = opts.seg ?? segment(text);
  return scoreSentences(seg, { ...DEFAULT_WEIGHTS, ...opts.weights }, opts.title);
}
