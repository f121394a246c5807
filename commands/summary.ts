/**
 * /summary article [sentences 1-10]: the article's most telling sentences, copied word for word in
 * article order, with its title, source link and date, the top keywords and "reduced by N%". A
 * text too short to condense gets "too short" instead of a summary that is most of the text.
 * Rare summaries longer than one embed are paged: `spage:<articleId>:<sentences>:<page>`. The
 * reply itself is src/core/render/summary.ts (the "Summarize" message menu shares it).
 */
import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { articleAutocomplete, articleOption, resolveArticleOption } from '../src/core/article-option';
import type { Command } from '../src/core/command';
import { BotError } from '../src/core/errors';
import { pageFromArg } from '../src/core/paging';
import { LOADED_NOTE } from '../src/core/render/article';
import { summaryReply } from '../src/core/render/summary';
import { looksLikeUrl } from '../src/library';
import { DEFAULT_SENTENCES, MAX_SENTENCES, MIN_SENTENCES } from '../src/nlp/summarize';

export default {
  data: new SlashCommandBuilder()
    .setName('summary')
    .setDescription('The gist of an article in its own words: key sentences, keywords, how much shorter')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) => articleOption(o))
    .addIntegerOption((o) =>
      o
        .setName('sentences')
        .setDescription(`How many sentences (${MIN_SENTENCES}-${MAX_SENTENCES}, default ${DEFAULT_SENTENCES})`)
        .setMinValue(MIN_SENTENCES)
        .setMaxValue(MAX_SENTENCES),
    ),
  heavy: (ctx) => looksLikeUrl(ctx.options.getString('article') ?? ''),
  async execute(ctx) {
    const sentences = ctx.options.getInteger('sentences') ?? DEFAULT_SENTENCES;
    if (!Number.isInteger(sentences) || sentences < MIN_SENTENCES || sentences > MAX_SENTENCES) {
      throw new BotError('USAGE', { hint: `\`sentences\` is a whole number from ${MIN_SENTENCES} to ${MAX_SENTENCES}.` });
    }
    const { article, loaded } = await resolveArticleOption(ctx);
    await ctx.reply(await summaryReply(ctx, article, sentences, 0, loaded ? LOADED_NOTE : undefined));
  },
  autocomplete: articleAutocomplete,
  components: {
    async spage(ctx) {
      const [articleId = '', n, page] = ctx.args;
      const article = await ctx.services.library.find(ctx.guildId, articleId);
      if (!article) throw new BotError('ARTICLE_REMOVED');
      const sentences = Math.min(MAX_SENTENCES, Math.max(MIN_SENTENCES, Number.parseInt(n ?? '', 10) || DEFAULT_SENTENCES));
      const reply = await summaryReply(ctx, article, sentences, pageFromArg(page));
      if (reply.ephemeral) throw new BotError('STALE_BUTTON');
      await ctx.update(reply);
    },
  },
} satisfies Command;
