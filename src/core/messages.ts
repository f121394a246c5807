/**
 * The one table that turns failure codes into words for people. Every expected failure in Lede
 * (library, fetcher, article parser, the Discord layer) has a stable code; only this file (used by
 * the router for Discord and the console alike) decides how it reads.
 */
import { ArticleError } from '../article/errors';
import { ScheduleError } from '../digest/schedule';
import { FeedError } from '../feeds/errors';
import { FetchError } from '../fetch/errors';
import { LibraryError } from '../library/errors';
import { StoreUnavailableError } from '../store/unavailable';
import { ArticleWorkError } from '../workers/errors';
import { BotError } from './errors';
import { truncate } from './limits';
import { escapeMarkdown } from './markdown';
import { counted } from './plural';

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** Shown for anything unexpected (the error itself is logged, not shown). */
export const UNEXPECTED = 'Something went wrong on my side; it has been logged. Please try again in a moment.';

/**
 * Said beside an empty result (no quotes, no answer) when the article is not English: the rules
 * read English news, so "nothing found" alone would be true but misleading.
 */
export const NOT_ENGLISH = 'This article does not look like English: Lede’s rules read English news, so quotes, speakers and answers are only found in English text.';

/** What a member typed or a source wrote, quoted and escaped (the table's own words carry markdown; these values must not). */
const quote = (s: string | undefined) => `“${escapeMarkdown(truncate((s ?? '').replace(/\s+/g, ' '), 80))}”`;
const named = (s: string | undefined, otherwise: string) => (s ? escapeMarkdown(s) : otherwise);

type Describe<E> = (e: E) => string;

const LIBRARY: { [C in LibraryError['code']]: Describe<LibraryError> } = {
  ARTICLE_NOT_FOUND: (e) =>
    `No article in this server matches ${quote(e.details.ref)}. Use \`/article list\` to see them, or pick one from the suggestions.`,
  ARTICLE_AMBIGUOUS: (e) =>
    `Several articles match ${quote(e.details.ref)}:\n${(e.details.candidates ?? [])
      .map((c) => `• ${escapeMarkdown(truncate(c.title, 90))} (\`${c.id}\`)`)
      .join('\n')}\nPick one from the suggestions or give its id.`,
  LIBRARY_FULL: (e) =>
    `This server has reached its limit of ${counted(e.details.limit ?? 0, 'article')} added by members (feed items do not count). Someone with Manage Server can free room with \`/article remove\`.`,
  ARTICLE_TOO_LONG: (e) =>
    `That article is ${(e.details.size ?? 0).toLocaleString('en-US')} characters long; I analyse articles of up to ${(e.details.limit ?? 0).toLocaleString('en-US')} characters (about ${Math.round((e.details.limit ?? 0) / 6.5 / 1000)},000 words).`,
  ARTICLE_BUNDLED: () => 'That article comes bundled with Lede and is shared by every server, so it cannot be removed.',
  ATTACHMENT_TOO_LARGE: (e) =>
    `${named(e.details.fileName, 'That file')} is ${formatBytes(e.details.size ?? 0)}; the largest file I read is ${formatBytes(e.details.limit ?? 0)}.`,
  ATTACHMENT_TYPE: (e) =>
    `I read text (.txt), Markdown (.md) and HTML (.html) files; ${named(e.details.fileName, 'that file')} is none of those.`,
};

const FETCH: { [C in FetchError['code']]: Describe<FetchError> } = {
  FETCH_BAD_URL: () => 'That is not a web address I can read. Paste a full link starting with https://.',
  FETCH_PROTOCOL: (e) => `I only read http:// and https:// links${e.scheme ? `, not \`${e.scheme}:\` links` : ''}.`,
  FETCH_CREDENTIALS: () =>
    'I refuse links with a user name or password in them (the `user:password@` part), and I never send those credentials anywhere. Paste the link without them.',
  FETCH_BLOCKED_ADDRESS: () =>
    'That link points to a private, local or cloud-internal network address, which I never fetch from.',
  FETCH_DNS: () => 'The site’s name could not be found. Check the link for typos.',
  FETCH_TOO_MANY_REDIRECTS: () => 'The page redirected too many times, so I gave up.',
  FETCH_TIMEOUT: () => 'The site took too long to answer. Try again later.',
  FETCH_TOO_LARGE: () => 'The page or file is larger than I am allowed to download.',
  FETCH_HTTP_STATUS: (e) =>
    `The site answered with HTTP ${e.status ?? 'error'}${e.status === 403 || e.status === 401 ? ' (it refuses automated readers)' : ''}.`,
  FETCH_CONTENT_TYPE: () => 'That link is not an article page or a text file I can read.',
  FETCH_CHARSET: () => 'The page’s text encoding could not be read.',
  FETCH_NETWORK: () => 'The site could not be reached.',
};

const ARTICLE: Record<string, Describe<Error>> = {
  ARTICLE_EMPTY: () => 'There is no text to read there.',
  ARTICLE_BINARY: () => 'That is not text (it looks like a binary file).',
  ARTICLE_TOO_LARGE: () => 'That article is too long for me to analyse.',
  ARTICLE_FILE_NOT_FOUND: () => 'That file does not exist.',
  ARTICLE_UNREADABLE: () => 'That file could not be read.',
  ARTICLE_NO_CONTENT: () => 'I found no article text there, only markup, punctuation or boilerplate.',
};

/** Why a feed was refused when it was added, by the underlying code (FEED_REJECTED's `reason`). */
const FEED_REJECTION: Record<string, string> = {
  FEED_MALFORMED: 'it is not well-formed XML or JSON, and no complete item could be read from it (a feed cut off after some whole items is read)',
  FEED_UNRECOGNIZED: 'it is not an RSS, Atom, RDF or JSON feed (if it is a web page, look for its feed link)',
  FEED_XML_ENTITIES: 'it declares XML entities, the shape of an entity-expansion attack',
  FETCH_BLOCKED_ADDRESS: 'it points to a private, local or cloud-internal network address',
  FETCH_CREDENTIALS: 'it has a user name or password in it; I refuse such links and never send the credentials anywhere',
  FETCH_TOO_LARGE: 'it is larger than I am allowed to download',
  FETCH_TIMEOUT: 'the site took too long to answer',
  FETCH_CONTENT_TYPE: 'the site does not serve it as a feed',
  FETCH_DNS: 'the site’s name could not be found',
  FETCH_NETWORK: 'the site could not be reached',
};

const FEED: { [C in FeedError['code']]: Describe<FeedError> } = {
  FEED_XML_ENTITIES: () => 'That feed declares XML entities (the shape of an entity-expansion attack), so I refuse to read it.',
  FEED_MALFORMED: () => 'That feed is not well-formed XML or JSON, and no complete item could be read from it.',
  FEED_UNRECOGNIZED: () => 'That address is not an RSS, Atom, RDF or JSON feed.',
  FEED_INVALID_URL: () => 'A feed address must be a full link starting with https:// (or http://).',
  FEED_LIMIT: (e) => `${e.message} Someone with Manage Server can make room with \`/feed remove\`.`,
  FEED_DUPLICATE: () => 'This server already follows that feed; `/feed status` shows how it is doing.',
  FEED_NOT_FOUND: () => 'This server does not follow that feed; `/feed list` shows the ones it does.',
  FEED_REJECTED: (e) =>
    `I could not use that feed: ${FEED_REJECTION[e.reason ?? ''] ?? escapeMarkdown(truncate(e.message, 200))}${e.reason ? ` (\`${e.reason}\`)` : ''}. Nothing was added.`,
};

const BOT: { [C in BotError['code']]: Describe<BotError> } = {
  USAGE: (e) => e.details.hint ?? 'That command needs different options.',
  RATE_LIMITED: (e) =>
    `You are sending commands faster than I can read. Try again in ${Math.max(1, Math.ceil((e.details.retryAfterMs ?? 1000) / 1000))} s.`,
  BOT_MISSING_PERMISSIONS: (e) =>
    `I am missing permissions in this channel: ${(e.details.missing ?? []).join(', ')}. Ask someone with Manage Server to grant them.`,
  MEMBER_MISSING_PERMISSIONS: (e) => `You need the ${(e.details.missing ?? []).join(', ')} permission in this server to do that.`,
  THREAD_EXISTS: (e) => `This article already has a discussion thread${e.details.hint ? `: ${e.details.hint}` : ''}.`,
  GUILD_ONLY: () => 'Lede works inside servers; this command cannot be used in direct messages.',
  NOT_ON_THIS_SURFACE: (e) => e.details.hint ?? 'That only works on Discord.',
  STALE_BUTTON: () => 'That button is from an old message and no longer applies. Run the command again.',
  SHUTTING_DOWN: () => 'I am restarting right now. Please try again in a few seconds.',
  OPTION_TOO_LONG: (e) => `\`${e.details.option}\` is too long (at most ${e.details.max} characters).`,
  ARTICLE_REMOVED: () => 'That article has been removed from this server; `/article list` shows the ones it has.',
  NO_ARTICLE_IN_MESSAGE: () =>
    'That message has no article in it: no link to a web page and no attached .txt, .md or .html file. Use Apps › Summarize, Key quotes or Save article on a message that links to an article or carries one as a file.',
  MESSAGE_CONTENT_INTENT_OFF: () =>
    'Automatic summaries need to read the messages members post, which Discord allows only with the **Message Content** intent, and it is off for this bot. The bot’s operator can turn it on: in the Discord Developer Portal, on the application’s **Bot** page, enable **Message Content Intent**, then set `MESSAGE_CONTENT_INTENT=true` in the bot’s environment and restart it.',
};

/** A time limit in words: "30 s", or "250 ms" for the short limits tests and small deployments set. */
const limitWords = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 1000)} s`);

const WORK: { [C in ArticleWorkError['code']]: Describe<ArticleWorkError> } = {
  ARTICLE_TOO_SLOW: (e) =>
    `Reading that article took longer than ${limitWords(e.details.limitMs ?? 0)}, so I stopped. Ordinary articles, even very long ones, take a few seconds; this one looks built to be hard to read.`,
  ANALYSIS_CRASHED: (e) =>
    e.details.outOfMemory
      ? 'Reading that article needed more memory than I give one article, so I stopped. Ordinary articles, even very long ones, fit easily; this one looks built to be hard to read.'
      : 'The worker reading that article stopped unexpectedly; it has been logged and replaced. Please try again in a moment.',
  ANALYSIS_BUSY: () => 'I am reading many articles right now. Please try again in a minute.',
  ANALYSIS_STOPPED: () => 'I am restarting right now. Please try again in a few seconds.',
};

/** Said when the database cannot serve right now; the next command works once it is back. */
export const STORE_UNAVAILABLE = 'My database is not answering right now (it may be restarting). Nothing was changed; please try again in a few seconds.';

/** The stable code and the words for any error; `expected` is false for bugs and outages. */
export function describeError(err: unknown): { code: string; text: string; expected: boolean } {
  if (err instanceof StoreUnavailableError) return { code: err.code, text: STORE_UNAVAILABLE, expected: true };
  if (err instanceof LibraryError) return { code: err.code, text: LIBRARY[err.code](err), expected: true };
  if (err instanceof FetchError) return { code: err.code, text: FETCH[err.code](err), expected: true };
  if (err instanceof BotError) return { code: err.code, text: BOT[err.code](err), expected: true };
  if (err instanceof FeedError) return { code: err.code, text: FEED[err.code](err), expected: true };
  if (err instanceof ArticleWorkError) return { code: err.code, text: WORK[err.code](err), expected: true };
  if (err instanceof ScheduleError) return { code: err.code, text: escapeMarkdown(err.message), expected: true };
  if (err instanceof ArticleError) {
    const describe = ARTICLE[err.code];
    if (describe) return { code: err.code, text: describe(err), expected: true };
  }
  return { code: 'UNEXPECTED', text: UNEXPECTED, expected: false };
}
