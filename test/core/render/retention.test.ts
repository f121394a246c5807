/**
 * The retention policy in words: the `/article list` footer line and the `/feed status` lines say
 * what a server keeps and what it pruned this week, why and when.
 */
import { describe, expect, it } from 'vitest';
import { retentionFooter, retentionStatusLines } from '../../../src/core/render/retention';
import { DEFAULT_RETENTION, type RetentionReport } from '../../../src/library/retention';

const FEED = 'https://news.test/feed.xml';
const T = '2026-03-05T12:00:00.000Z';
const unix = Date.parse(T) / 1000;

const report = (extra: Partial<RetentionReport> = {}): RetentionReport => ({ policy: DEFAULT_RETENTION, memberArticles: 12, feedItems: 12_345, pruned: [], ...extra });

describe('retentionFooter', () => {
  it.each([
    ['nothing pruned', report(), 'Feed items kept 365 days, up to 100,000 (12,345 now) · none pruned this week'],
    [
      'prunes of two feeds for both reasons',
      report({ pruned: [{ feedUrl: FEED, reason: 'ceiling', count: 200, lastAt: T }, { feedUrl: 'https://b.test/f', reason: 'age', count: 30, lastAt: T }] }),
      'Feed items kept 365 days, up to 100,000 (12,345 now) · 230 pruned this week',
    ],
    [
      'members near their bound',
      report({ memberArticles: 18_000, policy: { ...DEFAULT_RETENTION, feedRetentionDays: 1 } }),
      'Feed items kept 1 day, up to 100,000 (12,345 now) · none pruned this week · added by members 18,000 of 20,000',
    ],
  ])('GIVEN %s THEN %j', (_what, r, expected) => {
    expect(retentionFooter(r)).toBe(expected);
  });
});

describe('retentionStatusLines', () => {
  it('GIVEN no prunes THEN one line: the library against its ceiling and retention', () => {
    expect(retentionStatusLines(report(), FEED)).toEqual(['**Library:** 12,345 of at most 100,000 feed items (all feeds), kept 365 days, oldest pruned first; none pruned this week']);
  });

  it('GIVEN this feed lost items to the ceiling and to age, and another feed too THEN how many of this feed, why and when; the library line counts all', () => {
    const r = report({
      feedItems: 100_000,
      pruned: [
        { feedUrl: FEED, reason: 'age', count: 12, lastAt: T },
        { feedUrl: FEED, reason: 'ceiling', count: 1_200, lastAt: T },
        { feedUrl: 'https://b.test/f', reason: 'ceiling', count: 5, lastAt: T },
      ],
    });
    expect(retentionStatusLines(r, FEED)).toEqual([
      '**Library:** 100,000 of at most 100,000 feed items (all feeds), kept 365 days, oldest pruned first; 1,217 pruned this week',
      `**Pruned this week:** 12 older than 365 days (last <t:${unix}:R>); 1,200 oldest to stay within 100,000 feed items (last <t:${unix}:R>)`,
    ]);
  });
});
