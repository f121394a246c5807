/**
 * The Discord side of scheduled posts (digests and feed announcements), over a ready discord.js
 * client: checks the bot's own permissions in the target channel before posting (ViewChannel,
 * SendMessages, EmbedLinks, per DISCORD.md), and posts silently (SUPPRESS_NOTIFICATIONS) with
 * `allowed_mentions: { parse: [] }` so article text can never ping anyone. It lives on the Discord
 * side: src/digest only defines the DigestSender it needs and imports nothing from here.
 */
import { MessageFlags, type Client } from 'discord.js';
import type { DigestMessage } from '../digest/compose';
import type { ChannelCheck, DigestSender } from '../digest/scheduler';
import { toApiEmbed, NO_MENTIONS } from './adapter';
import { missingPermissions, REQUIRED } from '../core/permissions';

export function discordPoster(client: Client): DigestSender {
  const channelOf = async (channelId: string) => client.channels.cache.get(channelId) ?? (await client.channels.fetch(channelId).catch(() => null));
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
    async send(channelId, message: DigestMessage): Promise<string> {
      const channel = await channelOf(channelId);
      if (!channel || !channel.isSendable()) throw Object.assign(new Error(`channel ${channelId} is not available`), { code: 'CHANNEL_NOT_FOUND' });
      const sent = await channel.send({
        ...(message.content !== undefined && { content: message.content }),
        embeds: message.embeds.map((e) => toApiEmbed(e)),
        flags: MessageFlags.SuppressNotifications,
        allowedMentions: NO_MENTIONS,
      });
      return sent.id;
    },
  };
}
