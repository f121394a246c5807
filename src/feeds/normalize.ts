/**
 * Identity of feed items across fetches. Publishers change guids, add tracking parameters, flip
 * trailing slashes and re-publish; an item counts as already seen when any of its keys (guid,
 * normalized URL, normalized title + day) was seen before on the same feed.
 */
import { createHash } from 'node:crypto';
import { urlKey } from '../library/url';
import type { FeedItem } from './parse';
import { htmlToPlainText } from './text';

/** Titles shorter than this (after normalization) are too generic ("Update", "News") to identify an item alone. */
const MIN_TITLE_KEY_LENGTH = 12;

/**
 * A URL reduced to what identifies the page: scheme dropped (http and https are the same page),
 * host lowercased, default port, fragment, tracking parameters and trailing slash removed, the
 * remaining query parameters sorted. Returns undefined for anything that is not an http(s) URL.
 */
export function normalizeUrl(raw: string): string | undefined {
  // The library's key for the same page (tracking parameters, fragment, trailing slash and port
  // handled in one place), without its scheme.
  const key = urlKey(raw);
  if (key === undefined) return undefined;
  const u = new URL(key);
  return `${u.host}${u.pathname === '/' ? '' : u.pathname}${u.search}`;
}

/** A title reduced for comparison: Unicode-folded, lowercase, punctuation and spacing removed. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d'"`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function hash(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 24);
}

/**
 * The dedupe keys of an item, prefixed by kind: `g:` guid, `u:` URL, `t:` title (+ publication day),
 * and, only for an item with none of those (a description-only RSS 0.92 item, a post titled
 * "Update" with no link), `c:` its text (the body reduced as titles are), so it is not dropped.
 * A title made of the item's first words (`untitled`) is not a title key: the text key is better.
 */
export function itemKeys(item: FeedItem): string[] {
  const keys: string[] = [];
  if (item.guid) keys.push(`g:${hash(item.guid)}`);
  const url = item.url ? normalizeUrl(item.url) : undefined;
  if (url) keys.push(`u:${hash(url)}`);
  const title = item.untitled ? '' : normalizeTitle(item.title);
  // The day keeps a recurring column ("Morning briefing") distinct from day to day, while a
  // re-publication of the same story on the same day with a new id and URL is still caught.
  if (title.length >= MIN_TITLE_KEY_LENGTH) keys.push(`t:${hash(`${title}|${item.publishedAt?.slice(0, 10) ?? ''}`)}`);
  if (keys.length === 0) {
    const body = item.contentHtml ?? item.summaryHtml;
    const text = body === undefined ? '' : normalizeTitle(htmlToPlainText(body));
    if (text !== '') keys.push(`c:${hash(text)}`);
  }
  return keys;
}

/**
 * The key under which a feed URL is fetched and shared by every server that follows it: the URL
 * as given (feeds are picky about paths and queries), with the host lowercased and fragment dropped.
 */
export function feedUrlKey(raw: string): string | undefined {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  return u.href;
}
