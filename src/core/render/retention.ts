/**
 * What a server keeps, in words: the retention policy and what it pruned this week, for the
 * `/article list` footer and `/feed status`. Admins see here what would otherwise happen silently.
 */
import { prunedTotal, type RetentionReport } from '../../library/retention';
import type { PruneTally } from '../../store/ports';
import { discordTime, joinMarkdown, md, type Markdown } from '../markdown';
import { counted } from '../plural';

/** Member adds are mentioned in the footer from this share of their bound on: before it they are no news. */
const MEMBER_NOTE_SHARE = 0.9;

/** A count as people read it ("100,000"): digits and commas, nothing Markdown reads. */
const n = (value: number): Markdown => value.toLocaleString('en-US') as Markdown;


/**
 * The footer line of `/article list`, plain text (footers show no Markdown):
 * "Feed items kept 365 days, up to 100,000 (12,345 now) · 230 pruned this week".
 */
export function retentionFooter(r: RetentionReport): string {
  const pruned = prunedTotal(r);
  const parts = [
    `Feed items kept ${counted(r.policy.feedRetentionDays, 'day')}, up to ${n(r.policy.maxFeedItemsPerServer)} (${n(r.feedItems)} now)`,
    pruned > 0 ? `${n(pruned)} pruned this week` : 'none pruned this week',
  ];
  if (r.memberArticles >= r.policy.maxMemberArticlesPerServer * MEMBER_NOTE_SHARE) {
    parts.push(`added by members ${n(r.memberArticles)} of ${n(r.policy.maxMemberArticlesPerServer)}`);
  }
  return parts.join(' · ');
}

/** Why a tally's items went, in words. */
function why(t: PruneTally, r: RetentionReport): Markdown {
  return t.reason === 'ceiling'
    ? md`${n(t.count)} oldest to stay within ${counted(r.policy.maxFeedItemsPerServer, 'feed item')} (last ${discordTime(Date.parse(t.lastAt))})`
    : md`${n(t.count)} older than ${counted(r.policy.feedRetentionDays, 'day')} (last ${discordTime(Date.parse(t.lastAt))})`;
}

/**
 * `/feed status` lines for one feed: the server's library against the policy, and this feed's
 * items pruned this week with why and when (none: no line).
 */
export function retentionStatusLines(r: RetentionReport, feedUrl: string): Markdown[] {
  const all = prunedTotal(r);
  const lines = [
    md`**Library:** ${n(r.feedItems)} of at most ${counted(r.policy.maxFeedItemsPerServer, 'feed item')} (all feeds), kept ${counted(r.policy.feedRetentionDays, 'day')}, oldest pruned first; ${all > 0 ? md`${n(all)} pruned this week` : md`none pruned this week`}`,
  ];
  const mine = r.pruned.filter((t) => t.feedUrl === feedUrl);
  if (mine.length > 0) lines.push(md`**Pruned this week:** ${joinMarkdown(mine.map((t) => why(t, r)), md`; `)}`);
  return lines;
}
