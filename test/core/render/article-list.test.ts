/**
 * /article list entries in parts measured against Discord's 4,096-character description: every
 * entry keeps its link; one too long for a part on its own is shown without its link, never cut.
 */
import { describe, expect, it } from 'vitest';
import { articleListEmbed, articleListParts } from '../../../src/core/render/article';
import type { ArticleListing } from '../../../src/store/ports';

const entry = (k: number, url: string): ArticleListing => ({
  id: `${k}`.padStart(16, '0'),
  guildId: '1',
  slug: `story-${k}`,
  title: `Story ${k}`,
  source: url,
  url,
  siteName: 'news.example',
  addedAt: '2026-01-01T00:00:00.000Z',
  length: 100,
});
const longUrl = (k: number, chars: number) => `https://news.example/${k}/${'a'.repeat(chars)}`;

describe('articleListParts', () => {
  it('GIVEN ten entries with 1,500-character links THEN parts of at most 4,096 characters, every entry linked, in order', () => {
    const items = Array.from({ length: 10 }, (_, k) => entry(k, longUrl(k, 1500)));
    const parts = articleListParts(items, 0, 10);
    expect(parts.length).toBe(5);
    for (const p of parts) expect(p.join('\n').length).toBeLessThanOrEqual(4096);
    const lines = parts.flat();
    expect(lines.map((l) => /^(\d+)\./.exec(l)![1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    lines.forEach((l, k) => expect(l).toContain(`[Story ${k}](${longUrl(k, 1500)})`));
  });

  it('GIVEN an entry whose link alone is longer than a part THEN it is listed without the link, whole', () => {
    const parts = articleListParts([entry(1, longUrl(1, 5000)), entry(2, longUrl(2, 100))], 0, 10);
    expect(parts).toHaveLength(1);
    expect(parts[0]![0]).toBe('1. **Story 1**\n    news.example · added <t:1767225600:R> · `0000000000000001`');
    expect(parts[0]![1]).toContain(`[Story 2](${longUrl(2, 100)})`);
  });

  it('GIVEN a part number THEN that part, and the footer says which', () => {
    const items = Array.from({ length: 10 }, (_, k) => entry(k, longUrl(k, 1500)));
    const e = articleListEmbed(items, 1, 10, 3, 30, undefined, 2);
    expect(e.description!.startsWith('15. [Story 4]')).toBe(true);
    expect(e.footer).toBe('Page 2 of 3 (part 3 of 5) · newest first · /article show article:<id> for details');
  });
});
