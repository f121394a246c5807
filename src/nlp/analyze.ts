/**
 * The analysis of one article: computed once when the article is added, stored, and reused by
 * every command. Pure: text in, values out. Each NLP capability adds its field here; bump
 * ANALYSIS_VERSION whenever the output of any rule changes, so stored analyses are recomputed.
 */
import type { Article } from '../article/model';
import { segment, type Segmentation } from './segment';

export const ANALYSIS_VERSION = 1;

export interface Analysis {
  readonly version: number;
  readonly articleId: string;
  readonly sentenceCount: number;
  readonly wordCount: number;
}

export function analyzeArticle(article: Article, seg: Segmentation = segment(article.text)): Analysis {
  return {
    version: ANALYSIS_VERSION,
    articleId: article.id,
    sentenceCount: seg.sentences.length,
    wordCount: seg.tokens.reduce((n, t) => n + (t.kind === 'word' || t.kind === 'number' || t.kind === 'abbrev' ? 1 : 0), 0),
  };
}
