/**
 * /ask through the real bot against the fake Discord: the answer with the sentence it comes from,
 * who-said questions answered from the quotes, "Not found" with the closest sentence labelled as a
 * hint, which article is meant (option, thread, only article, or a choice), and refusals.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/article';
import { articleIdOf } from '../../src/article/model';
import { fetchOptionsFromConfig } from '../../src/fetch';
import { analyzeArticle } from '../../src/nlp/analyze';
import { answerQuestion, prepareIndex } from '../../src/nlp/qa';
import { opt, type OptionValue } from '../support/fake-discord';
import type { Harness } from '../support/bot-harness';
import { botPerFile, userFactory } from '../support/bot-per-file';

const SEED_ID = '20400ca2c14b17f1';
const SEED_PATH = join(import.meta.dirname, '..', '..', 'data', 'articles', 'venezuela-agrees-to-take-back-migrants.txt');
const SEED_TITLE = "Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S";
const FROM_SEED = `From *${SEED_TITLE}*`;
const FOUND_FOOTER = 'Extracted word for word from the article; nothing is generated · confidence';
const FERRY = 'The ferry leaves the harbour at noon every day. It returns at six in the evening. Tickets for the ferry cost four euros for adults.';
let h: Harness;
const someone = userFactory(440000000000000000n, 'curious');
const ask = (options: OptionValue[], extra: { channelId?: string; channelType?: number } = {}) =>
  h.fake.answer(h.fake.slash({ name: 'ask', options, user: someone(), ...extra }));

/** What the Q&A core answers on the seed, to check the reply shows exactly that. */
async function coreAnswer(question: string) {
  const seed = await loadArticle(SEED_PATH, { fetch: fetchOptionsFromConfig(h.config) });
  return answerQuestion(prepareIndex(seed.text), question, { quotes: analyzeArticle(seed).quotes });
}

botPerFile((started) => (h = started));

describe('/ask on the seed article', () => {
  it('GIVEN no article and only the seed in the server THEN it answers from the seed: Nicolas Maduro, in bold in its sentence', async () => {
    const a = await ask([opt.string('question', 'Who did Grenell meet?')]);
    expect(a.ephemeral).toBe(false);
    const e = a.body.embeds[0];
    expect(e.author.name).toBe('Q: Who did Grenell meet?');
    expect(e.title).toBe('Nicolas Maduro');
    expect(e.description).toBe(
      `${FROM_SEED}\n\n> The Republican president's announcement came the day after US envoy Richard Grenell met with Venezuelan President **Nicolas Maduro** in the South American country on Friday and brought six US citizens back with him.`,
    );
    expect(e.footer.text).toBe(`${FOUND_FOOTER} 100%`);
  });

  it.each([
    ['When did Trump take office?', 'Jan. 20'],
    ['Who refused a US military deportation flight?', 'Mexico'],
  ])('GIVEN "%s" with article:venezuela THEN %s', async (question, answer) => {
    const a = await ask([opt.string('question', question), opt.string('article', 'venezuela')]);
    expect(a.body.embeds[0].title).toBe(answer);
    expect(a.body.embeds[0].description).toContain(`**${answer}**`);
  });

  it('GIVEN "What did Grenell say about the visit?" THEN his quotes, verbatim, with speaker and cue', async () => {
    const question = 'What did Grenell say about the visit?';
    const core = await coreAnswer(question);
    const a = await ask([opt.string('question', question), opt.string('article', SEED_ID)]);
    const e = a.body.embeds[0];
    expect(e.title).toBe('What Richard Grenell said');
    expect(e.description).toBe(`${FROM_SEED}

> “The only award for Maduro was my physical presence, the first senior US official to visit the country in years”
— **Richard Grenell** (quoted as saying) · as “he”

> “It was a big gift to him to have a visit by an envoy of President Trump”
— **Richard Grenell** · as “he”

> there were no financial or other concessions promised to Maduro
— **Richard Grenell** (said) · reported speech`);
    expect(e.footer.text).toBe(`${FOUND_FOOTER} ${Math.round(core.confidence * 100)}%`);
  });

  it('GIVEN "Who said the visit was a big gift?" THEN Richard Grenell, with the quote', async () => {
    const a = await ask([opt.string('question', 'Who said the visit was a big gift?'), opt.string('article', SEED_ID)]);
    const e = a.body.embeds[0];
    expect(e.title).toBe('Richard Grenell');
    expect(e.description).toBe(`${FROM_SEED}\n\n> “It was a big gift to him to have a visit by an envoy of President Trump”\n— **Richard Grenell** · as “he”`);
  });

  it('GIVEN "What is the capital of France?" THEN "Not found in the article", and no sentence comes close', async () => {
    const a = await ask([opt.string('question', 'What is the capital of France?'), opt.string('article', SEED_ID)]);
    expect(a.ephemeral).toBe(false);
    const e = a.body.embeds[0];
    expect(e.title).toBe('Not found in the article');
    expect(e.description).toBe(
      `I could not find an answer to this in *${SEED_TITLE}*; I only answer with what the article says.\n\nNo sentence in the article comes close to this question.`,
    );
    expect(e.footer.text).toBe('Lede answers only from the article text, word for word; nothing is generated.');
  });

  it('GIVEN a question with related words but no answer THEN "Not found" with the closest sentence labelled as a hint', async () => {
    const question = 'How many migrants will Venezuela take back?';
    const core = await coreAnswer(question);
    expect(core.found).toBe(false);
    expect(core.sentence).not.toBeNull();
    const a = await ask([opt.string('question', question), opt.string('article', SEED_ID)]);
    const e = a.body.embeds[0];
    expect(e.title).toBe('Not found in the article');
    expect(e.description).toBe(
      `I could not find an answer to this in *${SEED_TITLE}*; I only answer with what the article says.\n\n**Closest sentence (a hint, not an answer):**\n> ${core.sentence!.text.trim()}`,
    );
  });
});

describe('/ask: which article', () => {
  it('GIVEN several articles and no article option outside a thread THEN an ephemeral choice of the newest, one click answers', async () => {
    await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('text', FERRY), opt.string('title', 'Ferry timetable')], user: someone() }));
    const a = await ask([opt.string('question', 'When does the ferry leave?')]);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe(
      'Which article is this about? This server has 2. Pick one of the newest below, or: Run `/ask` again with `article:` (suggestions appear as you type), or ask in an article’s discussion thread.',
    );
    const buttons = a.body.components[0].components;
    expect(buttons.map((b: { custom_id: string; label: string }) => [b.custom_id, b.label])).toEqual([
      [`askin:${articleIdOf(FERRY)}:When does the ferry leave?`, 'Ferry timetable'],
      [`askin:${SEED_ID}:When does the ferry leave?`, "Trump announces Venezuela's agreement to take back illegal migrants detained…"],
    ]);
    const click = await h.fake.answer(h.fake.click({ customId: buttons[0].custom_id, messageId: '1', user: someone() }));
    expect(click.ephemeral).toBe(false);
    expect(click.body.embeds[0].title).toBe('noon');
    expect(click.body.embeds[0].description).toBe('From *Ferry timetable*\n\n> The ferry leaves the harbour at **noon** every day.');
  });

  it('GIVEN a question too long to ride on a button THEN the choice is explained in words only', async () => {
    const long = `When does the ferry leave the harbour on a normal weekday morning in the winter months of the year?`;
    const a = await ask([opt.string('question', long)]);
    expect(a.body.content).toBe(
      'Which article is this about? This server has 2. Run `/ask` again with `article:` (suggestions appear as you type), or ask in an article’s discussion thread.',
    );
    expect(a.body.components).toEqual([]);
  });

  it('GIVEN /ask without article inside an article’s discussion thread THEN it answers from that article', async () => {
    const show = h.fake.slash({ name: 'article', subcommand: 'show', options: [opt.string('article', articleIdOf(FERRY))], user: someone() });
    await h.fake.answer(show);
    const messageId = h.fake.originalMessageId(show)!;
    await h.fake.answer(h.fake.click({ customId: `adiscuss:${articleIdOf(FERRY)}`, messageId, user: someone() }));
    const threadId = messageId; // the fake gives a message's thread the message's id, like Discord
    const a = await ask([opt.string('question', 'How much is a ferry ticket for adults?')], { channelId: threadId, channelType: 11 });
    expect(a.body.embeds[0].title).toBe('four euros');
    expect(a.body.embeds[0].description).toBe('From *Ferry timetable*\n\n> Tickets for the ferry cost **four euros** for adults.');
  });

  it('GIVEN an unknown article THEN "no article matches", ephemeral', async () => {
    const a = await ask([opt.string('question', 'Who?'), opt.string('article', 'atlantis')]);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('No article in this server matches “atlantis”. Use `/article list` to see them, or pick one from the suggestions.');
  });

  it.each(['?', '¿?!', '…'])('GIVEN question:%s (no word) THEN a usage error, not "not found"', async (question) => {
    const a = await ask([opt.string('question', question), opt.string('article', SEED_ID)]);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('`question` needs words, for example `/ask question: Who did Grenell meet?`.');
  });

  it('GIVEN a question of 601 characters THEN refused as too long', async () => {
    const a = await ask([opt.string('question', 'why '.repeat(151).slice(0, 601)), opt.string('article', SEED_ID)]);
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe('`question` is too long (at most 600 characters).');
  });

  it('GIVEN the article option focused THEN articles are suggested', async () => {
    const cb = await h.fake.callback(h.fake.autocomplete({ name: 'ask', options: [opt.string('question', 'x'), opt.string('article', 'ferry', true)], user: someone() }));
    expect(cb.body.data.choices[0].value).toBe(articleIdOf(FERRY));
  });
});
