/**
 * The one escape point (src/core/markdown.ts): every construct of the markdown-injection
 * corpus shows literally, bidi controls are removed, links keep their label and target apart, and
 * the console renders the escapes back to exactly the source's visible characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  channelMention,
  discordTime,
  escapeMarkdown,
  inlineCode,
  markdownLink,
  md,
  plainText,
  userMention,
  type Markdown,
} from '../../src/core/markdown';
import { markdownToText } from '../../src/core/render/markdown-text';
import { BIDI, expectNoLiveInjection, HOSTILE_TITLE, INJECTIONS, liveLinks, visible } from '../support/markdown-injection';

describe('escapeMarkdown', () => {
  it.each([
    ['a masked link', INJECTIONS.maskedLink, '\\[the official notice\\](https://evil.example/steal)'],
    ['a masked link with an angle target', INJECTIONS.angleMaskedLink, '\\[login\\](\\<https://evil.example/login>)'],
    ['an unembedded link', INJECTIONS.unembeddedLink, '\\<https://evil.example/raw>'],
    ['a heading', INJECTIONS.heading, '\\# Breaking'],
    ['subtext', INJECTIONS.subtext, '\\-# small print'],
    ['a spoiler', INJECTIONS.spoiler, '\\|\\|hidden\\|\\|'],
    ['a code fence', INJECTIONS.fence, '\\`\\`\\`js\nalert(1)\n\\`\\`\\`'],
    ['inline code', INJECTIONS.inlineCode, '\\`rm -rf\\`'],
    ['a quote', INJECTIONS.quote, '\\> quoted'],
    ['a quote of the rest', INJECTIONS.quoteAll, '\\>>> rest'],
    ['a list item', INJECTIONS.list, '\\- listed'],
    ['a numbered item', INJECTIONS.numbered, '1\\. numbered'],
    ['a number that starts no list', '127.0.0.1 and 3.5%\n2.\n4.\tx', '127.0.0.1 and 3.5%\n2\\.\n4\\.\tx'],
    ['a + list item', '+ plus', '\\+ plus'],
    ['bold, italics, underline, strike', '**a** *b* __c__ ~~d~~ _e_', '\\*\\*a\\*\\* \\*b\\* \\_\\_c\\_\\_ \\~\\~d\\~\\~ \\_e\\_'],
    ['a user, role and channel mention', `${INJECTIONS.user} ${INJECTIONS.role} ${INJECTIONS.channel}`, '\\<@666666666666666666> \\<@&666666666666666666> \\<#666666666666666666>'],
    ['@everyone and @here', 'tell @everyone and @here, mail a@b.example', 'tell \\@everyone and \\@here, mail a@b.example'],
    ['a command mention and a timestamp', `${INJECTIONS.command} ${INJECTIONS.time}`, '\\</ask:666666666666666666> \\<t:1700000000:R>'],
    ['custom emoji', `${INJECTIONS.emoji}${INJECTIONS.animated}`, '\\<:blobcat:666666666666666666>\\<a:dance:666666666666666666>'],
    ['line-start markers after the first line, indented too', 'a\n# h\n  -# s\n\t> q\n12. n\nb > c - d # e 3. f', 'a\n\\# h\n  \\-# s\n\t\\> q\n12\\. n\nb > c - d # e 3. f'],
    ['a backslash (it cannot escape what follows)', 'C:\\*path*', 'C:\\\\\\*path\\*'],
    ['an RTL override and every other bidi control', `\u202Egnp.exe\u202C ${BIDI.join('')}x`, 'gnp.exe x'],
  ])('GIVEN %s THEN it shows literally', (_name, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('GIVEN the hostile title THEN nothing of it is live and the console shows every visible character', () => {
    const escaped = escapeMarkdown(HOSTILE_TITLE);
    expectNoLiveInjection(escaped, 'the title');
    expect(markdownToText(escaped)).toBe(visible(HOSTILE_TITLE));
  });

  it('GIVEN any text of markup characters THEN the console rendering of the escaped text is the text without bidi controls', () => {
    const unit = fc.constantFrom('*', '_', '~', '`', '|', '\\', '[', ']', '(', ')', '<', '>', '#', '-', '+', '.', ':', '@', '&', '/', '!', '1', 't', 'e', 'h', ' ', '\n', '\t', '\u202E', '\u2066', '\u200F');
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit }), (s) => {
        expect(markdownToText(escapeMarkdown(s))).toBe(visible(s));
      }),
    );
  });

  it('GIVEN any text THEN no masked link is live in it, even inside a link Lede wraps around it', () => {
    const unit = fc.constantFrom('[', ']', '(', ')', '<', '>', '\\', 'h', 't', 'p', 's', ':', '/', 'x', ' ');
    fc.assert(
      fc.property(fc.string({ maxLength: 80, unit }), (s) => {
        expect(liveLinks(escapeMarkdown(s))).toEqual([]);
        const links = liveLinks(markdownLink(s, 'https://real.example/a'));
        expect(links.every((l) => l.href === 'https://real.example/a')).toBe(true);
      }),
    );
  });
});

describe('markdownLink', () => {
  it.each([
    ['a plain label', 'Harbour news: the ferry (again) #2', 'https://a.example/x (1)', '[Harbour news: the ferry (again) #2](https://a.example/x%20%281%29)'],
    ['a label that starts like a heading or a list (no line start inside a label)', '# 1. - Ferry', 'https://a.example/', '[# 1. - Ferry](https://a.example/)'],
    // Discord shows escapes inside a link label as written: markup in a label is never linked, so no backslash shows.
    ['a label with markup (escapes would show inside a link)', 'Harbour **news**', 'https://a.example/x (1)', 'Harbour \\*\\*news\\*\\* (<https://a.example/x%20%281%29>)'],
    ['a label with an underscore, a bar or a mention', 'a_b | <@1> @everyone', 'https://a.example/', 'a\\_b \\| \\<@1> \\@everyone (<https://a.example/>)'],
    ['a label that would close the link early', 'Reuters](https://evil.example/x) [Reuters', 'https://a.example/', 'Reuters\\](https://evil.example/x) \\[Reuters (<https://a.example/>)'],
    ['balanced brackets (kept, not linked)', 'Report [PDF]', 'https://a.example/r', 'Report \\[PDF\\] (<https://a.example/r>)'],
    ['a target that is not http(s)', 'Click', 'javascript:alert(1)', 'Click (javascript:alert(1))'],
    ['a target with a backslash or angle brackets', 'A', 'https://a.example/\\<b>', '[A](https://a.example/%5C%3Cb%3E)'],
  ])('GIVEN %s THEN %j', (_name, label, url, expected) => {
    expect(markdownLink(label, url)).toBe(expected);
  });
});

describe('md and the helpers', () => {
  it('GIVEN Markdown pieces, numbers and "" THEN they are joined as written', () => {
    const title = escapeMarkdown('*T*');
    expect(md`**${title}** (${3}${''})`).toBe('**\\*T\\*** (3)');
  });

  it('GIVEN a plain string in md, or Markdown escaped twice THEN the compiler refuses it', () => {
    const raw: string = '[x](https://evil.example)';
    // @ts-expect-error a value from a source must go through escapeMarkdown first
    const unchecked: Markdown = md`${raw}`;
    // @ts-expect-error a plain string is not Markdown
    const assigned: Markdown = raw;
    // @ts-expect-error escaping Markdown again would show its backslashes
    const twice = escapeMarkdown(escapeMarkdown(raw));
    expect([unchecked, assigned, twice]).toHaveLength(3);
  });

  it.each([
    ['a user id', userMention('123456789012345678'), '<@123456789012345678>'],
    ['not a user id', userMention('<@1>'), '\\<@1>'],
    ['a channel id', channelMention('42'), '<#42>'],
    ['not a channel id', channelMention('#general'), '\\#general'],
    ['a time', discordTime(1_700_000_000_999), '<t:1700000000:R>'],
    ['an invalid time', discordTime(Number.NaN, 'R', '<t:1:R> soon'), '\\<t:1:R> soon'],
    ['code with a backtick and a line break', inlineCode('a`b\nc'), '`abc`'],
    ['empty code', inlineCode('``'), ''],
  ])('GIVEN %s THEN %j', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('GIVEN text for a place shown as written THEN only bidi controls go, and an empty result takes the fallback', () => {
    expect(plainText('**Q:** <@1> \u202Eevil\u202C')).toBe('**Q:** <@1> evil');
    expect(plainText('\u202E\u202C', 'Discussion')).toBe('Discussion');
  });
});
