/**
 * /ask question [article]: an answer drawn word for word from the article, with the sentence it
 * comes from; who-said questions ("What did Grenell say?") are answered from the quotes. Without
 * `article`: the article of the discussion thread it is asked in, else the server's only article,
 * else a choice of the newest articles as buttons `askin:<articleId>:<question>` (when the question
 * fits in a button id) so one click answers it.
 */
import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { articleAutocomplete, articleOption, resolveArticleOption } from '../src/core/article-option';
import type { Command } from '../src/core/command';
import type { CommandContext, Invocation } from '../src/core/context';
import { CustomIdError, encodeCustomId } from '../src/core/custom-id';
import { BotError } from '../src/core/errors';
import { LIMITS } from '../src/core/limits';
import { LOADED_NOTE } from '../src/core/render/article';
import { askReply } from '../src/core/render/ask';
import { md, type Markdown } from '../src/core/markdown';
import type { Button, Reply } from '../src/core/reply';
import { clip, looksLikeUrl, MAX_QUESTION_CHARS } from '../src/library';
import type { StoredArticle } from '../src/store/ports';

/** Articles offered as buttons when the question names none: one row. */
const CHOICES = LIMITS.buttonsPerRow;

/** The answer, through the path thread @mentions take too (and the process's one Q&A index cache). */
const answerReply = (ctx: Invocation, article: StoredArticle, question: string, note?: Markdown): Promise<Reply> => askReply(ctx.services, article, question, note);

/** The question as a button id carries it (':' separates the id's parts and means nothing to the rules). */
const questionKey = (q: string): string => q.replace(/:/g, ' ');

/** No article given and none implied: offer the newest ones. */
function chooseReply(ctx: Invocation, question: string, total: number, articles: readonly { id: string; title: string }[]): Reply {
  const buttons: Button[] = [];
  for (const a of articles.slice(0, CHOICES)) {
    try {
      buttons.push({ customId: encodeCustomId('askin', a.id, questionKey(question)), label: clip(a.title, LIMITS.buttonLabel), style: 'secondary' });
    } catch (err) {
      if (!(err instanceof CustomIdError)) throw err;
      break; // the question is too long to ride on a button: the words below say what to do
    }
  }
  const how = md`Run \`/ask\` again with \`article:\` (suggestions appear as you type), or ask in an article’s discussion thread.`;
  return {
    content: buttons.length
      ? md`Which article is this about? This server has ${total}. Pick one of the newest below, or: ${how}`
      : md`Which article is this about? This server has ${total}. ${how}`,
    buttons: buttons.length ? [buttons] : [],
    ephemeral: true,
  };
}

async function execute(ctx: CommandContext): Promise<void> {
  const question = ctx.options.getString('question')?.trim() ?? '';
  if (!question) throw new BotError('USAGE', { hint: 'Give `question`, for example `/ask question: Who did Grenell meet?`.' });
  // "?" or "!!!" asks nothing: say how to ask rather than search the article for it.
  if (!/[\p{L}\p{N}]/u.test(question)) {
    throw new BotError('USAGE', { hint: '`question` needs words, for example `/ask question: Who did Grenell meet?`.' });
  }
  if (question.length > MAX_QUESTION_CHARS) throw new BotError('OPTION_TOO_LONG', { option: 'question', max: MAX_QUESTION_CHARS });
  const { library, threads } = ctx.services;
  if (ctx.options.getString('article')?.trim()) {
    const { article, loaded } = await resolveArticleOption(ctx);
    await ctx.reply(await answerReply(ctx, article, question, loaded ? LOADED_NOTE : undefined));
    return;
  }
  const thread = await threads.get(ctx.channelId);
  if (thread && thread.guildId === ctx.guildId) {
    const article = await library.find(ctx.guildId, thread.articleId);
    if (!article) throw new BotError('ARTICLE_REMOVED');
    await ctx.reply(await answerReply(ctx, article, question));
    return;
  }
  const newest = await library.list(ctx.guildId, 0, CHOICES);
  if (newest.total === 0) {
    throw new BotError('USAGE', { hint: 'This server has no articles yet. Add one with `/article add`, then ask about it.' });
  }
  if (newest.total === 1) {
    await ctx.reply(await answerReply(ctx, await library.get(ctx.guildId, newest.items[0]!.id), question));
    return;
  }
  await ctx.reply(chooseReply(ctx, question, newest.total, newest.items));
}

export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question about an article: the answer and the sentence it comes from')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) => o.setName('question').setDescription('Your question, e.g. Who did Grenell meet?').setRequired(true).setMaxLength(MAX_QUESTION_CHARS))
    .addStringOption((o) => articleOption(o, { description: 'The article (default: this thread’s article)', required: false })),
  heavy: (ctx) => looksLikeUrl(ctx.options.getString('article') ?? ''),
  execute,
  autocomplete: articleAutocomplete,
  components: {
    async askin(ctx) {
      const [articleId = '', question = ''] = ctx.args;
      const article = await ctx.services.library.find(ctx.guildId, articleId);
      if (!article) throw new BotError('ARTICLE_REMOVED');
      if (!question.trim()) throw new BotError('STALE_BUTTON');
      await ctx.reply(await answerReply(ctx, article, question));
    },
  },
} satisfies Command;
