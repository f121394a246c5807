/** Two apostrophes as a double quotation mark (''...'' and ``...''): folded to one double mark each. */
import { describe, expect, it } from 'vitest';
import { foldDoubledApostrophes, foldForAnalysis } from '../../src/nlp/fold';
import { extractQuotes } from '../../src/nlp/quotes';

const fold = (s: string) => foldDoubledApostrophes(foldForAnalysis(s));

describe('foldDoubledApostrophes', () => {
  it.each([
    ["He said, ''We are back.'' Then he left.", 'He said,  "We are back."  Then he left.'],
    ["``Open the gates,'' the mayor said.", ' "Open the gates,"  the mayor said.'],
    ["(''Not now'')", '( "Not now" )'],
    ["''Yes''.", ' "Yes" .'],
    // Words on both sides, nothing on either side, or a run of three: no quotation.
    ["rock''n''roll", "rock''n''roll"],
    ["an empty string '' here", "an empty string '' here"],
    ["'''bold''' text", "'''bold''' text"],
    ['no marks at all', 'no marks at all'],
  ])('GIVEN %j THEN %j, the same length', (input, want) => {
    expect(fold(input)).toBe(want);
    expect(fold(input)).toHaveLength(input.length);
  });

  it('GIVEN a quotation in doubled apostrophes THEN it is a direct quote with its speaker, shown verbatim', () => {
    const text = "The ferry was late again. ''That was not a good way to treat us,'' said Ann Lee, a commuter.";
    const [q] = extractQuotes(text);
    expect([q?.quote, q?.speaker, q?.kind]).toEqual(['That was not a good way to treat us', 'Ann Lee', 'direct']);
  });

  it('GIVEN 200,000 characters of apostrophe pairs THEN one linear pass', () => {
    const text = "a ''b'' ".repeat(25_000);
    expect(fold(text)).toBe('a  "b"  '.repeat(25_000));
  });
});
