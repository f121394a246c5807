/** A composed digest as plain, readable text (the CLI's `lede digest`): the same content as Discord gets. */
import type { Digest } from './compose';

/** Undo Discord markdown: escapes, bold, links ("[title](url)" -> "title <url>"), italics. */
function plain(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i]!;
    if (c === '\\' && i + 1 < markdown.length) {
      out += markdown[++i];
      continue;
    }
    if (c === '*') continue;
    if (c === '[') {
      // A link: find the unescaped "](" and the closing ")".
      const close = findUnescaped(markdown, '](', i + 1);
      const end = close === -1 ? -1 : markdown.indexOf(')', close + 2);
      if (close !== -1 && end !== -1) {
        out += `${plain(markdown.slice(i + 1, close))} <${markdown.slice(close + 2, end)}>`;
        i = end;
        continue;
      }
    }
    out += c;
  }
  return out;
}

function findUnescaped(s: string, needle: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(needle, i)) return i;
  }
  return -1;
}

/** The digest as text: heading, then each group with its articles, then the footer. */
export function digestToText(digest: Digest): string {
  const lines: string[] = [];
  for (const message of digest.messages) {
    if (message.content) lines.push(plain(message.content), '');
    for (const embed of message.embeds) {
      if (embed.title) lines.push(`== ${embed.title} ==`, '');
      lines.push(plain(embed.description), '');
      if (embed.footer) lines.push(`-- ${embed.footer}`);
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
