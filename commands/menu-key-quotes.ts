/**
 * "Key quotes" (right-click a message > Apps): the key quotes of the article the message links to
 * or carries as a file, exactly as `/quotes` shows them (src/core/render/key-quotes.ts, paged with
 * the same buttons). The article is loaded and added to the server as `/article add` would; see
 * src/core/message-article.ts for which link or file is read.
 */
import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import type { MessageCommand } from '../src/core/command';
import { loadMessageArticle, messageArticleNote, withNote } from '../src/core/message-article';
import { quotesReply } from '../src/core/render/key-quotes';

export default {
  data: new ContextMenuCommandBuilder().setName('Key quotes').setType(ApplicationCommandType.Message).setContexts(InteractionContextType.Guild),
  heavy: true,
  async execute(ctx) {
    const { found, outcome } = await loadMessageArticle(ctx, ctx.targetMessage);
    const note = messageArticleNote(found, outcome);
    await ctx.reply(withNote(await quotesReply(ctx, outcome.article, undefined, 0, note), note));
  },
} satisfies MessageCommand;
