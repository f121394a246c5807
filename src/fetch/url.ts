/**
 * Which links the fetcher reads at all, decided from the URL alone before any DNS or connection:
 * absolute http(s) URLs without credentials. The same rule for a link given by a person (bot `url:`,
 * CLI source, feed address) and for every redirect target.
 */
import { FetchError } from './errors';

/** The only schemes fetched. */
const FETCHED_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/**
 * `raw` as a URL the fetcher may request, or the FetchError saying why not: FETCH_BAD_URL (not a
 * URL, no host), FETCH_PROTOCOL (not http or https; the error names the scheme) or FETCH_CREDENTIALS
 * (a user name or password in it; the error's message and `url` leave them out). With `redirectedFrom`,
 * `raw` is a redirect's Location, resolved against it and reported as a redirect.
 */
export function fetchableUrl(raw: string, redirectedFrom?: URL): URL {
  const shown = redirectedFrom?.href ?? raw;
  let url: URL;
  try {
    url = redirectedFrom ? new URL(raw, redirectedFrom) : new URL(raw);
  } catch {
    throw new FetchError('FETCH_BAD_URL', shown, redirectedFrom ? `${shown} redirected to "${raw}", which is not a valid URL.` : `"${raw}" is not a valid URL.`);
  }
  if (!FETCHED_PROTOCOLS.has(url.protocol)) {
    const scheme = url.protocol.slice(0, -1);
    const what = redirectedFrom ? `${shown} redirected to ${url.href}` : url.href;
    throw new FetchError('FETCH_PROTOCOL', url.href, `Refused to fetch ${what}: only http and https links are read, not ${scheme} links.`, { scheme });
  }
  if (url.username || url.password) {
    // The credentials stay out of everything that may be logged or stored: message and url alike.
    const bare = withoutCredentials(url);
    const what = redirectedFrom ? `${shown} redirected to ${bare}` : bare;
    throw new FetchError('FETCH_CREDENTIALS', bare, `Refused to fetch ${what}: links with a user name or password in them are refused, and the credentials were not sent anywhere.`);
  }
  if (!url.hostname) throw new FetchError('FETCH_BAD_URL', url.href, `"${raw}" has no host name.`);
  return url;
}

function withoutCredentials(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}
