/**
 * Hostile HTML is bounded before the DOM: measureHtml counts, on linkedom's own tokenizer, the nodes,
 * depth and nesting the DOM would have, pages past the budget take the flat path, and every pattern grows
 * linearly (n and 4n characters, the fastest of a few runs, linear 4x, quadratic 16x). Absolute
 * figures are in `npm run bench`.
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ArticleError, extractHtml, MAX_DOM_DEPTH, MAX_DOM_ELEMENTS, MAX_DOM_NESTING, MAX_DOM_NODES, parseArticle } from '../../src/article';
import { parseDocument, type DomNode } from '../../src/article/html/dom';
import { measureHtml } from '../../src/article/html/measure';
import { HOSTILE_HTML } from '../support/hostile';
import { cpuClock } from '../support/cpu-clock';

/** Nodes below (and including) `root`, the deepest element level, and the sum of the squared node depths. */
function shapeOf(root: DomNode): { nodes: number; depth: number; nesting: number } {
  let nodes = 0;
  let depth = 0;
  let nesting = 0;
  const stack: Array<[DomNode, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, level] = stack.pop()!;
    nodes++;
    nesting += level * level;
    if (node.nodeType === 1) depth = Math.max(depth, level);
    for (let i = 0; i < node.childNodes.length; i++) stack.push([node.childNodes[i]!, level + 1]);
  }
  return { nodes, depth, nesting };
}

type Doc = { documentElement: DomNode; body: (DomNode & { innerHTML: string }) | null };
const parse = (html: string) => (parseHTML(html) as unknown as { document: Doc }).document;

/** Nodes of the DOM linkedom builds, and of the one Readability builds when it writes the body out and parses it again. */
function domNodes(html: string): number {
  const doc = parse(html);
  const first = shapeOf(doc.documentElement).nodes;
  if (!doc.body) return first;
  const again = parse(`<html><body>${doc.body.innerHTML}</body></html>`).body;
  return Math.max(first, first - shapeOf(doc.body).nodes + (again ? shapeOf(again).nodes : 0));
}

describe('measureHtml is an upper bound on the DOM linkedom builds', () => {
  const markup = fc.constantFrom(
    '<', '</', '<!', '<!--', '-->', '<?', '>', '"', "'", '=', ' ', '/', 'p', 'div', 'script', 'noscript', 'title', 'textarea',
    '&', '&amp;', '&lt;', ']]>', '<![CDATA[', 'x', '\u00A0', '<p>', '</p>', '<b>', '<title>', '</title>', '<script>', '</script>',
    '<a href="', '<p a"', 'a=b', '<br/>', '</br>', '<svg>', '<path/>',
  );
  it('GIVEN any soup of markup pieces THEN the node count is at least the DOM\'s, first parse and re-parse', () => {
    fc.assert(
      fc.property(fc.array(markup, { maxLength: 60 }), (parts) => {
        const html = `<html><body>${parts.join('')}`;
        expect(measureHtml(html).nodes).toBeGreaterThanOrEqual(domNodes(html));
      }),
      { numRuns: 3000 },
    );
  });

  const tags = fc.constantFrom(
    '<div>', '</div>', '<p>', '</p>', '<li>', '<ul>', '</ul>', '<div/>', '<svg>', '</svg>', '<path/>', '<g>', '</g>', '<title>',
    '</title>', '<math>', '<mi>', '</mi>', '</x>', '<table>', '<tr>', '<td>', '<br/>', '</br>', '<div a=b/>', '<div a="/">',
    '<div / >', '</div/>', '</ div>', 'x', '<select>', '<option>', '<foreignObject>', '</foreignObject>',
  );
  it('GIVEN any soup of tags THEN depth and nesting are at least the DOM\'s', () => {
    fc.assert(
      fc.property(fc.array(tags, { maxLength: 60 }), (parts) => {
        const html = `<html><body>${parts.join('')}`;
        const dom = shapeOf(parse(html).documentElement);
        const shape = measureHtml(html);
        expect(shape.maxDepth).toBeGreaterThanOrEqual(dom.depth);
        expect(shape.nesting).toBeGreaterThanOrEqual(dom.nesting);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['bare "<"', `<html><body>${'<'.repeat(1000)}`],
    ['"<div></x>" (end tags that close nothing nest)', `<html><body>${'<div></x>'.repeat(1000)}`],
    ['"<div/>" (ignored outside svg)', `<html><body>${'<div/>'.repeat(1000)}`],
    ['"<noscript>" (not raw text to the parser)', `<html><body><noscript>${'<'.repeat(1000)}`],
    ['"<!-->" (a whole comment)', `<html><body><!-->${'<'.repeat(1000)}-->`],
    ['a quote inside an attribute name', `<html><body><p a"b c>${'<'.repeat(1000)}">`],
  ])('GIVEN %s THEN the measure sees the thousand nodes or levels the DOM holds', (_name, html) => {
    const dom = shapeOf(parse(html).documentElement);
    expect(Math.max(dom.nodes, dom.depth)).toBeGreaterThan(1000);
    const shape = measureHtml(html);
    expect(shape.nodes).toBeGreaterThanOrEqual(domNodes(html));
    expect(shape.maxDepth).toBeGreaterThanOrEqual(dom.depth);
  });
});

describe('pages past the budget never reach the DOM', () => {
  it('GIVEN a paragraph then 200,000 bare "<" THEN the flat path keeps both, exactly', () => {
    const html = `<html><body><p>The mayor spoke on Monday.</p>${'<'.repeat(200_000)}`;
    expect(measureHtml(html).nodes).toBeGreaterThan(MAX_DOM_NODES);
    expect(extractHtml(html).method).toBe('flat');
    expect(parseArticle({ content: html, source: 'lt.html' }).text).toBe(`The mayor spoke on Monday.\n\n${'<'.repeat(200_000)}`);
  });

  it('GIVEN 20,000 "<div></x>" THEN it is as deep as the parser nests it, and flat', () => {
    const html = `<html><body>${'<div></x>'.repeat(20_000)}<p>Deep text.</p>`;
    expect(measureHtml(html).maxDepth).toBe(20_000 + 3);
    expect(extractHtml(html).method).toBe('flat');
    expect(parseArticle({ content: html, source: 'deep.html' }).text).toBe('Deep text.');
  });

  it.each(Object.entries(HOSTILE_HTML))('GIVEN %s at 400 KB THEN the flat path, or a DOM within the budget', (_name, make) => {
    const html = make(400_000);
    const method = extractHtml(html).method;
    if (method === 'flat') return;
    const shape = shapeOf(parseDocument(html).documentElement);
    expect(shape.nodes).toBeLessThanOrEqual(MAX_DOM_NODES);
    expect(shape.depth).toBeLessThanOrEqual(MAX_DOM_DEPTH);
    expect(shape.nesting).toBeLessThanOrEqual(MAX_DOM_NESTING);
  });

  it('GIVEN 20,000 "</p>" alone THEN 20,000 elements (the parser makes a <p> of each), and flat', () => {
    const html = `<html><body><p>The mayor spoke.</p>${'</p>'.repeat(20_000)}`;
    expect(measureHtml(html).elements).toBe(2 + 1 + 20_000);
    expect(MAX_DOM_ELEMENTS).toBeLessThan(20_000);
    expect(extractHtml(html).method).toBe('flat');
  });

  it('GIVEN 1,000 paragraphs under 200 divs THEN the flat path (Readability reads every subtree of every subtree)', () => {
    const html = `<html><body>${'<div>'.repeat(200)}${'<p>The mayor said it.</p>'.repeat(1000)}`;
    const shape = measureHtml(html);
    expect([shape.maxDepth <= MAX_DOM_DEPTH, shape.nodes <= MAX_DOM_NODES, shape.nesting > MAX_DOM_NESTING]).toEqual([true, true, true]);
    expect(extractHtml(html).method).toBe('flat');
    expect(parseArticle({ content: html, source: 'deep.html' }).text).toBe(Array(1000).fill('The mayor said it.').join('\n\n'));
  });
});

describe('hostile HTML grows linearly through parseArticle', () => {
  const SMALL = 100_000;
  const LARGE = 4 * SMALL;
  /** Linear is 4, quadratic 16; the rest is a busy machine. */
  const MAX_GROWTH = 8;
  /** Below this a parse is too fast to time: the ratio is taken against this floor. */
  const TIMER_FLOOR_MS = 10;
  const RUNS = 3;

  const parseTime = (html: string) => {
    const t = cpuClock();
    try {
      parseArticle({ content: html, source: 'hostile.html', format: 'html' });
    } catch (err) {
      if (!(err instanceof ArticleError)) throw err;
    }
    return cpuClock() - t;
  };

  it.each(Object.entries(HOSTILE_HTML))(
    'GIVEN %s at 4x the size THEN under 8x the time',
    (_name, make) => {
      const small = make(SMALL);
      const large = make(LARGE);
      parseTime(small);
      let [bestSmall, bestLarge] = [Infinity, Infinity];
      for (let r = 0; r < RUNS; r++) {
        bestSmall = Math.min(bestSmall, parseTime(small));
        bestLarge = Math.min(bestLarge, parseTime(large));
      }
      expect(bestLarge / Math.max(bestSmall, TIMER_FLOOR_MS), `${bestSmall.toFixed(1)} ms -> ${bestLarge.toFixed(1)} ms`).toBeLessThan(MAX_GROWTH);
    },
    60_000,
  );
});
