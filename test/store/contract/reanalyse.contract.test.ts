/**
 * Analyses stored by an older ANALYSIS_VERSION are recomputed in the background after a start
 * (src/library/reanalyse.ts): the store finds them by version (a bounded window of article rows at
 * a time, newest first), claims each so two processes never do one twice, and the library writes
 * the new analysis and its quote rows through the stepped writer. Real stores on SQLite and
 * PostgreSQL: after the catch-up, /whosaid's searches find the new version's rows and not the old.
 */
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/article';
import type { Article } from '../../../src/article/model';
import { createLibrary, inProcessWork, type AddSource, type ArticleLoader, type ArticleWork, type Library } from '../../../src/library';
import { ANALYSIS_VERSION } from '../../../src/nlp/analyze';
import type { AnalysisStore, IndexedQuote, Stores } from '../../../src/store/ports';
import { WRITE_STEPS } from '../../../src/store/sql/analysis-writes';
import { RECOMPUTE_LEASE_MS } from '../../../src/store/sql/articles';
import { openClient } from '../../../src/store/open';
import { BACKENDS, freshStores, storesOn } from './backends';

const OLD = ANALYSIS_VERSION - 1;

/** Four articles of the harbour town, oldest first; the new rules file "the mayor" and "the harbour master" under their roles. */
const BRIDGE = '"The bridge will reopen by the first of May," the mayor said on Monday. The council approved the money last week.';
const RUST = '"Nobody saw the rust coming," the mayor told reporters on Friday. Engineers inspected the steel.';
const FERRY = '"The ferry will leave at six from now on," the harbour master said on Tuesday. Tickets cost the same.';
const LIBRARY = '"The library stays open on Sundays," the mayor said after the vote. Readers welcomed the news.';

const load: ArticleLoader = async (source: AddSource) => {
  if (source.kind !== 'text') throw new Error('text only in this test');
  return parseArticle({ content: source.text, format: 'text', source: 'text', ...(source.title && { title: source.title }) });
};

type Logged = { level: string; data: Record<string, unknown>; message: string };

function libraryOn(
  stores: Stores,
  analyze: ArticleWork['analyze'] = inProcessWork.analyze,
  extra: { span?: number; holder?: string; progressEvery?: number; analyses?: AnalysisStore } = {},
) {
  const logged: Logged[] = [];
  const library = createLibrary({
    articles: stores.articles,
    analyses: extra.analyses ?? stores.analyses,
    search: stores.search,
    load,
    analyze,
    reanalysis: {
      span: extra.span ?? 2,
      ...(extra.holder !== undefined && { holder: extra.holder }),
      ...(extra.progressEvery !== undefined && { progressEvery: extra.progressEvery }),
    },
    log: (level, data, message) => logged.push({ level, data, message }),
  });
  return { library, logged };
}

/**
 * What the older rules stored for an article: the version before, its quotes credited to nobody in
 * the JSON and filed under "town hall" in the search rows (a speaker the current rules never give).
 */
async function storeOldAnalysis(stores: Stores, library: Library, article: Article): Promise<void> {
  const current = await library.analysis(article);
  const quotes = current.quotes.map((q) => ({ ...q, speaker: null, speakerStart: null, speakerEnd: null, speakerRef: null }));
  const rows: IndexedQuote[] = quotes.map((q) => ({
    speakerKey: 'town hall',
    name: 'Town Hall',
    mention: null,
    mentionKey: null,
    words: q.quote.toLowerCase().replace(/[^a-z ]/g, '').split(' '),
    json: JSON.stringify({ ...q, speaker: 'Town Hall', speakerRef: 'Town Hall' }),
  }));
  await stores.analyses.put(article.id, OLD, JSON.stringify({ ...current, version: OLD, quotes }), rows);
}

/** Server g holds BRIDGE, RUST and FERRY (added in that order), LIBRARY is bundled; every analysis of the older version. */
async function oldLibrary(stores: Stores): Promise<Article[]> {
  const { library } = libraryOn(stores);
  const added: Article[] = [];
  for (const [body, title] of [[BRIDGE, 'Bridge'], [RUST, 'Rust'], [FERRY, 'Ferry']] as const) {
    added.push((await library.add('g', { kind: 'text', text: body, title }, 'u')).article);
  }
  added.push(await library.addBundled(await load({ kind: 'text', text: LIBRARY, title: 'Library' }), 'library'));
  for (const a of added) await storeOldAnalysis(stores, library, a);
  return added;
}

/** What /whosaid reads in server g: the speakers' counts and the quotes filed under each (newest article first: the bundled one was added last). */
async function whosaid(stores: Stores) {
  const quotes = async (key: string) => (await stores.search.quotesBy('g', [key], { limit: 100 })).map((f) => `${f.article.title}: ${JSON.parse(f.json).quote}`);
  return {
    mayor: await quotes('mayor'),
    harbourMaster: await quotes('harbour master'),
    townHall: await quotes('town hall'),
    counts: [
      ...(await stores.search.speakerKeys('g', ['mayor'])),
      ...(await stores.search.speakerKeys('g', ['master'])),
      ...(await stores.search.speakerKeys('g', ['hall'])),
    ],
  };
}

const OLD_VIEW = {
  mayor: [],
  harbourMaster: [],
  townHall: [
    'Library: The library stays open on Sundays',
    'Ferry: The ferry will leave at six from now on',
    'Rust: Nobody saw the rust coming',
    'Bridge: The bridge will reopen by the first of May',
  ],
  counts: [{ key: 'town hall', quotes: 4, articles: 4, withLast: 0 }],
};
const NEW_VIEW = {
  mayor: ['Library: The library stays open on Sundays', 'Rust: Nobody saw the rust coming', 'Bridge: The bridge will reopen by the first of May'],
  harbourMaster: ['Ferry: The ferry will leave at six from now on'],
  townHall: [],
  counts: [
    { key: 'mayor', quotes: 3, articles: 3, withLast: 0 },
    { key: 'harbour master', quotes: 1, articles: 1, withLast: 0 },
  ],
};

async function versions(stores: Stores, articles: readonly Article[]): Promise<Array<number | undefined>> {
  const out: Array<number | undefined> = [];
  for (const a of articles) out.push((await stores.analyses.get(a.id))?.version);
  return out;
}

/** The analysis in this thread, each article's title recorded in the order asked. */
function recordingWork(): { analyze: ArticleWork['analyze']; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    analyze: async (article) => {
      asked.push(article.title);
      return inProcessWork.analyze(article);
    },
  };
}

describe.each(BACKENDS)('analyses of an older version on %s', (backend) => {
  it('GIVEN analyses of the version before THEN the store counts them and finds them a bounded window of rows at a time, newest first', async () => {
    const { stores } = await freshStores(backend);
    const added = await oldLibrary(stores);
    const [bridge, rust, ferry, library] = added.map((a) => a.id);
    expect(await stores.analyses.countOlder(ANALYSIS_VERSION)).toBe(4);
    expect(await stores.analyses.countOlder(OLD)).toBe(0);
    const first = await stores.analyses.olderAmong(ANALYSIS_VERSION, undefined, 3);
    expect(first.articles.map((a) => [a.guildId, a.id])).toEqual([[null, library], ['g', ferry], ['g', rust]]);
    const second = await stores.analyses.olderAmong(ANALYSIS_VERSION, first.next, 3);
    expect(second.articles.map((a) => [a.guildId, a.id])).toEqual([['g', bridge]]);
    expect(await stores.analyses.olderAmong(ANALYSIS_VERSION, second.next, 3)).toEqual({ articles: [], next: undefined });
    // A window of rows whose analyses are current is read and passed, not returned.
    const fresh = await inProcessWork.analyze(added[2]!);
    await stores.analyses.put(ferry!, fresh.analysis.version, fresh.json, fresh.quoteRows);
    const current = await stores.analyses.olderAmong(ANALYSIS_VERSION, undefined, 2);
    expect(current.articles.map((a) => a.id)).toEqual([library]);
    expect(typeof current.next).toBe('number');
    await expect(stores.analyses.olderAmong(ANALYSIS_VERSION, undefined, 0)).rejects.toThrow('olderAmong: span must be a whole number of at least 1, got 0');
  });

  it('GIVEN a recompute claimed by one holder THEN another is refused until the lease ends; a current analysis is never claimed', async () => {
    const { stores, target } = await freshStores(backend);
    const [bridge] = await oldLibrary(stores);
    expect(await stores.analyses.claimRecompute(bridge!.id, ANALYSIS_VERSION, 'one')).toBe(true);
    expect(await stores.analyses.claimRecompute(bridge!.id, ANALYSIS_VERSION, 'two')).toBe(false);
    expect(await stores.analyses.claimRecompute(bridge!.id, ANALYSIS_VERSION, 'one')).toBe(true);
    // A claim older than the lease belongs to a process that died: taken over.
    const sql = await openClient(target);
    try {
      await sql.run('UPDATE recompute_claims SET claimed_at = ? WHERE article_id = ?', [new Date(Date.now() - RECOMPUTE_LEASE_MS - 1000).toISOString(), bridge!.id]);
    } finally {
      await sql.close();
    }
    expect(await stores.analyses.claimRecompute(bridge!.id, ANALYSIS_VERSION, 'two')).toBe(true);
    await stores.analyses.releaseRecompute(bridge!.id, 'one'); // not its claim any more: nothing happens
    expect(await stores.analyses.claimRecompute(bridge!.id, ANALYSIS_VERSION, 'one')).toBe(false);
    await stores.analyses.releaseRecompute(bridge!.id, 'two');
    // Current (the version asked is the stored one): nothing to claim, and no claim is left behind.
    expect(await stores.analyses.claimRecompute(bridge!.id, OLD, 'one')).toBe(false);
    expect(await stores.analyses.claimRecompute(bridge!.id, ANALYSIS_VERSION, 'two')).toBe(true);
    expect(await stores.analyses.claimRecompute('0000000000000000', ANALYSIS_VERSION, 'one')).toBe(false);
  });

  it('GIVEN analyses of the version before THEN the catch-up recomputes each once, newest first, and /whosaid finds the new rules’ speakers and not the old rows', async () => {
    const { stores } = await freshStores(backend);
    const added = await oldLibrary(stores);
    expect(await whosaid(stores)).toEqual(OLD_VIEW);
    const work = recordingWork();
    const { library, logged } = libraryOn(stores, work.analyze);
    library.reanalysis.start();
    const report = await library.reanalysis.done!;
    expect({ ...report, ms: 0 }).toEqual({ stale: 4, recomputed: 4, failed: 0, skipped: 0, stopped: false, ms: 0 });
    expect(work.asked).toEqual(['Library', 'Ferry', 'Rust', 'Bridge']);
    expect(await versions(stores, added)).toEqual([ANALYSIS_VERSION, ANALYSIS_VERSION, ANALYSIS_VERSION, ANALYSIS_VERSION]);
    expect(await stores.analyses.countOlder(ANALYSIS_VERSION)).toBe(0);
    expect(await whosaid(stores)).toEqual(NEW_VIEW);
    const mayor = await library.speakers.find('g', 'the mayor');
    expect(mayor && { name: mayor.name, quotes: mayor.quotes, articles: mayor.articles }).toEqual({ name: 'the mayor', quotes: 3, articles: 3 });
    expect(await library.speakers.find('g', 'Town Hall')).toBe(undefined);
    expect(logged.map((l) => [l.level, l.message])).toEqual([
      ['info', 'stale analyses: recomputing in the background, newest articles first'],
      ['info', 'stale analyses recomputed'],
    ]);
    expect(logged[0]!.data).toEqual({ stale: 4, version: ANALYSIS_VERSION });
    expect({ ...logged[1]!.data, ms: 0 }).toEqual({ stale: 4, recomputed: 4, failed: 0, skipped: 0, stopped: false, ms: 0 });
    // The next start finds nothing to do and says nothing.
    const again = libraryOn(stores, work.analyze);
    again.library.reanalysis.start();
    expect({ ...(await again.library.reanalysis.done!), ms: 0 }).toEqual({ stale: 0, recomputed: 0, failed: 0, skipped: 0, stopped: false, ms: 0 });
    expect(again.logged).toEqual([]);
    expect(work.asked.length).toBe(4);
  });

  it('GIVEN a stop while an article is analysed THEN stop() waits for that article only; the next start does the rest', async () => {
    const { stores } = await freshStores(backend);
    const added = await oldLibrary(stores);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const asked: string[] = [];
    const { library, logged } = libraryOn(stores, async (article) => {
      asked.push(article.title);
      started();
      await held;
      return inProcessWork.analyze(article);
    });
    library.reanalysis.start();
    await inFlight;
    let stopped = false;
    const stopping = library.reanalysis.stop().then(() => (stopped = true));
    await sleep(50);
    expect(stopped).toBe(false); // the article in flight is not abandoned
    release();
    await stopping;
    expect(asked).toEqual(['Library']);
    expect({ ...(await library.reanalysis.done!), ms: 0 }).toEqual({ stale: 4, recomputed: 1, failed: 0, skipped: 0, stopped: true, ms: 0 });
    expect(await versions(stores, added)).toEqual([OLD, OLD, OLD, ANALYSIS_VERSION]);
    expect(logged.at(-1)!.message).toBe('stale analyses: stopped, the next start goes on');
    // Its claim went with it: the next start recomputes the other three.
    const next = libraryOn(stores);
    next.library.reanalysis.start();
    expect({ ...(await next.library.reanalysis.done!), ms: 0 }).toEqual({ stale: 3, recomputed: 3, failed: 0, skipped: 0, stopped: false, ms: 0 });
    expect(await whosaid(stores)).toEqual(NEW_VIEW);
    // A stop before any start, or after the end, returns at once.
    await libraryOn(stores).library.reanalysis.stop();
    await next.library.reanalysis.stop();
  });

  it('GIVEN one article whose analysis fails THEN it is logged by id and skipped, the others are recomputed, and the next start tries it again', async () => {
    const { stores } = await freshStores(backend);
    const added = await oldLibrary(stores);
    const rust = added[1]!;
    const { library, logged } = libraryOn(stores, async (article) => {
      if (article.id === rust.id) throw new Error('worker ended');
      return inProcessWork.analyze(article);
    });
    library.reanalysis.start();
    expect({ ...(await library.reanalysis.done!), ms: 0 }).toEqual({ stale: 4, recomputed: 3, failed: 1, skipped: 0, stopped: false, ms: 0 });
    expect(await versions(stores, added)).toEqual([ANALYSIS_VERSION, OLD, ANALYSIS_VERSION, ANALYSIS_VERSION]);
    const warned = logged.filter((l) => l.level === 'warn');
    expect(warned.map((l) => [l.message, l.data.articleId, (l.data.err as Error).message])).toEqual([
      ['stale analysis not recomputed: skipped until the next start', rust.id, 'worker ended'],
    ]);
    // Its old rows stay whole until then (no half-written set).
    expect((await whosaid(stores)).townHall).toEqual(['Rust: Nobody saw the rust coming']);
    const next = libraryOn(stores);
    next.library.reanalysis.start();
    expect({ ...(await next.library.reanalysis.done!), ms: 0 }).toEqual({ stale: 1, recomputed: 1, failed: 0, skipped: 0, stopped: false, ms: 0 });
    expect(await whosaid(stores)).toEqual(NEW_VIEW);
  });

  it('GIVEN two processes on one database THEN they share the backlog: each article is analysed once, and every one is current', async () => {
    const { stores, target } = await freshStores(backend);
    const added = await oldLibrary(stores);
    const other = await storesOn(target);
    const slow = (asked: string[]): ArticleWork['analyze'] => async (article) => {
      asked.push(article.title);
      await sleep(30);
      return inProcessWork.analyze(article);
    };
    const askedOne: string[] = [];
    const askedTwo: string[] = [];
    const one = libraryOn(stores, slow(askedOne), { holder: 'one' }).library;
    const two = libraryOn(other, slow(askedTwo), { holder: 'two' }).library;
    one.reanalysis.start();
    two.reanalysis.start();
    const [a, b] = await Promise.all([one.reanalysis.done!, two.reanalysis.done!]);
    expect([...askedOne, ...askedTwo].sort()).toEqual(['Bridge', 'Ferry', 'Library', 'Rust']);
    expect(askedOne.length).toBeGreaterThan(0);
    expect(askedTwo.length).toBeGreaterThan(0);
    expect(a.recomputed + b.recomputed).toBe(4);
    expect(await versions(stores, added)).toEqual([ANALYSIS_VERSION, ANALYSIS_VERSION, ANALYSIS_VERSION, ANALYSIS_VERSION]);
    expect(await whosaid(other)).toEqual(NEW_VIEW);
  });

  it('GIVEN a command opening an article while the catch-up recomputes it THEN both writes of the same analysis leave one whole set', async () => {
    const { stores } = await freshStores(backend);
    const added = await oldLibrary(stores);
    const library4 = added[3]!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const background = libraryOn(stores, async (article) => {
      const out = await inProcessWork.analyze(article);
      if (article.id === library4.id) {
        started();
        await held;
      }
      return out;
    }).library;
    background.reanalysis.start();
    await inFlight;
    // The lazy recompute of a command, meanwhile (another library: the same stores, analysed in this thread).
    const command = libraryOn(stores).library;
    const lazy = await command.analysis(library4);
    expect(lazy.version).toBe(ANALYSIS_VERSION);
    expect((await whosaid(stores)).mayor).toEqual(['Library: The library stays open on Sundays']);
    release();
    expect({ ...(await background.reanalysis.done!), ms: 0 }).toEqual({ stale: 4, recomputed: 4, failed: 0, skipped: 0, stopped: false, ms: 0 });
    expect(await whosaid(stores)).toEqual(NEW_VIEW);
    expect(await stores.search.speakerKeysOf(library4.id)).toEqual(new Map([['mayor', 1]]));
  });

  it('GIVEN a long article in its stepped background write WHEN a command opens it THEN the command gets the current analysis and one whole set of quotes is stored, no claim left', async () => {
    // Whether the command's own write takes the claim over mid-way or finds the article already current depends on
    // the engine's timing; the takeover itself is shown step by step in analysis-writes.contract.test.ts.
    const { stores, target } = await freshStores(backend);
    const n = WRITE_STEPS.quoteRows + 60; // more quotes than one step: written in steps, the loop turning between them
    const body = Array.from({ length: n }, (_, k) => `"Plan item ${k + 1} is ready," the mayor said.`).join(' ');
    const { library: setup } = libraryOn(stores);
    const { article } = await setup.add('g', { kind: 'text', text: body, title: 'Plan' }, 'u');
    await storeOldAnalysis(stores, setup, article);
    let lazyWrites = 0;
    const command = libraryOn(stores, inProcessWork.analyze, {
      analyses: { ...stores.analyses, put: async (...args) => (lazyWrites++, stores.analyses.put(...args)) },
    }).library;
    const sql = await openClient(target);
    try {
      const count = async (q: string) => Number((await sql.get<{ n: unknown }>(q, [article.id]))?.n);
      const background = libraryOn(stores).library;
      background.reanalysis.start();
      // Mid-write: the background's write holds its claim (its steps still to come). What searches see
      // between two steps is shown step by step, without a race, in analysis-writes.contract.test.ts:
      // here the last steps may commit before a read could look.
      while ((await count('SELECT count(*) AS n FROM quote_writes WHERE article_id = ?')) === 0) await nextTurn();
      // A command opens the article now: it recomputes too, and its write takes the claim over.
      const lazy = command.analysis(article);
      expect({ ...(await background.reanalysis.done!), ms: 0 }).toEqual({ stale: 1, recomputed: 1, failed: 0, skipped: 0, stopped: false, ms: 0 });
      expect((await lazy).version).toBe(ANALYSIS_VERSION);
      expect(lazyWrites).toBeLessThanOrEqual(1);
      expect(await count('SELECT count(*) AS n FROM article_quotes WHERE article_id = ?')).toBe(n);
      expect(await count('SELECT count(*) AS n FROM quote_writes WHERE article_id = ?')).toBe(0);
      expect(await count('SELECT count(*) AS n FROM recompute_claims WHERE article_id = ?')).toBe(0);
    } finally {
      await sql.close();
    }
    expect((await stores.analyses.get(article.id))?.version).toBe(ANALYSIS_VERSION);
    expect(await stores.search.speakerKeysOf(article.id)).toEqual(new Map([['mayor', n]]));
    expect(await stores.search.speakerKeys('g', ['mayor'])).toEqual([{ key: 'mayor', quotes: n, articles: 1, withLast: 0 }]);
    expect((await stores.search.quotesBy('g', ['mayor'], { limit: 1000 })).map((f) => f.idx)).toEqual(Array.from({ length: n }, (_, k) => k));
    expect(await stores.search.quotesBy('g', ['town hall'], { limit: 1000 })).toEqual([]);
  });

  it('GIVEN a backlog longer than the progress interval THEN a progress line every that many articles', async () => {
    const { stores } = await freshStores(backend);
    await oldLibrary(stores);
    const { library, logged } = libraryOn(stores, inProcessWork.analyze, { progressEvery: 2 });
    library.reanalysis.start();
    await library.reanalysis.done;
    expect(logged.map((l) => [l.message, l.message === 'stale analyses: progress' ? l.data : l.data.stale])).toEqual([
      ['stale analyses: recomputing in the background, newest articles first', 4],
      ['stale analyses: progress', { recomputed: 2, failed: 0, stale: 4 }],
      ['stale analyses: progress', { recomputed: 4, failed: 0, stale: 4 }],
      ['stale analyses recomputed', 4],
    ]);
  });
});
