import { describe, expect, it } from 'vitest';
import { FILTER_LIMITS, firstMatch, hasFilter, matchText, parseKeywords, passesFilter } from '../../src/feeds/filter';

const item = matchText('Art fair opens at the harbour', 'The City Council voted on Tuesday. Café owners welcomed the article in the paper.');

describe('keyword matching: whole words, any case, accents ignored', () => {
  it.each([
    ['art', true],
    ['ART', true],
    ['fair', true],
    ['article', true],
    ['arti', false],
    ['harb', false],
    ['city council', true],
    ['council city', false],
    ['city  Council', true],
    ['cafe', true],
    ['café owners', true],
    ['tuesday.', true],
    ['voted on tuesday', true],
    ['paper owners', false],
  ])('%s -> %s', (keyword, found) => {
    expect(firstMatch(item, [keyword]) !== undefined).toBe(found);
  });

  it('"art" does not match inside "article" or "party"', () => {
    expect(firstMatch(matchText('A new article about the party'), ['art'])).toBeUndefined();
    expect(firstMatch(matchText("The art's price"), ['art'])).toBe('art');
  });

  it('gives the first keyword found, in the order given', () => {
    expect(firstMatch(item, ['nothing', 'harbour', 'art'])).toBe('harbour');
  });
});

describe('passesFilter', () => {
  const cases: Array<[string, { include?: string[]; exclude?: string[] }, boolean]> = [
    ['no filter', {}, true],
    ['include found', { include: ['ferry', 'harbour'] }, true],
    ['include missing', { include: ['ferry', 'bridge'] }, false],
    ['exclude found', { exclude: ['council'] }, false],
    ['exclude missing', { exclude: ['football'] }, true],
    ['both: included and not excluded', { include: ['harbour'], exclude: ['football'] }, true],
    ['both: included but excluded', { include: ['harbour'], exclude: ['café'] }, false],
    ['both: not included', { include: ['bridge'], exclude: ['football'] }, false],
    ['empty lists are no filter', { include: [], exclude: [] }, true],
  ];
  it.each(cases)('%s', (_name, filter, passes) => {
    expect(passesFilter(filter, item)).toBe(passes);
    expect(hasFilter(filter)).toBe((filter.include?.length ?? 0) + (filter.exclude?.length ?? 0) > 0);
  });
});

describe('parseKeywords', () => {
  it('splits on commas, trims, keeps phrases, drops blanks and repeats (as matched)', () => {
    expect(parseKeywords(' harbour ,  city   council,,Harbour, CAFÉ , cafe ')).toEqual({ ok: true, keywords: ['harbour', 'city council', 'CAFÉ'] });
    expect(parseKeywords('')).toEqual({ ok: true, keywords: [] });
    expect(parseKeywords(' , ')).toEqual({ ok: true, keywords: [] });
  });

  it('refuses a keyword without letters or digits, too long, too many, and a too long option', () => {
    expect(parseKeywords('harbour, --')).toEqual({ ok: false, problem: { kind: 'no-word', keyword: '--' } });
    const long = 'x'.repeat(FILTER_LIMITS.keywordChars + 1);
    expect(parseKeywords(`a, ${long}`)).toEqual({ ok: false, problem: { kind: 'keyword-too-long', keyword: long, max: FILTER_LIMITS.keywordChars } });
    const many = Array.from({ length: FILTER_LIMITS.keywords + 1 }, (_, i) => `w${i}`).join(',');
    expect(parseKeywords(many)).toEqual({ ok: false, problem: { kind: 'too-many', max: FILTER_LIMITS.keywords } });
    expect(parseKeywords('a'.repeat(FILTER_LIMITS.optionChars + 1))).toEqual({ ok: false, problem: { kind: 'too-long', max: FILTER_LIMITS.optionChars } });
  });
});
