/**
 * Invisible characters inside words (zero-width joiners and spaces, word joiners, soft hyphens)
 * hide a cue or a name from every rule: they are read past, in article text and in batch text,
 * while offsets keep pointing into the text as given.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/article';
import { compactInvisible } from '../../src/article/invisible';
import { quotesJsonlLine } from '../../src/cli/commands/quotes';
import { summarizeJsonlLine } from '../../src/cli/commands/summary';
import { extractQuotes } from '../../src/nlp/quotes';

const ZWJ = '\u200D';
const ZWNJ = '\u200C';
const ZWSP = '\u200B';
const WJ = '\u2060';
const SHY = '\u00AD';

describe('compactInvisible', () => {
  it.each([
    ['zero-width joiner in a word', `sa${ZWJ}id`, 'said'],
    ['a run of mixed invisibles', `ma${ZWSP}${WJ}${ZWJ}yor`, 'mayor'],
    ['soft hyphen', `co${SHY}operate`, 'cooperate'],
    ['between a word and a space: kept', `said${ZWJ} it`, `said${ZWJ} it`],
    ['emoji sequence: kept', `👨${ZWJ}👩${ZWJ}👧`, `👨${ZWJ}👩${ZWJ}👧`],
    ['Persian non-joiner: kept', `می${ZWNJ}خواهم`, `می${ZWNJ}خواهم`],
    ['word joiner in a Greek word: removed', `λό${WJ}γος`, 'λόγος'],
  ])('%s', (_name, input, expected) => {
    expect(compactInvisible(input).text).toBe(expected);
  });

  it('GIVEN removed characters THEN spans map back to the text as given', () => {
    const text = `The may${ZWJ}or sa${ZWJ}${ZWJ}id it.`;
    const c = compactInvisible(text);
    expect(c.text).toBe('The mayor said it.');
    const mayor = c.text.indexOf('mayor');
    expect(text.slice(c.startOf(mayor), c.endOf(mayor + 5))).toBe(`may${ZWJ}or`);
    const said = c.text.indexOf('said');
    expect(text.slice(c.startOf(said), c.endOf(said + 4))).toBe(`sa${ZWJ}${ZWJ}id`);
    expect(text.slice(c.startOf(0), c.endOf(c.text.length))).toBe(text);
  });

  it('GIVEN no invisible character THEN the same string comes back', () => {
    const text = 'Plain words.';
    expect(compactInvisible(text).text).toBe(text);
  });
});

describe('a cue hidden by a zero-width joiner', () => {
  const hidden = `The may${ZWJ}or sa${ZWJ}id: "We will open the new bridge in May."`;

  it('GIVEN raw text THEN the rules alone miss the speaker (why the text is compacted)', () => {
    expect(extractQuotes(hidden).map((q) => [q.quote, q.speaker, q.cue])).toEqual([['We will open the new bridge in May', null, null]]);
  });

  it('GIVEN an article THEN its text drops the joiners and the quote is found', () => {
    const article = parseArticle({ content: hidden, format: 'text', source: 'text' });
    expect(article.text).toBe('The mayor said: "We will open the new bridge in May."');
    expect(extractQuotes(article.text).map((q) => [q.quote, q.speaker])).toEqual([['We will open the new bridge in May', 'The mayor']]);
  });

  it('GIVEN a batch line THEN the quote is found with offsets into the line as given', () => {
    const out = JSON.parse(quotesJsonlLine(JSON.stringify({ id: 1, text: hidden }))) as { quotes: Array<Record<string, unknown>> };
    expect(out.quotes).toHaveLength(1);
    const q = out.quotes[0]!;
    expect(q.quote).toBe('We will open the new bridge in May');
    expect(hidden.slice(q.start as number, q.end as number)).toBe(q.quote);
    expect(q.speaker).toBe(`The may${ZWJ}or`);
    expect(hidden.slice(q.speakerStart as number, q.speakerEnd as number)).toBe(q.speaker);
    expect(q.cue).toBe('said');
  });

  it('GIVEN a batch summary THEN its sentences are verbatim from the line as given', () => {
    const text = [
      hidden,
      `The council vo${ZWJ}ted on Monday to fund the new bridge over the river, which will cost 40 million dollars.`,
      'Work on the bridge starts in June, and the mayor expects the crossing to carry 20,000 cars a day.',
      'Residents of the east bank have waited for a crossing since the old ferry closed in 1998.',
      'The bridge will take two years to build, and the old road will stay open while it is built.',
    ].join('\n\n');
    const out = JSON.parse(summarizeJsonlLine(JSON.stringify({ id: 'a', text }), 2)) as { summary: string[] };
    expect(out.summary).toHaveLength(2);
    for (const sentence of out.summary) expect(text.includes(sentence)).toBe(true);
    expect(out.summary.some((sentence) => sentence.includes(`vo${ZWJ}ted`))).toBe(true);
  });
});
