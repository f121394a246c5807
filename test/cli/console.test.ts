import { describe, expect, it } from 'vitest';
import { ConsoleParseError, parseSlashLine, type CommandDefinition } from '../../src/cli/console-parse';
import { terminalStyle } from '../../src/cli/console';
import { trustedMarkdown as m } from '../../src/core/markdown';
import { renderReplyAsText } from '../../src/core/render/text';
import { cpuClock } from '../support/cpu-clock';

const defs: CommandDefinition[] = [
  {
    name: 'article',
    options: [
      { type: 1, name: 'add', options: [{ type: 3, name: 'url' }, { type: 11, name: 'file' }, { type: 3, name: 'text' }, { type: 3, name: 'title' }] },
      { type: 1, name: 'list' },
      { type: 1, name: 'show', options: [{ type: 3, name: 'article', required: true }] },
    ],
  },
  { name: 'summary', options: [{ type: 3, name: 'article', required: true }, { type: 4, name: 'sentences' }] },
];

const parse = (line: string) => {
  const p = parseSlashLine(line, defs);
  return { command: p.command, subcommand: p.subcommand, values: Object.fromEntries(p.values) };
};

describe('parseSlashLine', () => {
  it.each([
    ['/article list', { command: 'article', subcommand: 'list', values: {} }],
    ['/article show article:venezuela', { command: 'article', subcommand: 'show', values: { article: 'venezuela' } }],
    ['/article show venezuela', { command: 'article', subcommand: 'show', values: { article: 'venezuela' } }],
    [
      '/article add text:The mayor said: yes, title:is here title:Bridge news',
      { command: 'article', subcommand: 'add', values: { text: 'The mayor said: yes, title:is here', title: 'Bridge news' } },
    ],
    ['/article add text:"a title: inside quotes" title:T', { command: 'article', subcommand: 'add', values: { text: 'a title: inside quotes', title: 'T' } }],
    ['/summary article:venezuela sentences:3', { command: 'summary', subcommand: undefined, values: { article: 'venezuela', sentences: 3 } }],
  ])('%s', (line, expected) => {
    expect(parse(line)).toEqual(expected);
  });

  it.each([
    ['/nope', 'Unknown command /nope. Available: /article, /summary'],
    ['/article', 'Usage:\n  /article add [url:…] [file:…] [text:…] [title:…]\n  /article list\n  /article show article:<article>'],
    ['/article show', 'Missing article.'],
    ['/summary article:x sentences:three', 'sentences must be a whole number'],
    ['article list', 'Commands start with /'],
  ])('GIVEN %j THEN a helpful error', (line, message) => {
    expect(() => parseSlashLine(line, defs)).toThrow(ConsoleParseError);
    expect(() => parseSlashLine(line, defs)).toThrow(message);
  });

  it('GIVEN a 20,000-character line of colons THEN it returns quickly', () => {
    const t0 = cpuClock();
    expect(() => parseSlashLine(`/article add text:${'a: '.repeat(7000)}`, defs)).not.toThrow();
    expect(cpuClock() - t0).toBeLessThan(500);
  });
});

describe('renderReplyAsText', () => {
  it('GIVEN an embed with fields and buttons THEN readable text with numbered buttons', () => {
    const { text, buttons } = renderReplyAsText({
      content: m('<@123> added an article.'),
      embeds: [{ title: m('T'), url: 'https://x.test', description: m('**Bold** and [link](https://y.test)'), fields: [{ name: m('Source'), value: m('Pasted text') }], footer: 'id abc' }],
      buttons: [[{ customId: 'a:1', label: 'Prev', disabled: true }, { customId: 'a:2', label: 'Next' }, { url: 'https://z.test', label: 'Open' }]],
    });
    expect(text).toBe(
      '@123 added an article.\n\n== T ==\nhttps://x.test\nBold and link <https://y.test>\nSource: Pasted text\n-- id abc\n\nButtons: [1] Next  [Open: https://z.test]  (type the number to press)',
    );
    expect(buttons).toEqual([{ customId: 'a:2', label: 'Next' }]);
  });

  it('GIVEN an /ask-style embed THEN markdown rendered where Discord renders it; author and footer as written, as Discord shows them', () => {
    const reply = {
      embeds: [
        {
          author: 'Q: What did *Ruiz* say?',
          title: m('What Ana \\_Ruiz said'),
          description: m('From *Ferry news*\n*Low confidence: read the sentence.*\n\n> “We \\*will\\* reopen”\n— *unknown speaker* · uncertain attribution'),
          fields: [{ name: m('**Cue**'), value: m('__said__') }],
          footer: 'Extracted word for word · 5 * 3 *as is*',
        },
      ],
    };
    expect(renderReplyAsText(reply).text).toBe(
      'Q: What did *Ruiz* say?\n== What Ana _Ruiz said ==\nFrom Ferry news\nLow confidence: read the sentence.\n\n> “We *will* reopen”\n— unknown speaker · uncertain attribution\nCue: said\n-- Extracted word for word · 5 * 3 *as is*',
    );
    expect(renderReplyAsText({ content: m('— *unknown speaker*') }, { style: 'ansi' }).text).toBe('— \x1b[3munknown speaker\x1b[0m');
  });
});

describe('terminalStyle', () => {
  const io = (isTTY: boolean, env: Record<string, string> = {}) => ({ stdout: { isTTY } as unknown as NodeJS.WritableStream, env });
  it.each<[string, boolean, Record<string, string>, 'ansi' | 'plain']>([
    ['a terminal', true, {}, 'ansi'],
    ['a pipe or file', false, {}, 'plain'],
    ['NO_COLOR set', true, { NO_COLOR: '1' }, 'plain'],
    ['TERM=dumb', true, { TERM: 'dumb' }, 'plain'],
  ])('GIVEN %s THEN %s', (_what, tty, env, expected) => {
    expect(terminalStyle(io(tty, env))).toBe(expected);
  });
});
