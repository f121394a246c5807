/**
 * The one question answerer: a count-bounded LRU of per-article Q&A indexes, `forget` on removal,
 * answers from the analysis's quotes for who-said questions, and long questions cut up front.
 */
import { describe, expect, it } from 'vitest';
import { articleIdOf, type Article } from '../../src/article/model';
import { analyzeArticle } from '../../src/nlp/analyze';
import { createQuestionAnswerer, INDEX_CACHE_SIZE } from '../../src/library/questions';

function article(text: string, title = 'T'): Article {
  return { id: articleIdOf(text), title, source: 'text', text, paragraphs: [], boilerplate: [] } as unknown as Article;
}
const texts = ['The ferry leaves at noon.', 'The bus leaves at nine.', 'The train leaves at six.'];
const [ferry, bus, train] = texts.map((t) => article(t)) as [Article, Article, Article];
const ask = (q: ReturnType<typeof createQuestionAnswerer>, a: Article, question = 'When does it leave?') => q.answer(a, analyzeArticle(a), question);

describe('createQuestionAnswerer', () => {
  it('GIVEN more articles than the cache holds THEN the least recently used index is dropped first', () => {
    const q = createQuestionAnswerer({ cacheSize: 2 });
    ask(q, ferry);
    ask(q, bus);
    ask(q, ferry); // ferry is now the most recently used
    ask(q, train);
    expect([q.has(ferry.id), q.has(bus.id), q.has(train.id)]).toEqual([true, false, true]);
    expect(q.cached).toBe(2);
  });

  it('GIVEN forget THEN the index is dropped, and a later question rebuilds it with the same answer', () => {
    const q = createQuestionAnswerer();
    const first = ask(q, ferry, 'When does the ferry leave?');
    expect(first.answer).toBe('noon');
    expect(q.forget(ferry.id)).toBe(true);
    expect(q.forget(ferry.id)).toBe(false);
    expect(q.cached).toBe(0);
    expect(ask(q, ferry, 'When does the ferry leave?')).toEqual(first);
  });

  it('GIVEN the defaults THEN the cache holds INDEX_CACHE_SIZE articles, never more', () => {
    const q = createQuestionAnswerer();
    for (let i = 0; i < INDEX_CACHE_SIZE + 5; i++) ask(q, article(`Boat ${i} leaves at noon.`));
    expect(q.cached).toBe(INDEX_CACHE_SIZE);
  });

  it('GIVEN a nonsensical cache size THEN at least one index is kept', () => {
    const q = createQuestionAnswerer({ cacheSize: 0 });
    ask(q, ferry);
    ask(q, bus);
    expect([q.cached, q.has(bus.id)]).toEqual([1, true]);
  });

  it('GIVEN a who-said question THEN it is answered from the analysis’s quotes, with the speaker', () => {
    const a = article('Mayor Ana Ruiz opened the bridge on Monday. "We kept our promise," Ruiz said.');
    const r = ask(createQuestionAnswerer(), a, 'What did Ruiz say?');
    expect(r.found).toBe(true);
    expect(r.quotes?.map((x) => [x.quote, x.speaker])).toEqual([['We kept our promise', 'Ana Ruiz']]);
  });
});
