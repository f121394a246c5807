import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticle } from '../../../src/article';
import { main } from '../../../src/cli/main';
import { runWithIo } from '../../support/cli-io';
import { loadConfig } from '../../../src/config';
import { fetchOptionsFromConfig } from '../../../src/fetch';
import { FLOOD, TARIFFS, TWO_SMITHS } from '../../nlp/quotes/api-fixtures';

const SEED = 'data/articles/venezuela-agrees-to-take-back-migrants.txt';
const SEED_TITLE = "Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S";
const dir = mkdtempSync(join(tmpdir(), 'lede-who-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, title: string, body: string): string => {
  const p = join(dir, name);
  writeFileSync(p, `${title}\n\n${body}\n`);
  return p;
};
const SMITHS = file('smiths.txt', 'Senate bill heads to a vote', TWO_SMITHS);
const TARIFF = file('tariffs.txt', 'Steel tariffs to rise', TARIFFS);
const FLOODS = file('flood.txt', 'Alder Creek floods', FLOOD);

const run = (args: string[]) => runWithIo((io) => main(['who', ...args], io));

describe('lede who: arguments', () => {
  it.each<[string[], string]>([
    [[], 'give a name or a "phrase" and at least one file'],
    [['Trump'], 'give a name or a "phrase" and at least one file'],
    [['Trump', SEED, '--bogus'], 'unknown option --bogus'],
    [['Trump', SEED, '--speaker', '--phrase'], 'give a name or a "phrase" and at least one file'],
  ])('%j -> exit 2: %s', async (args, message) => {
    const r = await run(args);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err.startsWith(`lede who: ${message}\n\nlede who <NAME|"phrase"> <files...>`)).toBe(true);
  });

  it('a missing file exits 1 naming it', async () => {
    const r = await run(['Trump', SEED, '/nonexistent/lede-who.txt']);
    expect([r.code, r.out, r.err]).toEqual([1, '', 'lede who: /nonexistent/lede-who.txt: No such file: /nonexistent/lede-who.txt. [ARTICLE_FILE_NOT_FOUND]\n']);
  });
});

describe('lede who NAME', () => {
  /** [who, article title] of each quote in the text output, and the header line. */
  const shape = (out: string) => {
    const lines = out.split('\n');
    return { header: lines[0], quotes: lines.filter((l) => l.startsWith('   in ')).map((l) => l.slice(6)) };
  };

  it.each<[string, string, string[], string, string[]]>([
    ['"Trump" across two articles, under his fullest name', 'Trump', [SEED, TARIFF],
      'Donald Trump (5 quotes; also written President Donald Trump, Trump)',
      ['Steel tariffs to rise', 'Steel tariffs to rise', SEED_TITLE, SEED_TITLE, SEED_TITLE]],
    ['a title on the name', 'President Trump', [TARIFF], 'Donald Trump (2 quotes; also written President Donald Trump, Trump)', ['Steel tariffs to rise', 'Steel tariffs to rise']],
    ['a pronoun mention is no alias', 'Grenell', [SEED], 'Richard Grenell (3 quotes; also written Grenell)', [SEED_TITLE, SEED_TITLE, SEED_TITLE]],
    ['an honorific', 'Dr. Lopez', [TARIFF], 'Maria Lopez (2 quotes; also written Dr. Maria Lopez, Lopez)', ['Steel tariffs to rise', 'Steel tariffs to rise']],
    ['one of two Smiths', 'Jane Smith', [SMITHS], 'Jane Smith (1 quote; also written Mayor Jane Smith)', ['Senate bill heads to a vote']],
    ['the bare "Smith" stays apart from both', 'Smith', [SMITHS], 'Smith (2 quotes; also written Ms. Smith)', ['Senate bill heads to a vote', 'Senate bill heads to a vote']],
    ['a full name finds a bare-surname speaker when nothing contradicts it', 'Donald Trump', [SEED], 'Trump (3 quotes; also written -)', [SEED_TITLE, SEED_TITLE, SEED_TITLE]],
  ])('%s', async (_name, query, files, header, titles) => {
    const r = await run([query, ...files]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(shape(r.out)).toEqual({ header, quotes: titles });
  });

  it('the full text output of one speaker', async () => {
    const r = await run(['Jane Smith', SMITHS]);
    expect(r.out).toBe('Jane Smith (1 quote; also written Mayor Jane Smith)\n\n1. the city could not afford the new rules\n   - Jane Smith (said) · as "Mayor Jane Smith" [indirect, confidence 0.90]\n   in Senate bill heads to a vote\n');
  });

  it.each<[string, string[]]>([
    // Donald Trump is known by his full name here, so another given name contradicts it.
    ['--speaker with a given name nobody has', ['Eric Trump', TARIFF, SEED, '--speaker']],
    ['--speaker with a pronoun', ['he', SEED, '--speaker']],
  ])('%s: "No quotes by ..."', async (_name, args) => {
    const r = await run(args);
    expect([r.code, r.out]).toEqual([0, `No quotes by ${args[0]} in these articles.\n`]);
  });

  it('--json lists the speaker, aliases and records with their article', async () => {
    const r = await run(['Grenell', SEED, '--json']);
    const j = JSON.parse(r.out) as { speaker: string; aliases: string[]; quotes: Array<{ article: string; title: string; quote: string; speakerRef: string }> };
    expect([j.speaker, j.aliases]).toEqual(['Richard Grenell', ['Grenell', 'Richard Grenell']]);
    expect(j.quotes.map((q) => [q.title, q.speakerRef, q.quote.slice(0, 30)])).toEqual([
      [SEED_TITLE, 'Richard Grenell', 'there were no financial or oth'],
      [SEED_TITLE, 'Richard Grenell', 'The only award for Maduro was '],
      [SEED_TITLE, 'Richard Grenell', 'It was a big gift to him to ha'],
    ]);
    expect(j.quotes[0]!.article).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('lede who "phrase"', () => {
  it.each<[string, string, string[], string]>([
    ['exact words with curly quotes in the phrase', '\u201ca big gift to him\u201d', [SEED, TARIFF],
      'Who said "\u201ca big gift to him\u201d":\n\n1. "It was a big gift to him to have a visit by an envoy of President Trump"\n   - Richard Grenell · as "he" [direct, confidence 0.65]\n   in ' + SEED_TITLE + '\n'],
    ['straight apostrophe against a curly one in the text', "we won't back down", [FLOODS],
      'Who said "we won\'t back down":\n\n1. "We won\u2019t back down, and we won\u2019t let the water take this town"\n   - Ruth Okafor (said) · as "Mayor Ruth Okafor" [direct, confidence 0.92]\n   in Alder Creek floods\n'],
    ['one changed word is a close match', 'record numbers of illegal migrants from', [SEED],
      'Who said "record numbers of illegal migrants from":\n\n1. "We are in the process of removing record numbers of illegal aliens from all countries, and all countries have agreed to accept these illegal aliens back"\n   - Trump (said) [direct, confidence 0.92]\n   in ' + SEED_TITLE + ' (close match, 83%)\n'],
    ['an unattributed quote: unknown speaker, not a person', 'worst flood I have seen', [FLOODS],
      'Who said "worst flood I have seen":\n\n1. "It is the worst flood I have seen in forty years of living here"\n   - unknown speaker [direct, confidence 0.30]\n   in Alder Creek floods\n'],
    ['phrase not found', 'the moon landing was staged', [SEED, TARIFF, FLOODS],
      'Nobody in these articles said "the moon landing was staged" (no quote matches it, even loosely).\n'],
    ['--phrase reads a name as words', 'Trump', [SEED, '--phrase'],
      'Who said "Trump":\n\n1. Trump: Venezuela agrees to take back all detained illegal migrants from the U.S. and arrange their transportation\n   - News.Az (informs) [indirect, confidence 0.92]\n   in ' + SEED_TITLE +
      '\n2. "It was a big gift to him to have a visit by an envoy of President Trump"\n   - Richard Grenell · as "he" [direct, confidence 0.65]\n   in ' + SEED_TITLE +
      '\n3. he and Trump "have made a first step. Hopefully it can continue."\n   - Nicolas Maduro (saying) · as "Maduro" [mixed, confidence 0.70]\n   in ' + SEED_TITLE + '\n'],
  ])('%s', async (_name, phrase, args, expected) => {
    const r = await run([phrase, ...args]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toBe(expected);
  });

  it('--json gives the score of each hit', async () => {
    const r = await run(['record numbers of illegal migrants from', SEED, '--json']);
    const j = JSON.parse(r.out) as { phrase: string; hits: Array<{ score: number; speakerRef: string; start: number; end: number }> };
    expect(j.phrase).toBe('record numbers of illegal migrants from');
    // Offsets into the parsed article text (title line and site boilerplate moved out).
    expect(j.hits.map((h) => [h.speakerRef, Number(h.score.toFixed(4)), h.start, h.end])).toEqual([['Trump', 0.8333, 1618, 1770]]);
    const article = await loadArticle(SEED, { fetch: fetchOptionsFromConfig(loadConfig({})) });
    expect(article.text.slice(1618, 1770)).toBe('We are in the process of removing record numbers of illegal aliens from all countries, and all countries have agreed to accept these illegal aliens back');
  });
});
