/**
 * One decoding rule for every way an article arrives: the same bytes give the same text from a file
 * (`lede parse`), a Discord attachment, a console file and a fetched page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
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

/**
 * Texts in legacy charsets that declare nothing, and UTF-8 under a wrong legacy label (issue 15,
 * items 4 and 6): every article path reads them by the rule feeds use (src/fetch/charset.ts).
 */
const LEGACY: ReadonlyArray<readonly [charset: string, read: string, title: string, body: string]> = [
  ['koi8-r', 'koi8-r', 'Новый мост через реку откроют в мае', 'Строители говорят, что работы идут по графику, и мэр обещает открыть мост до лета.'],
  ['windows-1251', 'windows-1251', 'Школы закрыты из-за сильного снегопада', 'Занятия возобновятся, когда дороги расчистят, сообщили в городском управлении образования.'],
  ['shift_jis', 'shift_jis', '川に架かる新しい橋が五月に開通', '工事は予定どおり進んでいると建設会社は話し、市長は夏までの開通を約束した。'],
  ['euc-jp', 'euc-jp', '大雪のため市内の学校が休校', '道路の除雪が終わり次第、授業を再開すると教育委員会は発表した。'],
  ['euc-kr', 'euc-kr', '강을 건너는 새 다리가 오월에 개통한다', '공사는 일정대로 진행되고 있다고 건설사는 말했고 시장은 여름 전에 개통하겠다고 약속했다.'],
  ['gb2312', 'gb18030', '跨河新桥将于五月通车', '建筑公司说工程正在按计划进行，市长承诺夏天之前通车。'],
  ['big5', 'big5', '跨河新橋將於五月通車', '建築公司說工程正在按計畫進行，市長承諾夏天之前通車。'],
];
/** A page in UTF-8 with accents and CJK, whatever its label says. */
const UTF8_TITLE = 'Café “Riverside” opens – 河畔咖啡馆开业';
const UTF8_BODY = 'The owner, Zoë Marchetti, said the café would serve crème brûlée and 小笼包 from Monday.';
const utf8Page = (meta: string) => Buffer.from(`<!doctype html><html><head>${meta}<title>${UTF8_TITLE}</title></head><body><article><h1>${UTF8_TITLE}</h1><p>${UTF8_BODY}</p></article></body></html>`);
const legacyText = (charset: string, title: string, body: string) => iconv.encode(`${title}\n\n${body}\n`, charset);

describe('legacy charsets and wrong labels, by every article path', () => {
  let legacyServer: TestServer;
  let legacyDir: string;

  beforeAll(async () => {
    legacyDir = mkdtempSync(join(tmpdir(), 'lede-decode-legacy-'));
    const routes: Parameters<typeof startServer>[0] = {
      '/utf8/meta-gb2312': send('text/html', utf8Page('<meta charset="gb2312">')),
      '/utf8/meta-windows-1252': send('text/html', utf8Page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')),
      '/utf8/header-windows-1252': send('text/html; charset=windows-1252', utf8Page('')),
      '/utf8/header-iso-8859-1': send('text/html; charset=ISO-8859-1', utf8Page('<meta charset="iso-8859-1">')),
      '/sjis/meta-right': send('text/html', Buffer.concat([Buffer.from('<!doctype html><html><head><meta charset="Shift_JIS"><title>'), iconv.encode(LEGACY[2]![2], 'shift_jis'), Buffer.from('</title></head><body><article><p>'), iconv.encode(LEGACY[2]![3], 'shift_jis'), Buffer.from('</p></article></body></html>')])),
      '/cp1252/page': send('text/html', Buffer.from(`<!doctype html><html><head><title>${TITLE}</title></head><body><article><p>${BODY}</p></article></body></html>`.replace(/[\u2013\u201C\u201D]/g, (c) => ({ '\u2013': '\x96', '\u201C': '\x93', '\u201D': '\x94' })[c]!), 'latin1')),
    };
    for (const [charset, , title, body] of LEGACY) {
      writeFileSync(join(legacyDir, `${charset}.txt`), legacyText(charset, title, body));
      routes[`/legacy/${charset}.txt`] = send('text/plain', legacyText(charset, title, body));
      routes[`/legacy/${charset}-labelled-utf8.txt`] = send('text/plain; charset=utf-8', legacyText(charset, title, body));
    }
    legacyServer = await startServer(routes);
  });
  afterAll(async () => {
    await legacyServer.close();
    rmSync(legacyDir, { recursive: true, force: true });
  });

  it.each(LEGACY)('GIVEN %s bytes that declare nothing THEN decodeArticleBytes reads them as %s', (charset, read, title, body) => {
    expect(decodeArticleBytes(legacyText(charset, title, body), { source: `${charset}.txt` })).toEqual({ charset: read, text: `${title}\n\n${body}\n` });
  });

  it.each(LEGACY)('GIVEN a %s text THEN the CLI file, stdin, an attachment (labelled UTF-8 or not), a console file and a page give the same article', async (charset, _read, title, body) => {
    const file = join(legacyDir, `${charset}.txt`);
    const bytes = legacyText(charset, title, body);
    const results = [
      await loadArticle(file, { fetch: fetchOptions() }),
      await loadArticle('-', { fetch: fetchOptions(), stdin: Readable.from([bytes.subarray(0, 7), bytes.subarray(7)]) }),
      await loader({ kind: 'attachment', url: `${legacyServer.origin}/legacy/${charset}.txt`, name: `${charset}.txt`, size: bytes.length, contentType: 'text/plain' }),
      await loader({ kind: 'attachment', url: `${legacyServer.origin}/legacy/${charset}-labelled-utf8.txt`, name: `${charset}.txt`, size: bytes.length, contentType: 'text/plain; charset=utf-8' }),
      await loader({ kind: 'file', path: file }),
      await loader({ kind: 'url', url: `${legacyServer.origin}/legacy/${charset}.txt` }),
    ];
    expect(results.map((a) => [a.title, a.text])).toEqual(Array.from({ length: 6 }, () => [title, body]));
  });

  it.each([
    ['/utf8/meta-gb2312', '<meta charset="gb2312">'],
    ['/utf8/meta-windows-1252', 'an http-equiv windows-1252'],
    ['/utf8/header-windows-1252', 'Content-Type charset=windows-1252'],
    ['/utf8/header-iso-8859-1', 'Content-Type and <meta> ISO-8859-1'],
  ])('GIVEN a UTF-8 page under %s (%s) THEN its UTF-8 text, not mojibake', async (path) => {
    const viaBot = await loader({ kind: 'url', url: `${legacyServer.origin}${path}` });
    const viaCli = await loadArticle(`${legacyServer.origin}${path}`, { fetch: fetchOptions() });
    expect([viaBot.title, viaBot.text, viaCli.title, viaCli.text]).toEqual([UTF8_TITLE, UTF8_BODY, UTF8_TITLE, UTF8_BODY]);
  });

  it('GIVEN UTF-8 bytes in a file under <meta charset=gb2312> THEN utf-8 (the label is wrong)', () => {
    expect(decodeArticleBytes(utf8Page('<meta charset="gb2312">'), { source: 'p.html', format: 'html' }).charset).toBe('utf-8');
  });

  it('GIVEN a Shift_JIS page that says so in <meta> THEN read by its declaration, unchanged', async () => {
    const a = await loader({ kind: 'url', url: `${legacyServer.origin}/sjis/meta-right` });
    expect([a.title, a.text]).toEqual([LEGACY[2]![2], LEGACY[2]![3]]);
  });

  it('GIVEN a real windows-1252 HTML page that declares nothing THEN windows-1252 still (the fallback is kept)', async () => {
    const a = await loader({ kind: 'url', url: `${legacyServer.origin}/cp1252/page` });
    expect([a.title, a.text]).toEqual([TITLE, BODY]);
  });
});
