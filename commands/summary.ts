/**
 * /summary article [sentences 1-10]: the article's most telling sentences, copied word for word in
 * article order, with its title, source link and date, the top keywords and "reduced by N%". A
 * text too short to condense gets "too short" instead of a summary that is most of the text.
 * Rare summaries longer than one embed are paged: `spage:<articleId>:<sentences>:<page>`.
 */
import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { articleAutocomplete, articleOption, resolveArticleOption } from '../src/core/article-option';
import type { Command } from '../src/core/command';
import type { Invocation } from '../src/core/context';
import { BotError } from '../src/core/errors';
import { paginateBlocks, pageFromArg } from '../src/core/paging';
import { describeSource, LOADED_NOTE } from '../src/core/render/article';
import { escapeMarkdown, joinMarkdown, md, type Markdown } from '../src/core/markdown';
import { safePageButtons } from '../src/core/render/quotes-page';
import { COLORS, type EmbedField, type Reply } from '../src/core/reply';
import { clip, looksLikeUrl } from '../src/library';
import { segment } from '../src/nlp/segment';
import { DEFAULT_SENTENCES, MAX_SENTENCES, MIN_SENTENCES, summarize, type SummaryResult } from '../src/nlp/summarize';
import type { StoredArticle } from '../src/store/ports';

/** Room for the sentences in one embed: with fields (a source link can be 2 KB) it stays under the 6000 total. */
const PAGE_CHARS = 3200;
/** Keywords shown: enough to say what the piece is about, few enough to scan. */
const KEYWORDS_SHOWN = 8;

export const FOOTER = 'Every sentence is quoted word for word from the source, in article order; nothing is generated.';

/** The summary to show, and the article's sentence count, both from its one stored analysis. */
async function summaryOf(ctx: Invocation, article: StoredArticle, sentences: number): Promise<{ result: SummaryResult; total: number }> {
  const analysis = await ctx.services.library.analysis(article);
  const result = sentences === DEFAULT_SENTENCES && analysis.summary ? analysis.summary : summarize(article.text, { sentences, title: article.title });
  return { result, total: analysis.sentenceCount };
}

/** The most sentences this text allows (0 when none): what "too short" should suggest. */
function largestPossible(article: StoredArticle, below: number): number {
  const seg = segment(article.text);
  for (let n = below - 1; n >= MIN_SENTENCES; n--) if (!summarize(article.text, { seg, sentences: n, title: article.title }).tooShort) return n;
  return 0;
}

const dateField = (a: StoredArticle): EmbedField | undefined => {
  if (a.publishedAt) return { name: md`Published`, value: escapeMarkdown(a.publishedAt.slice(0, 10)), inline: true };
  if (a.guildId !== null) return { name: md`Added`, value: escapeMarkdown(a.addedAt.slice(0, 10)), inline: true };
  return undefined;
};

async function summaryReply(ctx: Invocation, article: StoredArticle, sentences: number, page: number, note?: Markdown): Promise<Reply> {
  const { result, total } = await summaryOf(ctx, article, sentences);
  const title = md`“${escapeMarkdown(clip(article.title, 120))}”`;
  if (result.tooShort) {
    const max = sentences > MIN_SENTENCES ? largestPossible(article, sentences) : 0;
    return {
      content: max
        ? md`${title} is too short for a ${sentences}-sentence summary. Ask for \`sentences:${max}\` or fewer.`
        : md`${title} is too short to summarize: a summary would be most of the text. \`/article show\` shows it whole.`,
      ephemeral: true,
    };
  }
  const pages = paginateBlocks(
    result.sentences.map((s) => escapeMarkdown(s.text.trim())),
    { maxChars: PAGE_CHARS, separator: '\n\n' },
  );
  const p = Math.min(page, pages.length - 1);
  const fields: EmbedField[] = [];
  if (result.keywords.length) {
    fields.push({
      name: md`Keywords`,
      value: joinMarkdown(
        result.keywords.slice(0, KEYWORDS_SHOWN).map((k) => escapeMarkdown(k)),
        md` · `,
      ),
    });
  }
  fields.push({ name: md`Source`, value: describeSource(article), inline: true });
  const date = dateField(article);
  if (date) fields.push(date);
  fields.push({
    name: md`Length`,
    value: md`${result.sentences.length} of ${total} sentences · reduced by ${result.reducedByPercent}%`,
    inline: true,
  });
  const buttons = safePageButtons('spage', [article.id, sentences], p, pages.length);
  return {
    ...(note && { content: note }),
    embeds: [
      {
        author: 'Summary',
        title: escapeMarkdown(article.title),
        ...(article.url && { url: article.url }),
        description: joinMarkdown(pages[p] ?? [], md`\n\n`),
        fields,
        footer: `${pages.length > 1 ? `Page ${p + 1} of ${pages.length} · ` : ''}${FOOTER}`,
        color: COLORS.brand,
      },
    ],
    buttons: buttons ? [buttons] : [],
  };
}

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
