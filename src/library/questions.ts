/**
 * Questions about one article, answered by the rule-based Q&A core (src/nlp/qa). The per-article
 * index does not depend on the question, so the most recently used ones are kept in memory and
 * reused by every question: `/ask`, its buttons and @mentions in discussion threads all share the
 * one answerer the core puts in `Services.questions`.
 *
 * The cache is an LRU bounded by count (an index is a few times the article's size, articles are
 * at most LIBRARY_LIMITS.maxArticleChars). Entries are keyed by article id, which is a hash of the
 * text, so a cached index can never disagree with its article; `forget` drops an entry when the
 * article is removed so memory follows the library.
 */
import type { Article } from '../article/model';
import { answerQuestion, prepareIndex, type AnswerResult, type QaIndex, type QuoteLike } from '../nlp/qa';
import type { Analysis } from '../nlp/analyze';

/** Indexes kept in memory: a thread or a channel usually asks several questions about one article. */
export const INDEX_CACHE_SIZE = 32;
/** Longest question read (the Q&A core cuts longer ones too; this bounds the work up front). */
export const MAX_QUESTION_CHARS = 600;

export interface QuestionAnswerer {
  /** The answer from the article (who-said questions from the analysis's quotes). */
  answer(article: Article, analysis: Analysis, question: string): AnswerResult;
  /** Drop the article's cached index (the article was removed); true when one was cached. */
  forget(articleId: string): boolean;
  /** Whether the article's index is cached now (does not count as a use). */
  has(articleId: string): boolean;
  /** How many article indexes are cached now (at most the cache size). */
  readonly cached: number;
  /**
   * Load the Q&A core's lazy parts (the part-of-speech model: ~0.6 s, once per process) now, so the
   * first question asked does not stall the bot's event loop.
   */
  warmUp(): void;
}

export interface QuestionAnswererOptions {
  /** Article indexes kept (least recently used dropped first); at least 1. */
  readonly cacheSize?: number;
}

/** A tiny text and question that exercise every lazy part of the Q&A core. */
const WARM_UP = { text: 'Mayor Ana Ruiz met the council on Monday. "We agreed," she said.', question: 'Who met the council?' };

/** The article's quotes when the analysis has them (added by the quotes capability). */
function quotesOf(analysis: Analysis): readonly QuoteLike[] | undefined {
  const q = (analysis as { quotes?: unknown }).quotes;
  return Array.isArray(q) ? (q as QuoteLike[]) : undefined;
}

export function createQuestionAnswerer(options: QuestionAnswererOptions = {}): QuestionAnswerer {
  const cacheSize = Math.max(1, Math.trunc(options.cacheSize ?? INDEX_CACHE_SIZE));
  // A Map iterates in insertion order: re-inserting on use makes the first key the least recently used.
  const cache = new Map<string, QaIndex>();
  const indexOf = (article: Article): QaIndex => {
    let index = cache.get(article.id);
    if (index) cache.delete(article.id);
    else index = prepareIndex(article.text);
    cache.set(article.id, index);
    while (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    return index;
  };
  return {
    warmUp() {
      answerQuestion(prepareIndex(WARM_UP.text), WARM_UP.question);
    },
    answer(article, analysis, question) {
      const quotes = quotesOf(analysis);
      return answerQuestion(indexOf(article), question.slice(0, MAX_QUESTION_CHARS), quotes ? { quotes } : {});
    },
    forget: (articleId) => cache.delete(articleId),
    has: (articleId) => cache.has(articleId),
    get cached() {
      return cache.size;
    },
  };
}
