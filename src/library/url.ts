/** URL handling for duplicate detection and for URLs pasted where an article is expected. */

/** Query parameters that only track the reader and never change the page (lowercase; `utm_*` by prefix). */
const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid', // Facebook click id
  'gclid', // Google Ads click id
  'dclid', // Google display click id
  'msclkid', // Microsoft Ads click id
  'mc_cid', // Mailchimp campaign
  'mc_eid', // Mailchimp subscriber
  'igshid', // Instagram share id
  'yclid', // Yandex click id
  '_hsenc', // HubSpot
  '_hsmi', // HubSpot
  'ref_src', // Twitter/X referral source
  'cmpid', // campaign id used by news sites
]);
const isTracking = (name: string): boolean => {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || TRACKING_PARAMS.has(key);
};

/**
 * `value` trimmed, without one pair of angle brackets around it: Discord users write `<https://…>`
 * to keep Discord from showing a preview of the link, and mean the link.
 */
export function unwrapLink(value: string): string {
  const trimmed = value.trim();
  const inner = /^<([^<>]*)>$/.exec(trimmed);
  return inner ? inner[1]!.trim() : trimmed;
}

/** True when `value` is an http(s) URL (what a user pastes, also as `<https://…>`), not an id or a title. */
export function looksLikeUrl(value: string): boolean {
  const url = unwrapLink(value);
  return /^https?:\/\/\S+$/i.test(url) && URL.canParse(url);
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
  const kept = [...u.searchParams]
    .filter(([k]) => !isTracking(k))
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  u.search = new URLSearchParams(kept).toString();
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '') || '/';
  return u.toString();
}
