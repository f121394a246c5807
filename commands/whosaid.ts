/**
 * /whosaid speaker and/or phrase [article]: what a person said across the server's articles (aliases
 * merged: "Trump" = "President Trump" = "Donald Trump"), or who said a phrase (tolerant of quote
 * marks, case and small wording differences), or both: that person's quotes containing the phrase.
 * Each quote comes with its article and date. Pages carry their state in the button id:
 * `wsay:<articleId|->:<speaker>:<phrase words>:<page>`.
 */
import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { articleAutocomplete, articleOption, resolveArticleOption } from '../src/core/article-option';
import type { Command } from '../src/core/command';
import type { CommandContext, Invocation } from '../src/core/context';
import { BotError } from '../src/core/errors';
import { LIMITS, truncate } from '../src/core/limits';
import { pageFromArg } from '../src/core/paging';
import { counted } from '../src/core/plural';
import { LOADED_NOTE } from '../src/core/render/article';
import { escapeMarkdown, joinMarkdown, markdownLink, md, type Markdown } from '../src/core/markdown';
import { quoteBlock } from '../src/core/render/quotes';
import { pagedQuotes, safePageButtons } from '../src/core/render/quotes-page';
import { COLORS, type Reply } from '../src/core/reply';
import { clip, looksLikeUrl } from '../src/library';
import { speakerChoices, type ArticleRef, type SpeakerSummary } from '../src/library/speakers';
import { phraseWords, type Quote } from '../src/nlp/quotes';

const PREFIX = 'wsay';
/** Longest speaker name read (names are short). */
export const MAX_SPEAKER_CHARS = 100;
/** Longest phrase read: a sentence or two; the search compares at most 40 words anyway. */
export const MAX_PHRASE_CHARS = 300;
/** Speakers named when a name has no quotes. */
const HINT_SPEAKERS = 8;
/** Characters of a button id left for speaker + phrase: 100 less prefix, separators, article id, page. */
const STATE_BUDGET = LIMITS.customId - PREFIX.length - 4 - 16 - 3;

/** What was asked, in the form the buttons carry: the same form is searched on every page. */
interface Query {
  readonly articleId: string | undefined;
  /** The index entry's name ('' when no speaker was asked). */
  readonly speaker: string;
  /** The phrase as folded words joined by spaces ('' when no phrase); cut to fit a button id. */
  readonly phrase: string;
  /** How many of the phrase's words were left out to fit. */
  readonly phraseWordsDropped: number;
  /** The phrase as typed, for the first answer (pages show the searched words). */
  readonly phraseAsTyped?: string;
}

interface Item {
  readonly article: ArticleRef;
  readonly quote: Quote;
  readonly score?: number;
}

/** The phrase's words, as many as fit in `budget` characters. */
function phraseKey(phrase: string, budget: number): { key: string; dropped: number } {
  const words = phraseWords(phrase);
  const kept: string[] = [];
  let size = 0;
  for (const w of words) {
    const add = (kept.length ? 1 : 0) + w.length;
    if (size + add > budget) break;
    kept.push(w);
    size += add;
  }
  return { key: kept.join(' '), dropped: words.length - kept.length };
}

/** The phrase without the quote marks people type around it (the title adds its own). */
const unquoted = (s: string): string => s.replace(/^["'“”‘’«»„\s]+|["'“”‘’«»„\s]+$/g, '') || s;

const dateOf = (a: ArticleRef): Markdown =>
  a.publishedAt ? escapeMarkdown(a.publishedAt.slice(0, 10)) : a.guildId === null ? md`bundled with Lede` : md`added ${escapeMarkdown(a.addedAt.slice(0, 10))}`;

/** "in [Title](url) · 2025-02-01". */
function sourceLine(a: ArticleRef): Markdown {
  const title = clip(a.title, 120);
  return md`in ${a.url ? markdownLink(title, a.url) : md`*${escapeMarkdown(title)}*`} · ${dateOf(a)}`;
}

function itemBlock(item: Item): Markdown {
  const close = item.score !== undefined && item.score < 1 ? md` · close match (${Math.round(item.score * 100)}%)` : '';
  return md`${quoteBlock(item.quote, { max: 600 })}\n${sourceLine(item.article)}${close}`;
}

function mostQuoted(top: readonly SpeakerSummary[]): Markdown {
  return joinMarkdown(
    top.map((e) => md`${escapeMarkdown(clip(e.name, 60))} (${e.quotes})`),
    md`, `,
  );
}

/** The reply for a query: the paged list, or an ephemeral "nothing found" with what there is. */
async function whosaidReply(ctx: Invocation, q: Query, page: number, note?: Markdown): Promise<Reply> {
  const { library } = ctx.services;
  const scope = q.articleId ? await library.find(ctx.guildId, q.articleId) : undefined;
  const where = scope ? md`“${escapeMarkdown(clip(scope.title, 120))}”` : md`this server’s articles`;
  let entry: SpeakerSummary | undefined;
  if (q.speaker) {
    entry = await library.speakers.find(ctx.guildId, q.speaker);
    const inArticle = entry && q.articleId ? await library.speakers.quotesIn(q.articleId) : undefined;
    const any = entry !== undefined && (!inArticle || entry.keys.some((k) => inArticle.has(k)));
    if (!entry || !any) {
      const top = await library.speakers.mostQuoted(ctx.guildId, HINT_SPEAKERS);
      const hint = top.length ? md` Most quoted: ${mostQuoted(top)}.` : md` No one is quoted in them yet.`;
      return { content: md`No quotes by “${escapeMarkdown(clip(q.speaker, 80))}” in ${where}.${hint}`, ephemeral: true };
    }
  }
  let items: Item[];
  /** Quotes and articles counted in the header (all of a speaker's, even past the ones listed). */
  let total: number;
  let articles: number;
  if (q.phrase) {
    const hits = await library.speakers.searchPhrase(ctx.guildId, q.phrase, { ...(q.articleId !== undefined && { articleId: q.articleId }), ...(entry && { speaker: entry }) });
    items = hits.map((h) => ({ article: h.article, quote: h.quote, score: h.score }));
    total = items.length;
    articles = new Set(items.map((i) => i.article.id)).size;
    if (items.length === 0) {
      const by = entry ? md` by ${escapeMarkdown(entry.name)}` : '';
      return {
        content: md`No quote${by} in ${where} matches “${escapeMarkdown(clip(q.phraseAsTyped ?? q.phrase, 120))}”, even loosely. Try fewer or different words${entry ? md`, or leave out \`speaker\`` : ''}.`,
        ephemeral: true,
      };
    }
  } else {
    // Newest article first (the library's order), then text order within an article.
    const listed = await library.speakers.quotesOf(ctx.guildId, entry!, q.articleId);
    items = [...listed.items];
    total = listed.total;
    articles = listed.articles;
  }
  const pages = pagedQuotes(items, itemBlock, page);
  const count = md`${total} quote${total === 1 ? '' : md`s`} in ${articles} article${articles === 1 ? '' : md`s`}`;
  const aliases = entry ? entry.aliases.filter((a) => a !== entry.name && !/^(?:he|she|they|it|i|we)$/i.test(a)) : [];
  const alsoWritten = joinMarkdown(
    aliases.map((a) => escapeMarkdown(clip(a, 60))).slice(0, 6),
    md`, `,
  );
  const header = joinMarkdown(
    [
      count,
      aliases.length ? md`also written ${alsoWritten}` : '',
      q.phraseWordsDropped ? md`searched the first ${counted(phraseWords(q.phrase).length, 'word')} of the phrase` : '',
      items.length < total ? md`the newest ${items.length} listed` : '',
    ].filter((part): part is Markdown => part !== ''),
    md` · `,
  );
  const asked = clip(q.phraseWordsDropped || !q.phraseAsTyped ? q.phrase : q.phraseAsTyped, 150);
  const title = q.phrase
    ? md`Who said “${escapeMarkdown(asked)}”${entry ? md` (${escapeMarkdown(clip(entry.name, 60))})` : ''}`
    : md`What ${escapeMarkdown(clip(entry!.name, 200))} said`;
  const buttons = safePageButtons(PREFIX, [q.articleId ?? '-', q.speaker, q.phrase], pages.page, pages.pageCount);
  return {
    ...(note && { content: note }),
    embeds: [
      {
        author: scope ? truncate(`Who said what · in ${scope.title}`, LIMITS.author) : 'Who said what · across this server’s articles',
        title,
        description: md`${header}\n\n${pages.text}`,
        footer: `${pages.pageCount > 1 ? `Page ${pages.page + 1} of ${pages.pageCount} · ` : ''}words verbatim from the sources; speakers found by rules, “unknown speaker” when unsure`,
        color: COLORS.brand,
      },
    ],
    buttons: buttons ? [buttons] : [],
  };
}

async function execute(ctx: CommandContext): Promise<void> {
  const speakerRaw = ctx.options.getString('speaker')?.trim() ?? '';
  const phraseRaw = ctx.options.getString('phrase')?.trim() ?? '';
  if (speakerRaw.length > MAX_SPEAKER_CHARS) throw new BotError('OPTION_TOO_LONG', { option: 'speaker', max: MAX_SPEAKER_CHARS });
  if (phraseRaw.length > MAX_PHRASE_CHARS) throw new BotError('OPTION_TOO_LONG', { option: 'phrase', max: MAX_PHRASE_CHARS });
  if (!speakerRaw && !phraseRaw) {
    throw new BotError('USAGE', { hint: 'Give `speaker` (what a person said), `phrase` (who said these words), or both.' });
  }
  if (phraseRaw && phraseWords(phraseRaw).length === 0) {
    throw new BotError('USAGE', { hint: '`phrase` needs words to look for, for example `phrase: big gift`.' });
  }
  let articleId: string | undefined;
  let note: Markdown | undefined;
  if (ctx.options.getString('article')?.trim()) {
    const { article, loaded } = await resolveArticleOption(ctx);
    articleId = article.id;
    if (loaded) note = LOADED_NOTE;
  }
  // The speaker as the index names it, so every page searches the same person.
  const entry = speakerRaw ? await ctx.services.library.speakers.find(ctx.guildId, speakerRaw) : undefined;
  const speaker = (entry?.name ?? speakerRaw).replace(/:/g, ' ');
  const fitted = phraseRaw ? phraseKey(phraseRaw, Math.max(0, STATE_BUDGET - speaker.length)) : { key: '', dropped: 0 };
  // A speaker name too long to leave room: search the whole phrase; the answer then has one page.
  const { key, dropped } = phraseRaw && !fitted.key ? { key: phraseWords(phraseRaw).join(' '), dropped: 0 } : fitted;
  await ctx.reply(await whosaidReply(ctx, { articleId, speaker, phrase: key, phraseWordsDropped: dropped, phraseAsTyped: unquoted(phraseRaw) }, 0, note));
}

export default {
  data: new SlashCommandBuilder()
    .setName('whosaid')
    .setDescription('Who said what across this server’s articles: a person’s quotes, or who said a phrase')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) =>
      o.setName('speaker').setDescription('What this person said (pick from the suggestions)').setAutocomplete(true).setMaxLength(MAX_SPEAKER_CHARS),
    )
    .addStringOption((o) => o.setName('phrase').setDescription('Who said these words (small differences are fine)').setMaxLength(MAX_PHRASE_CHARS))
    .addStringOption((o) => articleOption(o, { description: 'Only in this article', required: false })),
  heavy: (ctx) => looksLikeUrl(ctx.options.getString('article') ?? ''),
  execute,
  autocomplete(ctx) {
    if (ctx.focused.name === 'speaker') return speakerChoices(ctx.services.library.speakers, ctx.guildId, ctx.focused.value);
    return articleAutocomplete(ctx);
  },
  components: {
    async [PREFIX](ctx) {
      const [articleId = '-', speaker = '', phrase = '', page] = ctx.args;
      if (articleId !== '-' && !(await ctx.services.library.find(ctx.guildId, articleId))) throw new BotError('ARTICLE_REMOVED');
      const query: Query = { articleId: articleId === '-' ? undefined : articleId, speaker, phrase, phraseWordsDropped: 0 };
      const reply = await whosaidReply(ctx, query, pageFromArg(page));
      if (reply.ephemeral) throw new BotError('STALE_BUTTON');
      await ctx.update(reply);
    },
  },
} satisfies Command;
