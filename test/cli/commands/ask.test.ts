/** `lede ask` on the seed file and `lede ask --jsonl` batch mode, through the real command. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import command from '../../../src/cli/commands/ask';
import { runWithIo } from '../../support/cli-io';

const seedPath = fileURLToPath(new URL('../../../data/articles/venezuela-agrees-to-take-back-migrants.txt', import.meta.url));

const runCli = (args: string[], stdin = '') => runWithIo((io) => command.run(args, io), { stdin });

describe('lede ask "<question>" <file>', () => {
  it('prints the answer with its offsets, then its sentence', async () => {
    const r = await runCli(['Who did Grenell meet?', seedPath]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Answer: Nicolas Maduro {2}\[\d+-\d+\]\nSentence \d+: The Republican president's announcement came the day after US envoy Richard Grenell met with Venezuelan President Nicolas Maduro/);
  });

  it("prints a speaker's quotes for 'What did X say about Y?'", async () => {
    const r = await runCli(['What did Grenell say about the visit?', seedPath]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      'Quotes (Richard Grenell):',
      expect.stringMatching(/^ {2}"The only award for Maduro was my physical presence, the first senior US official to visit the country in years" {2}\[\d+-\d+\]$/),
    ]);
  });

  it('says "Not found in the article." when the article does not say', async () => {
    const r = await runCli(['What is the capital of France?', seedPath]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('Not found in the article.');
  });

  it('--json gives the AnswerResult', async () => {
    const r = await runCli(['When did Trump take office?', seedPath, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ found: true, answer: 'Jan. 20', answerType: 'date' });
  });

  it.each<[string[], string]>([
    [[], 'expected a question and an article'],
    [['Who?'], 'expected a question and an article'],
    [['  ', seedPath], 'the question is empty'],
    [['Who?', seedPath, '--bogus'], 'unknown option --bogus'],
    [['--jsonl', seedPath], '--jsonl takes no other argument'],
  ])('usage error %j -> %s', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('a missing file is a failure with its error code', async () => {
    const r = await runCli(['Who?', '/nonexistent/article.txt']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\[ARTICLE_[A-Z_]+\]/);
  });
});

describe('lede ask --jsonl', () => {
  it('answers every line in input order; null when not found; errors for malformed lines', async () => {
    const context = 'Grenell met Maduro in Caracas on Friday. Six Americans flew home with him.';
    const input = [
      JSON.stringify({ id: 'q1', context, question: 'When did Grenell meet Maduro?' }),
      'not json at all',
      JSON.stringify({ id: 'q2', context, question: 'How many Americans flew home?' }),
      JSON.stringify({ id: 7, context }),
      '',
      JSON.stringify({ id: 'q3', context, question: 'What is the capital of France?' }),
      JSON.stringify({ id: 'q4', context: '', question: 'Who?' }),
      '[1,2,3]',
    ].join('\n');
    const r = await runCli(['--jsonl'], input);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['q1', null, 'q2', 7, 'q3', 'q4', null]);
    expect(lines[0]).toEqual({ id: 'q1', answer: 'Friday', sentence: 'Grenell met Maduro in Caracas on Friday.' });
    expect(lines[1]).toMatchObject({ id: null, error: expect.stringMatching(/^not JSON/) });
    expect(lines[2]).toEqual({ id: 'q2', answer: 'Six', sentence: 'Six Americans flew home with him.' });
    expect(lines[3]).toMatchObject({ id: 7, error: expect.stringContaining('question') });
    expect(lines[4]).toEqual({ id: 'q3', answer: null, sentence: null });
    expect(lines[5]).toEqual({ id: 'q4', answer: null, sentence: null });
    expect(lines[6]).toMatchObject({ id: null, error: expect.any(String) });
  });
});
