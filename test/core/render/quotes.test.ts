/**
 * How quotes read in replies: verbatim words per fragment, markdown shown literally, the resolved
 * speaker (the mention only when it is a pronoun or description), "unknown speaker" when null, the
 * cue, the kind, and a label when the attribution is uncertain. Hostile sizes stay bounded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributionLine, escapeMarkdown, MAX_QUOTE_CHARS, quoteBlock, quoteWords } from '../../../src/core/render/quotes';
import { renderReplyAsText } from '../../../src/core/render/text';
import { extractQuotes, type Quote } from '../../../src/nlp/quotes';

function quote(over: Partial<Quote> & { quote: string }): Quote {
  const start = over.start ?? 1;
  return {
    start,
    end: start + over.quote.length,
    fragments: [{ start, end: start + over.quote.length }],
    speaker: 'Ana Ruiz',
    speakerStart: 0,
    speakerEnd: 0,
    speakerRef: 'Ana Ruiz',
    cue: 'said',
    cueStart: 0,
    cueEnd: 0,
    cueClass: 'speech',
    kind: 'direct',
    confidence: 0.9,
    sentence: 0,
    ...over,
  };
}

describe('attributionLine', () => {
  it.each<[string, Partial<Quote>, string]>([
    ['a named speaker', {}, '— **Ana Ruiz** (said)'],
    ['a pronoun resolved to a name', { speaker: 'she', cue: 'was quoted as saying' }, '— **Ana Ruiz** (was quoted as saying) · as “she”'],
    ['a title + name mention (no "as")', { speaker: 'Mayor Ana Ruiz' }, '— **Ana Ruiz** (said)'],
    ['no cue (continuation)', { cue: null }, '— **Ana Ruiz**'],
    ['reported speech', { kind: 'indirect' }, '— **Ana Ruiz** (said) · reported speech'],
    ['partly quoted', { kind: 'mixed' }, '— **Ana Ruiz** (said) · partly quoted'],
    ['an unresolved mention', { speakerRef: null, speaker: 'a spokeswoman' }, '— **a spokeswoman** (said)'],
    ['an unresolved pronoun', { speakerRef: null, speaker: 'she' }, '— *unknown speaker* (said)'],
    ['nobody', { speakerRef: null, speaker: null, cue: null, confidence: 0.3 }, '— *unknown speaker* · uncertain attribution'],
    ['a confident-enough weak cue', { confidence: 0.6 }, '— **Ana Ruiz** (said)'],
    ['markdown in a name', { speakerRef: 'A_B*C', speaker: 'A_B*C' }, '— **A\\_B\\*C** (said)'],
  ])('GIVEN %s THEN %s', (_what, over, expected) => {
    expect(attributionLine(quote({ quote: 'We will reopen the bridge', ...over }))).toBe(expected);
  });
});

describe('quote words', () => {
  it('GIVEN an interrupted quote THEN each fragment verbatim in its own marks, joined by …', () => {
    const text = '"We will reopen the bridge," she said, "by the first of May."';
    const [q] = extractQuotes(text);
    expect(q!.fragments).toHaveLength(2);
    const words = quoteWords(q!);
    expect(words.startsWith('“We will reopen the bridge')).toBe(true);
    expect(words.includes('” … “by the first of May')).toBe(true);
    for (const f of q!.fragments) expect(words).toContain(text.slice(f.start, f.end).trim());
  });

  it('GIVEN reported speech THEN no quote marks are added', () => {
    expect(quoteWords(quote({ quote: 'the bridge would reopen in May', kind: 'indirect' }))).toBe('the bridge would reopen in May');
  });

  it('GIVEN a quote of 50,000 characters THEN it is cut with a visible "…" to the list limit', () => {
    const words = quoteWords(quote({ quote: 'word '.repeat(10_000).trim() }));
    expect(words.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
    expect(words.endsWith('…')).toBe(true);
  });

  it('GIVEN markdown and a line break THEN every line is blockquoted and characters show literally', () => {
    const block = quoteBlock(quote({ quote: 'Tell @everyone the *new* plan\n# works `now`', kind: 'indirect' }));
    expect(block).toBe('> Tell \\@everyone the \\*new\\* plan\n> \\# works \\`now\\`\n— **Ana Ruiz** (said) · reported speech');
    // The console shows the words as written.
    expect(renderReplyAsText({ content: block }).text).toBe('> Tell @everyone the *new* plan\n> # works `now`\n— Ana Ruiz (said) · reported speech');
  });
});

describe('escapeMarkdown', () => {
  it('GIVEN any text THEN the console rendering of the escaped text is the text itself (nothing lost, nothing added)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(renderReplyAsText({ content: escapeMarkdown(s) }).text).toBe(s);
      }),
    );
  });
});

describe('escapeMarkdown (one rule for every Discord reply and the digest)', () => {
  it.each([
    ['emphasis and code', 'a *b* _c_ ~~d~~ `e` ||f||', 'a \\*b\\* \\_c\\_ \\~\\~d\\~\\~ \\`e\\` \\|\\|f\\|\\|'],
    ['a masked link cannot disguise its target', '[click here](https://evil.example)', '\\[click here\\](https://evil.example)'],
    ['mention syntax shows as typed', '<@123456789012345678> and <#1>', '\\<@123456789012345678> and \\<#1>'],
    ['line-start heading, quote and list markers', '# Title\n> quoted\n- item', '\\# Title\n\\> quoted\n\\- item'],
    ['mid-line punctuation is left alone', 'coup-plotting 5 > 4 (really)', 'coup-plotting 5 > 4 (really)'],
  ])('GIVEN %s THEN it is escaped to show literally', (_name, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});
