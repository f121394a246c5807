/**
 * Reading a response body under a byte cap, decompressing gzip/deflate/br on the way. The cap counts
 * **decompressed** bytes, so a small zip bomb is stopped as soon as it inflates past the limit, and the
 * stream is destroyed at once (no reading the rest "to drain").
 */
import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';

/** Content-Encodings we ask for and decode, with the decoder to use. */
const DECODERS: Readonly<Record<string, ((firstChunk: Buffer) => Transform) | null>> = {
  '': null,
  identity: null,
  gzip: () => createGunzip(),
  'x-gzip': () => createGunzip(),
  // "deflate" is meant to be zlib-wrapped (RFC 9110) but some servers send raw deflate: check the header.
  deflate: (first) => (looksZlibWrapped(first) ? createInflate() : createInflateRaw()),
  br: () => createBrotliDecompress(),
};

/** The Accept-Encoding header matching DECODERS. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

export function isSupportedEncoding(encoding: string): boolean {
  return Object.hasOwn(DECODERS, encoding);
}

function looksZlibWrapped(b: Buffer): boolean {
  return b.length >= 2 && (b[0]! & 0x0f) === 8 && ((b[0]! << 8) | b[1]!) % 31 === 0;
}

export type BodyFailure = { kind: 'too-large'; bytes: number } | { kind: 'corrupt'; cause: unknown } | { kind: 'network'; cause: unknown };

/**
 * Collect the body. Resolves with the decoded bytes, or rejects with a BodyFailure. `abort` lets the
 * caller (the timeout) stop it; the response is destroyed in every failure path.
 */
export function readBody(res: IncomingMessage, encoding: string, maxBytes: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const makeDecoder = DECODERS[encoding] ?? null;
    const chunks: Buffer[] = [];
    let total = 0;
    let rawTotal = 0;
    let decoder: Transform | undefined;
    let settled = false;

    const fail = (failure: BodyFailure) => {
      if (settled) return;
      settled = true;
      decoder?.destroy();
      res.destroy();
      reject(failure);
    };
    const accept = (chunk: Buffer) => {
      if (settled) return;
      total += chunk.length;
      if (total > maxBytes) return fail({ kind: 'too-large', bytes: total });
      chunks.push(chunk);
    };
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, total));
    };

    res.on('data', (chunk: Buffer) => {
      if (settled) return;
      rawTotal += chunk.length;
      // The compressed stream can never legitimately be larger than the cap either.
      if (rawTotal > maxBytes) return fail({ kind: 'too-large', bytes: rawTotal });
      if (!makeDecoder) return accept(chunk);
      if (!decoder) {
        decoder = makeDecoder(chunk);
        decoder.on('data', accept);
        decoder.on('error', (cause: Error) => fail({ kind: 'corrupt', cause }));
        decoder.on('end', finish);
      }
      decoder.write(chunk);
    });
    res.on('end', () => {
      if (!makeDecoder) return finish();
      if (decoder) decoder.end();
      else finish(); // empty body
    });
    res.on('aborted', () => fail({ kind: 'network', cause: new Error('the connection closed before the body was complete') }));
    res.on('error', (cause) => fail({ kind: 'network', cause }));
  });
}
