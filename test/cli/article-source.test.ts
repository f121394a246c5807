import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { runWithIo } from '../support/cli-io';

const parse = (source: string) => runWithIo((io) => main(['parse', source], io));

describe('lede <command> SOURCE: links that are not read', () => {
  it.each([
    ['gopher://example.com/1/news', 'Refused to fetch gopher://example.com/1/news: only http and https links are read, not gopher links. [FETCH_PROTOCOL]'],
    ['file:///etc/hostname', 'Refused to fetch file:///etc/hostname: only http and https links are read, not file links. [FETCH_PROTOCOL]'],
    ['data:text/plain,The mayor said hello.', 'Refused to fetch data:text/plain,The mayor said hello.: only http and https links are read, not data links. [FETCH_PROTOCOL]'],
    ['ftp://example.com/article.txt', 'Refused to fetch ftp://example.com/article.txt: only http and https links are read, not ftp links. [FETCH_PROTOCOL]'],
  ])('GIVEN %s THEN the scheme is named, not "No such file"', async (source, line) => {
    expect(await parse(source)).toEqual({ code: 1, out: '', err: `lede parse: ${line}\n` });
  });

  it.each([
    ['http://alice@example.com/news', 'http://example.com/news'],
    ['https://alice:hunter2@example.com/news', 'https://example.com/news'],
  ])('GIVEN credentials in %s THEN they are refused before any lookup, and not echoed', async (source, bare) => {
    expect(await parse(source)).toEqual({
      code: 1,
      out: '',
      err: `lede parse: Refused to fetch ${bare}: links with a user name or password in them are refused, and the credentials were not sent anywhere. [FETCH_CREDENTIALS]\n`,
    });
  });

  it('GIVEN the same refusal from another command THEN the same words under its name', async () => {
    const r = await runWithIo((io) => main(['who', 'Trump', 'gopher://example.com/1'], io));
    expect(r).toEqual({ code: 1, out: '', err: 'lede who: gopher://example.com/1: Refused to fetch gopher://example.com/1: only http and https links are read, not gopher links. [FETCH_PROTOCOL]\n' });
  });
});

describe('lede <command> SOURCE: files named like links', () => {
  const cwd = process.cwd();
  let dir: string | undefined;
  afterEach(() => {
    process.chdir(cwd);
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('GIVEN an existing file named notes:draft.txt THEN it is read as a file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'lede-source-'));
    writeFileSync(join(dir, 'notes:draft.txt'), 'Draft notes\n\nThe council met on Tuesday and agreed the budget.\n');
    process.chdir(dir);
    const r = await parse('notes:draft.txt');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('Draft notes');
  });

  it('GIVEN a missing file path with no scheme THEN "No such file" as before', async () => {
    expect(await parse('/nonexistent/lede-source.txt')).toEqual({ code: 1, out: '', err: 'lede parse: No such file: /nonexistent/lede-source.txt. [ARTICLE_FILE_NOT_FOUND]\n' });
  });
});
