/**
 * Issue 13, questions 2: refusals. A who-question answered by a group or a common noun is
 * answerable; with nothing that fits it is refused; a "why" is answered only from a sentence
 * with a causal cue, which need not be the best-matching one. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, prepareIndex } from '../../../src/nlp/qa';

function shown(article: string, question: string): string | null {
  const r = answerQuestion(prepareIndex(article), question);
  return r.found ? r.answer : null;
}

describe('refusals', () => {
  it.each<[string, string, string, string | null]>([
    ['who: a group noun', 'The old mill was rebuilt by the settlers in 1840. It burned down in 1902.', 'Who rebuilt the old mill?', 'the settlers'],
    ['who: a common noun phrase', 'A tribe of fishermen founded the first village on the island. Traders came later.', 'Who founded the first village on the island?', 'A tribe of fishermen'],
    ['who: nothing fits', 'The old mill was rebuilt in 1840. It burned down in 1902.', 'Who rebuilt the old mill?', null],
    ['why: the cue is in the second-best sentence', 'The council closed the harbour bridge on Tuesday. The council closed the bridge to lorries because engineers had found cracks in two of its piers.', 'Why did the council close the harbour bridge?', 'because engineers had found cracks in two of its piers'],
    ['why: no causal cue anywhere', 'The council closed the harbour bridge on Tuesday. The bridge reopened on Friday.', 'Why did the council close the harbour bridge?', null],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});
