import { describe, expect, it } from 'vitest';
import { parseArticle, sniffFormat } from '../../src/article';
import { inlineToText, parseMarkdown } from '../../src/article/markdown';

describe('Markdown', () => {
  it('takes the first heading as the title and keeps paragraphs, lists and quotes as text', () => {
    const md = [
      '# Harbour reopens after storms',
      '',
      'The harbour **reopened** on Monday after [three days](https://example.com/storm) of storms.',
      'Officials said it was _safe_ again.',
      '',
      '![A ferry](ferry.jpg)',
      '',
      '## What changes',
      '',
      '- Ferries run every hour',
      '- The fish market opens at 6 a.m.',
      '',
      '> "We are back," said the harbour master.',
      '',
      '---',
      '',
      '[1]: https://example.com',
    ].join('\n');
    expect(parseMarkdown(md)).toEqual({
      title: 'Harbour reopens after storms',
      paragraphs: [
        'The harbour reopened on Monday after three days of storms. Officials said it was safe again.',
        'What changes',
        'Ferries run every hour',
        'The fish market opens at 6 a.m.',
        '"We are back," said the harbour master.',
      ],
    });
  });

  it('reads front matter', () => {
    const a = parseArticle({ content: '---\ntitle: "From front matter"\nauthor: Ann Lee\ndate: 2024-02-03\n---\n\nBody paragraph here.\n', source: 'x.md', format: 'markdown' });
    expect(a).toMatchObject({ title: 'From front matter', byline: 'Ann Lee', publishedAt: '2024-02-03', text: 'Body paragraph here.' });
  });

  it('keeps fenced code as text and Setext headings as headings', () => {
    expect(parseMarkdown('Title\n=====\n\nIntro.\n\n```\ncode line\n```\n').paragraphs).toEqual(['Intro.', 'code line']);
  });

  it.each([
    ['5 * 3 * 2 = 30', '5 * 3 * 2 = 30'],
    ['snake_case_name stays', 'snake_case_name stays'],
    ['*emph* and __strong__', 'emph and strong'],
    ['a \\*literal\\* star', 'a *literal* star'],
    ['`code` and ~~gone~~', 'code and gone'],
    ['Tom &amp; Jerry &#8212; &unknown;', 'Tom & Jerry \u2014 &unknown;'],
    ['<b>bold</b> <https://x.example/a>', 'bold https://x.example/a'],
  ])('inlineToText(%j) -> %j', (input, expected) => {
    expect(inlineToText(input)).toBe(expected);
  });

  it('stays linear on hostile inline markup', () => {
    const hostile = '[['.repeat(200_000) + '**a'.repeat(100_000) + '*_`~'.repeat(50_000);
    const t0 = performance.now();
    parseMarkdown(hostile);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it.each([
    ['# Heading\n\nText', 'markdown'],
    ['Some text with a [link](https://x.example) and **bold** words.', 'markdown'],
    ['<!DOCTYPE html><html><body><p>x</p></body></html>', 'html'],
    ['<div><p>Hello</p></div>', 'html'],
    ['Plain title\n\nPlain body with 5 * 3 and a_b.', 'text'],
    ['Prices rose 3% <in March> as expected.', 'text'],
  ])('sniffFormat(%j) -> %s', (content, format) => {
    expect(sniffFormat(content)).toBe(format);
  });
});
