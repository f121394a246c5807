/**
 * The article's card as a reply, with its **Discuss** button (`adiscuss:<articleId>`, handled by
 * commands/article.ts), and the reply to an add: shared by `/article add` and `show` and the
 * "Save article" message menu, so an article saved either way reads the same.
 */
import type { AddOutcome } from '../../library';
import type { Analysis } from '../../nlp/analyze';
import type { StoredArticle } from '../../store/ports';
import type { Invocation } from '../context';
import { encodeCustomId } from '../custom-id';
import { inlineCode, md, userMention, type Markdown } from '../markdown';
import type { Button, Reply } from '../reply';
import { articleEmbed } from './article';

export const discussButton = (articleId: string): Button => ({
  customId: encodeCustomId('adiscuss', articleId),
  label: 'Discuss',
  style: 'primary',
  emoji: '💬',
});

/** The article's card; `analysis` when the caller has it (an add just made it: reading it back would parse megabytes again). */
export async function articleCard(ctx: Pick<Invocation, 'services' | 'inThread'>, article: StoredArticle, content?: Markdown, analysis?: Analysis): Promise<Reply> {
  return {
    ...(content && { content }),
    embeds: [articleEmbed(article, analysis ?? (await ctx.services.library.analysis(article)))],
    // Inside a thread no thread can be started: the card comes without the button.
    buttons: ctx.inThread ? [] : [[discussButton(article.id)]],
  };
}

/** What an add says: the card, public ("@member added an article"), or ephemeral when the server already had it. */
export async function addedReply(ctx: Pick<Invocation, 'services' | 'inThread' | 'user'>, outcome: AddOutcome, note?: Markdown): Promise<Reply> {
  const before = note ? md`${note}\n` : '';
  if (outcome.duplicate) {
    const how = outcome.duplicate === 'url' ? md`the same link` : md`the same text`;
    return {
      ...(await articleCard(ctx, outcome.article, md`${before}This server already has this article (${how}): ${inlineCode(outcome.article.id)}. Nothing was added.`, outcome.analysis)),
      ephemeral: true,
    };
  }
  return articleCard(ctx, outcome.article, md`${before}${userMention(ctx.user.id)} added an article.`, outcome.analysis);
}
