import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, safeFetch, type SafeFetchOptions } from '../../src/fetch';
import { blockedAddressReason } from '../../src/fetch/address';
import { safeFetchWithPolicy } from '../../src/fetch/safe-fetch';
import { send, startServer, type TestServer } from './server';

const PAGE = '<!doctype html><html><head><title>Hello</title></head><body><p>Body text.</p></body></html>';
const LIMIT = 64 * 1024;

// windows-1252: 0x93/0x94 are curly double quotes, 0xE9 is é, 0x80 is €.
const CP1252_BYTES = Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x80, 0x35]);
const CP1252_TEXT = '\u201CCafé\u201D €5';
// Shift_JIS for 日本語 ("Japanese").
const SJIS_BYTES = Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea]);
const SJIS_TEXT = '日本語';

let server: TestServer;
/** Resolves the made-up public-looking names used in these tests; everything else fails like DNS would. */
const fakeDns: Record<string, string> = {};
const lookup: SafeFetchOptions['lookup'] = async (host) => {
  const address = fakeDns[host];
  if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return [{ address, family: address.includes(':') ? 6 : 4 }];
};
const opts = (over: Partial<SafeFetchOptions> = {}): SafeFetchOptions => ({ allowPrivate: true, maxBytes: LIMIT, timeoutMs: 2_000, lookup, ...over });
/** The normal address rules, except that our loopback test server may be reached. */
const rulesExceptTestServer = (address: string) => (address === '127.0.0.1' ? undefined : blockedAddressReason(address));

async function fetchError(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error('expected a FetchError, but the fetch succeeded');
}

beforeAll(async () => {
  server = await startServer({
    '/page': send('text/html; charset=utf-8', PAGE, { etag: '"v1"', 'last-modified': 'Sat, 01 Feb 2025 10:00:00 GMT' }),
    '/text': send('text/plain', 'Plain words.'),
    '/redirect-1': (_q, r) => r.writeHead(302, { location: '/redirect-2' }).end(),
    '/redirect-2': (_q, r) => r.writeHead(301, { location: `${server.origin}/page` }).end(),
    '/loop': (_q, r) => r.writeHead(302, { location: '/loop' }).end(),
    '/to-private': (_q, r) => r.writeHead(302, { location: 'http://intranet.example/admin' }).end(),
    '/to-metadata': (_q, r) => r.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/to-file': (_q, r) => r.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/to-credentials': (_q, r) => r.writeHead(302, { location: `http://user:secret@127.0.0.1:${server.port}/echo-headers` }).end(),
    '/big-declared': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html', 'content-length': String(LIMIT * 4) });
      r.write('<p>' + 'x'.repeat(1000)); // never finishes the declared length: we must not wait for it
    },
    '/big-chunked': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html' }); // no Content-Length: chunked
      let sent = 0;
      const pump = () => {
        while (sent < LIMIT * 8) {
          sent += 8192;
          if (!r.write('y'.repeat(8192))) return void r.once('drain', pump);
        }
        r.end();
      };
      pump();
    },
    '/zip-bomb': send('text/html', gzipSync(Buffer.alloc(LIMIT * 16, 0x61)), { 'content-encoding': 'gzip' }),
    '/gzip': send('text/html', gzipSync(Buffer.from(PAGE)), { 'content-encoding': 'gzip' }),
    '/deflate': send('text/html', deflateSync(Buffer.from(PAGE)), { 'content-encoding': 'deflate' }),
    '/deflate-raw': send('text/html', deflateRawSync(Buffer.from(PAGE)), { 'content-encoding': 'deflate' }),
    '/br': send('text/html', brotliCompressSync(Buffer.from(PAGE)), { 'content-encoding': 'br' }),
    '/corrupt-gzip': send('text/html', Buffer.from('this is not gzip at all'), { 'content-encoding': 'gzip' }),
    '/slow-headers': () => {
      /* never answers */
    },
    '/slow-body': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html' });
      r.write('<p>first');
      const t = setInterval(() => r.write('.'), 100);
      r.on('close', () => clearInterval(t));
    },
    '/image': send('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    '/json': send('application/json', '{}'),
    '/rss': send('application/rss+xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'),
    '/klingon': send('text/html; charset=x-klingon', PAGE),
    '/meta-klingon': send('text/html', '<html><head><meta charset="x-klingon"></head><body>hi</body></html>'),
    '/iso-2022-kr': send('text/plain; charset=iso-2022-kr', 'abc'),
    '/cp1252-header': send('text/plain; charset=windows-1252', CP1252_BYTES),
    '/cp1252-meta': send('text/html', Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>'), CP1252_BYTES, Buffer.from('</p></body></html>')])),
    '/sjis-header': send('text/plain; charset=Shift_JIS', SJIS_BYTES),
    '/sjis-http-equiv': send('text/html', Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=shift_jis"></head><body><p>'), SJIS_BYTES, Buffer.from('</p></body></html>')])),
    '/latin1-feed': send('application/rss+xml', Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss><channel><title>'), CP1252_BYTES, Buffer.from('</title></channel></rss>')])),
    '/utf8-bom': send('text/plain; charset=windows-1252', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Caf\u00e9')])),
    '/conditional': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
      else res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"' }).end(PAGE);
    },
    '/teapot': (_q, r) => r.writeHead(418, 'I am a teapot', { 'content-type': 'text/plain' }).end('no'),
    '/gone': (_q, r) => r.writeHead(410, { 'content-type': 'text/html' }).end('gone'),
    '/echo-headers': (req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(JSON.stringify(req.headers)),
    '/cross-origin-redirect': (_q, r) => r.writeHead(302, { location: `http://other.example:${server.port}/echo-headers` }).end(),
  });
  fakeDns['news.example'] = '127.0.0.1';
  fakeDns['other.example'] = '127.0.0.1';
  fakeDns['intranet.example'] = '10.0.0.5';
  fakeDns['rebind.example'] = '127.0.0.1';
});
afterAll(() => server.close());

describe('safeFetch: success paths', () => {
  it('GIVEN a page THEN it returns the decoded text and metadata', async () => {
    const doc = await safeFetch(`${server.origin}/page`, opts());
    expect(doc).toEqual({
      url: `${server.origin}/page`,
      finalUrl: `${server.origin}/page`,
      status: 200,
      contentType: 'text/html',
      charset: 'utf-8',
      text: PAGE,
      bytes: Buffer.byteLength(PAGE),
      etag: '"v1"',
      lastModified: 'Sat, 01 Feb 2025 10:00:00 GMT',
      notModified: false,
    });
  });

  it('sends a descriptive User-Agent, an Accept header and Accept-Encoding', async () => {
    const doc = await safeFetch(`${server.origin}/echo-headers`, opts());
    const headers = JSON.parse(doc.text) as Record<string, string>;
    expect(headers['user-agent']).toMatch(/^Lede\/\d+\.\d+\.\d+ \(.*article reader bot/);
    expect(headers['accept']).toMatch(/^text\/html/);
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('GIVEN a host name THEN it connects to the address the lookup returned (pinned)', async () => {
    const doc = await safeFetch(`http://news.example:${server.port}/page`, opts());
    expect(doc.text).toBe(PAGE);
    expect(server.requests.at(-1)!.headers.host).toBe(`news.example:${server.port}`);
  });

  it('follows relative and absolute redirects and reports the final URL', async () => {
    const doc = await safeFetch(`${server.origin}/redirect-1`, opts());
    expect(doc.finalUrl).toBe(`${server.origin}/page`);
    expect(doc.url).toBe(`${server.origin}/redirect-1`);
    expect(doc.text).toBe(PAGE);
  });

  it('does not forward credentials to another origin on redirect', async () => {
    const doc = await safeFetch(`http://news.example:${server.port}/cross-origin-redirect`, opts({ headers: { authorization: 'Bearer secret', 'x-custom': 'kept' } }));
    const headers = JSON.parse(doc.text) as Record<string, string>;
    expect(headers['authorization']).toBeUndefined();
    expect(headers['x-custom']).toBe('kept');
  });

  it.each([['/gzip'], ['/deflate'], ['/deflate-raw'], ['/br']])('decompresses %s', async (path) => {
    const doc = await safeFetch(`${server.origin}${path}`, opts());
    expect(doc.text).toBe(PAGE);
    expect(doc.bytes).toBe(Buffer.byteLength(PAGE));
  });

  it('GIVEN If-None-Match and a 304 THEN notModified is true and the text is empty', async () => {
    const doc = await safeFetch(`${server.origin}/conditional`, opts({ headers: { 'If-None-Match': '"v1"' } }));
    expect(doc).toMatchObject({ status: 304, notModified: true, text: '', bytes: 0, etag: '"v1"' });
    const fresh = await safeFetch(`${server.origin}/conditional`, opts());
    expect(fresh).toMatchObject({ status: 200, notModified: false, text: PAGE });
  });

  it('accepts feeds only when asked for feeds', async () => {
    expect((await safeFetch(`${server.origin}/rss`, opts({ accept: 'feed' }))).contentType).toBe('application/rss+xml');
    expect((await fetchError(safeFetch(`${server.origin}/rss`, opts()))).code).toBe('FETCH_CONTENT_TYPE');
  });
});

describe('safeFetch: charsets', () => {
  it.each([
    ['/cp1252-header', CP1252_TEXT, 'windows-1252'],
    ['/sjis-header', SJIS_TEXT, 'shift_jis'],
  ])('decodes %s via the Content-Type header', async (path, text, charset) => {
    const doc = await safeFetch(`${server.origin}${path}`, opts());
    expect(doc.text).toBe(text);
    expect(doc.charset).toBe(charset);
  });

  it.each([
    ['/cp1252-meta', CP1252_TEXT, 'windows-1252'],
    ['/sjis-http-equiv', SJIS_TEXT, 'shift_jis'],
  ])('decodes %s via <meta>', async (path, text, charset) => {
    const doc = await safeFetch(`${server.origin}${path}`, opts());
    expect(doc.charset).toBe(charset);
    expect(doc.text).toContain(`<p>${text}</p>`);
  });

  it('decodes a feed via its XML declaration', async () => {
    const doc = await safeFetch(`${server.origin}/latin1-feed`, opts({ accept: 'feed' }));
    expect(doc.charset).toBe('windows-1252');
    expect(doc.text).toContain(`<title>${CP1252_TEXT}</title>`);
  });

  it('lets a UTF-8 byte-order mark win over a wrong header, and strips it', async () => {
    const doc = await safeFetch(`${server.origin}/utf8-bom`, opts());
    expect(doc).toMatchObject({ charset: 'utf-8', text: 'Café' });
  });

  it.each([
    ['/klingon', 'FETCH_CHARSET', 'unknown charset "x-klingon" in its Content-Type header'],
    ['/meta-klingon', 'FETCH_CHARSET', 'unknown charset "x-klingon" in a <meta> tag'],
    ['/iso-2022-kr', 'FETCH_CHARSET', 'unknown charset "iso-2022-kr"'],
  ])('GIVEN %s THEN %s', async (path, code, message) => {
    const err = await fetchError(safeFetch(`${server.origin}${path}`, opts()));
    expect(err.code).toBe(code);
    expect(err.message).toContain(message);
    expect(err.message).toContain(`${server.origin}${path}`);
  });
});

describe('safeFetch: refusals', () => {
  it.each([
    ['ftp://example.com/file', 'FETCH_PROTOCOL', 'only http and https'],
    ['file:///etc/passwd', 'FETCH_PROTOCOL', 'only http and https'],
    ['javascript:alert(1)', 'FETCH_PROTOCOL', 'only http and https'],
    ['not a url', 'FETCH_BAD_URL', '"not a url" is not a valid URL'],
    ['http://user:pass@example.com/', 'FETCH_CREDENTIALS', 'links with a user name or password in them are refused'],
    ['http://nowhere.invalid/', 'FETCH_DNS', 'Could not resolve nowhere.invalid'],
  ])('GIVEN %s THEN %s', async (url, code, message) => {
    const err = await fetchError(safeFetch(url, opts({ allowPrivate: false })));
    expect(err.code).toBe(code);
    expect(err.message).toContain(message);
  });

  it('GIVEN the same loopback URLs with allowPrivate false THEN they are refused before connecting', async () => {
    const before = server.requests.length;
    for (const url of [`${server.origin}/page`, `http://[::1]:${server.port}/page`, `http://news.example:${server.port}/page`, `http://localhost:${server.port}/page`]) {
      const err = await fetchError(safeFetch(url, opts({ allowPrivate: false, lookup: url.includes('localhost') ? undefined : lookup })));
      expect(err.code).toBe('FETCH_BLOCKED_ADDRESS');
      expect(err.message).toContain('loopback');
    }
    expect(server.requests.length).toBe(before);
  });

  it('names the host and the address it resolved to', async () => {
    const err = await fetchError(safeFetch(`http://news.example:${server.port}/page`, opts({ allowPrivate: false })));
    expect(err.message).toBe(
      `Refused to fetch http://news.example:${server.port}/page: news.example resolves to 127.0.0.1, a loopback address (this machine). Private and internal addresses are only reachable when ALLOW_PRIVATE_URLS=true.`,
    );
    expect(err.address).toBe('127.0.0.1');
  });

  it('GIVEN a public-looking host that resolves to a private address THEN it is refused', async () => {
    const err = await fetchError(safeFetch('http://intranet.example/admin', opts({ allowPrivate: false })));
    expect(err).toMatchObject({ code: 'FETCH_BLOCKED_ADDRESS', address: '10.0.0.5' });
  });

  it('GIVEN a host with one public and one private answer THEN it is refused (rebinding set-up)', async () => {
    const mixed: SafeFetchOptions['lookup'] = async () => [{ address: '93.184.216.34', family: 4 }, { address: '169.254.169.254', family: 4 }];
    const err = await fetchError(safeFetch('http://mixed.example/', opts({ allowPrivate: false, lookup: mixed })));
    expect(err).toMatchObject({ code: 'FETCH_BLOCKED_ADDRESS', address: '169.254.169.254' });
  });

  it('GIVEN a redirect to a host resolving to a private address THEN the redirect is refused', async () => {
    const err = await fetchError(safeFetchWithPolicy(`http://news.example:${server.port}/to-private`, opts({ allowPrivate: false }), rulesExceptTestServer));
    expect(err.code).toBe('FETCH_BLOCKED_ADDRESS');
    expect(err.url).toBe('http://intranet.example/admin');
    expect(err.message).toContain('intranet.example resolves to 10.0.0.5, a private network address');
  });

  it('GIVEN a redirect to the cloud metadata address THEN it is refused', async () => {
    const err = await fetchError(safeFetchWithPolicy(`http://news.example:${server.port}/to-metadata`, opts({ allowPrivate: false }), rulesExceptTestServer));
    expect(err).toMatchObject({ code: 'FETCH_BLOCKED_ADDRESS', address: '169.254.169.254' });
  });

  it('GIVEN a redirect to file: THEN it is refused', async () => {
    const err = await fetchError(safeFetch(`${server.origin}/to-file`, opts()));
    expect(err.code).toBe('FETCH_PROTOCOL');
    expect(err.message).toContain('redirected to file:///etc/passwd');
  });

  it('GIVEN a redirect to a link with credentials THEN it is refused and the credentials are never sent', async () => {
    const before = server.requests.length;
    const err = await fetchError(safeFetch(`${server.origin}/to-credentials`, opts()));
    expect(err).toMatchObject({
      code: 'FETCH_CREDENTIALS',
      url: `${server.origin}/echo-headers`,
      message: `Refused to fetch ${server.origin}/to-credentials redirected to ${server.origin}/echo-headers: links with a user name or password in them are refused, and the credentials were not sent anywhere.`,
    });
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/to-credentials']);
  });

  it('GIVEN a redirect loop THEN it stops after 5 redirects', async () => {
    const before = server.requests.length;
    const err = await fetchError(safeFetch(`${server.origin}/loop`, opts()));
    expect(err.code).toBe('FETCH_TOO_MANY_REDIRECTS');
    expect(server.requests.length - before).toBe(6); // the first request + 5 redirects followed
  });

  it('GIVEN a declared Content-Length over the cap THEN it is refused without reading the body', async () => {
    const err = await fetchError(safeFetch(`${server.origin}/big-declared`, opts()));
    expect(err.code).toBe('FETCH_TOO_LARGE');
    expect(err.message).toBe(`Refused ${server.origin}/big-declared: it declares ${LIMIT * 4} bytes, more than the 64 KB limit (MAX_FETCH_BYTES).`);
  });

  it('GIVEN a chunked body over the cap THEN it stops while streaming', async () => {
    const err = await fetchError(safeFetch(`${server.origin}/big-chunked`, opts()));
    expect(err.code).toBe('FETCH_TOO_LARGE');
  });

  it('GIVEN a gzip bomb THEN the cap applies to the decompressed bytes', async () => {
    const err = await fetchError(safeFetch(`${server.origin}/zip-bomb`, opts()));
    expect(err.code).toBe('FETCH_TOO_LARGE');
    expect(err.message).toContain('decompresses to more than the 64 KB limit');
  });

  it('GIVEN a corrupt gzip body THEN FETCH_NETWORK', async () => {
    expect((await fetchError(safeFetch(`${server.origin}/corrupt-gzip`, opts()))).code).toBe('FETCH_NETWORK');
  });

  it('GIVEN a server that never answers THEN FETCH_TIMEOUT within the deadline', async () => {
    const t0 = Date.now();
    const err = await fetchError(safeFetch(`${server.origin}/slow-headers`, opts({ timeoutMs: 300 })));
    expect(err.code).toBe('FETCH_TIMEOUT');
    expect(err.message).toContain('within 300 ms');
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it('GIVEN a body that trickles forever THEN FETCH_TIMEOUT (total, not idle, timeout)', async () => {
    const err = await fetchError(safeFetch(`${server.origin}/slow-body`, opts({ timeoutMs: 400 })));
    expect(err.code).toBe('FETCH_TIMEOUT');
  });

  it.each([
    ['/image', 'image/png'],
    ['/json', 'application/json'],
  ])('GIVEN %s THEN FETCH_CONTENT_TYPE naming %s', async (path, type) => {
    const err = await fetchError(safeFetch(`${server.origin}${path}`, opts()));
    expect(err.code).toBe('FETCH_CONTENT_TYPE');
    expect(err.message).toContain(`its content type is ${type}`);
  });

  it.each([
    ['/teapot', 418],
    ['/gone', 410],
    ['/missing', 404],
  ])('GIVEN %s THEN FETCH_HTTP_STATUS %d', async (path, status) => {
    const err = await fetchError(safeFetch(`${server.origin}${path}`, opts()));
    expect(err).toMatchObject({ code: 'FETCH_HTTP_STATUS', status });
    expect(err.message).toContain(`the server answered ${status}`);
  });

  it('GIVEN a closed port THEN FETCH_NETWORK connection refused', async () => {
    const closed = await startServer({});
    const url = `${closed.origin}/`;
    await closed.close();
    const err = await fetchError(safeFetch(url, opts()));
    expect(err.code).toBe('FETCH_NETWORK');
    expect(err.message).toContain('connection refused');
  });
});
