/**
 * The lines of a byte stream, holding at most one line's allowance in memory: a line that grows
 * past it is dropped as it streams by (only its length is counted) and reported once its newline
 * arrives, so a 600 MB line costs a scan, not 600 MB. readline, by contrast, builds the whole line
 * as a string before anyone can look at its length.
 */

export type BoundedLine =
  | { readonly kind: 'line'; readonly text: string }
  /** A line longer than the allowance, skipped unkept; `bytes` is how long it was. */
  | { readonly kind: 'too-long'; readonly bytes: number };

/** UTF-8 spends at most 3 bytes on one UTF-16 code unit (4 on a surrogate pair, which is 2 units). */
const MAX_UTF8_BYTES_PER_CHAR = 3;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Split `input` into lines (`\n` or `\r\n`; a last line without a newline counts) of at most
 * `maxChars` characters, decoded as UTF-8. Longer lines come out as `too-long` events. Reads the
 * input only as fast as the caller takes lines.
 */
export async function* boundedLines(input: AsyncIterable<Buffer | string>, maxChars: number): AsyncGenerator<BoundedLine> {
  // Bytes are kept until the line is complete, then decoded once: a character split across two
  // chunks is whole again by then, and '\n' never occurs inside a multi-byte UTF-8 character.
  const maxBytes = maxChars * MAX_UTF8_BYTES_PER_CHAR;
  let parts: Buffer[] = [];
  let length = 0;
  let skipping = false;
  const finish = (): BoundedLine => {
    const event = skipping ? { kind: 'too-long' as const, bytes: length } : decode(Buffer.concat(parts, length), maxChars);
    parts = [];
    length = 0;
    skipping = false;
    return event;
  };
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    while (start < buf.length) {
      const newline = buf.indexOf(NEWLINE, start);
      const end = newline === -1 ? buf.length : newline;
      length += end - start;
      if (!skipping && length > maxBytes) {
        skipping = true;
        parts = [];
      }
      // A copy, so that a short piece does not keep its whole chunk alive.
      if (!skipping && end > start) parts.push(Buffer.from(buf.subarray(start, end)));
      if (newline === -1) break;
      yield finish();
      start = newline + 1;
    }
  }
  if (length > 0 || skipping) yield finish();
}

function decode(bytes: Buffer, maxChars: number): BoundedLine {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN ? bytes.length - 1 : bytes.length;
  const text = bytes.toString('utf8', 0, end);
  return text.length > maxChars ? { kind: 'too-long', bytes: bytes.length } : { kind: 'line', text };
}
