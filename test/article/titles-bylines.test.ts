import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/article';
import { cleanByline, joinNames } from '../../src/article/byline';
import { withoutCdata } from '../../src/article/html/metadata';
import { agreementKey, cleanTitle } from '../../src/article/html/title';

const BODY = `<article><p>${'The ferry to the outer islands ran again on Tuesday after a week of gales kept it in port. '.repeat(6)}</p><p>Harbour staff said the timetable would be back to normal by the weekend.</p></article>`;
const page = (head: string, body = '') => `<!doctype html><html><head>${head}</head><body>${body}${BODY}</body></html>`;
const parse = (html: string, url?: string) => parseArticle({ content: html, format: 'html', source: 'test', ...(url ? { url } : {}) });

describe('titles: a site name known from the page is cut off', () => {
  it('GIVEN og:site_name with a legal form ("Gearbox Inc") THEN "- Gearbox" is cut from the title', () => {
    const a = parse(page('<title>Ferries run again after a week of gales - Gearbox</title><meta property="og:site_name" content="Gearbox Inc">'));
    expect(a.title).toBe('Ferries run again after a week of gales');
  });

  it('GIVEN application-name that repeats the headline THEN it names no site and the headline stays whole', () => {
    const a = parse(page('<title>Ferries run again - in pictures</title><meta name="application-name" content="Ferries run again - in pictures"><meta property="og:site_name" content="Island Post">'));
    expect(a.title).toBe('Ferries run again - in pictures');
    expect(cleanTitle('Ferries run again - in pictures', ['Ferries run again - in pictures and words'])).toBe('Ferries run again - in pictures');
  });

  it('GIVEN application-name THEN a "Site | " prefix is cut', () => {
    const a = parse(page('<title>Island Post | Ferries run again after gales</title><meta name="application-name" content="Island Post">'));
    expect(a.title).toBe('Ferries run again after gales');
  });

  it("GIVEN no URL but a canonical link THEN the host's words name the site (\"- Tidewiki\" on en.tidewiki.org)", () => {
    const a = parse(page('<title>Outer islands ferry - Tidewiki</title><link rel="canonical" href="https://en.tidewiki.org/wiki/Outer_islands_ferry">'));
    expect(a.title).toBe('Outer islands ferry');
  });

  it("GIVEN the page's URL THEN its host names the site even with other words around", () => {
    const a = parse(page('<title>Ferries run again · Harbourmaster</title>'), 'https://www.harbourmaster.example/news/1');
    expect(a.title).toBe('Ferries run again');
  });

  it.each([
    ['og:title', '<meta property="og:title" content="Ferries run again after a week of gales | Harbourmaster">', 'Ferries run again after a week of gales'],
    ['<title>', '<title>Ferries are back - Harbourmaster</title>', 'Ferries are back'],
  ])('GIVEN og:site_name "Harbourmaster.example" (a domain) and no URL THEN "Harbourmaster" names the site in %s', (_, head, expected) => {
    const a = parse(page(`${head}<meta property="og:site_name" content="Harbourmaster.example">`));
    expect(a.title).toBe(expected);
  });

  it('GIVEN a domain-shaped site name THEN a word that is no label of it is not cut', () => {
    expect(cleanTitle('Ferries run again | Harbour Notes', 'Harbourmaster.example', undefined, { declared: true })).toBe('Ferries run again | Harbour Notes');
  });

  it('GIVEN a host "thetideline.example" THEN "- The Tideline" is its name', () => {
    expect(cleanTitle('Ferries run again - The Tideline', undefined, 'www.thetideline.example')).toBe('Ferries run again');
  });

  it('GIVEN a colon THEN only a part that is the site name is cut ("Island Post: ..." yes, "Exclusive: ..." no)', () => {
    expect(cleanTitle('Island Post: Ferries run again', 'Island Post')).toBe('Ferries run again');
    expect(cleanTitle('Exclusive: ferries run again', 'Island Post')).toBe('Exclusive: ferries run again');
    expect(cleanTitle('Ferries: the week the islands waited', 'Island Post')).toBe('Ferries: the week the islands waited');
  });

  it('GIVEN the start of a longer site name ("Tidecast" of "Tidecast powered by Gulls") THEN it is cut; a mere shared word is not', () => {
    expect(cleanTitle('Ferries run again | Tidecast', 'Tidecast powered by Gulls')).toBe('Ferries run again');
    expect(cleanTitle('Ferries run again - Tide', 'Tidecast powered by Gulls')).toBe('Ferries run again - Tide');
  });
});

describe('site names lose their slogan', () => {
  it('GIVEN og:site_name "Domain.tld - slogan" or "Host name | slogan" THEN the name alone; any other dash stays', () => {
    expect(parse(page('<title>Ferries run again</title><meta property="og:site_name" content="Přístav.cz - Víte, co pluje">')).siteName).toBe('Přístav.cz');
    expect(parse(page('<title>Ferries run again</title><meta property="og:site_name" content="Tidecast | The sea, daily">'), 'https://tidecast.example/a').siteName).toBe('Tidecast');
    expect(parse(page('<title>Ferries run again</title><meta property="og:site_name" content="Island Post - Latest News">')).siteName).toBe('Island Post - Latest News');
  });
});

describe('titles: sources that agree win', () => {
  it('GIVEN "<name> - Encyclopedia" in <title> and the <h1> "<name>" THEN the <h1> confirms the name and the rest is cut', () => {
    const a = parse(page('<title>Lake Marrow - Open Encyclopedia</title>', '<h1>Lake Marrow</h1>'));
    expect(a.title).toBe('Lake Marrow');
  });

  it('GIVEN a JSON-LD headline that is a description, against <title> and <h1> THEN the headline loses', () => {
    const ld = '<script type="application/ld+json">{"@type":"Article","headline":"Body of water in a mountain valley","datePublished":"2020-01-01"}</script>';
    const a = parse(page(`<title>Lake Marrow - Open Encyclopedia</title>${ld}`, '<h1>Lake Marrow</h1>'));
    expect(a.title).toBe('Lake Marrow');
  });

  it('GIVEN a social og:title against <title>, <h1> and the JSON-LD headline that agree THEN the three win', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferries run again after a week of gales"}</script>';
    const a = parse(page(`<meta property="og:title" content="You will not believe the sea this week"><title>Ferries run again after a week of gales - Island Post</title>${ld}`, '<h1>Ferries run again after a week of gales</h1>'));
    expect(a.title).toBe('Ferries run again after a week of gales');
  });

  it('GIVEN og:title and the <h1> against <title> and JSON-LD THEN the tie goes to the JSON-LD headline (the one written to be read away from the page)', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"How the ferries came back"}</script>';
    const a = parse(page(`<meta property="og:title" content="The ferries are back"><title>How the ferries came back - Island Post</title>${ld}`, '<h1>The ferries are back</h1>'));
    expect(a.title).toBe('How the ferries came back');
  });

  it('GIVEN og:title against the JSON-LD headline and nothing else THEN the JSON-LD headline wins the tie', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"How the ferries came back"}</script>';
    expect(parse(page(`<meta property="og:title" content="The ferries are back">${ld}`)).title).toBe('How the ferries came back');
  });

  it('GIVEN og:title, <title> and the <h1> against JSON-LD THEN the three still win', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"How the ferries came back"}</script>';
    const a = parse(page(`<meta property="og:title" content="The ferries are back"><title>The ferries are back | Island Post</title>${ld}`, '<h1>The ferries are back</h1>'));
    expect(a.title).toBe('The ferries are back');
  });

  it('GIVEN og:title that repeats the site name against <title> and <h1> THEN the article headline wins', () => {
    const a = parse(page('<meta property="og:title" content="Island Post - Latest News"><meta name="application-name" content="Island Post - Latest News"><title>Ferries run again</title>', '<h1>Ferries run again</h1>'));
    expect(a.title).toBe('Ferries run again');
  });

  it('GIVEN a logo <h1> and a <title> THEN the logo never wins alone', () => {
    const a = parse(page('<title>Ferries run again after gales</title>', '<h1><a href="/">Island Post</a></h1>'));
    expect(a.title).toBe('Ferries run again after gales');
  });

  it('GIVEN a logo <h1> that is the <title>\'s long head THEN the headline is not cut down to the logo', () => {
    const a = parse(page('<title>Beyond the harbour: how the ferries run when the sea is high · Tidecast</title>', '<h1><a href="/">Tidecast</a></h1><h1>Beyond the harbour: how the ferries run when the sea is high</h1>'));
    expect(a.title).toBe('Beyond the harbour: how the ferries run when the sea is high');
  });

  it.each([
    ['<h1><a href="/">Island Post</a></h1>'],
    ['<h1><a href="https://www.islandpost.example/">Island Post</a></h1>'],
    ['<h1><a href="index.html">Island Post</a></h1>'],
    ['<h1><a href="/en-GB/">Island Post</a></h1>'],
    ['<h1><a href="/"><img src="logo.png" alt="Island Post"></a></h1><h1><a href="/">Island Post</a></h1>'],
  ])('GIVEN a logo <h1> linking home (%s) THEN it names the site and is cut from the <title> on either side, never kept alone', (logo) => {
    expect(parse(page('<title>Ferries run again - Island Post</title>', logo)).title).toBe('Ferries run again');
    expect(parse(page('<title>Island Post - Ferries run again</title>', logo)).title).toBe('Ferries run again');
  });

  it.each([
    ['a link to an article', '<h1><a href="/news/island-post-awards">Island Post</a></h1>'],
    ['words outside the link', '<h1>Read <a href="/">Island Post</a></h1>'],
    ['two links', '<h1><a href="/">Island Post</a> <a href="/news/">News</a></h1>'],
    ['no link', '<h1>Island Post</h1>'],
  ])('GIVEN an <h1> with %s THEN it names no site and the short <title> stays whole', (_, h1) => {
    expect(parse(page('<title>Ferries run again - Island Post</title>', h1)).title).toBe('Ferries run again - Island Post');
  });

  it("GIVEN a logo image's alt text in the home link THEN that name is known too, so a bracketed \"[Island Post]\" is cut and then the <title>'s short pipe tail", () => {
    const logo = '<h1><a href="/"><span>Island Post</span> <sup>beta</sup> <img src="logo.png" alt="Island Post"></a></h1>';
    expect(parse(page('<title>Ferries run again after a week of gales | Harbour news | Outer Isles [Island Post]</title>', logo)).title).toBe('Ferries run again after a week of gales | Harbour news');
  });

  it('GIVEN an empty <title> and <svg> icon titles THEN the page <title> is the first one with words outside <svg>', () => {
    const a = parse(`<!doctype html><html><head><title></title><title>Ferries run again after a week of gales</title></head><body><svg><title>icon-share</title></svg>${BODY}</body></html>`);
    expect(a.title).toBe('Ferries run again after a week of gales');
  });
});

describe('titles: a site name nobody declared', () => {
  it('GIVEN only <title> "a headline of 4+ words – Two Words" THEN the capitalised short tail after the dash is cut', () => {
    expect(parse(page('<title>Ferries run again after gales – My website</title>')).title).toBe('Ferries run again after gales');
  });

  it('GIVEN a short head, a lower-case tail or a tail with punctuation THEN the dash stays', () => {
    expect(parse(page('<title>Ferries – The Island Post</title>')).title).toBe('Ferries – The Island Post');
    expect(parse(page('<title>Ferries run again after gales – as it happened</title>')).title).toBe('Ferries run again after gales – as it happened');
    expect(parse(page('<title>Ferries run again after gales – Why, Minister?</title>')).title).toBe('Ferries run again after gales – Why, Minister?');
  });

  it('GIVEN og:title with such a tail THEN it is not guessed away (only <title> carries unknown site names)', () => {
    expect(parse(page('<meta property="og:title" content="Ferries run again after gales – What We Know">')).title).toBe('Ferries run again after gales – What We Know');
  });
});

describe('titles: one headline written twice agrees with itself', () => {
  it.each([
    ['a possessive', "Harbourmaster's new queue: a field report", 'Harbourmaster new queue: a field report'],
    ['a curly possessive and another separator', 'How we rebuilt Tidecast\u2019s queue - a field report', 'How we rebuilt Tidecast queue: a field report'],
    ['quotes and case', '\u201cFerries Run Again\u201d, says the harbour', '"Ferries run again" says the harbour'],
  ])('agreementKey: %s -> the same key', (_, a, b) => {
    expect(agreementKey(a)).toBe(agreementKey(b));
  });

  it.each([
    ['another word', 'Ferries run again', 'Ferries ran again'],
    ['a plural is no possessive', 'The ferrys run', 'The ferry run'],
    ['words in another order', 'Gales stop the ferries', 'The ferries stop gales'],
  ])('agreementKey: %s -> different keys', (_, a, b) => {
    expect(agreementKey(a)).not.toBe(agreementKey(b));
  });

  it('GIVEN og:title "X\u2019s Y - Z" against <title> and <h1> "X Y: Z" THEN the three agree and og:title\'s writing is kept', () => {
    const a = parse(
      page('<meta property="og:title" content="How we rebuilt Tidecast\u2019s queue - a field report"><title>How we rebuilt Tidecast queue: a field report - Tidecast</title>', '<h1>How we rebuilt Tidecast queue: a field report</h1>'),
      'https://tidecast.example/blog/queue',
    );
    expect(a.title).toBe('How we rebuilt Tidecast\u2019s queue - a field report');
  });
});

describe('titles: a declared title loses only a known site name', () => {
  // og:title (and the other meta titles, and JSON-LD) are written by the publisher for this article:
  // a series, a column or a writer beside the headline stays; a site name Lede knows is still cut.
  it.each([
    [
      'a series after a dash that <title> repeats before the site',
      '<meta property="og:title" content="Chapter 12: The long tide - Harbour Tales"><meta property="og:site_name" content="Tidereader"><title>Chapter 12: The long tide - Harbour Tales | Tidereader</title>',
      '<h1>Chapter 12: The long tide</h1>',
      'Chapter 12: The long tide - Harbour Tales',
    ],
    [
      'a writer after a pipe that <title> repeats before section and site',
      '<meta property="og:title" content="Ferries run again after a week of gales | Ana Reyes"><meta property="og:site_name" content="Island Post"><title>Ferries run again after a week of gales | Ana Reyes | Travel | Island Post</title>',
      '<h1>Ferries run again after a week of gales</h1>',
      'Ferries run again after a week of gales | Ana Reyes',
    ],
    [
      'a short pipe tail and nothing else: not guessed to be a site',
      '<meta property="og:title" content="Ferries run again after a week of gales | Harbour Notes">',
      '',
      'Ferries run again after a week of gales | Harbour Notes',
    ],
    [
      'the known site name after a pipe',
      '<meta property="og:title" content="Ferries run again after a week of gales | Island Post"><meta property="og:site_name" content="Island Post">',
      '<h1>Ferries run again after a week of gales</h1>',
      'Ferries run again after a week of gales',
    ],
    [
      'the known site name after a dash, the <h1> agreeing',
      '<meta property="og:title" content="Ferries run again - Island Post"><meta property="og:site_name" content="Island Post"><title>Ferries run again - Island Post</title>',
      '<h1>Ferries run again</h1>',
      'Ferries run again',
    ],
    [
      'only a <title> with a short pipe tail: the template\'s section, cut',
      '<title>Ferries run again after a week of gales | Harbour Notes</title>',
      '',
      'Ferries run again after a week of gales',
    ],
  ])('GIVEN %s', (_, head, body, expected) => {
    expect(parse(page(head, body)).title).toBe(expected);
  });

  it.each([
    ['Ferries run again | Harbour Notes', undefined, 'Ferries run again | Harbour Notes'],
    ['Ferries run again | Island Post', 'Island Post', 'Ferries run again'],
    ['Island Post | Ferries run again', 'Island Post', 'Ferries run again'],
    ['Ferries run again - What We Know', undefined, 'Ferries run again - What We Know'],
  ])('cleanTitle(%j, site %j, declared) -> %j', (title, site, expected) => {
    expect(cleanTitle(title, site, undefined, { declared: true })).toBe(expected);
  });

  it('GIVEN a <title> with series, section and site beside og:title "X - Series" and the <h1> "X" THEN the <title> is cut no further than og:title', () => {
    const a = parse(
      page('<meta property="og:title" content="Ferries run again after gales - Harbour Tales"><title>Ferries run again after gales - Harbour Tales - Fiction - Tidereader</title>', '<h1>Ferries run again after gales</h1>'),
    );
    expect(a.title).toBe('Ferries run again after gales - Harbour Tales');
  });
});

describe('titles and bylines from meta vocabularies', () => {
  it('GIVEN space-separated keys in one property attribute THEN each key is read ("x:title dc:title")', () => {
    const a = parse(page('<title>Page</title><meta property="x:title dc:title" content="Ferries run again"><meta property="dc:creator twitter:site_name" content="Ana Reyes"><meta name="author" content="webmaster">'));
    expect(a).toMatchObject({ title: 'Ferries run again', byline: 'Ana Reyes' });
  });

  it('GIVEN Dublin Core and Open Graph THEN dc.title and dc.creator come first, and a property declaration beats a name one', () => {
    const a = parse(page('<meta property="og:title" content="OG title"><meta name="DC.title" content="Name DC title"><meta property="dc:title" content="Property DC title"><meta name="author" content="Ann"><meta property="dc:creator" content="Bo Chen">'));
    expect(a).toMatchObject({ title: 'Property DC title', byline: 'Bo Chen' });
  });

  it('GIVEN two author meta tags written "Last, First" THEN both names are joined with a semicolon', () => {
    const a = parse(page('<title>Ferries run again</title><meta name="DC.Creator" content="Reyes, Ana"><meta name="DC.Creator" content="Chen, Bo">'));
    expect(a.byline).toBe('Reyes, Ana; Chen, Bo');
  });

  it('GIVEN three JSON-LD authors THEN "A, B, C"', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferries run again","author":[{"name":"Ann Lee"},{"name":"Bo Chen"},{"name":"Cy Park"}]}</script>';
    expect(parse(page(`<title>Ferries run again</title>${ld}`)).byline).toBe('Ann Lee, Bo Chen, Cy Park');
  });
});

describe('bylines are names, not dates, times, handles, bullets or ages', () => {
  it.each([
    ['Mara Quill - Mar 3, 2021 9:15 am UTC', 'Mara Quill'],
    ['Tobias Renn January 5, 2019 11:00 PM PST @tobiasrenn', 'Tobias Renn'],
    ['Ines Carvalho • 8h', 'Ines Carvalho'],
    ['Pieter Vos —', 'Pieter Vos'],
    ['by Lena Ortiz22 Nov 2018 41', 'Lena Ortiz'],
    ['Posted by Amir Haddad Updated 3 days ago', 'Amir Haddad'],
    ['By HANNA BERG March 11, 2015 3:46 PM', 'HANNA BERG'],
    ['Written by Sol Marin | 2021-04-05', 'Sol Marin'],
    ['Noor Aziz, 12/04/2020', 'Noor Aziz'],
    ['Written by Rui Costa Edited by Lee Park', 'Rui Costa'],
    ['Ana Reyes. Photographs by Bo Chen', 'Ana Reyes'],
    ['Kooman, F.', 'Kooman, F.'],
    ['Sam Ortiz Jr.', 'Sam Ortiz Jr.'],
    ['By Maya Lindqvist, MD', 'Maya Lindqvist, MD'],
    ['June Mayhew', 'June Mayhew'],
    ['May Octavia Dec', 'May Octavia Dec'],
    ['Island Post Staff', 'Island Post Staff'],
    ['Ana Reyes (ana@islandpost.example)', 'Ana Reyes (ana@islandpost.example)'],
  ])('cleanByline(%j) -> %j', (raw, expected) => {
    expect(cleanByline(raw)).toBe(expected);
  });

  it.each([['March 3, 2021'], ['@islandpost'], ['https://islandpost.example/staff/ana'], ['• 8h'], [''], ['x'.repeat(121)]])('cleanByline(%j) -> no byline', (raw) => {
    expect(cleanByline(raw)).toBeUndefined();
  });

  it.each([
    [[], undefined],
    [['Ann Lee'], 'Ann Lee'],
    [['Ann Lee', 'Bo Chen'], 'Ann Lee, Bo Chen'],
    [['Ann Lee', 'Bo Chen', 'ann lee', 'Cy Park'], 'Ann Lee, Bo Chen, Cy Park'],
    [['Reyes, Ana', 'Bo Chen'], 'Reyes, Ana; Bo Chen'],
    [['Maya Lindqvist, MD', 'Bo Chen', 'Cy Park'], 'Maya Lindqvist, MD; Bo Chen; Cy Park'],
  ])('joinNames(%j) -> %j (a list as bylines write it, repeats dropped)', (names, expected) => {
    expect(joinNames(names)).toBe(expected);
  });

  it("GIVEN a commenter's .byline before the article's .author-name THEN the author's name is the byline", () => {
    const comments = '<div class="comments-list"><div class="byline"><span class="avatar">Q</span><span class="username">Q</span></div><p>Nice.</p></div>';
    const a = parse(page('<title>Ferries run again</title>', `<div class="author-name">NINA PETROVA</div>${comments}`).replace('<body>', `<body>${comments}`));
    expect(a.byline).toBe('NINA PETROVA');
  });

  it('GIVEN a byline element holding the name and the date THEN the byline is the name', () => {
    const a = parse(page('<title>Ferries run again</title>', '<p class="byline">Mara Quill - Mar 3, 2021 9:15 am UTC</p>'));
    expect(a.byline).toBe('Mara Quill');
  });
});

describe('titles: a known site name in brackets at the end', () => {
  it.each([
    ['the site name', 'Ferries run again after a week of gales [Island Post]', 'Ferries run again after a week of gales'],
    ['a domain-shaped name', 'Harbour weekly for March 3 [Islandpost.example]', 'Harbour weekly for March 3'],
    ['full-width parentheses', 'Ferries run again（Island Post）', 'Ferries run again'],
    ['brackets, then a pipe tail that is no site name (kept in a declared title)', 'Ferries run again | Harbour news [Island Post]', 'Ferries run again | Harbour news'],
    ['a bracket that is no site name', 'Ferries run again after a week of gales [Updated]', 'Ferries run again after a week of gales [Updated]'],
    ['a source in brackets, the site after a dash', 'Ferries run again (Harbour Wire) - Island Post', 'Ferries run again (Harbour Wire)'],
    ['brackets inside the headline', 'Ferries [and buses] run again', 'Ferries [and buses] run again'],
  ])('cleanTitle with site "Island Post": %s', (_, title, expected) => {
    expect(cleanTitle(title, ['Island Post'], undefined, { declared: true })).toBe(expected);
  });
});

describe('JSON-LD wrapped in CDATA is read', () => {
  const article = '{"@type":"NewsArticle","headline":"Ferries run again","author":[{"name":"Ann Lee"},{"name":"Bo Chen"}]}';
  it.each([
    ['bare', `<![CDATA[ ${article} ]]>`],
    ['in block comments', `/*<![CDATA[*/ ${article} /*]]>*/`],
    ['in line comments', `//<![CDATA[\n${article}\n//]]>`],
    ['with spaces and lines around', `\n  /* <![CDATA[ */\n${article}\n  /* ]]> */\n`],
    ['not wrapped', article],
  ])('withoutCdata: %s -> the object', (_, raw) => {
    expect(JSON.parse(withoutCdata(raw))).toEqual(JSON.parse(article));
  });

  it('GIVEN a CDATA-wrapped JSON-LD block THEN its authors are the byline, joined as a list', () => {
    const a = parse(page(`<title>Ferries run again</title><script type="application/ld+json">/*<![CDATA[*/ ${article} /*]]>*/</script>`));
    expect(a.byline).toBe('Ann Lee, Bo Chen');
  });

  it('GIVEN "]]>" inside a JSON-LD string THEN only the wrapper is taken away', () => {
    const inner = '{"@type":"NewsArticle","headline":"Ferries run again ]]> tonight","author":"Ann Lee"}';
    expect(JSON.parse(withoutCdata(`<![CDATA[${inner}]]>`))).toEqual(JSON.parse(inner));
  });
});
