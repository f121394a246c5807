/**
 * A crash mid-write loses nothing committed, on either engine: a child process adds articles as
 * fast as it can and is killed with SIGKILL; every article it reported as committed is there
 * afterwards (and the SQLite file passes its integrity check). A child killed in the middle of an
 * analysis's stepped write leaves none of that write visible, and the article is indexed again by
 * the search catch-up of the next start.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createArticleLoader, createLibrary, loaderOptionsFromConfig } from '../../src/library';
import { openClient, type StoreTarget } from '../../src/store/open';
import { BACKENDS, freshTarget, storesOn } from './contract/backends';

const ROOT = join(import.meta.dirname, '..', '..');

describe.each(BACKENDS)('on %s', (backend) => {
  it('GIVEN a writer killed with SIGKILL THEN every committed article survives', async () => {
    const target = await freshTarget(backend);
    const script = join(ROOT, 'test', 'store', 'support', 'crash-writer.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(target)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d;
        if (out.split('\n').length > 300) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('close', () => resolve());
    });
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.on('close', resolve)));
    expect(child.signalCode).toBe('SIGKILL');
    const committed = out.split('\n').filter(Boolean).map(Number);
    const last = committed[committed.length - 1]!;
    expect(last).toBeGreaterThanOrEqual(299);
    if (target.kind === 'sqlite') {
      const sql = await openClient(target);
      expect(await sql.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
      await sql.close();
    }
    const stores = await storesOn(target);
    expect(await stores.articles.countOwn('g')).toBeGreaterThanOrEqual(last + 1);
  }, 60_000);

  it('GIVEN a process killed with SIGKILL while it writes a long analysis in steps THEN none of that write is seen, and the next start indexes the article again, clearing what was left', async () => {
    const target = await freshTarget(backend);
    const lines = await runUntil(target, join(ROOT, 'test', 'store', 'support', 'analysis-crash-writer.ts'), (out) => out.filter((l) => l === 'insert rows').length >= 5);
    expect(lines).not.toContain('finish');
    const articleId = lines[0]!.replace('added ', '');
    const sql = await openClient(target);
    try {
      if (target.kind === 'sqlite') expect(await sql.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
      // Rows of the newer analysis were committed before the kill, but no search reads them.
      expect(Number((await sql.get<{ n: unknown }>('SELECT count(*) AS n FROM article_quotes WHERE article_id = ?', [articleId]))?.n)).toBeGreaterThanOrEqual(1000);
      const stores = await storesOn(target);
      expect(await stores.search.quotesWithWords('g', ['newer'], { limit: 10 })).toEqual([]);
      expect(await stores.search.speakerKeys('g', ['ruiz'])).toEqual([]);
      expect((await stores.search.unindexed(-1, 10)).map((u) => [u.guildId, u.id])).toEqual([['g', articleId]]);
      // The next start: the library's catch-up indexes the stored analysis again (the newer one never finished).
      const library = createLibrary({ ...stores, load: createArticleLoader(loaderOptionsFromConfig(loadConfig({}))) });
      expect(await library.speakers.catchUp()).toBe(1);
      expect(await stores.search.speakerKeys('g', ['ruiz'])).toEqual([{ key: 'ana ruiz', quotes: 2, articles: 1, withLast: 0 }]);
      expect((await stores.search.quotesBy('g', ['ana ruiz'], { limit: 10 })).map((f) => f.words)).toEqual([
        'we have waited long enough for this',
        'the boats are ready and so are we',
      ]);
      expect(Number((await sql.get<{ n: unknown }>('SELECT count(*) AS n FROM article_quotes WHERE article_id = ?', [articleId]))?.n)).toBe(3); // the two, and one without a speaker
      expect(await sql.all('SELECT article_id FROM quote_writes')).toEqual([]);
      expect(await stores.search.unindexed(-1, 10)).toEqual([]);
    } finally {
      await sql.close();
    }
  }, 60_000);
});

/** Run `script` on `target` and kill it with SIGKILL once its output lines satisfy `enough`; its lines. */
async function runUntil(target: StoreTarget, script: string, enough: (lines: string[]) => boolean): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(target)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      if (enough(out.split('\n'))) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('close', () => resolve());
  });
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.on('close', resolve)));
  expect(child.signalCode).toBe('SIGKILL');
  return out.split('\n').filter(Boolean);
}
