import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import command, { parseSummaryArgs, summarizeJsonlLine } from '../../../src/cli/commands/summary';
import { runWithIo } from '../../support/cli-io';

const seedPath = fileURLToPath(new URL('../../../data/articles/venezuela-agrees-to-take-back-migrants.txt', import.meta.url));
const bridgePath = fileURLToPath(new URL('../../fixtures/summaries/harbor-bridge-closure.txt', import.meta.url));

const runCli = (args: string[], stdin = '') => runWithIo((io) => command.run(args, io), { stdin });

describe('lede summary arguments', () => {
  it.each<[string[], string | undefined]>([
    [['a.txt'], undefined],
    [['a.txt', '--sentences', '5', '--json'], undefined],
    [['--jsonl', '--sentences=2'], undefined],
    [['a.txt', '--sentences', '0'], '--sentences takes a whole number from 1 to 10'],
    [['a.txt', '--sentences', 'x'], '--sentences takes a whole number from 1 to 10'],
    [['a.txt', '--sentences'], '--sentences takes a whole number from 1 to 10'],
    [[], 'give a file, a URL or - for stdin'],
    [['--jsonl', 'a.txt'], '--jsonl reads stdin: give no source'],
    [['a.txt', '--bogus'], 'unknown option --bogus'],
  ])('%j -> %s', (args, message) => {
    const r = parseSummaryArgs(args);
    expect(r.ok ? undefined : r.message).toBe(message);
  });

  it('a usage error exits 2 and prints the usage', async () => {
    const r = await runCli(['--sentences', '11', seedPath]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('lede summary --jsonl [--sentences N]');
  });
});

describe('lede summary <file>', () => {
  it('prints the title, numbered verbatim sentences, the reduction and the keywords', async () => {
    const r = await runCli([seedPath]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 5)).toEqual([
      "Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S",
      '',
      'News.Az',
      '',
      '1. Trump: Venezuela agrees to take back all detained illegal migrants from the U.S. and arrange their transportation, News.Az informs via Reuters.',
    ]);
    expect(r.out).toMatch(/\nReduced by \d+% \(sentences quoted verbatim from /);
    expect(r.out).toMatch(/\nKeywords: Trump, /);
  });

  it('--json gives spans into the text that was summarized', async () => {
    const r = await runCli([bridgePath, '--json', '--sentences', '2']);
    const json = JSON.parse(r.out) as { sentences: Array<{ index: number; text: string }>; tooShort: boolean; reducedByPercent: number };
    expect(json.tooShort).toBe(false);
    expect(json.sentences).toHaveLength(2);
    expect(json.sentences[0]!.text).toMatch(/^The Harbor Street Bridge in Millford will close/);
    expect(json.reducedByPercent).toBeGreaterThan(50);
  });

  it('a missing file exits 1 with the reason', async () => {
    const r = await runCli(['/nonexistent/lede-test.txt']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[ARTICLE_FILE_NOT_FOUND]');
  });

  it('a short text says "too short" instead of repeating itself', async () => {
    const r = await runCli(['-'], 'The council met on Monday. It approved the budget.');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Too short to summarize');
    expect(r.out).not.toContain('approved the budget');
  });
});

describe('lede summary --jsonl', () => {
  it('answers every line in input order; bad lines get an error and the batch goes on', async () => {
    const long = readFileSync(bridgePath, 'utf8');
    const input = [
      JSON.stringify({ id: 'a', text: long }),
      'not json',
      JSON.stringify({ id: 7 }),
      '',
      JSON.stringify({ id: 'short', text: 'Too short.' }),
    ].join('\n');
    const r = await runCli(['--jsonl', '--sentences', '2'], input);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['a', null, 7, 'short']);
    expect(lines[0]!.summary).toEqual([
      'The Harbor Street Bridge in Millford will close to all traffic for eight months starting April 1 so engineers can replace its corroded steel deck, city officials announced on Monday.',
      "The $42 million repair was approved by the city council in a 7-2 vote after inspectors found cracks in 14 of the bridge's 60 support beams during a routine check last autumn.",
    ]);
    expect(lines[1]!.error).toMatch(/^invalid JSON/);
    expect(lines[2]!.error).toMatch(/^expected \{"id","text"\}/);
    expect(lines[3]).toEqual({ id: 'short', summary: [] });
  });

  it('summarizeJsonlLine never throws on hostile lines', () => {
    for (const line of ['{', '[]', 'null', '{"id":{},"text":1}', '"x"', '{"id":"x","text":"' + '.'.repeat(100_000) + '"}']) {
      expect(() => JSON.parse(summarizeJsonlLine(line, 3))).not.toThrow();
    }
  });
});
