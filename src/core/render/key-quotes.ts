/**
 * The key-quotes reply, shared by `/quotes` and the "Key quotes" message menu (and the replies to
 * links posted where automatic summaries are on): the article's key quotes, verbatim, with who
 * said them and the cue; with a speaker, that person's (aliases merged: "Trump" = "President
 * Trump"). Long lists are paged with buttons `qpage:<articleId>:<speaker>:<page>` (handled by
 * commands/quotes.ts) that carry the whole state.
 */
import type { Invocation } from '../context';
import { truncate } from '../limits';
import { describeSource } from './article';
import { NOT_ENGLISH } from '../messages';
import { escapeMarkdown, joinMarkdown, md, trustedMarkdown, type Markdown } from '../markdown';
import { quoteBlock } from './quotes';
import { pagedQuotes, safePageButtons, type QuotePages } from './quotes-page';
import { COLORS, type Reply } from '../reply';
import { clip } from '../../library';
import { filterBySpeaker, namedSpeaker, rankKeyQuotes, type Quote } from '../../nlp/quotes';
import type { StoredArticle } from '../../store/ports';

/** Speakers named in the "no quotes by X" hint. */
const HINT_SPEAKERS = 8;

/** The quotes to list: key quotes best first; for a speaker, all of theirs (best first). */
export function chooseQuotes(all: readonly Quote[], speaker: string | undefined): Quote[] {
  if (speaker) return rankKeyQuotes(all, { speaker, limit: all.length, minScore: -1 });
  const key = rankKeyQuotes(all, { limit: all.length });
  // Only short or trivial quotes: show them all in text order rather than nothing.
  return key.length > 0 ? key : [...all];
}

/** "Trump (4), Richard Grenell (3)": who is quoted in these quotes, most first. */
function speakersIn(all: readonly Quote[]): Markdown {
  const counts = new Map<string, number>();
  for (const q of all) {
    const who = namedSpeaker(q);
    if (who) counts.set(who, (counts.get(who) ?? 0) + 1);
  }
  const list = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, HINT_SPEAKERS);
  return joinMarkdown(
    list.map(([n, c]) => md`${escapeMarkdown(clip(n, 60))} (${c})`),
    md`, `,
  );
}

/** The ephemeral reply when nothing matches, or the paged list. */
/**
 * The reply for `speaker` (all key quotes when undefined), page `page`. With `paged: false` (a
 * message that cannot be paged, such as a reply to a posted link) it has no page buttons and a
 * longer list's footer points to `/quotes` for the rest.
 */
export async function quotesReply(
  ctx: Pick<Invocation, 'services'>,
  article: StoredArticle,
  speaker: string | undefined,
  page: number,
  note?: Markdown,
  { paged = true }: { paged?: boolean } = {},
): Promise<Reply> {
  const analysis = await ctx.services.library.analysis(article);
  const all = analysis.quotes ?? [];
  const title = md`“${escapeMarkdown(clip(article.title, 120))}”`;
  if (all.length === 0) {
    // On a text that is not English "nobody is quoted" would be a guess: say why instead.
    if (analysis.english === false) return { content: md`I found no quotes in ${title}. ${trustedMarkdown(NOT_ENGLISH)}`, ephemeral: true };
    return { content: md`I found no quotes in ${title}: nobody is quoted or reported as saying anything there.`, ephemeral: true };
  }
  const chosen = chooseQuotes(all, speaker);
  if (chosen.length === 0) {
    return {
      content: md`No quotes by “${escapeMarkdown(clip(speaker ?? '', 80))}” in ${title}. Quoted there: ${speakersIn(all)}.`,
      ephemeral: true,
    };
  }
  const shownName = speaker ? (filterBySpeaker(chosen, speaker)[0]?.speakerRef ?? speaker) : undefined;
  const pages: QuotePages = pagedQuotes(chosen, (q) => quoteBlock(q), page);
  const counted = speaker
    ? `${chosen.length} quote${chosen.length === 1 ? '' : 's'} by ${shownName}`
    : `${chosen.length} key quote${chosen.length === 1 ? '' : 's'} of ${all.length} attribution${all.length === 1 ? '' : 's'}`;
  const buttons = paged ? safePageButtons('qpage', [article.id, speakerKey(speaker)], pages.page, pages.pageCount) : undefined;
  const unpaged = paged && pages.pageCount > 1 && !buttons ? ' · first page only (that speaker name is too long for page buttons)' : '';
  return {
    ...(note && { content: note }),
    embeds: [
      {
        author: truncate(speaker ? `Quotes by ${shownName}` : 'Key quotes', 256),
        title: escapeMarkdown(article.title),
        ...(article.url && { url: article.url }),
        description: md`${describeSource(article)}${article.publishedAt ? md` · ${escapeMarkdown(article.publishedAt.slice(0, 10))}` : ''}\n\n${pages.text}`,
        footer: `${pages.pageCount > 1 ? `Page ${pages.page + 1} of ${pages.pageCount}${paged ? '' : ', the rest with /quotes'} · ` : ''}${counted}${unpaged} · words verbatim from the source; speakers found by rules, “unknown speaker” when unsure`,
        color: COLORS.brand,
      },
    ],
    buttons: buttons ? [buttons] : [],
  };
}

/** The speaker as carried in a button id (':' separates the id's parts; names never need it). */
const speakerKey = (speaker: string | undefined): string => (speaker ?? '').replace(/:/g, ' ');

