/**
 * /feed add | edit | remove | list | status (Manage Server): RSS, Atom, RDF and JSON feeds that bring
 * articles into the server. New items go into the library (and the daily digest); with a channel,
 * each also gets a short silent post there: a message (default), a message with a thread per item,
 * or a forum post per item. Include/exclude keywords choose which items a server takes. Following a
 * feed puts its latest items in the library at once (not posted). Thin: read options, call the feed
 * service, render.
 */
import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, type SlashCommandStringOption } from 'discord.js';
import type { Command } from '../src/core/command';
import type { CommandContext } from '../src/core/context';
import { BotError } from '../src/core/errors';
import { requireManageServer } from '../src/core/permissions';
import { channelMention, discordTime, escapeMarkdown, inlineCode, joinMarkdown, md, type Markdown } from '../src/core/markdown';
import { COLORS, type Embed } from '../src/core/reply';
import { FEED_LIMITS, type FeedRuntime, type FeedStatus } from '../src/feeds/index';
import { FILTER_LIMITS, parseKeywords, type KeywordProblem } from '../src/feeds/filter';
import type { FeedTargetCheck } from '../src/feeds/poster';
import type { FeedDeliveryMode, SubscriptionPatch } from '../src/store/ports';
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

/** How each delivery mode is named in replies, after the channel. */
const DELIVERY_LABEL: Record<FeedDeliveryMode, Markdown | ''> = { message: '', thread: md` (a thread per item)`, forum: md` (a forum post per item)` };

const DELIVERY_MODES: readonly FeedDeliveryMode[] = ['message', 'thread', 'forum'];

function deliveryOption(ctx: CommandContext): FeedDeliveryMode | undefined {
  const raw = ctx.options.getString('delivery');
  if (raw === undefined) return undefined;
  const mode = DELIVERY_MODES.find((m) => m === raw);
  if (!mode) throw new BotError('USAGE', { hint: '`delivery` is one of: message, thread, forum.' });
  return mode;
}

const KEYWORD_PROBLEM: { [K in KeywordProblem['kind']]: (p: Extract<KeywordProblem, { kind: K }>, option: string) => string } = {
  'too-long': (p, option) => `\`${option}\` takes at most ${p.max} characters.`,
  'too-many': (p, option) => `\`${option}\` takes at most ${p.max} keywords.`,
  'keyword-too-long': (p, option) => `A keyword in \`${option}\` is longer than ${p.max} characters: "${escapeMarkdown(clip(p.keyword, 80))}".`,
  'no-word': (p, option) => `The keyword "${escapeMarkdown(p.keyword)}" in \`${option}\` has no letters or digits.`,
};

/** Keywords from `include:` or `exclude:` (comma-separated); undefined when the option is not given. */
function keywordsOption(ctx: CommandContext, option: 'include' | 'exclude'): string[] | undefined {
  const raw = ctx.options.getString(option);
  if (raw === undefined) return undefined;
  const parsed = parseKeywords(raw);
  if (!parsed.ok) {
    const describe = KEYWORD_PROBLEM[parsed.problem.kind] as (p: KeywordProblem, option: string) => string;
    throw new BotError('USAGE', { hint: `${describe(parsed.problem, option)} Separate keywords with commas, for example \`${option}:harbour, city council\`.` });
  }
  return parsed.keywords;
}

const keywordList = (words: readonly string[]): Markdown => joinMarkdown(words.map((w) => md`**${escapeMarkdown(w)}**`), md`, `);

/** The filter lines of a feed's status, when it has keywords. */
function filterLines(s: FeedStatus): Markdown[] {
  const lines: Markdown[] = [];
  if (s.include) lines.push(md`**Only items with:** ${keywordList(s.include)} (whole words, in the title or text)`);
  if (s.exclude) lines.push(md`**Leaving out items with:** ${keywordList(s.exclude)}`);
  return lines;
}

/** Why the bot cannot post a feed's items where it is asked to, in a few words. */
function targetProblem(check: Exclude<FeedTargetCheck, { ok: true }>): Markdown {
  switch (check.code) {
    case 'MISSING_PERMISSIONS':
      return md`missing ${escapeMarkdown((check.missing ?? []).join(', '))}`;
    case 'FORUM_NEEDS_FORUM_DELIVERY':
      return md`it is a forum channel: use \`delivery:forum\``;
    case 'NOT_FORUM_CHANNEL':
      return md`it is not a forum channel`;
    case 'FORUM_NEEDS_TAG':
      return md`the forum requires a tag on each post and has none I may apply`;
    default:
      return md`not a text channel I can see`;
  }
}

/**
 * Whether the bot can deliver there, this way (undefined without Discord). A forum channel with
 * message or thread delivery, or forum delivery elsewhere, is refused: nothing could ever be posted.
 */
async function checkTarget(ctx: CommandContext, feeds: FeedRuntime, channelId: string, delivery: FeedDeliveryMode): Promise<FeedTargetCheck | undefined> {
  const check = await feeds.poster?.checkFeedTarget(ctx.guildId, channelId, delivery);
  if (check && !check.ok && check.code === 'FORUM_NEEDS_FORUM_DELIVERY') {
    throw new BotError('USAGE', { hint: `${channelMention(channelId)} is a forum channel: it takes posts, not messages. Use \`delivery:forum\` to make each item a post there.` });
  }
  if (check && !check.ok && check.code === 'NOT_FORUM_CHANNEL') {
    throw new BotError('USAGE', { hint: `\`delivery:forum\` needs a forum channel, and ${channelMention(channelId)} is not one. Pick a forum in \`channel\`, or use \`delivery:thread\` for a thread per item.` });
  }
  if (check && !check.ok && check.code === 'FORUM_NEEDS_TAG') {
    throw new BotError('USAGE', {
      hint: `${channelMention(channelId)} requires a tag on every post, and has no tag I may apply. Add a tag that is not moderated (a tag with "News" or "Feed" in its name is the one I use), give me Manage Threads there, or turn off "Require people to select tags when posting".`,
    });
  }
  return check;
}

/** A channel is needed to post threads or forum posts. */
function requireChannelFor(delivery: FeedDeliveryMode, channelId: string | undefined): void {
  if (delivery !== 'message' && channelId === undefined) {
    throw new BotError('USAGE', { hint: `\`delivery:${delivery}\` needs a \`channel\` to post in${delivery === 'forum' ? ' (a forum channel)' : ''}.` });
  }
}

/** The state as one symbol, for the list. */
const STATE_SYMBOL: Record<FeedStatus['state'], Markdown> = { active: md`🟢`, pending: md`🟡`, disabled: md`🔴` };

/** The feed's address, shown as a link without a preview (`<url>`), or as text when it is not http(s). */
const address = (url: string): Markdown => (/^https?:\/\/[^\s<>]+$/i.test(url) ? md`<${url as Markdown}>` : escapeMarkdown(url));

/**
 * One feed's status lines; with the server's retention report, what the library keeps and what this
 * feed lost to it; with a check of its channel, why the bot cannot post there now.
 */
export function statusLines(s: FeedStatus, retention?: RetentionReport, target?: FeedTargetCheck): Markdown[] {
  const lines = [md`**State:** ${STATE_LABEL[s.state]}${s.disabledReason ? md` (${inlineCode(s.disabledReason)}: run \`/feed add\` again to retry)` : ''}`];
  lines.push(md`**Last success:** ${s.lastSuccessAt !== undefined ? when(s.lastSuccessAt) : md`never`}`);
  if (s.lastError) {
    const recovered = s.lastSuccessAt !== undefined && s.lastSuccessAt > s.lastError.at;
    lines.push(md`**Last error:** ${inlineCode(s.lastError.code)} ${when(s.lastError.at)}${recovered ? md` (recovered since)` : ''}: ${escapeMarkdown(clip(s.lastError.message, 300))}`);
  }
  if (s.failures > 0) lines.push(md`**Failures in a row:** ${s.failures}`);
  lines.push(md`**Next check:** ${s.nextPollAt !== undefined ? when(s.nextPollAt) : md`none (disabled)`}`);
  lines.push(md`**Posts to:** ${s.channelId ? md`${channelMention(s.channelId)}${DELIVERY_LABEL[s.delivery]} and the daily digest` : md`the library and the daily digest`}`);
  if (s.channelId && target && !target.ok) lines.push(md`**Cannot post:** ⚠️ ${targetProblem(target)} in ${channelMention(s.channelId)}; new items still reach the library and the digest.`);
  lines.push(...filterLines(s));
  lines.push(md`**New items so far:** ${s.deliveredCount}`);
  if (s.skippedCount > 0) {
    lines.push(md`**Left out (too long for the library):** ${s.skippedCount}${s.lastSkipped ? md`, last ${when(s.lastSkipped.at)}: ${escapeMarkdown(clip(s.lastSkipped.reason, 300))}` : ''}`);
  }
  if (s.undatedItems) {
    const { count, of } = s.undatedItems;
    const which = count < of ? md`${count} of the ${of} items` : of === 1 ? md`the item` : md`all ${of} items`;
    lines.push(md`**Dates:** ${which} in the last check had no readable date; the time each was first seen is used`);
  }
  if (retention) lines.push(...retentionStatusLines(retention, s.url));
  return lines;
}

function statusEmbed(s: FeedStatus, retention?: RetentionReport, target?: FeedTargetCheck): Embed {
  return {
    title: escapeMarkdown(clip(s.title ?? s.url, 256)),
    url: s.url,
    description: joinMarkdown([address(s.url), ...statusLines(s, retention, target)], md`\n`),
    color: s.state === 'disabled' ? COLORS.error : s.state === 'pending' ? COLORS.warning : COLORS.brand,
  };
}

/** The warning under a reply when the bot cannot post in the feed's channel yet. */
function targetWarning(channelId: string | undefined, check: FeedTargetCheck | undefined): Markdown | '' {
  if (!channelId || !check || check.ok) return '';
  return md`\n⚠️ I cannot post in ${channelMention(channelId)} yet (${targetProblem(check)}); new items still reach the library and the digest.`;
}

/** What following the feed put in the library at once. */
function loadedWords(loaded: number | undefined, readElsewhere?: true): Markdown {
  // Another Lede process (a worker) held the feed's first read and had not finished it: say so, not that it was recorded.
  if (readElsewhere) return md`Another Lede process is reading this feed right now: its latest items reach the library within moments, without being posted; new items arrive from then on.`;
  if (loaded === undefined || loaded === 0) return md`What the feed holds today was recorded and will not be posted; new items arrive from now on.`;
  const items = loaded === 1 ? md`Its latest item is` : md`Its latest ${loaded} items are`;
  return md`${items} in the library now, not posted (\`/summary\`, \`/quotes\` and \`/ask\` work on ${loaded === 1 ? md`it` : md`them`}); new items arrive from now on.`;
}

async function add(ctx: CommandContext): Promise<void> {
  const feeds = feedsOf(ctx);
  const url = urlOption(ctx);
  const channelId = ctx.options.getChannelId('channel');
  const delivery = deliveryOption(ctx) ?? 'message';
  const include = keywordsOption(ctx, 'include');
  const exclude = keywordsOption(ctx, 'exclude');
  requireChannelFor(delivery, channelId);
  await ctx.defer();
  const check = channelId ? await checkTarget(ctx, feeds, channelId, delivery) : undefined;
  const warning = targetWarning(channelId, check);
  const status = await feeds.service.add(ctx.guildId, url, {
    addedBy: ctx.user.id,
    ...(channelId !== undefined && { channelId }),
    ...(delivery !== 'message' && { delivery }),
    ...(include !== undefined && { include }),
    ...(exclude !== undefined && { exclude }),
  });
  const announcedBy = status.discoveredFrom ? md` (the feed announced by ${address(clip(status.discoveredFrom, 300))})` : '';
  const name = md`**${escapeMarkdown(clip(status.title ?? status.url, 200))}**${announcedBy}`;
  const content =
    status.state === 'pending' && status.lastError
      ? md`Now following ${name}, but the site is refusing requests for now (${escapeMarkdown(clip(status.lastError.message, 300))}). I will try again ${status.nextPollAt ? when(status.nextPollAt) : md`later`}; what the feed holds then is recorded, not posted (its latest items go into the library), and new items arrive after that.${warning}`
      : md`Now following ${name}. ${loadedWords(status.loaded, status.readElsewhere)}${warning}`;
  await ctx.reply({ content, embeds: [statusEmbed(status, undefined, check)] });
}

const CLEAR_CHOICES = ['filters', 'include', 'exclude', 'channel'] as const;
type ClearChoice = (typeof CLEAR_CHOICES)[number];

async function edit(ctx: CommandContext): Promise<void> {
  const feeds = feedsOf(ctx);
  const url = ctx.options.getString('feed')?.trim() ?? '';
  if (url.length > MAX_URL_CHARS) throw new BotError('OPTION_TOO_LONG', { option: 'feed', max: MAX_URL_CHARS });
  const channelId = ctx.options.getChannelId('channel');
  const delivery = deliveryOption(ctx);
  const include = keywordsOption(ctx, 'include');
  const exclude = keywordsOption(ctx, 'exclude');
  const clearRaw = ctx.options.getString('clear');
  const clear = clearRaw === undefined ? undefined : CLEAR_CHOICES.find((c) => c === clearRaw);
  if (clearRaw !== undefined && clear === undefined) throw new BotError('USAGE', { hint: '`clear` is one of: filters, include, exclude, channel.' });
  const clears = (what: ClearChoice) => clear === what || (clear === 'filters' && (what === 'include' || what === 'exclude'));
  if (clears('include') && include !== undefined) throw new BotError('USAGE', { hint: 'Give `include` or clear it, not both.' });
  if (clears('exclude') && exclude !== undefined) throw new BotError('USAGE', { hint: 'Give `exclude` or clear it, not both.' });
  if (clear === 'channel' && channelId !== undefined) throw new BotError('USAGE', { hint: 'Give `channel` or clear it, not both.' });
  if (channelId === undefined && delivery === undefined && include === undefined && exclude === undefined && clear === undefined) {
    throw new BotError('USAGE', { hint: 'Say what to change: `channel`, `delivery`, `include`, `exclude`, or `clear`.' });
  }
  const before = await feeds.service.get(ctx.guildId, url);
  const nextChannel = clear === 'channel' ? undefined : (channelId ?? before.channelId);
  // Without a channel there is nothing to post: the delivery goes back to the default.
  const nextDelivery = delivery ?? (clear === 'channel' ? 'message' : before.delivery);
  requireChannelFor(nextDelivery, nextChannel);
  const check = nextChannel ? await checkTarget(ctx, feeds, nextChannel, nextDelivery) : undefined;
  const patch: SubscriptionPatch = {
    ...(clear === 'channel' ? { channelId: null } : channelId !== undefined && { channelId }),
    ...(nextDelivery !== before.delivery && { delivery: nextDelivery }),
    ...(clears('include') ? { include: [] } : include !== undefined && { include }),
    ...(clears('exclude') ? { exclude: [] } : exclude !== undefined && { exclude }),
  };
  const status = await feeds.service.edit(ctx.guildId, url, patch);
  await ctx.reply({
    content: md`Updated **${escapeMarkdown(clip(status.title ?? status.url, 200))}**. Changes apply to new items from the next check.${targetWarning(nextChannel, check)}`,
    embeds: [statusEmbed(status, undefined, check)],
  });
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
  const lines = all.map((s, i) => {
    const filters = joinMarkdown(
      [...(s.include ? [md`only ${keywordList(s.include)}`] : []), ...(s.exclude ? [md`not ${keywordList(s.exclude)}`] : [])],
      md` · `,
    );
    return md`${i + 1}. ${STATE_SYMBOL[s.state]} **${escapeMarkdown(clip(s.title ?? s.url, 90))}**${s.channelId ? md` → ${channelMention(s.channelId)}${DELIVERY_LABEL[s.delivery]}` : ''}\n   ${address(clip(s.url, 200))}${filters ? md`\n   ${filters}` : ''}`;
  });
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
  const shown = chosen.slice(0, 10);
  const feeds = feedsOf(ctx);
  // Checked now, as before each post: a missing permission shows here like a feed's last error.
  const targets = await Promise.all(shown.map((s) => (s.channelId ? feeds.poster?.checkFeedTarget(ctx.guildId, s.channelId, s.delivery) : undefined)));
  await ctx.reply({ embeds: shown.map((s, i) => statusEmbed(s, retention, targets[i])), ...(chosen.length > 10 && { content: md`Showing 10 of ${chosen.length} feeds; pick one with \`url\`.` }) });
}

function deliveryChoices(o: SlashCommandStringOption): SlashCommandStringOption {
  return o
    .setName('delivery')
    .setDescription('How each new item is posted in the channel (default: a message)')
    .addChoices(
      { name: 'a message in the channel', value: 'message' },
      { name: 'a message with a thread per item', value: 'thread' },
      { name: 'a post per item in a forum channel', value: 'forum' },
    );
}

function keywordsChoice(o: SlashCommandStringOption, name: 'include' | 'exclude', description: string): SlashCommandStringOption {
  return o.setName(name).setDescription(description).setMaxLength(FILTER_LIMITS.optionChars);
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
          o
            .setName('channel')
            .setDescription('Also post each new item here (optional; a forum channel with delivery:forum)')
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum),
        )
        .addStringOption((o) => deliveryChoices(o))
        .addStringOption((o) => keywordsChoice(o, 'include', 'Only items with one of these words or phrases, comma-separated'))
        .addStringOption((o) => keywordsChoice(o, 'exclude', 'Leave out items with any of these words or phrases, comma-separated')),
    )
    .addSubcommand((s) =>
      s
        .setName('edit')
        .setDescription('Change where and how a feed posts, and which items it takes')
        .addStringOption((o) => o.setName('feed').setDescription('The feed address').setRequired(true).setAutocomplete(true).setMaxLength(MAX_URL_CHARS))
        .addChannelOption((o) =>
          o
            .setName('channel')
            .setDescription('Post new items here (a forum channel with delivery:forum)')
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum),
        )
        .addStringOption((o) => deliveryChoices(o))
        .addStringOption((o) => keywordsChoice(o, 'include', 'Only items with one of these words or phrases, comma-separated'))
        .addStringOption((o) => keywordsChoice(o, 'exclude', 'Leave out items with any of these words or phrases, comma-separated'))
        .addStringOption((o) =>
          o
            .setName('clear')
            .setDescription('Remove keywords, or the channel (items then reach only the library and digest)')
            .addChoices(
              { name: 'all keywords', value: 'filters' },
              { name: 'include keywords', value: 'include' },
              { name: 'exclude keywords', value: 'exclude' },
              { name: 'channel', value: 'channel' },
            ),
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
    requireManageServer(ctx);
    switch (ctx.options.subcommand) {
      case 'add':
        return add(ctx);
      case 'edit':
        return edit(ctx);
      case 'remove':
        return remove(ctx);
      case 'list':
        return list(ctx);
      case 'status':
        return status(ctx);
      default:
        throw new BotError('USAGE', { hint: 'Use `/feed add`, `/feed edit`, `/feed remove`, `/feed list` or `/feed status`.' });
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
