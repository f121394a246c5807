/**
 * Replies as readable plain text, for the console (and logs): the same embeds a Discord user sees,
 * laid out as title, description, fields and footer, with buttons listed by number so the console
 * can "press" them.
 */
import type { Button, Reply } from '../reply';

/** Discord markdown that reads badly as plain text: **bold**, __underline__, `code`, <t:...> times. */
function plain(md: string): string {
  return md
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/<t:(\d+)(?::[a-zA-Z])?>/g, (_m, s: string) => new Date(Number(s) * 1000).toISOString().slice(0, 16).replace('T', ' '))
    .replace(/<@!?([\w-]+)>/g, '@$1')
    .replace(/<#(\d+)>/g, '#$1')
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 <$2>')
    // Characters escaped to show literally on Discord (render/quotes.ts escapeMarkdown) read plain here.
    .replace(/\\([\\*_~`|#>-])/g, '$1');
}

const indent = (s: string, pad: string) =>
  s
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');

/** Render a reply; buttons that can be clicked get numbers (1-based, reading order). */
export function renderReplyAsText(reply: Reply): { text: string; buttons: Button[] } {
  const out: string[] = [];
  if (reply.content) out.push(plain(reply.content));
  for (const e of reply.embeds ?? []) {
    const block: string[] = [];
    if (e.author) block.push(plain(e.author));
    if (e.title) block.push(`== ${plain(e.title)} ==`);
    if (e.url) block.push(e.url);
    if (e.description) block.push(plain(e.description));
    for (const f of e.fields ?? []) {
      const value = plain(f.value);
      block.push(value.includes('\n') ? `${plain(f.name)}:\n${indent(value, '  ')}` : `${plain(f.name)}: ${value}`);
    }
    if (e.footer) block.push(`-- ${plain(e.footer)}`);
    out.push(block.join('\n'));
  }
  const buttons: Button[] = [];
  const labels: string[] = [];
  for (const b of (reply.buttons ?? []).flat()) {
    if ('url' in b) labels.push(`[${b.label}: ${b.url}]`);
    else if (b.disabled) continue;
    else {
      buttons.push(b);
      labels.push(`[${buttons.length}] ${b.label}`);
    }
  }
  if (labels.length) out.push(`Buttons: ${labels.join('  ')}${buttons.length ? '  (type the number to press)' : ''}`);
  if (reply.ephemeral && out.length) out[0] = `(only you) ${out[0]}`;
  return { text: out.join('\n\n'), buttons };
}
