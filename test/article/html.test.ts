import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractHtml, parseArticle } from '../../src/article';
import { cleanTitle } from '../../src/article/html/title';
import { measureHtml } from '../../src/article/html/measure';
import { decodeTextEntities } from '../../src/article/html/flat';
import { MAX_DOM_NODES } from '../../src/article/html/extract';
import { ArticleError } from '../../src/article/errors';
import { parseHTML } from 'linkedom';
import fc from 'fast-check';

const fixture = readFileSync(new URL('../fixtures/html/riverside-park.html', import.meta.url), 'utf8');

describe('HTML article extraction on a page with chrome', () => {
  const article = parseArticle({ content: fixture, source: 'riverside-park.html', url: 'https://valleycourier.example/news/riverside-park' });

  it('GIVEN nav, cookie banner, share bar, related links and a footer THEN only the body paragraphs remain', () => {
    expect(article.text.split('\n\n')).toEqual([
      'The city council voted 7-2 on Thursday night to turn the disused rail yard on the east bank into a public park, ending a debate that has divided the town since 2023.',
      '\u201CThis is the best use of that land for the next fifty years,\u201D said Mayor Ellen Park, who cast the deciding vote on the budget amendment.',
      'Opponents, led by councillor David Okafor, had argued that the site should be sold to developers to fund road repairs. "We are choosing grass over potholes," Okafor said after the vote.',
      'The park is expected to cost $4.2 million and to open in the spring of 2027. Construction will begin in September, once the soil survey is complete.',
      "Residents will be invited to vote on the park's name at a public meeting next month.",
    ]);
  });

  it('reads og:title, byline, site name and date', () => {
    expect(article).toMatchObject({
      title: 'Council approves new riverside park after two-year debate',
      byline: 'Maria Lopez',
      siteName: 'The Valley Courier',
      publishedAt: '2025-03-14T09:30:00.000Z',
      source: 'riverside-park.html',
      url: 'https://valleycourier.example/news/riverside-park',
    });
  });

  it('moves the caption and the "Read more" line to boilerplate', () => {
    expect(article.boilerplate).toEqual(['The disused rail yard on the east bank. (Photo: Tom Reyes)', 'Read more: A short history of the rail yard']);
  });

  it('paragraph spans index the text', () => {
    for (const p of article.paragraphs) expect(article.text.slice(p.start, p.end)).not.toMatch(/^\s|\s$|\n/);
    expect(article.paragraphs.map((p) => p.start)).toEqual([0, 167, 305, 492, 642]);
  });
});

describe('HTML metadata sources', () => {
  it('GIVEN only <title> with a site suffix and JSON-LD THEN the suffix is cut and JSON-LD gives author and date', () => {
    const html = `<html><head><title>Storm closes harbour for third day - Coast Daily</title>
      <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Coast Daily"},{"@type":"NewsArticle","headline":"Storm closes harbour","datePublished":"2024-11-02","author":[{"name":"Ann Lee"},{"name":"Bo Chen"}],"publisher":{"name":"Coast Daily"}}]}</script>
      </head><body><article><p>${'The harbour stayed closed on Saturday as waves reached six metres. '.repeat(8)}</p><p>Ferries will resume on Monday, the port authority said.</p></article></body></html>`;
    const a = parseArticle({ content: html, source: 'x' });
    expect(a.title).toBe('Storm closes harbour');
    expect(a.byline).toBe('Ann Lee, Bo Chen');
    expect(a.siteName).toBe('Coast Daily');
    expect(a.publishedAt).toBe('2024-11-02');
  });

  it('GIVEN a <time datetime> and a rel=author link THEN they give date and byline', () => {
    const html = `<html><head><title>Short note</title></head><body><p>By <a rel="author" href="/a">Sam Ortiz</a></p><time datetime="2023-05-06T07:08:09+02:00">May 6</time><p>The library opens late on Fridays from next week.</p></body></html>`;
    const a = parseArticle({ content: html, source: 'x' });
    expect(a).toMatchObject({ title: 'Short note', byline: 'Sam Ortiz', publishedAt: '2023-05-06T05:08:09.000Z' });
    expect(a.text).toBe('The library opens late on Fridays from next week.');
  });

  it.each([
    ['Council approves park | The Valley Courier', 'The Valley Courier', 'Council approves park'],
    ['Council approves park | Local | Courier', undefined, 'Council approves park | Local'],
    ['Trump - Venezuela talks resume', undefined, 'Trump - Venezuela talks resume'],
    ['Talks resume - Reuters', 'Reuters', 'Talks resume'],
    ['Talks resume – nytimes.com', undefined, 'Talks resume'],
    ['BBC News - Talks resume in Geneva', 'BBC News', 'Talks resume in Geneva'],
    ['Exclusive: talks resume', undefined, 'Exclusive: talks resume'],
    ['Talks resume — The Guardian', undefined, 'Talks resume — The Guardian'],
    ['Talks resume — The Guardian', 'The Guardian', 'Talks resume'],
  ])('cleanTitle(%j, site %j) -> %j', (title, site, expected) => {
    expect(cleanTitle(title, site, 'example.com')).toBe(expected);
  });
});

describe('hostile HTML', () => {
  it('GIVEN 100,000 nested divs THEN the flat path extracts the text in bounded time', () => {
    const n = 100_000;
    const html = `<html><head><title>Deep page</title></head><body>${'<div>'.repeat(n)}<p>The only sentence here is deep inside.</p>${'</div>'.repeat(n)}</body></html>`;
    // html > body > n divs > p; nodes: 5 + n elements, and the title and paragraph text
    expect(measureHtml(html)).toMatchObject({ maxDepth: n + 3, elements: n + 5, nodes: n + 7 });
    const extraction = extractHtml(html);
    expect(extraction.method).toBe('flat');
    const a = parseArticle({ content: html, source: 'deep.html' });
    expect(a.title).toBe('Deep page');
    expect(a.text).toBe('The only sentence here is deep inside.');
  });

  it('GIVEN unclosed <p> and <li> (each closes the one before, as the parser does) THEN they do not nest', () => {
    const html = `<body>${'<p>para '.repeat(1000)}<ul>${'<li>item'.repeat(1000)}</ul></body>`;
    expect(measureHtml(html).maxDepth).toBe(3); // body > ul > li
  });

  it('GIVEN script and comments containing tags THEN the measure skips them', () => {
    const html = '<html><head><title>T</title><script>if (a < b) { document.write("<div><div><div>") }</script></head><body><!-- <div><div> --><p>Real text &amp; more.</p></body></html>';
    expect(measureHtml(html).maxDepth).toBe(3); // html > body > p
  });

  it('flat extraction skips nav and footer and decodes entities', () => {
    const n = 400;
    const html = `<html><head><meta property="og:title" content="Flat &amp; deep"><title>x</title></head><body><nav>Home News</nav>${'<div>'.repeat(n)}<p>Caf&eacute; &ldquo;opens&rdquo; today.</p><p>Second &#8212; paragraph.</p>${'</div>'.repeat(n)}<footer>Copyright</footer></body></html>`;
    const a = parseArticle({ content: html, source: 'flat.html' });
    expect(a.title).toBe('Flat & deep');
    expect(a.text).toBe('Café \u201Copens\u201D today.\n\nSecond \u2014 paragraph.');
  });
});

describe('HTML fragments (a pasted snippet with no <html> or <body>)', () => {
  it.each([
    [
      'two paragraphs',
      '<p>The mayor said the bridge opens in May. Officials agreed to fund the repairs.</p><p>Residents welcomed the news on Tuesday.</p>',
      'The mayor said the bridge opens in May. Officials agreed to fund the repairs.\n\nResidents welcomed the news on Tuesday.',
    ],
    [
      'a heading and a paragraph in a div',
      '<div><h1>Bridge</h1><p>The mayor said the bridge opens in May after years of delay and protests.</p></div>',
      'The mayor said the bridge opens in May after years of delay and protests.',
    ],
  ])('GIVEN %s THEN the body is the fragment text', (_name, html, body) => {
    expect(parseArticle({ content: html, format: 'html', source: 'text' }).text).toBe(body);
  });
});

describe('entity-heavy HTML (linkedom makes a text node per entity; Readability is superlinear in nodes)', () => {
  const page = (body: string) =>
    `<!doctype html><html><head><title>Ampersands</title></head><body><article><p>The council met on Tuesday and approved the budget.</p><p>${body}</p></article></body></html>`;
  const lead = 'The council met on Tuesday and approved the budget.';

  it('measureHtml counts "&" in text only (not in attributes, scripts or comments)', () => {
    const html = '<p>a &amp; b & c</p><script>if (a && b) x();</script><!-- && --><a href="?a=1&b=2">x&#8212;y</a>';
    // elements p, script, a (3); "a " (1); "&" (3: written back as &amp;, parsed again); " b & c" (3);
    // the script's text, the comment, "x", "—", "y" (1 each)
    expect(measureHtml(html)).toMatchObject({ maxDepth: 1, elements: 3, nodes: 3 + 1 + 3 + 3 + 1 + 1 + 1 + 1 + 1 });
  });

  it.each([
    ['200 KB of "&amp;"', '&amp;'.repeat(40_000), `${lead}\n\n${'&'.repeat(40_000)}`],
    ['1 MB of "&"', '&'.repeat(1_000_000), `${lead}\n\n${'&'.repeat(1_000_000)}`],
    ['"Tom &amp; Jerry" 20,001 times', 'Tom &amp; Jerry '.repeat(20_001), `${lead}\n\n${'Tom & Jerry '.repeat(20_001).trim()}`],
  ])('GIVEN %s in an <article> THEN the flat path decodes it in bounded time', (_name, body, text) => {
    const html = page(body);
    const t = performance.now();
    expect(measureHtml(html).nodes).toBeGreaterThan(MAX_DOM_NODES);
    expect(extractHtml(html).method).toBe('flat');
    const a = parseArticle({ content: html, source: 'amp.html' });
    expect(a.title).toBe('Ampersands');
    expect(a.text).toBe(text);
    expect(performance.now() - t).toBeLessThan(10_000); // safety net: Readability took 4.6 s for 150 KB, 275 s for 1.6 MB
  });

  it('GIVEN only 200 KB of "&amp;" in an <article> THEN a clear ARTICLE_NO_CONTENT error, not a stall', () => {
    const html = `<html><body><article>${'&amp;'.repeat(40_000)}</article></body></html>`;
    expect(extractHtml(html).method).toBe('flat');
    let error: unknown;
    try {
      parseArticle({ content: html, source: 'amp.html' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArticleError);
    expect((error as ArticleError).code).toBe('ARTICLE_NO_CONTENT');
  });

  it('GIVEN a page at the node limit THEN Readability still reads it', () => {
    const base = measureHtml(page('')).nodes;
    const html = page('&copy;'.repeat(MAX_DOM_NODES - base)); // one node each: not written back as a reference
    expect(measureHtml(html).nodes).toBe(MAX_DOM_NODES);
    expect(extractHtml(html).method).toBe('readability');
  });

  it('decodeTextEntities decodes exactly as linkedom parsing the whole text does', () => {
    const viaDom = (x: string) => parseHTML(`<!doctype html><html><body><p>${x.replace(/</g, '&lt;')}</p></body></html>`).document.querySelector('p')!.textContent;
    const piece = fc.constantFrom('&', ';', '#', 'x', 'X', 'amp', 'copy', 'not', 'notin', 'it', '65', '8212', '0', 'x2014', 'D800', ' ', 'a', '<', 'é');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
      const x = parts.join('');
      expect(decodeTextEntities(x)).toBe(viaDom(x));
    }), { numRuns: 500 });
  });

  it('decodeTextEntities keeps references past the distinct-reference cap (4,096) verbatim', () => {
    const refs = Array.from({ length: 5_000 }, (_, n) => `&#${n + 65};`);
    const decodedHead = parseHTML(`<!doctype html><html><body><p>${refs.slice(0, 4_096).join('')}</p></body></html>`).document.querySelector('p')!.textContent;
    expect(decodedHead.slice(0, 3)).toBe('ABC');
    expect(decodeTextEntities(refs.join(''))).toBe(decodedHead + refs.slice(4_096).join(''));
  });
});
