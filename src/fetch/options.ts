/**
 * Options of one safe fetch, and how they come from the operator's configuration.
 */
import { readFileSync } from 'node:fs';
import type { Config } from '../config';
import type { AcceptKind } from './content-type';

/** A resolved address, as dns.lookup({ all: true }) returns it. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

export interface SafeFetchOptions {
  /** Let the fetch reach loopback/private/link-local addresses (ALLOW_PRIVATE_URLS). */
  allowPrivate: boolean;
  /** Largest body accepted, counted after decompression (MAX_FETCH_BYTES). */
  maxBytes: number;
  /** Total time for the fetch including redirects; also bounds the connect (FETCH_TIMEOUT_MS). */
  timeoutMs: number;
  /** Content-type allowlist to apply (default 'article': html, xhtml, text/plain, markdown). */
  accept?: AcceptKind;
  /** Extra request headers, e.g. If-None-Match / If-Modified-Since for feeds. */
  headers?: Record<string, string>;
  /** Default: `Lede/<version> (... article reader bot)`. */
  userAgent?: string;
  /** Injectable DNS for tests; default `dns.lookup(hostname, { all: true })`. */
  lookup?: (hostname: string) => Promise<Array<{ address: string; family: 4 | 6 }>>;
  /**
   * Decodes the body in place of the charset rules of charset.ts: the article module passes its own,
   * so a page or attachment is read as a file would be. What it throws passes through.
   */
  decode?: (bytes: Uint8Array, declared: { mediaType: string; charset?: string }) => { charset: string; text: string };
}

interface PackageInfo {
  version?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

function readPackageInfo(): PackageInfo {
  try {
    return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageInfo;
  } catch {
    return {};
  }
}

function describeUserAgent(pkg: PackageInfo): string {
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const home = pkg.homepage ?? repo?.replace(/^git\+/, '').replace(/\.git$/, '');
  // Site operators look at the User-Agent to decide whether to allow a client: say who we are and why.
  return `Lede/${pkg.version ?? '0'} (${home ? `+${home}; ` : ''}article reader bot for Discord; fetches single pages on request)`;
}

/** The User-Agent sent when the caller does not give one. */
export const DEFAULT_USER_AGENT = describeUserAgent(readPackageInfo());

/** The fetch options an operator configured (ALLOW_PRIVATE_URLS, MAX_FETCH_BYTES, FETCH_TIMEOUT_MS). */
export function fetchOptionsFromConfig(config: Config, accept: AcceptKind = 'article'): SafeFetchOptions {
  return {
    allowPrivate: config.ALLOW_PRIVATE_URLS,
    maxBytes: config.MAX_FETCH_BYTES,
    timeoutMs: config.FETCH_TIMEOUT_MS,
    accept,
  };
}
