/**
 * The words people type to find an article by its title: compatibility-decomposed (NFKD), accents
 * removed, lower case, split at anything that is not a letter or a digit. One rule for the matcher
 * (src/library/match.ts) and for the title search rows the store keeps, so a word the store finds
 * is a word the matcher accepts.
 */
export function foldedWords(s: string): string[] {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
