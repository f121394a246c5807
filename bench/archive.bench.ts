/**
 * Archive: one server holding 100,000 articles (ARCHIVE_ARTICLES to change it), on SQLite (a file
 * in the temp folder) and on PostgreSQL (a throwaway server, started as the tests start theirs),
 * and what members wait for there: article autocomplete and lookup, `/whosaid speaker:` (the
 * library calls the command makes before its first reply), `/whosaid phrase:`, speaker
 * autocomplete and the "most quoted" hint, and the library calls of `/ask` without `article:`,
 * p50/p99 over a few hundred typed inputs each, plus the database size per article and a day's
 * digest (`/digest preview`) beside the whole library's listings it used to read. Then the real
 * bot, `node bin/start.js` in a process of its own on that database, answers members through a
 * fake Discord on loopback: first responses to `/ask` without `article:` (server-wide), `/ask` with
 * one, autocomplete and `/whosaid`, and the process's resident memory idle and after them (beside
 * the bot's on an empty database). Targets (issue 11): autocomplete p99 <= 10 ms, /whosaid p99
 * <= 20 ms, server-wide /ask first response p99 <= 50 ms, the bot's memory <= 1 GB.
 *
 * The texts are generated here (nothing from ../shared/eval): 300 distinct news-like articles are
 * analysed once; each of the 100,000 stored articles is one of them with its two speakers replaced
 * by people drawn from 3,000 (a few quoted very often, most rarely, as in news), a title of its own
 * and so an id of its own, written without analysing it again: rows in bulk, 500 articles a
 * transaction, with the store's own row builders and triggers (insertNewQuoteRows, indexTitles,
 * the speaker counts); then 300 more one by one through the stores, as the bot adds them.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { articleIdOf, type Article } from '../src/article/model';
import { ManualClock } from '../src/digest/clock';
import { createDigestRuntime } from '../src/digest/runtime';
import { createLibrary, slugify, speakerChoices, type Library } from '../src/library';
import { indexedQuotes } from '../src/library/quote-rows';
import { analyzeArticle, type Analysis } from '../src/nlp/analyze';
import type { Quote } from '../src/nlp/quotes';
import { migrateAll, openClient, storesOver, type StoreTarget } from '../src/store/open';
import type { Stores, ThreadStore } from '../src/store/ports';
import type { SqlClient, SqlValue } from '../src/store/sql/client';
import { indexTitles, insertNewQuoteRows } from '../src/store/sql/search-rows';
import { FakeDiscord, opt, type SentInteraction } from '../test/support/fake-discord';
import { seeded } from '../test/support/hostile';
import { startPgServer } from '../test/support/pg-server';
import { firstResponse, mb, migrateAsOperator, nextUser, startBotProcess, type BotProcess } from './bot-process';
import { measure as timeRuns, percentile, report } from './harness';

const ARTICLES = Number(process.env.ARCHIVE_ARTICLES ?? 100_000);
const TEMPLATES = 300;
const PEOPLE = 3000;
const BATCH = 500;
/** Articles added one by one through the stores after the bulk build (the bot's own write path). */
const ADDED_AFTER = 300;
const QUERIES = 300;
const WARMUP = 30;
const GUILD = '900000000000000001';
/** The server's one text channel (not an article's discussion thread): where /ask names no article. */
const CHANNEL = '900000000000000002';
/** Articles `/ask` without `article:` offers as buttons: one row. */
const ASK_CHOICES = 5;
/** Targets (issue 11): first response to a server-wide `/ask`; the bot's resident memory. */
const ASK_TARGET_MS = 50;
const RSS_TARGET_BYTES = 1024 ** 3;
/** Where a news server's articles come from: its feeds (the member-added ones are a bounded few). */
const FEED = 'https://news.example/feed.xml';

// ---- Generated text --------------------------------------------------------------------------

/** The tests' seeded generator (mulberry32), so every run stores the same archive. */
const rng = seeded;
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);

const ADJ = 'new old local federal regional late early major minor public private rural urban coastal northern southern eastern western small large rising falling delayed rapid quiet'.split(' ');
const NOUN = 'bridge budget council election harbour ferry school hospital railway airport tariff strike flood drought vaccine museum stadium library market pension tax border court police housing energy grid pipeline reactor wildfire festival union factory mine port highway tunnel dam zoo park'.split(' ');
const VERB = 'opens closes stalls passes fails returns expands shrinks splits merges resumes collapses recovers waits changes'.split(' ');
const PLACE = 'Zürich Lisbon Quito Nairobi Oslo Lagos Manila Lima Porto Bergen Malmö Cádiz Dakar Hanoi Perth Tromsø Kraków Valparaíso Montréal Reykjavík Accra Tbilisi Gdańsk Córdoba Aarhus'.split(' ');
const WORDS = `we will not the a to of and in for on with our this that it is are was be have has they people city
 plan money year week government minister mayor council vote law deal talks workers families children water
 power roads trains prices jobs safety future past promise decision report study evidence number support
 against before after because until although while every never always again still only more less better worse
 open close build repair fund cut raise protect reform review delay finish start stop help lead follow answer`
  .split(/\s+/)
  .filter(Boolean);
const ROLES = ['Mayor', 'Minister', 'spokeswoman', 'Senator', 'union leader', 'engineer', 'Governor', 'chief executive'];
const SYL1 = 'Mar Bel Kor Dan Sil Tor Ven Ari Lud Hal Ost Pen Ram Qui Zed Fen Gal Ivo Jor Nel'.split(' ');
const SYL2 = 'inger wood ova ssen berg ando ecki ari ton uela ström ic ard elli man ska osa uin off ez'.split(' ');
const GIVEN = 'Ana Tom Ines Omar Lena Yusuf Mia Pavel Sara Kwame Elif Jonas Nadia Diego Hana Felix Amara Lars Zoe Tariq'.split(' ');

interface Person {
  readonly first: string;
  readonly last: string;
}
/** 3,000 people: 20 given names x 400 surnames, most surnames borne by several people (as in news). */
const people: Person[] = Array.from({ length: PEOPLE }, (_, i) => ({ first: GIVEN[i % 20]!, last: `${SYL1[Math.floor(i / 20) % 20]}${SYL2[(i * 7) % 20]}` }));
/** Who is quoted: index p with probability falling like a power law (p = N u^3): a few people most of the time. */
const zipf = (r: () => number): number => Math.floor(PEOPLE * r() ** 3);

const sentence = (r: () => number, n: number): string => cap(Array.from({ length: n }, () => pick(r, WORDS)).join(' '));

/** Placeholders the analysed templates quote; each stored article puts two people in their place. */
const A: Person = { first: 'Ximena', last: 'Quorrin' };
const B: Person = { first: 'Yusuf', last: 'Vantreck' };

function templateText(t: number): { title: string; text: string } {
  const r = rng(1000 + t);
  const title = `${cap(pick(r, ADJ))} ${pick(r, NOUN)} ${pick(r, VERB)} in ${pick(r, PLACE)}`;
  const q = () => sentence(r, 7 + Math.floor(r() * 9));
  const paragraphs = [
    `${pick(r, PLACE)} - ${sentence(r, 18)}. ${sentence(r, 14)}.`,
    `"${q()}," said ${pick(r, ROLES)} ${A.first} ${A.last} on Monday. ${sentence(r, 16)}. "${q()}," ${A.last} added.`,
    `${B.first} ${B.last}, a ${pick(r, ROLES).toLowerCase()}, said the ${pick(r, NOUN)} would ${pick(r, WORDS)} ${sentence(r, 8).toLowerCase()}. "${q()}," he told reporters.`,
    `${sentence(r, 20)}. "${q()}," ${B.last} said. ${sentence(r, 12)}.`,
  ];
  return { title, text: `${title}\n\n${paragraphs.join('\n\n')}` };
}

interface Template {
  readonly text: string;
  readonly quotes: readonly Quote[];
  readonly json: string;
  readonly version: number;
}

const swap = (s: string, a: Person, b: Person): string =>
  s.replaceAll(A.first, a.first).replaceAll(A.last, a.last).replaceAll(B.first, b.first).replaceAll(B.last, b.last);
const swapOrNull = (s: string | null, a: Person, b: Person): string | null => (s === null ? null : swap(s, a, b));

interface StoredOne {
  readonly article: Article;
  readonly slug: string;
  readonly analysis: { readonly version: number; readonly json: string };
  readonly quotes: readonly Quote[];
}

/** Article `i` of the archive: template i % 300, its own two people, title and (so) id. */
export function archiveArticle(templates: readonly Template[], i: number): StoredOne {
  const r = rng(77_000 + i);
  const tpl = templates[i % templates.length]!;
  const a = people[zipf(r)]!;
  let b = people[zipf(r)]!;
  if (b === a) b = people[(PEOPLE - 1 - zipf(r)) % PEOPLE]!;
  const title = `${cap(pick(r, ADJ))} ${pick(r, NOUN)} ${pick(r, VERB)} in ${pick(r, PLACE)} as ${a.last} speaks`;
  const text = `${title}\n\n${swap(tpl.text.slice(tpl.text.indexOf('\n\n') + 2), a, b)}\n\nStory ${i}.`;
  const quotes = tpl.quotes.map((q) => ({ ...q, speaker: swapOrNull(q.speaker, a, b), speakerRef: swapOrNull(q.speakerRef, a, b) }));
  return {
    article: { id: articleIdOf(text), title, source: 'text', text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [] },
    slug: slugify(title),
    analysis: { version: tpl.version, json: tpl.json },
    quotes,
  };
}

// ---- Building ---------------------------------------------------------------------------------

/**
 * When article `i` was added: one every 4 minutes (360 a day), the newest a few minutes before the
 * run, so the whole archive is within the retention (FEED_RETENTION_DAYS, 365) and the bot started
 * on it below prunes nothing by age.
 */
const ARCHIVE_END = Date.now();
const addedAtOf = (i: number): string => new Date(ARCHIVE_END - (ARTICLES + ADDED_AFTER - i) * 4 * 60_000).toISOString();

/**
 * Write articles [from, to) as the stores would, in bulk: their analyses, the quote rows the store
 * derives (insertNewQuoteRows), the article rows (the store's triggers count speakers row by row)
 * and the title rows (indexTitles), a few multi-row statements per batch in one transaction.
 */
async function writeBatch(tx: SqlClient, templates: readonly Template[], from: number, to: number): Promise<number> {
  const batch = Array.from({ length: to - from }, (_, k) => archiveArticle(templates, from + k));
  const now = new Date().toISOString();
  const rows = (values: readonly SqlValue[][]) => values.map((v) => `(${v.map(() => '?').join(', ')})`).join(', ');
  for (let i = 0; i < batch.length; i += 100) {
    const part = batch.slice(i, i + 100);
    const analyses = part.map((b): SqlValue[] => [b.article.id, b.analysis.version, b.analysis.json, now]);
    await tx.run(`INSERT INTO analyses (article_id, version, json, computed_at) VALUES ${rows(analyses)}`, analyses.flat());
  }
  await insertNewQuoteRows(tx, batch.map((b) => ({ articleId: b.article.id, version: b.analysis.version, quotes: indexedQuotes(b.quotes) })));
  for (let i = 0; i < batch.length; i += 100) {
    const part = batch.slice(i, i + 100);
    const articles = part.map((b, k): SqlValue[] => [GUILD, b.article.id, b.slug, b.article.title, `feed:${FEED}`, b.article.text, JSON.stringify(b.article.paragraphs), '[]', addedAtOf(from + i + k), FEED]);
    await tx.run(`INSERT INTO articles (guild_id, id, slug, title, source, text, paragraphs, boilerplate, added_at, feed_url) VALUES ${rows(articles)}`, articles.flat());
  }
  await indexTitles(tx, GUILD, batch.map((b) => ({ id: b.article.id, title: b.article.title, slug: b.slug })));
  return batch.reduce((n, b) => n + b.quotes.length, 0);
}

export async function build(client: SqlClient, templates: readonly Template[]): Promise<{ seconds: number; quotes: number }> {
  const t0 = performance.now();
  let quotes = 0;
  for (let from = 0; from < ARTICLES; from += BATCH) {
    const to = Math.min(ARTICLES, from + BATCH);
    quotes += await client.transaction((tx) => writeBatch(tx, templates, from, to));
  }
  return { seconds: (performance.now() - t0) / 1000, quotes };
}

/** Articles added after the archive one by one through the stores, as the bot adds them (analysis, then article): ms each. */
async function addThroughStores(client: SqlClient, templates: readonly Template[], count: number): Promise<number> {
  const stores = storesOver(client);
  const t0 = performance.now();
  for (let i = ARTICLES; i < ARTICLES + count; i++) {
    const one = archiveArticle(templates, i);
    await stores.analyses.put(one.article.id, one.analysis.version, one.analysis.json, indexedQuotes(one.quotes));
    await stores.articles.insertFeedItem(GUILD, { article: one.article, slug: one.slug, addedAt: addedAtOf(i), feedUrl: FEED }, Number.MAX_SAFE_INTEGER);
  }
  return (performance.now() - t0) / count;
}

async function sizes(client: SqlClient, file?: string): Promise<{ total: number; search: number }> {
  const SEARCH = ['article_search', 'article_quotes', 'quote_sets', 'speaker_keys', 'speaker_forms', 'speaker_names'];
  if (client.dialect === 'postgres') {
    const total = await client.get<{ n: string }>('SELECT pg_database_size(current_database()) AS n');
    let search = 0;
    for (const t of SEARCH) search += Number((await client.get<{ n: string }>('SELECT pg_total_relation_size(?) AS n', [t]))!.n);
    return { total: Number(total!.n), search };
  }
  await client.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const rows = await client.all<{ name: string; tbl: string; size: number }>(
    "SELECT d.name AS name, coalesce(m.tbl_name, d.name) AS tbl, sum(d.pgsize) AS size FROM dbstat d LEFT JOIN sqlite_schema m ON m.name = d.name GROUP BY d.name",
  );
  const search = rows.filter((r) => SEARCH.some((t) => r.tbl === t || r.tbl.startsWith(`${t}_fts`))).reduce((n, r) => n + r.size, 0);
  return { total: statSync(file!).size, search };
}

// ---- Measuring --------------------------------------------------------------------------------

interface Inputs {
  readonly typed: string[];
  readonly refs: string[];
  readonly speakers: string[];
  readonly speakerTyped: string[];
  readonly phrases: string[];
  /** Questions asked without naming an article. */
  readonly questions: string[];
}

/** What members type: prefixes of title words, two words, slugs, id prefixes, inner parts, misses. */
export function inputs(templates: readonly Template[]): Inputs {
  const r = rng(4242);
  const typed: string[] = [];
  const refs: string[] = [];
  for (let k = 0; k < QUERIES; k++) {
    const one = archiveArticle(templates, Math.floor(r() * ARTICLES));
    const words = one.article.title.split(' ');
    const w = pick(r, words);
    const kind = k % 6;
    if (kind === 0) typed.push(w.slice(0, 1 + Math.floor(r() * 6)));
    else if (kind === 1) typed.push(`${words[0]} ${words[1]!.slice(0, 1 + Math.floor(r() * 4))}`);
    else if (kind === 2) typed.push(one.slug.slice(0, 4 + Math.floor(r() * 12)));
    else if (kind === 3) typed.push(one.article.id.slice(0, 6));
    else if (kind === 4) typed.push(w.length > 4 ? w.slice(1, 4) : w);
    else typed.push(`${pick(r, WORDS)}${pick(r, SYL2)}`);
    refs.push(k % 2 ? one.slug : one.article.title);
  }
  const speakers: string[] = [];
  const speakerTyped: string[] = [];
  for (let k = 0; k < QUERIES; k++) {
    // Half the people asked about are the often quoted ones, half anyone.
    const p = people[k % 2 ? zipf(r) : Math.floor(r() * PEOPLE)]!;
    speakers.push(k % 3 === 0 ? p.last : `${p.first} ${p.last}`);
    speakerTyped.push(k % 5 === 0 ? '' : p.last.slice(0, 1 + (k % 5)).toLowerCase());
  }
  const phrases: string[] = [];
  for (let k = 0; k < QUERIES; k++) {
    const quote = pick(r, pick(r, templates).quotes);
    const words = quote.quote.split(' ');
    const start = Math.floor(r() * Math.max(1, words.length - 4));
    const part = words.slice(start, start + 3 + Math.floor(r() * 5));
    // Now and then a word typed differently, as people remember quotes.
    if (k % 3 === 0 && part.length > 3) part[1] = pick(r, WORDS);
    phrases.push(k % 4 === 0 ? `“${part.join(' ').toUpperCase()}”` : part.join(' '));
  }
  const questions: string[] = [];
  for (let k = 0; k < QUERIES; k++) {
    const p = people[zipf(r)]!;
    const kind = k % 3;
    if (kind === 0) questions.push(`What did ${k % 2 ? p.last : `${p.first} ${p.last}`} say about the ${pick(r, NOUN)}?`);
    else if (kind === 1) questions.push(`Who ${pick(r, VERB)} the ${pick(r, NOUN)} in ${pick(r, PLACE)}?`);
    else questions.push(`When will the ${pick(r, NOUN)} ${pick(r, ['open', 'close', 'reopen', 'pass', 'fail', 'expand', 'resume', 'recover'])}?`);
  }
  return { typed, refs, speakers, speakerTyped, phrases, questions };
}

function line(label: string, times: readonly number[], target?: number): void {
  const p99 = percentile(times, 99);
  const verdict = target === undefined ? '' : p99 <= target ? `target p99 <= ${target} ms: met` : `target p99 <= ${target} ms: MISSED`;
  report(label, `${percentile(times, 50).toFixed(2)} / ${p99.toFixed(2)} ms`, verdict);
}

async function timed(label: string, values: readonly string[], fn: (v: string) => Promise<unknown>, target?: number): Promise<void> {
  for (const v of values.slice(0, WARMUP)) await fn(v);
  const times: number[] = [];
  for (const v of values) {
    const t0 = performance.now();
    await fn(v);
    times.push(performance.now() - t0);
  }
  line(label, times, target);
}

async function measure(library: Library, threads: ThreadStore, input: Inputs): Promise<void> {
  const { speakers } = library;
  await timed('article autocomplete (p50 / p99)', input.typed, (q) => library.suggest(GUILD, q), 10);
  // Typed in full and sent without picking a suggestion (a picked suggestion sends the id: one row read).
  await timed('article lookup by title or slug', input.refs, (q) => library.lookup(GUILD, q).catch(() => undefined));
  // The calls /whosaid speaker: makes before it replies: the name, the entry again, the first quotes.
  await timed('/whosaid speaker:', input.speakers, async (name) => {
    const entry = await speakers.find(GUILD, name);
    const again = entry && (await speakers.find(GUILD, entry.name));
    return again ? speakers.quotesOf(GUILD, again) : speakers.mostQuoted(GUILD, 8);
  }, 20);
  await timed('/whosaid phrase:', input.phrases, (p) => speakers.searchPhrase(GUILD, p), 20);
  await timed('speaker autocomplete', input.speakerTyped, (t) => speakerChoices(speakers, GUILD, t));
  await timed('"most quoted" hint', input.speakerTyped.slice(0, 100), () => speakers.mostQuoted(GUILD, 8));
  // The calls /ask without `article:` makes before it replies in a channel: whether the channel is
  // an article's discussion thread, then the newest articles (offered as buttons) and how many.
  await timed('/ask without article: (its library calls)', input.questions, async () => {
    await threads.get(CHANNEL);
    return library.list(GUILD, 0, ASK_CHOICES);
  });
}

/**
 * A day's digest of the archive's server as the bot composes it (its runtime on these stores: the
 * window's articles, their groups and the shown ones' summaries and stored quotes), previewed at the
 * end of the archive: the day before holds 359 articles (in two groups: the bulk rows' feed and the
 * items added through the stores, whose source is not their feed). Beside it, what the digest read
 * before issue 11 on every preview, status and send: the listings of the whole library.
 */
async function digestDay(stores: Stores, library: Library): Promise<void> {
  const digests = createDigestRuntime({
    store: stores.digests,
    articles: stores.articles,
    analysisOf: (a) => library.analysis(a),
    feedTitleOf: async (url) => (await stores.feeds.source(url))?.title,
    clock: new ManualClock(new Date(ARCHIVE_END)),
  });
  const digest = await digests.preview(GUILD);
  if (!digest) throw new Error('the archive has no digest for its last day');
  const day = await timeRuns('digest of a day', () => digests.preview(GUILD), { runs: 9, warmup: 2 });
  report('digest of the last day (/digest preview)', `${day.medianMs.toFixed(1)} ms`, `${digest.articleCount} articles, ${digest.shownCount} shown; range ${day.minMs.toFixed(1)}-${day.maxMs.toFixed(1)}`);
  const status = await timeRuns('status', () => digests.status(GUILD), { runs: 9, warmup: 2 });
  report('  /digest status (the window counted)', `${status.medianMs.toFixed(1)} ms`, `range ${status.minMs.toFixed(1)}-${status.maxMs.toFixed(1)}`);
  const all = await timeRuns('listings', () => stores.articles.listings(GUILD), { runs: 5, warmup: 1 });
  report('  baseline: listings of the whole library', `${all.medianMs.toFixed(1)} ms`, `${ARTICLES + ADDED_AFTER} rows, what the digest read before`);
}

// ---- Through the real bot ---------------------------------------------------------------------

type Send = (fake: FakeDiscord, value: string) => SentInteraction;

/** First responses to `values` sent one after another (after a warm-up), as the fake receives them. */
async function viaBot(fake: FakeDiscord, label: string, values: readonly string[], send: Send, expect: (body: any) => boolean, target?: number): Promise<void> {
  const times: number[] = [];
  for (const [k, v] of [...values.slice(0, WARMUP), ...values].entries()) {
    const { ms, body } = await firstResponse(fake, send(fake, v));
    if (!expect(body)) throw new Error(`${label}: unexpected first response to ${JSON.stringify(v)}: ${JSON.stringify(body).slice(0, 300)}`);
    if (k >= WARMUP) times.push(ms);
  }
  line(label, times, target);
}

const text = (body: any): string => `${body?.data?.content ?? ''} ${JSON.stringify(body?.data?.embeds ?? [])}`;
const isMessage = (body: any): boolean => body?.type === 4 && !/went wrong|try again/i.test(text(body));
const isChoices = (body: any): boolean => body?.type === 8 && Array.isArray(body.data?.choices);
const isDeferredOrMessage = (body: any): boolean => body?.type === 5 || isMessage(body);

/** Until the bot's start-up work (the Q&A model's warm-up) is over and its memory settles. */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 3000));

/** The bot's resident memory, ready and idle, on a database of its own with no archive. */
async function emptyBotMemory(): Promise<void> {
  const fake = await new FakeDiscord([{ id: GUILD, name: 'Archive', channels: [{ id: CHANNEL, name: 'news' }] }]).start();
  const dir = mkdtempSync(join(tmpdir(), 'lede-archive-bot-'));
  try {
    const bot = await startBotProcess(fake, dir, {});
    await settle();
    const idle = bot.memory();
    const code = await bot.stop();
    report('bot resident memory, empty SQLite database, idle', mb(idle.rss), `node bin/start.js ready, no interaction yet${code === 0 ? '' : `; exit code ${code}`}`);
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `node bin/start.js` on the archive's database (`env` names it), as an operator runs it: its
 * resident memory idle, the members' commands through it (first response p50 / p99, a new member
 * each time), and its resident memory after them. The feed ceiling is raised to hold the archive
 * (100,300 feed items) so the start's housekeeping prunes nothing while it is measured.
 */
async function throughBot(env: Record<string, string>, input: Inputs): Promise<void> {
  const fake = await new FakeDiscord([{ id: GUILD, name: 'Archive', channels: [{ id: CHANNEL, name: 'news' }] }]).start();
  const dir = mkdtempSync(join(tmpdir(), 'lede-archive-bot-'));
  let bot: BotProcess | undefined;
  try {
    if (env.DATABASE_URL) await migrateAsOperator(env);
    const t0 = performance.now();
    bot = await startBotProcess(fake, dir, { ...env, MAX_FEED_ITEMS_PER_SERVER: String(ARTICLES + ADDED_AFTER) });
    report('bot process start on the archive', `${((performance.now() - t0) / 1000).toFixed(1)} s`, 'node bin/start.js to "ready"');
    await settle();
    const idle = bot.memory();
    report('bot resident memory, idle', mb(idle.rss), 'ready, no interaction yet');
    const user = () => ({ user: nextUser(), channelId: CHANNEL });
    console.log('  through the bot (first response as the fake Discord receives it, p50 / p99):');
    await viaBot(fake, '/ask without article: (server-wide)', input.questions, (f, q) => f.slash({ name: 'ask', options: [opt.string('question', q)], ...user() }),
      (b) => isMessage(b) && text(b).includes('Which article is this about?'), ASK_TARGET_MS);
    await viaBot(fake, '/ask with article: (title or slug typed)', input.refs, (f, ref) => f.slash({ name: 'ask', options: [opt.string('question', 'Who said the plan would work?'), opt.string('article', ref)], ...user() }), isDeferredOrMessage);
    await viaBot(fake, 'article autocomplete', input.typed, (f, q) => f.autocomplete({ name: 'article', subcommand: 'show', options: [opt.string('article', q, true)], ...user() }), isChoices);
    await viaBot(fake, '/whosaid speaker:', input.speakers, (f, name) => f.slash({ name: 'whosaid', options: [opt.string('speaker', name)], ...user() }), isDeferredOrMessage);
    await viaBot(fake, '/whosaid phrase:', input.phrases, (f, p) => f.slash({ name: 'whosaid', options: [opt.string('phrase', p)], ...user() }), isDeferredOrMessage);
    await viaBot(fake, 'speaker autocomplete', input.speakerTyped, (f, t) => f.autocomplete({ name: 'whosaid', options: [opt.string('speaker', t, true)], ...user() }), isChoices);
    const after = bot.memory();
    const verdict = after.peak <= RSS_TARGET_BYTES ? 'target peak <= 1 GB: met' : 'target peak <= 1 GB: MISSED';
    report('bot resident memory after these', `${mb(after.rss)}`, `peak ${mb(after.peak)} since its start; ${verdict}`);
    const code = await bot.stop();
    bot = undefined;
    if (code !== 0) throw new Error(`the bot exited with code ${code} on SIGTERM`);
  } finally {
    if (bot) await bot.stop();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onEngine(name: string, target: StoreTarget, botEnv: Record<string, string>, templates: readonly Template[], input: Inputs, file?: string): Promise<void> {
  console.log(`\n  -- ${name}: one server, ${ARTICLES.toLocaleString('en-US')} articles --`);
  const client = await openClient(target);
  try {
    await migrateAll(client, name);
    const built = await build(client, templates);
    report('build, bulk rows (articles/s)', `${Math.round(ARTICLES / built.seconds).toLocaleString('en-US')}`, `${built.seconds.toFixed(1)} s, ${built.quotes.toLocaleString('en-US')} quotes`);
    const each = await addThroughStores(client, templates, ADDED_AFTER);
    report('then one by one through the stores', `${each.toFixed(2)} ms/article`, `${ADDED_AFTER} feed items: analysis with its quote rows, then insertFeedItem`);
    // PostgreSQL's autovacuum vacuums and analyses tables after a load like this within minutes
    // (statistics for the planner, GIN pending lists merged); here it is done now.
    if (client.dialect === 'postgres') await client.exec('VACUUM ANALYZE');
    const size = await sizes(client, file);
    report('database size per article', `${(size.total / ARTICLES / 1024).toFixed(2)} KB`, `search rows and indexes ${(size.search / ARTICLES / 1024).toFixed(2)} KB of it; total ${(size.total / 1024 ** 2).toFixed(0)} MB`);
    const stores = storesOver(client);
    const library = createLibrary({
      articles: stores.articles,
      analyses: stores.analyses,
      search: stores.search,
      load: () => Promise.reject(new Error('the archive bench loads nothing')),
    });
    const t0 = performance.now();
    await library.speakers.catchUp();
    report('catch-up check at first use (nothing to index)', `${(performance.now() - t0).toFixed(1)} ms`);
    await measure(library, stores.threads, input);
    await digestDay(stores, library);
  } finally {
    await client.close();
  }
  await throughBot(botEnv, input);
}

/** The 300 distinct articles, analysed once. */
export function analysedTemplates(): Template[] {
  const templates: Template[] = [];
  for (let t = 0; t < TEMPLATES; t++) {
    const { title, text } = templateText(t);
    const article: Article = { id: articleIdOf(text), title, source: 'text', text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [] };
    const analysis: Analysis = analyzeArticle(article);
    templates.push({ text, quotes: analysis.quotes, json: JSON.stringify(analysis), version: analysis.version });
  }
  return templates;
}

export async function run(): Promise<void> {
  const t0 = performance.now();
  const templates = analysedTemplates();
  const perTemplate = templates.reduce((n, t) => n + t.quotes.length, 0) / TEMPLATES;
  report('templates analysed', `${TEMPLATES}`, `${((performance.now() - t0) / 1000).toFixed(1)} s, ${perTemplate.toFixed(1)} quotes each, ~${Math.round(templates[0]!.text.length / 100) * 100} characters`);
  const input = inputs(templates);
  await emptyBotMemory();

  const dir = mkdtempSync(join(tmpdir(), 'lede-archive-'));
  try {
    const file = join(dir, 'archive.db');
    await onEngine('SQLite', { kind: 'sqlite', path: file }, { DATABASE_PATH: file }, templates, input, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const server = await startPgServer();
  try {
    const admin = await openClient({ kind: 'postgres', url: server.adminUrl });
    await admin.exec('CREATE DATABASE lede_archive');
    await admin.close();
    const url = new URL(server.adminUrl);
    url.pathname = '/lede_archive';
    await onEngine('PostgreSQL', { kind: 'postgres', url: url.toString() }, { DATABASE_URL: url.toString() }, templates, input);
  } finally {
    await server.stop();
  }
  report('whole archive bench', `${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
