/**
 * Bytes to text, the one way every article source is decoded: files and stdin (`lede parse`),
 * attachments and console files (`/article add`), and fetched pages (the fetcher's `decode` hook).
 *
 * Order: NUL bytes mean binary (an image, a zip, a PDF) unless a UTF-16 byte-order mark explains
 * them; a byte-order mark wins; then a declared charset other than UTF-8 (Content-Type, or <meta> in
 * HTML); then UTF-8 when the bytes are UTF-8; else a legacy 8-bit text, read as windows-1252 (what a
 * "Latin-1" file saved on Windows is), unless the bytes are mostly invalid (binary). A declared
 * UTF-8 is checked, not trusted: Discord and many servers label every text file UTF-8.
 */
import { TextDecoder } from 'node:util';
import { chooseCharset, decodeBody, type CharsetChoice } from '../fetch/charset';
import type { SafeFetchOptions } from '../fetch';
import { ArticleError } from './errors';
import { checkText, formatFromContentType, type ArticleFormat } from './sniff';

/** Bytes looked at to decide whether input is binary. */
const BINARY_SNIFF_BYTES = 8192;
/** Share of invalid UTF-8 sequences beyond which bytes are binary, not a legacy-encoded text. */
const MAX_INVALID_UTF8_RATIO = 0.15; // random bytes: ~45%; Latin-1 text in Portuguese/French: under 5%

export interface DecodeHints {
  /** The article format, when known: HTML may declare its charset in <meta>. */
  readonly format?: ArticleFormat;
  /** The charset a Content-Type header declared. */
  readonly declaredCharset?: string;
  /** Named in errors (file path, 'stdin', 'attachment:<name>', URL). */
  readonly source: string;
}

export interface DecodedText {
  /** The encoding used, WHATWG name ('utf-8', 'windows-1252', 'utf-16le'...). */
  readonly charset: string;
  readonly text: string;
}

/** Decode article bytes. Throws ArticleError ARTICLE_BINARY for bytes that are not text. */
export function decodeArticleBytes(bytes: Uint8Array, hints: DecodeHints): DecodedText {
  const { source } = hints;
  const declared = chooseCharset(bytes, hints.declaredCharset, { html: hints.format === 'html' || hints.format === undefined, xml: false });
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (!(declared.source === 'bom' && declared.label.startsWith('utf-16')) && sniff.includes(0)) throw binary(source, 'it contains NUL bytes');
  if (declared.source === 'bom' || (declared.source !== 'default' && !isUtf8Label(declared.label))) {
    const text = decodeDeclared(bytes, declared);
    if (text !== undefined) return checked(text, source);
  }
  try {
    return checked({ charset: 'utf-8', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) }, source);
  } catch (err) {
    if (err instanceof ArticleError) throw err;
  }
  // Not UTF-8. Leave out the last 3 bytes of a cut sample: a multi-byte character may straddle the cut.
  const sample = bytes.length > sniff.length ? sniff.subarray(0, sniff.length - 3) : sniff;
  const invalid = countReplacements(new TextDecoder('utf-8').decode(sample));
  if (sample.length > 0 && invalid / sample.length > MAX_INVALID_UTF8_RATIO) throw binary(source, 'it is not valid text (mostly invalid UTF-8)');
  const utf8 = utf8Evidence(bytes);
  // UTF-8 text with a few damaged bytes keeps its accents; a legacy text has no valid multi-byte sequence to speak of.
  if (utf8.valid > utf8.invalid) return checked({ charset: 'utf-8', text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }, source);
  return checked(decodeBody(bytes, { label: 'windows-1252', source: 'default', bomLength: 0 }), source);
}

/**
 * The fetcher's `decode` hook for an article page or attachment, so fetched bodies are read by the
 * same rule as files. `format` when the caller knows it (an attachment's extension), else from the
 * Content-Type.
 */
export function articleBodyDecoder(source: string, format?: ArticleFormat): NonNullable<SafeFetchOptions['decode']> {
  return (bytes, declared) => {
    const known = format ?? formatFromContentType(declared.mediaType);
    return decodeArticleBytes(bytes, { source, ...(known ? { format: known } : {}), ...(declared.charset ? { declaredCharset: declared.charset } : {}) });
  };
}

/** Decode with a byte-order mark or a declared charset; undefined for a label no decoder knows (detect instead). */
function decodeDeclared(bytes: Uint8Array, choice: CharsetChoice): DecodedText | undefined {
  try {
    return decodeBody(bytes, choice);
  } catch {
    return undefined; // an unknown or "replacement" charset: the bytes decide
  }
}

function isUtf8Label(label: string): boolean {
  return /^(?:unicode-1-1-)?utf-?8$/i.test(label.trim());
}

function checked(decoded: DecodedText, source: string): DecodedText {
  checkText(decoded.text, source);
  return decoded;
}

/** Valid multi-byte UTF-8 sequences and invalid bytes, in one pass. */
function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 1) {
      i++;
      continue;
    }
    let k = 1;
    while (length > 0 && k < length && i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80) k++;
    if (length > 0 && k === length) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

function countReplacements(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\uFFFD'); i >= 0; i = s.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

function binary(source: string, why: string): ArticleError {
  return new ArticleError('ARTICLE_BINARY', `${source} looks like a binary file, not an article: ${why}.`, source);
}
