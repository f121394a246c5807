/**
 * Bylines: a person's or a desk's name, never the date, time, handle, bullet or age that byline
 * markup often holds beside it ("Dan Goodin - Apr 16, 2015 8:02 pm UTC" -> "Dan Goodin",
 * "James Akinaka • 8h" -> "James Akinaka"). Several names are joined as a reader would write them.
 */

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/**
 * Where the name ends: the first of these starts what follows a name in byline markup. Each is
 * anchored so a name keeps its own letters ("Mayhew", "Octavia", "Junior" are no months: a month
 * must be followed by a day or a year).
 */
const AFTER_NAME: readonly RegExp[] = [
  new RegExp(`(?<![\\p{L}])${MONTH}\\s+\\d{1,2}(?!\\d)`, 'iu'), // "January 18, 2017", "Apr 16"
  new RegExp(`(?<!\\d)\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?![\\p{L}])`, 'iu'), // "22 Dec 2016", glued or not
  new RegExp(`(?<![\\p{L}])${MONTH}\\s+\\d{4}(?!\\d)`, 'iu'), // "March 2015"
  /(?<!\d)\d{4}-\d{2}-\d{2}/, // ISO date
  /(?<!\d)\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?!\d)/, // 18/01/2017, 18.01.2017
  /(?<!\d)\d{1,2}:\d{2}(?!\d)/, // a time
  /(?<![\p{L}\p{N}])\d+\s?(?:s|secs?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|y|yrs?|years?)(?:\s+ago)?(?![\p{L}\p{N}])/iu, // "8h", "3 days ago"
  /(?<![\p{L}\p{N}])(?:last updated|updated|published|posted|modified)(?![\p{L}])/iu, // "Updated April 29"
  /(?<=^|\s)@[\p{L}\p{N}_]{2,}(?![\p{L}\p{N}_]*>)/u, // a handle "@stevenmusil" after a space (an e-mail address or a <@mention> is no handle)
  /\s[•·|]\s?|\s[—–-](?=\s|$)/u, // a bullet, a pipe or a spaced dash and what follows
  /(?<![\p{L}\p{N}])(?:edited|reviewed|fact[- ]checked|photos?|photographs|pictures|illustrations?|graphics|translated|additional reporting)\s+by(?![\p{L}])/iu, // other roles: the byline names the writer
];
/** Separators and punctuation left at the ends once the rest is cut. */
const EDGE_JUNK = /^[\s•·|—–\-,;:/]+|[\s•·|—–\-,;:/]+$/gu;
/** A name part longer than this is a sentence, not a byline. */
const MAX_BYLINE_LENGTH = 120;
/** "By", "Written by", "Posted by", "Words by" and similar openers. */
const BY_PREFIX = /^(?:(?:written|posted|words|reporting|story|text)\s+)?by\s*[:.]?\s+/i;

/** The name(s) in byline text, or undefined when nothing name-like remains (a date, a handle, a URL). */
export function cleanByline(byline: string | null | undefined): string | undefined {
  if (!byline) return undefined;
  let t = byline.replace(/\s+/g, ' ').trim().replace(BY_PREFIX, '');
  if (/^https?:\/\//i.test(t)) return undefined;
  let end = t.length;
  for (const rule of AFTER_NAME) {
    const m = rule.exec(t);
    if (m && m.index < end) end = m.index;
  }
  // A sentence's full stop goes; an initial's stays ("Kooman, F.", "Jr.").
  t = t.slice(0, end).replace(EDGE_JUNK, '').replace(BY_PREFIX, '').replace(/(?<=\p{Ll}{2})\.$/u, '').trim();
  if (t === '' || t.length > MAX_BYLINE_LENGTH || !/\p{L}/u.test(t)) return undefined;
  return t;
}

/**
 * Names joined readably, duplicates (by case) dropped, as byline lists write them: "A", "A, B",
 * "A, B, C". A name that holds a comma itself ("Reyes, Ana") makes the list use semicolons, so
 * where one name ends stays plain: "Reyes, Ana; Chen, Bo".
 */
export function joinNames(names: readonly string[]): string | undefined {
  const seen = new Set<string>();
  const list = names.filter((n) => {
    const key = n.toLowerCase();
    if (n === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (list.length === 0) return undefined;
  return list.join(list.some((n) => n.includes(',')) ? '; ' : ', ');
}
