/**
 * Assemble an Article from extracted parts: normalize each paragraph, move boilerplate out, join the
 * body with blank lines and record the paragraph spans, and derive the stable id from the body.
 */
import { separateBoilerplate } from './boilerplate';
import { ArticleError } from './errors';
import { articleIdOf, type Article, type Span } from './model';
import { hasWords, normalizeParagraph } from './whitespace';

/** What a format-specific extractor hands over (paragraphs not yet normalized). */
export interface ExtractedParts {
  title?: string;
  byline?: string;
  siteName?: string;
  publishedAt?: string;
  paragraphs: readonly string[];
  /** Lines the extractor already recognised as boilerplate (captions, bylines lines...). */
  boilerplate?: readonly string[];
}

/** Longest title kept; beyond this it is the first sentence of a body, not a headline. */
const MAX_TITLE_LENGTH = 300;
/** Length of a title made from the first sentence when the source has none. */
const FALLBACK_TITLE_LENGTH = 100;

export function buildArticle(
  parts: ExtractedParts,
  meta: { source: string; url?: string; title?: string; publishedAt?: string },
): Article {
  const normalized = parts.paragraphs.map(normalizeParagraph).filter((p) => p.length > 0);
  const split = separateBoilerplate(normalized);
  const title = normalizeParagraph(meta.title ?? parts.title ?? '');
  // A heading or paragraph that repeats the title is the title, not body.
  const body = split.body.filter((p, i) => !(i === 0 && title !== '' && p === title));
  if (body.length === 0 || !body.some(hasWords)) {
    throw new ArticleError('ARTICLE_NO_CONTENT', `${meta.source} has no article text${normalized.length > 0 ? ' (only boilerplate or punctuation)' : ''}.`, meta.source);
  }
  const paragraphs: Span[] = [];
  let offset = 0;
  for (const p of body) {
    paragraphs.push({ start: offset, end: offset + p.length });
    offset += p.length + 2;
  }
  const text = body.join('\n\n');
  const byline = parts.byline ? normalizeParagraph(parts.byline) : undefined;
  const siteName = parts.siteName ? normalizeParagraph(parts.siteName) : split.siteName;
  const publishedAt = meta.publishedAt ?? parts.publishedAt;
  return {
    id: articleIdOf(text),
    title: title && title.length <= MAX_TITLE_LENGTH ? title : fallbackTitle(body[0]!),
    ...(byline ? { byline } : {}),
    ...(siteName ? { siteName } : {}),
    source: meta.source,
    ...(meta.url ? { url: meta.url } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    text,
    paragraphs,
    boilerplate: [...(parts.boilerplate ?? []).map(normalizeParagraph).filter((p) => p.length > 0), ...split.boilerplate],
  };
}

/** A title for a source without one: the start of the first paragraph, cut at a word boundary. */
function fallbackTitle(firstParagraph: string): string {
  const sentenceEnd = firstParagraph.search(/[.!?](?:\s|$)/);
  const sentence = sentenceEnd > 0 ? firstParagraph.slice(0, sentenceEnd) : firstParagraph;
  if (sentence.length <= FALLBACK_TITLE_LENGTH) return sentence;
  const cut = sentence.lastIndexOf(' ', FALLBACK_TITLE_LENGTH);
  return `${sentence.slice(0, cut > 20 ? cut : FALLBACK_TITLE_LENGTH)}\u2026`;
}
