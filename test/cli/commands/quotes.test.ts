import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseQuotesArgs, quotesJsonlLine } from '../../../src/cli/commands/quotes';
import { main } from '../../../src/cli/main';
import { runWithIo } from '../../support/cli-io';
import { FLOOD, TWO_SMITHS } from '../../nlp/quotes/api-fixtures';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SEED = 'data/articles/venezuela-agrees-to-take-back-migrants.txt';
const TITLE = "Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S";

const run = (args: string[], stdin = '') => runWithIo((io) => main(['quotes', ...args], io), { stdin });

interface Rec {
  quote: string;
  start: number;
  end: number;
  fragments: Array<[number, number]>;
  speaker: string | null;
  speakerStart: number | null;
  speakerEnd: number | null;
  speakerRef: string | null;
  cue: string | null;
  kind: string;
  confidence: number;
}

describe('lede quotes arguments', () => {
  it.each<[string[], string | undefined]>([
    [['a.txt'], undefined],
    [['a.txt', '--speaker', 'Trump', '--all', '--json'], undefined],
    [['a.txt', '--speaker=President Trump', '--limit=3'], undefined],
    [['--jsonl'], undefined],
    [['a.txt', '--speaker'], '--speaker takes a name'],
    [['a.txt', '--speaker='], '--speaker takes a name'],
    [['a.txt', '--limit', '0'], '--limit takes a whole number from 1 to 100'],
    [['a.txt', '--limit', '101'], '--limit takes a whole number from 1 to 100'],
    [['a.txt', '--limit', '2.5'], '--limit takes a whole number from 1 to 100'],
    [['a.txt', '--limit'], '--limit takes a whole number from 1 to 100'],
    [[], 'give a file, a URL or - for stdin'],
    [['--jsonl', 'a.txt'], '--jsonl reads stdin: give no source'],
    [['a.txt', 'b.txt'], 'one source only (got "a.txt" and "b.txt")'],
    [['a.txt', '--bogus'], 'unknown option --bogus'],
  ])('%j -> %j', (args, message) => {
    const r = parseQuotesArgs(args);
    expect(r.ok ? undefined : r.message).toBe(message);
  });

  it('a usage error exits 2 with the reason and the usage on stderr', async () => {
    const r = await run([SEED, '--limit', '0']);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err.startsWith('lede quotes: --limit takes a whole number from 1 to 100\n\nlede quotes <file|url|->')).toBe(true);
  });

  it('a missing file exits 1 with its code', async () => {
    const r = await run(['/nonexistent/lede-quotes.txt']);
    expect([r.code, r.out, r.err]).toEqual([1, '', 'lede quotes: No such file: /nonexistent/lede-quotes.txt. [ARTICLE_FILE_NOT_FOUND]\n']);
  });
});

describe('lede quotes <file>', () => {
  it.each<[string, string[], string]>([
    ['--limit 2: the two best, verbatim with speaker, cue, kind, confidence', ['--limit', '2'], [
      TITLE,
      '',
      '1. "Venezuela has agreed to receive, back into their country, all Venezuela illegal aliens who were encamped in the US, including gang members of Tren de Aragua"',
      '   - Trump (said) [direct, confidence 0.92]',
      '2. "We are in the process of removing record numbers of illegal aliens from all countries, and all countries have agreed to accept these illegal aliens back"',
      '   - Trump (said) [direct, confidence 0.92]',
      '',
    ].join('\n')],
    ['--speaker Grenell --all: every Grenell attribution in text order, the pronoun shown as written', ['--speaker', 'Grenell', '--all'], [
      TITLE,
      '',
      '1. there were no financial or other concessions promised to Maduro',
      '   - Richard Grenell (said) · as "Grenell" [indirect, confidence 0.90]',
      '2. "The only award for Maduro was my physical presence, the first senior US official to visit the country in years"',
      '   - Richard Grenell (quoted as saying) · as "he" [direct, confidence 0.81]',
      '3. "It was a big gift to him to have a visit by an envoy of President Trump"',
      '   - Richard Grenell · as "he" [direct, confidence 0.65]',
      '',
    ].join('\n')],
    ['--speaker with nobody of that name', ['--speaker', 'Jones'], `${TITLE}\n\nNo quotes by Jones in this article.\n`],
  ])('%s', async (_name, args, expected) => {
    const r = await run([SEED, ...args]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toBe(expected);
  });

  it('default: five key quotes, no speaker more than twice', async () => {
    const r = await run([SEED]);
    const who = r.out.split('\n').filter((l) => l.startsWith('   - ')).map((l) => l.slice(5).replace(/ \[.*$/, ''));
    expect(who).toEqual(['Trump (said)', 'Trump (said)', 'Richard Grenell (quoted as saying) · as "he"', 'Richard Grenell · as "he"', 'News.Az (informs)']);
  });

  it('--json: records whose spans point into the article text', async () => {
    const r = await run([SEED, '--json', '--speaker', 'President Trump', '--limit', '1']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { title: string; source: string; quotes: Rec[] };
    expect([j.title, j.source]).toEqual([TITLE, SEED]);
    expect(j.quotes).toEqual([{
      quote: 'Venezuela has agreed to receive, back into their country, all Venezuela illegal aliens who were encamped in the US, including gang members of Tren de Aragua',
      start: 146, end: 302, fragments: [[146, 302]],
      speaker: 'Trump', speakerStart: 305, speakerEnd: 310, speakerRef: 'Trump',
      cue: 'said', kind: 'direct', confidence: 0.92,
    }]);
  });

  it('two people named Smith: --speaker "John Smith" does not take the bare "Smith" quotes', async () => {
    const r = await run(['-', '--all', '--speaker', 'John Smith'], `Smiths\n\n${TWO_SMITHS}`);
    expect(r.out).toBe('Smiths\n\n1. the bill would pass before the summer recess\n   - John Smith (said) · as "Senator John Smith" [indirect, confidence 0.90]\n');
  });

  it('a quote with no speaker says "unknown speaker"; an unresolved group keeps its written mention', async () => {
    const r = await run(['-', '--all'], `Flood\n\n${FLOOD}`);
    expect(r.out.split('\n').filter((l) => l.startsWith('   - '))).toEqual([
      '   - Ruth Okafor (said) · as "Mayor Ruth Okafor" [direct, confidence 0.92]',
      '   - Officials (said) [indirect, confidence 0.90]',
      '   - unknown speaker [direct, confidence 0.30]',
      '   - unknown speaker (said) [indirect, confidence 0.56]',
    ]);
  });

  it.each<[string, string]>([
    ['text without quotes', 'Council notes\n\nThe council met on Monday. It approved the budget.'],
    ['only a title', 'Just a title'],
  ])('%s: says so', async (_name, stdin) => {
    const r = await run(['-'], stdin);
    expect(r.code).toBe(0);
    expect(r.out.endsWith('No quotes found in this article.\n')).toBe(true);
  });
});

describe('lede quotes --jsonl', () => {
  it('one line out per line in, in order; malformed lines get {"id","error"}; blank lines are skipped', async () => {
    const text = '"We will reopen the bridge by May," Mayor Ana Ruiz said.';
    const input = [
      JSON.stringify({ id: 'a', text }),
      'not json',
      JSON.stringify({ id: 7 }),
      '',
      JSON.stringify({ id: 'b', text: 'No quotes here at all.' }),
      JSON.stringify({ id: 'c', text: 5 }),
      '[]',
      JSON.stringify({ id: 'd', text: '' }),
    ].join('\n');
    const r = await run(['--jsonl'], input);
    expect([r.code, r.err]).toEqual([0, '']);
    const lines = r.out.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: unknown; quotes?: Rec[]; error?: string });
    expect(lines.map((l) => [l.id, l.error === undefined ? 'quotes' : l.error.slice(0, 21)])).toEqual([
      ['a', 'quotes'],
      [null, 'invalid JSON: Unexpec'],
      [7, 'expected {"id","text"'],
      ['b', 'quotes'],
      ['c', 'expected {"id","text"'],
      [null, 'expected {"id","text"'],
      ['d', 'quotes'],
    ]);
    expect(lines[0]!.quotes).toEqual([{
      quote: 'We will reopen the bridge by May', start: 1, end: 33, fragments: [[1, 33]],
      speaker: 'Mayor Ana Ruiz', speakerStart: 36, speakerEnd: 50, speakerRef: 'Ana Ruiz',
      cue: 'said', kind: 'direct', confidence: 0.92,
    }]);
    expect(text.slice(1, 33)).toBe('We will reopen the bridge by May');
    expect([lines[3]!.quotes, lines[6]!.quotes]).toEqual([[], []]);
  });

  it.each([
    ['truncated JSON', '{'],
    ['null', 'null'],
    ['a string', '"x"'],
    ['an object id', '{"id":{},"text":"a"}'],
    ['20,000 quote marks', JSON.stringify({ id: 'x', text: '"'.repeat(20_000) })],
    ['20,000 "said" cues', JSON.stringify({ id: 'y', text: '"A," he said. '.repeat(20_000) })],
  ])('quotesJsonlLine never throws: %s', (_name, line) => {
    const out = JSON.parse(quotesJsonlLine(line)) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(out.error === undefined ? ['id', 'quotes'] : ['error', 'id']);
  });

  it('the bin works end to end: node bin/lede.js quotes --jsonl with stdin', async () => {
    const child = spawn(process.execPath, ['bin/lede.js', 'quotes', '--jsonl'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdin.end(`${JSON.stringify({ id: 1, text: '"Prices will fall," Dr. Maria Lopez said.' })}\n{oops\n`);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect([code, err]).toEqual([0, '']);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: unknown; quotes?: Rec[]; error?: string });
    expect(lines.map((l) => [l.id, l.quotes?.map((q) => [q.quote, q.speaker, q.speakerRef]) ?? l.error!.slice(0, 12)])).toEqual([
      [1, [['Prices will fall', 'Dr. Maria Lopez', 'Maria Lopez']]],
      [null, 'invalid JSON'],
    ]);
  }, 30_000);
});
