/**
 * boundedLines: the console's piped input, split into lines without ever holding more than one
 * line's allowance. Exact events for the edge cases (chunk boundaries inside a character, CRLF,
 * a last line without newline, exactly at the limit), and a hostile line whose cost in memory
 * does not grow with its length.
 */
import { describe, expect, it } from 'vitest';
import { boundedLines, type BoundedLine } from '../../src/cli/bounded-lines';

async function collect(chunks: Iterable<Buffer | string> | AsyncIterable<Buffer | string>, maxChars: number): Promise<BoundedLine[]> {
  const out: BoundedLine[] = [];
  for await (const e of boundedLines(chunks as AsyncIterable<Buffer | string>, maxChars)) out.push(e);
  return out;
}

const line = (text: string): BoundedLine => ({ kind: 'line', text });
const tooLong = (bytes: number): BoundedLine => ({ kind: 'too-long', bytes });

describe('boundedLines', () => {
  it.each<[string, Array<Buffer | string>, number, BoundedLine[]]>([
    ['plain lines and a last one without newline', ['/a\n/b\n/c'], 10, [line('/a'), line('/b'), line('/c')]],
    ['CRLF endings and an empty line', ['/a\r\n\r\n/b\r\n'], 10, [line('/a'), line(''), line('/b')]],
    ['a line split across chunks', ['/art', 'icle li', 'st\n'], 20, [line('/article list')]],
    ['a three-byte character split across chunks', [Buffer.from([0x61, 0xe2, 0x82]), Buffer.from([0xac, 0x0a])], 5, [line('a€')]],
    ['exactly the limit', ['abcde\n'], 5, [line('abcde')]],
    ['one over the limit, then a good line', ['abcdef\n/ok\n'], 5, [tooLong(6), line('/ok')]],
    ['multi-byte characters: the limit counts characters, not bytes', ['€€€€€\n€€€€€€\n'], 5, [line('€€€€€'), tooLong(18)]],
    ['a long line spread over many chunks, then a good one', [...Array.from({ length: 10 }, () => 'x'.repeat(7)), '\n/ok\n'], 5, [tooLong(70), line('/ok')]],
    ['an over-long last line without newline', ['/ok\n', 'y'.repeat(40)], 5, [line('/ok'), tooLong(40)]],
  ])('GIVEN %s THEN exact events', async (_name, chunks, max, expected) => {
    expect(await collect(chunks, max)).toEqual(expected);
  });

  it('GIVEN a 64 MB line in 64 KB chunks THEN refused, the next line read, and memory does not follow the line', async () => {
    const CHUNK = 64 * 1024;
    let peakHeld = 0;
    async function* hostile(megabytes: number): AsyncGenerator<Buffer> {
      const chunk = Buffer.alloc(CHUNK, 0x61);
      for (let sent = 0; sent < megabytes * 1024 * 1024; sent += CHUNK) {
        // What the process holds besides the chunk it was just given.
        peakHeld = Math.max(peakHeld, process.memoryUsage().arrayBuffers);
        yield chunk;
      }
      yield Buffer.from('\n/article list\n');
    }
    const small = await collect(hostile(4), 20_000);
    const heldSmall = peakHeld;
    peakHeld = 0;
    const big = await collect(hostile(64), 20_000);
    expect(small).toEqual([tooLong(4 * 1024 * 1024), line('/article list')]);
    expect(big).toEqual([tooLong(64 * 1024 * 1024), line('/article list')]);
    // Sixteen times the input, and the buffers held grow by less than one megabyte.
    expect(peakHeld - heldSmall).toBeLessThan(1024 * 1024);
  });
});
