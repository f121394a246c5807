/**
 * Which article a Discord message holds (src/core/message-article.ts): the links in its text that
 * may be articles, the attached files Lede reads, the first of them, and the notes a reply carries.
 */
import { describe, expect, it } from 'vitest';
import { articleFiles, articleLinks, choiceNote, findMessageArticle, messageArticleNote } from '../../src/core/message-article';

describe('articleLinks', () => {
  it.each([
    ['Read this: https://news.test/a.html.', ['https://news.test/a.html']],
    ['(see https://news.test/a)', ['https://news.test/a']],
    ['**https://news.test/bold** and ||https://news.test/spoiler||', ['https://news.test/bold', 'https://news.test/spoiler']],
    ['<https://news.test/no-preview> and [the story](https://news.test/masked)', ['https://news.test/no-preview', 'https://news.test/masked']],
    ['https://en.wikipedia.test/wiki/Bridge_(structure), yes', ['https://en.wikipedia.test/wiki/Bridge_(structure)']],
    ['"https://news.test/quoted"!', ['https://news.test/quoted']],
  ])('GIVEN %j THEN %j', (content, links) => {
    expect(articleLinks(content)).toEqual(links);
  });

  it('GIVEN Discord, GIF and media links THEN they are skipped; the article link stays', () => {
    const content = [
      'https://discord.com/channels/1/2/3',
      'https://discord.gg/invite',
      'https://cdn.discordapp.com/attachments/1/2/story.txt',
      'https://media.tenor.com/x.gif',
      'https://news.test/photo.JPG',
      'https://news.test/report.pdf',
      'https://news.test/story',
    ].join(' ');
    expect(articleLinks(content)).toEqual(['https://news.test/story']);
  });

  it('GIVEN the same page written twice (tracking parameter, fragment) THEN once, as first written', () => {
    expect(articleLinks('https://news.test/a?utm_source=x https://news.test/a#top https://news.test/b')).toEqual(['https://news.test/a?utm_source=x', 'https://news.test/b']);
  });

  it('GIVEN a link longer than 2,048 characters, a non-http scheme and plain text THEN no link', () => {
    expect(articleLinks(`https://news.test/${'a'.repeat(2100)} ftp://news.test/a www.news.test just words`)).toEqual([]);
  });

  it('GIVEN 30 different links THEN the first 20', () => {
    const content = Array.from({ length: 30 }, (_, i) => `https://news.test/${i}`).join(' ');
    expect(articleLinks(content)).toEqual(Array.from({ length: 20 }, (_, i) => `https://news.test/${i}`));
  });
});

describe('articleFiles and findMessageArticle', () => {
  const file = (name: string, contentType?: string) => ({ url: `https://cdn.test/${name}`, name, size: 100, ...(contentType && { contentType }) });

  it('GIVEN files THEN the .txt/.md/.html ones and text types, in order', () => {
    expect(articleFiles([file('cat.png', 'image/png'), file('notes.md'), file('page', 'text/html'), file('data.bin', 'application/octet-stream'), file('a.TXT')]).map((f) => f.name)).toEqual([
      'notes.md',
      'page',
      'a.TXT',
    ]);
  });

  it('GIVEN a link and a file THEN the link, and two candidates counted', () => {
    const found = findMessageArticle({ content: 'story https://news.test/a', attachments: [file('notes.md')] });
    expect(found).toEqual({ source: { kind: 'url', url: 'https://news.test/a' }, kind: 'link', shown: '<https://news.test/a>', candidates: 2 });
    expect(choiceNote(found!)).toBe('This message has 2 links and files; I read the first: <https://news.test/a>.');
    expect(messageArticleNote(found!, {})).toBe('This message has 2 links and files; I read the first: <https://news.test/a>.\nLoaded from the link and added to this server’s articles.');
    expect(messageArticleNote(found!, { duplicate: 'url' })).toBe('This message has 2 links and files; I read the first: <https://news.test/a>.');
  });

  it('GIVEN only a file THEN the file as an attachment source, its name escaped', () => {
    const found = findMessageArticle({ content: 'see attached', attachments: [file('my_notes.md', 'text/markdown')] });
    expect(found).toEqual({
      source: { kind: 'attachment', url: 'https://cdn.test/my_notes.md', name: 'my_notes.md', size: 100, contentType: 'text/markdown' },
      kind: 'file',
      shown: 'my\\_notes.md',
      candidates: 1,
    });
    expect(choiceNote(found!)).toBe('');
    expect(messageArticleNote(found!, {})).toBe('Read from the attached file and added to this server’s articles.');
    expect(messageArticleNote(found!, { duplicate: 'content' })).toBeUndefined();
  });

  it('GIVEN text without links and an image THEN nothing', () => {
    expect(findMessageArticle({ content: 'nice picture', attachments: [file('cat.png', 'image/png')] })).toBeUndefined();
  });
});
