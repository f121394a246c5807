import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeDigest, DIGEST_FOOTER, MANUAL_GROUP, shownArticles, type DigestArticle, type DigestParts } from '../../src/digest/compose';
import { DISCORD_LIMITS } from '../../src/digest/limits';
import { digestToText } from '../../src/digest/render-text';
import { nlpDigestParts } from '../../src/digest/parts';

const feedA = { url: 'https://a.example/feed', title: 'Harbour Gazette' };
const feedB = { url: 'https://b.example/feed', title: 'City Wire' };

function article(i: number, over: Partial<DigestArticle> = {}): DigestArticle {
  return {
    id: `id${i}`,
    title: `Story number ${i}`,
    url: `https://a.example/story/${i}`,
    text: `Body ${i}.`,
    addedAt: new Date(Date.UTC(2024, 2, 5, 8, i)).toISOString(),
    ...over,
  };
}

const parts: DigestParts = {
  summaryOf: (a) => [`First sentence of ${a.id}.`, `Second sentence of ${a.id}.`, 'A third one that is never shown.'],
  topQuoteOf: (a) => ({ quote: `We did it for ${a.id}`, speaker: 'Ana Ruiz' }),
};
const bare: DigestParts = { summaryOf: () => [], topQuoteOf: () => undefined };

function assertWithinLimits(d: NonNullable<ReturnType<typeof composeDigest>>) {
  for (const m of d.messages) {
    expect(m.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
    expect(m.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    let total = 0;
    for (const e of m.embeds) {
      expect(e.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
      total += (e.title?.length ?? 0) + e.description.length + (e.footer?.length ?? 0);
    }
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal);
  }
}

describe('composeDigest', () => {
  it('GIVEN no articles THEN there is no digest (never an empty post)', () => {
    expect(composeDigest({ articles: [], parts, heading: 'Daily digest' })).toBeUndefined();
  });

  it('GIVEN one article THEN title with link, two summary sentences and the quote with its speaker', () => {
    const d = composeDigest({ articles: [article(1, { feed: feedA })], parts, heading: 'Daily digest · Tuesday 5 March 2024' })!;
    expect(d.messages).toEqual([
      {
        content: '**Daily digest · Tuesday 5 March 2024** · 1 new article',
        embeds: [
          {
            title: 'Harbour Gazette',
            url: 'https://a.example/feed',
            color: 0x2b6cb0,
            description:
              '**[Story number 1](https://a.example/story/1)**\nFirst sentence of id1. Second sentence of id1.\n> “We did it for id1” — Ana Ruiz',
            footer: DIGEST_FOOTER,
          },
        ],
      },
    ]);
  });

  it('groups by feed, newest group first, hand-added articles last, newest first inside a group', () => {
    const d = composeDigest({
      articles: [article(1, { feed: feedA }), article(2), article(3, { feed: feedB }), article(4, { feed: feedA })],
      parts: bare,
      heading: 'Digest',
    })!;
    expect(d.groups).toEqual([
      { name: 'Harbour Gazette', total: 2, shown: 2 },
      { name: 'City Wire', total: 1, shown: 1 },
      { name: MANUAL_GROUP, total: 1, shown: 1 },
    ]);
    expect(d.messages[0]!.embeds[0]!.description).toBe(
      '**[Story number 4](https://a.example/story/4)**\n\n**[Story number 1](https://a.example/story/1)**',
    );
  });

  it('GIVEN markdown, mentions and a missing speaker THEN text is escaped, the link target is safe, and the speaker says unknown', () => {
    const d = composeDigest({
      articles: [article(1, { title: '**Bold** @everyone', url: 'https://a.example/a (1)' })],
      parts: { summaryOf: () => ['Price was *up* 5% > 4%.'], topQuoteOf: () => ({ quote: 'No comment' }) },
      heading: 'D',
    })!;
    expect(d.messages[0]!.embeds[0]!.description).toBe(
      '**\\*\\*Bold\\*\\* \\@everyone (<https://a.example/a%20%281%29>)**\nPrice was \\*up\\* 5% > 4%.\n> “No comment” — unknown speaker',
    );
  });

  it('GIVEN a title that would close the link early (a masked link in it) THEN it is not made a link: the title as text, then its address', () => {
    const d = composeDigest({
      articles: [article(1, { title: 'Reuters](https://evil.example/x) [Reuters', url: 'https://a.example/1' })],
      parts: { summaryOf: () => [], topQuoteOf: () => undefined },
      heading: 'D',
    })!;
    expect(d.messages[0]!.embeds[0]!.description).toBe('**Reuters\\](https://evil.example/x) \\[Reuters (<https://a.example/1>)**');
  });

  it('GIVEN a hostile feed title THEN the group title is escaped and bidi controls are gone', () => {
    const d = composeDigest({
      articles: [article(1, { feed: { url: 'https://f.example/rss', title: '# Wire <@1> ||x|| \u202Eriw\u202C' } })],
      parts: { summaryOf: () => [], topQuoteOf: () => undefined },
      heading: 'D',
    })!;
    expect(d.messages[0]!.embeds[0]!.title).toBe('\\# Wire \\<@1> \\|\\|x\\|\\| riw');
  });

  it('GIVEN 100 articles from 3 feeds with long summaries THEN caps apply fairly and every message is within Discord limits', () => {
    const long: DigestParts = {
      summaryOf: (a) => [`${'Word '.repeat(120)}${a.id}.`, `${'More '.repeat(120)}.`],
      topQuoteOf: () => ({ quote: 'Q '.repeat(300), speaker: 'S' }),
    };
    const feeds = [feedA, feedB, { url: 'https://c.example/f', title: 'Third' }];
    const articles = Array.from({ length: 100 }, (_, i) => article(i, { feed: feeds[i % 3]! }));
    const d = composeDigest({ articles, parts: long, heading: 'Daily digest' })!;
    assertWithinLimits(d);
    expect(d.articleCount).toBe(100);
    expect(d.groups.map((g) => g.shown)).toEqual([6, 6, 6]);
    expect(d.shownCount).toBe(18);
    expect(d.messages.length).toBeLessThanOrEqual(3);
    expect(d.messages[0]!.content).toBe('**Daily digest** · 100 new articles (18 shown; see `/article list` for the other 82)');
    const last = d.messages[d.messages.length - 1]!;
    expect(last.embeds[last.embeds.length - 1]!.footer).toBe(DIGEST_FOOTER);
  });

  it('shownArticles: exactly the articles composition asks parts for, in the order it renders them', () => {
    const articles = [
      ...Array.from({ length: 9 }, (_, i) => article(i, { feed: feedA })),
      ...Array.from({ length: 2 }, (_, i) => article(20 + i, { feed: feedB })),
      article(30),
    ];
    const asked: string[] = [];
    const recording: DigestParts = { summaryOf: (a) => (asked.push(a.id), []), topQuoteOf: () => undefined };
    const caps = { maxArticles: 7, maxPerGroup: 4 };
    composeDigest({ articles, parts: recording, heading: 'H', caps });
    expect(shownArticles(articles, caps).map((a) => a.id)).toEqual(asked);
    expect(asked).toEqual(['id21', 'id20', 'id8', 'id7', 'id6', 'id5', 'id30']);
  });

  it('GIVEN more articles than a group shows THEN a feed says "more from this feed", the other groups "more like these"', () => {
    const articles = [...Array.from({ length: 3 }, (_, i) => article(i, { feed: feedA })), ...Array.from({ length: 3 }, (_, i) => article(10 + i))];
    const d = composeDigest({ articles, parts: bare, heading: 'H', caps: { maxArticles: 10, maxPerGroup: 1 } })!;
    expect(d.messages[0]!.embeds.map((e) => [e.title, e.description.split('\n').at(-1)])).toEqual([
      ['Harbour Gazette', '*…and 2 more from this feed.*'],
      [MANUAL_GROUP, '*…and 2 more like these.*'],
    ]);
  });

  it('GIVEN one huge group THEN it splits into continued embeds', () => {
    const long: DigestParts = { summaryOf: () => ['x'.repeat(400)], topQuoteOf: () => ({ quote: 'y'.repeat(240), speaker: 'Z' }) };
    const d = composeDigest({ articles: Array.from({ length: 12 }, (_, i) => article(i, { feed: feedA })), parts: long, heading: 'D', caps: { maxPerGroup: 12, maxArticles: 12 } })!;
    assertWithinLimits(d);
    const titles = d.messages.flatMap((m) => m.embeds.map((e) => e.title));
    expect(titles[0]).toBe('Harbour Gazette');
    expect(titles.slice(1).every((t) => t === 'Harbour Gazette (cont.)')).toBe(true);
    expect(titles.length).toBeGreaterThan(1);
    expect(d.shownCount).toBe(12);
  });

  it('renders as readable text for the CLI', () => {
    const d = composeDigest({ articles: [article(1, { feed: feedA, title: 'A [b] c' })], parts, heading: 'Daily digest' })!;
    expect(digestToText(d)).toBe(
      [
        'Daily digest · 1 new article',
        '',
        '== Harbour Gazette ==',
        '',
        'A [b] c (<https://a.example/story/1>)',
        'First sentence of id1. Second sentence of id1.',
        '> “We did it for id1” — Ana Ruiz',
        '',
        `-- ${DIGEST_FOOTER}`,
        '',
      ].join('\n'),
    );
  });

  it('GIVEN any articles (hostile titles, huge summaries and quotes, many feeds) THEN every message fits Discord and counts add up', () => {
    const text = fc.string({ maxLength: 3000, unit: fc.constantFrom('a', ' ', '*', '_', '`', '[', ']', '(', ')', '@', '>', '#', '\\', 'é', '\n', '😀') });
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: text, feed: fc.integer({ min: 0, max: 12 }), summary: fc.array(text, { maxLength: 3 }), quote: text }), { minLength: 1, maxLength: 60 }),
        (rows) => {
          const articles = rows.map((r, i) =>
            article(i, { title: r.title, ...(r.feed > 0 && { feed: { url: `https://f${r.feed}.example/`, title: r.title.slice(0, 300) || `F${r.feed}` } }) }),
          );
          const byId = new Map(rows.map((r, i) => [`id${i}`, r]));
          const d = composeDigest({
            articles,
            parts: { summaryOf: (a) => byId.get(a.id)!.summary, topQuoteOf: (a) => ({ quote: byId.get(a.id)!.quote, speaker: byId.get(a.id)!.title }) },
            heading: rows[0]!.title,
          })!;
          assertWithinLimits(d);
          expect(d.articleCount).toBe(rows.length);
          expect(d.shownCount).toBeLessThanOrEqual(30);
          expect(d.groups.reduce((n, g) => n + g.total, 0)).toBe(rows.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the quote under an article (digests and feed posts)', () => {
  const REPORTED = 'The council met on Tuesday evening. The mayor said the new bridge over the river would open in May after two years of delays and rising costs. Residents welcomed the news.';
  const DIRECT = 'The council met on Tuesday evening. "We will open the new bridge over the river in May, after two years of delays," the mayor said. Residents welcomed the news.';
  const PRONOUN = 'Residents gathered at the ferry landing on Friday morning. "It took far too long to fix the ramp and nobody told us why," she said.';
  const of = (text: string) => nlpDigestParts().topQuoteOf({ ...article(1), text });

  it('GIVEN reported speech by a role ("The mayor said the bridge would...") THEN the role is the speaker and the words carry no quote marks', () => {
    expect(of(REPORTED)).toEqual({ quote: 'the new bridge over the river would open in May after two years of delays and rising costs', speaker: 'The mayor', speech: 'reported speech' });
    const d = composeDigest({ articles: [article(1, { title: 'Bridge' })], parts: { summaryOf: () => [], topQuoteOf: () => of(REPORTED) }, heading: 'D' })!;
    expect(d.messages[0]!.embeds[0]!.description).toBe('**[Bridge](https://a.example/story/1)**\n> the new bridge over the river would open in May after two years of delays and rising costs — The mayor · reported speech');
  });

  it('GIVEN a direct quote by a role THEN in curly quotes, credited to the role', () => {
    expect(of(DIRECT)).toEqual({ quote: 'We will open the new bridge over the river in May, after two years of delays', speaker: 'the mayor' });
    const d = composeDigest({ articles: [article(1, { title: 'Bridge' })], parts: { summaryOf: () => [], topQuoteOf: () => of(DIRECT) }, heading: 'D' })!;
    expect(d.messages[0]!.embeds[0]!.description).toBe('**[Bridge](https://a.example/story/1)**\n> “We will open the new bridge over the river in May, after two years of delays” — the mayor');
  });

  it('GIVEN a quote by an unresolved "she" THEN no speaker is named', () => {
    expect(of(PRONOUN)?.speaker).toBeUndefined();
  });
});
