/**
 * What the bot knows: each server's articles (plus the bundled ones), their stored analyses, and
 * how to find one from what a person typed. Commands reach it through `ctx.library`.
 */
export { createLibrary, clip, type Library, type AddOutcome, type ResolvedArticle, type ListPage, type Suggestion } from './library';
export { LibraryError, type LibraryErrorCode } from './errors';
export { LIBRARY_LIMITS } from './limits';
export { matchArticles, pickArticle, MATCH_TIER } from './match';
export { slugify } from './slug';
export { looksLikeUrl, unwrapLink, urlKey } from './url';
export { bundledFolder, loadBundledArticles, isArticleFile, type BundledFolder, type BundledFileOutcome, type BundledLoadReport } from './bundled';
export { watchBundledFolder, QUIET_MS, type FolderWatcher, type FolderWatcherOptions } from './watch';
export {
  createArticleLoader,
  loaderOptionsFromConfig,
  formatOfFile,
  formatOfContentType,
  FORMAT_BY_EXTENSION,
  type AddSource,
  type ArticleLoader,
  type LoaderOptions,
} from './sources';
export { createQuestionAnswerer, MAX_QUESTION_CHARS, type QuestionAnswerer } from './questions';
export {
  createSpeakerDirectory,
  speakerChoices,
  phraseAnchors,
  type SpeakerDirectory,
  type SpeakerSummary,
  type SpeakerQuote,
  type SpeakerQuotes,
  type ArticleRef,
} from './speakers';
export { inProcessWork, type ArticleWork } from './work';
export { createReanalysis, REANALYSIS, type Reanalysis, type ReanalysisDeps, type ReanalysisReport } from './reanalyse';
export type { AnalysedArticle } from './jobs';
