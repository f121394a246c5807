import { describe, expect, it } from 'vitest';
import { matchArticles, MATCH_TIER, pickArticle, slugify, unwrapLink, urlKey, looksLikeUrl } from '../../src/library';
import type { ArticleListing } from '../../src/store';

const listing = (id: string, title: string, slug = slugify(title)): ArticleListing => ({
  id,
  title,
  slug,
  guildId: 'g',
  source: 'text',
  addedAt: '2024-01-01T00:00:00.000Z',
  length: 10,
});

const items = [
  listing('20400ca2c14b17f1', "Trump announces Venezuela's agreement", 'venezuela-agrees-to-take-back-migrants'),
  listing('aaaa000011112222', 'City budget passes'),
  listing('bbbb000011112222', 'Budget talks stall in the council'),
];

describe('matchArticles', () => {
  it.each([
    ['20400ca2c14b17f1', '20400ca2c14b17f1', MATCH_TIER.id],
    ['20400c', '20400ca2c14b17f1', MATCH_TIER.idPrefix],
    ['city-budget-passes', 'aaaa000011112222', MATCH_TIER.slug],
    ['city budget passes', 'aaaa000011112222', MATCH_TIER.title],
    ['venez', '20400ca2c14b17f1', MATCH_TIER.slugPrefix],
    ['trump venezuela', '20400ca2c14b17f1', MATCH_TIER.titleWords + 2],
    ['talks st', 'bbbb000011112222', MATCH_TIER.titleWords + 2],
    ['announces venez', '20400ca2c14b17f1', MATCH_TIER.titleWords + 2],
  ])('GIVEN "%s" THEN the best match is %s with score %i', (q, id, score) => {
    expect(matchArticles(items, q)[0]).toEqual({ listing: expect.objectContaining({ id }), score });
  });

  it('GIVEN a short hex string THEN it is not taken as an id prefix (too many chance matches)', () => {
    expect(matchArticles(items, 'aaa').map((m) => m.score)).toEqual([]);
  });

  it('GIVEN a word that starts one slug and is inside another title THEN the slug prefix wins', () => {
    const matches = matchArticles(items, 'budget');
    expect(matches.map((m) => [m.listing.id, m.score])).toEqual([
      ['bbbb000011112222', MATCH_TIER.slugPrefix],
      ['aaaa000011112222', MATCH_TIER.titleWords + 1],
    ]);
    expect(pickArticle(matches).best?.id).toBe('bbbb000011112222');
  });

  it('GIVEN a word inside two titles THEN both tie and pickArticle reports the tie', () => {
    const two = [listing('c1', 'Big storm hits the coast'), listing('c2', 'Heavy storm expected'), listing('c3', 'Calm seas')];
    const matches = matchArticles(two, 'storm');
    expect(pickArticle(matchArticles(two, 'hits'))).toEqual({ best: two[0], tied: [two[0]] });
    expect(matches.map((m) => m.listing.id)).toEqual(['c1', 'c2']);
    expect(pickArticle(matches)).toEqual({ tied: [two[0], two[1]] });
  });

  it('GIVEN hostile queries THEN bounded and empty', () => {
    expect(matchArticles(items, '"'.repeat(10_000))).toEqual([]);
    expect(matchArticles(items, '. '.repeat(5_000))).toEqual([]);
  });
});

describe('slugify and urlKey', () => {
  it.each([
    ['Café owners say “no”', 'cafe-owners-say-no'],
    ['!!!', 'article'],
    ['A'.repeat(100), 'a'.repeat(60)],
  ])('slugify(%j) = %j', (title, slug) => expect(slugify(title)).toBe(slug));

  it.each([
    ['https://News.Test/a/?utm_source=x&b=2&a=1#frag', 'https://news.test/a?a=1&b=2'],
    ['http://news.test:80/', 'http://news.test/'],
    ['ftp://news.test/', undefined],
    ['not a url', undefined],
  ])('urlKey(%j) = %j', (url, key) => expect(urlKey(url)).toBe(key));

  it('looksLikeUrl only for whole http(s) URLs', () => {
    expect(looksLikeUrl('https://x.test/a')).toBe(true);
    expect(looksLikeUrl('see https://x.test/a')).toBe(false);
    expect(looksLikeUrl('venezuela')).toBe(false);
  });

  it('a link in one pair of angle brackets is a link; other brackets are not', () => {
    expect(looksLikeUrl('<https://x.test/a>')).toBe(true);
    expect(looksLikeUrl(' < https://x.test/a > ')).toBe(true);
    expect(unwrapLink('<https://x.test/a>')).toBe('https://x.test/a');
    expect(looksLikeUrl('<<https://x.test/a>>')).toBe(false);
    expect(looksLikeUrl('<https://x.test/a')).toBe(false);
    expect(unwrapLink('<venezuela>')).toBe('venezuela');
  });
});
