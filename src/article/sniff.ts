/**
 * What kind of input this is: the format of a text (HTML, Markdown or plain) and whether bytes are
 * text at all. Decisions come from the file extension or Content-Type when there is one, from the
 * content otherwise.
 */
import { TextDecoder } from 'node:util';
import { chooseCharset, decodeBody } from '../fetch/charset';
import { ArticleError } from './errors';

export type ArticleFormat = 'text' | 'markdown' | 'html';

/** File extensions that decide the format. */
const EXTENSION_FORMATS: Readonly<Record<string, ArticleFormat>> = {
  html: 'html', htm: 'html', xhtml: 'html', shtml: 'html',
  md: 'markdown', markdown: 'markdown', mdown: 'markdown', mkd: 'markdown',
  txt: 'text', text: 'text',
};

/** Bytes looked at to decide whether input is binary. */
const BINARY_SNIFF_BYTES = 8192;
/** Share of invalid UTF-8 sequences beyond which bytes are binary, not a legacy-encoded text. */
const MAX_INVALID_UTF8_RATIO = 0.15; // random bytes: ~45%; Latin-1 text in Portuguese/French: under 5%
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

/**
 * Bytes from a file or stdin -> text. NUL bytes or mostly-invalid UTF-8 mean binary (an image, a zip,
 * a PDF): ARTICLE_BINARY. A few invalid sequences mean a legacy encoding: decoded as windows-1252.
 * HTML may declare its charset in <meta>, which is honoured.
 */
export function decodeTextBytes(bytes: Uint8Array, format: ArticleFormat | undefined, source: string): string {
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  const utf16Bom = (sniff[0] === 0xff && sniff[1] === 0xfe) || (sniff[0] === 0xfe && sniff[1] === 0xff);
  if (!utf16Bom && sniff.includes(0)) throw binary(source, 'it contains NUL bytes');
  const choice = chooseCharset(bytes, undefined, { html: format === 'html' || format === undefined, xml: false });
  if (choice.source !== 'default') {
    try {
      return checkText(decodeBody(bytes, choice).text, source);
    } catch (err) {
      if (err instanceof ArticleError) throw err;
      // an unknown declared charset: fall through to UTF-8 detection
    }
  }
  // Leave out the last 3 bytes of a cut sample: a multi-byte character may straddle the cut.
  const sample = bytes.length > sniff.length ? sniff.subarray(0, sniff.length - 3) : sniff;
  const invalid = countChar(new TextDecoder('utf-8').decode(sample), '\uFFFD');
  if (sample.length > 0 && invalid / sample.length > MAX_INVALID_UTF8_RATIO) throw binary(source, 'it is not valid text (mostly invalid UTF-8)');
  try {
    return checkText(new TextDecoder('utf-8', { fatal: true }).decode(bytes), source);
  } catch (err) {
    if (err instanceof ArticleError) throw err;
    return checkText(decodeBody(bytes, { label: 'windows-1252', source: 'default', bomLength: 0 }).text, source);
  }
}

/** Refuse decoded text that is mostly control characters or replacement characters. */
export function checkText(text: string, source: string): string {
  const sample = text.slice(0, BINARY_SNIFF_BYTES);
  if (sample.includes('\u0000')) throw binary(source, 'it contains NUL characters');
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) bad++;
  }
  if (sample.length > 0 && bad / sample.length > MAX_CONTROL_RATIO) throw binary(source, 'too many control characters for text');
  return text;
}

function countChar(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function binary(source: string, why: string): ArticleError {
  return new ArticleError('ARTICLE_BINARY', `${source} looks like a binary file, not an article: ${why}.`, source);
}
