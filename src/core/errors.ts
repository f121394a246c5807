/**
 * Expected failures raised by the Discord layer itself (usage, rate limit, permissions...). Like
 * LibraryError/FetchError/ArticleError they carry a stable code; src/core/messages.ts is the one
 * table that turns every code into words.
 */
export type BotErrorCode =
  /** A command was used wrongly (missing or conflicting options); `details.hint` says how. */
  | 'USAGE'
  /** The user ran too many commands too quickly; `details.retryAfterMs`. */
  | 'RATE_LIMITED'
  /** The bot lacks channel permissions; `details.missing` names them. */
  | 'BOT_MISSING_PERMISSIONS'
  /** The member lacks a permission the action needs; `details.missing`. */
  | 'MEMBER_MISSING_PERMISSIONS'
  /** A thread already exists on that message; `details.hint` is its mention. */
  | 'THREAD_EXISTS'
  /** Used outside a server (DMs). */
  | 'GUILD_ONLY'
  /** A feature that does not exist on this surface (threads in the console). */
  | 'NOT_ON_THIS_SURFACE'
  /** A button from an old message that no longer makes sense (other server, bad state). */
  | 'STALE_BUTTON'
  /** The bot is shutting down and takes no new work. */
  | 'SHUTTING_DOWN'
  /** An option value longer than the command accepts; `details.option`, `details.max`. */
  | 'OPTION_TOO_LONG'
  /** A button or thread whose article has since been removed. */
  | 'ARTICLE_REMOVED'
  /** A message menu (Summarize, Key quotes, Save article) used on a message with no article link or readable file. */
  | 'NO_ARTICLE_IN_MESSAGE'
  /** A feature that needs the privileged Message Content intent, which the operator has not enabled. */
  | 'MESSAGE_CONTENT_INTENT_OFF';

export class BotError extends Error {
  override readonly name = 'BotError';
  constructor(
    readonly code: BotErrorCode,
    readonly details: {
      readonly hint?: string;
      readonly retryAfterMs?: number;
      readonly missing?: readonly string[];
      readonly option?: string;
      readonly max?: number;
    } = {},
  ) {
    super(code);
  }
}
