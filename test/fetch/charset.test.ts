import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { UnknownCharsetError, chooseCharset, declaredCharsets, decodeBody, decodeText, detectLegacyCharset, metaCharset, xmlDeclarationCharset, type DecodeTextOptions } from '../../src/fetch/charset';
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

describe('decodeText: one rule for pages, files and feeds', () => {
  const RU = 'Городской совет утвердил бюджет на следующий год, а новый мост откроют в мае.';
  const ZH = '市议会批准明年预算，跨河新桥将于五月通车。';
  const FR = 'Le conseil a voté le budget « enfin », dit l’élu – après un long débat.';
  const page: DecodeTextOptions = { html: true, xml: false, unknownCharset: 'ignore' };
  const feed: DecodeTextOptions = { html: false, xml: true, unknownCharset: 'throw' };
  const utf8 = (s: string) => Buffer.from(s);

  it('orders declarations: a feed trusts its XML declaration before the header, a page its header before <meta>', () => {
    const xml = utf8('<?xml version="1.0" encoding="koi8-r"?><rss/>');
    expect(declaredCharsets(xml, 'utf-8', { html: false, xml: true }).map((c) => [c.label, c.source])).toEqual([['koi8-r', 'xml'], ['utf-8', 'header']]);
    const xhtml = utf8('<?xml version="1.0" encoding="big5"?><html><head><meta charset="gbk"></head></html>');
    expect(declaredCharsets(xhtml, 'shift_jis', { html: true, xml: false }).map((c) => [c.label, c.source])).toEqual([['shift_jis', 'header'], ['gbk', 'meta'], ['big5', 'xml']]);
    expect(chooseCharset(xml, 'utf-8', { html: false, xml: true })).toEqual({ label: 'koi8-r', source: 'xml', bomLength: 0 });
  });

  it.each<[string, string, string, Uint8Array, DecodeTextOptions, string]>([
    ['a UTF-8 byte-order mark under a windows-1252 header', 'utf-8', 'bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(RU)]), { ...page, headerCharset: 'windows-1252' }, RU],
    ['a declared UTF-8 that holds', 'utf-8', 'declared', utf8(RU), { ...page, headerCharset: 'utf-8' }, RU],
    ['UTF-8 under <meta charset=gb2312>', 'utf-8', 'utf-8', utf8(`<meta charset="gb2312"><p>${ZH}`), page, `<meta charset="gb2312"><p>${ZH}`],
    ['UTF-8 under a windows-1252 header', 'utf-8', 'utf-8', utf8(FR), { ...page, headerCharset: 'windows-1252' }, FR],
    ['ASCII under a windows-1252 header (nothing to overrule)', 'windows-1252', 'declared', utf8('plain words'), { ...page, headerCharset: 'windows-1252' }, 'plain words'],
    ['windows-1252 declared right', 'windows-1252', 'declared', iconv.encode(FR, 'windows-1252'), { ...page, headerCharset: 'windows-1252' }, FR],
    ['a header UTF-16LE without a mark (trusted: UTF-16 is not ASCII-based)', 'utf-16le', 'declared', Buffer.from('Да', 'utf16le'), { ...page, headerCharset: 'utf-16le' }, 'Да'],
    ['a <meta> that claims UTF-16 in an ASCII page (ignored)', 'utf-8', 'utf-8', utf8(`<meta charset="utf-16"><p>${RU}`), page, `<meta charset="utf-16"><p>${RU}`],
    ['an unknown label beside a known one (the known one)', 'koi8-r', 'declared', iconv.encode(`<?xml version="1.0" encoding="x-klingon"?><rss>${RU}</rss>`, 'koi8-r'), { ...feed, headerCharset: 'koi8-r' }, `<?xml version="1.0" encoding="x-klingon"?><rss>${RU}</rss>`],
    ['an unknown label on a page (the bytes decide)', 'windows-1251', 'detected', iconv.encode(RU, 'windows-1251'), { ...page, headerCharset: 'x-klingon' }, RU],
    ['a header that says UTF-8 over GBK bytes whose <meta> says gbk (the next declaration)', 'gbk', 'declared', iconv.encode(`<meta charset="gbk"><p>${ZH}`, 'gbk'), { ...page, headerCharset: 'utf-8' }, `<meta charset="gbk"><p>${ZH}`],
    ['undeclared KOI8-R', 'koi8-r', 'detected', iconv.encode(RU, 'koi8-r'), page, RU],
    ['KOI8-R under a header that says UTF-8', 'koi8-r', 'detected', iconv.encode(RU, 'koi8-r'), { ...feed, headerCharset: 'utf-8' }, RU],
    ['undeclared GB2312 whose text is all in CDATA', 'gb18030', 'detected', iconv.encode(`<rss><description><![CDATA[${ZH}]]></description></rss>`, 'gb2312'), feed, `<rss><description><![CDATA[${ZH}]]></description></rss>`],
    ['UTF-8 with one damaged byte', 'utf-8', 'damaged-utf-8', Buffer.concat([utf8(RU), Buffer.from([0xff])]), feed, `${RU}\uFFFD`],
    ['undeclared windows-1252 (the detector says Latin-1: the fallback)', 'windows-1252', 'fallback', iconv.encode(FR, 'windows-1252'), feed, FR],
  ])('GIVEN %s THEN %s by the %s rule', (_name, charset, route, bytes, opts, text) => {
    expect(decodeText(bytes, opts)).toEqual({ charset, route, text });
  });

  it('GIVEN an unknown label and nothing else declared in throw mode THEN UnknownCharsetError naming where it was declared', () => {
    expect(() => decodeText(utf8('<?xml version="1.0" encoding="x-klingon"?><rss/>'), feed)).toThrow(new UnknownCharsetError('x-klingon', 'xml'));
  });

  it('GIVEN high bytes that are noise THEN no charset is detected (GB18030 would decode them, the detector gives it under 50)', () => {
    const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => 0x80 + ((i * 7919) % 128)));
    expect(detectLegacyCharset(noise)).toBeUndefined();
    expect(decodeText(noise, feed).route).toBe('fallback');
  });

  it('GIVEN legacy text only after the first MiB THEN the detector does not look that far (its cost is bounded)', () => {
    const padding = Buffer.alloc(1024 * 1024, 0x61);
    expect(detectLegacyCharset(Buffer.concat([padding, iconv.encode(RU, 'koi8-r')]))).toBeUndefined();
    expect(detectLegacyCharset(Buffer.concat([iconv.encode(RU, 'koi8-r'), padding]))).toBe('koi8-r');
  });

  it('GIVEN the markup of a feed THEN the detector reads the text between tags (markup alone reads as Latin)', () => {
    const tags = '<item><link>https://riverside.example/news/2024/03/05/city-council-budget</link><category domain="https://riverside.example/tags">politics</category></item>'.repeat(20);
    expect(detectLegacyCharset(iconv.encode(`<rss>${tags}<title>${RU}</title></rss>`, 'koi8-r'))).toBe('koi8-r');
  });

  it.each([
    ['iso-8859-7', 'iso-8859-7', 'Το δημοτικό συμβούλιο ενέκρινε τον προϋπολογισμό του επόμενου έτους μετά από μακρά συζήτηση.'],
    ['windows-1253 (read as its ISO twin)', 'iso-8859-7', 'Η νέα γέφυρα πάνω από το ποτάμι θα ανοίξει τον Μάιο, λένε οι κάτοικοι.'],
    ['windows-1255 (read as its ISO twin)', 'iso-8859-8', 'מועצת העיר אישרה את התקציב לשנה הבאה לאחר דיון ארוך.'],
    ['windows-1256', 'windows-1256', 'وافق مجلس المدينة على ميزانية العام المقبل بعد نقاش طويل.'],
    ['iso-8859-5', 'iso-8859-5', 'Городской совет утвердил бюджет на следующий год после долгого обсуждения.'],
    ['windows-1251 (Ukrainian)', 'windows-1251', 'Міська рада затвердила бюджет на наступний рік після тривалого обговорення.'],
  ])('GIVEN undeclared %s text THEN the detector names %s and the text reads right', (label, read, text) => {
    const bytes = iconv.encode(text, label.split(' ')[0]!);
    expect(decodeText(bytes, feed)).toEqual({ charset: read, route: 'detected', text });
  });

  it.each([
    ['French', 'Le conseil municipal a approuvé le budget de l’année prochaine après un long débat; les élèves sont ravis.'],
    ['German', 'Der Stadtrat hat den Haushalt für das nächste Jahr genehmigt. Die Brücke über den Fluß öffnet im Mai; Größe zählt.'],
    ['Portuguese', 'A câmara aprovou o orçamento do próximo ano após um longo debate. A ponte sobre o rio será inaugurada em maio.'],
    ['Spanish', 'El ayuntamiento aprobó el presupuesto del año próximo tras un largo debate. ¿Qué pasará en mayo? Niños y señoras.'],
    ['Norwegian', 'Kommunestyret godkjente budsjettet for neste år etter en lang debatt. Brua over elva åpner i mai, sier økonomisjefen.'],
    ['German capitals', 'Ärger über Öffnungszeiten: Übergangslösung für Äpfel und Öl – ÄÖÜ äöü ß.'],
  ])('GIVEN undeclared windows-1252 %s THEN nothing is detected and the fallback reads it right', (_lang, text) => {
    const bytes = iconv.encode(text, 'windows-1252');
    expect(detectLegacyCharset(bytes)).toBeUndefined();
    expect(decodeText(bytes, page)).toEqual({ charset: 'windows-1252', route: 'fallback', text });
  });
});
