/**
 * The items a feed's first poll put in a server's library were already in the feed when the server
 * started following it: old news. They are there to be read at once (/summary, /quotes, /ask), but
 * were never announced and are not news for the digest either. The digest reads the server's
 * articles through this view of the article store, which leaves them out of the listings it walks.
 */
import type { ArticleStore, FeedsStore } from '../store/ports';

export function withoutFirstPollItems(articles: ArticleStore, feeds: Pick<FeedsStore, 'firstPollItems'>): ArticleStore {
  const view = Object.create(articles) as ArticleStore;
  return Object.assign(view, {
    async listings(guildId: string) {
      const [all, old] = await Promise.all([articles.listings(guildId), feeds.firstPollItems(guildId)]);
      return old.size === 0 ? all : all.filter((l) => !old.has(l.id));
    },
  });
}
