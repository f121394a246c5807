/**
 * Questions about one article, answered by the rule-based Q&A core (src/nlp/qa). The per-article
 * index does not depend on the question, so the last few are kept in memory (bounded) and reused
 * by every question in a thread.
 */
import type { Article } from '../article/model';
import { answerQuestion, prepareIndex, type AnswerResult, type QaIndex, type QuoteLike } from '../nlp/qa';
import type { Analysis } from '../nlp/analyze';

/** Indexes kept in memory: a thread usually asks several questions about one article. */
const INDEX_CACHE_SIZE = 32;
/** Longest question read (the Q&A core cuts longer ones too; this bounds the work up front). */
export const MAX_QUESTION_CHARS = 600;

export interface QuestionAnswerer {
  answer(article: Article, analysis: Analysis, question: string): AnswerResult;
  /**
   * Load the Q&A core's lazy parts (the part-of-speech model: ~0.6 s, once per process) now, so the
   * first question asked in a thread does not stall the bot's event loop.
   */
  warmUp(): void;
}

/** A tiny text and question that exercise every lazy part of the Q&A core. */
const WARM_UP = { text: 'Mayor Ana Ruiz met the council on Monday. "We agreed," she said.', question: 'Who met the council?' };

/** The article's quotes when the analysis has them (added by the quotes capability). */
function quotesOf(analysis: Analysis): readonly QuoteLike[] | undefined {
  const q = (analysis as { quotes?: unknown }).quotes;
  return Array.isArray(q) ? (q as QuoteLike[]) : undefined;
}

export function createQuestionAnswerer(cacheSize = INDEX_CACHE_SIZE): QuestionAnswerer {
  const cache = new Map<string, QaIndex>();
  const indexOf = (article: Article): QaIndex => {
    let index = cache.get(article.id);
    if (index) {
      cache.delete(article.id);
    } else {
      index = prepareIndex(article.text);
    }
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
  };
}
