import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import command from '../../src/cli/commands/digest';
import { DIGEST_FOOTER } from '../../src/digest/compose';
import { runWithIo, type CliRun } from '../support/cli-io';

function runCli(args: string[]): Promise<CliRun> {
  return runWithIo((io) => command.run(args, io));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lede-digest-cli-'));
  writeFileSync(
    join(dir, 'tram.md'),
    '# Council extends the harbour tram line\n\nThe city council voted on Tuesday to extend the harbour tram line by four stations, ending a debate that had run for most of the decade. "This is the line people asked for when we held the first hearings," said Mayor Ana Ruiz, who had backed the plan since her campaign. Opponents argued that the cost, estimated at 240 million euros, would crowd out repairs to older lines.\n\nEngineers expect construction to begin next spring and to last about three years, with the first two stations opening in stages. Residents near the proposed depot said they welcomed the tram but worried about noise during night works.\n',
  );
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'ignored.pdf'), '%PDF-1.4');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lede digest', () => {
  it('GIVEN the bundled folder (default) THEN it prints the seed article with its summary, quote and the footer', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('· 1 new article\n\n== data/articles ==\n\nTrump announces Venezuela');
    expect(r.out).toContain('” — Trump\n');
    expect(r.out.trimEnd().endsWith(`-- ${DIGEST_FOOTER}`)).toBe(true);
  });

  it('GIVEN a folder THEN readable articles are digested, unreadable ones reported, others ignored', async () => {
    const r = await runCli([dir]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`lede digest: skipped ${join(dir, 'empty.txt')}: ${join(dir, 'empty.txt')} is empty. [ARTICLE_EMPTY]\n`);
    expect(r.out).toContain('Council extends the harbour tram line\nThe city council voted on Tuesday');
    expect(r.out).toContain('> “This is the line people asked for when we held the first hearings” — Ana Ruiz');
  });

  it('--json prints the Discord messages', async () => {
    const r = await runCli([dir, '--json']);
    const digest = JSON.parse(r.out) as { articleCount: number; messages: Array<{ embeds: Array<{ title: string }> }> };
    expect(digest.articleCount).toBe(1);
    expect(digest.messages[0]!.embeds[0]!.title).toBe(dir);
  });

  it.each([
    [['--bogus'], 2, 'unknown option --bogus'],
    [['a', 'b'], 2, 'give at most one folder'],
    [['/definitely/not/here'], 1, 'cannot read folder /definitely/not/here: ENOENT'],
  ])('%j exits %i', async (args, code, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
  });
});
