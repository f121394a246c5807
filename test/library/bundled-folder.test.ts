/**
 * ARTICLES_DIR kept in line with the library (src/library/bundled.ts) and watched while the bot
 * runs (src/library/watch.ts), on a real temp folder, the real loader and parser and a real SQLite
 * database: a file read again unchanged keeps its article and its time; a changed text is a new
 * article and the old one goes; a removed file prunes its article; a file that does not parse is
 * named, never thrown; the watcher reads a file written in two parts (pause shorter than the quiet
 * period) once, whole, and keeps a renamed file's article (read under the new name before the old
 * name's removal prunes).
 */
import { appendFileSync, mkdtempSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { bundledFolder, createArticleLoader, createLibrary, isArticleFile, loaderOptionsFromConfig, QUIET_MS, watchBundledFolder, type AddSource, type BundledFileOutcome, type BundledFolder, type Library } from '../../src/library';
import { openStores } from '../../src/store/open';
import type { Stores } from '../../src/store/ports';

const FERRY = 'Ferry timetable for spring\n\nThe harbour ferry will run every hour from the first of April, the port authority said on Monday. "We listened to the islanders who asked for earlier boats," said Port Director Lena Vogt.\n';
const FERRY_CHANGED = FERRY.replace('every hour', 'every half hour');
const MARKET = '# Night market returns\n\nThe night market on the quay returns in May with forty stalls, the organisers said. Traders welcomed the news.\n';

let dir: string;
let stores: Stores;
let library: Library;
let reads: string[];
let folder: BundledFolder;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-articles-'));
  stores = await openStores({ kind: 'sqlite', path: ':memory:' });
  const real = createArticleLoader(loaderOptionsFromConfig(loadConfig({})));
  reads = [];
  const load = (source: AddSource) => {
    if (source.kind === 'file') reads.push(source.path.slice(dir.length + 1));
    return real(source);
  };
  library = createLibrary({ articles: stores.articles, analyses: stores.analyses, search: stores.search, load });
  folder = bundledFolder(dir, library, load);
});
afterEach(async () => {
  await stores.close();
  rmSync(dir, { recursive: true, force: true });
});

const bundledTitles = async () => (await stores.articles.listings('g1')).filter((l) => l.guildId === null).map((l) => l.title).sort();
const bundledRow = async (slug: string) => (await stores.articles.listings('g1')).find((l) => l.slug === slug);

describe('bundledFolder', () => {
  it('GIVEN hidden and non-article files THEN they are not articles', () => {
    expect(['ferry.txt', 'market.MD', 'page.html', '.#ferry.txt', '.ferry.txt.swp', 'ferry.txt~', 'notes.pdf'].filter(isArticleFile)).toEqual(['ferry.txt', 'market.MD', 'page.html']);
  });

  it('GIVEN a folder THEN loadAll loads each file once; a look at an unchanged file reads nothing; the same text touched keeps its id and time', async () => {
    writeFileSync(join(dir, 'ferry.txt'), FERRY);
    writeFileSync(join(dir, 'market.md'), MARKET);
    writeFileSync(join(dir, '.#ferry.txt'), 'an editor lock file');
    expect(await folder.loadAll()).toEqual({ loaded: ['ferry.txt', 'market.md'], failed: [], pruned: 0 });
    expect(reads).toEqual(['ferry.txt', 'market.md']);
    expect(await bundledTitles()).toEqual(['Ferry timetable for spring', 'Night market returns']);
    const first = (await bundledRow('ferry'))!;

    expect(await folder.sync('ferry.txt')).toEqual({ kind: 'unchanged', file: 'ferry.txt' });
    expect(await folder.changedFiles()).toEqual([]);
    expect(reads).toHaveLength(2);

    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'ferry.txt'), later, later);
    expect(await folder.changedFiles()).toEqual(['ferry.txt']);
    const same = await folder.sync('ferry.txt');
    expect(same.kind).toBe('same');
    expect(await bundledRow('ferry')).toEqual(first);
  });

  it('GIVEN a changed text THEN a new article (new id, stored now) and the old one pruned; GIVEN the file removed THEN its article goes', async () => {
    writeFileSync(join(dir, 'ferry.txt'), FERRY);
    await folder.loadAll();
    const before = (await bundledRow('ferry'))!;
    await sleep(5);
    writeFileSync(join(dir, 'ferry.txt'), FERRY_CHANGED);
    const changed = await folder.sync('ferry.txt');
    expect(changed).toMatchObject({ kind: 'changed', file: 'ferry.txt', pruned: 1 });
    const after = (await bundledRow('ferry'))!;
    expect(after.id).not.toBe(before.id);
    expect(Date.parse(after.addedAt)).toBeGreaterThan(Date.parse(before.addedAt));
    expect(await stores.articles.get('g1', before.id)).toBeUndefined();
    expect((await stores.articles.get('g1', after.id))!.text).toContain('every half hour');

    unlinkSync(join(dir, 'ferry.txt'));
    expect(await folder.changedFiles()).toEqual(['ferry.txt']);
    expect(await folder.sync('ferry.txt')).toEqual({ kind: 'removed', file: 'ferry.txt', pruned: 1 });
    expect(await bundledTitles()).toEqual([]);
    expect(await folder.sync('ferry.txt')).toEqual({ kind: 'ignored', file: 'ferry.txt' });
  });

  it('GIVEN a file that does not parse THEN it is reported by name and the others load; its earlier article is pruned', async () => {
    writeFileSync(join(dir, 'ferry.txt'), FERRY);
    writeFileSync(join(dir, 'blank.txt'), '   \n\n  ');
    const report = await folder.loadAll();
    expect(report.loaded).toEqual(['ferry.txt']);
    expect(report.failed.map((f) => [f.file, (f.error as { code?: string }).code])).toEqual([['blank.txt', 'ARTICLE_EMPTY']]);
    writeFileSync(join(dir, 'ferry.txt'), '\n \n');
    const failed = await folder.sync('ferry.txt');
    expect(failed).toMatchObject({ kind: 'failed', file: 'ferry.txt', pruned: 1 });
    expect(await bundledTitles()).toEqual([]);
    // Not read again until it changes.
    const n = reads.length;
    expect(await folder.sync('ferry.txt')).toEqual({ kind: 'unchanged', file: 'ferry.txt' });
    expect(reads).toHaveLength(n);
  });

  it('GIVEN a store that does not answer while a file is stored THEN the error is thrown (not a bad file) and the next look reads it again', async () => {
    await folder.loadAll();
    let down = true;
    const flaky = bundledFolder(dir, {
      addBundled: (article, slug) => (down ? Promise.reject(new Error('database is locked')) : library.addBundled(article, slug)),
      pruneBundled: (keep) => library.pruneBundled(keep),
    }, (source) => createArticleLoader(loaderOptionsFromConfig(loadConfig({})))(source));
    writeFileSync(join(dir, 'ferry.txt'), FERRY);
    await expect(flaky.sync('ferry.txt')).rejects.toThrow('database is locked');
    down = false;
    expect(await flaky.sync('ferry.txt')).toMatchObject({ kind: 'added', file: 'ferry.txt', article: { title: 'Ferry timetable for spring' } });
  });

  it('GIVEN no folder THEN nothing loads and nothing stored is pruned', async () => {
    await stores.articles.upsertBundled({ article: { id: 'aaaaaaaaaaaaaaaa', title: 'Kept', source: 'x', text: 'Kept text.', paragraphs: [{ start: 0, end: 10 }], boilerplate: [] }, slug: 'kept' });
    const missing = bundledFolder(join(dir, 'nope'), library, async () => {
      throw new Error('not called');
    });
    expect(await missing.loadAll()).toEqual({ loaded: [], failed: [], pruned: 0 });
    expect(await bundledTitles()).toEqual(['Kept']);
  });
});

describe('watchBundledFolder', () => {
  const watchWith = (outcomes: BundledFileOutcome[], logged: string[]) =>
    watchBundledFolder(folder, { log: (_level, data, message) => logged.push(`${message}: ${String(data.file ?? data.dir)}`), onSynced: (o) => outcomes.push(o) });
  const until = async (check: () => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out');
      await sleep(20);
    }
  };

  it('GIVEN a file written in two parts with a pause shorter than the quiet period THEN it is read once, whole; removed THEN pruned; stop() ends it', async () => {
    await folder.loadAll();
    const outcomes: BundledFileOutcome[] = [];
    const logged: string[] = [];
    const watcher = watchWith(outcomes, logged);
    watcher.start();
    const half = Math.floor(FERRY.length / 2);
    writeFileSync(join(dir, 'ferry.txt'), FERRY.slice(0, half));
    await sleep(QUIET_MS / 2.5);
    appendFileSync(join(dir, 'ferry.txt'), FERRY.slice(half));
    const wrote = Date.now();
    await until(() => outcomes.length > 0);
    expect(Date.now() - wrote).toBeGreaterThanOrEqual(QUIET_MS - 20);
    await sleep(QUIET_MS * 2);
    expect(outcomes.map((o) => o.kind)).toEqual(['added']);
    expect(reads).toEqual(['ferry.txt']);
    expect((await stores.articles.get('g1', (await bundledRow('ferry'))!.id))!.text).toContain('earlier boats');

    unlinkSync(join(dir, 'ferry.txt'));
    await until(() => outcomes.length > 1);
    expect(outcomes[1]).toEqual({ kind: 'removed', file: 'ferry.txt', pruned: 1 });
    expect(logged).toEqual([`watching the bundled articles folder: ${dir}`, 'bundled article added: ferry.txt', 'bundled article removed: ferry.txt']);

    await watcher.stop();
    writeFileSync(join(dir, 'market.md'), MARKET);
    await sleep(QUIET_MS * 2);
    expect(outcomes).toHaveLength(2);
  });

  it('GIVEN a file renamed while watched THEN its article is kept, with its time, under the new short name (not news again)', async () => {
    writeFileSync(join(dir, 'ferry.txt'), FERRY);
    await folder.loadAll();
    const before = (await bundledRow('ferry'))!;
    const outcomes: BundledFileOutcome[] = [];
    const watcher = watchWith(outcomes, []);
    watcher.start();
    await sleep(50);
    renameSync(join(dir, 'ferry.txt'), join(dir, 'ferry-spring.txt'));
    await until(() => outcomes.length === 2);
    await watcher.stop();
    expect(outcomes.map((o) => [o.kind, o.file])).toEqual([['added', 'ferry-spring.txt'], ['removed', 'ferry.txt']]);
    expect(outcomes[1]).toEqual({ kind: 'removed', file: 'ferry.txt', pruned: 0 });
    expect(await bundledRow('ferry')).toBeUndefined();
    expect(await bundledRow('ferry-spring')).toEqual({ ...before, slug: 'ferry-spring', source: join(dir, 'ferry-spring.txt') });
  });

  it('GIVEN files changed between the start\'s load and the watcher THEN starting looks at them', async () => {
    writeFileSync(join(dir, 'ferry.txt'), FERRY);
    await folder.loadAll();
    writeFileSync(join(dir, 'market.md'), MARKET);
    unlinkSync(join(dir, 'ferry.txt'));
    const outcomes: BundledFileOutcome[] = [];
    const watcher = watchWith(outcomes, []);
    watcher.start();
    await until(() => outcomes.length === 2);
    expect(outcomes.map((o) => [o.kind, o.file]).sort()).toEqual([['added', 'market.md'], ['removed', 'ferry.txt']]);
    await watcher.stop();
    expect(await bundledTitles()).toEqual(['Night market returns']);
  });

  it('GIVEN a file that does not parse dropped in while watched THEN it is logged by name as skipped and the watch goes on', async () => {
    await folder.loadAll();
    const outcomes: BundledFileOutcome[] = [];
    const logged: string[] = [];
    const watcher = watchWith(outcomes, logged);
    watcher.start();
    writeFileSync(join(dir, 'blank.txt'), ' \n\n ');
    await until(() => outcomes.length === 1);
    writeFileSync(join(dir, 'market.md'), MARKET);
    await until(() => outcomes.length === 2);
    await watcher.stop();
    expect(outcomes.map((o) => [o.kind, o.file])).toEqual([['failed', 'blank.txt'], ['added', 'market.md']]);
    expect(logged).toEqual([`watching the bundled articles folder: ${dir}`, 'bundled article skipped: blank.txt', 'bundled article added: market.md']);
  });

  it('GIVEN the store not answering when a dropped file is stored THEN it is logged by name and tried again', async () => {
    let failures = 1;
    const flaky = bundledFolder(dir, {
      addBundled: (article, slug) => (failures-- > 0 ? Promise.reject(new Error('database is locked')) : library.addBundled(article, slug)),
      pruneBundled: (keep) => library.pruneBundled(keep),
    }, (source) => createArticleLoader(loaderOptionsFromConfig(loadConfig({})))(source));
    await flaky.loadAll();
    const outcomes: BundledFileOutcome[] = [];
    const logged: string[] = [];
    const watcher = watchBundledFolder(flaky, { retryMs: 100, log: (_level, data, message) => logged.push(`${message}: ${String(data.file ?? data.dir)}`), onSynced: (o) => outcomes.push(o) });
    watcher.start();
    writeFileSync(join(dir, 'ferry.txt'), FERRY);
    await until(() => outcomes.length === 1);
    await watcher.stop();
    expect(outcomes.map((o) => [o.kind, o.file])).toEqual([['added', 'ferry.txt']]);
    expect(logged).toEqual([`watching the bundled articles folder: ${dir}`, 'bundled article could not be synced: ferry.txt', 'bundled article added: ferry.txt']);
    expect(await bundledTitles()).toEqual(['Ferry timetable for spring']);
  });

  it('GIVEN a folder that does not exist THEN the watcher says so and does not throw', async () => {
    const logged: string[] = [];
    const watcher = watchBundledFolder(bundledFolder(join(dir, 'nope'), library, async () => { throw new Error('not called'); }), { log: (_l, data, message) => logged.push(`${message}: ${String(data.dir)}`) });
    watcher.start();
    await watcher.stop();
    expect(logged).toEqual([`bundled articles folder not watched: files added later need a restart: ${join(dir, 'nope')}`]);
  });
});
