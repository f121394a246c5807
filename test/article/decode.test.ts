/**
 * One decoding rule for every way an article arrives: the same bytes give the same text from a file
 * (`lede parse`), a Discord attachment, a console file and a fetched page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleError, loadArticle } from '../../src/article';
import { decodeArticleBytes, type DecodeHints } from '../../src/article/decode';
import type { SafeFetchOptions } from '../../src/fetch';
import { createArticleLoader } from '../../src/library/sources';
import { send, startServer, type TestServer } from '../fetch/server';

/** A windows-1252 news text: 0x93/0x94 are curly double quotes, 0xE9 is é, 0x96 an en dash. */
const CP1252 = Buffer.from('Caf\xe9 news\n\n\x93Caf\xe9 opens today,\x94 the owner said \x96 at last.\n', 'latin1');
const TITLE = 'Café news';
const BODY = '\u201CCafé opens today,\u201D the owner said \u2013 at last.';

const fetchOptions = (): SafeFetchOptions => ({ allowPrivate: true, maxBytes: 1024 * 1024, timeoutMs: 2_000 });
const loader = createArticleLoader({ fetchOptions: { article: fetchOptions(), attachment: fetchOptions() }, maxFileBytes: 1024 * 1024 });
let server: TestServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-decode-'));
  writeFileSync(join(dir, 'cafe.txt'), CP1252);
  server = await startServer({
    // Discord labels uploads by guess: a legacy file may come as UTF-8, or with no charset at all.
    '/attachments/cafe-utf8-label.txt': send('text/plain; charset=utf-8', CP1252),
    '/attachments/cafe-no-label.txt': send('text/plain', CP1252),
    '/cafe-page': send('text/plain', CP1252),
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a windows-1252 file reads the same by every path', () => {
  it('GIVEN the CLI file path THEN title and body with curly quotes, é and the dash', async () => {
    const a = await loadArticle(join(dir, 'cafe.txt'), { fetch: fetchOptions() });
    expect([a.title, a.text]).toEqual([TITLE, BODY]);
  });

  it.each(['cafe-utf8-label.txt', 'cafe-no-label.txt'])('GIVEN the attachment %s THEN the same text (not refused as binary)', async (name) => {
    const a = await loader({ kind: 'attachment', url: `${server.origin}/attachments/${name}`, name, size: CP1252.length, contentType: 'text/plain; charset=utf-8' });
    expect([a.title, a.text, a.source]).toEqual([TITLE, BODY, `attachment:${name}`]);
  });

  it('GIVEN the console file path (/article add file:) THEN the same text', async () => {
    const a = await loader({ kind: 'file', path: join(dir, 'cafe.txt') });
    expect([a.title, a.text]).toEqual([TITLE, BODY]);
  });

  it('GIVEN a page served without a charset, by the bot and by lede parse THEN the same text', async () => {
    const viaBot = await loader({ kind: 'url', url: `${server.origin}/cafe-page` });
    const viaCli = await loadArticle(`${server.origin}/cafe-page`, { fetch: fetchOptions() });
    expect([viaBot.title, viaBot.text]).toEqual([TITLE, BODY]);
    expect([viaCli.title, viaCli.text]).toEqual([TITLE, BODY]);
  });
});

describe('decodeArticleBytes', () => {
  const utf16 = (text: string, le: boolean) => {
    const body = Buffer.from(text, 'utf16le');
    if (!le) body.swap16();
    return Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
  };
  const hints: DecodeHints = { source: 'f.txt' };

  it.each<[string, Buffer, DecodeHints, string, string]>([
    ['UTF-8', Buffer.from('Café \u201Copens\u201D'), hints, 'utf-8', 'Café \u201Copens\u201D'],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café')]), hints, 'utf-8', 'Café'],
    ['UTF-16LE with its mark', utf16('Café \u201Copens\u201D', true), hints, 'utf-16le', 'Café \u201Copens\u201D'],
    ['UTF-16BE with its mark', utf16('Café \u201Copens\u201D', false), hints, 'utf-16be', 'Café \u201Copens\u201D'],
    ['windows-1252', CP1252, hints, 'windows-1252', `${TITLE}\n\n${BODY}\n`],
    ['windows-1252 labelled UTF-8 (checked, not trusted)', CP1252, { source: 'f.txt', declaredCharset: 'utf-8' }, 'windows-1252', `${TITLE}\n\n${BODY}\n`],
    ['a declared ISO-8859-2', Buffer.from([0x5a, 0xb3, 0x6f, 0x74, 0x79]), { source: 'f.txt', declaredCharset: 'iso-8859-2' }, 'iso-8859-2', 'Złoty'],
    ['HTML with <meta charset=windows-1252>', Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>'), Buffer.from([0x93, 0x78, 0x94])]), { source: 'p.html', format: 'html' }, 'windows-1252', '<meta charset="windows-1252"><p>\u201Cx\u201D'],
    ['an unknown declared charset (the bytes decide)', Buffer.from('Café'), { source: 'f.txt', declaredCharset: 'x-klingon' }, 'utf-8', 'Café'],
    ['UTF-8 with one damaged byte (keeps its accents)', Buffer.concat([Buffer.from('Café, crème, déjà vu '.repeat(4)), Buffer.from([0xff]), Buffer.from(' fin')]), hints, 'utf-8', `${'Café, crème, déjà vu '.repeat(4)}\uFFFD fin`],
  ])('GIVEN %s THEN decoded as %s', (_name, bytes, h, charset, text) => {
    expect(decodeArticleBytes(bytes, h)).toEqual({ charset, text });
  });

  it.each<[string, Buffer, string]>([
    ['NUL bytes', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]), 'it contains NUL bytes'],
    ['random high bytes', Buffer.from(Array.from({ length: 4000 }, (_, i) => 0x80 + ((i * 7919) % 128))), 'it is not valid text (mostly invalid UTF-8)'],
    ['control characters', Buffer.from('\u0001\u0002\u0003\u0004 text'.repeat(50)), 'too many control characters for text'],
  ])('GIVEN %s THEN ARTICLE_BINARY', (_name, bytes, why) => {
    let error: unknown;
    try {
      decodeArticleBytes(bytes, hints);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ArticleError);
    expect(error).toMatchObject({ code: 'ARTICLE_BINARY', message: `f.txt looks like a binary file, not an article: ${why}.` });
  });
});
