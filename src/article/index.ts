/**
 * src/article: turning a source (file, URL, stdin, pasted text) into an Article - title, byline, site,
 * date, body paragraphs and the boilerplate moved out of the body.
 */
export { parseArticle, type ParseArticleInput } from './parse';
export { loadArticle, type LoadArticleOptions } from './load';
export { ArticleError, type ArticleErrorCode } from './errors';
export { articleIdOf, type Article, type Span } from './model';
export { BOILERPLATE_RULES, separateBoilerplate, type BoilerplateRule } from './boilerplate';
export { sniffFormat, type ArticleFormat } from './sniff';
export { extractHtml, MAX_DOM_DEPTH, MAX_DOM_ELEMENTS, MAX_DOM_NESTING, MAX_DOM_NODES, type HtmlExtraction, type HtmlMethod } from './html/extract';
