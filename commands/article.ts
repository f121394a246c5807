/**
 * /article add | list | show | remove: the server's articles. Thin: read options, call the library,
 * render. Buttons: `alist:<guild>:<page>` pages the list; `adiscuss:<articleId>` starts a thread.
 */
import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { articleAutocomplete, articleOption, MAX_ARTICLE_REF_CHARS, resolveArticleOption } from '../src/core/article-option';
import type { Command } from '../src/core/command';
import type { CommandContext, ComponentContext } from '../src/core/context';
import { BotError } from '../src/core/errors';
import { LIMITS } from '../src/core/limits';
import { pageFromArg } from '../src/core/paging';
import { encodeCustomId } from '../src/core/custom-id';
import { missingPermissions, REQUIRED, requireManageServer } from '../src/core/permissions';
import { articleListEmbed, articleListParts, LOADED_NOTE } from '../src/core/render/article';
import { addedReply, articleCard } from '../src/core/render/article-card';
import { retentionFooter } from '../src/core/render/retention';
import { channelMention, escapeMarkdown, inlineCode, md } from '../src/core/markdown';
import type { Button, Reply } from '../src/core/reply';
import { clip, looksLikeUrl, unwrapLink, type AddSource } from '../src/library';

/** Articles per list page: ten two-line entries read well and stay far below 4096 characters. */
const PAGE_SIZE = 10;
/** Discord's longest string option; pasted text beyond it cannot arrive anyway. */
const MAX_TEXT_CHARS = 6000;
/** A day: long enough for a discussion, short enough that threads do not pile up. */
const THREAD_ARCHIVE_MINUTES = 1440;

/** The part of a list page a button asks for: a number, or the page's last part (Previous from a page's first part). */
const LAST_PART = 'last';

/**
 * A list page, or one part of it when its entries (very long links) do not fit one embed: the
 * buttons `alist:<guild>:<page>:<part>` walk the parts, then the pages.
 */
async function listReply(ctx: CommandContext | ComponentContext, page: number, part: number | typeof LAST_PART = 0): Promise<Reply> {
  const p = await ctx.services.library.list(ctx.guildId, page, PAGE_SIZE);
  const parts = articleListParts(p.items, p.page, PAGE_SIZE).length;
  const k = part === LAST_PART ? parts - 1 : Math.min(Math.max(0, part), parts - 1);
  const embed = articleListEmbed(p.items, p.page, PAGE_SIZE, p.pageCount, p.total, retentionFooter(p.retention), k);
  if (p.pageCount <= 1 && parts <= 1) return { embeds: [embed], buttons: [] };
  const first = p.page === 0 && k === 0;
  const last = p.page >= p.pageCount - 1 && k >= parts - 1;
  const prev = k > 0 ? [p.page, k - 1] : [Math.max(0, p.page - 1), p.page > 0 ? LAST_PART : 0];
  const next = k < parts - 1 ? [p.page, k + 1] : [Math.min(p.pageCount - 1, p.page + 1), p.page < p.pageCount - 1 ? 0 : k];
  const buttons: Button[] = [
    { customId: encodeCustomId('alist', ctx.guildId, ...prev), label: '◀ Previous', style: 'secondary', disabled: first },
    { customId: encodeCustomId('alist', ctx.guildId, ...next), label: 'Next ▶', style: 'secondary', disabled: last },
  ];
  return { embeds: [embed], buttons: [buttons] };
}

function addSource(ctx: CommandContext): AddSource {
  // A link in angle brackets (`<https://…>`, how Discord users suppress a preview) is the link.
  const typedUrl = ctx.options.getString('url')?.trim();
  const url = typedUrl && looksLikeUrl(typedUrl) ? unwrapLink(typedUrl) : typedUrl;
  const file = ctx.options.getAttachment('file');
  const text = ctx.options.getString('text');
  const title = ctx.options.getString('title')?.trim();
  const given = [url, file, text].filter((v) => v !== undefined && v !== '').length;
  if (given !== 1) {
    throw new BotError('USAGE', { hint: 'Give exactly one of `url` (a link), `file` (a .txt, .md or .html upload) or `text` (pasted text, with an optional `title`).' });
  }
  if (title && text === undefined) throw new BotError('USAGE', { hint: '`title` goes with `text`; links and files keep their own title.' });
  if (url !== undefined) {
    if (url.length > MAX_ARTICLE_REF_CHARS) throw new BotError('OPTION_TOO_LONG', { option: 'url', max: MAX_ARTICLE_REF_CHARS });
    return { kind: 'url', url };
  }
  if (file) {
    return file.localPath
      ? { kind: 'file', path: file.localPath }
      : { kind: 'attachment', url: file.url, name: file.name, size: file.size, ...(file.contentType && { contentType: file.contentType }) };
  }
  if (text!.length > MAX_TEXT_CHARS) throw new BotError('OPTION_TOO_LONG', { option: 'text', max: MAX_TEXT_CHARS });
  if (title && title.length > LIMITS.embedTitle) throw new BotError('OPTION_TOO_LONG', { option: 'title', max: LIMITS.embedTitle });
  return { kind: 'text', text: text!, ...(title && { title }) };
}

async function add(ctx: CommandContext): Promise<void> {
  const source = addSource(ctx);
  if (source.kind !== 'text') await ctx.defer();
  await ctx.reply(await addedReply(ctx, await ctx.services.library.add(ctx.guildId, source, ctx.user.id)));
}

async function show(ctx: CommandContext): Promise<void> {
  const { article, loaded } = await resolveArticleOption(ctx);
  await ctx.reply(await articleCard(ctx, article, loaded ? LOADED_NOTE : undefined));
}

async function remove(ctx: CommandContext): Promise<void> {
  requireManageServer(ctx);
  const ref = ctx.options.getString('article')?.trim() ?? '';
  if (ref.length > MAX_ARTICLE_REF_CHARS) throw new BotError('OPTION_TOO_LONG', { option: 'article', max: MAX_ARTICLE_REF_CHARS });
  const removed = await ctx.services.library.remove(ctx.guildId, ref);
  await ctx.reply({ content: md`Removed **${escapeMarkdown(clip(removed.title, 200))}** (${inlineCode(removed.id)}) from this server’s articles.` });
}

async function discuss(ctx: ComponentContext): Promise<void> {
  const [articleId = ''] = ctx.args;
  const article = await ctx.services.library.find(ctx.guildId, articleId);
  if (!article) throw new BotError('ARTICLE_REMOVED');
  if (!ctx.discord) throw new BotError('NOT_ON_THIS_SURFACE', { hint: 'Discussion threads exist only on Discord.' });
  if (ctx.inThread) throw new BotError('NOT_ON_THIS_SURFACE', { hint: 'This is already a thread; a discussion thread cannot start inside it.' });
  const existing = await ctx.services.threads.byMessage(ctx.messageId);
  if (existing) throw new BotError('THREAD_EXISTS', { hint: channelMention(existing.threadId) });
  const missing = missingPermissions(ctx.appPermissions ?? 0n, REQUIRED.startThread);
  if (missing.length) throw new BotError('BOT_MISSING_PERMISSIONS', { missing });
  await ctx.defer({ ephemeral: true });
  const thread = await ctx.discord.startThread(ctx.channelId, ctx.messageId, clip(article.title, LIMITS.threadName), THREAD_ARCHIVE_MINUTES);
  await ctx.services.threads.save({
    threadId: thread.id,
    guildId: ctx.guildId,
    channelId: ctx.channelId,
    messageId: ctx.messageId,
    articleId: article.id,
    createdBy: ctx.user.id,
  });
  await ctx.discord.send(thread.id, {
    content: md`Discussion of **${escapeMarkdown(clip(article.title, 200))}**. Mention me with a question about the article and I will answer with the sentence it comes from.`,
  });
  await ctx.reply({ content: md`Started a discussion thread: ${channelMention(thread.id)}`, ephemeral: true });
}

export default {
  data: new SlashCommandBuilder()
    .setName('article')
    .setDescription('The articles Lede has read for this server')
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Add an article from a link, a file or pasted text')
        .addStringOption((o) => o.setName('url').setDescription('A link to the article').setMaxLength(MAX_ARTICLE_REF_CHARS))
        .addAttachmentOption((o) => o.setName('file').setDescription('A .txt, .md or .html file'))
        .addStringOption((o) => o.setName('text').setDescription('The article text, pasted').setMaxLength(MAX_TEXT_CHARS))
        .addStringOption((o) => o.setName('title').setDescription('Title for pasted text').setMaxLength(LIMITS.embedTitle)),
    )
    .addSubcommand((s) => s.setName('list').setDescription('This server’s articles, newest first'))
    .addSubcommand((s) =>
      s
        .setName('show')
        .setDescription('An article’s details and first lines, with a button to discuss it')
        .addStringOption((o) => articleOption(o)),
    )
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Remove an article from this server (needs Manage Server)')
        .addStringOption((o) => articleOption(o, { description: 'The article to remove' })),
    ),
  heavy: (ctx) => ctx.options.subcommand === 'add' || looksLikeUrl(ctx.options.getString('article') ?? ''),
  async execute(ctx) {
    switch (ctx.options.subcommand) {
      case 'add':
        return add(ctx);
      case 'list':
        return ctx.reply(await listReply(ctx, 0));
      case 'show':
        return show(ctx);
      case 'remove':
        return remove(ctx);
      default:
        throw new BotError('USAGE', { hint: 'Use `/article add`, `/article list`, `/article show` or `/article remove`.' });
    }
  },
  autocomplete: articleAutocomplete,
  components: {
    async alist(ctx) {
      const [guildId, page, part] = ctx.args;
      if (guildId !== ctx.guildId) throw new BotError('STALE_BUTTON');
      await ctx.update(await listReply(ctx, pageFromArg(page), part === LAST_PART ? LAST_PART : pageFromArg(part)));
    },
    adiscuss: discuss,
  },
} satisfies Command;
