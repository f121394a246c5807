/** Discord markdown helpers: text from articles is shown verbatim, never interpreted as markup. */

export { escapeMarkdown } from '../discord/render/escape';

/** A URL safe inside a markdown link target: no spaces or parentheses to end it early. */
export function linkTarget(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Cut `text` to at most `max` characters at a word boundary, ending with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
