/**
 * The summary reply, shared by `/summary` and the "Summarize" message menu (and the replies to
 * links posted where automatic summaries are on): the article's most telling sentences, copied
 * word for word in article order, with its title, source link and date, the top keywords and
 * "reduced by N%". A text too short to condense gets "too short" (ephemeral) instead of a
 * summary that is most of the text. Rare summaries longer than one embed are paged:
 * `spage:<articleId>:<sentences>:<page>` (handled by commands/summary.ts).
 */
import type { Invocation } from '../context';
import { paginateBlocks } from '../paging';
import { counted } from '../plural';
import { describeSource, leadSentences } from './article';
import { escapeMarkdown, joinMarkdown, md, type Markdown } from '../markdown';
import { safePageButtons } from './quotes-page';
import { COLORS, type EmbedField, type Reply } from '../reply';
import { clip } from '../../library';
import { segment } from '../../nlp/segment';
import { DEFAULT_SENTENCES, MIN_SENTENCES, summarize, type SummaryResult } from '../../nlp/summarize';
import type { StoredArticle } from '../../store/ports';

/** Room for the sentences in one embed: with fields (a source link can be 2 KB) it stays under the 6000 total. */
const PAGE_CHARS = 3200;
/** Keywords shown: enough to say what the piece is about, few enough to scan. */
const KEYWORDS_SHOWN = 8;

export const FOOTER = 'Every sentence is quoted word for word from the source, in article order; nothing is generated.';

/** The summary to show, and the article's sentence count, both from its one stored analysis. */
async function summaryOf(ctx: Pick<Invocation, 'services'>, article: StoredArticle, sentences: number): Promise<{ result: SummaryResult; total: number }> {
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

/** Whether `/article show`'s card (its first sentences) holds the whole text. */
const showsWhole = (article: StoredArticle): boolean => {
  const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
  return flat(leadSentences(article.text)) === flat(article.text);
};

const dateField = (a: StoredArticle): EmbedField | undefined => {
  if (a.publishedAt) return { name: md`Published`, value: escapeMarkdown(a.publishedAt.slice(0, 10)), inline: true };
  if (a.guildId !== null) return { name: md`Added`, value: escapeMarkdown(a.addedAt.slice(0, 10)), inline: true };
  return undefined;
};

/**
 * The reply for `sentences` sentences, page `page`. With `paged: false` (a message that cannot be
 * paged, such as a reply to a posted link) it has no page buttons and a longer summary's footer
 * points to `/summary` for the rest.
 */
export async function summaryReply(
  ctx: Pick<Invocation, 'services'>,
  article: StoredArticle,
  sentences: number,
  page: number,
  note?: Markdown,
  { paged = true }: { paged?: boolean } = {},
): Promise<Reply> {
  const { result, total } = await summaryOf(ctx, article, sentences);
  const title = md`“${escapeMarkdown(clip(article.title, 120))}”`;
  if (result.tooShort) {
    const max = sentences > MIN_SENTENCES ? largestPossible(article, sentences) : 0;
    return {
      content: max
        ? md`${title} is too short for a ${sentences}-sentence summary. Ask for \`sentences:${max}\` or fewer.`
        : md`${title} is too short to summarize: a summary would be most of the text. \`/article show\` shows ${showsWhole(article) ? md`it whole` : md`its first sentences`}.`,
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
    value: md`${result.sentences.length} of ${counted(total, 'sentence')} · reduced by ${result.reducedByPercent}%`,
    inline: true,
  });
  const buttons = paged ? safePageButtons('spage', [article.id, sentences], p, pages.length) : undefined;
  return {
    ...(note && { content: note }),
    embeds: [
      {
        author: 'Summary',
        title: escapeMarkdown(article.title),
        ...(article.url && { url: article.url }),
        description: joinMarkdown(pages[p] ?? [], md`\n\n`),
        fields,
        footer: `${pages.length > 1 ? `Page ${p + 1} of ${pages.length}${paged ? '' : ', the rest with /summary'} · ` : ''}${FOOTER}`,
        color: COLORS.brand,
      },
    ],
    buttons: buttons ? [buttons] : [],
  };
}
