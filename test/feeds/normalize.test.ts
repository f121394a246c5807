import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { feedUrlKey, itemKeys, normalizeTitle, normalizeUrl } from '../../src/feeds/normalize';

describe('normalizeUrl', () => {
  it.each([
    ['https://Example.COM/a/b/?utm_source=x&utm_medium=y#top', 'example.com/a/b'],
    ['http://example.com/a/b', 'example.com/a/b'],
    ['https://example.com/', 'example.com'],
    ['https://example.com:443/x?b=2&a=1&fbclid=zz', 'example.com/x?a=1&b=2'],
    ['https://example.com:8080/x', 'example.com:8080/x'],
    ['https://example.com/Case/Path', 'example.com/Case/Path'],
    ['ftp://example.com/x', undefined],
    ['not a url', undefined],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeUrl(raw)).toBe(expected);
  });
});

describe('normalizeTitle', () => {
  it.each([
    ['  Council Extends the “Harbour” Tram-Line! ', 'council extends the harbour tram line'],
    ['Don’t panic', 'dont panic'],
    ['Ｆｕｌｌｗｉｄｔｈ', 'fullwidth'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeTitle(raw)).toBe(expected);
  });
});

describe('itemKeys', () => {
  it('GIVEN guid, url and a long title THEN three keys with kind prefixes', () => {
    const keys = itemKeys({ guid: 'a', url: 'https://x.example/a', title: 'A title long enough', publishedAt: '2024-03-05T09:30:00.000Z' });
    expect(keys.map((k) => k.slice(0, 2))).toEqual(['g:', 'u:', 't:']);
  });

  it('GIVEN a short generic title and no text THEN no key', () => {
    expect(itemKeys({ title: 'Update' })).toEqual([]);
  });

  it('GIVEN no guid, link or usable title THEN one text key, the same for the same text however it is marked up', () => {
    const a = itemKeys({ title: 'Update', summaryHtml: '<p>The ferry timetable is <b>online</b>.</p>' });
    const b = itemKeys({ title: 'The ferry timetable is online', untitled: true, summaryHtml: 'The  ferry timetable is online!' });
    expect(a).toHaveLength(1);
    expect(a[0]!.slice(0, 2)).toBe('c:');
    expect(b).toEqual(a);
    expect(itemKeys({ title: 'x', untitled: true, contentHtml: '<p>Another text</p>', summaryHtml: 'The ferry timetable is online' })).not.toEqual(a);
  });

  it('GIVEN an item with a guid, link or long title THEN no text key (its keys are as before)', () => {
    expect(itemKeys({ guid: 'a', title: 'x', summaryHtml: 'Some text' }).map((k) => k.slice(0, 2))).toEqual(['g:']);
    expect(itemKeys({ title: 'A title long enough', summaryHtml: 'Some text' }).map((k) => k.slice(0, 2))).toEqual(['t:']);
  });

  it('GIVEN a title made of the first words THEN it is no title key', () => {
    expect(itemKeys({ title: 'The ferry timetable is online', untitled: true }).map((k) => k.slice(0, 2))).toEqual([]);
  });

  it('GIVEN the same URL with tracking parameters and another guid THEN the URL keys match', () => {
    const a = itemKeys({ guid: '1', url: 'https://x.example/a?utm_source=rss', title: 'x' });
    const b = itemKeys({ guid: '2', url: 'https://X.example/a/#frag', title: 'x' });
    expect(a[1]).toBe(b[1]);
    expect(a[0]).not.toBe(b[0]);
  });

  it('GIVEN the same title on two different days THEN the title keys differ (a recurring column is not a duplicate)', () => {
    const a = itemKeys({ title: 'The morning briefing', publishedAt: '2024-03-05T06:00:00.000Z' });
    const b = itemKeys({ title: 'The morning briefing', publishedAt: '2024-03-06T06:00:00.000Z' });
    expect(a[0]).not.toBe(b[0]);
  });
});

describe('feedUrlKey', () => {
  it('keeps path and query, lowercases the host and drops the fragment', () => {
    expect(feedUrlKey('https://Example.com/Feed.xml?Cat=A#x')).toBe('https://example.com/Feed.xml?Cat=A');
    expect(feedUrlKey('file:///etc/passwd')).toBeUndefined();
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      feedUrlKey(s);
      normalizeUrl(s);
      normalizeTitle(s);
    }));
  });
});
