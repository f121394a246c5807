/**
 * /autosummary on [channel] | off [channel] | list: the channels where a member's posted article
 * link gets a reply with its summary and key quotes (src/discord/link-replies.ts). `on` and `off`
 * need Manage Server (checked here: Discord cannot restrict one subcommand); `on` is offered only
 * when the operator enabled the Message Content intent (MESSAGE_CONTENT_INTENT=true), which reading
 * posted messages needs. `off` works without it, so a server can always clean up.
 */
import { ChannelType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/core/command';
import type { CommandContext } from '../src/core/context';
import { BotError } from '../src/core/errors';
import { channelMention, discordTime, escapeMarkdown, joinMarkdown, md, userMention, type Markdown } from '../src/core/markdown';
import { requireManageServer, REQUIRED } from '../src/core/permissions';
import { COLORS } from '../src/core/reply';

/** Channels per server: enough for every news channel a server has, a bound on what one admin can switch on. */
export const MAX_AUTOSUMMARY_CHANNELS = 25;

/** What a reply to a posted link holds and how it is bounded, said where it is switched on. */
const WHAT_IT_DOES = md`When a member posts a link to an article there, I reply to that message with its summary and key quotes (the first link of a message; the same link once in 10 minutes; after a few in a row, at most 3 replies a minute per channel and one a minute per member). Links I cannot read get no reply.`;

/** The channel option, or the channel the command was used in. */
const channelOf = (ctx: CommandContext): string => ctx.options.getChannelId('channel') ?? ctx.channelId;

async function on(ctx: CommandContext): Promise<void> {
  if (!ctx.discord) throw new BotError('NOT_ON_THIS_SURFACE', { hint: 'Automatic summaries answer links posted in Discord channels; the console has none.' });
  requireManageServer(ctx);
  if (!ctx.services.config.MESSAGE_CONTENT_INTENT) throw new BotError('MESSAGE_CONTENT_INTENT_OFF');
  if (ctx.options.getChannelId('channel') === undefined && ctx.inThread) {
    throw new BotError('USAGE', { hint: 'Automatic summaries answer links in text and announcement channels, not in threads. Give `channel:` or use the command in the channel itself.' });
  }
  const channelId = channelOf(ctx);
  const missing = await ctx.discord.missingIn(ctx.guildId, channelId, REQUIRED.replyToMessage);
  if (missing === undefined) {
    throw new BotError('USAGE', { hint: `${channelMention(channelId)} is not a text channel of this server that I can see. Pick a text or announcement channel.` });
  }
  const current = await ctx.services.autoSummary.list(ctx.guildId);
  if (current.some((c) => c.channelId === channelId)) {
    await ctx.reply({ content: md`Automatic summaries are already on in ${channelMention(channelId)}. \`/autosummary off\` turns them off.`, ephemeral: true });
    return;
  }
  if (current.length >= MAX_AUTOSUMMARY_CHANNELS) {
    throw new BotError('USAGE', { hint: `Automatic summaries are on in ${current.length} channels, the most one server may have. Turn one off first with \`/autosummary off\`.` });
  }
  await ctx.services.autoSummary.enable({ guildId: ctx.guildId, channelId, enabledBy: ctx.user.id, enabledAt: Date.now() });
  const warning = missing.length
    ? md`\n⚠️ I cannot reply in ${channelMention(channelId)} yet: missing ${escapeMarkdown(missing.join(', '))}. Until someone grants it, posted links there get no reply.`
    : '';
  await ctx.reply({ content: md`Automatic summaries are on in ${channelMention(channelId)}. ${WHAT_IT_DOES}${warning}` });
}

async function off(ctx: CommandContext): Promise<void> {
  requireManageServer(ctx);
  const channelId = channelOf(ctx);
  const removed = await ctx.services.autoSummary.disable(ctx.guildId, channelId);
  await ctx.reply(
    removed
      ? { content: md`Automatic summaries are off in ${channelMention(channelId)}. Articles they added stay in the library.` }
      : { content: md`Automatic summaries were not on in ${channelMention(channelId)}; \`/autosummary list\` shows where they are.`, ephemeral: true },
  );
}

async function list(ctx: CommandContext): Promise<void> {
  const channels = await ctx.services.autoSummary.list(ctx.guildId);
  const intentOff: Markdown | '' = ctx.services.config.MESSAGE_CONTENT_INTENT
    ? ''
    : md`\n\nThe bot’s **Message Content** intent is off, so these channels get no replies until the operator enables it (Developer Portal › Bot › Message Content Intent, and \`MESSAGE_CONTENT_INTENT=true\`).`;
  if (channels.length === 0) {
    await ctx.reply({ content: md`Automatic summaries are not on in any channel of this server. Someone with Manage Server turns them on with \`/autosummary on channel:\`.${intentOff}`, ephemeral: true });
    return;
  }
  const lines = channels.map((c, i) => md`${i + 1}. ${channelMention(c.channelId)} · since ${discordTime(c.enabledAt, 'R')} by ${userMention(c.enabledBy)}`);
  await ctx.reply({
    embeds: [
      {
        title: md`Automatic summaries (${channels.length})`,
        description: md`${joinMarkdown(lines, md`\n`)}${intentOff}`,
        footer: 'A link posted in these channels gets its summary and key quotes as a reply.',
        color: COLORS.brand,
      },
    ],
  });
}

/** The channels a reply can go to: text and announcement channels (not threads, forums or voice). */
const TEXT_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

export default {
  data: new SlashCommandBuilder()
    .setName('autosummary')
    .setDescription('Reply to article links posted in chosen channels with their summary and key quotes')
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('on')
        .setDescription('Answer article links posted in a channel (needs Manage Server)')
        .addChannelOption((o) => o.setName('channel').setDescription('The channel (default: this one)').addChannelTypes(...TEXT_CHANNELS)),
    )
    .addSubcommand((s) =>
      s
        .setName('off')
        .setDescription('Stop answering links posted in a channel (needs Manage Server)')
        .addChannelOption((o) => o.setName('channel').setDescription('The channel (default: this one)').addChannelTypes(...TEXT_CHANNELS)),
    )
    .addSubcommand((s) => s.setName('list').setDescription('The channels where posted links are answered')),
  async execute(ctx) {
    switch (ctx.options.subcommand) {
      case 'on':
        return on(ctx);
      case 'off':
        return off(ctx);
      case 'list':
        return list(ctx);
      default:
        throw new BotError('USAGE', { hint: 'Use `/autosummary on`, `/autosummary off` or `/autosummary list`.' });
    }
  },
} satisfies Command;
