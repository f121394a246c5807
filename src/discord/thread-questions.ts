/**
 * Questions asked in an article's discussion thread: a message that @mentions the bot (or, with
 * MESSAGE_CONTENT_INTENT=true, any message) in a thread started by "Discuss" is answered from that
 * article, exactly as `/ask` answers it (same renderer, same shared Q&A cache, who-said questions
 * from the article's stored quotes). Without the privileged intent Discord still delivers the text
 * of messages that mention the bot, so this works by default.
 */
import { PermissionFlagsBits, type Client, type Message } from 'discord.js';
import type { Services } from '../core/context';
import { BotError } from '../core/errors';
import { describeError } from '../core/messages';
import { missingPermissions, REQUIRED } from '../core/permissions';
import type { RateLimiter } from '../core/rate-limit';
import { MAX_QUESTION_CHARS } from '../library';
import { askReply } from '../core/render/ask';
import { escapeMarkdown, joinMarkdown, md, trustedMarkdown, type Markdown } from '../core/markdown';
import type { Reply } from '../core/reply';
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
  readonly limiter: RateLimiter;
}

/**
 * The reply as message text, for a thread where the bot may not embed: title in bold, the body as
 * is (already Discord markdown), the footer as small text. The question is visible above: it is a reply.
 */
export function embedsAsContent(reply: Reply): Reply {
  const present = (parts: ReadonlyArray<Markdown | '' | undefined>): Markdown[] => parts.filter((p): p is Markdown => !!p);
  const blocks = (reply.embeds ?? []).map((e) =>
    joinMarkdown(present([e.title && md`**${e.title}**`, e.description, e.footer && md`-# ${escapeMarkdown(e.footer)}`]), md`\n`),
  );
  return { content: joinMarkdown(present([reply.content, ...blocks]), md`\n\n`) };
}

/** Handle one message; resolves when the reply (if any) was sent. Never throws. */
export async function answerThreadMessage(message: Message, deps: ThreadQuestionDeps): Promise<void> {
  const { client, services } = deps;
  const me = client.user;
  if (!me || message.author.bot || message.webhookId || !message.channel.isThread()) return;
  const link = await services.threads.get(message.channelId);
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
      reply = { content: md`Ask me a question about the article after the mention, for example: who said what, when, or how many.` };
    } else if (question.length > MAX_QUESTION_CHARS) {
      // Refused as /ask refuses it, rather than answering the first 600 characters of it.
      throw new BotError('OPTION_TOO_LONG', { option: 'question', max: MAX_QUESTION_CHARS });
    } else {
      reply = await askReply(services, await services.library.get(link.guildId, link.articleId), question);
    }
  } catch (err) {
    const d = describeError(err);
    // The failure table's own words; the values it quotes are escaped there (messages.ts).
    if (d.code === 'ARTICLE_NOT_FOUND') reply = { content: trustedMarkdown(describeError(new BotError('ARTICLE_REMOVED')).text) };
    else {
      if (!d.expected) services.logger.error({ err, thread: message.channelId }, 'thread question failed');
      reply = { content: trustedMarkdown(d.text) };
    }
  }
  if (!canEmbed && reply.embeds?.length) reply = embedsAsContent(reply);
  try {
    await message.reply({ ...toMessagePayload(reply), allowedMentions: NO_MENTIONS });
  } catch (err) {
    services.logger.warn({ err, thread: message.channelId }, 'could not answer in thread');
  }
}
