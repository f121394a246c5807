/**
 * The answer to a question about an article, the same wherever it is asked (`/ask`, its article
 * buttons, an @mention in the article's discussion thread): the answer span verbatim, the sentence
 * it comes from with the answer in bold, or, for who-said questions, the quotes with speaker and
 * cue. When nothing fits: "Not found in the article", with the closest sentence shown under a label
 * that says it is a hint, never an answer.
 */
import type { Article } from '../../article/model';
import type { Quote } from '../../nlp/quotes';
import type { AnswerQuote, AnswerResult } from '../../nlp/qa';
import type { Services } from '../context';
import { LIMITS, truncate } from '../limits';
import { COLORS, type Reply } from '../reply';
import { NOT_ENGLISH } from '../messages';
import { escapeMarkdown, joinMarkdown, markdownLink, md, trustedMarkdown, type Markdown } from '../markdown';
import { blockquote, quoteBlock } from './quotes';

/** Below this the answer is shown with a warning to read the sentence (FOUND_THRESHOLD in src/nlp/qa/confidence.ts is the bar under which no answer is shown). */
export const LOW_CONFIDENCE = 0.5;
/** Quotes shown for a who-said question. */
const MAX_QUOTES = 3;
/** A found answer longer than this reads badly as a title: it is shown in the body instead. */
const TITLE_ANSWER_CHARS = 100;

/** The sentence with the answer span in bold (when the span lies inside it). */
export function sentenceWithAnswer(sentence: NonNullable<AnswerResult['sentence']>, start: number | null, end: number | null): Markdown {
  const text = sentence.text;
  if (start === null || end === null || start < sentence.start || end > sentence.end || end <= start) return escapeMarkdown(text.trim());
  const a = start - sentence.start;
  const b = end - sentence.start;
  return md`${escapeMarkdown(text.slice(0, a).trimStart())}**${escapeMarkdown(text.slice(a, b))}**${escapeMarkdown(text.slice(b).trimEnd())}`;
}

/** The full quote (with cue and kind) behind an answer quote, when the analysis has it. */
function fullQuote(q: AnswerQuote, quotes: readonly Quote[]): Quote | undefined {
  return quotes.find((x) => x.start === q.start && x.end === q.end);
}

function quoteText(q: AnswerQuote, quotes: readonly Quote[]): Markdown {
  const full = fullQuote(q, quotes);
  if (full) return quoteBlock(full, { max: 900 });
  const who = q.speaker ? md`**${escapeMarkdown(q.speaker)}**` : md`*unknown speaker*`;
  return md`${blockquote(escapeMarkdown(truncate(q.quote, 900)))}\n— ${who}`;
}

/** The article's title, linked to it when it has a link. */
const articleLine = (a: Article): Markdown => {
  const title = truncate(a.title, 200);
  return a.url ? markdownLink(title, a.url) : md`*${escapeMarkdown(title)}*`;
};

export function renderAsk(article: Article, question: string, result: AnswerResult, quotes: readonly Quote[], note?: Markdown, english = true): Reply {
  const author = truncate(`Q: ${question.replace(/\s+/g, ' ').trim()}`, LIMITS.author);
  const from = md`From ${articleLine(article)}`;
  if (result.found && result.answer !== null) {
    const pct = Math.round(result.confidence * 100);
    const caution = result.confidence < LOW_CONFIDENCE ? md`\n*Low confidence: read the sentence before relying on this answer.*` : '';
    const answerQuotes = (result.quotes ?? []).slice(0, MAX_QUOTES);
    const shortAnswer = result.answer.length <= TITLE_ANSWER_CHARS && !answerQuotes.some((q) => q.quote === result.answer);
    // Embed titles render markdown on Discord: the answer's own characters are escaped to show as written.
    const title = shortAnswer ? escapeMarkdown(result.answer) : answerQuotes[0]?.speaker ? md`What ${escapeMarkdown(answerQuotes[0].speaker)} said` : md`Answer`;
    const body = answerQuotes.length
      ? joinMarkdown(
          answerQuotes.map((q) => quoteText(q, quotes)),
          md`\n\n`,
        )
      : result.sentence
        ? blockquote(sentenceWithAnswer(result.sentence, result.answerStart, result.answerEnd))
        : blockquote(escapeMarkdown(result.answer));
    return {
      ...(note && { content: note }),
      embeds: [
        {
          author,
          title: truncate(title, LIMITS.embedTitle),
          description: md`${from}${caution}\n\n${body}`,
          footer: `Extracted word for word from the article; nothing is generated · confidence ${pct}%`,
          color: COLORS.brand,
        },
      ],
    };
  }
  const hint = result.sentence
    ? md`\n\n**Closest sentence (a hint, not an answer):**\n${blockquote(escapeMarkdown(result.sentence.text.trim()))}`
    : md`\n\nNo sentence in the article comes close to this question.`;
  return {
    ...(note && { content: note }),
    embeds: [
      {
        author,
        title: md`Not found in the article`,
        description: english
          ? md`I could not find an answer to this in ${articleLine(article)}; I only answer with what the article says.${hint}`
          : md`I could not find an answer to this in ${articleLine(article)}. ${trustedMarkdown(NOT_ENGLISH)}${hint}`,
        footer: 'Lede answers only from the article text, word for word; nothing is generated.',
        color: COLORS.warning,
      },
    ],
  };
}

/**
 * Answer `question` from `article` and render it: the one path every surface that answers questions
 * takes, so they cannot drift apart. The Q&A index comes from the shared, bounded cache
 * (`services.questions`); who-said questions are answered from the article's stored quotes.
 */
export async function askReply(services: Pick<Services, 'library' | 'questions'>, article: Article, question: string, note?: Markdown): Promise<Reply> {
  const analysis = await services.library.analysis(article);
  const result = services.questions.answer(article, analysis, question);
  return renderAsk(article, question, result, analysis.quotes ?? [], note, analysis.english !== false);
}
