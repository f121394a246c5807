import { describe, expect, it } from 'vitest';
import { discoverFeedLinks } from '../../src/feeds/discover';

const page = (head: string) => `<!doctype html><html><head>${head}</head><body><p>Hello</p></body></html>`;

describe('discoverFeedLinks', () => {
  it('GIVEN RSS, Atom and JSON Feed links THEN absolute URLs, RSS first, then document order', () => {
    const html = page(`
      <link rel="stylesheet" href="/s.css">
      <link rel="alternate" type="application/atom+xml" title="Atom" href="/atom.xml">
      <link type='application/rss+xml' rel='alternate' href='https://cdn.example/rss?x=1&amp;y=2'>
      <link rel="alternate" type="application/feed+json" href="feed.json">
      <link rel="alternate" hreflang="de" href="/de/">`);
    expect(discoverFeedLinks(html, 'https://site.example/blog/')).toEqual([
      'https://cdn.example/rss?x=1&y=2',
      'https://site.example/atom.xml',
      'https://site.example/blog/feed.json',
    ]);
  });

  it.each([
    ['no links', page('<title>x</title>')],
    ['a javascript: href', page('<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">')],
    ['an unclosed tag', '<link rel="alternate" type="application/rss+xml" href="/a.xml"'],
  ])('GIVEN %s THEN nothing', (_l, html) => {
    expect(discoverFeedLinks(html, 'https://site.example/')).toEqual([]);
  });

  it('stays linear on a page of 100,000 link openings', () => {
    expect(discoverFeedLinks('<link '.repeat(100_000), 'https://site.example/')).toEqual([]);
  });
});
