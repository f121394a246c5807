/**
 * The feed corpus (test/fixtures/feeds/corpus, files written for these tests; see its README): what
 * each file gives, as a feed reader would read it: parsed (its items, with what identifies and
 * titles them), empty, or refused by code. The counts are printed for the before/after.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itemKeys } from '../../src/feeds/normalize';
import { parseFeedDocument } from '../../src/feeds/parse';

const DIR = new URL('../fixtures/feeds/corpus/', import.meta.url);
const FEED_URL = 'https://gazette.example/feed';

/** One line per item the poller takes (it has a dedupe key): title | url | date. */
function outcome(name: string): string[] | string {
  try {
    const feed = parseFeedDocument(readFileSync(new URL(name, DIR), 'utf8'), FEED_URL);
    if (feed.items.length === 0) return 'empty';
    return feed.items.filter((i) => itemKeys(i).length > 0).map((i) => `${i.title} | ${i.url ?? '-'} | ${i.publishedAt ?? '-'}`);
  } catch (err) {
    return `refused ${(err as { code?: string }).code}`;
  }
}

const FERRY = 'Ferry pier reopens after winter repairs';
const MARKET = 'Market hall gets a new roof this summer';
const TRAM = 'Council extends the harbour tram line';
const ferry = `${FERRY} | https://gazette.example/news/ferry-pier | 2024-03-05T11:00:00.000Z`;
const market = `${MARKET} | https://gazette.example/news/market-hall | 2024-03-04T15:00:00.000Z`;
const tram = `${TRAM} | https://gazette.example/news/tram-line | 2024-03-04T09:30:00.000Z`;

const EXPECTED: Record<string, string[] | string> = {
  'whole-rss.xml': [ferry, market, tram],
  // Cut off: the complete items before the cut; the item the cut went through only with a title or link of its own.
  'cut-rss-missing-gt.xml': [ferry, market, tram],
  'cut-rss-between-items.xml': [ferry],
  // The cut is in the first item's description: its title, link and date are whole, its body is left out.
  'cut-rss-in-description.xml': [ferry],
  'cut-rss-in-title.xml': [ferry],
  'cut-rss-before-first-item.xml': 'refused FEED_MALFORMED',
  'cut-atom-in-xhtml-content.xml': [ferry, market],
  'cut-rdf-in-date.xml': [
    ferry,
    // The cut is in its date: the date is left out.
    `${MARKET} | https://gazette.example/news/market-hall | -`,
  ],
  'broken-mid-document.xml': [ferry],
  'cut-json-feed.json': 'refused FEED_MALFORMED',
  // Well-formed, not feeds.
  'web-page.html': 'refused FEED_UNRECOGNIZED',
  'sitemap.xml': 'refused FEED_UNRECOGNIZED',
  'rss-without-channel.xml': 'refused FEED_UNRECOGNIZED',
  'empty-channel.xml': 'empty',
  'atom-entry.xml': [ferry],
  'rss092-description-only.xml': [
    'The harbour master says the north basin will be dredged in April, so moorings… | - | -',
    'Fish market opens an hour earlier on Saturdays. | - | -',
    'Update | - | -',
  ],
  'rss-permalink-guids.xml': [
    'Pier repairs finished | https://gazette.example/news/pier-repairs | -',
    'Market hall roof | https://gazette.example/news/market-roof | -',
    'Tram line vote | - | -',
    'Library hours | - | -',
    'Harbour festival | https://gazette.example/news/festival | -',
  ],
  'atom03-escaped-titles.xml': [
    'The new pier & its lights | https://weblog.example/2024/03/pier | 2024-03-05T11:00:00.000Z',
    'Moorings move south | https://weblog.example/2024/03/moorings | 2024-03-04T09:00:00.000Z',
  ],
  'dates-in-languages.xml': [
    'Item dated in pt | https://jornal.example/pt | 2018-09-24T13:00:00.000Z',
    'Item dated in es | https://jornal.example/es | 2018-10-03T15:00:00.000Z',
    'Item dated in fr | https://jornal.example/fr | 2018-10-08T07:00:00.000Z',
    'Item dated in de | https://jornal.example/de | 2018-10-09T06:00:00.000Z',
    'Item dated in it | https://jornal.example/it | 2018-10-11T06:15:00.000Z',
    'Item dated in nl | https://jornal.example/nl | 2018-10-12T05:00:00.000Z',
    'Item dated in unreadable | https://jornal.example/unreadable | -',
  ],
};

describe('the feed corpus', () => {
  const files = readdirSync(DIR).filter((f) => f !== 'README.md').sort();

  it('has an expected outcome for every file, and every expected file exists', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    expect(outcome(name)).toEqual(expected);
  });

  it('GIVEN whole-rss.xml cut at every one of its characters THEN each cut gives whole items in order (no field cut short) or is refused', () => {
    const doc = readFileSync(new URL('whole-rss.xml', DIR), 'utf8');
    const whole = parseFeedDocument(doc, FEED_URL).items;
    const outcomes: Record<string, number> = {};
    for (let n = 0; n < doc.trimEnd().length; n++) {
      let key: string;
      try {
        const feed = parseFeedDocument(doc.slice(0, n), FEED_URL);
        feed.items.forEach((it, i) => {
          // The cut item may lack fields (its body, its date), never have a field cut short.
          for (const [k, v] of Object.entries(it)) expect([n, k, v]).toEqual([n, k, whole[i]![k as keyof (typeof whole)[number]]]);
        });
        expect(feed.truncated).toBe(true);
        key = `${feed.items.length} items`;
      } catch (err) {
        key = (err as { code: string }).code;
      }
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
    expect(outcomes).toEqual({ FEED_UNRECOGNIZED: 48, FEED_MALFORMED: 189, '1 items': 344, '2 items': 330, '3 items': 279 });
  });

  it('counts: 13 parsed (32 items taken), 1 empty, 5 refused (2 FEED_MALFORMED, 3 FEED_UNRECOGNIZED)', () => {
    const all = files.map(outcome);
    const refused = all.filter((o): o is string => typeof o === 'string' && o.startsWith('refused'));
    const counts = {
      parsed: all.filter(Array.isArray).length,
      items: all.filter(Array.isArray).flat().length,
      empty: all.filter((o) => o === 'empty').length,
      refused: Object.fromEntries([...new Set(refused)].map((r) => [r.slice(8), refused.filter((x) => x === r).length])),
    };
    console.log(`feed corpus: ${JSON.stringify(counts)}`);
    expect(counts).toEqual({ parsed: 13, items: 32, empty: 1, refused: { FEED_MALFORMED: 2, FEED_UNRECOGNIZED: 3 } });
  });
});
