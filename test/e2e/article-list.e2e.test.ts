/**
 * /article list pages by measured length: articles with very long links never push a page past
 * Discord's 4,096 characters, and every entry keeps its link (an entry too long for a page on its
 * own would be shown without its link rather than cut).
 */
import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/bot-harness';
import { opt } from '../support/fake-discord';
import { botPerFile, userFactory } from '../support/bot-per-file';

let h: Harness;
const someone = userFactory(480000000000000000n, 'lister');

botPerFile((started) => (h = started));

const TOPICS = ['harbour', 'railway', 'school', 'hospital', 'library', 'market', 'bridge', 'river', 'airport', 'stadium'];

describe('/article list with very long links', () => {
  const urls: string[] = [];

  it('GIVEN ten articles whose links are about 1,400 characters THEN each page fits 4,096 characters and every entry keeps its link', async () => {
    for (const [k, t] of TOPICS.entries()) {
      const path = `/news/${t}/${'segment-of-a-very-long-tracking-path/'.repeat(36)}${k}.txt`;
      const url = h.fake.serve(path, `The ${t} reopens\n\nThe ${t} reopened on Monday after ${k + 2} months of repairs, the council said.\n`);
      urls.push(url);
      const added = await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'add', options: [opt.string('url', url)], user: someone() }));
      expect(added.body.embeds[0].title).toBe(`The ${t} reopens`);
    }
    expect(urls[0]!.length).toBeGreaterThan(1300);
    const seen = new Map<string, string>();
    const reply = await h.fake.answer(h.fake.slash({ name: 'article', subcommand: 'list', user: someone() }));
    let body = reply.body;
    for (let guard = 0; guard < 20; guard++) {
      const e = body.embeds[0];
      expect(e.description.length).toBeLessThanOrEqual(4096);
      expect(e.description).not.toContain('…');
      for (const m of e.description.matchAll(/^(\d+)\. \[([^\]]+)\]\((\S+)\)$/gm)) seen.set(m[1]!, m[3]!);
      const next = body.components[0]?.components.find((b: { label: string }) => b.label === 'Next ▶');
      if (!next || next.disabled) break;
      const cb = await h.fake.callback(h.fake.click({ customId: next.custom_id, messageId: '1', user: someone() }));
      body = cb.body.data;
    }
    // All eleven entries (the ten and the bundled seed, which has no link) are listed; the ten with their links.
    expect([...seen.keys()].map(Number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(seen.values())).toEqual(new Set(urls));
    // Previous walks back through the parts and pages to the first entry.
    const firsts: string[] = [];
    for (let guard = 0; guard < 20; guard++) {
      firsts.push(/^(\d+)\./.exec(body.embeds[0].description)![1]!);
      const prev = body.components[0].components.find((b: { label: string }) => b.label === '◀ Previous');
      if (prev.disabled) break;
      body = (await h.fake.callback(h.fake.click({ customId: prev.custom_id, messageId: '1', user: someone() }))).body.data;
    }
    expect(firsts.at(-1)).toBe('1');
    expect(body.embeds[0].footer.text).toMatch(/^Page 1 of 2 \(part 1 of \d\)/);
  });
});
