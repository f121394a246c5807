import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeEntities, firstWords, htmlToPlainText } from '../../src/feeds/text';

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

describe('decodeEntities on many bare ampersands', () => {
  it.each([400_000, 1_600_000])('keeps %i "&" with no ";" after them verbatim, in bounded time', (n) => {
    const s = '&'.repeat(n);
    const t = performance.now();
    expect(decodeEntities(s)).toBe(s);
    // Safety net only (linear: ~0.1 s and ~0.3 s); the old per-'&' search took ~2 s and ~30 s.
    expect(performance.now() - t).toBeLessThan(4_000);
  });

  it('still decodes entities that follow a long run of bare "&" and a far-away ";"', () => {
    const s = `${'&'.repeat(100_000)}&amp;x&${'a'.repeat(20)};&#65;`;
    expect(decodeEntities(s)).toBe(`${'&'.repeat(100_000)}&x&${'a'.repeat(20)};A`);
  });

  it('decodes like a fresh search for each "&" on random mixes of "&", ";" and entity names', () => {
    const naive = (x: string): string => {
      let out = '';
      let i = 0;
      while (i < x.length) {
        const amp = x.indexOf('&', i);
        if (amp === -1) break;
        out += x.slice(i, amp);
        const semi = x.indexOf(';', amp + 1);
        const name = semi === -1 || semi - amp - 1 > 10 ? undefined : x.slice(amp + 1, semi);
        const known: Record<string, string> = { amp: '&', lt: '<', '#65': 'A' };
        const d = name === undefined ? undefined : known[name];
        if (d === undefined) { out += '&'; i = amp + 1; } else { out += d; i = semi + 1; }
      }
      return out + x.slice(i);
    };
    const piece = fc.constantFrom('&', ';', 'amp', 'lt', '#65', 'x', ' ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const x = parts.join('');
      expect(decodeEntities(x)).toBe(naive(x));
    }));
  });
});

describe('firstWords', () => {
  it.each([
    ['Short note.', 'Short note.'],
    ['  spaced\n out  ', 'spaced out'],
    [`${'word '.repeat(30)}`, `${'word '.repeat(16).trim()}\u2026`],
    ['The harbour master says the north basin will be dredged in April, so moorings there move.', 'The harbour master says the north basin will be dredged in April, so moorings\u2026'],
    [`${'x'.repeat(74)}, wordslong more`, `${'x'.repeat(74)}\u2026`],
    ['x'.repeat(100), `${'x'.repeat(79)}\u2026`],
    [`${'x'.repeat(78)}\u{1F600}tail and more`, `${'x'.repeat(78)}\u2026`],
  ])('%s -> %s', (raw, expected) => {
    const out = firstWords(raw);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(80);
  });
});
