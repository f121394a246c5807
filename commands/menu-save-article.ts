/**
 * "Save article" (right-click a message > Apps): adds the article the message links to or carries
 * as a file to the server's articles, and answers exactly as `/article add` does (the card with
 * its Discuss button; ephemeral "already has this article" for a duplicate). See
 * src/core/message-article.ts for which link or file is read.
 */
import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import type { MessageCommand } from '../src/core/command';
import { choiceNote, loadMessageArticle } from '../src/core/message-article';
import { addedReply } from '../src/core/render/article-card';

export default {
  data: new ContextMenuCommandBuilder().setName('Save article').setType(ApplicationCommandType.Message).setContexts(InteractionContextType.Guild),
  heavy: true,
  async execute(ctx) {
    const { found, outcome } = await loadMessageArticle(ctx, ctx.targetMessage);
    await ctx.reply(await addedReply(ctx, outcome, choiceNote(found) || undefined));
  },
} satisfies MessageCommand;
