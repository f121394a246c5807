/**
 * Issue 13, questions 3: retrieval. A sentence that opens with a pronoun or "the/this + noun"
 * inherits its predecessor's names; when the best match holds no span of the asked kind, its
 * neighbours are searched; sentences tied on the question's words are told apart by the answer
 * type; accents do not decide a match. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, prepareIndex } from '../../../src/nlp/qa';
import { termOf } from '../../../src/nlp/qa/terms';

const HALLS = 'Maple Hall was built by the Orsini family. It burned down in 1911. The hall was rebuilt in 1913. Its new roof came from Vienna. "We lost everything," the owner said. Cedar Hall burned down in 1920.';

describe('inherited names', () => {
  const index = prepareIndex(HALLS);
  it.each<[number, string[]]>([
    [0, []],
    // "It ...": the predecessor's names.
    [1, ['Maple', 'Hall', 'Orsini']],
    // "The hall ...": a chain of continuations keeps the subject.
    [2, ['Maple', 'Hall', 'Orsini']],
    [3, ['Maple', 'Hall', 'Orsini']],
    // A quote opener and a sentence with its own subject inherit nothing.
    [4, []],
    [5, []],
  ])('sentence %i inherits %j', (i, names) => {
    expect([...index.sentences[i]!.inherited].sort()).toEqual(names.map((n) => termOf(n.toLowerCase())).sort());
  });
});

function shown(article: string, question: string): string | null {
  const r = answerQuestion(prepareIndex(article), question);
  return r.found ? r.answer : null;
}

describe('retrieval rules', () => {
  it.each<[string, string, string, string | null]>([
    // "It burned down in 1911" is about Maple Hall; "Cedar Hall burned down" shares more words but not the name.
    ['pronoun inherits the name', 'Maple Hall was built by the Orsini family. It burned down in 1911. Another hall, Cedar Hall, burned down in 1920.', 'When did Maple Hall burn down?', '1911'],
    // The best match has no date: the next sentence gives it.
    ['neighbour of the best match', 'The Orsini Academy admitted women painters after a long campaign by its students. That was in 1921. The Orsini Academy also admitted foreign painters. Women painters exhibited at the Orsini Academy. The academy campaign for painters was long.', 'When did the Orsini Academy admit women painters?', '1921'],
    // Six sentences tie on the question's words; the one holding a date answers "when".
    ['ties broken by the answer type', 'The council debated the bridge plan at length. The council debated the bridge plan with anger. The council debated the bridge plan behind doors. The council debated the bridge plan without notes. The council debated the bridge plan for hours. The council debated the bridge plan in 2019.', 'When did the council debate the bridge plan?', '2019'],
    // A name asked without its accents matches the article's spelling.
    ['accents folded', 'Kövér Bakery opened in Pécs in 1890. Another bakery opened in Szeged in 1901.', 'When did Kover Bakery open?', '1890'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});
