/**
 * Digest composition: pure. Articles in, Discord messages out: per article the title with its
 * link, a one-to-two sentence extractive summary and the top quote with its speaker, grouped by
 * feed, capped, and split so every embed and message stays within Discord's limits. Summaries
 * and quotes come from injected functions, so composition is testable without the NLP and the
 * NLP can change without touching it.
 */
import { DEFAULT_DIGEST_CAPS, DISCORD_LIMITS, type DigestCaps } from './limits';
import { clip, escapeMarkdown, joinMarkdown, markdownLink, md, type Markdown } from './markdown';

/** What the digest needs to know about one article. */
export interface DigestArticle {
  readonly id: string;
  readonly title: string;
  readonly url?: string;
  /**
   * The body the summary and the quote come from. A source that lists a window without bodies (the
   * digest runtime) leaves it out, and its parts read the bodies of the shown articles only.
   */
  readonly text?: string;
  readonly siteName?: string;
  /** ISO 8601, when it was added to the server. */
  readonly addedAt: string;
  /** The feed it came from; absent for articles members added by hand. */
  readonly feed?: { readonly url: string; readonly title: string };
  /** A bundled article (a file of the operator's ARTICLES_DIR, in every server): its own group. */
  readonly bundled?: boolean;
}

export interface DigestQuote {
  readonly quote: string;
  /** Who said it: the resolved name, or the role as written ("the mayor"); undefined when nobody is named (an unresolved "she"). */
  readonly speaker?: string;
  /** Reported speech, or partly quoted (its quoted words keep their own marks): not a quotation as a whole, so no quote marks are added and it is labelled. Undefined for a direct quote. */
  readonly speech?: 'reported speech' | 'partly quoted';
}

export interface DigestParts {
  /** Verbatim summary sentences, in article order (empty when the article is too short to summarize). */
  summaryOf(article: DigestArticle): readonly string[];
  /** The article's top quote, or undefined. */
  topQuoteOf(article: DigestArticle): DigestQuote | undefined;
}

/** Title and description are Markdown (src/core/markdown.ts): a value from an article or a feed is escaped to get there. */
export interface DigestEmbed {
  readonly title?: Markdown;
  readonly url?: string;
  readonly description: Markdown;
  readonly footer?: string;
  readonly color?: number;
}

export interface DigestMessage {
  readonly content?: Markdown;
  readonly embeds: readonly DigestEmbed[];
}

export interface Digest {
  readonly heading: string;
  readonly messages: readonly DigestMessage[];
  /** The ids of the articles shown in each message (parallel to `messages`): what a partly posted digest delivered. */
  readonly messageArticleIds: ReadonlyArray<readonly string[]>;
  /** Articles covered by the period. */
  readonly articleCount: number;
  /** Articles actually shown (after caps). */
  readonly shownCount: number;
  readonly groups: ReadonlyArray<{ readonly name: string; readonly total: number; readonly shown: number }>;
}

/** The name of the group for hand-added articles. */
export const MANUAL_GROUP = 'Added by members';
/** The name of the group for bundled articles (files the bot loaded from ARTICLES_DIR). */
export const BUNDLED_GROUP = 'Loaded by the bot';
/** Footer on the last embed: readers should know nothing here was written by the bot (PRODUCT.md, request 7). */
export const DIGEST_FOOTER = 'Summaries and quotes are extracted verbatim from each article; nothing is generated.';
const EMBED_COLOR = 0x2b6cb0;

export interface ComposeInput {
  readonly articles: readonly DigestArticle[];
  readonly parts: DigestParts;
  /** Heading text, e.g. "Daily digest · Tuesday 5 March 2024". */
  readonly heading: string;
  readonly caps?: Partial<DigestCaps>;
  /** Articles of the period its source did not list (the oldest, past the source's cap): counted, never shown. */
  readonly omitted?: number;
}

interface Group {
  readonly name: string;
  readonly url?: string;
  readonly articles: DigestArticle[];
}

/** Group by feed (hand-added articles, then bundled ones, last), newest first inside a group, groups by their newest article. */
function groupArticles(articles: readonly DigestArticle[]): Group[] {
  const groups = new Map<string, Group>();
  const rank = new Map<Group, number>();
  for (const a of articles) {
    const key = a.feed ? `feed:${a.feed.url}` : a.bundled ? 'bundled' : 'manual';
    let g = groups.get(key);
    if (!g) {
      g = a.feed ? { name: a.feed.title || a.feed.url, url: a.feed.url, articles: [] } : { name: a.bundled ? BUNDLED_GROUP : MANUAL_GROUP, articles: [] };
      groups.set(key, g);
      rank.set(g, a.feed ? 0 : a.bundled ? 2 : 1);
    }
    g.articles.push(a);
  }
  const newest = (g: Group) => g.articles.reduce((m, a) => (a.addedAt > m ? a.addedAt : m), '');
  for (const g of groups.values()) g.articles.sort((x, y) => (y.addedAt < x.addedAt ? -1 : y.addedAt > x.addedAt ? 1 : 0));
  return [...groups.values()].sort((a, b) => {
    if (rank.get(a) !== rank.get(b)) return rank.get(a)! - rank.get(b)!;
    const na = newest(a);
    const nb = newest(b);
    return na < nb ? 1 : na > nb ? -1 : a.name.localeCompare(b.name);
  });
}

/** Take articles round-robin across groups so the overall cap is shared fairly between feeds: how many each group shows. */
function quotas(groups: readonly Group[], caps: DigestCaps): { quota: Map<Group, number>; shown: number } {
  const quota = new Map<Group, number>(groups.map((g) => [g, 0]));
  let shown = 0;
  for (let round = 0; round < caps.maxPerGroup && shown < caps.maxArticles; round++) {
    for (const g of groups) {
      if (shown >= caps.maxArticles) break;
      if (quota.get(g)! < g.articles.length && quota.get(g)! === round) {
        quota.set(g, round + 1);
        shown++;
      }
    }
  }
  return { quota, shown };
}

/**
 * The articles a digest of `articles` renders (before trailing messages over the message cap are
 * dropped): the only ones whose summary and quote composition asks for.
 */
export function shownArticles(articles: readonly DigestArticle[], capsIn?: Partial<DigestCaps>): DigestArticle[] {
  const groups = groupArticles(articles);
  const { quota } = quotas(groups, { ...DEFAULT_DIGEST_CAPS, ...capsIn });
  return groups.flatMap((g) => g.articles.slice(0, quota.get(g)));
}

/** One article's block of markdown. */
export function renderArticle(a: DigestArticle, parts: DigestParts, caps: DigestCaps): Markdown {
  const title = clip(a.title.trim() || a.url || a.id, 240);
  const lines = [a.url ? md`**${markdownLink(title, a.url)}**` : md`**${escapeMarkdown(title)}**`];
  const sentences = parts.summaryOf(a).slice(0, caps.summarySentences);
  const summary = sentences.map((s) => s.trim()).join(' ');
  if (summary !== '') lines.push(escapeMarkdown(clip(summary, caps.maxSummaryChars)));
  const q = parts.topQuoteOf(a);
  if (q && q.quote.trim() !== '') {
    const speaker = q.speaker?.trim() ? escapeMarkdown(q.speaker.trim()) : md`unknown speaker`;
    const words = escapeMarkdown(clip(q.quote.trim(), caps.maxQuoteChars));
    // Reported speech is the writer's words about what was said: quote marks would make it a quotation.
    lines.push(q.speech ? md`> ${words} — ${speaker} · ${escapeMarkdown(q.speech)}` : md`> “${words}” — ${speaker}`);
  }
  return joinMarkdown(lines, md`\n`);
}

function embedSize(e: DigestEmbed): number {
  return (e.title?.length ?? 0) + e.description.length + (e.footer?.length ?? 0);
}

/**
 * Compose the digest. Returns undefined when there is nothing to post: a digest is never empty.
 */
export function composeDigest(input: ComposeInput): Digest | undefined {
  if (input.articles.length === 0) return undefined;
  const caps: DigestCaps = { ...DEFAULT_DIGEST_CAPS, ...input.caps };
  const groups = groupArticles(input.articles);
  const { quota, shown } = quotas(groups, caps);

  const embeds: Array<{ embed: DigestEmbed; ids: string[] }> = [];
  const groupReport: Array<{ name: string; total: number; shown: number }> = [];
  for (const g of groups) {
    const n = quota.get(g)!;
    groupReport.push({ name: g.name, total: g.articles.length, shown: n });
    if (n === 0) continue;
    const blocks = g.articles.slice(0, n).map((a) => ({ text: renderArticle(a, input.parts, caps), ids: [a.id] }));
    if (g.articles.length > n) blocks.push({ text: md`*…and ${g.articles.length - n} more ${g.url !== undefined ? md`from this feed` : md`like these`}.*`, ids: [] });
    const groupTitle = escapeMarkdown(clip(g.name, DISCORD_LIMITS.embedTitle - 12));
    let description = md``;
    let ids: string[] = [];
    let part = 0;
    const flush = () => {
      if (description === '') return;
      const embed = { title: part === 0 ? groupTitle : md`${groupTitle} (cont.)`, description, color: EMBED_COLOR, ...(part === 0 && g.url !== undefined && { url: g.url }) };
      embeds.push({ embed, ids });
      part++;
      description = md``;
      ids = [];
    };
    for (const raw of blocks) {
      // A cut block is still escaped: the start of escaped Markdown followed by "…".
      const block = clip(raw.text, DISCORD_LIMITS.embedDescription) as Markdown;
      const joined = description === '' ? block : md`${description}\n\n${block}`;
      if (joined.length > DISCORD_LIMITS.embedDescription) {
        flush();
        description = block;
      } else {
        description = joined;
      }
      ids.push(...raw.ids);
    }
    flush();
  }

  // Pack embeds into messages: at most 10 embeds and 6000 characters of embed text each.
  const heading = clip(input.heading, DISCORD_LIMITS.content - 200);
  const messages: Array<{ content?: Markdown; embeds: DigestEmbed[]; ids: string[] }> = [];
  let current: DigestEmbed[] = [];
  let size = 0;
  let articles: string[] = [];
  // Room is kept in every message for the footer, since any message may end up last.
  const footerRoom = DIGEST_FOOTER.length;
  for (const { embed, ids } of embeds) {
    if (current.length === DISCORD_LIMITS.embedsPerMessage || size + embedSize(embed) + footerRoom > DISCORD_LIMITS.embedsTotal) {
      messages.push({ embeds: current, ids: articles });
      current = [];
      size = 0;
      articles = [];
    }
    current.push(embed);
    size += embedSize(embed);
    articles.push(...ids);
  }
  if (current.length > 0) messages.push({ embeds: current, ids: articles });

  // Keep within the message cap: drop whole trailing messages and say how many articles that hid.
  let dropped = 0;
  while (messages.length > caps.maxMessages) dropped += messages.pop()!.ids.length;
  const shownCount = shown - dropped;
  const articleCount = input.articles.length + (input.omitted ?? 0);
  const hidden = articleCount - shownCount;
  const counts = `${articleCount} new article${articleCount === 1 ? '' : 's'}`;
  const more = hidden > 0 ? md` (${shownCount} shown; see \`/article list\` for the other ${hidden})` : '';
  messages[0]!.content = md`**${escapeMarkdown(heading)}** · ${escapeMarkdown(counts)}${more}`;
  const last = messages[messages.length - 1]!;
  const lastEmbed = last.embeds[last.embeds.length - 1]!;
  last.embeds[last.embeds.length - 1] = { ...lastEmbed, footer: DIGEST_FOOTER };

  return {
    heading,
    messages: messages.map((m) => (m.content === undefined ? { embeds: m.embeds } : { content: m.content, embeds: m.embeds })),
    messageArticleIds: messages.map((m) => m.ids),
    articleCount, shownCount,
    groups: groupReport,
  };
}
