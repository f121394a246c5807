/**
 * /feed add | remove | list | status (Manage Server): RSS, Atom, RDF and JSON feeds that bring
 * articles into the server. New items go into the library (and the daily digest); with a channel,
 * each also gets a short silent post there. Thin: read options, call the feed service, render.
 */
import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/core/command';
import type { CommandContext } from '../src/core/context';
import { BotError } from '../src/core/errors';
import { MANAGE_GUILD } from '../src/core/permissions';
import { channelMention, discordTime, escapeMarkdown, inlineCode, joinMarkdown, md, type Markdown } from '../src/core/markdown';
import { COLORS, type Embed } from '../src/core/reply';
import { FEED_LIMITS, type FeedRuntime, type FeedStatus } from '../src/feeds/index';
import { clip } from '../src/library';
import type { RetentionReport } from '../src/library/retention';
import { retentionStatusLines } from '../src/core/render/retention';

/** Longest feed URL accepted (browsers cope with 2,000; feeds never need more). */
const MAX_URL_CHARS = 2000;

/** A Discord timestamp: shown in each reader's own time zone ("in 12 minutes", "5 March 2024 08:00"). */
const when = (ms: number, style: 'R' | 'f' = 'R'): Markdown => discordTime(ms, style);

function feedsOf(ctx: CommandContext): FeedRuntime {
  const feeds = ctx.services.feeds;
  if (!feeds) throw new BotError('NOT_ON_THIS_SURFACE', { hint: 'Feeds are not available here.' });
  return feeds;
}

function requireManager(ctx: CommandContext): void {
  if (ctx.memberPermissions !== undefined && (ctx.memberPermissions & MANAGE_GUILD) === 0n) {
    throw new BotError('MEMBER_MISSING_PERMISSIONS', { missing: ['Manage Server'] });
  }
}

function urlOption(ctx: CommandContext): string {
  const url = ctx.options.getString('url')?.trim() ?? '';
  if (url.length > MAX_URL_CHARS) throw new BotError('OPTION_TOO_LONG', { option: 'url', max: MAX_URL_CHARS });
  return url;
}

const STATE_LABEL: Record<FeedStatus['state'], Markdown> = {
  active: md`🟢 active`,
  pending: md`🟡 waiting for its first successful fetch`,
  disabled: md`🔴 disabled`,
};

/** The state as one symbol, for the list. */
const STATE_SYMBOL: Record<FeedStatus['state'], Markdown> = { active: md`🟢`, pending: md`🟡`, disabled: md`🔴` };

/** The feed's address, shown as a link without a preview (`<url>`), or as text when it is not http(s). */
const address = (url: string): Markdown => (/^https?:\/\/[^\s<>]+$/i.test(url) ? md`<${url as Markdown}>` : escapeMarkdown(url));

/** One feed's status lines; with the server's retention report, what the library keeps and what this feed lost to it. */
export function statusLines(s: FeedStatus, retention?: RetentionReport): Markdown[] {
  const lines = [md`**State:** ${STATE_LABEL[s.state]}${s.disabledReason ? md` (${inlineCode(s.disabledReason)}: run \`/feed add\` again to retry)` : ''}`];
  lines.push(md`**Last success:** ${s.lastSuccessAt !== undefined ? when(s.lastSuccessAt) : md`never`}`);
  if (s.lastError) {
    const recovered = s.lastSuccessAt !== undefined && s.lastSuccessAt > s.lastError.at;
    lines.push(md`**Last error:** ${inlineCode(s.lastError.code)} ${when(s.lastError.at)}${recovered ? md` (recovered since)` : ''}: ${escapeMarkdown(clip(s.lastError.message, 300))}`);
  }
  if (s.failures > 0) lines.push(md`**Failures in a row:** ${s.failures}`);
  lines.push(md`**Next check:** ${s.nextPollAt !== undefined ? when(s.nextPollAt) : md`none (disabled)`}`);
  lines.push(md`**Posts to:** ${s.channelId ? md`${channelMention(s.channelId)} and the daily digest` : md`the library and the daily digest`}`);
  lines.push(md`**New items so far:** ${s.deliveredCount}`);
  if (s.skippedCount > 0) {
    lines.push(md`**Left out (too long for the library):** ${s.skippedCount}${s.lastSkipped ? md`, last ${when(s.lastSkipped.at)}: ${escapeMarkdown(clip(s.lastSkipped.reason, 300))}` : ''}`);
  }
  if (retention) lines.push(...retentionStatusLines(retention, s.url));
  return lines;
}

function statusEmbed(s: FeedStatus, retention?: RetentionReport): Embed {
  return {
    title: escapeMarkdown(clip(s.title ?? s.url, 256)),
    url: s.url,
    description: joinMarkdown([address(s.url), ...statusLines(s, retention)], md`\n`),
    color: s.state === 'disabled' ? COLORS.error : s.state === 'pending' ? COLORS.warning : COLORS.brand,
  };
}

async function add(ctx: CommandContext): Promise<void> {
  const feeds = feedsOf(ctx);
  const url = urlOption(ctx);
  const channelId = ctx.options.getChannelId('channel');
  await ctx.defer();
  let warning: Markdown | '' = '';
  if (channelId && feeds.poster) {
    const check = await feeds.poster.checkChannel(ctx.guildId, channelId);
    if (!check.ok) {
      const why = check.code === 'MISSING_PERMISSIONS' ? md`missing ${escapeMarkdown((check.missing ?? []).join(', '))}` : md`not a text channel I can see`;
      warning = md`\n⚠️ I cannot post in ${channelMention(channelId)} yet (${why}); new items still reach the library and the digest.`;
    }
  }
  const status = await feeds.service.add(ctx.guildId, url, { addedBy: ctx.user.id, ...(channelId !== undefined && { channelId }) });
  const announcedBy = status.discoveredFrom ? md` (the feed announced by ${address(clip(status.discoveredFrom, 300))})` : '';
  const name = md`**${escapeMarkdown(clip(status.title ?? status.url, 200))}**${announcedBy}`;
  const content =
    status.state === 'pending' && status.lastError
      ? md`Now following ${name}, but the site is refusing requests for now (${escapeMarkdown(clip(status.lastError.message, 300))}). I will try again ${status.nextPollAt ? when(status.nextPollAt) : md`later`}; what the feed holds then is recorded, not posted, and new items arrive after that.${warning}`
      : md`Now following ${name}. What the feed holds today was recorded and will not be posted; new items arrive from now on.${warning}`;
  await ctx.reply({ content, embeds: [statusEmbed(status)] });
}

async function remove(ctx: CommandContext): Promise<void> {
  const removed = await feedsOf(ctx).service.remove(ctx.guildId, urlOption(ctx));
  await ctx.reply({ content: md`Stopped following **${escapeMarkdown(clip(removed.title ?? removed.url, 200))}**. Articles it brought stay in the library.` });
}

async function list(ctx: CommandContext): Promise<void> {
  const all = await feedsOf(ctx).service.list(ctx.guildId);
  if (all.length === 0) {
    await ctx.reply({ content: md`This server follows no feeds yet. Add one with \`/feed add url:<feed address>\`.`, ephemeral: true });
    return;
  }
  const lines = all.map(
    (s, i) =>
      md`${i + 1}. ${STATE_SYMBOL[s.state]} **${escapeMarkdown(clip(s.title ?? s.url, 90))}**${s.channelId ? md` → ${channelMention(s.channelId)}` : ''}\n   ${address(clip(s.url, 200))}`,
  );
  await ctx.reply({
    embeds: [
      {
        title: md`Feeds (${all.length} of ${FEED_LIMITS.feedsPerServer})`,
        description: joinMarkdown(lines, md`\n`),
        color: COLORS.brand,
        footer: '/feed status url:<address> shows last success, last error and next check',
      },
    ],
  });
}

async function status(ctx: CommandContext): Promise<void> {
  const all = await feedsOf(ctx).service.list(ctx.guildId);
  const url = ctx.options.getString('url')?.trim();
  const chosen = url ? all.filter((s) => s.url === url || s.url === url.replace(/#.*$/, '')) : all;
  if (url && chosen.length === 0) throw new BotError('USAGE', { hint: 'This server does not follow that feed; `/feed list` shows the ones it does.' });
  if (chosen.length === 0) {
    await ctx.reply({ content: md`This server follows no feeds yet.`, ephemeral: true });
    return;
  }
  const retention = await ctx.services.library.retention(ctx.guildId);
  await ctx.reply({ embeds: chosen.slice(0, 10).map((s) => statusEmbed(s, retention)), ...(chosen.length > 10 && { content: md`Showing 10 of ${chosen.length} feeds; pick one with \`url\`.` }) });
}

export default {
  data: new SlashCommandBuilder()
    .setName('feed')
    .setDescription('RSS, Atom and JSON feeds that bring articles into this server')
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Follow a feed: new items become articles (and the digest picks them up)')
        .addStringOption((o) => o.setName('url').setDescription('The feed address (RSS, Atom, RDF or JSON Feed)').setRequired(true).setMaxLength(MAX_URL_CHARS))
        .addChannelOption((o) =>
          o.setName('channel').setDescription('Also post each new item here (optional)').addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Stop following a feed')
        .addStringOption((o) => o.setName('url').setDescription('The feed address').setRequired(true).setAutocomplete(true).setMaxLength(MAX_URL_CHARS)),
    )
    .addSubcommand((s) => s.setName('list').setDescription('The feeds this server follows'))
    .addSubcommand((s) =>
      s
        .setName('status')
        .setDescription('Last success, last error and next check of the feeds')
        .addStringOption((o) => o.setName('url').setDescription('One feed (default: all)').setAutocomplete(true).setMaxLength(MAX_URL_CHARS)),
    ),
  heavy: (ctx) => ctx.options.subcommand === 'add',
  async execute(ctx) {
    requireManager(ctx);
    switch (ctx.options.subcommand) {
      case 'add':
        return add(ctx);
      case 'remove':
        return remove(ctx);
      case 'list':
        return list(ctx);
      case 'status':
        return status(ctx);
      default:
        throw new BotError('USAGE', { hint: 'Use `/feed add`, `/feed remove`, `/feed list` or `/feed status`.' });
    }
  },
  async autocomplete(ctx) {
    const feeds = ctx.services.feeds;
    if (!feeds) return [];
    const q = ctx.focused.value.trim().toLowerCase();
    return (await feeds.service.list(ctx.guildId))
      .filter((s) => q === '' || s.url.toLowerCase().includes(q) || (s.title ?? '').toLowerCase().includes(q))
      .slice(0, 25)
      .filter((s) => s.url.length <= 100)
      .map((s) => ({ name: clip(`${s.title ?? s.url} (${s.url.replace(/^https?:\/\//, '')})`, 100), value: s.url }));
  },
} satisfies Command;
