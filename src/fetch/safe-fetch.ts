/**
 * The only code that fetches content from the network. One GET, with every hop checked:
 * http/https only and no credentials in the link (url.ts), the host resolved and each address
 * checked against the address rules, the connection pinned to the checked address, at most
 * MAX_REDIRECTS redirects (each rechecked), a connect timeout and a total deadline, a content-type
 * allowlist checked before the body is read, a byte cap enforced while streaming (after
 * decompression), and charset-aware decoding. Every hop closes its connection when it ends, so
 * nothing keeps downloading after the fetch has settled.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { blockedAddressReason } from './address';
import { ACCEPT_ENCODING, isSupportedEncoding, readBody, type BodyFailure } from './body';
import { UnknownCharsetError, decodeText } from './charset';
import { ACCEPTED_MEDIA_TYPES, isAcceptedMediaType, isHtmlMediaType, isXmlMediaType, parseContentType } from './content-type';
import { FetchError } from './errors';
import { DEFAULT_USER_AGENT, type ResolvedAddress, type SafeFetchOptions } from './options';
import { RETRY_AFTER_STATUSES, describeWait, parseRetryAfter } from './retry-after';
import { bareHostname, resolveCheckedAddress, systemLookup, type AddressPolicy } from './resolve';
import { fetchableUrl } from './url';

/** Redirects followed before giving up: browsers allow 20; 5 covers http->https->www->canonical chains. */
export const MAX_REDIRECTS = 5;
/** Longest wait for a TCP/TLS connection (the total deadline may cut it shorter). */
export const CONNECT_TIMEOUT_MS = 5_000;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** What the Accept header says per kind: the types we take, HTML first. */
const ACCEPT_HEADER: Readonly<Record<NonNullable<SafeFetchOptions['accept']>, string>> = {
  article: 'text/html, application/xhtml+xml;q=0.9, text/markdown;q=0.8, text/plain;q=0.7',
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, text/html;q=0.5',
  attachment: 'text/plain, text/markdown, text/html;q=0.9, */*;q=0.1',
};

/** Headers not forwarded when a redirect leaves the original origin. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

export interface FetchedDocument {
  /** The URL asked for. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  /** Lower-case media type without parameters ('' when the server sent none). */
  contentType: string;
  /** Canonical name of the charset used to decode (e.g. 'utf-8', 'windows-1252', 'shift_jis'); '' on 304. */
  charset: string;
  text: string;
  /** Body size in bytes after decompression. */
  bytes: number;
  etag?: string;
  lastModified?: string;
  /** True on 304 Not Modified (conditional GET); `text` is then ''. */
  notModified: boolean;
}

/** Fetch one document safely. Throws FetchError with a stable code on every refusal or failure. */
export function safeFetch(url: string, opts: SafeFetchOptions): Promise<FetchedDocument> {
  return safeFetchWithPolicy(url, opts, opts.allowPrivate ? () => undefined : blockedAddressReason);
}

/**
 * `safeFetch` with an explicit address policy. Exists so tests can run a loopback server while the
 * normal rules still apply to every other address (e.g. a redirect to 10.0.0.1); not for production use.
 */
export async function safeFetchWithPolicy(url: string, opts: SafeFetchOptions, policy: AddressPolicy): Promise<FetchedDocument> {
  const deadline = Date.now() + opts.timeoutMs;
  let current = fetchableUrl(url);
  for (let hop = 0; ; hop++) {
    const result = await fetchHop(current, url, opts, policy, deadline, hop > 0 ? new URL(url) : undefined);
    if (result.kind === 'done') return result.doc;
    if (hop >= MAX_REDIRECTS) {
      throw new FetchError('FETCH_TOO_MANY_REDIRECTS', current.href, `Gave up on ${url}: more than ${MAX_REDIRECTS} redirects (last one from ${current.href} to ${result.location}).`);
    }
    current = fetchableUrl(result.location, current);
  }
}

type HopResult = { kind: 'done'; doc: FetchedDocument } | { kind: 'redirect'; location: string };

async function fetchHop(
  target: URL,
  originalUrl: string,
  opts: SafeFetchOptions,
  policy: AddressPolicy,
  deadline: number,
  original: URL | undefined,
): Promise<HopResult> {
  const timeoutError = () =>
    new FetchError('FETCH_TIMEOUT', target.href, `Timed out fetching ${originalUrl}: no complete response within ${opts.timeoutMs} ms.`);
  const address = await withDeadline(resolveCheckedAddress(target, opts.lookup ?? systemLookup, policy), deadline, timeoutError);

  return new Promise<HopResult>((resolve, reject) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      // The connection ends with the hop, however it ended (a document, a redirect, a refusal, the
      // deadline). Once the timers are gone nothing else bounds it: a response left open, or drained,
      // keeps downloading whatever a hostile server sends. After a complete body this loses nothing.
      req.destroy();
      fn();
    };
    const fail = (err: FetchError) => finish(() => reject(err));

    const req = (target.protocol === 'https:' ? https : http).request({
      protocol: target.protocol,
      hostname: bareHostname(target),
      port: target.port || undefined,
      path: `${target.pathname}${target.search}`,
      method: 'GET',
      headers: requestHeaders(target, opts, original),
      lookup: pinnedLookup(address),
      agent: false, // a fresh connection per hop: a pooled socket could lead to an address we did not check
    });

    timers.push(setTimeout(() => fail(timeoutError()), Math.max(0, deadline - Date.now())));
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const connectMs = Math.min(CONNECT_TIMEOUT_MS, Math.max(0, deadline - Date.now()));
      const t = setTimeout(() => fail(new FetchError('FETCH_TIMEOUT', target.href, `Timed out connecting to ${target.host} (${address.address}) for ${originalUrl} after ${connectMs} ms.`, { address: address.address })), connectMs);
      timers.push(t);
      socket.once('connect', () => clearTimeout(t));
    });
    req.on('error', (err) => fail(networkError(target, originalUrl, address, err)));
    req.on('response', (res) => {
      handleResponse(res, target, originalUrl, opts).then(
        (result) => finish(() => resolve(result)),
        (err: FetchError) => fail(err),
      );
    });
    req.end();
  });
}

async function handleResponse(res: IncomingMessage, target: URL, originalUrl: string, opts: SafeFetchOptions): Promise<HopResult> {
  const status = res.statusCode ?? 0;
  const header = (name: string) => {
    const v = res.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const etag = header('etag');
  const lastModified = header('last-modified');
  const validators = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };

  // Early exits destroy the response rather than drain it: draining reads a body of any size
  // (a redirect's body is never needed, and a 304 has none to wait for).
  if (REDIRECT_STATUSES.has(status) && header('location')) {
    res.destroy();
    return { kind: 'redirect', location: header('location')! };
  }
  if (status === 304) {
    res.destroy();
    const doc: FetchedDocument = { url: originalUrl, finalUrl: target.href, status, contentType: parseContentType(header('content-type')).mediaType, charset: '', text: '', bytes: 0, notModified: true, ...validators };
    return { kind: 'done', doc };
  }
  if (status < 200 || status > 299) {
    res.destroy();
    const retryAfterMs = RETRY_AFTER_STATUSES.has(status) ? parseRetryAfter(header('retry-after'), Date.now()) : undefined;
    const wait = retryAfterMs ? ` and asked to wait ${describeWait(retryAfterMs)} before trying again` : '';
    throw new FetchError('FETCH_HTTP_STATUS', target.href, `Could not fetch ${originalUrl}: the server answered ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}${wait}.`, { status, ...(retryAfterMs !== undefined && { retryAfterMs }) });
  }

  const kind = opts.accept ?? 'article';
  const type = parseContentType(header('content-type'));
  if (!isAcceptedMediaType(kind, type.mediaType)) {
    res.destroy();
    const accepted = Object.keys(ACCEPTED_MEDIA_TYPES[kind]).join(', ');
    throw new FetchError('FETCH_CONTENT_TYPE', target.href, `Refused ${originalUrl}: its content type is ${type.mediaType}, and a${kind === 'article' ? 'n' : ''} ${kind} must be one of ${accepted}.`);
  }
  const encoding = (header('content-encoding') ?? '').trim().toLowerCase();
  if (!isSupportedEncoding(encoding)) {
    res.destroy();
    throw new FetchError('FETCH_CONTENT_TYPE', target.href, `Refused ${originalUrl}: unsupported Content-Encoding "${encoding}".`);
  }
  const declared = Number(header('content-length'));
  if (encoding === '' || encoding === 'identity') {
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      res.destroy();
      throw tooLarge(target, originalUrl, opts.maxBytes, `it declares ${declared} bytes, more`);
    }
  }

  let bytes: Buffer;
  try {
    bytes = await readBody(res, encoding, opts.maxBytes);
  } catch (failure) {
    const f = failure as BodyFailure;
    if (f.kind === 'too-large') throw tooLarge(target, originalUrl, opts.maxBytes, encoding && encoding !== 'identity' ? 'it decompresses to more' : 'it sent more');
    if (f.kind === 'corrupt') throw new FetchError('FETCH_NETWORK', target.href, `Could not read ${originalUrl}: the ${encoding} body is corrupt.`, { cause: f.cause });
    throw new FetchError('FETCH_NETWORK', target.href, `Could not read ${originalUrl}: ${describeCause(f.cause)}.`, { cause: f.cause });
  }

  let decoded: { charset: string; text: string };
  try {
    decoded = opts.decode
      ? opts.decode(bytes, { mediaType: type.mediaType, ...(type.charset ? { charset: type.charset } : {}) })
      : decodeText(bytes, { headerCharset: type.charset, html: isHtmlMediaType(type.mediaType), xml: kind === 'feed' || isXmlMediaType(type.mediaType), unknownCharset: 'throw' });
  } catch (err) {
    if (!(err instanceof UnknownCharsetError)) throw err;
    const where = { header: 'in its Content-Type header', meta: 'in a <meta> tag', xml: 'in its XML declaration', bom: 'by its byte-order mark', default: '' }[err.source];
    throw new FetchError('FETCH_CHARSET', target.href, `Cannot decode ${originalUrl}: it declares the unknown charset "${err.label}" ${where}.`);
  }
  const doc: FetchedDocument = {
    url: originalUrl,
    finalUrl: target.href,
    status,
    contentType: type.mediaType,
    charset: decoded.charset,
    text: decoded.text,
    bytes: bytes.length,
    notModified: false,
    ...validators,
  };
  return { kind: 'done', doc };
}

function requestHeaders(target: URL, opts: SafeFetchOptions, original: URL | undefined): Record<string, string> {
  const crossOrigin = original !== undefined && original.origin !== target.origin;
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT,
    accept: ACCEPT_HEADER[opts.accept ?? 'article'],
    'accept-encoding': ACCEPT_ENCODING,
  };
  for (const [name, value] of Object.entries(opts.headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'host' || lower === 'accept-encoding') continue; // we decide these: the body reader must understand the encoding
    if (crossOrigin && CREDENTIAL_HEADERS.has(lower)) continue;
    headers[lower] = value;
  }
  return headers;
}

/** A lookup for http.request that always answers the checked address (DNS-rebinding proof). */
function pinnedLookup(address: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: address.address, family: address.family }]);
    else callback(null, address.address, address.family);
  }) as unknown as LookupFunction;
}

function withDeadline<T>(promise: Promise<T>, deadline: number, onTimeout: () => FetchError): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function tooLarge(target: URL, originalUrl: string, maxBytes: number, detail: string): FetchError {
  return new FetchError('FETCH_TOO_LARGE', target.href, `Refused ${originalUrl}: ${detail} than the ${formatBytes(maxBytes)} limit (MAX_FETCH_BYTES).`);
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

function networkError(target: URL, originalUrl: string, address: ResolvedAddress, err: Error): FetchError {
  return new FetchError('FETCH_NETWORK', target.href, `Could not fetch ${originalUrl} from ${target.host} (${address.address}): ${describeCause(err)}.`, { address: address.address, cause: err });
}

function describeCause(cause: unknown): string {
  const code = (cause as { code?: string })?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'the connection was reset',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    EPROTO: 'TLS protocol error',
    CERT_HAS_EXPIRED: 'its TLS certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
    ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate does not match the host name',
    HPE_HEADER_OVERFLOW: 'the response headers are too large',
  };
  if (code && known[code]) return known[code]!;
  return (cause as Error)?.message ?? String(cause);
}
