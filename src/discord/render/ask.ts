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
import { blockquote, escapeMarkdown, quoteBlock } from './quotes';

/** Below this the answer is shown with a warning to read the sentence (FOUND_THRESHOLD is 0.25). */
export const LOW_CONFIDENCE = 0.5;
/** Quotes shown for a who-said question. */
const MAX_QUOTES = 3;
/** A found answer longer than this reads badly as a title: it is shown in the body instead. */
const TITLE_ANSWER_CHARS = 100;

/** The sentence with the answer span in bold (when the span lies inside it). */
export function sentenceWithAnswer(sentence: NonNullable<AnswerResult['sentence']>, start: number | null, end: number | null): string {
  const text = sentence.text;
  if (start === null || end === null || start < sentence.start || end > sentence.end || end <= start) return escapeMarkdown(text.trim());
  const a = start - sentence.start;
  const b = end - sentence.start;
  return `${escapeMarkdown(text.slice(0, a)).trimStart()}**${escapeMarkdown(text.slice(a, b))}**${escapeMarkdown(text.slice(b)).trimEnd()}`;
}

/** The full quote (with cue and kind) behind an answer quote, when the analysis has it. */
function fullQuote(q: AnswerQuote, quotes: readonly Quote[]): Quote | undefined {
  return quotes.find((x) => x.start === q.start && x.end === q.end);
}

function quoteText(q: AnswerQuote, quotes: readonly Quote[]): string {
  const full = fullQuote(q, quotes);
  if (full) return quoteBlock(full, { max: 900 });
  const who = q.speaker ? `**${escapeMarkdown(q.speaker)}**` : '*unknown speaker*';
  return `${blockquote(escapeMarkdown(truncate(q.quote, 900)))}\n— ${who}`;
}

const articleLine = (a: Article): string => {
  const title = escapeMarkdown(truncate(a.title, 200)).replace(/[[\]]/g, '');
  return a.url ? `[${title}](${a.url})` : `*${title}*`;
};

export function renderAsk(article: Article, question: string, result: AnswerResult, quotes: readonly Quote[], note?: string): Reply {
  const author = truncate(`Q: ${question.replace(/\s+/g, ' ').trim()}`, LIMITS.author);
  const from = `From ${articleLine(article)}`;
  if (result.found && result.answer !== null) {
    const pct = Math.round(result.confidence * 100);
    const caution = result.confidence < LOW_CONFIDENCE ? '\n*Low confidence: read the sentence before relying on this answer.*' : '';
    const answerQuotes = (result.quotes ?? []).slice(0, MAX_QUOTES);
    const shortAnswer = result.answer.length <= TITLE_ANSWER_CHARS && !answerQuotes.some((q) => q.quote === result.answer);
    // Embed titles render markdown on Discord: the answer's own characters are escaped to show as written.
    const title = shortAnswer ? escapeMarkdown(result.answer) : answerQuotes[0]?.speaker ? `What ${escapeMarkdown(answerQuotes[0].speaker)} said` : 'Answer';
    const body = answerQuotes.length
      ? answerQuotes.map((q) => quoteText(q, quotes)).join('\n\n')
      : result.sentence
        ? blockquote(sentenceWithAnswer(result.sentence, result.answerStart, result.answerEnd))
        : blockquote(escapeMarkdown(result.answer));
    return {
      ...(note && { content: note }),
      embeds: [
        {
          author,
          title: truncate(title, LIMITS.embedTitle),
          description: `${from}${caution}\n\n${body}`,
          footer: `Extracted word for word from the article; nothing is generated · confidence ${pct}%`,
          color: COLORS.brand,
        },
      ],
    };
  }
  const hint = result.sentence
    ? `\n\n**Closest sentence (a hint, not an answer):**\n${blockquote(escapeMarkdown(result.sentence.text.trim()))}`
    : '\n\nNo sentence in the article comes close to this question.';
  return {
    ...(note && { content: note }),
    embeds: [
      {
        author,
        title: 'Not found in the article',
        description: `I could not find an answer to this in ${articleLine(article)}; I only answer with what the article says.${hint}`,
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
export function askReply(services: Pick<Services, 'library' | 'questions'>, article: Article, question: string, note?: string): Reply {
  const analysis = services.library.analysis(article);
  const result = services.questions.answer(article, analysis, question);
  return renderAsk(article, question, result, analysis.quotes ?? [], note);
}
