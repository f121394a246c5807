/**
 * Which media types each kind of fetch accepts. Checked on the response headers, before the body is
 * read, so a video or a zip is refused without downloading it.
 */

export type AcceptKind = 'article' | 'feed' | 'attachment';

/** Media types allowed per kind, each with the reason it is there. */
export const ACCEPTED_MEDIA_TYPES: Readonly<Record<AcceptKind, Readonly<Record<string, string>>>> = {
  article: {
    'text/html': 'web pages',
    'application/xhtml+xml': 'XHTML pages',
    'text/plain': 'plain-text articles',
    'text/markdown': 'Markdown articles (RFC 7763)',
    'text/x-markdown': 'Markdown as older servers label it',
  },
  feed: {
    'application/rss+xml': 'RSS',
    'application/atom+xml': 'Atom',
    'application/rdf+xml': 'RSS 1.0 (RDF)',
    'application/xml': 'feeds served as generic XML',
    'text/xml': 'feeds served as generic XML (older servers)',
    'application/feed+json': 'JSON Feed',
    'application/json': 'JSON Feed served as generic JSON',
    'text/plain': 'feeds mislabelled by misconfigured servers; the feed parser validates the body',
    'text/html': 'a site home page, for feed discovery via <link rel="alternate">',
  },
  attachment: {
    'text/plain': 'text files',
    'text/markdown': 'Markdown files',
    'text/x-markdown': 'Markdown files (older label)',
    'text/html': 'saved web pages',
    'application/xhtml+xml': 'saved XHTML pages',
    'application/octet-stream': 'uploads whose type the client did not know; the loader rejects binary bodies',
  },
};

export interface ParsedContentType {
  /** Lower-case `type/subtype`, '' when the header is missing. */
  readonly mediaType: string;
  /** The charset parameter, lower-case, when present. */
  readonly charset?: string;
}

/** Parse a Content-Type header value ("text/html; charset=UTF-8") without regex backtracking. */
export function parseContentType(header: string | undefined): ParsedContentType {
  if (!header) return { mediaType: '' };
  const [type = '', ...params] = header.split(';');
  let charset: string | undefined;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    if (param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const value = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase();
    if (value) charset = value;
  }
  const mediaType = type.trim().toLowerCase();
  return charset === undefined ? { mediaType } : { mediaType, charset };
}

/**
 * True when the kind accepts the media type. A missing Content-Type is accepted (some static hosts
 * omit it for .txt/.md); the article loader then sniffs the body and refuses binary data.
 */
export function isAcceptedMediaType(kind: AcceptKind, mediaType: string): boolean {
  if (mediaType === '') return true;
  return Object.hasOwn(ACCEPTED_MEDIA_TYPES[kind], mediaType);
}

/** True for media types whose bodies may declare their charset in a <meta> tag. */
export function isHtmlMediaType(mediaType: string): boolean {
  return mediaType === 'text/html' || mediaType === 'application/xhtml+xml';
}

/** True for media types whose bodies may declare their charset in an XML declaration. */
export function isXmlMediaType(mediaType: string): boolean {
  return mediaType.endsWith('+xml') || mediaType === 'application/xml' || mediaType === 'text/xml';
}
