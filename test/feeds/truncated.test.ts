import { describe, expect, it } from 'vitest';
import { closeTruncatedXml, TRUNCATION_LIMITS } from '../../src/feeds/truncated';
import { cpuClock } from '../support/cpu-clock';

const HEAD = '<rss version="2.0"><channel><title>T</title>';
const ITEM = '<item><title>A</title><link>https://x.example/a</link></item>';

describe('closeTruncatedXml', () => {
  it.each([
    ['</rss without its >', `${HEAD}${ITEM}</channel></rss`, `${HEAD}${ITEM}</channel></rss>`, false],
    ['a cut between items', `${HEAD}${ITEM}<item><ti`, `${HEAD}${ITEM}</channel></rss>`, false],
    ['a cut in a link', `${HEAD}${ITEM}<item><title>B</title><link>https://x.ex`, `${HEAD}${ITEM}<item><title>B</title></item></channel></rss>`, true],
    ['a cut in CDATA that quotes </item>', `${HEAD}${ITEM}<item><title>B</title><description><![CDATA[a </item> b`, `${HEAD}${ITEM}<item><title>B</title></item></channel></rss>`, true],
    ['a cut in nested markup inside an item child', `${HEAD}${ITEM}<item><title>B</title><content><div><p>one</p><p>tw`, `${HEAD}${ITEM}<item><title>B</title></item></channel></rss>`, true],
    ['a self-closing Atom link', '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><link href="https://x.example/1"/><summ', '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><link href="https://x.example/1"/></entry></feed>', true],
    ['a close tag that does not match (what follows is not trusted)', `${HEAD}${ITEM}<item><title>B</link>${ITEM}</channel></rss>`, `${HEAD}${ITEM}</channel></rss>`, false],
  ])('GIVEN %s THEN the document is closed after its last whole part', (_label, doc, text, partialItem) => {
    expect(closeTruncatedXml(doc)).toEqual({ text, partialItem });
  });

  it('GIVEN a whole document, or nothing whole at all THEN there is nothing to repair', () => {
    expect(closeTruncatedXml(`${HEAD}${ITEM}</channel></rss>`)).toBeUndefined();
    expect(closeTruncatedXml('<rss version="2.0"><chan')).toBeUndefined();
  });

  it(`GIVEN elements deeper than ${TRUNCATION_LIMITS.maxCutDepth} THEN their ends are no cut points (at most that many closing tags are added)`, () => {
    const deep = `${'<x>'.repeat(20)}${'</x>'.repeat(5)}`;
    expect(closeTruncatedXml(`${HEAD}${ITEM}${deep}`)).toEqual({ text: `${HEAD}${ITEM}</channel></rss>`, partialItem: false });
  });

  it('GIVEN 200,000 open elements, or 200,000 close tags that match nothing THEN one linear pass (well under a second)', () => {
    const t0 = cpuClock();
    expect(closeTruncatedXml(`${HEAD}${ITEM}${'<a>'.repeat(200_000)}`)?.text).toBe(`${HEAD}${ITEM}</channel></rss>`);
    expect(closeTruncatedXml(`${HEAD}${ITEM}${'<a>'.repeat(200_000)}${'</b>'.repeat(200_000)}`)?.text).toBe(`${HEAD}${ITEM}</channel></rss>`);
    expect(cpuClock() - t0).toBeLessThan(1000);
  });
});
