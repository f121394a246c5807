import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feeds/errors';
import { parseFeedDocument } from '../../src/feeds/parse';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const FEED_URL = 'https://gazette.example/feed';

describe('parseFeedDocument', () => {
  it('GIVEN RSS 2.0 THEN guid, absolute link, decoded title, ISO date, dc:creator and content:encoded come out', () => {
    const feed = parseFeedDocument(fixture('rss.xml'), FEED_URL);
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Harbour Gazette');
    expect(feed.siteUrl).toBe('https://gazette.example/');
    expect(feed.items).toHaveLength(2);
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      guid: 'gazette-1001',
      url: 'https://gazette.example/news/tram-line?utm_source=rss&utm_medium=feed',
      title: 'Council extends the harbour tram line',
      publishedAt: '2024-03-05T09:30:00.000Z',
      author: 'Lena Park',
      summaryHtml: 'The council voted to extend the tram line by four stations…',
    });
    expect(first!.contentHtml!.startsWith('<p>The city council voted on Tuesday')).toBe(true);
    // A relative link is resolved against the feed's URL; the escaped HTML description comes back as HTML.
    expect(second).toEqual({
      guid: 'gazette-1000',
      url: 'https://gazette.example/news/library-sundays',
      title: 'Library opens on Sundays & holidays',
      publishedAt: '2024-03-04T08:00:00.000Z',
      summaryHtml: '<p>The central library will open on Sundays from April.</p>',
    });
  });

  it('GIVEN Atom THEN type="html" titles are decoded, type="text" ones kept verbatim, and the alternate link is used', () => {
    const feed = parseFeedDocument(fixture('atom.xml'), FEED_URL);
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Harbour Gazette (Atom)');
    expect(feed.siteUrl).toBe('https://gazette.example/');
    expect(feed.items[0]).toMatchObject({
      guid: 'tag:gazette.example,2024:1001',
      url: 'https://gazette.example/news/tram-line',
      title: 'Council extends the harbour tram line & depot',
      publishedAt: '2024-03-05T09:30:00.000Z',
      author: 'Lena Park',
      summaryHtml: 'The council voted to extend the tram line.',
    });
    expect(feed.items[0]!.contentHtml!.startsWith('<p>The city council')).toBe(true);
    expect(feed.items[1]).toEqual({
      guid: 'tag:gazette.example,2024:1002',
      url: 'https://gazette.example/news/plain',
      title: 'Plain <b> title',
      publishedAt: '2024-03-04T10:00:00.000Z',
      summaryHtml: 'Short &lt;not a tag&gt; teaser.',
    });
  });

  it('GIVEN RDF (RSS 1.0) THEN rdf:about is the guid and dc:date the date', () => {
    const feed = parseFeedDocument(fixture('rdf.xml'), FEED_URL);
    expect(feed.format).toBe('rdf');
    expect(feed.items).toEqual([
      {
        guid: 'https://gazette.example/news/ferry',
        url: 'https://gazette.example/news/ferry',
        title: 'Night ferry returns for the summer',
        publishedAt: '2024-03-03T07:00:00.000Z',
        author: 'Sam Ode',
        summaryHtml: 'The night ferry to the islands returns in June.',
      },
    ]);
  });

  it('GIVEN JSON Feed THEN numeric ids become strings and content_text becomes escaped HTML paragraphs', () => {
    const feed = parseFeedDocument(fixture('feed.json'), FEED_URL);
    expect(feed.format).toBe('json');
    expect(feed.title).toBe('Harbour Gazette (JSON)');
    expect(feed.items[1]).toEqual({
      guid: '1002',
      url: 'https://gazette.example/news/text-only',
      title: 'A text-only item',
      publishedAt: '2024-03-04T09:30:00.000Z',
      contentHtml: '<p>First paragraph.</p>\n<p>Second &lt;paragraph&gt;.</p>',
    });
  });

  it.each([
    ['malformed.xml', 'FEED_MALFORMED'],
    ['bomb.xml', 'FEED_XML_ENTITIES'],
  ])('GIVEN %s THEN FeedError %s', (name, code) => {
    expect(() => parseFeedDocument(fixture(name), FEED_URL)).toThrow(FeedError);
    try {
      parseFeedDocument(fixture(name), FEED_URL);
    } catch (err) {
      expect((err as FeedError).code).toBe(code);
      expect((err as FeedError).url).toBe(FEED_URL);
    }
  });

  it.each([
    ['an HTML page', '<!doctype html><html><body><p>Hello</p></body></html>', 'FEED_UNRECOGNIZED'],
    ['an unrelated JSON object', '{"hello": "world"}', 'FEED_UNRECOGNIZED'],
    ['empty text', '', 'FEED_UNRECOGNIZED'],
  ])('GIVEN %s THEN %s', (_label, doc, code) => {
    expect(() => parseFeedDocument(doc)).toThrow(expect.objectContaining({ code }));
  });

  it('GIVEN a javascript: link THEN the item has no url', () => {
    const doc = '<rss version="2.0"><channel><title>x</title><item><title>Evil link item</title><link>javascript:alert(1)</link><guid>e</guid></item></channel></rss>';
    expect(parseFeedDocument(doc, FEED_URL).items[0]).toEqual({ guid: 'e', title: 'Evil link item' });
  });

  it('GIVEN 50,000 nested elements in an item THEN parsing finishes (bounded) without a stack overflow', () => {
    const depth = 50_000;
    const doc = `<rss version="2.0"><channel><title>deep</title><item><title>Deep</title><guid>d</guid><description>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</description></item></channel></rss>`;
    // description is a stop node in feedsmith: the nested markup is kept as raw HTML, not recursed into.
    const feed = parseFeedDocument(doc, FEED_URL);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.summaryHtml!.length).toBe(depth * 7);
  });
});
