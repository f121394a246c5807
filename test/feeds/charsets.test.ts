/**
 * Feeds in legacy charsets, served by a real HTTP server on 127.0.0.1 and read the way the poller
 * reads them (safeFetch with accept 'feed', then parseFeedDocument): a byte-order mark, the XML
 * declaration, the Content-Type charset, then the detector for feeds that declare nothing. The
 * feeds are texts written for these tests (a made-up town paper), encoded with iconv-lite.
 */
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseFeedDocument } from '../../src/feeds/parse';
import { FeedPoller, type FeedDelivery } from '../../src/feeds/poller';
import { POLL_TIMING } from '../../src/feeds/timing';
import { safeFetch, type SafeFetchOptions } from '../../src/fetch/index';
import { openStores } from '../../src/store/open';
import type { Stores } from '../../src/store/ports';
import { send, startServer, type TestServer } from '../fetch/server';
import { makeArticle } from './support/make-article';

interface Paper {
  readonly title: string;
  readonly items: ReadonlyArray<readonly [title: string, description: string]>;
}

const PAPERS = {
  ru: {
    title: 'Новости Заречья',
    items: [
      ['Городской совет утвердил бюджет на следующий год', 'Депутаты проголосовали за план расходов после долгого обсуждения.'],
      ['Новый мост через реку откроют в мае', 'Строители говорят, что работы идут по графику.'],
      ['Школы закрыты из-за сильного снегопада', 'Занятия возобновятся, когда дороги расчистят.'],
    ],
  },
  ja: {
    title: 'リバーサイド新聞',
    items: [
      ['市議会が来年度の予算を承認', '議員たちは長い議論の末に支出計画に賛成した。'],
      ['川に架かる新しい橋が五月に開通', '工事は予定どおり進んでいると建設会社は話す。'],
      ['大雪のため市内の学校が休校', '道路の除雪が終わり次第、授業を再開する。'],
    ],
  },
  ko: {
    title: '리버사이드 소식',
    items: [
      ['시의회가 내년 예산을 승인했다', '의원들은 긴 토론 끝에 지출 계획에 찬성했다.'],
      ['강을 건너는 새 다리가 오월에 개통한다', '공사는 일정대로 진행되고 있다고 건설사는 말했다.'],
      ['폭설로 시내 학교들이 휴교했다', '도로 제설이 끝나면 수업을 다시 시작한다.'],
    ],
  },
  zh: {
    title: '河畔日报',
    items: [
      ['市议会批准明年预算', '议员们经过长时间讨论后投票支持支出计划。'],
      ['跨河新桥将于五月通车', '建筑公司说工程正在按计划进行。'],
      ['大雪导致全市学校停课', '道路清理完毕后将恢复上课。'],
    ],
  },
  'zh-tw': {
    title: '河畔日報',
    items: [
      ['市議會批准明年預算', '議員們經過長時間討論後投票支持支出計畫。'],
      ['跨河新橋將於五月通車', '建築公司說工程正在按計畫進行。'],
      ['大雪導致全市學校停課', '道路清理完畢後將恢復上課。'],
    ],
  },
  fr: {
    title: 'La Gazette de la Rivière',
    items: [
      ['Le conseil municipal approuve le budget de l’année prochaine', 'Les élus ont voté le plan de dépenses après un long débat.'],
      ['Le nouveau pont ouvrira en mai, « enfin » disent les riverains', 'Les travaux avancent selon le calendrier prévu.'],
      ['Écoles fermées à cause de la neige – reprise jeudi', 'Les cours reprendront dès que les routes seront dégagées.'],
    ],
  },
} satisfies Record<string, Paper>;

type Lang = keyof typeof PAPERS;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** RSS 2.0 with an XML declaration that names `encoding` when given (none by default). */
function rss(paper: Paper, encoding?: string): string {
  const items = paper.items.map(([title, description], k) => `  <item><title>${esc(title)}</title><guid isPermaLink="false">story-${k}</guid><description><![CDATA[<p>${description}</p>]]></description></item>`);
  return `<?xml version="1.0"${encoding ? ` encoding="${encoding}"` : ''}?>\n<rss version="2.0"><channel><title>${esc(paper.title)}</title><link>https://riverside.example/</link>\n${items.join('\n')}\n</channel></rss>\n`;
}

/** RSS 2.0 as publishing systems write it: most of the bytes are ASCII (links, dates, categories, authors, tracking markup). */
function rssRich(paper: Paper): string {
  const items = paper.items.map(
    ([title, description], k) =>
      `  <item>\n    <title>${esc(title)}</title>\n    <link>https://riverside.example/news/2024/03/0${k + 1}/story-${k}?utm_source=rss&amp;utm_medium=feed</link>\n    <guid isPermaLink="true">https://riverside.example/news/2024/03/0${k + 1}/story-${k}</guid>\n    <pubDate>Tue, 0${k + 1} Mar 2024 09:30:00 +0300</pubDate>\n    <category domain="https://riverside.example/tags">city-hall</category>\n    <dc:creator>newsroom@riverside.example</dc:creator>\n    <description><![CDATA[<p class="lead">${description}</p><img src="https://cdn.riverside.example/img/${k}.jpg" width="640" height="360" alt="" />]]></description>\n  </item>`,
  );
  return `<?xml version="1.0"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n  <title>${esc(paper.title)}</title>\n  <link>https://riverside.example/</link>\n  <atom:link href="https://riverside.example/feed.rss" rel="self" type="application/rss+xml" />\n  <generator>https://wordpress.org/?v=6.4.3</generator>\n  <lastBuildDate>Tue, 05 Mar 2024 09:30:00 +0300</lastBuildDate>\n${items.join('\n')}\n</channel>\n</rss>\n`;
}

/** Atom 1.0, no XML declaration at all. */
function atom(paper: Paper): string {
  const entries = paper.items.map(([title, description], k) => `  <entry><id>urn:riverside:${k}</id><title>${esc(title)}</title><updated>2024-03-0${k + 1}T09:00:00Z</updated><summary>${esc(description)}</summary></entry>`);
  return `<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(paper.title)}</title><id>urn:riverside</id><updated>2024-03-05T09:00:00Z</updated>\n${entries.join('\n')}\n</feed>\n`;
}

const titlesOf = (paper: Paper) => [paper.title, ...paper.items.map(([title]) => title)];

/** Each listed legacy charset with no declaration anywhere: [charset the bytes are in, paper, format, WHATWG name read]. */
const UNDECLARED: ReadonlyArray<readonly [string, Lang, 'rss' | 'rich' | 'atom', string]> = [
  ['koi8-r', 'ru', 'rss', 'koi8-r'],
  ['koi8-r', 'ru', 'rich', 'koi8-r'],
  ['windows-1251', 'ru', 'rich', 'windows-1251'],
  ['shift_jis', 'ja', 'rich', 'shift_jis'],
  ['euc-kr', 'ko', 'rich', 'euc-kr'],
  ['gb2312', 'zh', 'rich', 'gb18030'],
  ['big5', 'zh-tw', 'rich', 'big5'],
  ['windows-1251', 'ru', 'atom', 'windows-1251'],
  ['euc-jp', 'ja', 'rss', 'euc-jp'],
  ['shift_jis', 'ja', 'atom', 'shift_jis'],
  ['euc-kr', 'ko', 'rss', 'euc-kr'],
  ['gb2312', 'zh', 'rss', 'gb18030'],
  ['gbk', 'zh', 'atom', 'gb18030'],
  ['gb18030', 'zh', 'rss', 'gb18030'],
  ['big5', 'zh-tw', 'rss', 'big5'],
];

const bytesOf = (text: string, charset: string) => iconv.encode(text, charset);
const fetchOpts: SafeFetchOptions = { allowPrivate: true, maxBytes: 1024 * 1024, timeoutMs: 5_000, accept: 'feed' };
let server: TestServer;

async function readFeed(path: string) {
  const doc = await safeFetch(`${server.origin}${path}`, fetchOpts);
  const feed = parseFeedDocument(doc.text, doc.finalUrl);
  return { charset: doc.charset, titles: [feed.title, ...feed.items.map((i) => i.title)] };
}

beforeAll(async () => {
  const routes: Parameters<typeof startServer>[0] = {};
  for (const [charset, lang, format] of UNDECLARED) {
    const doc = format === 'rss' ? rss(PAPERS[lang]) : format === 'rich' ? rssRich(PAPERS[lang]) : atom(PAPERS[lang]);
    routes[`/undeclared/${format}/${charset}`] = send(format === 'atom' ? 'application/atom+xml' : 'application/rss+xml', bytesOf(doc, charset));
  }
  Object.assign(routes, {
    // A server that labels every response UTF-8, in front of a KOI8-R feed that declares itself.
    '/declared/koi8-r-xml-over-utf8-header': send('application/rss+xml; charset=utf-8', bytesOf(rss(PAPERS.ru, 'KOI8-R'), 'koi8-r')),
    // The same server in front of an EUC-KR feed that declares nothing: the header is checked, not trusted.
    '/declared/euc-kr-under-utf8-header': send('application/rss+xml; charset=UTF-8', bytesOf(rss(PAPERS.ko), 'euc-kr')),
    '/declared/windows-1251-xml': send('application/rss+xml', bytesOf(rss(PAPERS.ru, 'windows-1251'), 'windows-1251')),
    '/declared/shift_jis-header': send('application/atom+xml; charset=Shift_JIS', bytesOf(atom(PAPERS.ja), 'shift_jis')),
    '/declared/big5-xml': send('application/rss+xml', bytesOf(rss(PAPERS['zh-tw'], 'big5'), 'big5')),
    '/declared/windows-1252-xml': send('application/rss+xml', bytesOf(rss(PAPERS.fr, 'windows-1252'), 'windows-1252')),
    // UTF-8 bytes under a legacy label: the label is wrong, the bytes are strictly valid UTF-8.
    '/utf8/xml-says-windows-1252': send('application/rss+xml', Buffer.from(rss(PAPERS.fr, 'windows-1252'))),
    '/utf8/xml-says-gb2312': send('application/rss+xml', Buffer.from(rss(PAPERS.zh, 'gb2312'))),
    '/utf8/header-says-gb2312': send('application/rss+xml; charset=gb2312', Buffer.from(rss(PAPERS.zh))),
    '/utf8/header-says-iso-8859-1': send('text/xml; charset=ISO-8859-1', Buffer.from(atom(PAPERS.ru))),
    // A real windows-1252 feed that declares nothing (or a UTF-8 it is not).
    '/latin/undeclared': send('application/rss+xml', bytesOf(rss(PAPERS.fr), 'windows-1252')),
    '/latin/says-utf-8': send('application/rss+xml', bytesOf(rss(PAPERS.fr, 'UTF-8'), 'windows-1252')),
  });
  server = await startServer(routes);
});
afterAll(async () => {
  await server.close();
});

describe('feeds that declare no charset (item 6)', () => {
  it.each(UNDECLARED)('GIVEN a %s %s feed (%s) with no declaration THEN its titles read right', async (charset, lang, format, read) => {
    expect(await readFeed(`/undeclared/${format}/${charset}`)).toEqual({ charset: read, titles: titlesOf(PAPERS[lang]) });
  });

  it('GIVEN a server that says UTF-8 in front of an EUC-KR feed that declares nothing THEN the bytes decide: EUC-KR', async () => {
    expect(await readFeed('/declared/euc-kr-under-utf8-header')).toEqual({ charset: 'euc-kr', titles: titlesOf(PAPERS.ko) });
  });

  it('GIVEN a real windows-1252 feed that declares nothing THEN windows-1252 (the fallback pages have), curly quotes and accents kept', async () => {
    expect(await readFeed('/latin/undeclared')).toEqual({ charset: 'windows-1252', titles: titlesOf(PAPERS.fr) });
  });

  it('GIVEN a windows-1252 feed whose XML declaration says UTF-8 THEN windows-1252 (a declared UTF-8 is checked)', async () => {
    expect(await readFeed('/latin/says-utf-8')).toEqual({ charset: 'windows-1252', titles: titlesOf(PAPERS.fr) });
  });
});

describe('feeds that declare their charset', () => {
  it.each([
    ['/declared/windows-1251-xml', 'windows-1251', 'ru'],
    ['/declared/shift_jis-header', 'shift_jis', 'ja'],
    ['/declared/big5-xml', 'big5', 'zh-tw'],
    ['/declared/windows-1252-xml', 'windows-1252', 'fr'],
  ] as const)('GIVEN %s, declared right THEN read by the declaration (%s)', async (path, charset, lang) => {
    expect(await readFeed(path)).toEqual({ charset, titles: titlesOf(PAPERS[lang]) });
  });

  it('GIVEN a Content-Type charset=utf-8 and an XML declaration of KOI8-R THEN the XML declaration wins, as feed readers do', async () => {
    expect(await readFeed('/declared/koi8-r-xml-over-utf8-header')).toEqual({ charset: 'koi8-r', titles: titlesOf(PAPERS.ru) });
  });

  it.each([
    ['/utf8/xml-says-windows-1252', 'fr'],
    ['/utf8/xml-says-gb2312', 'zh'],
    ['/utf8/header-says-gb2312', 'zh'],
    ['/utf8/header-says-iso-8859-1', 'ru'],
  ] as const)('GIVEN UTF-8 bytes under a legacy label (%s) THEN UTF-8, not mojibake', async (path, lang) => {
    expect(await readFeed(path)).toEqual({ charset: 'utf-8', titles: titlesOf(PAPERS[lang]) });
  });
});

describe('the poller reads an undeclared legacy feed into articles', () => {
  let stores: Stores;
  beforeEach(async () => {
    stores = await openStores({ kind: 'sqlite', path: ':memory:' });
  });
  afterEach(async () => {
    await stores.close();
  });

  it.each([['koi8-r', 'ru'], ['euc-jp', 'ja'], ['gb2312', 'zh']] as const)('GIVEN a followed %s feed THEN the first poll hands over articles titled in %s, from the right feed title', async (charset, lang) => {
    const now = Date.parse('2024-03-05T12:00:00Z');
    const handed: FeedDelivery[] = [];
    const poller = new FeedPoller({
      store: stores.feeds,
      fetchFeed: (url, headers) => safeFetch(url, { ...fetchOpts, headers }),
      fetchPage: (url) => safeFetch(url, { ...fetchOpts, accept: 'article' }),
      makeArticle,
      deliver: (d) => void handed.push(d),
      now: () => now,
      random: () => 0.5,
    });
    const url = `${server.origin}/undeclared/rss/${charset}`;
    await stores.feeds.subscribe('g1', url, { now, intervalMs: POLL_TIMING.intervalMs });
    await poller.pollDue(now);
    const paper = PAPERS[lang];
    expect(handed.map((d) => [d.feedTitle, d.article.title, d.article.text])).toEqual(
      [...paper.items].reverse().map(([title, description]) => [paper.title, title, description]),
    );
  });
});

describe('count over every feed of this file (the issue\'s before/after line)', () => {
  /** Every feed served above, with the paper whose titles it holds. */
  const ALL: ReadonlyArray<readonly [string, Lang]> = [
    ...UNDECLARED.map(([charset, lang, format]) => [`/undeclared/${format}/${charset}`, lang] as const),
    ['/declared/koi8-r-xml-over-utf8-header', 'ru'],
    ['/declared/euc-kr-under-utf8-header', 'ko'],
    ['/declared/windows-1251-xml', 'ru'],
    ['/declared/shift_jis-header', 'ja'],
    ['/declared/big5-xml', 'zh-tw'],
    ['/declared/windows-1252-xml', 'fr'],
    ['/utf8/xml-says-windows-1252', 'fr'],
    ['/utf8/xml-says-gb2312', 'zh'],
    ['/utf8/header-says-gb2312', 'zh'],
    ['/utf8/header-says-iso-8859-1', 'ru'],
    ['/latin/undeclared', 'fr'],
    ['/latin/says-utf-8', 'fr'],
  ];

  it('reads all 27 feeds right: 108 titles, none with U+FFFD', async () => {
    let feedsRight = 0;
    let titlesRight = 0;
    let titlesWithReplacement = 0;
    for (const [path, lang] of ALL) {
      const { titles } = await readFeed(path);
      const expected = titlesOf(PAPERS[lang]);
      const right = titles.filter((t, k) => t === expected[k]).length;
      titlesRight += right;
      titlesWithReplacement += titles.filter((t) => t.includes('\uFFFD')).length;
      if (right === expected.length && titles.length === expected.length) feedsRight++;
    }
    const counts = { feeds: ALL.length, feedsRight, titles: ALL.length * 4, titlesRight, titlesWithReplacement };
    console.log(`feed charsets: ${JSON.stringify(counts)}`);
    expect(counts).toEqual({ feeds: 27, feedsRight: 27, titles: 108, titlesRight: 108, titlesWithReplacement: 0 });
  });
});
