import { describe, expect, it } from 'vitest';
import { formatOfContentType, formatOfFile } from '../../src/library/sources';

describe('the format of an attachment, a file or a fetched page', () => {
  it.each([
    ['story.txt', undefined, 'text'],
    ['story.MD', undefined, 'markdown'],
    ['page.htm', 'text/plain', 'html'], // the name wins over a generic type
    ['notes', 'text/markdown; charset=utf-8', 'markdown'],
    ['export', 'text/html', 'html'],
    ['paste', 'text/plain; charset=utf-8', undefined], // decided from the content (often Markdown)
  ])('GIVEN %s (%s) THEN %s', (name, contentType, expected) => {
    expect(formatOfFile(name, contentType)).toBe(expected);
  });

  it.each([
    ['photo.png', 'image/png'],
    ['archive', 'application/zip'],
    ['noext', undefined],
  ])('GIVEN %s (%s) THEN it is refused as not a text, Markdown or HTML file', (name, contentType) => {
    expect(() => formatOfFile(name, contentType)).toThrow(expect.objectContaining({ code: 'ATTACHMENT_TYPE' }));
  });

  it.each([
    ['text/html; charset=windows-1252', 'html'],
    ['application/xhtml+xml', 'html'],
    ['TEXT/MARKDOWN', 'markdown'],
    ['text/plain', undefined],
    [undefined, undefined],
  ])('GIVEN a page served as %s THEN %s', (contentType, expected) => {
    expect(formatOfContentType(contentType)).toBe(expected);
  });
});
