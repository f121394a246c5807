/** Discord markdown helpers for the digest: text from articles is shown verbatim, never interpreted as markup. */

export { escapeMarkdown, joinMarkdown, linkTarget, markdownLink, md, type Markdown } from '../core/markdown';

/** Cut `text` to at most `max` characters at a word boundary, ending with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
