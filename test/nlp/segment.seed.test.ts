import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segment } from '../../src/nlp/segment';

const seed = readFileSync(new URL('../../data/articles/venezuela-agrees-to-take-back-migrants.txt', import.meta.url), 'utf8');

/**
 * The seed article segmented raw: the title line and the trailing "News.Az" are sentences of their
 * own here (the Article loader moves them out of the body). Quotations are split at their inner
 * sentence boundaries, so the body has 18 sentences (17 + the split at "first step.").
 */
const GOLDEN = [
  "Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S",
  'Trump: Venezuela agrees to take back all detained illegal migrants from the U.S. and arrange their transportation, News.Az informs via Reuters.',
  '"Venezuela has agreed to receive, back into their country, all Venezuela illegal aliens who were encamped in the US, including gang members of Tren de Aragua," Trump said in a post on Truth Social.',
  'He said Venezuela agreed to supply transportation for them.',
  "The Republican president's announcement came the day after US envoy Richard Grenell met with Venezuelan President Nicolas Maduro in the South American country on Friday and brought six US citizens back with him.",
  "The Trump administration said the top goals for Grenell's trip were to secure the release of detained Americans and deporting Venezuelans back to their home country.",
  "The White House said the high-level visit does not mean the United States recognizes Maduro as Venezuela's legitimate leader.",
  'The two countries have a fraught recent history marked by broken relations, sanctions and accusations of coup-plotting.',
  'Grenell said there were no financial or other concessions promised to Maduro.',
  '"The only award for Maduro was my physical presence, the first senior US official to visit the country in years,\u201D he was quoted as saying in the Wall Street Journal.',
  '"It was a big gift to him to have a visit by an envoy of President Trump.\u201D',
  'Maduro struck a conciliatory note after the meeting, saying he and Trump "have made a first step.',
  'Hopefully it can continue."',
  'Trump praised the agreement as the latest victory in his drive to get Latin and Central American countries to take in illegal migrants.',
  '"We are in the process of removing record numbers of illegal aliens from all countries, and all countries have agreed to accept these illegal aliens back," said Trump.',
  'Last Sunday, the United States and Colombia pulled back from the brink of a trade war after the White House said the South American nation had agreed to accept military aircraft carrying deported migrants.',
  'Mexico refused to accept a US military deportation flight days after Trump took office, but said it has received non-Mexican migrants from the United States in the past week.',
  'Mexican President Claudia Sheinbaum said Central American nations could also reach similar agreements with the US to accept deportees from other countries.',
  'Since taking office on Jan. 20, Trump issued an array of executive orders to crack down on illegal immigration, including actions aimed at deporting record numbers of migrants in the US without legal status.',
  'News.Az',
];

describe('segment on the seed article', () => {
  const seg = segment(seed);
  const sentences = seg.sentences.map((s) => seed.slice(s.start, s.end));

  it('GIVEN the raw file THEN every sentence is exactly the golden list (title, 18 body sentences, News.Az)', () => {
    expect(sentences).toEqual(GOLDEN);
  });

  it('GIVEN blank-line paragraphs THEN there are 16 paragraphs and two of them hold two sentences', () => {
    expect(seg.paragraphs.length).toBe(16);
    expect(seg.paragraphs.map((p) => p.sentenceEnd - p.sentenceStart)).toEqual([1, 1, 1, 1, 1, 1, 2, 1, 2, 2, 1, 1, 1, 2, 1, 1]);
  });

  it('GIVEN the quotation split at "first step." THEN only its second half is marked as starting inside a quote', () => {
    expect(seg.sentences.filter((s) => s.inQuote).map((s) => seed.slice(s.start, s.end))).toEqual(['Hopefully it can continue."']);
  });

  it('GIVEN "U.S.", "Jan.", "News.Az" and "coup-plotting" THEN each is one token of the right kind', () => {
    const kindOf = (word: string): string | undefined => {
      const at = seed.indexOf(word);
      return seg.tokens.find((t) => t.start === at && t.end === at + word.length)?.kind;
    };
    expect(kindOf('U.S.')).toBe('abbrev');
    expect(kindOf('News.Az')).toBe('word');
    expect(kindOf('coup-plotting')).toBe('word');
    expect(kindOf("Grenell's")).toBe('word');
    expect(kindOf('20')).toBe('number');
  });

  it('gives offsets into the original text (folding preserves length)', () => {
    expect(seg.folded.length).toBe(seed.length);
    expect(seg.folded.includes('\u201D')).toBe(false);
    expect(seg.text).toBe(seed);
  });
});
