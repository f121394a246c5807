import { describe, expect, it } from 'vitest';
import { chooseCharset, decodeBody, metaCharset, xmlDeclarationCharset } from '../../src/fetch/charset';
import { parseContentType } from '../../src/fetch';

describe('charset rules', () => {
  it('decodes every windows-1252 byte 0x80-0x9F as the WHATWG table says (Node 20 decodes them as Latin-1)', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const { text, charset } = decodeBody(bytes, { label: 'latin1', source: 'header', bomLength: 0 });
    expect(charset).toBe('windows-1252');
    expect(text).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ');
  });

  it.each([
    ['<meta charset="Shift_JIS">', 'shift_jis'],
    ["<meta charset='iso-8859-2' />", 'iso-8859-2'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', 'windows-1251'],
    ['<meta name="viewport" content="width=device-width">', undefined],
  ])('metaCharset(%j) -> %s', (head, expected) => {
    expect(metaCharset(head)).toBe(expected);
  });

  it('reads the XML declaration encoding', () => {
    expect(xmlDeclarationCharset('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>')).toBe('iso-8859-1');
    expect(xmlDeclarationCharset('<rss/>')).toBeUndefined();
  });

  it('prefers BOM, then header, then meta, then default', () => {
    const html = new TextEncoder().encode('<meta charset="gbk"><p>x</p>');
    expect(chooseCharset(html, 'utf-8', { html: true, xml: false }).source).toBe('header');
    expect(chooseCharset(html, undefined, { html: true, xml: false })).toEqual({ label: 'gbk', source: 'meta', bomLength: 0 });
    expect(chooseCharset(html, undefined, { html: false, xml: false }).source).toBe('default');
    expect(chooseCharset(Uint8Array.from([0xff, 0xfe, 0x41, 0]), 'utf-8', { html: false, xml: false })).toEqual({ label: 'utf-16le', source: 'bom', bomLength: 2 });
  });

  it.each([
    ['text/html; charset="UTF-8"', { mediaType: 'text/html', charset: 'utf-8' }],
    ['Text/Plain;Charset=Shift_JIS', { mediaType: 'text/plain', charset: 'shift_jis' }],
    ['application/rss+xml', { mediaType: 'application/rss+xml' }],
    [undefined, { mediaType: '' }],
  ])('parseContentType(%j)', (header, expected) => {
    expect(parseContentType(header)).toEqual(expected);
  });
});
