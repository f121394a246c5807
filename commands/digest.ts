/**
 * /digest set | off | status | preview: the server's daily digest of new articles (from feeds and
 * from members), posted silently at a local time in an IANA time zone on chosen days. Set and off
 * need Manage Server; status and preview are for everyone (preview is ephemeral).
 */
import { ChannelType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/core/command';
import type { CommandContext } from '../src/core/context';
import { BotError } from '../src/core/errors';
import { requireManageServer } from '../src/core/permissions';
import { channelMention, discordTime, escapeMarkdown, joinMarkdown, md, type Markdown } from '../src/core/markdown';
import { COLORS, type Reply } from '../src/core/reply';
import { describeDays, type Digest, type DigestRuntime } from '../src/digest/index';
import { timezoneChoices } from '../src/digest/schedule';
import type { DigestRun, StoredSchedule } from '../src/store/ports';

const when = (d: Date | number, style: 'R' | 'F' | 'f' = 'R'): Markdown => discordTime(new Date(d).getTime(), style);

/** The next run in the server's own zone ("Saturday 28 November, 08:00"), then relative for the reader. */
function nextRunLine(at: Date | number, timeZone: string): Markdown {
  const local = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(at))
    .replace(' at ', ', ');
  return md`${escapeMarkdown(`${local} ${timeZone}`)} (${when(at)})`;
}

function digestsOf(ctx: CommandContext): DigestRuntime {
  const digests = ctx.services.digests;
  if (!digests) throw new BotError('NOT_ON_THIS_SURFACE', { hint: 'Digests are not available here.' });
  return digests;
}

function scheduleLine(s: StoredSchedule): Markdown {
  return md`**${escapeMarkdown(`${s.time} ${s.timezone}`)}**, ${escapeMarkdown(describeDays(s.days))}, in ${channelMention(s.channelId)}`;
}

function runLine(run: DigestRun): Markdown {
  switch (run.status) {
    case 'sent':
      return md`sent ${when(run.finishedAt ?? run.claimedAt)} with ${run.articleCount} article${run.articleCount === 1 ? '' : md`s`}`;
    case 'empty':
      return md`nothing new on ${escapeMarkdown(run.localDate)}, so nothing was posted`;
    case 'failed':
      return md`failed ${when(run.finishedAt ?? run.claimedAt)} (${escapeMarkdown(run.reason ?? 'unknown reason')})${run.messageIds.length > 0 ? md`, after ${run.messageIds.length} message(s)` : ''}`;
    case 'sending':
      return md`started ${when(run.claimedAt)} and was interrupted (it is not sent again, to avoid a double post)`;
  }
}

const PROBLEMS: Record<string, string> = {
  MISSING_PERMISSIONS: 'I am missing permissions there',
  CHANNEL_NOT_FOUND: 'I cannot see that channel (deleted, or hidden from me)',
  NOT_TEXT_CHANNEL: 'that is not a channel I can post in',
};

async function set(ctx: CommandContext): Promise<void> {
  requireManageServer(ctx);
  const digests = digestsOf(ctx);
  const channelId = ctx.options.getChannelId('channel') ?? ctx.channelId;
  const saved = await digests.set({
    guildId: ctx.guildId,
    channelId,
    time: ctx.options.getString('time') ?? '',
    timezone: ctx.options.getString('timezone') ?? '',
    ...(ctx.options.getString('days') !== undefined && { days: ctx.options.getString('days')! }),
  });
  const status = await digests.status(ctx.guildId);
  let warning: Markdown | '' = '';
  if (digests.poster) {
    const check = await digests.poster.checkChannel(ctx.guildId, channelId);
    if (!check.ok) {
      const problem = escapeMarkdown(`${PROBLEMS[check.code] ?? check.code}${check.missing?.length ? `: ${check.missing.join(', ')}` : ''}`);
      warning = md`\n⚠️ ${problem}. The digest waits until that is fixed.`;
    }
  }
  await ctx.reply({
    content: md`Daily digest set: ${scheduleLine(saved)}.${status.nextRunAt ? md` Next: ${nextRunLine(status.nextRunAt, saved.timezone)}.` : ''} It is posted silently, only on days with something new.${warning}`,
  });
}

async function off(ctx: CommandContext): Promise<void> {
  requireManageServer(ctx);
  const done = await digestsOf(ctx).off(ctx.guildId);
  await ctx.reply({ content: done ? md`The daily digest is off. \`/digest set\` turns it on again.` : md`This server has no daily digest to turn off.`, ephemeral: !done });
}

async function status(ctx: CommandContext): Promise<void> {
  const s = await digestsOf(ctx).status(ctx.guildId);
  const lines: Markdown[] = [];
  if (!s.schedule) lines.push(md`No daily digest is set. Someone with Manage Server can start one with \`/digest set\`.`);
  else {
    lines.push(md`**Schedule:** ${scheduleLine(s.schedule)}${s.schedule.enabled ? '' : md` (off)`}`);
    if (s.nextRunAt) lines.push(md`**Next digest:** ${nextRunLine(s.nextRunAt, s.schedule.timezone)}`);
    if (s.schedule.blockedAt !== undefined && s.schedule.blockedReason) {
      const problem = escapeMarkdown(`${PROBLEMS[s.schedule.blockedReason] ?? s.schedule.blockedReason}${s.schedule.blockedDetail ? ` (${s.schedule.blockedDetail})` : ''}`);
      lines.push(md`**⚠️ Could not post** ${when(s.schedule.blockedAt)}: ${problem} in ${channelMention(s.schedule.channelId)}. I retry until the end of that day.`);
    }
  }
  if (s.lastRun) lines.push(md`**Last digest:** ${runLine(s.lastRun)}`);
  const count = md`${s.pendingArticles} article${s.pendingArticles === 1 ? '' : md`s`}`;
  lines.push(s.lastRun ? md`**New since the last digest:** ${count}` : md`**For the first digest:** ${count} (none has been sent yet)`);
  await ctx.reply({ embeds: [{ title: md`Daily digest`, description: joinMarkdown(lines, md`\n`), color: s.schedule?.blockedReason ? COLORS.warning : COLORS.brand }] });
}

/** The digest's messages as ephemeral replies (the first answers, the rest follow up). */
export function previewReplies(digest: Digest): Reply[] {
  return digest.messages.map((m, i) => ({
    content: i === 0 ? md`Preview (only you see this): ${m.content ?? ''}` : (m.content ?? md``),
    embeds: m.embeds.map((e) => ({ ...e })),
    ephemeral: true,
  }));
}

async function preview(ctx: CommandContext): Promise<void> {
  await ctx.defer({ ephemeral: true });
  const digests = digestsOf(ctx);
  const digest = await digests.preview(ctx.guildId);
  if (!digest) {
    // Say what is true: a server that never had a digest has no "last digest" to count from.
    const window = await digests.window(ctx.guildId);
    const content = window.first
      ? md`No digest has been sent yet, and nothing is new since ${when(window.since, 'f')} (a first digest covers the day before it), so it would not be posted. Add articles or feeds and try again.`
      : md`Nothing new since ${when(window.since, 'f')}, so the next digest would not be posted. Add articles or feeds and try again.`;
    await ctx.reply({ content, ephemeral: true });
    return;
  }
  const [first, ...rest] = previewReplies(digest);
  await ctx.reply(first!);
  for (const r of rest) await ctx.followUp(r);
}

/** Days people pick most, offered as they type. */
const DAY_SUGGESTIONS = ['daily', 'weekdays', 'mon,wed,fri', 'tue,thu', 'sat,sun', 'mon'];

export default {
  data: new SlashCommandBuilder()
    .setName('digest')
    .setDescription('The daily digest of new articles')
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('set')
        .setDescription('Post a digest of new articles at a local time (needs Manage Server)')
        .addChannelOption((o) => o.setName('channel').setDescription('Where to post it').setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement))
        .addStringOption((o) => o.setName('time').setDescription('Local time, HH:MM on a 24-hour clock (e.g. 08:00)').setRequired(true).setMaxLength(5))
        .addStringOption((o) => o.setName('timezone').setDescription('IANA time zone, e.g. Europe/Berlin').setRequired(true).setAutocomplete(true).setMaxLength(64))
        .addStringOption((o) => o.setName('days').setDescription('daily (default), weekdays, or days like mon,wed,fri').setAutocomplete(true).setMaxLength(60)),
    )
    .addSubcommand((s) => s.setName('off').setDescription('Stop the daily digest (needs Manage Server)'))
    .addSubcommand((s) => s.setName('status').setDescription('When the next digest goes out, and how the last one went'))
    .addSubcommand((s) => s.setName('preview').setDescription('What the next digest would hold right now (only you see it)')),
  heavy: (ctx) => ctx.options.subcommand === 'preview',
  async execute(ctx) {
    switch (ctx.options.subcommand) {
      case 'set':
        return set(ctx);
      case 'off':
        return off(ctx);
      case 'status':
        return status(ctx);
      case 'preview':
        return preview(ctx);
      default:
        throw new BotError('USAGE', { hint: 'Use `/digest set`, `/digest off`, `/digest status` or `/digest preview`.' });
    }
  },
  autocomplete(ctx) {
    const q = ctx.focused.value.trim().toLowerCase();
    if (ctx.focused.name === 'days') {
      const typed = q === '' || DAY_SUGGESTIONS.includes(q) ? [] : [q];
      return [...typed, ...DAY_SUGGESTIONS.filter((d) => d.startsWith(q) || q === '')].slice(0, 25).map((d) => ({ name: d, value: d }));
    }
    // IANA names holding every typed word ("york" -> America/New_York); an abbreviation's usual zones first ("est").
    return timezoneChoices(q, 25).map((z) => ({ name: z, value: z }));
  },
} satisfies Command;
