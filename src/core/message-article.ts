/**
 * The article a Discord message holds, for the message menus (Summarize, Key quotes, Save article)
 * and for links posted where automatic summaries are on: the first link to a web page in its text,
 * else its first attached .txt/.md/.html file. Loaded through the same library path as
 * `/article add` (the safe fetcher for links, the capped attachment download for files).
 *
 * Several candidates: the first is read, and the reply says so ("This message has 3 links and
 * files; I read the first: ..."). Offering a choice would need a second step for a rare case;
 * members who want another one use `/summary article:<link>`.
 */
import type { AddOutcome, AddSource } from '../library';
import { formatOfFile, urlKey } from '../library';
import type { Attachment, CommandContext, TargetMessage } from './context';
import { BotError } from './errors';
import { escapeMarkdown, linkTarget, md, type Markdown } from './markdown';
import { MAX_ARTICLE_REF_CHARS } from './article-option';
import { LOADED_NOTE } from './render/article';
import type { Reply } from './reply';

/** Links read from one message: far more than anyone posts, and a bound on a message of 4,000 characters of links. */
const MAX_LINKS = 20;

/**
 * Hosts that are never an article: Discord's own (invites, message links, its CDN's images and
 * uploads) and the GIF services its picker posts.
 */
const NOT_ARTICLE_HOST = /(^|\.)(discord\.com|discord\.gg|discordapp\.com|discordapp\.net|discord\.media|tenor\.com|giphy\.com)$/i;

/** Paths that name media, archives or documents Lede does not read (an image link is not an article). */
const MEDIA_PATH = /\.(png|jpe?g|gif|webp|avif|bmp|svg|ico|heic|mp4|m4v|mov|webm|mkv|avi|mp3|m4a|wav|ogg|oga|flac|opus|zip|gz|tgz|rar|7z|exe|dmg|apk|pdf)$/i;

/** A URL as Discord links it in text: up to whitespace, angle brackets, a quote or a spoiler bar. */
const LINK = /https?:\/\/[^\s<>"|]+/gi;

/** Punctuation after a link that belongs to the sentence (or to markdown around it), not to the link. */
function trimLink(raw: string): string {
  let url = raw;
  for (;;) {
    const last = url.at(-1) ?? '';
    if (last === ')' && (url.match(/\(/g) ?? []).length >= (url.match(/\)/g) ?? []).length) break; // Wikipedia_(disambiguation)
    if (!/[.,:;!?'")\]}*_~]/.test(last)) break;
    url = url.slice(0, -1);
  }
  return url;
}

/** The links in a message's text that may be articles, in order, each page once. */
export function articleLinks(content: string): string[] {
  const seen = new Set<string>();
  const links: string[] = [];
  for (const m of content.matchAll(LINK)) {
    if (links.length >= MAX_LINKS) break;
    const url = trimLink(m[0]);
    if (url.length > MAX_ARTICLE_REF_CHARS || !URL.canParse(url)) continue;
    const u = new URL(url);
    if (NOT_ARTICLE_HOST.test(u.hostname) || MEDIA_PATH.test(u.pathname)) continue;
    const key = urlKey(url) ?? url;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push(url);
  }
  return links;
}

/** The attached files Lede reads (.txt, .md, .html by name, or a text/markdown/html type), in order. */
export function articleFiles(attachments: readonly Attachment[]): Attachment[] {
  return attachments.filter((a) => {
    try {
      formatOfFile(a.name, a.contentType);
      return true;
    } catch {
      return false;
    }
  });
}

/** What was found in a message: the source read, how it is named in a reply, and how many candidates there were. */
export interface MessageArticle {
  readonly source: AddSource;
  readonly kind: 'link' | 'file';
  /** The link or the file name, as Markdown. */
  readonly shown: Markdown;
  /** Links and readable files in the message (1 when there was no choice). */
  readonly candidates: number;
}

/** The article source of a message: its first article link, else its first readable file; undefined when it has neither. */
export function findMessageArticle(message: Pick<TargetMessage, 'content' | 'attachments'>): MessageArticle | undefined {
  const links = articleLinks(message.content);
  const files = articleFiles(message.attachments);
  const candidates = links.length + files.length;
  const link = links[0];
  if (link !== undefined) return { source: { kind: 'url', url: link }, kind: 'link', shown: md`<${linkTarget(link) as Markdown}>`, candidates };
  const file = files[0];
  if (file === undefined) return undefined;
  return {
    source: { kind: 'attachment', url: file.url, name: file.name, size: file.size, ...(file.contentType && { contentType: file.contentType }) },
    kind: 'file',
    shown: escapeMarkdown(file.name),
    candidates,
  };
}

/** Said above a reply when the article was an attached file, read and added just now. */
export const FILE_LOADED_NOTE = md`Read from the attached file and added to this server’s articles.`;

/** "This message has 3 links and files; I read the first: <url>." when there was a choice; '' otherwise. */
export function choiceNote(found: MessageArticle): Markdown | '' {
  return found.candidates > 1 ? md`This message has ${found.candidates} links and files; I read the first: ${found.shown}.` : '';
}

/** The notes above a reply: which candidate was read (when there were several) and that it was added (when it was new). */
export function messageArticleNote(found: MessageArticle, outcome: Pick<AddOutcome, 'duplicate'>): Markdown | undefined {
  const added = outcome.duplicate === undefined ? (found.kind === 'link' ? LOADED_NOTE : FILE_LOADED_NOTE) : '';
  const choice = choiceNote(found);
  if (!added && !choice) return undefined;
  return choice && added ? md`${choice}\n${added}` : md`${choice}${added}`;
}

/**
 * The reply with the notes above it. The summary and quotes renderers put a note above a result but
 * not above their private "too short" / "no quotes" answers; from a menu the member must still learn
 * that the article was added, so the note goes there too.
 */
export function withNote(reply: Reply, note: Markdown | undefined): Reply {
  if (!note || !reply.ephemeral) return reply;
  return { ...reply, content: reply.content ? md`${note}\n${reply.content}` : note };
}

/**
 * Load the target message's article into the server, as `/article add` would (deferred first: a
 * fetch can take seconds). NO_ARTICLE_IN_MESSAGE when the message holds none; the library's and
 * fetcher's typed errors otherwise.
 */
export async function loadMessageArticle(ctx: CommandContext, message: TargetMessage): Promise<{ found: MessageArticle; outcome: AddOutcome }> {
  const found = findMessageArticle(message);
  if (!found) throw new BotError('NO_ARTICLE_IN_MESSAGE');
  await ctx.defer();
  return { found, outcome: await ctx.services.library.add(ctx.guildId, found.source, ctx.user.id) };
}
