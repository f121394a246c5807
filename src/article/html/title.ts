/**
 * Clean a page title: "Venezuela agrees to deal | Reuters" -> "Venezuela agrees to deal". Site names
 * are cut only when we can tell they are site names, because dashes and colons are common in real
 * headlines ("Trump - Venezuela talks", "Exclusive: ...").
 */

/** Separators between a headline and a site name, strongest first. */
const SEPARATORS: ReadonlyArray<{ sep: string; anyShortTail: boolean }> = [
  { sep: ' | ', anyShortTail: true }, // pipes are almost never inside a headline
  { sep: ' :: ', anyShortTail: true },
  { sep: ' » ', anyShortTail: true },
  { sep: ' · ', anyShortTail: true },
  { sep: ' — ', anyShortTail: false },
  { sep: ' – ', anyShortTail: false },
  { sep: ' - ', anyShortTail: false },
];
/** A "short tail" after a pipe is a site or section name, not part of the headline. */
const MAX_SITE_WORDS = 4;

const squash = (s: string) => s.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]/gu, '');

/** True when `part` names the site: its name, its host ("nytimes.com"), or a domain-shaped token. */
function isSiteName(part: string, siteName: string | undefined, host: string | undefined): boolean {
  const p = squash(part);
  if (p === '') return false;
  if (siteName && squash(siteName) === p) return true;
  if (host) {
    const bare = host.replace(/^www\./, '');
    if (squash(bare) === p || squash(bare.split('.')[0] ?? '') === p) return true;
  }
  return /^[\p{L}\p{N}-]{2,40}\.[\p{L}]{2,12}$/u.test(part.trim());
}

export function cleanTitle(title: string, siteName?: string, host?: string): string {
  let t = title.replace(/\s+/g, ' ').trim();
  for (const { sep, anyShortTail } of SEPARATORS) {
    const last = t.lastIndexOf(sep);
    if (last > 0) {
      const head = t.slice(0, last);
      const tail = t.slice(last + sep.length);
      const shortTail = tail.split(' ').length <= MAX_SITE_WORDS;
      if (isSiteName(tail, siteName, host) || (anyShortTail && shortTail && head.length >= tail.length)) {
        t = head.trim();
        break;
      }
    }
    const first = t.indexOf(sep);
    if (first > 0) {
      const head = t.slice(0, first);
      if (isSiteName(head, siteName, host)) {
        t = t.slice(first + sep.length).trim();
        break;
      }
    }
  }
  return t;
}
