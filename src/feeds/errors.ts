/**
 * Expected feed failures, each with a stable code. The poller stores the code and message as a
 * feed's "last error" (what `/feed status` shows); only the Discord layer and the CLI turn codes
 * into sentences for people.
 */

export const FEED_ERROR_CODES = [
  /** The document declares entities in a DOCTYPE: the shape of an entity-expansion ("billion laughs") bomb. */
  'FEED_XML_ENTITIES',
  /** The XML is not well formed (unclosed tags, garbage). */
  'FEED_MALFORMED',
  /** Well-formed, but not RSS 2.0, Atom, RDF or JSON Feed (an HTML page, an API response...). */
  'FEED_UNRECOGNIZED',
  /** The URL is not an absolute http(s) URL. */
  'FEED_INVALID_URL',
  /** The server already follows its maximum number of feeds. */
  'FEED_LIMIT',
  /** The server already follows this feed. */
  'FEED_DUPLICATE',
  /** The server does not follow this feed. */
  'FEED_NOT_FOUND',
  /** A newly added feed could not be fetched or parsed; `reason` holds the underlying code. */
  'FEED_REJECTED',
] as const;

export type FeedErrorCode = (typeof FEED_ERROR_CODES)[number];

/** A typed, expected feed failure. Caught by class, never by message text. */
export class FeedError extends Error {
  override readonly name = 'FeedError';
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly url?: string,
    /** The underlying failure code (a fetch or parse code) when this error wraps one. */
    readonly reason?: string,
  ) {
    super(message);
  }
}
