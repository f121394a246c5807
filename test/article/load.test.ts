import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleError, loadArticle, type Article } from '../../src/article';
import { FetchError, type SafeFetchOptions } from '../../src/fetch';
import { segment } from '../../src/nlp/segment';
import { send, startServer, type TestServer } from '../fetch/server';

const MB = 1024 * 1024;
const fetchOpts = (over: Partial<SafeFetchOptions> = {}): SafeFetchOptions => ({ allowPrivate: true, maxBytes: 5 * MB, timeoutMs: 2_000, ...over });
let dir: string;
let server: TestServer;

async function articleError(p: Promise<Article>): Promise<ArticleError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ArticleError) return err;
    throw err;
  }
  throw new Error('expected an ArticleError');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-load-'));
  server = await startServer({
    '/story': send('text/html; charset=utf-8', '<html><head><title>Remote story | Site</title></head><body><article><p>The remote story has one paragraph of text.</p></article></body></html>'),
    '/notes.md': send('text/plain', '# Notes title\n\nSome **notes** here.'),
  });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
});

describe('loadArticle from files', () => {
  it('GIVEN the seed file THEN title, site and body', async () => {
    const a = await loadArticle('data/articles/venezuela-agrees-to-take-back-migrants.txt', { fetch: fetchOpts() });
    expect(a.source).toBe('data/articles/venezuela-agrees-to-take-back-migrants.txt');
    expect(a.siteName).toBe('News.Az');
    expect(a.title.startsWith('Trump announces')).toBe(true);
  });

  it('GIVEN an .html file THEN it is extracted as HTML', async () => {
    const a = await loadArticle('test/fixtures/html/riverside-park.html', { fetch: fetchOpts() });
    expect(a.byline).toBe('Maria Lopez');
  });

  it('GIVEN an empty file THEN ARTICLE_EMPTY', async () => {
    const path = join(dir, 'empty.txt');
    writeFileSync(path, '');
    const err = await articleError(loadArticle(path, { fetch: fetchOpts() }));
    expect(err.code).toBe('ARTICLE_EMPTY');
    expect(err.message).toBe(`${path} is empty.`);
  });

  it('GIVEN a binary file with NUL bytes THEN ARTICLE_BINARY', async () => {
    const path = join(dir, 'image.png');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const err = await articleError(loadArticle(path, { fetch: fetchOpts() }));
    expect(err.code).toBe('ARTICLE_BINARY');
    expect(err.message).toContain('contains NUL bytes');
  });

  it('GIVEN random bytes without NULs THEN ARTICLE_BINARY (invalid UTF-8 ratio)', async () => {
    const path = join(dir, 'random.bin');
    const bytes = randomBytes(64 * 1024).map((b) => (b === 0 ? 1 : b));
    writeFileSync(path, bytes);
    const err = await articleError(loadArticle(path, { fetch: fetchOpts() }));
    expect(err.code).toBe('ARTICLE_BINARY');
  });

  it('GIVEN a Latin-1 text file THEN it is decoded as windows-1252', async () => {
    const path = join(dir, 'latin1.txt');
    writeFileSync(path, Buffer.from('Caf\xe9 news\n\n\x93Caf\xe9 opens,\x94 the owner said.\n', 'latin1'));
    const a = await loadArticle(path, { fetch: fetchOpts() });
    expect(a.title).toBe('Café news');
    expect(a.text).toBe('\u201CCafé opens,\u201D the owner said.');
  });

  it('GIVEN a 50 MB file THEN ARTICLE_TOO_LARGE from its size, without reading it', async () => {
    const path = join(dir, 'huge.txt');
    writeFileSync(path, '');
    truncateSync(path, 50 * MB); // sparse: nothing is written or read
    const t0 = performance.now();
    const err = await articleError(loadArticle(path, { fetch: fetchOpts() }));
    expect(err.code).toBe('ARTICLE_TOO_LARGE');
    expect(err.message).toBe(`${path} is too large (50 MB); the limit is 5 MB (MAX_FETCH_BYTES).`);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it('GIVEN a file of 1 MB of punctuation THEN a clear ARTICLE_NO_CONTENT in bounded time', async () => {
    const path = join(dir, 'punct.txt');
    writeFileSync(path, '.,;:!?"\'()[]-\u2014\u201C\u201D'.repeat(70_000).slice(0, MB));
    const t0 = performance.now();
    const err = await articleError(loadArticle(path, { fetch: fetchOpts() }));
    expect(err.code).toBe('ARTICLE_NO_CONTENT');
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('GIVEN 1 MB of punctuation around a few words THEN an article that segments in bounded time', async () => {
    const path = join(dir, 'punct-words.txt');
    writeFileSync(path, `Noise report\n\n${'?!. "'.repeat(200_000)} words at the end.`);
    const t0 = performance.now();
    const a = await loadArticle(path, { fetch: fetchOpts() });
    segment(a.text);
    expect(a.title).toBe('Noise report');
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('GIVEN an HTML file with 100,000 nested divs THEN its text in bounded time', async () => {
    const path = join(dir, 'deep.html');
    writeFileSync(path, `<html><body>${'<div>'.repeat(100_000)}<p>Deep text survives.</p>${'</div>'.repeat(100_000)}</body></html>`);
    const t0 = performance.now();
    const a = await loadArticle(path, { fetch: fetchOpts() });
    expect(a.text).toBe('Deep text survives.');
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it.each([
    ['missing.txt', 'ARTICLE_FILE_NOT_FOUND', (p: string) => `No such file: ${p}.`],
    ['a-directory', 'ARTICLE_UNREADABLE', (p: string) => `${p} is a directory, not an article file.`],
  ])('GIVEN %s THEN %s', async (name, code, message) => {
    const path = join(dir, name);
    if (name === 'a-directory') mkdirSync(path, { recursive: true });
    const err = await articleError(loadArticle(path, { fetch: fetchOpts() }));
    expect(err.code).toBe(code);
    expect(err.message).toBe(message(path));
  });
});

describe('loadArticle from stdin', () => {
  it("GIVEN '-' THEN it reads the stream", async () => {
    const a = await loadArticle('-', { fetch: fetchOpts(), stdin: Readable.from([Buffer.from('Stdin title\n\nBody from '), Buffer.from('stdin.')]) });
    expect(a).toMatchObject({ source: 'stdin', title: 'Stdin title', text: 'Body from stdin.' });
  });

  it('GIVEN an endless stream THEN it stops at the cap', async () => {
    let sent = 0;
    const endless = new Readable({
      read() {
        sent += 65536;
        this.push(Buffer.alloc(65536, 0x61));
      },
    });
    const err = await articleError(loadArticle('-', { fetch: fetchOpts(), stdin: endless, maxFileBytes: MB }));
    expect(err.code).toBe('ARTICLE_TOO_LARGE');
    expect(sent).toBeLessThan(2 * MB);
  });
});

describe('loadArticle from URLs', () => {
  it('GIVEN an HTML page on a loopback server and allowPrivate THEN it is extracted', async () => {
    const a = await loadArticle(`${server.origin}/story`, { fetch: fetchOpts() });
    expect(a).toMatchObject({ title: 'Remote story', text: 'The remote story has one paragraph of text.', url: `${server.origin}/story`, source: `${server.origin}/story` });
  });

  it('GIVEN text/plain at a .md path THEN it is parsed as Markdown', async () => {
    const a = await loadArticle(`${server.origin}/notes.md`, { fetch: fetchOpts() });
    expect(a).toMatchObject({ title: 'Notes title', text: 'Some notes here.' });
  });

  it('GIVEN the same URL without allowPrivate THEN the FetchError passes through', async () => {
    await expect(loadArticle(`${server.origin}/story`, { fetch: fetchOpts({ allowPrivate: false }) })).rejects.toSatisfy(
      (e: unknown) => e instanceof FetchError && e.code === 'FETCH_BLOCKED_ADDRESS',
    );
  });
});
