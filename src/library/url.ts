/** URL handling for duplicate detection and for URLs pasted where an article is expected. */

/** Query parameters that only track the click, never change the page (dropped from the key). */
const TRACKING_PARAMS = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|igshid|ref_src|cmpid)$/i;

/** True when `value` is an http(s) URL (what a user pastes), not an id or a title. */
export function looksLikeUrl(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value.trim()) && URL.canParse(value.trim());
}

/**
 * A normalized form of a URL, equal for the same page written differently: scheme and host in lower
 * case, default port, fragment and tracking parameters dropped, remaining parameters sorted, no
 * trailing slash. Undefined when the value is not an http(s) URL.
 */
export function urlKey(value: string): string | undefined {
  if (!URL.canParse(value.trim())) return undefined;
  const u = new URL(value.trim());
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  const kept = [...u.searchParams].filter(([k]) => !TRACKING_PARAMS.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = new URLSearchParams(kept).toString();
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '') || '/';
  return u.toString();
}
