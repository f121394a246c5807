/**
 * Article text shown on Discord must read as written, never as markup: escaped emphasis (`*_~`),
 * code and spoilers (`` ` ``, `|`), masked links (`[text](url)`: a phishing link disguised as text)
 * and mention syntax (`<@id>`, `<#id>`; nothing pings anyway, allowed_mentions parses none), and
 * line-start headings, block quotes and list markers. The console renders these escapes back.
 */
const INLINE_SPECIAL = /[\\*_~`|[\]<]/g;
const LINE_START_SPECIAL = /^(\s*)([#>-])/gm;

/** Escape `text` so Discord shows every character literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&').replace(LINE_START_SPECIAL, '$1\\$2');
}
