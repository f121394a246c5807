import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment } from '../../../src/nlp/segment';
import { extractKeywords, summarize } from '../../../src/nlp/summarize';

const read = (rel: string): string => readFileSync(new URL(rel, import.meta.url), 'utf8');
const seedRaw = read('../../../data/articles/venezuela-agrees-to-take-back-migrants.txt');
/** The seed file is "title, blank line, body", as the article loader splits it. */
const seedTitle = seedRaw.slice(0, seedRaw.indexOf('\n\n'));
const seedBody = seedRaw.slice(seedRaw.indexOf('\n\n') + 2);
const bridge = read('../../fixtures/summaries/harbor-bridge-closure.txt');
const breakfast = read('../../fixtures/summaries/school-lunch-study.txt');

describe('golden summaries', () => {
  it('GIVEN the seed with its title THEN the gist: who agreed to what, the Grenell trip, the wider deportation push', () => {
    const r = summarize(seedBody, { title: seedTitle });
    expect(r.tooShort).toBe(false);
    expect(r.sentences.map((s) => s.text)).toEqual([
      'Trump: Venezuela agrees to take back all detained illegal migrants from the U.S. and arrange their transportation, News.Az informs via Reuters.',
      "The Trump administration said the top goals for Grenell's trip were to secure the release of detained Americans and deporting Venezuelans back to their home country.",
      'Trump praised the agreement as the latest victory in his drive to get Latin and Central American countries to take in illegal migrants.',
    ]);
    expect(r.reducedByPercent).toBe(83);
    expect(r.keywords.slice(0, 5)).toEqual(['Trump', 'Central American', 'Nicolas Maduro', 'Venezuela', 'Richard Grenell']);
  });

  it('GIVEN the seed with its heading and trailing "News.Az" still in the text THEN neither is picked', () => {
    for (const n of [1, 3, 5, 10]) {
      const texts = summarize(seedRaw, { sentences: n }).sentences.map((s) => s.text);
      expect(texts.length).toBe(n);
      expect(texts).not.toContain('News.Az');
      expect(texts.some((t) => t.startsWith("Trump announces Venezuela's agreement"))).toBe(false);
    }
  });

  it('GIVEN a story wrapped in a byline, timestamps, a video prompt, a caption and "Click here" THEN the summary is the news only', () => {
    const r = summarize(bridge);
    expect(r.sentences.map((s) => s.index)).toEqual([3, 4, 6]);
    expect(r.sentences[0]!.text).toBe(
      'The Harbor Street Bridge in Millford will close to all traffic for eight months starting April 1 so engineers can replace its corroded steel deck, city officials announced on Monday.',
    );
    expect(summarize(bridge, { sentences: 5 }).sentences.map((s) => s.text).join('\n')).not.toMatch(/\?/);
    // Asked for 10 of 17: a question may be the last resort, furniture never.
    const ten = summarize(bridge, { sentences: 10 }).sentences.map((s) => s.text).join('\n');
    expect(ten).not.toMatch(/PUBLISHED|Staff Reporter|Scroll down|Click here|Pictured:/);
    expect(r.keywords.slice(0, 4)).toEqual(['Harbor Street', 'Canal Road', 'Millford', 'Linda Okafor']);
  });

  it('GIVEN a study story THEN the finding, the method and the key figure; not the dangling "They also ..." line', () => {
    const r = summarize(breakfast);
    expect(r.sentences.map((s) => s.index)).toEqual([0, 1, 3]);
    expect(r.reducedByPercent).toBe(63);
    const five = summarize(breakfast, { sentences: 5 }).sentences.map((s) => s.text);
    expect(five).not.toContain('What happens next?');
    expect(five.some((t) => t.startsWith('Photo:'))).toBe(false);
  });
});

describe('short, empty and odd input', () => {
  it.each<[string, string]>([
    ['empty', ''],
    ['whitespace', ' \n\n\t  '],
    ['one sentence', 'The council approved the budget on Monday after a long debate about the cost of the new bridge.'],
    ['punctuation only', '!!! ??? ... ;;; --- """'],
    ['fewer sentences than asked + 1', 'The council approved the budget on Monday. The vote was seven to two in favour of it. The mayor said the work starts in April.'],
  ])('%s -> tooShort, no sentences, never the whole text', (_label, text) => {
    const r = summarize(text);
    expect(r.tooShort).toBe(true);
    expect(r.sentences).toEqual([]);
    expect(r.reducedByPercent).toBe(0);
  });

  it('GIVEN 70 words in 5 sentences THEN 3 sentences are fine but 5 is too short', () => {
    const text = [
      'The city council approved a budget of four million dollars for the new bridge on Monday night.',
      'The vote was seven to two after a debate that lasted more than three hours in the town hall.',
      'Residents who spoke at the meeting asked for a safer crossing for children on their way to school.',
      'Work on the bridge will begin in April and should be finished before the end of next year.',
      'The mayor thanked the engineers who drew up the plan and the residents who came to the meeting.',
    ].join(' ');
    expect(summarize(text, { sentences: 3 }).tooShort).toBe(false);
    expect(summarize(text, { sentences: 3 }).sentences).toHaveLength(3);
    expect(summarize(text, { sentences: 5 }).tooShort).toBe(true);
  });

  it.each<[number, number]>([
    [0, 1],
    [-4, 1],
    [2.6, 3],
    [99, 10],
    [Number.NaN, 3],
  ])('sentences=%d is clamped to %d', (asked, got) => {
    const r = summarize(seedBody, { sentences: asked });
    expect(r.sentences).toHaveLength(got);
  });

  it('accepts a precomputed segmentation and gives the same result', () => {
    expect(summarize(bridge, { seg: segment(bridge) })).toEqual(summarize(bridge));
  });

  it('extractKeywords ranks the same keywords as summarize and honours the limit', () => {
    expect(extractKeywords(bridge, { limit: 3 })).toEqual(['Harbor Street', 'Canal Road', 'Millford']);
    expect(extractKeywords('')).toEqual([]);
  });
});

describe('properties', () => {
  const sentenceArb = fc
    .array(fc.constantFrom('the', 'council', 'said', 'Maduro', 'bridge', 'on', 'Monday', 'vote', '42', 'he', 'But', 'migrants', '"We', 'win,"', 'U.S.', 'Jan.', '20', 'pictured', 'Click', 'here'), { minLength: 1, maxLength: 30 })
    .map((ws) => ws.join(' ') + fc.sample(fc.constantFrom('.', '?', '!', '', '."'), 1)[0]);
  const articleArb = fc.array(sentenceArb, { minLength: 0, maxLength: 40 }).chain((sents) =>
    fc.constantFrom(' ', '\n\n', '\n').map((sep) => sents.join(sep)),
  );

  it('every summary sentence is a verbatim span of the text, in article order, within the requested count', () => {
    fc.assert(
      fc.property(articleArb, fc.integer({ min: 1, max: 10 }), (text, n) => {
        const r = summarize(text, { sentences: n });
        expect(r.sentences.length).toBeLessThanOrEqual(n);
        if (r.tooShort) expect(r.sentences).toEqual([]);
        const seg = segment(text);
        let last = -1;
        for (const s of r.sentences) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          const sentence = seg.sentences[s.index]!;
          expect([sentence.start, sentence.end]).toEqual([s.start, s.end]);
          expect(s.index).toBeGreaterThan(last);
          last = s.index;
        }
        expect(r.reducedByPercent).toBeGreaterThanOrEqual(0);
        expect(r.reducedByPercent).toBeLessThanOrEqual(100);
      }),
      { numRuns: 150 },
    );
  });

  it('arbitrary unicode never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), (text) => {
        const r = summarize(text);
        for (const s of r.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
      }),
      { numRuns: 150 },
    );
  });

  it('hostile text stays bounded: 2,000 sentences, a 1 MB run-on and 200k periods each finish', () => {
    const many = Array.from({ length: 2000 }, (_, i) => `Officials in district ${i} said the vote on the bridge budget passed.`).join(' ');
    const runOn = 'word '.repeat(200_000);
    const periods = '.'.repeat(200_000);
    for (const text of [many, runOn, periods]) {
      const r = summarize(text, { sentences: 10 });
      expect(r.sentences.length).toBeLessThanOrEqual(10);
    }
  });
});
