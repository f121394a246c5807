import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArticleError, parseArticle } from '../../src/article';

/** Text built from the pieces that make parsing hard: markup, quotes, blank lines, punctuation. */
const hostileText = fc
  .array(fc.constantFrom('<div>', '</div>', '<p>', '# ', '**', '[', '](', ')', '\n', '\n\n', '"', '\u201C', '\u201D', '.', ' ', 'News.Az', 'Read more', 'word', 'Mr.', '&amp;', '<!--', '-->', '<script>', '\u00A0', '\t'), { maxLength: 400 })
  .map((parts) => parts.join(''));

describe('parseArticle properties', () => {
  it.each(['text', 'markdown', 'html', undefined] as const)('format %s: either an ArticleError or a well-formed article', (format) => {
    fc.assert(
      fc.property(hostileText, (content) => {
        let article;
        try {
          article = parseArticle({ content, source: 'prop', ...(format ? { format } : {}) });
        } catch (err) {
          expect(err).toBeInstanceOf(ArticleError);
          return;
        }
        expect(article.text.length).toBeGreaterThan(0);
        expect(article.paragraphs.map((p) => article.text.slice(p.start, p.end)).join('\n\n')).toBe(article.text);
        for (const p of article.paragraphs) expect(article.text.slice(p.start, p.end)).not.toMatch(/\n|^\s|\s$|\s\s/);
      }),
      { numRuns: 300 },
    );
  });
});
