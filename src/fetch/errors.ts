/**
 * The fetcher's typed refusals. Callers branch on `code` (stable), never on the message; the
 * message is for people: it names the URL and the specific reason.
 */

/** Every way a fetch can be refused or fail. Stable: the bot and the CLI map these to words. */
export type FetchErrorCode =
  | 'FETCH_BAD_URL'
  | 'FETCH_PROTOCOL'
  | 'FETCH_CREDENTIALS'
  | 'FETCH_BLOCKED_ADDRESS'
  | 'FETCH_DNS'
  | 'FETCH_TOO_MANY_REDIRECTS'
  | 'FETCH_TIMEOUT'
  | 'FETCH_TOO_LARGE'
  | 'FETCH_HTTP_STATUS'
  | 'FETCH_CONTENT_TYPE'
  | 'FETCH_CHARSET'
  | 'FETCH_NETWORK';

export class FetchError extends Error {
  override readonly name = 'FetchError';
  /** The HTTP status, for FETCH_HTTP_STATUS. */
  readonly status?: number;
  /** The refused or failing IP address, for FETCH_BLOCKED_ADDRESS (and network errors when known). */
  readonly address?: string;
  /**
   * For FETCH_HTTP_STATUS 429 and 503: how long the server asked us to wait (its `Retry-After`),
   * in ms, at most MAX_RETRY_AFTER_MS; absent when it sent no valid Retry-After.
   */
  readonly retryAfterMs?: number;
  /** The refused scheme without its colon (e.g. 'gopher'), for FETCH_PROTOCOL. */
  readonly scheme?: string;

  constructor(
    readonly code: FetchErrorCode,
    /** The URL being fetched when it failed (after redirects, the hop that failed). */
    readonly url: string,
    message: string,
    extra: { status?: number; address?: string; retryAfterMs?: number; scheme?: string; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.address !== undefined) this.address = extra.address;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
    if (extra.scheme !== undefined) this.scheme = extra.scheme;
  }
}
