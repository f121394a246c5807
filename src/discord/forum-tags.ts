/**
 * Which of a forum's tags Lede puts on a feed item's post. Only a forum that requires a tag gets one
 * (Discord refuses an untagged post there, error 40067); elsewhere posts stay untagged, as the admin
 * set the forum up. A moderated tag can be applied only with Manage Threads, so it is a choice only
 * when the bot has that permission. Among the tags it may apply, one whose name says it is for news
 * or feeds ("📰 News", "RSS", "Feed items") is taken first; otherwise the first in the forum's own
 * order, which is the order the admin arranged them in.
 */

export interface ForumTag {
  readonly id: string;
  readonly name: string;
  readonly moderated: boolean;
}

/** Words in a tag's name that mark it as the place for news items and feed posts. */
const NEWS_WORDS: ReadonlySet<string> = new Set(['news', 'feed', 'feeds', 'rss', 'atom', 'article', 'articles', 'headline', 'headlines', 'update', 'updates', 'link', 'links', 'press']);

function isNewsTag(name: string): boolean {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((w) => NEWS_WORDS.has(w));
}

/** The tag for a feed post in a forum that requires one; undefined when no tag is open to the bot. */
export function tagForFeedPost(tags: readonly ForumTag[], canModerate: boolean): ForumTag | undefined {
  const usable = tags.filter((t) => canModerate || !t.moderated);
  return usable.find((t) => isNewsTag(t.name)) ?? usable[0];
}
