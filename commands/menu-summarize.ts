/**
 * "Summarize" (right-click a message > Apps): the summary of the article the message links to or
 * carries as a file, exactly as `/summary` shows it (src/core/render/summary.ts). The article is
 * loaded and added to the server as `/article add` would; see src/core/message-article.ts for
 * which link or file is read.
 */
import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import type { MessageCommand } from '../src/core/command';
import { loadMessageArticle, messageArticleNote, withNote } from '../src/core/message-article';
import { summaryReply } from '../src/core/render/summary';
import { DEFAULT_SENTENCES } from '../src/nlp/summarize';

export default {
  data: new ContextMenuCommandBuilder().setName('Summarize').setType(ApplicationCommandType.Message).setContexts(InteractionContextType.Guild),
  heavy: true,
  async execute(ctx) {
    const { found, outcome } = await loadMessageArticle(ctx, ctx.targetMessage);
    const note = messageArticleNote(found, outcome);
    await ctx.reply(withNote(await summaryReply(ctx, outcome.article, DEFAULT_SENTENCES, 0, note), note));
  },
} satisfies MessageCommand;
