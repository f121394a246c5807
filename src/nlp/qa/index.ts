/**
 * Question answering over one article, by rules: `prepareIndex` once per article, then
 * `answerQuestion` per question. Every answer is a verbatim span of the article with the sentence
 * it comes from; when unsure the answer is "not found" and the closest sentence is a hint.
 */
export { prepareIndex } from './build-index';
export { answerQuestion, type AnswerOptions } from './answer';
export { analyzeQuestion } from './question';
export { FOUND_THRESHOLD } from './confidence';
export type { AnswerResult, AnswerQuote, AnswerType, QaIndex, QuestionAnalysis, QuoteLike, QuoteQuery } from './model';
