import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId } from '../../src/core/custom-id';
import { embedLength, fitReply, LIMITS, truncate } from '../../src/core/limits';
import { pageButtons, pageFromArg, paginateBlocks } from '../../src/core/paging';
import { md, trustedMarkdown } from '../../src/core/markdown';
import type { Reply } from '../../src/core/reply';

describe('truncate', () => {
  it.each([
    ['short', 10, 'short'],
    ['the quick brown fox jumps', 12, 'the quick…'],
    ['abcdefghijklmnop', 8, 'abcdefg…'],
  ])('truncate(%j, %i) = %j', (text, max, out) => expect(truncate(text, max)).toBe(out));
});

describe('fitReply', () => {
  it('GIVEN an oversized reply THEN every limit holds and cuts are marked with …', () => {
    const big = trustedMarkdown('word '.repeat(3000));
    const reply: Reply = {
      content: big,
      embeds: Array.from({ length: 12 }, () => ({ title: big, description: big, footer: big, fields: Array.from({ length: 30 }, () => ({ name: big, value: big })) })),
      buttons: Array.from({ length: 7 }, () => Array.from({ length: 7 }, (_, k) => ({ customId: `b${k}`, label: big }))),
    };
    const out = fitReply(reply);
    expect(out.content!.length).toBeLessThanOrEqual(LIMITS.content);
    expect(out.content!.length).toBeGreaterThan(LIMITS.content - 10);
    expect(out.content!.endsWith('…')).toBe(true);
    expect(out.embeds!.length).toBeLessThanOrEqual(10);
    expect(out.embeds!.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    expect(out.embeds![0]!.title!.length).toBeLessThanOrEqual(256);
    expect(out.buttons!.length).toBe(5);
    expect(out.buttons!.every((r) => r.length === 5 && r.every((b) => b.label.length <= 80))).toBe(true);
  });

  it('GIVEN a reply that fits THEN it is unchanged', () => {
    const r: Reply = { content: md`hi`, embeds: [{ title: md`t`, description: md`d`, fields: [{ name: md`n`, value: md`v`, inline: true }] }], buttons: [[{ customId: 'x', label: 'X' }]] };
    expect(fitReply(r)).toEqual(r);
  });

  it('GIVEN any reply (property) THEN the 6000 total and per-field limits hold', () => {
    const text = fc.string({ maxLength: 5000 }).map(trustedMarkdown);
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: text, description: text, fields: fc.array(fc.record({ name: text, value: text }), { maxLength: 30 }) }), { maxLength: 12 }),
        (embeds) => {
          const out = fitReply({ embeds });
          expect(out.embeds!.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
          for (const e of out.embeds!) {
            expect(e.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
            for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('custom ids and paging', () => {
  it('GIVEN state parts THEN they round-trip; ":" in a part or over 100 chars is refused', () => {
    expect(decodeCustomId(encodeCustomId('alist', '123', 4))).toEqual({ prefix: 'alist', args: ['123', '4'] });
    expect(() => encodeCustomId('p', 'a:b')).toThrow(/may not contain/);
    expect(() => encodeCustomId('p', 'x'.repeat(100))).toThrow(/longer than 100/);
  });

  it('GIVEN page 0 of 3 THEN Previous is disabled and Next targets page 1; one page THEN no buttons', () => {
    expect(pageButtons('alist', ['g'], 0, 3)).toEqual([
      { customId: 'alist:g:0', label: '◀ Previous', style: 'secondary', disabled: true },
      { customId: 'alist:g:1', label: 'Next ▶', style: 'secondary', disabled: false },
    ]);
    expect(pageButtons('alist', ['g'], 2, 3)?.map((b) => 'customId' in b && b.customId)).toEqual(['alist:g:1', 'alist:g:2']);
    expect(pageButtons('alist', ['g'], 0, 1)).toBeUndefined();
  });

  it.each([
    ['3', 10, 3],
    ['99', 10, 9],
    ['-1', 10, 0],
    ['abc', 10, 0],
    [undefined, 10, 0],
  ])('pageFromArg(%j, %i) = %i', (arg, count, page) => expect(pageFromArg(arg, count)).toBe(page));

  it('GIVEN blocks THEN pages respect the character and item budgets, and an oversized block is cut not lost', () => {
    expect(paginateBlocks(['aaaa', 'bbbb', 'cccc'], { maxChars: 9 })).toEqual([['aaaa', 'bbbb'], ['cccc']]);
    expect(paginateBlocks(['a', 'b', 'c'], { maxItems: 2 })).toEqual([['a', 'b'], ['c']]);
    expect(paginateBlocks(['x'.repeat(20)], { maxChars: 10 })).toEqual([[`${'x'.repeat(9)}…`]]);
  });
});
