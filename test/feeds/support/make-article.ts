/**
 * A minimal HTML -> Article builder for the feed tests, standing in until src/article's
 * `parseArticle` lands: paragraphs from <p> elements (or the whole text), the id from the body.
 */
import { articleIdOf, type Article } from '../../../src/article/model';
import type { ArticleInput } from '../../../src/feeds/full-text';
import { htmlToPlainText } from '../../../src/feeds/text';

export function makeArticle(input: ArticleInput): Article {
  const bodyStart = input.content.search(/<article[\s>]/i);
  const html = bodyStart === -1 ? input.content : input.content.slice(bodyStart);
  const paragraphs = [...html.matchAll(/<p[\s>][\s\S]*?<\/p>/gi)].map((m) => htmlToPlainText(m[0])).filter((p) => p !== '');
  const parts = paragraphs.length > 0 ? paragraphs : [htmlToPlainText(html)].filter((p) => p !== '');
  if (parts.length === 0) throw Object.assign(new Error('no text'), { code: 'ARTICLE_EMPTY' });
  const text = parts.join('\n\n');
  let offset = 0;
  const spans = parts.map((p) => {
    const span = { start: offset, end: offset + p.length };
    offset += p.length + 2;
    return span;
  });
  return {
    id: articleIdOf(text),
    title: input.title ?? parts[0]!.slice(0, 80),
    source: input.source,
    text,
    paragraphs: spans,
    boilerplate: [],
    ...(input.url !== undefined && { url: input.url }),
    ...(input.publishedAt !== undefined && { publishedAt: input.publishedAt }),
  };
}
