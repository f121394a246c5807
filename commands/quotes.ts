/**
 * /quotes article [speaker]: the article's key quotes, verbatim, with who said them and the cue;
 * `speaker` keeps one person's (aliases merged: "Trump" = "President Trump"). Long lists are paged
 * with buttons `qpage:<articleId>:<speaker>:<page>` that carry the whole state. The reply itself
 * is src/core/render/key-quotes.ts (the "Key quotes" message menu shares it).
 */
import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { articleAutocomplete, articleOption, resolveArticleOption } from '../src/core/article-option';
import type { Choice, Command } from '../src/core/command';
import type { AutocompleteContext } from '../src/core/context';
import { BotError } from '../src/core/errors';
import { pageFromArg } from '../src/core/paging';
import { LOADED_NOTE } from '../src/core/render/article';
import { quotesReply } from '../src/core/render/key-quotes';
import { looksLikeUrl } from '../src/library';
import { speakerChoices } from '../src/library/speakers';

/** Longest speaker name read: names are short; the rest would only be searched in vain. */
export const MAX_SPEAKER_CHARS = 100;

export async function speakerAutocomplete(ctx: AutocompleteContext): Promise<readonly Choice[]> {
  const ref = ctx.options.getString('article')?.trim();
  let articleId: string | undefined;
  if (ref && !looksLikeUrl(ref)) {
    try {
      articleId = (await ctx.services.library.lookup(ctx.guildId, ref)).id;
    } catch {
      articleId = undefined; // not chosen yet: suggest from the whole server
    }
  }
  return speakerChoices(ctx.services.library.speakers, ctx.guildId, ctx.focused.value, articleId ? { articleId } : {});
}

export default {
  data: new SlashCommandBuilder()
    .setName('quotes')
    .setDescription('Key quotes of an article, word for word, with who said them')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) => articleOption(o))
    .addStringOption((o) =>
      o.setName('speaker').setDescription('Only this person’s quotes (pick from the suggestions)').setAutocomplete(true).setMaxLength(MAX_SPEAKER_CHARS),
    ),
  heavy: (ctx) => looksLikeUrl(ctx.options.getString('article') ?? ''),
  async execute(ctx) {
    const speaker = ctx.options.getString('speaker')?.trim() || undefined;
    if (speaker && speaker.length > MAX_SPEAKER_CHARS) throw new BotError('OPTION_TOO_LONG', { option: 'speaker', max: MAX_SPEAKER_CHARS });
    const { article, loaded } = await resolveArticleOption(ctx);
    await ctx.reply(await quotesReply(ctx, article, speaker, 0, loaded ? LOADED_NOTE : undefined));
  },
  autocomplete(ctx) {
    return ctx.focused.name === 'speaker' ? speakerAutocomplete(ctx) : articleAutocomplete(ctx);
  },
  components: {
    async qpage(ctx) {
      const [articleId = '', speaker = '', page] = ctx.args;
      const article = await ctx.services.library.find(ctx.guildId, articleId);
      if (!article) throw new BotError('ARTICLE_REMOVED');
      const reply = await quotesReply(ctx, article, speaker || undefined, pageFromArg(page));
      if (reply.ephemeral) throw new BotError('STALE_BUTTON');
      await ctx.update(reply);
    },
  },
} satisfies Command;
