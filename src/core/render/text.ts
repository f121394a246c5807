/**
 * Replies as readable plain text, for the console (and logs): the same embeds a Discord user sees,
 * laid out as title, description, fields and footer, with buttons listed by number so the console
 * can "press" them. Where Discord renders markdown (message content, embed title, description and
 * fields) the console renders it too (markdown-text.ts); embed author and footer are shown as
 * written, because Discord shows them as written (bidi controls removed, as on the way to Discord).
 */
import type { Button, Reply } from '../reply';
import { plainText } from '../markdown';
import { markdownToText, type MarkdownTextStyle } from './markdown-text';

export interface TextRenderOptions {
  /** 'ansi' for an interactive terminal (styles as terminal styles), 'plain' otherwise (default). */
  readonly style?: MarkdownTextStyle;
}

const indent = (s: string, pad: string) =>
  s
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');

/** Render a reply; buttons that can be clicked get numbers (1-based, reading order). */
export function renderReplyAsText(reply: Reply, options: TextRenderOptions = {}): { text: string; buttons: Button[] } {
  const plain = (md: string) => markdownToText(md, options.style ?? 'plain');
  const out: string[] = [];
  if (reply.content) out.push(plain(reply.content));
  for (const e of reply.embeds ?? []) {
    const block: string[] = [];
    if (e.author) block.push(plainText(e.author));
    if (e.title) block.push(`== ${plain(e.title)} ==`);
    if (e.url) block.push(e.url);
    if (e.description) block.push(plain(e.description));
    for (const f of e.fields ?? []) {
      const value = plain(f.value);
      block.push(value.includes('\n') ? `${plain(f.name)}:\n${indent(value, '  ')}` : `${plain(f.name)}: ${value}`);
    }
    if (e.footer) block.push(`-- ${plainText(e.footer)}`);
    out.push(block.join('\n'));
  }
  const buttons: Button[] = [];
  const labels: string[] = [];
  for (const b of (reply.buttons ?? []).flat()) {
    if ('url' in b) labels.push(`[${plainText(b.label)}: ${b.url}]`);
    else if (b.disabled) continue;
    else {
      buttons.push(b);
      labels.push(`[${buttons.length}] ${plainText(b.label)}`);
    }
  }
  if (labels.length) out.push(`Buttons: ${labels.join('  ')}${buttons.length ? '  (type the number to press)' : ''}`);
  if (reply.ephemeral && out.length) out[0] = `(only you) ${out[0]}`;
  return { text: out.join('\n\n'), buttons };
}
