import { describe, expect, it } from 'vitest';
import { tagForFeedPost, type ForumTag } from '../../src/discord/forum-tags';

const tag = (id: string, name: string, moderated = false): ForumTag => ({ id, name, moderated });

describe('tagForFeedPost', () => {
  it.each<[string, ForumTag[], boolean, string | undefined]>([
    ['no tags at all', [], false, undefined],
    ['only moderated tags, without Manage Threads', [tag('1', 'Announcements', true)], false, undefined],
    ['only moderated tags, with Manage Threads', [tag('1', 'Announcements', true)], true, '1'],
    ['no news tag: the first in the forum order', [tag('1', 'Discussion'), tag('2', 'Help')], false, '1'],
    ['a news tag after others', [tag('1', 'Discussion'), tag('2', '📰 News')], false, '2'],
    ['a feed tag by word, any case', [tag('1', 'Chat'), tag('2', 'RSS-items')], false, '2'],
    ['a moderated news tag is skipped without Manage Threads', [tag('1', 'Staff news', true), tag('2', 'Talk'), tag('3', 'Feed items')], false, '3'],
    ['a moderated news tag is taken with Manage Threads', [tag('1', 'Staff news', true), tag('2', 'Talk')], true, '1'],
    ['a word containing "news" is not the word', [tag('1', 'Newsletter signups'), tag('2', 'Updates')], false, '2'],
  ])('%s', (_, tags, canModerate, expected) => {
    expect(tagForFeedPost(tags, canModerate)?.id).toBe(expected);
  });
});
