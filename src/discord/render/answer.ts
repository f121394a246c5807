/**
 * An answer to a question about an article: the verbatim answer and the sentence it comes from,
 * or "not found" with the closest sentence clearly labelled as a hint, never as an answer.
 */
import type { Article } from '../../article/model';
import type { AnswerResult } from '../../nlp/qa';
import { COLORS, type Reply } from '../reply';

const quoteBlock = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

export function renderAnswer(article: Article, question: string, result: AnswerResult): Reply {
  const footer = `From “${article.title}” · extracted verbatim, nothing generated`;
  if (result.found && result.answer) {
    const quotes = (result.quotes ?? []).slice(0, 3);
    const body = quotes.length
      ? quotes.map((q) => `${quoteBlock(`“${q.quote}”`)}\n— ${q.speaker ?? 'unknown speaker'}`).join('\n\n')
      : result.sentence
        ? quoteBlock(result.sentence.text)
        : '';
    return {
      embeds: [
        {
          author: `Q: ${question}`,
          title: result.answer,
          description: body,
          footer: `${footer} · confidence ${Math.round(result.confidence * 100)}%`,
          color: COLORS.brand,
        },
      ],
    };
  }
  return {
    embeds: [
      {
        author: `Q: ${question}`,
        title: 'Not found in the article',
        description: result.sentence
          ? `The closest sentence (not an answer):\n${quoteBlock(result.sentence.text)}`
          : 'Nothing in the article matches this question.',
        footer,
        color: COLORS.warning,
      },
    ],
  };
}
