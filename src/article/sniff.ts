/**
 * What kind of input this is: the format of a text (HTML, Markdown or plain) and whether decoded
 * text is text at all (bytes are decoded in decode.ts). Formats come from the file extension or
 * Content-Type when there is one, from the content otherwise.
 */
import { ArticleError } from './errors';

export type ArticleFormat = 'text' | 'markdown' | 'html';

/** File extensions that decide the format. */
const EXTENSION_FORMATS: Readonly<Record<string, ArticleFormat>> = {
  html: 'html', htm: 'html', xhtml: 'html', shtml: 'html',
  md: 'markdown', markdown: 'markdown', mdown: 'markdown', mkd: 'markdown',
  txt: 'text', text: 'text',
};

/** Characters looked at to decide whether decoded text is binary. */
const BINARY_SNIFF_CHARS = 8192;
/** Share of control characters (not tab/newline/CR/FF) beyond which decoded text is binary. */
const MAX_CONTROL_RATIO = 0.02;

export function formatFromPath(path: string): ArticleFormat | undefined {
  const m = /\.([A-Za-z]{1,10})$/.exec(path);
  return m ? EXTENSION_FORMATS[m[1]!.toLowerCase()] : undefined;
}

export function formatFromContentType(mediaType: string): ArticleFormat | undefined {
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 'html';
  if (mediaType === 'text/markdown' || mediaType === 'text/x-markdown') return 'markdown';
  return undefined; // text/plain and unknown types: decided by the content (a .md served as text/plain)
}

/** Guess the format from the content: markup first, then Markdown signals, else plain text. */
export function sniffFormat(content: string): ArticleFormat {
  const head = content.slice(0, 4096);
  const trimmed = head.trimStart().toLowerCase();
  if (trimmed.startsWith('<!doctype html') || trimmed.startsWith('<html') || /^<\?xml[^>]{0,200}>\s{0,200}<(?:!doctype )?html/.test(trimmed)) return 'html';
  const blockTags = head.match(/<(?:p|div|article|body|head|h[1-6]|br|section|table|ul|li)(?:\s[^<>]{0,300})?\/?>/gi)?.length ?? 0;
  if (trimmed.startsWith('<') && blockTags >= 1) return 'html';
  if (blockTags >= 3) return 'html';
  const signals = [
    /^#{1,6} \S/m, // ATX heading
    /^\S[^\n]{0,200}\n(?:=+|-+)[ \t]*$/m, // Setext heading
    /\[[^[\]\n]{1,200}\]\([^()\s]{1,500}\)/, // [link](url)
    /(?:\*\*|__)[^*_\n]{1,100}(?:\*\*|__)/, // **strong**
    /^```/m, // fence
    /^---\n[A-Za-z_]{1,30}:/, // front matter
  ].filter((re) => re.test(head)).length;
  return signals >= 1 && (/^#{1,6} \S/m.test(head) || /^---\n/.test(head) || signals >= 2) ? 'markdown' : 'text';
}

/** Refuse decoded text that is mostly control characters or replacement characters. */
export function checkText(text: string, source: string): string {
  const sample = text.slice(0, BINARY_SNIFF_CHARS);
  if (sample.includes('\u0000')) throw binary(source, 'it contains NUL characters');
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) bad++;
  }
  if (sample.length > 0 && bad / sample.length > MAX_CONTROL_RATIO) throw binary(source, 'too many control characters for text');
  return text;
}

function binary(source: string, why: string): ArticleError {
  return new ArticleError('ARTICLE_BINARY', `${source} looks like a binary file, not an article: ${why}.`, source);
}
