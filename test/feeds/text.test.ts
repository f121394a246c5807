import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeEntities, htmlToPlainText } from '../../src/feeds/text';

describe('decodeEntities', () => {
  it.each([
    ['A &amp; B', 'A & B'],
    ['&#8217;quoted&#x2019;', '\u2019quoted\u2019'],
    ['&hellip;', '\u2026'],
    ['&unknown; stays', '&unknown; stays'],
    ['&#0; is replaced', '\ufffd is replaced'],
    ['lonely & ampersand', 'lonely & ampersand'],
  ])('%s -> %s', (raw, expected) => {
    expect(decodeEntities(raw)).toBe(expected);
  });
});

describe('htmlToPlainText', () => {
  it.each([
    ['<p>One</p><p>Two &amp; three</p>', 'One Two & three'],
    ['<script>alert(1)</script>Text<style>p{}</style>', 'Text'],
    ['Unclosed <b', 'Unclosed'],
    ['  spaced\n\n out  ', 'spaced out'],
  ])('%s -> %s', (raw, expected) => {
    expect(htmlToPlainText(raw)).toBe(expected);
  });

  it('stays linear on pathological input (many unclosed tags)', () => {
    const s = '<a'.repeat(200_000);
    expect(htmlToPlainText(s)).toBe('');
    fc.assert(fc.property(fc.string(), (x) => typeof htmlToPlainText(x) === 'string'));
  });
});
