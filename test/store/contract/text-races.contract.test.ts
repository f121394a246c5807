/**
 * The same text written, re-analysed and removed in several servers at the same instant, from
 * several connections (as several processes do): every server's speaker counts end exactly as
 * if the writes had run one after the other. On PostgreSQL these once raced: a server adding a text
 * while another's write of the same analysis finished counted its quotes never or twice.
 */
import { describe, expect, it } from 'vitest';
import { articleIdOf, type Article } from '../../../src/article/model';
import type { IndexedQuote, Stores } from '../../../src/store/ports';
import { BACKENDS, freshTarget, storesOn } from './backends';

const article = (text: string): Article => ({ id: articleIdOf(text), title: 'Ferries', source: 'text', text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [] });
const RUIZ = { speakerKey: 'ana ruiz', name: 'Ana Ruiz', mention: null, mentionKey: null };
const quotes: IndexedQuote[] = [
  { ...RUIZ, words: ['the', 'ferries', 'run', 'again'], json: '{"quote":"the ferries run again"}' },
  { ...RUIZ, words: ['we', 'are', 'back'], json: '{"quote":"we are back"}' },
];
const ROUNDS = 25;
const counted = [{ key: 'ana ruiz', quotes: 2, articles: 1, withLast: 0 }];

/** Each connection adds the text as the library does (its analysis, then its row) in its own server. */
async function addEverywhere(connections: readonly Stores[], a: Article, guild: (k: number) => string): Promise<void> {
  await Promise.all(
    connections.map(async (s, k) => {
      await s.analyses.put(a.id, 7, '{}', quotes);
      await s.articles.insert(guild(k), { article: a, slug: 'ferries', addedAt: '2024-05-01T00:00:00.000Z' });
    }),
  );
}

describe.each(BACKENDS)('one text in several servers at once on %s', (backend) => {
  it('GIVEN three connections adding the same text to three servers at the same instant, 25 times THEN each server counts its quotes once', async () => {
    const target = await freshTarget(backend);
    const connections = [await storesOn(target), await storesOn(target), await storesOn(target)];
    const wrong: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const guild = (k: number) => `${round}-${k}`;
      await addEverywhere(connections, article(`Round ${round}: the ferries run again.`), guild);
      for (let k = 0; k < connections.length; k++) {
        const got = await connections[0]!.search.speakerKeys(guild(k), ['ruiz']);
        if (JSON.stringify(got) !== JSON.stringify(counted)) wrong.push(`round ${round}, server ${k}: ${JSON.stringify(got)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('GIVEN one server removing the text while two others write its analysis again, 25 times THEN the remover counts nothing and the others once', async () => {
    const target = await freshTarget(backend);
    const connections = [await storesOn(target), await storesOn(target), await storesOn(target)];
    const wrong: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const a = article(`Round ${round}: the ferries are back.`);
      const guild = (k: number) => `${round}-${k}`;
      for (const [k, s] of connections.entries()) {
        await s.analyses.put(a.id, 7, '{}', quotes);
        await s.articles.insert(guild(k), { article: a, slug: 'ferries', addedAt: '2024-05-01T00:00:00.000Z' });
      }
      await Promise.all([
        connections[0]!.articles.remove(guild(0), a.id),
        connections[1]!.analyses.put(a.id, 7, '{}', quotes),
        connections[2]!.analyses.put(a.id, 7, '{}', quotes),
      ]);
      const got = await Promise.all(connections.map((_, k) => connections[0]!.search.speakerKeys(guild(k), ['ruiz'])));
      if (JSON.stringify(got) !== JSON.stringify([[], counted, counted])) wrong.push(`round ${round}: ${JSON.stringify(got)}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
