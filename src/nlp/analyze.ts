/**
 * The analysis of one article: computed once when the article is added, stored, and reused by
 * every command. Pure: text in, values out. Each NLP capability adds its field here; bump
 * ANALYSIS_VERSION whenever the output of any rule changes, so stored analyses are recomputed.
 */
import type { Article } from '../article/model';
import { segment, type Segmentation } from './segment';
import { summarize, type SummaryResult } from './summarize';
import { extractQuotes, type Quote } from './quotes';
import { looksEnglish } from './language';

export const ANALYSIS_VERSION = 10;

export interface Analysis {
  readonly version: number;
  readonly articleId: string;
  readonly sentenceCount: number;
  readonly wordCount: number;
  /** The default 3-sentence summary and the keywords (other lengths: call summarize with `seg`). */
  readonly summary: SummaryResult;
  /** Every attribution (direct, mixed, indirect) with its speaker, in text order. */
  readonly quotes: readonly Quote[];
  /** The text reads as English: the rules are English, so replies say why they find little elsewhere. */
  readonly english: boolean;
}

export function analyzeArticle(article: Article, seg: Segmentation = segment(article.text)): Analysis {
  return {
    version: ANALYSIS_VERSION,
    articleId: article.id,
    sentenceCount: seg.sentences.length,
    wordCount: seg.tokens.reduce((n, t) => n + (t.kind === 'word' || t.kind === 'number' || t.kind === 'abbrev' ? 1 : 0), 0),
    summary: summarize(article.text, { seg, title: article.title }),
    quotes: extractQuotes(article.text, seg),
    english: looksEnglish(seg),
  };
}
