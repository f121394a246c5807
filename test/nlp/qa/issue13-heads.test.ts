/**
 * Issue 13, questions 1: the head noun of a what/which question sets the answer's class.
 * Sentences written for these tests; each row: article, question, exact answer shown.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, prepareIndex } from '../../../src/nlp/qa';

function shown(article: string, question: string): string | null {
  const r = answerQuestion(prepareIndex(article), question);
  return r.found ? r.answer : null;
}

describe('answer class from the head noun', () => {
  it.each<[string, string, string, string | null]>([
    // A closed class: only a continent answers "which continent" (not the port it came from).
    ['which continent', 'Spores carried on the freighter Baltic Trader from Montreal reached Europe in May.', 'Which continent did the spores reach?', 'Europe'],
    // A rank: an ordinal answers "what position".
    ['what position', 'Amara Okafor finished second in the regional marathon on Sunday, behind Lena Brandt.', 'In what position did Okafor finish in the regional marathon?', 'second'],
    // A rating is a number.
    ['what rating', 'The agency gave the city bonds a rating of 7 on its ten-point scale last week.', 'What rating did the agency give the city bonds?', '7'],
    // A named class: the name, with the head word that is part of it.
    ['what lake', 'The patrol crossed Lake Varden at dawn with Captain Ruiz.', 'What lake did the patrol cross at dawn?', 'Lake Varden'],
    ['what console', 'Fans watched the final on the Lumen Box, a console made by Tessel, while critics preferred the old arcade cabinets.', 'What console did fans watch the final on?', 'Lumen Box'],
    // An en dash joins the words of a name.
    ['en dash in a name', 'The key exchange relies on the Diffie–Hellman method, which Kowalski implemented in 2004.', 'What method does the key exchange rely on?', 'Diffie–Hellman'],
    // A quantity: the number without a dangling "least".
    ['at least', 'Researchers said at least 4,000 households lost power during the storm.', 'How many households lost power during the storm?', '4,000'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});
