/**
 * Thread answers where the bot may not embed: the same answer as message text, and the question
 * text without the bot's mention.
 */
import { describe, expect, it } from 'vitest';
import { trustedMarkdown as m } from '../../src/core/markdown';
import { embedsAsContent, questionText } from '../../src/discord/thread-questions';

describe('questionText', () => {
  it.each([
    ['<@42> Who did Grenell meet?', 'Who did Grenell meet?'],
    ['What did <@!42>  Grenell\nsay?', 'What did Grenell say?'],
    ['<@42>', ''],
    ['<@43> hello', '<@43> hello'],
  ])('%j -> %j', (content, expected) => {
    expect(questionText(content, '42')).toBe(expected);
  });
});

describe('embedsAsContent', () => {
  it('GIVEN an answer embed THEN title in bold, the body as is, the footer as small text with its markdown escaped', () => {
    const reply = embedsAsContent({
      embeds: [{ author: 'Q: When?', title: m('noon'), description: m('From *Ferry*\n\n> The ferry leaves at **noon**.'), footer: 'Extracted · confidence 90% *' }],
    });
    expect(reply).toEqual({ content: '**noon**\nFrom *Ferry*\n\n> The ferry leaves at **noon**.\n-# Extracted · confidence 90% \\*' });
  });

  it('GIVEN content and an embed without footer THEN both, content first', () => {
    expect(embedsAsContent({ content: m('Loaded.'), embeds: [{ title: m('T'), description: m('D') }] })).toEqual({ content: 'Loaded.\n\n**T**\nD' });
  });
});
