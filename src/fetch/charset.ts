/**
 * Decoding a fetched body to text: find the declared charset, then decode with the WHATWG
 * TextDecoder (Node ships full ICU, so windows-1252, Shift_JIS, GBK, EUC-KR... all work).
 *
 * Order (WHATWG "encoding sniffing", simplified): a byte-order mark wins (it cannot be wrong about
 * the bytes that follow), then the Content-Type charset, then a <meta charset> / http-equiv in the
 * first bytes of HTML, then an XML declaration for XML bodies, then UTF-8.
 */
import { TextDecoder } from 'node:util';

/** How far into the body to look for <meta charset> or <?xml encoding?>: HTML requires it in the first 1024 bytes; we allow slack. */
const SNIFF_BYTES = 4096;

export type CharsetSource = 'bom' | 'header' | 'meta' | 'xml' | 'default';

export interface CharsetChoice {
  /** The label as found (may be an alias such as "latin1" or "sjis"). */
  readonly label: string;
  readonly source: CharsetSource;
  /** Bytes of BOM to skip. */
  readonly bomLength: number;
}

/** A charset label the decoder does not know. */
export class UnknownCharsetError extends Error {
  override readonly name = 'UnknownCharsetError';
  constructor(
    readonly label: string,
    readonly source: CharsetSource,
  ) {
    super(`unknown charset "${label}" (from ${source})`);
  }
}

/** Pick the charset for a body. `html`/`xml` say which in-document declarations to honour. */
export function chooseCharset(
  bytes: Uint8Array,
  headerCharset: string | undefined,
  kinds: { html: boolean; xml: boolean },
): CharsetChoice {
  const bom = sniffBom(bytes);
  if (bom) return bom;
  if (headerCharset) return { label: headerCharset, source: 'header', bomLength: 0 };
  const head = latin1Head(bytes);
  if (kinds.html) {
    const meta = metaCharset(head);
    if (meta) return { label: meta, source: 'meta', bomLength: 0 };
  }
  if (kinds.xml || head.startsWith('<?xml')) {
    const xml = xmlDeclarationCharset(head);
    if (xml) return { label: xml, source: 'xml', bomLength: 0 };
  }
  return { label: 'utf-8', source: 'default', bomLength: 0 };
}

/**
 * Decode bytes with the chosen charset. Returns the canonical encoding name and the text.
 * Throws UnknownCharsetError for labels TextDecoder does not know, and for the WHATWG
 * "replacement" encoding (ISO-2022-KR, HZ...), which decodes any input to a single U+FFFD.
 */
export function decodeBody(bytes: Uint8Array, choice: CharsetChoice): { charset: string; text: string } {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(choice.label, { fatal: false, ignoreBOM: true });
  } catch {
    throw new UnknownCharsetError(choice.label, choice.source);
  }
  if (decoder.encoding === 'replacement') throw new UnknownCharsetError(choice.label, choice.source);
  // A <meta> that claims UTF-16 in an ASCII-compatible document is a lie the HTML spec says to ignore.
  if (choice.source === 'meta' && decoder.encoding.startsWith('utf-16')) decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const text = decoder.decode(bytes.subarray(choice.bomLength));
  return { charset: decoder.encoding, text: decoder.encoding === 'windows-1252' ? repairWindows1252(text) : text };
}

/**
 * windows-1252 bytes 0x80-0x9F (curly quotes, dashes, the euro sign) as the WHATWG table maps them.
 * Node 20's TextDecoder decodes windows-1252 as ISO-8859-1 (a known bug of its latin1 fast path),
 * leaving C1 control characters where news text has "smart quotes"; a latin1 decode is byte = code
 * point, so mapping U+0080-U+009F afterwards is exact. Five bytes are undefined and stay as they are.
 */
const WINDOWS_1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function repairWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function sniffBom(b: Uint8Array): CharsetChoice | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { label: 'utf-8', source: 'bom', bomLength: 3 };
  if (b[0] === 0xfe && b[1] === 0xff) return { label: 'utf-16be', source: 'bom', bomLength: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { label: 'utf-16le', source: 'bom', bomLength: 2 };
  return undefined;
}

/** The first bytes as latin1: every byte becomes one char, so ASCII markup can be searched safely. */
function latin1Head(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES)).toString('latin1');
}

/** `<meta charset="x">` or `<meta http-equiv="Content-Type" content="text/html; charset=x">`. */
export function metaCharset(head: string): string | undefined {
  // Bounded, linear patterns: each quantifier is over a class that excludes the next delimiter.
  const tagRe = /<meta\b[^>]{0,512}>/gi;
  for (let m = tagRe.exec(head); m; m = tagRe.exec(head)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:\-]{1,40})/i.exec(tag);
    if (direct) return direct[1]!.toLowerCase();
  }
  return undefined;
}

/** `<?xml version="1.0" encoding="windows-1252"?>` */
export function xmlDeclarationCharset(head: string): string | undefined {
  const decl = /^\s{0,64}<\?xml\b[^>]{0,256}\?>/.exec(head);
  if (!decl) return undefined;
  const enc = /\bencoding\s*=\s*["']([A-Za-z0-9._:\-]{1,40})["']/i.exec(decl[0]);
  return enc ? enc[1]!.toLowerCase() : undefined;
}
