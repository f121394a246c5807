import { describe, expect, it } from 'vitest';
import { ArticleError } from '../../src/article';
import { FetchError } from '../../src/fetch';
import { BotError } from '../../src/core/errors';
import { describeError, formatBytes, UNEXPECTED } from '../../src/core/messages';
import { scrubSecrets } from '../../src/core/logger';
import { LibraryError } from '../../src/library';
import { ArticleWorkError } from '../../src/workers';

describe('describeError: the one code -> words table', () => {
  it.each([
    [new FetchError('FETCH_BLOCKED_ADDRESS', 'http://169.254.169.254/', 'blocked'), 'FETCH_BLOCKED_ADDRESS', 'private, local or cloud-internal'],
    [new FetchError('FETCH_HTTP_STATUS', 'https://x.test', 'status', { status: 403 }), 'FETCH_HTTP_STATUS', 'HTTP 403 (it refuses automated readers)'],
    [new LibraryError('LIBRARY_FULL', 'full', { limit: 20_000 }), 'LIBRARY_FULL', 'limit of 20,000 articles added by members (feed items do not count)'],
    [new LibraryError('ATTACHMENT_TOO_LARGE', 'x', { size: 104857600, limit: 5242880, fileName: 'a.txt' }), 'ATTACHMENT_TOO_LARGE', 'a.txt is 100 MB; the largest file I read is 5.0 MB.'],
    [new ArticleError('ARTICLE_BINARY', 'bin'), 'ARTICLE_BINARY', 'not text'],
    [new LibraryError('ARTICLE_TOO_LONG', 'x', { size: 1_234_567, limit: 400_000 }), 'ARTICLE_TOO_LONG', 'That article is 1,234,567 characters long; I analyse articles of up to 400,000 characters (about 62,000 words).'],
    [new BotError('BOT_MISSING_PERMISSIONS', { missing: ['Create Public Threads', 'Send Messages in Threads'] }), 'BOT_MISSING_PERMISSIONS', 'Create Public Threads, Send Messages in Threads'],
    [new BotError('RATE_LIMITED', { retryAfterMs: 4200 }), 'RATE_LIMITED', 'Try again in 5 s.'],
    [new ArticleWorkError('ARTICLE_TOO_SLOW', 'x', { limitMs: 30_000 }), 'ARTICLE_TOO_SLOW', 'Reading that article took longer than 30 s, so I stopped. Ordinary articles, even very long ones, take a few seconds; this one looks built to be hard to read.'],
    [new ArticleWorkError('ARTICLE_TOO_SLOW', 'x', { limitMs: 250 }), 'ARTICLE_TOO_SLOW', 'Reading that article took longer than 250 ms, so I stopped.'],
    [new ArticleWorkError('ANALYSIS_CRASHED', 'x', { outOfMemory: true }), 'ANALYSIS_CRASHED', 'Reading that article needed more memory than I give one article, so I stopped. Ordinary articles, even very long ones, fit easily; this one looks built to be hard to read.'],
    [new ArticleWorkError('ANALYSIS_CRASHED', 'x', { outOfMemory: false }), 'ANALYSIS_CRASHED', 'The worker reading that article stopped unexpectedly; it has been logged and replaced. Please try again in a moment.'],
    [new ArticleWorkError('ANALYSIS_BUSY', 'x', { limit: 32 }), 'ANALYSIS_BUSY', 'I am reading many articles right now. Please try again in a minute.'],
    [new ArticleWorkError('ANALYSIS_STOPPED', 'x'), 'ANALYSIS_STOPPED', 'I am restarting right now. Please try again in a few seconds.'],
  ])('GIVEN %s THEN code %s and words containing %j', (err, code, words) => {
    const d = describeError(err);
    expect(d.code).toBe(code);
    expect(d.expected).toBe(true);
    expect(d.text).toContain(words);
  });

  it('GIVEN a bug THEN a generic message, never the error text', () => {
    expect(describeError(new TypeError('secret internals'))).toEqual({ code: 'UNEXPECTED', text: UNEXPECTED, expected: false });
  });

  it('GIVEN every code of every error class THEN each has words (the table is complete)', () => {
    const bot = ['USAGE', 'RATE_LIMITED', 'BOT_MISSING_PERMISSIONS', 'MEMBER_MISSING_PERMISSIONS', 'THREAD_EXISTS', 'GUILD_ONLY', 'NOT_ON_THIS_SURFACE', 'STALE_BUTTON', 'SHUTTING_DOWN', 'OPTION_TOO_LONG', 'ARTICLE_REMOVED'] as const;
    for (const c of bot) expect(describeError(new BotError(c)).text.length).toBeGreaterThan(10);
    const article = ['ARTICLE_EMPTY', 'ARTICLE_BINARY', 'ARTICLE_TOO_LARGE', 'ARTICLE_FILE_NOT_FOUND', 'ARTICLE_UNREADABLE', 'ARTICLE_NO_CONTENT'] as const;
    for (const c of article) expect(describeError(new ArticleError(c, 'x')).expected).toBe(true);
  });

  it.each([
    [512, '512 bytes'],
    [2048, '2 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
    [100 * 1024 * 1024, '100 MB'],
  ])('formatBytes(%i) = %s', (n, s) => expect(formatBytes(n)).toBe(s));
});

describe('scrubSecrets', () => {
  it('GIVEN interaction and webhook URLs and a bot token THEN the secrets are replaced', () => {
    const text =
      'POST /api/v10/interactions/123456/aW50ZXJhY3Rpb246abc_DEF-123/callback and /webhooks/999/tok.en~x/messages/@original with MTAwMDAwMDAwMDAwMDAwMDAx.GaBcDe.abcdefghijklmnopqrstuvwxyz01234';
    expect(scrubSecrets(text)).toBe(
      'POST /api/v10/interactions/123456/[token]/callback and /webhooks/999/[token]/messages/@original with [token]',
    );
  });
});
