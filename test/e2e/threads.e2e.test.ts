/**
 * "Discuss" threads and questions asked in them, and the bot's own permission checks, through the
 * real client against the fake Discord.
 */
import { describe, expect, it } from 'vitest';
import { articleIdOf } from '../../src/article/model';
import { BOT_PERMISSIONS, MEMBER_PERMISSIONS, opt, PERMS } from '../support/fake-discord';
import { startHarness, type Harness } from '../support/bot-harness';
import { botPerFile, userFactory } from '../support/bot-per-file';
import { expectNoPings } from './limits';

const SEED_ID = '20400ca2c14b17f1';
const SEED_TITLE = "Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S";
const FROM_SEED = `From *${SEED_TITLE}*`;
let h: Harness;
const someone = userFactory(300000000000000000n, 'member');

botPerFile((started) => (h = started));

/** Run /article show and return the id of the message it posted. */
async function showMessage(article: string): Promise<string> {
  const i = h.fake.slash({ name: 'article', subcommand: 'show', options: [opt.string('article', article)], user: someone() });
  await h.fake.answer(i);
  return h.fake.originalMessageId(i)!;
}

describe('Discuss', () => {
  let threadId = '';

  it('GIVEN a click on Discuss THEN a thread named after the article is started on that message (archive 1 day), with an intro', async () => {
    const messageId = await showMessage('venezuela');
    const click = h.fake.click({ customId: `adiscuss:${SEED_ID}`, messageId, user: someone() });
    const a = await h.fake.answer(click);
    const create = h.fake.calls.find((c) => c.method === 'POST' && c.path === `/channels/${h.fake.channelId}/messages/${messageId}/threads`);
    expect(create?.body).toEqual({ name: SEED_TITLE, auto_archive_duration: 1440 });
    threadId = messageId; // the fake gives a message thread its message's id, like Discord
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe(`Started a discussion thread: <#${threadId}>`);
    const intro = h.fake.calls.find((c) => c.method === 'POST' && c.path === `/channels/${threadId}/messages`);
    expect(intro?.body.content).toContain('Mention me with a question');
  });

  /** @mention the bot with `question` in the thread; the bot's reply (a message, not an interaction). */
  async function askInThread(question: string) {
    const before = h.fake.calls.length;
    h.fake.postMessage({ channelId: threadId, content: `<@${h.fake.botUser.id}> ${question}`, mentionBot: true, user: someone() });
    return h.fake.waitFor(() => h.fake.calls.slice(before).find((c) => c.method === 'POST' && c.path === `/channels/${threadId}/messages`));
  }

  it('GIVEN a question that @mentions the bot in the thread THEN it answers as /ask does: the answer, in bold in its sentence', async () => {
    const post = await askInThread('Who did Grenell meet?');
    const e = post.body.embeds[0];
    expect(e.author.name).toBe('Q: Who did Grenell meet?');
    expect(e.title).toBe('Nicolas Maduro');
    expect(e.description).toBe(
      `${FROM_SEED}\n\n> The Republican president's announcement came the day after US envoy Richard Grenell met with Venezuelan President **Nicolas Maduro** in the South American country on Friday and brought six US citizens back with him.`,
    );
    expect(e.footer.text).toBe('Extracted word for word from the article; nothing is generated · confidence 100%');
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(post.body.message_reference).toBeDefined();
  });

  it('GIVEN "What did Grenell say?" @mentioned in the thread THEN his quotes from the stored analysis, with speaker, cue and kind', async () => {
    const post = await askInThread('What did Grenell say?');
    const e = post.body.embeds[0];
    expect(e.author.name).toBe('Q: What did Grenell say?');
    expect(e.title).toBe('What Richard Grenell said');
    expect(e.description).toBe(`${FROM_SEED}

> there were no financial or other concessions promised to Maduro
— **Richard Grenell** (said) · reported speech

> “The only award for Maduro was my physical presence, the first senior US official to visit the country in years”
— **Richard Grenell** (quoted as saying) · as “he”

> “It was a big gift to him to have a visit by an envoy of President Trump”
— **Richard Grenell** · as “he”`);
    expect(e.footer.text).toMatch(/^Extracted word for word from the article; nothing is generated · confidence \d{1,3}%$/);
    // Same question, same article: /ask gives the very same embed.
    const a = await h.fake.answer(h.fake.slash({ name: 'ask', options: [opt.string('question', 'What did Grenell say?')], channelId: threadId, channelType: 11, user: someone() }));
    expect(a.body.embeds[0]).toEqual(e);
  });

  it('GIVEN a thread question the article does not answer THEN "Not found in the article", never a guess', async () => {
    const post = await askInThread('What is the capital of France?');
    const e = post.body.embeds[0];
    expect(e.author.name).toBe('Q: What is the capital of France?');
    expect(e.title).toBe('Not found in the article');
    expect(e.description).toBe(
      `I could not find an answer to this in *${SEED_TITLE}*; I only answer with what the article says.\n\nNo sentence in the article comes close to this question.`,
    );
    expect(e.footer.text).toBe('Lede answers only from the article text, word for word; nothing is generated.');
  });

  it('GIVEN a thread question over 600 characters THEN it is refused as /ask refuses it, not answered in part', async () => {
    const post = await askInThread(`Who did Grenell meet ${'and when '.repeat(70)}?`);
    expect(post.body.content).toBe('`question` is too long (at most 600 characters).');
    expect(post.body.embeds ?? []).toEqual([]);
  });

  it('GIVEN a thread question with related words but no answer THEN the closest sentence, labelled as a hint', async () => {
    const post = await askInThread('How many migrants will Venezuela take back?');
    const e = post.body.embeds[0];
    expect(e.title).toBe('Not found in the article');
    expect(e.description).toBe(
      `I could not find an answer to this in *${SEED_TITLE}*; I only answer with what the article says.\n\n**Closest sentence (a hint, not an answer):**\n> Trump: Venezuela agrees to take back all detained illegal migrants from the U.S. and arrange their transportation, News.Az informs via Reuters.`,
    );
  });

  it('GIVEN a message that does not mention the bot THEN no answer (no Message Content intent)', async () => {
    const before = h.fake.calls.length;
    h.fake.postMessage({ channelId: threadId, content: 'just chatting', user: someone() });
    // A later mention is answered; the earlier plain message produced nothing in between.
    h.fake.postMessage({ channelId: threadId, content: `<@${h.fake.botUser.id}>`, mentionBot: true, user: someone() });
    const post = await h.fake.waitFor(() => h.fake.calls.slice(before).find((c) => c.method === 'POST' && c.path === `/channels/${threadId}/messages`));
    expect(post.body.content).toContain('Ask me a question about the article');
    expect(h.fake.calls.slice(before).filter((c) => c.path === `/channels/${threadId}/messages`)).toHaveLength(1);
  });

  it('GIVEN Discuss clicked again on the same message THEN it points at the existing thread', async () => {
    const a = await h.fake.answer(h.fake.click({ customId: `adiscuss:${SEED_ID}`, messageId: threadId, user: someone() }));
    expect(a.body.content).toBe(`This article already has a discussion thread: <#${threadId}>.`);
  });

  it('GIVEN /article show inside the thread THEN the card comes without a Discuss button', async () => {
    const a = await h.fake.answer(
      h.fake.slash({ name: 'article', subcommand: 'show', options: [opt.string('article', 'venezuela')], channelId: threadId, channelType: 11, user: someone() }),
    );
    expect(a.body.embeds[0].title).toBe(SEED_TITLE);
    expect(a.body.components).toEqual([]);
  });

  it('GIVEN the thread link THEN it survives a restart', async () => {
    h = await h.restart();
    expect(await h.bot.core.stores.threads.get(threadId)).toMatchObject({ articleId: SEED_ID, guildId: h.fake.guild.id });
  });
});

describe('permissions and stale buttons', () => {
  it('GIVEN the bot lacks Create Public Threads THEN it says exactly what is missing and starts nothing', async () => {
    const messageId = await showMessage(SEED_ID);
    const threadPosts = () => h.fake.calls.filter((c) => c.path.endsWith('/threads')).length;
    const before = threadPosts();
    const a = await h.fake.answer(
      h.fake.click({ customId: `adiscuss:${SEED_ID}`, messageId, user: someone(), appPermissions: BOT_PERMISSIONS & ~PERMS.CreatePublicThreads }),
    );
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('I am missing permissions in this channel: Create Public Threads. Ask someone with Manage Server to grant them.');
    expect(threadPosts()).toBe(before);
  });

  it('GIVEN Discord refuses the thread (channel override) THEN the refusal is explained, not retried', async () => {
    const messageId = await showMessage(SEED_ID);
    h.fake.denyThreadCreation = true;
    try {
      const a = await h.fake.answer(h.fake.click({ customId: `adiscuss:${SEED_ID}`, messageId, user: someone() }));
      expect(a.body.content).toContain('I am missing permissions in this channel');
      expect(h.fake.calls.filter((c) => c.path === `/channels/${h.fake.channelId}/messages/${messageId}/threads`)).toHaveLength(1);
    } finally {
      h.fake.denyThreadCreation = false;
    }
  });

  it('GIVEN an article removed after its card was posted THEN its old Discuss button says so', async () => {
    const text = 'The library will close for renovation. Work starts in June and ends in October.';
    await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', text)], user: someone() }));
    const id = articleIdOf(text);
    const messageId = await showMessage(id);
    await h.fake.answer(
      h.fake.slash({ name: 'article', subcommand: 'remove', options: [opt.string('article', id)], user: someone(), memberPermissions: MEMBER_PERMISSIONS | PERMS.ManageGuild }),
    );
    const a = await h.fake.answer(h.fake.click({ customId: `adiscuss:${id}`, messageId, user: someone() }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('That article has been removed from this server; `/article list` shows the ones it has.');
  });
});

describe('the shared question cache', () => {
  it('GIVEN /ask and a thread @mention about one article THEN one cached index; removing the article drops it and its thread says so', async () => {
    const text = 'The pool opens at seven. Swimming lessons start in March and cost ten euros.';
    const id = articleIdOf(text);
    await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', text), opt.string('title', 'Pool news')], user: someone() }));
    const questions = h.bot.core.services.questions;
    expect(questions.has(id)).toBe(false);
    const a = await h.fake.answer(h.fake.slash({ name: 'ask', options: [opt.string('question', 'When does the pool open?'), opt.string('article', id)], user: someone() }));
    expect(a.body.embeds[0].title).toBe('seven');
    expect(questions.has(id)).toBe(true);
    const cached = questions.cached;

    const messageId = await showMessage(id);
    await h.fake.answer(h.fake.click({ customId: `adiscuss:${id}`, messageId, user: someone() }));
    let before = h.fake.calls.length;
    h.fake.postMessage({ channelId: messageId, content: `<@${h.fake.botUser.id}> How much do swimming lessons cost?`, mentionBot: true, user: someone() });
    let post = await h.fake.waitFor(() => h.fake.calls.slice(before).find((c) => c.method === 'POST' && c.path === `/channels/${messageId}/messages` && c.body.message_reference));
    expect(post.body.embeds[0].title).toBe('ten euros');
    expect(questions.cached).toBe(cached); // the thread reused the index /ask built

    await h.fake.answer(
      h.fake.slash({ name: 'article', subcommand: 'remove', options: [opt.string('article', id)], user: someone(), memberPermissions: MEMBER_PERMISSIONS | PERMS.ManageGuild }),
    );
    expect(questions.has(id)).toBe(false);
    before = h.fake.calls.length;
    h.fake.postMessage({ channelId: messageId, content: `<@${h.fake.botUser.id}> When does the pool open?`, mentionBot: true, user: someone() });
    post = await h.fake.waitFor(() => h.fake.calls.slice(before).find((c) => c.method === 'POST' && c.path === `/channels/${messageId}/messages`));
    expect(post.body.content).toBe('That article has been removed from this server; `/article list` shows the ones it has.');
    expect(questions.has(id)).toBe(false);
  });
});

describe('with MESSAGE_CONTENT_INTENT=true', () => {
  it('GIVEN the privileged intent THEN the bot identifies with it and answers every message in an article thread', async () => {
    const hc = await startHarness({ env: { MESSAGE_CONTENT_INTENT: 'true' } });
    try {
      expect(hc.fake.identifiedIntents).toBe(1 | 512 | 32768);
      const show = hc.fake.slash({ name: 'article', subcommand: 'show', options: [opt.string('article', 'venezuela')], user: someone() });
      await hc.fake.answer(show);
      const messageId = hc.fake.originalMessageId(show)!;
      await hc.fake.answer(hc.fake.click({ customId: `adiscuss:${SEED_ID}`, messageId, user: someone() }));
      const before = hc.fake.calls.length;
      hc.fake.postMessage({ channelId: messageId, content: 'What did the White House say?', messageContentIntent: true, user: someone() });
      const post = await hc.fake.waitFor(() => hc.fake.calls.slice(before).find((c) => c.method === 'POST' && c.path === `/channels/${messageId}/messages`));
      expect(post.body.embeds[0].author.name).toBe('Q: What did the White House say?');
      expectNoPings(hc.fake);
    } finally {
      await hc.close();
    }
  });
});
