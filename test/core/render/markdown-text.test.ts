/**
 * Discord markdown in the console: styles read as text (plain) or as terminal styles (ANSI),
 * escaped characters shown as written, stars and underscores that style nothing left alone, and
 * hostile input bounded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineMarkdownToText, markdownToText } from '../../../src/core/render/markdown-text';
import { escapeMarkdown } from '../../../src/core/render/quotes';
import { cpuClock } from '../../support/cpu-clock';

const B = '\x1b[1m';
const I = '\x1b[3m';
const U = '\x1b[4m';
const S = '\x1b[9m';
const C = '\x1b[36m';
const R = '\x1b[0m';

describe('markdownToText (plain)', () => {
  it.each<[string, string, string]>([
    ['bold, italics, underline', '**Bold** and *italic* and _it_ and __under__', 'Bold and italic and it and under'],
    ['the unknown speaker label', '— *unknown speaker* · uncertain attribution', '— unknown speaker · uncertain attribution'],
    ['bold and italics at once', '***both***', 'both'],
    ['italics inside bold', '**bold *and italic* inside**', 'bold and italic inside'],
    ['bold inside italics', '*a **b** c*', 'a b c'],
    ['underscores inside words', 'snake_case_name and file_name_here', 'snake_case_name and file_name_here'],
    ['multiplication', '5 * 3 = 15 and 2 * 4', '5 * 3 = 15 and 2 * 4'],
    ['unclosed markers', 'a lone * star **unclosed __and _this', 'a lone * star **unclosed __and _this'],
    ['markers with nothing inside', '** **** _ _ * a *', '** **** _ _ * a *'],
    ['escaped characters', '\\*not italic\\* \\_nor\\_ \\`code\\` \\\\ \\|\\|x\\|\\|', '*not italic* _nor_ `code` \\ ||x||'],
    ['inline code (verbatim, backticks kept as the plain-text convention)', 'Use `/article list` or `**a\\*b**`', 'Use `/article list` or `**a\\*b**`'],
    ['strikethrough (kept: its meaning is lost without the line)', '~~gone~~ now', '~~gone~~ now'],
    ['spoilers', '||secret||', 'secret'],
    ['links', '[Ferry](https://x.test/a_b) and [**Bold** link](<https://y.test>)', 'Ferry <https://x.test/a_b> and Bold link <https://y.test>'],
    ['brackets that are not links', '[a] (b) [c](ftp://d)', '[a] (b) [c](ftp://d)'],
    ['angle tokens', '<t:0:R> <@123> <@!9> <#55> <:wave:123> <https://x.test> <not a tag>', '1970-01-01 00:00 UTC @123 @9 #55 :wave: <https://x.test> <not a tag>'],
    ['headers, subtext, quotes', '# Title\n-# small\n> **quoted**\n>\n\\# not a header', 'Title\nsmall\n> quoted\n>\n# not a header'],
    ['a multi-line quote', '>>> a\n*b*', '> a\n> b'],
    ['a code block', '```js\nconst *a* = 1;\n```\nafter *x*', 'const *a* = 1;\nafter x'],
    ['a one-line code block', '```one *line*```', 'one *line*'],
  ])('GIVEN %s THEN readable text', (_what, md, expected) => {
    expect(markdownToText(md)).toBe(expected);
  });
});

describe('markdownToText (ANSI)', () => {
  it.each<[string, string]>([
    ['**B** *i* __u__ ~~s~~ `c`', `${B}B${R} ${I}i${R} ${U}u${R} ${S}s${R} ${C}c${R}`],
    ['**bold *both* bold**', `${B}bold ${I}both${R}${B} bold${R}`],
    ['\\*literal\\* 5 * 3', '*literal* 5 * 3'],
  ])('GIVEN %j THEN terminal styles, no markers', (md, expected) => {
    expect(markdownToText(md, 'ansi')).toBe(expected);
  });
});

describe('properties', () => {
  it('GIVEN any text escaped by the Discord renderers THEN the console shows it exactly as written', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: fc.constantFrom('*', '_', '~', '`', '|', '\\', '#', '>', '-', ' ', '\n', 'a', 'b', '5') }), (s) => {
        expect(markdownToText(escapeMarkdown(s))).toBe(s);
        expect(markdownToText(escapeMarkdown(s), 'ansi')).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('GIVEN text without markdown characters THEN unchanged', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        const s = raw.replace(/[\\*_~`|<[#>-]/g, '');
        expect(markdownToText(s)).toBe(s);
      }),
    );
  });

  it('GIVEN any string THEN it renders without throwing, and plain output has no terminal codes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: fc.constantFrom('*', '_', '~', '`', '|', '\\', '[', ']', '(', ')', '<', '>', '#', '-', ':', 't', '@', 'h', ' ', '\n', 'x') }), (s) => {
        expect(markdownToText(s)).not.toContain('\x1b');
        expect(() => markdownToText(s, 'ansi')).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['stars', '*a '.repeat(40_000)],
    ['underscores', '_a '.repeat(40_000)],
    ['backtick runs of every length', Array.from({ length: 400 }, (_, i) => '`'.repeat(i + 1)).join(' x ')],
    ['open brackets', '[a]('.repeat(30_000)],
    ['angle brackets', '<https://'.repeat(15_000)],
    ['nested openers', '**'.repeat(20_000) + '*_~|'.repeat(20_000)],
  ])('GIVEN 80,000+ characters of %s THEN a linear pass (well under a second)', (_what, s) => {
    const t0 = cpuClock();
    inlineMarkdownToText(s);
    expect(cpuClock() - t0).toBeLessThan(1500);
  });
});
