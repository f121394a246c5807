import { describe, expect, it } from 'vitest';
import { extractQuotes, filterBySpeaker, keyQuoteScore, rankKeyQuotes, type Quote } from '../../../src/nlp/quotes';
import { quote, SEED, TARIFFS, TWO_SMITHS, FLOOD } from './api-fixtures';

const SIXTEEN = 'The council will vote on the new budget next week after months of very long debate.'; // 16 words
const EIGHT = 'We will rebuild every home on this street.'; // 8 words

describe('keyQuoteScore', () => {
  // direct 1.0 + named 0.8 + speech 0.3 + complete 0.3 + 0.8 x confidence, times min(1, 0.6 + words/40) (x0.7 past 80 words)
  it.each<[string, Partial<Quote> & Pick<Quote, 'quote'>, number]>([
    ['direct, named, speech, complete, 16 words', { quote: SIXTEEN, speakerRef: 'Ana Ruiz' }, 3.12],
    ['same, 8 words (length factor 0.8)', { quote: EIGHT, speakerRef: 'Ana Ruiz' }, 2.496],
    ['no speaker: no named bonus', { quote: SIXTEEN }, 2.32],
    ['belief cue: no speech bonus', { quote: SIXTEEN, speakerRef: 'Ana Ruiz', cueClass: 'belief' }, 2.82],
    ['direct starting lowercase: not complete', { quote: SIXTEEN.toLowerCase(), speakerRef: 'Ana Ruiz' }, 2.82],
    ['indirect counts as complete', { quote: SIXTEEN.toLowerCase(), speakerRef: 'Ana Ruiz', kind: 'indirect' }, 2.37],
    ['mixed', { quote: SIXTEEN, speakerRef: 'Ana Ruiz', kind: 'mixed' }, 2.72],
    ['confidence 0.5', { quote: SIXTEEN, speakerRef: 'Ana Ruiz', confidence: 0.5 }, 2.8],
    ['a title is not a name ("President")', { quote: SIXTEEN, speakerRef: 'President' }, 2.32],
    ['81 words: too long, x0.7', { quote: Array.from({ length: 81 }, (_, i) => (i === 0 ? 'Word' : 'word')).join(' '), speakerRef: 'Ana Ruiz' }, 2.184],
    ['five words: too short', { quote: 'We will win this fight.', speakerRef: 'Ana Ruiz' }, 0],
    ['"No comment" is trivial', { quote: 'No comment on the case, not today, not tomorrow.', speakerRef: 'Ana Ruiz' }, 0],
    ['"Thank you" after an opening quote mark is trivial', { quote: '"Thank you all for coming here tonight to the hall."', speakerRef: 'Ana Ruiz' }, 0],
    ['empty quote', { quote: '' }, 0],
  ])('%s -> $2', (_name, q, expected) => {
    expect(keyQuoteScore(quote(q))).toBeCloseTo(expected, 10);
  });
});

describe('rankKeyQuotes on hand-made quotes', () => {
  const a1 = quote({ quote: SIXTEEN, start: 0, speakerRef: 'Ana Ruiz', confidence: 0.9 });
  const a2 = quote({ quote: SIXTEEN, start: 100, speakerRef: 'Ana Ruiz', confidence: 0.8 });
  const a3 = quote({ quote: SIXTEEN, start: 200, speakerRef: 'Ana Ruiz', confidence: 0.7 });
  const b1 = quote({ quote: EIGHT, start: 300, speakerRef: 'Ben Cole', confidence: 0.6 });
  const nobody = quote({ quote: SIXTEEN, start: 400, confidence: 0.3 });
  const trivial = quote({ quote: 'No comment.', start: 500, speakerRef: 'Ben Cole' });
  const tieLate = quote({ quote: SIXTEEN, start: 900, speakerRef: 'Cy Dunn', confidence: 0.9 });
  const all = [nobody, b1, a3, trivial, a2, a1];
  const starts = (qs: Quote[]) => qs.map((q) => q.start);

  it.each<[string, Quote[], Parameters<typeof rankKeyQuotes>[1], number[]]>([
    ['empty input', [], {}, []],
    ['default limit is 5; a speaker gets two before others get a turn; trivial dropped', all, undefined, [0, 100, 300, 400, 200]],
    ['limit 2', all, { limit: 2 }, [0, 100]],
    ['limit 3: the third Ana quote (2.96) waits for Ben (2.30)', all, { limit: 3 }, [0, 100, 300]],
    ['limit larger than the pool', all, { limit: 50 }, [0, 100, 300, 400, 200]],
    ['limit 0', all, { limit: 0 }, []],
    ['speaker filter lifts the per-speaker cap', all, { speaker: 'Ruiz' }, [0, 100, 200]],
    ['speaker with no quotes', all, { speaker: 'Dana Hill' }, []],
    ['minScore drops weaker quotes (Ben 2.30, unnamed 1.84)', all, { minScore: 2.6 }, [0, 100, 200]],
    ['only trivial quotes', [trivial], {}, []],
    ['equal scores: earlier in the text first', [tieLate, a1], {}, [0, 900]],
  ])('%s', (_name, quotes, opts, expected) => {
    expect(starts(rankKeyQuotes(quotes, opts))).toEqual(expected);
  });
});

describe('rankKeyQuotes on extracted news', () => {
  const seed = extractQuotes(SEED);
  it.each<[string, string, Parameters<typeof rankKeyQuotes>[1], Array<[string | null, string]>]>([
    ['seed, default', SEED, {}, [
      ['Trump', '"Venezuela has agreed to receive, back into thei'],
      ['Trump', '"We are in the process of removing record number'],
      ['Richard Grenell', '"The only award for Maduro was my physical prese'],
      ['Richard Grenell', '"It was a big gift to him to have a visit by an '],
      // The colon headline is News.Az's claim ("…, News.Az informs via Reuters"), not Trump's words.
      ['News.Az', 'Trump: Venezuela agrees to take back all detaine'],
    ]],
    ['seed, --speaker "President Trump" (title dropped)', SEED, { speaker: 'President Trump', limit: 3 }, [
      ['Trump', '"Venezuela has agreed to receive, back into thei'],
      ['Trump', '"We are in the process of removing record number'],
      // "He said ..." (the colon headline is News.Az's claim, not Trump's words).
      ['Trump', 'Venezuela agreed to supply transportation for th'],
    ]],
    ['tariffs: the trivial "No comment" by an unnamed spokesman is never a key quote', TARIFFS, { limit: 10 }, [
      // Lopez's quote has 13 words, Trump's 12: a shade longer is a shade more informative.
      ['Maria Lopez', '"Tariffs are a tax, and American families will p'],
      ['Donald Trump', '"This is a great day for American workers and fo'],
      ['Donald Trump', 'tariffs on steel would rise to 50 percent next m'],
      ['Maria Lopez', 'higher tariffs would raise prices for consumers'],
    ]],
    ['empty text', '', {}, []],
  ])('%s', (_name, text, opts, expected) => {
    const quotes = text === SEED ? seed : extractQuotes(text);
    // Shown with the quote marks around it, as the text has them, so the 48-character heads are exact.
    const got = rankKeyQuotes(quotes, opts).map((q): [string | null, string] => [q.speakerRef, text.slice(q.kind === 'direct' ? q.start - 1 : q.start, q.end).slice(0, 48)]);
    expect(got).toEqual(expected);
  });
});

describe('filterBySpeaker', () => {
  const heads = (text: string, name: string) => filterBySpeaker(extractQuotes(text), name).map((q) => q.quote.slice(0, 24));
  it.each<[string, string, string, string[]]>([
    ['bare surname asks for every Smith', TWO_SMITHS, 'Smith', ['the bill would pass befo', 'We have the votes, and w', 'the city could not affor', 'Our budget is already st']],
    ['case and spacing do not matter', TWO_SMITHS, '  smith ', ['the bill would pass befo', 'We have the votes, and w', 'the city could not affor', 'Our budget is already st']],
    ['full name: a bare "Smith" quote is not his when two Smiths speak', TWO_SMITHS, 'John Smith', ['the bill would pass befo']],
    ['the other Smith', TWO_SMITHS, 'Jane Smith', ['the city could not affor']],
    ['title on the query is dropped', TWO_SMITHS, 'Senator John Smith', ['the bill would pass befo']],
    ['honorific plus surname is the surname', TWO_SMITHS, 'Ms. Smith', ['the bill would pass befo', 'We have the votes, and w', 'the city could not affor', 'Our budget is already st']],
    ['a different given name is someone else', TARIFFS, 'Eric Trump', []],
    ['full name finds the surname-only and the titled mentions', TARIFFS, 'Donald Trump', ['tariffs on steel would r', 'This is a great day for ']],
    ['a full name matches a bare surname when only one full name ends with it', SEED, 'Donald Trump', ['Venezuela has agreed to ', 'Venezuela agreed to supp', 'We are in the process of']],
    ['"Trump" is not "the Trump administration"', SEED, 'Trump', ['Venezuela has agreed to ', 'Venezuela agreed to supp', 'We are in the process of']],
    ['a body by its name', SEED, 'the White House', ['the high-level visit doe', 'the South American natio']],
    ['the unattributed quote and the unresolved "They" belong to nobody', FLOOD, 'They', []],
    ['an unnamed group is found by its written mention, never promoted to a name', FLOOD, 'Officials', ['the levee held']],
    ['an unnamed spokesman by his written mention (a role word alone names nobody)', TARIFFS, 'a White House spokesman', ['No comment']],
    ['a role word alone', TARIFFS, 'spokesman', []],
    ['empty name', SEED, '', []],
    ['only a title', SEED, 'President', []],
    ['nobody of that name', SEED, 'Jones', []],
    ['no quotes', '', 'Trump', []],
  ])('%s', (_name, text, name, expected) => {
    expect(heads(text, name)).toEqual(expected);
  });
});
