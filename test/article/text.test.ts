import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleError, parseArticle } from '../../src/article';
import { looksLikeHeadline, parsePlainText } from '../../src/article/text';
import { segment } from '../../src/nlp/segment';

const SEED_PATH = 'data/articles/venezuela-agrees-to-take-back-migrants.txt';
const seed = readFileSync(new URL(`../../${SEED_PATH}`, import.meta.url), 'utf8');

describe('the seed article as plain text', () => {
  const article = parseArticle({ content: seed, source: SEED_PATH });
  const sentences = segment(article.text).sentences.map((s) => article.text.slice(s.start, s.end));

  it('takes the first line as the title', () => {
    expect(article.title).toBe("Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S");
  });

  it('moves the trailing "News.Az" to boilerplate and records it as the site', () => {
    expect(article.boilerplate).toEqual(['News.Az']);
    expect(article.siteName).toBe('News.Az');
    expect(article.text.endsWith('without legal status.')).toBe(true);
  });

  it('has 14 paragraphs and 17 or 18 body sentences', () => {
    expect(article.paragraphs).toHaveLength(14);
    expect([17, 18]).toContain(sentences.length);
    expect(sentences).not.toContain('News.Az');
  });

  it('keeps the text verbatim, curly quotes included, and the id is the hash of the body', () => {
    expect(article.text).toContain('in years,\u201D he was quoted');
    expect(seed).toContain(article.text.slice(0, 500));
    expect(article.id).toMatch(/^[0-9a-f]{16}$/);
    expect(parseArticle({ content: seed, source: 'other-name.txt' }).id).toBe(article.id);
  });
});

describe('plain text rules', () => {
  it.each([
    ["Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S", true],
    ['Is this the end of the road?', true],
    ['Markets rally as inflation cools...', true],
    ['He said Venezuela agreed to supply transportation for them.', false],
    ['Here is what we know:', false],
    ['- a list item', false],
    ['x'.repeat(201), false],
    ['!!!', false],
  ])('looksLikeHeadline(%j) is %s', (line, expected) => {
    expect(looksLikeHeadline(line)).toBe(expected);
  });

  it('GIVEN a title, a byline line and hard-wrapped paragraphs THEN lines are joined', () => {
    const parts = parsePlainText('Harbour reopens\n\nBy Ann Lee\n\nThe harbour reopened on Monday after\nthree days of storms, officials said.\n\nFerries are running again.\n');
    expect(parts).toEqual({
      title: 'Harbour reopens',
      byline: 'Ann Lee',
      paragraphs: ['The harbour reopened on Monday after three days of storms, officials said.', 'Ferries are running again.'],
    });
  });

  it('GIVEN long lines without blank lines THEN each line is a paragraph', () => {
    const long = (w: string) => `${w} `.repeat(30).trim() + '.';
    const parts = parsePlainText(`${long('alpha')}\n${long('beta')}\n${long('gamma')}`);
    expect(parts.paragraphs).toHaveLength(3);
    expect(parts.title).toBeUndefined();
  });

  it('GIVEN no headline THEN the title is the start of the first sentence', () => {
    const a = parseArticle({ content: 'The harbour reopened on Monday. Ferries run again.', source: 'text' });
    expect(a.title).toBe('The harbour reopened on Monday');
  });

  it('GIVEN an explicit title THEN it wins over the detected one', () => {
    const a = parseArticle({ content: 'Detected title\n\nBody text here.', source: 'text', title: 'Given title' });
    expect(a.title).toBe('Given title');
    expect(a.text).toBe('Detected title\n\nBody text here.'.replace('Detected title\n\n', ''));
  });

  it('normalizes whitespace inside paragraphs and CRLF line endings', () => {
    const a = parseArticle({ content: 'Title here\r\n\r\nOne\u00A0 two\tthree\r\nfour.\r\n\r\n  Five  six. ', source: 'text' });
    expect(a.text).toBe('One two three four.\n\nFive six.');
    expect(a.paragraphs).toEqual([{ start: 0, end: 19 }, { start: 21, end: 30 }]);
  });

  it.each([
    ['', 'ARTICLE_EMPTY'],
    ['   \n\n  \t', 'ARTICLE_EMPTY'],
    ['!!! ... ??? --- ,,,', 'ARTICLE_NO_CONTENT'],
    ['Share on Facebook\n\nRead more', 'ARTICLE_NO_CONTENT'],
    ['abc\u0000def', 'ARTICLE_BINARY'],
  ])('GIVEN %j THEN %s', (content, code) => {
    expect(() => parseArticle({ content, source: 'text' })).toThrowError(expect.objectContaining({ name: 'ArticleError', code }) as unknown as ArticleError);
  });
});
