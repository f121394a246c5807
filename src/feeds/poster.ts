/**
 * What the feed runtime needs of Discord to deliver an item (the digest's sender, plus threads and
 * forum posts), injected by the bot once the client is ready (src/discord/digest-poster.ts).
 */
import type { DigestMessage } from '../digest/compose';
import type { DigestSender, SendOptions } from '../digest/scheduler';
import { stripBidiControls } from '../core/markdown';
import type { FeedDeliveryMode } from '../store/ports';

/** Why a channel cannot take a feed's items the way the subscription asks. */
export type FeedTargetProblem =
  | 'CHANNEL_NOT_FOUND'
  /** Not a channel the bot can post messages in (message or thread delivery). */
  | 'NOT_TEXT_CHANNEL'
  /** A forum channel, which takes posts, not messages: delivery must be forum. */
  | 'FORUM_NEEDS_FORUM_DELIVERY'
  /** Forum delivery into a channel that is not a forum. */
  | 'NOT_FORUM_CHANNEL'
  /** A forum that requires a tag on each post and has none the bot may apply (none, or only moderated ones without Manage Threads). */
  | 'FORUM_NEEDS_TAG'
  | 'MISSING_PERMISSIONS';

export type FeedTargetCheck = { readonly ok: true } | { readonly ok: false; readonly code: FeedTargetProblem; readonly missing?: readonly string[] };

/** A thread Lede started for an item: in a text channel on the item's message, or a forum post. */
export interface ItemThread {
  readonly threadId: string;
  /** The message the thread holds the item in (a forum post's first message has the thread's id). */
  readonly messageId: string;
}

export interface FeedPoster extends DigestSender {
  /** Whether the bot can deliver there, this way: the channel's type and the bot's own permissions. */
  checkFeedTarget(guildId: string, channelId: string, delivery: FeedDeliveryMode): Promise<FeedTargetCheck>;
  /** Post the item silently in a text channel and start a public thread on that message, named `name`. */
  sendWithThread(channelId: string, message: DigestMessage, name: string, options?: SendOptions): Promise<ItemThread>;
  /** One forum post: a new thread named `name` whose first message is the item (tagged, when the forum requires a tag). */
  postInForum(forumId: string, message: DigestMessage, name: string): Promise<ItemThread>;
}

/** Discord's longest thread (and forum post) name. */
export const THREAD_NAME_MAX = 100;

/**
 * A thread's name from an item's title: one line, without control or bidi characters, at most 100
 * characters (cut at a word with "…"), and the feed's title when the item has none.
 */
export function threadName(title: string, fallback: string): string {
  const clean = (s: string) => stripBidiControls(s).replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();
  const name = clean(title) || clean(fallback) || 'New item';
  if (name.length <= THREAD_NAME_MAX) return name;
  const cut = name.slice(0, THREAD_NAME_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > THREAD_NAME_MAX * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
