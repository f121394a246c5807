/** "US" in capitals is the country in a speaker phrase, not the pronoun "us". */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

describe('"US" before a title or a role', () => {
  it.each<[string, unknown[]]>([
    ['"We will not back down," said US Senator Ann Lee of Ohio.', [['We will not back down', 'US Senator Ann Lee', 'said']]],
    ['"The talks are over," US envoy Ann Lee told reporters.', [['The talks are over', 'US envoy Ann Lee', 'told']]],
    ['The plan is dead, US officials said on Friday.', [['The plan is dead', 'US officials', 'said']]],
    // The pronoun stays a pronoun.
    ['"Give us the money," said the mayor.', [['Give us the money', 'the mayor', 'said']]],
  ])('%s', (text, expected) => {
    expect(extractQuotes(text).map((q) => [q.quote, q.speaker, q.cue])).toEqual(expected);
  });
});
