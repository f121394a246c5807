import { describe, expect, it } from 'vitest';
import { segment } from '../../../src/nlp/segment';
import { sentenceFeatures } from '../../../src/nlp/summarize/features';
import { isStorySentence, openerFactor, staticFactor, staticPenalties } from '../../../src/nlp/summarize/penalties';
import { storyRanks } from '../../../src/nlp/summarize/score';

/** Penalty ids of the first sentence of `text`. */
function penaltiesOf(text: string): string[] {
  const f = sentenceFeatures(segment(text))[0]!;
  return staticPenalties(f).map((p) => p.id).sort();
}

describe('static penalties (one row per rule, and clean sentences stay clean)', () => {
  it.each<[string, string[]]>([
    ['The city council approved the $42 million repair of the bridge on Monday night.', []],
    ['Scroll down for video Sailing on: Half of the regatta left the harbour in Kiel last Sunday and thrilled the crowd.', ['caption-label', 'scroll-for-video']],
    ['Click here to see the full detour map for the whole of the city.', ['click-here']],
    ['PUBLISHED: 09:14 EST, 3 March 2025 | UPDATED: 11:02 EST, 3 March 2025', ['no-terminal', 'published-updated']],
    ['By Daily Mail Reporter', ['byline', 'fragment', 'no-terminal', 'staff-reporter']],
    ['By John Smith', ['byline', 'fragment', 'no-terminal']],
    ['Photo: Pupils at a primary school in Leeds eat breakfast before lessons (Getty Images)', ['image-credit', 'no-terminal']],
    ['Follow us on Twitter for the latest news from the courts and the council.', ['share-follow']],
    ['Mr Tallis, pictured, failed to stop after hitting a lamp post near his Kent shop.', ['caption-marker']],
    ['The boat weighs 900 kilograms and needs six rowers Skilful: The crew was forced to row only part of the way.', ['caption-label']],
    ['WASHINGTON (Reuters) -', ['dateline-only', 'fragment', 'no-terminal']],
    ['News.Az', ['fragment', 'no-terminal']],
    ['The mayor spoke.', ['fragment']],
    ['The mayor spoke to reporters on Monday.', ['short']],
    ['Is this the end of Harbor Street as a shopping destination for the city?', ['question']],
    ['"We cannot gamble with people\'s safety," Mayor Linda Okafor told reporters on Monday.', ['opens-with-quote']],
    ['What a day it was for the fans of the club in the north of the city!', ['exclamation']],
    ['Trump announces Venezuela agreement to take back illegal migrants detained in the US', ['no-terminal']],
  ])('%s -> %j', (text, expected) => {
    expect(penaltiesOf(text)).toEqual(expected);
  });

  it('GIVEN the dotted Daily Mail byline THEN no piece of it can be picked', () => {
    for (const f of sentenceFeatures(segment('By . Daily Mail Reporter . PUBLISHED: 10:02 EST, 1 May 2014 .'))) {
      expect(staticPenalties(f).some((p) => p.factor === 0)).toBe(true);
    }
  });

  it('GIVEN a Reuters dateline opening a lede THEN the lede is not taken for an image credit', () => {
    expect(penaltiesOf('WASHINGTON (Reuters) - The Senate passed the spending bill late on Friday after a long debate.')).toEqual([]);
  });

  it('GIVEN a quotation introduced by "said:" THEN it is not taken for a caption label', () => {
    expect(penaltiesOf("Mr Wang said: Big kites need a special rope made from kevlar to hold them.")).toEqual([]);
  });

  it('GIVEN a run-on of more than 110 words THEN it is rejected; 56-110 words is only penalised', () => {
    const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(' ') + '.';
    expect(penaltiesOf(`The ${words(120)}`)).toContain('overlong');
    expect(penaltiesOf(`The ${words(60)}`)).toEqual(['long']);
  });
});

describe('opener penalty', () => {
  it.each<[string, boolean, number]>([
    ['He said Venezuela agreed to supply transportation for them.', false, 0.55],
    ['He said Venezuela agreed to supply transportation for them.', true, 1],
    ['But the study found no improvement in mathematics scores at all.', false, 0.5],
    ['However, the council said the plan would go ahead next year.', false, 0.55],
    ['The council said the plan would go ahead next year.', false, 1],
    ['"They also missed fewer days of school," the report said.', false, 0.55],
  ])('%s (previous picked: %s) -> %d', (text, previousSelected, factor) => {
    const f = sentenceFeatures(segment(text))[0]!;
    expect(openerFactor(f, previousSelected)).toBe(factor);
  });
});

describe('the lede and story positions', () => {
  it('GIVEN a lede with a glued caption marker THEN the caption penalty spares it as the lede, not elsewhere', () => {
    const f = sentenceFeatures(segment('A Dutch cyclist said she was robbed by a van driver (pictured posed by model) in Porto on Friday.'))[0]!;
    expect(staticFactor(f)).toBe(0.45);
    expect(staticFactor(f, true)).toBe(1);
  });

  it('GIVEN a lede that is a question THEN being the lede does not excuse it', () => {
    const f = sentenceFeatures(segment('Is this the end of Harbor Street as a shopping destination for the city?'))[0]!;
    expect(staticFactor(f, true)).toBe(0.3);
  });

  it('GIVEN a byline, a timestamp and a fragment before the story THEN the lede ranks first and furniture does not count', () => {
    const text = [
      'By . Staff Reporter .',
      'PUBLISHED: 09:14 EST, 3 March 2025 | UPDATED: 11:02 EST, 3 March 2025',
      'The bridge will close to all traffic for eight months starting in April.',
      'Scroll down for video',
      'Engineers found cracks in fourteen of the sixty support beams last autumn.',
      'News.Az',
      'The council approved the repair in a seven to two vote on Monday night.',
    ].join('\n\n');
    const features = sentenceFeatures(segment(text));
    // The segmenter splits the byline at its stops: "By ." and "Staff Reporter .".
    expect(features.map(isStorySentence)).toEqual([false, false, false, true, false, true, false, true]);
    expect(storyRanks(features.map((f) => isStorySentence(f)))).toEqual([0, 0, 0, 0, 1, 1, 2, 2]);
  });
});
