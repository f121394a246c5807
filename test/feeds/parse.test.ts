import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feeds/errors';
import { parseFeedDocument } from '../../src/feeds/parse';
import { cpuClock } from '../support/cpu-clock';

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

  describe('forgiving where feed readers forgive', () => {
    const HEAD = '<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><link>https://gazette.example/</link>';
    const item = (n: number) => `<item><title>Story number ${n}</title><link>/news/${n}</link><guid isPermaLink="false">s${n}</guid><pubDate>Tue, 05 Mar 2024 0${n}:00:00 GMT</pubDate><description>Body ${n}.</description></item>`;
    const whole = (n: number) => ({ guid: `s${n}`, url: `https://gazette.example/news/${n}`, title: `Story number ${n}`, publishedAt: `2024-03-05T0${n}:00:00.000Z`, summaryHtml: `Body ${n}.` });

    it('GIVEN a feed cut off mid-item THEN its complete items, and the cut item with its whole fields only, marked truncated', () => {
      const feed = parseFeedDocument(`${HEAD}${item(1)}${item(2)}<item><title>Story number 3</title><link>/news/3</link><description>Bo`, FEED_URL);
      expect(feed).toEqual({
        format: 'rss',
        title: 'Cut',
        siteUrl: 'https://gazette.example/',
        truncated: true,
        items: [whole(1), whole(2), { url: 'https://gazette.example/news/3', title: 'Story number 3' }],
      });
    });

    it.each([
      ['only a description', '<item><description>A body and nothing else</description><pubDate>Tu'],
      ['only a guid that is no permalink', '<item><guid isPermaLink="false">s3</guid><title>Story'],
    ])('GIVEN the cut item has %s THEN it is left out', (_label, tail) => {
      const feed = parseFeedDocument(`${HEAD}${item(1)}${tail}`, FEED_URL);
      expect(feed.items).toEqual([whole(1)]);
      expect(feed.truncated).toBe(true);
    });

    it('GIVEN a comment after the root THEN the feed is whole; markup after the root is left out, and the items kept', () => {
      const doc = `${HEAD}${item(1)}</channel></rss>`;
      expect(parseFeedDocument(`${doc}\n<!-- served from cache in 3 ms -->\n`, FEED_URL)).toEqual({ format: 'rss', title: 'Cut', siteUrl: 'https://gazette.example/', items: [whole(1)] });
      expect(parseFeedDocument(`${doc}\n<script>track()</script>`, FEED_URL)).toEqual({ format: 'rss', title: 'Cut', siteUrl: 'https://gazette.example/', items: [whole(1)], truncated: true });
    });

    it('GIVEN a feed cut after its channel head, before any item THEN FEED_MALFORMED (not an empty feed)', () => {
      expect(() => parseFeedDocument(`${HEAD}\n`, FEED_URL)).toThrow(expect.objectContaining({ code: 'FEED_MALFORMED' }));
    });

    it('GIVEN a cut item with only a link THEN it is kept, titled by nothing but its link', () => {
      expect(parseFeedDocument(`${HEAD}<item><link>https://gazette.example/news/9</link><title>Sto`, FEED_URL).items).toEqual([{ url: 'https://gazette.example/news/9', title: '' }]);
    });

    it.each([
      ['a feed cut before any item is whole', `${HEAD}<item><title>Sto`, 'FEED_MALFORMED'],
      ['a feed broken in its first item', `${HEAD}<item><title>Story</link></item>${item(2)}</channel></rss>`, 'FEED_MALFORMED'],
      ['a JSON Feed cut off', '{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","title":"A"', 'FEED_MALFORMED'],
      ['a JSON array', '[{"id":"1"}]', 'FEED_UNRECOGNIZED'],
      ['an unrelated XML document', '<?xml version="1.0"?><config><port>80</port></config>', 'FEED_UNRECOGNIZED'],
      ['an rss element without a channel', '<rss version="2.0"></rss>', 'FEED_UNRECOGNIZED'],
      ['an XHTML page', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Home</title></head><body><p>Hi</p></body></html>', 'FEED_UNRECOGNIZED'],
    ])('GIVEN %s THEN %s', (_label, doc, code) => {
      expect(() => parseFeedDocument(doc, FEED_URL)).toThrow(expect.objectContaining({ code, url: FEED_URL }));
    });

    it('GIVEN a standalone Atom entry THEN a feed of that one item', () => {
      const doc = '<?xml version="1.0"?>\n<!-- one entry -->\n<entry xmlns="http://www.w3.org/2005/Atom"><id>tag:x,2024:1</id><title type="html">A &lt;em&gt;lone&lt;/em&gt; entry</title><link href="/lone"/><updated>2024-03-05T00:00:00Z</updated><summary>Just one.</summary></entry>';
      expect(parseFeedDocument(doc, FEED_URL)).toEqual({
        format: 'atom',
        title: '',
        items: [{ guid: 'tag:x,2024:1', url: 'https://gazette.example/lone', title: 'A lone entry', publishedAt: '2024-03-05T00:00:00.000Z', summaryHtml: 'Just one.' }],
      });
    });

    it('GIVEN items without a title THEN their first words are the title (clipped at a word, with …) and they are marked untitled', () => {
      const long = 'The harbour master says the north basin will be dredged in April, so moorings there move to the south quay.';
      const doc = `<rss version="0.92"><channel><title>N</title><item><description>&lt;p&gt;${long}&lt;/p&gt;</description></item><item><description>Short note.</description></item><item><title></title><link>https://gazette.example/x</link></item></channel></rss>`;
      expect(parseFeedDocument(doc, FEED_URL).items).toEqual([
        { title: 'The harbour master says the north basin will be dredged in April, so moorings…', untitled: true, summaryHtml: `<p>${long}</p>` },
        { title: 'Short note.', untitled: true, summaryHtml: 'Short note.' },
        // No title and no text: nothing to take words from (the link identifies it).
        { url: 'https://gazette.example/x', title: '' },
      ]);
    });

    it('GIVEN guids without links THEN a permalink guid (isPermaLink absent or true) that is an absolute http(s) URL is the URL', () => {
      const doc = `<rss version="2.0"><channel><title>G</title>
        <item><title>a</title><guid>https://gazette.example/a</guid></item>
        <item><title>b</title><guid isPermaLink="true">http://gazette.example/b</guid></item>
        <item><title>c</title><guid isPermaLink="false">https://gazette.example/c</guid></item>
        <item><title>d</title><guid>/relative/d</guid></item>
        <item><title>e</title><guid>javascript:alert(1)</guid></item>
        <item><title>f</title><link>https://gazette.example/f</link><guid>https://gazette.example/p/6</guid></item>
      </channel></rss>`;
      expect(parseFeedDocument(doc, FEED_URL).items.map((i) => i.url)).toEqual([
        'https://gazette.example/a', 'http://gazette.example/b', undefined, undefined, undefined, 'https://gazette.example/f',
      ]);
    });

    it('GIVEN Atom 0.3 escaped titles, and Atom 1.0 html titles THEN titles are plain text without tags', () => {
      const atom03 = '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title mode="escaped">My &lt;i&gt;log&lt;/i&gt;</title><entry><title mode="escaped" type="text/html">A &lt;b&gt;bold&lt;/b&gt; move</title><id>a</id><link rel="alternate" href="https://w.example/a"/><issued>2024-03-05T00:00:00Z</issued></entry><entry><title mode="escaped">Moorings &lt;em&gt;move&lt;/em&gt;</title><id>b</id></entry></feed>';
      const f = parseFeedDocument(atom03, FEED_URL);
      expect([f.title, ...f.items.map((i) => i.title)]).toEqual(['My log', 'A bold move', 'Moorings move']);
      const atom10 = '<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><id>x</id><title type="html">&lt;b&gt;Big&lt;/b&gt; news</title></entry><entry><id>y</id><title>Using &lt;b&gt; in HTML</title></entry></feed>';
      expect(parseFeedDocument(atom10, FEED_URL).items.map((i) => i.title)).toEqual(['Big news', 'Using <b> in HTML']);
    });

    it('GIVEN a Portuguese date and an unreadable one THEN the first is read and the second left out', () => {
      const doc = '<rss version="2.0"><channel><title>P</title><item><title>Um</title><guid>1</guid><pubDate>Seg, 24 Set 2018 10:00:00 -0300</pubDate></item><item><title>Dois</title><guid>2</guid><pubDate>ontem</pubDate></item></channel></rss>';
      expect(parseFeedDocument(doc, FEED_URL).items).toEqual([
        { guid: '1', title: 'Um', publishedAt: '2018-09-24T13:00:00.000Z' },
        { guid: '2', title: 'Dois' },
      ]);
    });

    it('GIVEN hostile truncated input (200,000 open elements after an item, 5 MB cut inside one item, 2 MB of "<") THEN bounded: the item is kept within a second', () => {
      const t0 = cpuClock();
      expect(parseFeedDocument(`${HEAD}${item(1)}${'<x>'.repeat(200_000)}`, FEED_URL).items).toEqual([whole(1)]);
      expect(parseFeedDocument(`${HEAD}${item(1)}<item><title>Big</title><description>${'y'.repeat(5_000_000)}`, FEED_URL).items).toEqual([whole(1), { title: 'Big' }]);
      expect(parseFeedDocument(`${HEAD}${item(1)}${'<'.repeat(2_000_000)}`, FEED_URL).items).toEqual([whole(1)]);
      expect(cpuClock() - t0).toBeLessThan(2000);
    });
  });
});
