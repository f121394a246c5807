/**
 * Bytes to text, the one way every article source is decoded: files and stdin (`lede parse`),
 * attachments and console files (`/article add`), and fetched pages (the fetcher's `decode` hook).
 * The charset rule is the fetcher's `decodeText` (src/fetch/charset.ts), the one feeds are read by:
 * a byte-order mark, the declarations (Content-Type, <meta>), UTF-8, a detector for undeclared
 * CJK and non-Latin 8-bit text, windows-1252. A declared UTF-8 is checked, not trusted (Discord and
 * many servers label every text file UTF-8), and a declared legacy charset loses to valid UTF-8.
 *
 * Around it, the checks that make an article: NUL bytes mean binary (an image, a zip, a PDF)
 * unless a UTF-16 byte-order mark explains them, and bytes no charset explains (mostly invalid
 * UTF-8, nothing detected) are binary too; the text must not be mostly control characters.
 */
import { countReplacements, decodeText } from '../fetch/charset';
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

export interface DecodedArticleText {
  /** The encoding used, WHATWG name ('utf-8', 'windows-1252', 'utf-16le'...). */
  readonly charset: string;
  readonly text: string;
}

/** Decode article bytes. Throws ArticleError ARTICLE_BINARY for bytes that are not text. */
export function decodeArticleBytes(bytes: Uint8Array, hints: DecodeHints): DecodedArticleText {
  const { source } = hints;
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  const utf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16Bom && sniff.includes(0)) throw binary(source, 'it contains NUL bytes');
  const decoded = decodeText(bytes, { headerCharset: hints.declaredCharset, html: hints.format === 'html' || hints.format === undefined, xml: false, unknownCharset: 'ignore' });
  if (decoded.route === 'damaged-utf-8' || decoded.route === 'fallback') {
    // Not UTF-8 and no charset found. Leave out the last 3 bytes of a cut sample: a multi-byte character may straddle the cut.
    const sample = bytes.length > sniff.length ? sniff.subarray(0, sniff.length - 3) : sniff;
    const invalid = countReplacements(new TextDecoder('utf-8').decode(sample));
    if (sample.length > 0 && invalid / sample.length > MAX_INVALID_UTF8_RATIO) throw binary(source, 'it is not valid text (mostly invalid UTF-8)');
  }
  checkText(decoded.text, source);
  return { charset: decoded.charset, text: decoded.text };
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

function binary(source: string, why: string): ArticleError {
  return new ArticleError('ARTICLE_BINARY', `${source} looks like a binary file, not an article: ${why}.`, source);
}
