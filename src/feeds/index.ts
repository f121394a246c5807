/**
 * Feeds: RSS 2.0, Atom, RDF and JSON Feed parsed by feedsmith, polled through the safe fetcher
 * with conditional GET, deduplicated, and turned into articles; their announcements go through the
 * outbox to the gateway that owns the server (OutboxSender).
 */
export { FeedError, FEED_ERROR_CODES, type FeedErrorCode } from './errors';
export { parseFeedDocument, type FeedFormat, type FeedItem, type ParsedFeed } from './parse';
export { assertSafeXml } from './xml-safety';
export { discoverFeedLinks, FEED_LINK_TYPES } from './discover';
export { normalizeUrl, normalizeTitle, itemKeys, feedUrlKey } from './normalize';
export { POLL_TIMING, PERMANENT_FAILURES, backoffDelay, nextPollDelay, shouldDisable } from './timing';
export { articleFromItem, isTeaser, TEASER_RULES, type ArticleInput, type MakeArticle, type FetchPage } from './full-text';
export { FeedPoller, POLLER_LIMITS, type DeliveryResult, type FeedDelivery, type FeedSkip, type FetchFeed, type FeedFetchResult, type PollReport } from './poller';
export { createFeedService, FEED_LIMITS, type FeedService, type FeedStatus, type FeedState } from './service';
export { createFeedRuntime, type FeedRoles, type FeedRuntime, type FeedRuntimeDeps, type FeedSenderOptions } from './runtime';
export { OutboxSender, OUTBOX_RULES, classifySendError, outboxNonce, parseAnnouncement, retryDelay, type OutboxSenderDeps, type SendFailure } from './outbox-sender';
export { FILTER_LIMITS, parseKeywords, matchText, firstMatch, passesFilter, hasFilter, type KeywordFilter, type KeywordProblem } from './filter';
export { threadName, THREAD_NAME_MAX, type FeedPoster, type FeedTargetCheck, type FeedTargetProblem, type ItemThread } from './poster';
