/**
 * Automatic summaries of posted links: in a channel where an admin turned them on (`/autosummary
 * on`), a member's message with an article link gets one reply with the article's summary and key
 * quotes (the same renderers as `/summary` and `/quotes`), as a reply to that message, pinging no
 * one. Needs the privileged Message Content intent (MESSAGE_CONTENT_INTENT=true): without it
 * Discord sends the bot no text of messages that do not mention it.
 *
 * Bounded, because members did not ask and a flood of links must not become a flood of replies:
 * - bots' messages (Lede's own included), webhooks, system messages and threads are ignored;
 * - the first article link of a message is read (one reply per message at most);
 * - the same link in the same channel within DEDUPE_MS is answered once;
 * - per channel a burst of 3 then one every 20 s, per member a burst of 2 then one a minute;
 *   past them a link is skipped (logged), not queued.
 *
 * Silent failure is right here: a link that cannot be loaded (refused, too large, not an article,
 * the library full...) or an article with neither summary nor quotes gets no reply, only a log
 * line, because nobody asked; a member who wants the reason runs `/summary article:<link>`.
 * The article is added to the server's articles, as a link pasted in `/summary` is.
 */
import type { Client, Message } from 'discord.js';
import type { Services } from '../core/context';
import { describeError } from '../core/messages';
import { articleLinks } from '../core/message-article';
import { missingPermissions, REQUIRED } from '../core/permissions';
import { createRateLimiter, type RateLimitOptions } from '../core/rate-limit';
import { quotesReply } from '../core/render/key-quotes';
import { summaryReply } from '../core/render/summary';
import type { Embed } from '../core/reply';
import { urlKey } from '../library';
import { DEFAULT_SENTENCES } from '../nlp/summarize';
import { NO_MENTIONS, toMessagePayload } from './adapter';

/** A link seen in a channel is not answered again for 10 minutes (people repost and quote). */
export const DEDUPE_MS = 10 * 60_000;
/** Links remembered for deduplication; the oldest are forgotten first. */
const DEDUPE_MAX = 5000;

/** The reply budgets, with reasons: a channel gets a few replies in a row, then 3 a minute; a member 2, then one a minute. */
export const LINK_REPLY_LIMITS = {
  channel: { capacity: 3, refillPerSecond: 1 / 20 },
  member: { capacity: 2, refillPerSecond: 1 / 60 },
} as const satisfies Record<string, RateLimitOptions>;

export interface LinkReplierOptions {
  readonly client: Client;
  readonly services: Services;
  readonly limits?: { readonly channel: RateLimitOptions; readonly member: RateLimitOptions };
  readonly now?: () => number;
}

export interface LinkReplier {
  /** Handle one posted message; resolves when the reply (if any) was sent. Never throws. */
  handle(message: Message): Promise<void>;
}

export function createLinkReplier(options: LinkReplierOptions): LinkReplier {
  const { client, services } = options;
  const log = services.logger;
  const now = options.now ?? Date.now;
  const channelLimit = createRateLimiter(options.limits?.channel ?? LINK_REPLY_LIMITS.channel);
  const memberLimit = createRateLimiter(options.limits?.member ?? LINK_REPLY_LIMITS.member);
  const seen = new Map<string, number>();

  /** True when this link was answered (or is being answered) in this channel recently; remembers it otherwise. */
  function repeated(key: string, at: number): boolean {
    const last = seen.get(key);
    if (last !== undefined && at - last < DEDUPE_MS) return true;
    seen.delete(key);
    seen.set(key, at);
    for (const [k, t] of seen) {
      if (seen.size <= DEDUPE_MAX && at - t < DEDUPE_MS) break;
      seen.delete(k);
    }
    return false;
  }

  async function handle(message: Message): Promise<void> {
    if (!services.config.MESSAGE_CONTENT_INTENT) return;
    if (!message.inGuild() || message.author.bot || message.webhookId || message.system || message.channel.isThread()) return;
    const url = articleLinks(message.content)[0];
    if (url === undefined) return;
    const context = { guild: message.guildId, channel: message.channelId, user: message.author.id, message: message.id };
    try {
      const on = await services.autoSummary.get(message.channelId);
      if (!on || on.guildId !== message.guildId) return;
      const at = now();
      if (repeated(`${message.channelId} ${urlKey(url) ?? url}`, at)) {
        log.debug(context, 'posted link already answered recently');
        return;
      }
      const wait = channelLimit.take(message.channelId, at) || memberLimit.take(`${message.guildId}:${message.author.id}`, at);
      if (wait > 0) {
        log.info({ ...context, retryAfterMs: wait }, 'posted link skipped: reply rate limit');
        return;
      }
      const me = client.user;
      const perms = me ? message.channel.permissionsFor(me) : null;
      const missing = missingPermissions(perms?.bitfield ?? 0n, REQUIRED.replyToMessage);
      if (missing.length > 0) {
        log.warn({ ...context, missing }, 'cannot reply to a posted link');
        return;
      }
      const { article } = await services.library.add(message.guildId, { kind: 'url', url }, message.author.id);
      const replies = [
        await summaryReply({ services }, article, DEFAULT_SENTENCES, 0, undefined, { paged: false }),
        await quotesReply({ services }, article, undefined, 0, undefined, { paged: false }),
      ];
      // "Too short" and "no quotes" are said to someone who asked; here they are left out.
      const embeds: Embed[] = replies.filter((r) => !r.ephemeral).flatMap((r) => r.embeds ?? []);
      if (embeds.length === 0) {
        log.info({ ...context, article: article.id }, 'posted link has neither a summary nor quotes; no reply');
        return;
      }
      try {
        await message.reply({ ...toMessagePayload({ embeds }), allowedMentions: NO_MENTIONS });
      } catch (err) {
        // The message deleted meanwhile, or a permission taken away since the check: nothing to retry.
        log.warn({ ...context, err }, 'could not reply to a posted link');
        return;
      }
      log.info({ ...context, article: article.id }, 'answered a posted link');
    } catch (err) {
      const d = describeError(err);
      if (d.expected) log.info({ ...context, code: d.code }, 'posted link not answered');
      else log.error({ ...context, err }, 'posted link failed');
    }
  }

  return { handle };
}
