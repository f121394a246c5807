/**
 * Decoding a fetched body to text: the one rule for pages, attachments, files, stdin and feeds
 * (`decodeText`; the article module adds its binary checks around it). Node ships full ICU, so the
 * WHATWG TextDecoder reads windows-1252, Shift_JIS, GBK, EUC-KR, KOI8-R... all.
 *
 * Order, as browsers and feed readers do it:
 *  1. a byte-order mark wins (it cannot be wrong about the bytes that follow);
 *  2. the declarations, in the order the document kind gives them weight: for a page the
 *     Content-Type charset, then <meta charset>; for a feed (XML) the XML declaration, then the
 *     Content-Type charset (servers label everything with their default, the feed's author wrote
 *     the declaration). A declared UTF-8 is checked, not trusted (the next declaration, or the
 *     bytes, decide when it fails). A declared legacy charset loses to UTF-8 when the bytes are
 *     strictly valid UTF-8 holding at least one multi-byte sequence: real legacy text is never
 *     that, and a page saved as UTF-8 under an old `<meta charset=gb2312>` is common;
 *  3. UTF-8 when the bytes are UTF-8;
 *  4. UTF-8 with a few damaged bytes when valid multi-byte sequences outnumber the invalid bytes;
 *  5. a detector (chardet, the ICU detector's port) on a markup-free sample of the first bytes, for
 *     the multi-byte CJK charsets and the non-Latin 8-bit ones (Cyrillic, Greek, Hebrew, Arabic),
 *     each accepted only with enough evidence (see `detectLegacyCharset`);
 *  6. windows-1252, what a "Latin-1" text saved on Windows is.
 */
import { analyse, type Match } from 'chardet';
import { TextDecoder } from 'node:util';

/** How far into the body to look for <meta charset> or <?xml encoding?>: HTML requires it in the first 1024 bytes; we allow slack. */
const SNIFF_BYTES = 4096;
/** Bytes scanned for the detector's sample, and the most markup-free bytes it is given: its cost is bounded by the sample. */
const DETECT_SCAN_BYTES = 1024 * 1024;
const DETECT_SAMPLE_BYTES = 16 * 1024;
/** A tag longer than this is not skipped: a stray '<' in text must not swallow the sample. */
const MAX_TAG_BYTES = 2048;
/**
 * Detector confidences (0-100) to accept. CJK text scores 95-100 even in one short title, while
 * random high bytes reach 49 for GB18030. An 8-bit non-Latin text scores 18-35 once the ASCII
 * around it (URLs, dates, English) is left out, and is accepted only when its high bytes look like
 * words of a non-Latin alphabet (see `alphabetWords`): a Latin text has lone accented letters, and
 * noise has no word breaks.
 */
const MIN_MULTIBYTE_CONFIDENCE = 60;
const MIN_SINGLE_BYTE_CONFIDENCE = 15;
/** At least this many words of high bytes, this long on average at most, holding this share of them in words of 3+ letters. */
const MIN_ALPHABET_WORDS = 3;
const MAX_ALPHABET_MEAN_WORD = 20;
const MIN_ALPHABET_LONG_WORD_SHARE = 0.7;
/** Share of U+FFFD in the decoded sample beyond which a detected charset is not the text's. */
const MAX_DETECTED_REPLACEMENT_SHARE = 0.01;

/**
 * Charsets the detector may choose, by WHATWG name. Latin-script 8-bit charsets are not among them:
 * on short text it ranks Latin-2 above Latin-1 for French, and windows-1252 is the fallback (so an
 * undeclared Polish or Czech text still reads as windows-1252).
 */
const DETECTABLE_MULTIBYTE = new Set(['shift_jis', 'euc-jp', 'iso-2022-jp', 'euc-kr', 'gbk', 'gb18030', 'big5']);
const DETECTABLE_SINGLE_BYTE = new Set(['koi8-r', 'windows-1251', 'iso-8859-5', 'iso-8859-7', 'windows-1253', 'iso-8859-8', 'windows-1255', 'iso-8859-6', 'windows-1256']);

export type CharsetSource = 'bom' | 'header' | 'meta' | 'xml' | 'default';

export interface CharsetChoice {
  /** The label as found (may be an alias such as "latin1" or "sjis"). */
  readonly label: string;
  readonly source: CharsetSource;
  /** Bytes of BOM to skip. */
  readonly bomLength: number;
}

/** Which rule chose the charset (see the module comment). */
export type DecodeRoute = 'bom' | 'declared' | 'utf-8' | 'damaged-utf-8' | 'detected' | 'fallback';

export interface DecodedText {
  /** The encoding used, WHATWG name ('utf-8', 'windows-1252', 'shift_jis'...). */
  readonly charset: string;
  readonly text: string;
  readonly route: DecodeRoute;
}

export interface DecodeTextOptions {
  /** The charset a Content-Type header declared. */
  readonly headerCharset?: string | undefined;
  /** Honour <meta charset> (HTML). */
  readonly html: boolean;
  /** A feed or other XML: its XML declaration comes before the header. */
  readonly xml: boolean;
  /** A declared label no decoder knows: 'throw' an UnknownCharsetError, or 'ignore' it and let the bytes decide. */
  readonly unknownCharset: 'throw' | 'ignore';
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

/** Pick the charset for a body (the first that counts, before any check of the bytes). `html`/`xml` say which in-document declarations to honour. */
export function chooseCharset(
  bytes: Uint8Array,
  headerCharset: string | undefined,
  kinds: { html: boolean; xml: boolean },
): CharsetChoice {
  return sniffBom(bytes) ?? declaredCharsets(bytes, headerCharset, kinds)[0] ?? { label: 'utf-8', source: 'default', bomLength: 0 };
}

/**
 * The charsets a body declares, strongest first: for XML (a feed) the XML declaration, then the
 * Content-Type; for the rest the Content-Type, then <meta> (HTML), then an XML declaration when the
 * body starts with one (XHTML).
 */
export function declaredCharsets(bytes: Uint8Array, headerCharset: string | undefined, kinds: { html: boolean; xml: boolean }): CharsetChoice[] {
  const head = latin1Head(bytes);
  const header: CharsetChoice | undefined = headerCharset ? { label: headerCharset, source: 'header', bomLength: 0 } : undefined;
  const meta = kinds.html ? metaCharset(head) : undefined;
  const xml = kinds.xml || head.startsWith('<?xml') ? xmlDeclarationCharset(head) : undefined;
  const xmlChoice: CharsetChoice | undefined = xml ? { label: xml, source: 'xml', bomLength: 0 } : undefined;
  const metaChoice: CharsetChoice | undefined = meta ? { label: meta, source: 'meta', bomLength: 0 } : undefined;
  const ordered = kinds.xml ? [xmlChoice, header, metaChoice] : [header, metaChoice, xmlChoice];
  return ordered.filter((c): c is CharsetChoice => c !== undefined);
}

/**
 * Bytes to text by the rule of the module comment. Throws UnknownCharsetError for an unknown
 * declared label when `unknownCharset` is 'throw'.
 */
export function decodeText(bytes: Uint8Array, opts: DecodeTextOptions): DecodedText {
  const bom = sniffBom(bytes);
  if (bom) return { ...decodeBody(bytes, bom), route: 'bom' };
  const utf8 = strictUtf8(bytes);
  let unknown: CharsetChoice | undefined;
  for (const declared of declaredCharsets(bytes, opts.headerCharset, opts)) {
    const encoding = encodingOf(declared.label);
    if (encoding === undefined) {
      unknown ??= declared;
      continue;
    }
    if (encoding === 'utf-8') {
      if (utf8 !== undefined) return { charset: 'utf-8', text: utf8, route: 'declared' };
      continue; // checked, not trusted
    }
    const utf16 = encoding.startsWith('utf-16');
    // A <meta> or XML declaration that claims UTF-16 was read as ASCII: a lie the HTML spec says to ignore.
    if (utf16 && declared.source !== 'header') continue;
    // Strictly valid UTF-8 with a multi-byte sequence is UTF-8, whatever an ASCII-based label says.
    if (!utf16 && utf8 !== undefined && utf8.length < bytes.length) return { charset: 'utf-8', text: utf8, route: 'utf-8' };
    return { ...decodeBody(bytes, declared), route: 'declared' };
  }
  // Only when no declaration could be used: a known label next to an unknown one is the one to read by.
  if (unknown && opts.unknownCharset === 'throw') throw new UnknownCharsetError(unknown.label, unknown.source);
  if (utf8 !== undefined) return { charset: 'utf-8', text: utf8, route: 'utf-8' };
  const evidence = utf8Evidence(bytes);
  // UTF-8 text with a few damaged bytes keeps its accents; a legacy text has no valid multi-byte sequence to speak of.
  if (evidence.valid > evidence.invalid) return { charset: 'utf-8', text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), route: 'damaged-utf-8' };
  const detected = detectLegacyCharset(bytes);
  if (detected !== undefined) return { ...decodeBody(bytes, { label: detected, source: 'default', bomLength: 0 }), route: 'detected' };
  return { ...decodeBody(bytes, { label: 'windows-1252', source: 'default', bomLength: 0 }), route: 'fallback' };
}

/**
 * The legacy charset of undeclared non-UTF-8 bytes, when the detector names one of the detectable
 * charsets with enough evidence; undefined otherwise (the caller falls back to windows-1252).
 * Looks at most at DETECT_SAMPLE_BYTES of text with the markup taken out (tags weigh as Latin text).
 */
export function detectLegacyCharset(bytes: Uint8Array): string | undefined {
  const sample = textSample(bytes);
  if (!sample.some((b) => b >= 0x80)) return undefined;
  // Multi-byte charsets read on the text as it is: a trail byte may be ASCII.
  const multi = acceptable(analyse(sample)[0], DETECTABLE_MULTIBYTE, MIN_MULTIBYTE_CONFIDENCE, sample);
  if (multi !== undefined) return multi;
  const words = alphabetWords(sample);
  return words === undefined ? undefined : acceptable(analyse(words)[0], DETECTABLE_SINGLE_BYTE, MIN_SINGLE_BYTE_CONFIDENCE, words);
}

/** The detector's top match as a WHATWG name, when it is among `allowed`, confident enough, and decodes the sample with next to no U+FFFD. */
function acceptable(top: Match | undefined, allowed: ReadonlySet<string>, minConfidence: number, sample: Uint8Array): string | undefined {
  if (!top || top.confidence < minConfidence) return undefined;
  const encoding = encodingOf(top.name);
  if (encoding === undefined || !allowed.has(encoding)) return undefined;
  // A sample cut inside a character leaves it pending (stream), not replaced.
  const decoded = new TextDecoder(encoding, { ignoreBOM: true }).decode(sample, { stream: true });
  return countReplacements(decoded) > decoded.length * MAX_DETECTED_REPLACEMENT_SHARE ? undefined : encoding;
}

/**
 * The runs of high bytes of a sample, one space between them, when they look like the words of a
 * non-Latin 8-bit alphabet (Cyrillic, Greek, Hebrew, Arabic): several words, of word length,
 * most high bytes in words of three letters or more. Undefined otherwise: a Latin text (é, ü, ç
 * alone among ASCII letters) or noise (one endless run).
 */
function alphabetWords(sample: Uint8Array): Uint8Array | undefined {
  const out = new Uint8Array(sample.length * 2);
  let n = 0;
  let words = 0;
  let high = 0;
  let inLongWords = 0;
  for (let i = 0; i < sample.length; ) {
    if (sample[i]! < 0x80) {
      i++;
      continue;
    }
    let end = i;
    while (end < sample.length && sample[end]! >= 0x80) end++;
    const length = end - i;
    if (n > 0) out[n++] = 0x20;
    out.set(sample.subarray(i, end), n);
    n += length;
    words++;
    high += length;
    if (length >= 3) inLongWords += length;
    i = end;
  }
  if (words < MIN_ALPHABET_WORDS || high / words > MAX_ALPHABET_MEAN_WORD || inLongWords < high * MIN_ALPHABET_LONG_WORD_SHARE) return undefined;
  return out.subarray(0, n);
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
  const body = bytes.subarray(choice.bomLength);
  return { charset: decoder.encoding, text: decoder.encoding === 'windows-1252' ? decodeWindows1252(body) : decoder.decode(body) };
}

/**
 * windows-1252 bytes 0x80-0x9F (curly quotes, dashes, the euro sign) as the WHATWG table maps them.
 * Node 20's TextDecoder decodes windows-1252 as ISO-8859-1 (a known bug of its latin1 fast path),
 * leaving C1 control characters where news text has "smart quotes". So the bytes are mapped here,
 * through a table, into UTF-16 code units: linear, also on megabytes of 0x80-0x9F. Five bytes are
 * undefined and stay as they are (U+0081, U+008D, U+008F, U+0090, U+009D).
 */
const WINDOWS_1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
const WINDOWS_1252 = Uint16Array.from({ length: 256 }, (_, b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(b - 0x80) : b));
const UTF16LE = new TextDecoder('utf-16le');

function decodeWindows1252(bytes: Uint8Array): string {
  // Little-endian code units written byte by byte, so the result does not depend on the machine's byte order.
  const units = new Uint8Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    const unit = WINDOWS_1252[bytes[i]!]!;
    units[2 * i] = unit & 0xff;
    units[2 * i + 1] = unit >> 8;
  }
  return UTF16LE.decode(units);
}

/** The WHATWG name of a label; undefined for one TextDecoder does not know and for "replacement" (ISO-2022-KR, HZ...). */
function encodingOf(label: string): string | undefined {
  try {
    const encoding = new TextDecoder(label).encoding;
    return encoding === 'replacement' ? undefined : encoding;
  } catch {
    return undefined;
  }
}

/** The text when the bytes are strictly valid UTF-8, else undefined. */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Up to DETECT_SAMPLE_BYTES of the first DETECT_SCAN_BYTES with tags and comments taken out (each
 * becomes a line break) and CDATA markers dropped, keeping their text. Every legacy charset here
 * is ASCII-based with no '<' or '>' inside a multi-byte character, so this is safe on raw bytes.
 */
function textSample(bytes: Uint8Array): Uint8Array {
  const scan = bytes.subarray(0, DETECT_SCAN_BYTES);
  const out = new Uint8Array(Math.min(scan.length, DETECT_SAMPLE_BYTES));
  let n = 0;
  for (let i = 0; i < scan.length && n < out.length; ) {
    const b = scan[i]!;
    if (b === 0x3c) {
      if (startsWith(scan, i, CDATA_OPEN)) {
        i += CDATA_OPEN.length;
        continue;
      }
      const close = scan.subarray(i, i + MAX_TAG_BYTES).indexOf(0x3e);
      if (close > 0) {
        i += close + 1;
        if (n > 0 && out[n - 1] !== 0x0a) out[n++] = 0x0a;
        continue;
      }
    } else if (b === 0x5d && startsWith(scan, i, CDATA_CLOSE)) {
      i += CDATA_CLOSE.length;
      continue;
    }
    out[n++] = b;
    i++;
  }
  return out.subarray(0, n);
}

const CDATA_OPEN = Buffer.from('<![CDATA[', 'latin1');
const CDATA_CLOSE = Buffer.from(']]>', 'latin1');

function startsWith(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  if (at + prefix.length > bytes.length) return false;
  for (let k = 0; k < prefix.length; k++) if (bytes[at + k] !== prefix[k]) return false;
  return true;
}

/** Valid multi-byte UTF-8 sequences and invalid bytes, in one pass. */
export function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
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

export function countReplacements(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\uFFFD'); i >= 0; i = s.indexOf('\uFFFD', i + 1)) n++;
  return n;
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
