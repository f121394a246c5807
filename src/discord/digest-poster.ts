/**
 * The Discord side of scheduled posts (digests and feed announcements), over a ready discord.js
 * client: checks the bot's own permissions in the target channel before posting (ViewChannel,
 * SendMessages, EmbedLinks, per DISCORD.md; a feed's thread per item also Create Public Threads and
 * Send Messages in Threads), and posts silently (SUPPRESS_NOTIFICATIONS) with
 * `allowed_mentions: { parse: [] }` so article text can never ping anyone. Feed items can also start
 * a thread on their message or be a forum post. It lives on the Discord side: src/digest and
 * src/feeds only define the DigestSender and FeedPoster they need and import nothing from here.
 */
import { ChannelFlags, ChannelType, MessageFlags, PermissionFlagsBits, ThreadAutoArchiveDuration, type Client, type ForumChannel } from 'discord.js';
import type { DigestMessage } from '../digest/compose';
import type { ChannelCheck, SendOptions } from '../digest/scheduler';
import type { FeedPoster, FeedTargetCheck } from '../feeds/poster';
import { toApiEmbed, NO_MENTIONS } from './adapter';
import { missingPermissions, REQUIRED } from '../core/permissions';
import { tagForFeedPost } from './forum-tags';

/** A thread or forum post for a feed item is archived after a day without messages, as Discuss threads are. */
const ITEM_THREAD_ARCHIVE = ThreadAutoArchiveDuration.OneDay;

/** In a forum's settings, Send Messages is called Create Posts. */
const forumLabel = (name: string): string => (name === 'Send Messages' ? 'Send Messages (Create Posts)' : name);

/**
 * The tags a feed post in this forum carries: none unless the forum requires one; then the tag
 * chosen by tagForFeedPost, or null when the bot may apply none (the post would be refused).
 */
function tagsFor(forum: ForumChannel, client: Client): string[] | null {
  if (!forum.flags.has(ChannelFlags.RequireTag)) return [];
  const me = client.user;
  const canModerate = me ? (forum.permissionsFor(me)?.has(PermissionFlagsBits.ManageThreads) ?? false) : false;
  const tag = tagForFeedPost(forum.availableTags.map((t) => ({ id: t.id, name: t.name, moderated: t.moderated })), canModerate);
  return tag ? [tag.id] : null;
}

export function discordPoster(client: Client): FeedPoster {
  const channelOf = async (channelId: string) => client.channels.cache.get(channelId) ?? (await client.channels.fetch(channelId).catch(() => null));
  const payload = (message: DigestMessage, options?: SendOptions) => ({
    ...(message.content !== undefined && { content: message.content }),
    // Discord returns the first message for a nonce it saw from the bot minutes ago: a retried post is not doubled.
    ...(options?.nonce !== undefined && { nonce: options.nonce, enforceNonce: true }),
    embeds: message.embeds.map((e) => toApiEmbed(e)),
    flags: MessageFlags.SuppressNotifications as const,
    allowedMentions: NO_MENTIONS,
  });
  const notAvailable = (channelId: string) => Object.assign(new Error(`channel ${channelId} is not available`), { code: 'CHANNEL_NOT_FOUND' });
  return {
    async checkChannel(guildId, channelId): Promise<ChannelCheck> {
      const channel = await channelOf(channelId);
      if (!channel || channel.isDMBased() || channel.guildId !== guildId) return { ok: false, code: 'CHANNEL_NOT_FOUND' };
      if (!channel.isSendable() || channel.isVoiceBased()) return { ok: false, code: 'NOT_TEXT_CHANNEL' };
      const me = client.user;
      const perms = me ? channel.permissionsFor(me) : null;
      const missing = missingPermissions(perms?.bitfield ?? 0n, REQUIRED.post);
      return missing.length === 0 ? { ok: true } : { ok: false, code: 'MISSING_PERMISSIONS', missing };
    },
    async checkFeedTarget(guildId, channelId, delivery): Promise<FeedTargetCheck> {
      const channel = await channelOf(channelId);
      if (!channel || channel.isDMBased() || channel.guildId !== guildId) return { ok: false, code: 'CHANNEL_NOT_FOUND' };
      const isForum = channel.type === ChannelType.GuildForum;
      if (delivery === 'forum' && !isForum) return { ok: false, code: 'NOT_FORUM_CHANNEL' };
      if (delivery !== 'forum' && isForum) return { ok: false, code: 'FORUM_NEEDS_FORUM_DELIVERY' };
      if (delivery !== 'forum' && (!channel.isSendable() || channel.isVoiceBased() || (delivery === 'thread' && channel.isThread()))) {
        return { ok: false, code: 'NOT_TEXT_CHANNEL' };
      }
      const me = client.user;
      const perms = me && 'permissionsFor' in channel ? channel.permissionsFor(me) : null;
      const needed = delivery === 'forum' ? REQUIRED.forumPost : delivery === 'thread' ? REQUIRED.feedThread : REQUIRED.post;
      const missing = missingPermissions(perms?.bitfield ?? 0n, needed).map(delivery === 'forum' ? forumLabel : (n: string) => n);
      if (missing.length > 0) return { ok: false, code: 'MISSING_PERMISSIONS', missing };
      if (isForum && tagsFor(channel, client) === null) return { ok: false, code: 'FORUM_NEEDS_TAG' };
      return { ok: true };
    },
    async send(channelId, message: DigestMessage, options): Promise<string> {
      const channel = await channelOf(channelId);
      if (!channel || !channel.isSendable()) throw notAvailable(channelId);
      return (await channel.send(payload(message, options))).id;
    },
    async sendWithThread(channelId, message, name, options) {
      const channel = await channelOf(channelId);
      if (!channel || !channel.isSendable()) throw notAvailable(channelId);
      const sent = await channel.send(payload(message, options));
      const thread = await sent.startThread({ name, autoArchiveDuration: ITEM_THREAD_ARCHIVE });
      return { threadId: thread.id, messageId: sent.id };
    },
    async postInForum(forumId, message, name) {
      const channel = await channelOf(forumId);
      if (!channel || channel.type !== ChannelType.GuildForum) throw notAvailable(forumId);
      // A forum that requires a tag with none the bot may apply: Discord would refuse the post (40067).
      const appliedTags = tagsFor(channel, client);
      if (appliedTags === null) throw Object.assign(new Error(`forum ${forumId} requires a tag on each post and has none the bot may apply`), { code: 'FORUM_NEEDS_TAG' });
      const thread = await channel.threads.create({ name, autoArchiveDuration: ITEM_THREAD_ARCHIVE, message: payload(message), appliedTags });
      // A forum post's first message has the thread's id.
      return { threadId: thread.id, messageId: thread.id };
    },
  };
}
