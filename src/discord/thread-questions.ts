/**
 * Questions asked in an article's discussion thread: a message that @mentions the bot (or, with
 * MESSAGE_CONTENT_INTENT=true, any message) in a thread started by "Discuss" is answered from that
 * article. Without the privileged intent Discord still delivers the text of messages that mention
 * the bot, so this works by default.
 */
import { PermissionFlagsBits, type Client, type Message } from 'discord.js';
import type { QuestionAnswerer } from '../library';
import type { Services } from './context';
import { BotError } from './errors';
import { describeError } from './messages';
import { missingPermissions, REQUIRED } from './permissions';
import type { RateLimiter } from './rate-limit';
import { renderAnswer } from './render/answer';
import type { Reply } from './reply';
import { NO_MENTIONS, toMessagePayload } from './adapter';

/** The question without the bot's mention(s). */
export function questionText(content: string, botId: string): string {
  return content
    .replaceAll(`<@${botId}>`, ' ')
    .replaceAll(`<@!${botId}>`, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ThreadQuestionDeps {
  readonly client: Client;
  readonly services: Services;
  readonly answerer: QuestionAnswerer;
  readonly limiter: RateLimiter;
}

/** Handle one message; resolves when the reply (if any) was sent. Never throws. */
export async function answerThreadMessage(message: Message, deps: ThreadQuestionDeps): Promise<void> {
  const { client, services } = deps;
  const me = client.user;
  if (!me || message.author.bot || message.webhookId || !message.channel.isThread()) return;
  const link = services.threads.get(message.channelId);
  if (!link) return;
  const mentioned = message.mentions.users.has(me.id);
  if (!mentioned && !services.config.MESSAGE_CONTENT_INTENT) return;

  // Check what the bot may do here before trying (and never retry a refused post).
  const perms = message.channel.permissionsFor(me);
  if (perms && missingPermissions(perms.bitfield, REQUIRED.postInThread).length > 0) {
    services.logger.warn({ thread: message.channelId, missing: missingPermissions(perms.bitfield, REQUIRED.postInThread) }, 'cannot answer in thread');
    return;
  }
  const canEmbed = !perms || perms.has(PermissionFlagsBits.EmbedLinks);

  let reply: Reply;
  const question = questionText(message.content, me.id);
  try {
    const wait = deps.limiter.take(message.author.id);
    if (wait > 0) throw new BotError('RATE_LIMITED', { retryAfterMs: wait });
    if (!question) {
      if (!mentioned) return;
      reply = { content: 'Ask me a question about the article after the mention, for example: who said what, when, or how many.' };
    } else {
      const article = services.library.get(link.guildId, link.articleId);
      const result = deps.answerer.answer(article, services.library.analysis(article), question);
      reply = renderAnswer(article, question, result);
    }
  } catch (err) {
    const d = describeError(err);
    if (d.code === 'ARTICLE_NOT_FOUND') reply = { content: describeError(new BotError('ARTICLE_REMOVED')).text };
    else {
      if (!d.expected) services.logger.error({ err, thread: message.channelId }, 'thread question failed');
      reply = { content: d.text };
    }
  }
  if (!canEmbed && reply.embeds?.length) {
    reply = { content: `${reply.embeds.map((e) => [e.title, e.description].filter(Boolean).join('\n')).join('\n\n')}` };
  }
  try {
    await message.reply({ ...toMessagePayload(reply), allowedMentions: NO_MENTIONS });
  } catch (err) {
    services.logger.warn({ err, thread: message.channelId }, 'could not answer in thread');
  }
}
