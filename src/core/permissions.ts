/**
 * The bot's own channel permissions, checked before it posts or starts a thread, so it can say
 * exactly what is missing instead of failing with a 403 (and Discord bans IPs that collect many).
 */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { BotError } from './errors';

/** What each action needs, by the names Discord shows in its settings. */
export const REQUIRED = {
  startThread: ['ViewChannel', 'CreatePublicThreads', 'SendMessagesInThreads'],
  postInThread: ['ViewChannel', 'SendMessagesInThreads'],
  post: ['ViewChannel', 'SendMessages', 'EmbedLinks'],
  /** A reply to a member's message (automatic summaries): Discord refuses a reply without Read Message History. */
  replyToMessage: ['ViewChannel', 'SendMessages', 'EmbedLinks', 'ReadMessageHistory'],
  /** A feed item as a message with a thread started on it. */
  feedThread: ['ViewChannel', 'SendMessages', 'EmbedLinks', 'CreatePublicThreads', 'SendMessagesInThreads'],
  /** A feed item as a forum post (Send Messages is "Create Posts" in a forum's settings). */
  forumPost: ['ViewChannel', 'SendMessages', 'EmbedLinks'],
} as const satisfies Record<string, ReadonlyArray<keyof typeof PermissionFlagsBits>>;

/** A permission by its name in Discord's API (`ViewChannel`, `ReadMessageHistory`...). */
export type PermissionName = keyof typeof PermissionFlagsBits;

/** "Create Public Threads" from "CreatePublicThreads". */
export const permissionLabel = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1 $2');

/** The names (as people read them) of the permissions in `needed` that `have` lacks. */
export function missingPermissions(have: bigint, needed: ReadonlyArray<keyof typeof PermissionFlagsBits>): string[] {
  if ((have & PermissionFlagsBits.Administrator) !== 0n) return [];
  return needed.filter((n) => (have & PermissionFlagsBits[n]) === 0n).map(permissionLabel);
}

/** Manage Server: what `/article remove` asks of the member (Discord cannot set it per subcommand). */
export const MANAGE_GUILD = PermissionFlagsBits.ManageGuild;

/**
 * The check for the subcommands that change what a server follows or posts: Discord's
 * `default_member_permissions` applies to a whole command, not to one subcommand. In the console
 * (no member permissions) the operator may do everything.
 */
export function requireManageServer(ctx: { readonly memberPermissions?: bigint | undefined }): void {
  if (ctx.memberPermissions !== undefined && (ctx.memberPermissions & MANAGE_GUILD) === 0n) {
    throw new BotError('MEMBER_MISSING_PERMISSIONS', { missing: ['Manage Server'] });
  }
}
