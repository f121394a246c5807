/**
 * Tolerant name matching for who-said questions: "Grenell", "Richard Grenell" and "US envoy
 * Richard Grenell" are the same speaker; "President Trump" is "Trump".
 */
import { NAME_TITLES } from '../lexicon/qa-patterns';

/** The name's tokens without titles, honorifics and lowercase words, lowercased. */
export function nameTokens(name: string): string[] {
  return (name.match(/[\p{L}\p{M}][\p{L}\p{M}'.-]*/gu) ?? [])
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w.toLowerCase().replace(/'s$/, '').replace(/\.$/, ''))
    .filter((w) => !NAME_TITLES.has(w));
}

/**
 * Same person: same last name token, or one token set inside the other (the rule of the quote
 * evaluation in ../shared/eval/README.md, so the bot and its measure agree).
 */
export function sameName(asked: string, candidate: string | null | undefined): boolean {
  if (!candidate) return false;
  const a = nameTokens(asked);
  const b = nameTokens(candidate);
  if (a.length === 0 || b.length === 0) return false;
  if (a[a.length - 1] === b[b.length - 1]) return true;
  const bs = new Set(b);
  if (a.every((w) => bs.has(w))) return true;
  const as = new Set(a);
  return b.every((w) => as.has(w));
}
