/**
 * How big and how deep a page's DOM will be, measured before building it, in one linear pass.
 *
 * The pass runs htmlparser2's tokenizer, the one linkedom parses with, so what counts as a tag, a
 * comment or text is the parser's own decision, not a second guess that an attacker could steer
 * apart from it (a tag soup the scanner reads one way and the parser another). linkedom keeps every
 * text fragment the tokenizer reports as its own node: each character reference, and the text
 * before and after each stray '<', so a page of bare '<' is one node per byte. The tree is followed
 * with open-elements.ts rather than htmlparser2's Parser, whose stack costs O(depth) per tag.
 */
import { Tokenizer } from 'htmlparser2';
import { openElements } from './open-elements';

export interface HtmlShape {
  /** The deepest element nesting. */
  readonly maxDepth: number;
  /** Elements: start tags, and the ones "</p>" and "</br>" alone make. */
  readonly elements: number;
  /**
   * An upper bound on the nodes (elements, text, comments) of the DOM, on the first parse and on the
   * second one Readability makes when it writes the page out and parses it again.
   */
  readonly nodes: number;
  /**
   * The sum over nodes of the square of their depth (an upper bound). Readability's cleanup measures,
   * for each element of the article, the text of every element below it, so a node at depth d is
   * read about d²/2 times: 15,000 tiny elements under 290 divs took 15 s, at only 30,000 nodes.
   */
  readonly nesting: number;
}

/** Elements whose text the tokenizer hands over whole (no references decoded): one node, also when parsed again. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'textarea']);

/**
 * Characters that Readability's serialization writes as references ('&lt;', '&gt;', '&amp;', '&#160;'):
 * parsed again, each is a node of its own and starts another.
 */
const isEscaped = (c: number) => c === 0x26 || c === 0x3c || c === 0x3e || c === 0xa0;

function escapedIn(text: string): number {
  let n = 0;
  for (let k = 0; k < text.length; k++) if (isEscaped(text.charCodeAt(k))) n++;
  return n;
}

/** Measure a page without building its DOM. O(n) time, O(depth) memory. */
export function measureHtml(html: string): HtmlShape {
  const open = openElements();
  let elements = 0;
  let nodes = 0;
  let nesting = 0;
  /** `count` nodes at the current depth (the children of the innermost open element). */
  const add = (count: number) => {
    nodes += count;
    nesting += count * (open.depth + 1) ** 2;
  };
  let tagName = '';
  let rawText = false;
  const startTag = (slash: boolean) => {
    elements++;
    open.open(tagName, slash);
    add(1); // counted at its own depth once its implied closes are done: an upper bound either way
  };
  const comment = (data: string) => {
    add(1);
    // Written back as <!--data-->, a comment holding "-->" ends early and the rest is parsed as markup.
    if (data.includes('-->')) add(1 + 2 * escapedIn(data));
  };
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      ontext(start, end) {
        add(rawText ? 1 : 1 + 2 * escapedIn(html.slice(start, end)));
      },
      ontextentity(codepoint) {
        add(isEscaped(codepoint) ? 3 : 1);
      },
      onopentagname(start, end) {
        tagName = html.slice(start, end).toLowerCase();
      },
      onopentagend() {
        startTag(false);
        rawText = RAW_TEXT.has(tagName);
      },
      onselfclosingtag() {
        startTag(true);
      },
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        rawText = false;
        if (name === 'br' || (name === 'p' && !open.isOpen('p'))) {
          elements++; // the parser makes these elements
          add(1);
        }
        open.close(name);
      },
      oncomment(start, end, offset) {
        comment(html.slice(start, end - offset));
      },
      oncdata(start, end, offset) {
        comment(html.slice(start, end - offset)); // in HTML, CDATA is a comment
      },
      // Declarations, processing instructions and attributes make no nodes.
      ondeclaration() {},
      onprocessinginstruction() {},
      onattribname() {},
      onattribdata() {},
      onattribentity() {},
      onattribend() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return { maxDepth: open.maxDepth, elements, nodes, nesting };
}
