import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { runWithIo } from '../support/cli-io';

const SEED = 'data/articles/venezuela-agrees-to-take-back-migrants.txt';

const run = (args: string[], env: Record<string, string> = {}, stdinText = '') => runWithIo((io) => main(['parse', ...args], io), { env, stdin: stdinText });

interface ParseJson {
  title: string;
  siteName: string | null;
  boilerplate: string[];
  text: string;
  paragraphs: Array<{ start: number; end: number; text: string }>;
  sentences: Array<{ start: number; end: number; paragraph: number; text: string }>;
}

describe('lede parse', () => {
  it('--json on the seed: first line is the title, News.Az is boilerplate and site, 17-18 sentences', async () => {
    const { code, out } = await run([SEED, '--json']);
    expect(code).toBe(0);
    const j = JSON.parse(out) as ParseJson;
    expect(j.title).toBe("Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S");
    expect(j.siteName).toBe('News.Az');
    expect(j.boilerplate).toEqual(['News.Az']);
    expect([17, 18]).toContain(j.sentences.length);
    for (const s of j.sentences) expect(j.text.slice(s.start, s.end)).toBe(s.text);
    for (const p of j.paragraphs) expect(j.text.slice(p.start, p.end)).toBe(p.text);
    expect(j.sentences.some((s) => s.text.includes('from the U.S. and arrange their transportation'))).toBe(true);
  });

  it('text output is readable: metadata lines, boilerplate, numbered sentences with offsets', async () => {
    const { code, out } = await run([SEED]);
    expect(code).toBe(0);
    expect(out).toContain("Title:      Trump announces Venezuela's agreement");
    expect(out).toContain('Site:       News.Az');
    expect(out).toContain('Boilerplate (moved out of the body):\n  - News.Az');
    expect(out).toContain('Paragraph 1 [0-143]\n    1. [0-143] Trump: Venezuela agrees');
  });

  it("reads stdin for '-'", async () => {
    const { code, out } = await run(['-', '--json'], {}, 'Piped title\n\nPiped body.');
    expect(code).toBe(0);
    expect((JSON.parse(out) as ParseJson).title).toBe('Piped title');
  });

  it.each([
    [['missing-file.txt'], 1, 'lede parse: No such file: missing-file.txt. [ARTICLE_FILE_NOT_FOUND]\n'],
    [['http://127.0.0.1:9/x'], 1, 'lede parse: Refused to fetch http://127.0.0.1:9/x: 127.0.0.1 is a loopback address (this machine). Private and internal addresses are only reachable when ALLOW_PRIVATE_URLS=true. [FETCH_BLOCKED_ADDRESS]\n'],
  ])('GIVEN %j THEN exit %d with one clear line', async (args, code, message) => {
    const r = await run(args);
    expect(r.code).toBe(code);
    expect(r.err).toBe(message);
  });

  it.each([[[]], [['a.txt', 'b.txt']], [[SEED, '--yaml']]])('GIVEN usage error %j THEN exit 2 with usage', async (args) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: lede parse <file|url|-> [--json]');
  });

  it('GIVEN a bad config value THEN exit 1 naming the variable', async () => {
    const r = await run([SEED], { FETCH_TIMEOUT_MS: 'soon' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('FETCH_TIMEOUT_MS');
  });
});
