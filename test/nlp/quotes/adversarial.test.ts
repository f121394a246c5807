import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractQuotes } from '../../../src/nlp/quotes';

describe('hostile input stays bounded', () => {
  it('GIVEN an article whose quote marks never pair up THEN no crash and every span is inside the text', () => {
    const para = 'He said "this is open and never closed, while officials said the plan "failed and more.';
    const text = Array.from({ length: 300 }, () => para).join('\n\n');
    const qs = extractQuotes(text);
    for (const q of qs) expect(q.quote).toBe(text.slice(q.start, q.end));
  });

  it('GIVEN 10,000 quote marks THEN it returns', () => {
    const text = '"'.repeat(10_000) + ' he said. ' + '" a "'.repeat(2_000);
    expect(Array.isArray(extractQuotes(text))).toBe(true);
  });

  it('GIVEN a 50,000-character quote THEN it is one direct quote by its speaker', () => {
    const body = 'word '.repeat(10_000).trim();
    const text = `"${body}," the mayor said.`;
    const qs = extractQuotes(text);
    expect(qs.map((q) => [q.kind, q.speaker, q.end - q.start])).toEqual([['direct', 'the mayor', body.length]]);
  });

  it('GIVEN 5,000 adjunct words, relative "that"s and commas after a cue THEN it returns with spans inside the text', () => {
    const text = 'Smith told reporters after the meeting ' + 'that he attended, which ran late, '.repeat(5_000) + 'that it ended.';
    for (const q of extractQuotes(text)) expect(q.quote).toBe(text.slice(q.start, q.end));
  });

  it('GIVEN arbitrary text with quote marks and cues THEN spans are consistent', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('"', "'", '\u201C', '\u201D', ' said ', ' Trump', ', ', '. ', '\n\n', 'he ', 'according to ', 'words here '), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        for (const q of extractQuotes(text)) {
          expect(q.quote).toBe(text.slice(q.start, q.end));
          expect(q.start).toBeLessThan(q.end);
        }
      }),
      { numRuns: 300 },
    );
  });
});
