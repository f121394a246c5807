/**
 * Embeds about articles: the card shown by `/article show` and `/article add`, and the pages of
 * `/article list`. Plain data (src/core/reply.ts), so the console prints the same thing.
 */
import type { Analysis } from '../../nlp/analyze';
import { segment } from '../../nlp/segment';
import type { ArticleListing, StoredArticle } from '../../store';
import { LIMITS, truncate } from '../limits';
import { paginateBlocks } from '../paging';
import { counted } from '../plural';
import { COLORS, type Embed, type EmbedField } from '../reply';
import { discordTime, escapeMarkdown, inlineCode, joinMarkdown, markdownLink, md, userMention, type Markdown } from '../markdown';

/** Lead shown on the card: the first sentences, up to this many characters (a glance, not a summary). */
export const LEAD_MAX_CHARS = 700;
export const LEAD_MAX_SENTENCES = 3;
/** Said above a reply when the article option was a link, fetched and added on the fly. */
export const LOADED_NOTE = md`Loaded from the link and added to this server’s articles.`;
/** Reading speed used for "N min read" (words per minute of an adult reading news). */
const WORDS_PER_MINUTE = 230;

/** The first sentences of the body, verbatim. */
export function leadSentences(text: string, maxChars = LEAD_MAX_CHARS, maxSentences = LEAD_MAX_SENTENCES): string {
  const head = text.slice(0, maxChars * 3);
  const seg = segment(head);
  let out = '';
  for (const s of seg.sentences.slice(0, maxSentences)) {
    const sentence = head.slice(s.start, s.end).trim();
    if (out && out.length + sentence.length + 1 > maxChars) break;
    out = out ? `${out} ${sentence}` : sentence;
  }
  return truncate(out || head.trim(), maxChars);
}

const hostOf = (url: string) => (URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') : url);

/** Where an article came from, in words (a link to it when it has one). */
export function describeSource(a: Pick<ArticleListing, 'source' | 'url' | 'siteName' | 'guildId'>): Markdown {
  if (a.url) return markdownLink(a.siteName ?? hostOf(a.url), a.url);
  if (a.guildId === null) return md`Bundled with Lede`;
  if (a.source.startsWith('attachment:')) return md`Uploaded file ${escapeMarkdown(a.source.slice('attachment:'.length))}`;
  if (a.source === 'text') return md`Pasted text`;
  return escapeMarkdown(a.siteName ?? a.source);
}

/** A stored ISO time as a Discord timestamp ("3 hours ago" in the reader's zone); shown as written when unparseable. */
const when = (iso: string): Markdown => discordTime(Date.parse(iso), 'R', iso);

/** Quotes and distinct named speakers, when the analysis has quotes (read defensively: older analyses may not). */
function quoteCounts(analysis: Analysis): { quotes: number; speakers: number } | undefined {
  const list = (analysis as unknown as { quotes?: unknown }).quotes;
  if (!Array.isArray(list)) return undefined;
  const names = new Set<string>();
  for (const q of list as Array<{ speakerRef?: string | null; speaker?: string | null }>) {
    const name = q.speakerRef ?? null;
    if (name) names.add(name.toLowerCase());
  }
  return { quotes: list.length, speakers: names.size };
}

/** The article card: title (linked), lead sentences, source, date, size, who added it, id. */
export function articleEmbed(article: StoredArticle, analysis: Analysis, { lead = true } = {}): Embed {
  const fields: EmbedField[] = [{ name: md`Source`, value: describeSource(article), inline: true }];
  if (article.byline) fields.push({ name: md`By`, value: escapeMarkdown(article.byline), inline: true });
  if (article.publishedAt) fields.push({ name: md`Published`, value: escapeMarkdown(article.publishedAt.slice(0, 10)), inline: true });
  const minutes = Math.max(1, Math.round(analysis.wordCount / WORDS_PER_MINUTE));
  fields.push({
    name: md`Length`,
    value: md`${counted(analysis.wordCount, 'word')} · ${counted(analysis.sentenceCount, 'sentence')} · ${minutes} min read`,
    inline: true,
  });
  const q = quoteCounts(analysis);
  if (q) {
    const from = q.speakers > 0 ? md` from ${q.speakers} speaker${q.speakers === 1 ? '' : md`s`}` : '';
    fields.push({ name: md`Quotes`, value: q.quotes ? md`${q.quotes}${from}` : md`none found`, inline: true });
  }
  fields.push({
    name: md`Added`,
    value: article.guildId === null ? md`Bundled` : md`${when(article.addedAt)}${article.addedBy ? md` by ${userMention(article.addedBy)}` : ''}`,
    inline: true,
  });
  return {
    title: escapeMarkdown(article.title),
    ...(article.url && { url: article.url }),
    ...(lead && { description: escapeMarkdown(leadSentences(article.text)) }),
    fields,
    footer: `id ${article.id} · ${article.slug}`,
    color: COLORS.brand,
  };
}

/** One line of the list: "n. Title · source · `id` · added" (the title linked, or in bold; `link: false` for an entry too long to link). */
export function listLine(l: ArticleListing, n: number, { link = true }: { link?: boolean } = {}): Markdown {
  const label = truncate(l.title, 120);
  const title = l.url && link ? markdownLink(label, l.url) : md`**${escapeMarkdown(label)}**`;
  const where = l.url ? (l.siteName ?? hostOf(l.url)) : l.source === 'text' ? 'pasted text' : l.source.replace(/^attachment:/, 'file ');
  const added = l.guildId === null ? md`bundled with Lede` : md`${escapeMarkdown(truncate(where, 60))} · added ${when(l.addedAt)}`;
  return md`${n}. ${title}\n    ${added} · ${inlineCode(l.id)}`;
}

/**
 * A list page's entries in parts that each fit one embed description, by measured length: a page
 * of ten articles with very long links becomes several parts instead of a description cut at 4,096
 * characters (which took the last entry's link). Every entry keeps its link; one too long to fit a
 * part even alone is shown without it (title in bold), never cut.
 */
export function articleListParts(items: readonly ArticleListing[], page: number, pageSize: number, maxChars = LIMITS.embedDescription): Markdown[][] {
  const lines = items.map((l, i) => {
    const line = listLine(l, page * pageSize + i + 1);
    return line.length <= maxChars ? line : listLine(l, page * pageSize + i + 1, { link: false });
  });
  return lines.length ? paginateBlocks(lines, { maxChars, separator: '\n' }) : [[]];
}

/** The list page (part `part` of it, see articleListParts); `note` is a second footer line (what the server keeps: see render/retention.ts). */
export function articleListEmbed(items: readonly ArticleListing[], page: number, pageSize: number, pageCount: number, total: number, note?: string, part = 0): Embed {
  const parts = articleListParts(items, page, pageSize);
  const k = Math.min(Math.max(0, part), parts.length - 1);
  const partLabel = parts.length > 1 ? ` (part ${k + 1} of ${parts.length})` : '';
  return {
    title: md`Articles in this server (${total})`,
    description: items.length
      ? joinMarkdown(parts[k]!, md`\n`)
      : md`No articles yet. Add one with \`/article add\` (a link, a file, or pasted text).`,
    footer: `Page ${page + 1} of ${pageCount}${partLabel} · newest first · /article show article:<id> for details${note ? `\n${note}` : ''}`,
    color: COLORS.brand,
  };
}
